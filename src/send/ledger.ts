import type { LedgerEntry, LedgerState, Recipient } from '../types.js';

/** A send of one issue: created when it starts, so a second start can be refused. */
export interface Campaign {
  issue: string;
  /** The list it was planned from: a CSV path or `store`. */
  source: string;
  startedAt: string;
  finishedAt: string | null;
  /** What the sender that began it sends (campaign-fingerprint.ts); kept on a shared store only. */
  fingerprint: string | null;
}

/**
 * What every sender of a campaign must agree on, fixed by the one that begins it: the build it
 * sends, and the rate through its relay. Recorded on a shared store, with the campaign, in one
 * transaction, so no sender can see the campaign without them.
 */
export interface CampaignTerms {
  fingerprint: string;
  relay: string;
  rate: number | null;
}

/** A recipient still to be sent to, as the ledger planned it. */
export interface PlannedDelivery {
  /** Place in the list, from 1: the row's key in the ledger. */
  position: number;
  recipient: Recipient;
  /** Kept across retries and resumes, so receivers can recognise a repeat. */
  messageId: string | null;
}

export type LedgerCounts = Record<LedgerState, number>;

/** The VERP id of one planned delivery (see message/return-path.ts), stored with its row. */
export type BounceIdOf = (issue: string, email: string) => string;

/**
 * The send ledger: one row per issue and recipient, moved through
 * pending → sending → sent | failed, each step committed before the next action.
 * A row is marked `sent` only after the server accepted the message, so after a crash the
 * rows still `pending` are exactly those nobody tried, and the rows left `sending` are the
 * few whose fate is unknown (accepted or not, the answer was lost with the process).
 * Kept in the SQLite file (sqlite-send-ledger.ts), or in PostgreSQL where several senders share
 * one campaign (postgres/postgres-send-ledger.ts).
 */
export interface SendLedger {
  campaign(issue: string): Promise<Campaign | null>;
  /** Begins the campaign, or (senders starting together on a shared store) finds the one another began. */
  begin(issue: string, source: string, terms: CampaignTerms | null): Promise<Campaign>;
  /** Forgets a campaign nothing was sent for yet (its planning failed), so it can start afresh. */
  discardUnstarted(issue: string): Promise<boolean>;
  /** Forgets a campaign that has no recipients at all; returns whether there was one. */
  forgetEmpty(issue: string): Promise<boolean>;
  finish(issue: string): Promise<void>;
  /** Adds recipients not planned yet, after the ones already there; returns how many were new. */
  plan(issue: string, recipients: readonly Recipient[]): Promise<number>;
  counts(issue: string): Promise<LedgerCounts>;
  /**
   * The rows this run is to send, in list order. Rows put back to pending during the walk
   * (retries exhausted) wait for the next `--resume`.
   */
  pending(issue: string): AsyncGenerator<PlannedDelivery>;
  /** Rows a killed process left in flight: each may or may not have been delivered. */
  inFlight(issue: string): Promise<LedgerEntry[]>;
  /** Puts in-flight rows back in the queue: used only when asked to resend them. */
  requeueInFlight(issue: string): Promise<number>;
  /**
   * Committed before each attempt to hand the message to the server. With `holder`, the row is
   * claimed only while that run still holds its lease, in the same statement: a run that lost
   * its lease (frozen past the timeout, then woken) can never claim a row another run now owns.
   * Returns whether the row was claimed.
   */
  markSending(issue: string, position: number, messageId: string, holder: string | null): Promise<boolean>;
  /** Records what a failed attempt got back, leaving the state as it is. */
  noteReply(issue: string, position: number, reply: string): Promise<void>;
  markSent(issue: string, position: number, reply: string): Promise<void>;
  markFailed(issue: string, position: number, reply: string): Promise<void>;
  /** A 4xx with tries left: back to pending (the server surely did not accept it), and still this run's to try again. */
  markRetrying(issue: string, position: number, reply: string): Promise<void>;
  /** Retries ran out on temporary failures (or the send was stopped): back in the queue for `--resume`. A null reply keeps the last one. */
  markDeferred(issue: string, position: number, reply: string | null): Promise<void>;
  /** Takes a recipient out of the send (they unsubscribed after it was planned). */
  drop(issue: string, position: number): Promise<void>;
  entries(issue: string, state?: LedgerState): Promise<LedgerEntry[]>;
}

/** A ledger row as both stores read it: the columns of `deliveries` a LedgerEntry shows. */
export interface LedgerRow {
  issue: string;
  email: string;
  state: LedgerState;
  message_id: string | null;
  reply: string | null;
  attempts: number;
  /** Text in SQLite, a timestamp in PostgreSQL. */
  updated_at: string | Date;
}

export const LEDGER_ROW_COLUMNS = 'issue, email, state, message_id, reply, attempts, updated_at';

export function ledgerEntry(row: LedgerRow): LedgerEntry {
  return {
    issue: row.issue,
    email: row.email,
    state: row.state,
    messageId: row.message_id,
    reply: row.reply,
    attempts: row.attempts,
    updatedAt: typeof row.updated_at === 'string' ? row.updated_at : row.updated_at.toISOString(),
  };
}
