import type { Recipient } from '../types.js';

export type SuppressionReason = 'unsubscribed' | 'bounced' | 'complained';

export interface Suppression {
  email: string;
  reason: SuppressionReason;
  detail: string | null;
  createdAt: string;
}

/** `pending` until a sign-up from the form is confirmed; imported and added subscribers are `confirmed`. */
export type SubscriberStatus = 'pending' | 'confirmed';

/** Where a subscriber came from: a CSV import or `subscribers add`, or the sign-up form. */
export type SubscriberSource = 'import' | 'form';

export interface StoredSubscriber extends Recipient {
  status: SubscriberStatus;
  source: SubscriberSource;
  confirmedAt: string | null;
  /** Why the address gets no mail, or null when it is not suppressed. */
  suppressed: SuppressionReason | null;
}

export type SaveOutcome = 'added' | 'updated';

/** What the store holds about an address, as a sign-up sees it. */
export type SignUpState = 'new' | SubscriberStatus | SuppressionReason;

/**
 * What a confirmation did. `stale`: the address unsubscribed after the link was sent, so the
 * link no longer speaks for them. `gone`: the address is no longer in the store (removed).
 */
export type ConfirmOutcome = 'confirmed' | 'already-confirmed' | 'suppressed' | 'stale' | 'gone';

/** The store in numbers: subscribers by status (suppressed ones left out), the suppression list by reason. */
export interface StoreCounts {
  confirmed: number;
  pending: number;
  unsubscribed: number;
  bounced: number;
  complained: number;
}

/** What an import did, in numbers. */
export interface ImportCounts {
  added: number;
  updated: number;
  /** Imported addresses that are on the suppression list and stay there. */
  stillSuppressed: number;
}

/**
 * The subscribers and the suppression list every send honours, wherever they are kept: the
 * workspace's SQLite file (sqlite-subscriber-store.ts) or a PostgreSQL database shared by several
 * machines (postgres-subscriber-store.ts). Every method may go over the network, so every one is
 * asynchronous; each is one transaction on its own.
 *
 * Suppressions are kept apart from subscribers on purpose: removing someone from the store, or
 * re-importing an old CSV, must never make an unsubscribed address receive mail again.
 */
export interface SubscriberStore {
  /**
   * Adds or updates a subscriber the operator vouches for (`subscribers add`): they are confirmed,
   * a pending sign-up included. A suppressed address stays suppressed.
   */
  save(recipient: Recipient): Promise<SaveOutcome>;
  /**
   * Saves every batch as `save` would, all in one transaction: a failed import (an unreadable
   * row half-way, a kill) leaves the store as it was. `onBatch` is told after each batch is saved.
   */
  importBatches(batches: AsyncIterable<readonly Recipient[]>, onBatch?: (saved: number) => void): Promise<ImportCounts>;
  /** Where an address stands, for a sign-up: a suppression outranks the subscriber's status. */
  signUpState(email: string): Promise<SignUpState>;
  /**
   * Records a sign-up from the form as pending (a new address, or one that unsubscribed and is
   * signing up again). An address already in the store keeps its status and fields; a name given
   * now fills in a missing one.
   */
  savePending(email: string, name: string | null): Promise<void>;
  /**
   * Confirms a sign-up, from a link issued at `issuedAt`. A fresh confirmation is consent again,
   * so it lifts an `unsubscribed` suppression older than the link; never a newer one (the person
   * left after the link was sent), and never a bounce or a complaint, which only the operator lifts.
   */
  confirm(email: string, issuedAt: Date): Promise<ConfirmOutcome>;
  /** The name a subscriber gave, or null (none given, or not in the store). */
  nameOf(email: string): Promise<string | null>;
  /** Forgets sign-ups never confirmed before `before` (their links have expired); returns how many. */
  prunePending(before: Date): Promise<number>;
  /** Forgets a subscriber; returns false when the address was not in the store. */
  remove(email: string): Promise<boolean>;
  /**
   * Subscribers by status, leaving out suppressed ones, and the whole suppression list by reason:
   * an address can be suppressed without being in the store (it unsubscribed from a CSV send).
   */
  count(): Promise<StoreCounts>;
  /** Every subscriber, ordered by address key, read a page at a time. `sendable`: confirmed and not suppressed only. */
  all(options?: { sendable?: boolean }): AsyncGenerator<StoredSubscriber>;
  /**
   * Puts an address on the suppression list. An existing entry changes only to a graver reason
   * (unsubscribed < bounced < complained): a complaint from someone who had unsubscribed must
   * still outlive a fresh confirmation, which lifts only an `unsubscribed` entry. Returns true
   * when the entry was added or made graver.
   */
  suppress(email: string, reason: SuppressionReason, detail?: string | null): Promise<boolean>;
  /**
   * Takes an address off the suppression list, whatever the reason: the operator's decision
   * (a mailbox that bounced works again). Returns the reason it had, or null when it had none.
   */
  unsuppress(email: string): Promise<SuppressionReason | null>;
  /** Why an address gets no mail, or null when it may be sent to. */
  suppression(email: string): Promise<SuppressionReason | null>;
  /** The addresses of a batch that get no mail, by address key: one question for a whole batch of a list being planned. */
  suppressedOf(emails: readonly string[]): Promise<Set<string>>;
  /** The whole suppression list, oldest first. */
  suppressions(): Promise<Suppression[]>;
}
