import type { SubscriberStore } from '../subscribers/subscriber-store.js';
import type { BounceIdOf, SendLedger } from './ledger.js';
import type { Limiter } from './rate-limiter.js';

/**
 * This run's part in an issue's send: its id (the ledger's claims are conditioned on it), and
 * whether it has been lost (frozen or cut off past the lease timeout) so it must send no more.
 */
export interface SenderLease {
  readonly holder: string;
  readonly lost: boolean;
  /** Why the lease was lost, as a message ends: who took the send over, or that the store was out of reach. */
  lossDescription(): string;
}

/** Where a send keeps its state, as the send sees it: the SQLite file or a shared PostgreSQL database. */
export interface SendStore {
  /** Named in messages about the store: the SQLite file, or the PostgreSQL URL without its password. */
  readonly shown: string;
  /** The SQLite file, given as a diagnostic's `file`; null for PostgreSQL. */
  readonly file: string | null;
  /**
   * Whether other senders may work on the same issue at the same time. On SQLite one run holds
   * the issue and a second is refused; on PostgreSQL a second sender joins the send.
   */
  readonly shared: boolean;
  readonly subscribers: SubscriberStore;
  readonly ledger: SendLedger;
  /** Null for a dry run, which records into a ledger that is thrown away. */
  readonly lease: SenderLease | null;
  /**
   * The limit for messages to one relay (`host:port`), at `perSecond` (null: none), and the rate in
   * force. On PostgreSQL it is shared by every sender of the issue through that relay, at the rate
   * of the sender that began the campaign (or of the first through another relay).
   */
  limiter(relay: string, perSecond: number | null): Promise<{ limiter: Limiter; rate: number | null }>;
  /** This run has planned its list (on a shared store, the other senders stop waiting for its rows). */
  planned(): Promise<void>;
  /** Ends this run's part: its lease and unsent claims released, connections closed. */
  close(): Promise<void>;
}

export interface SendStoreOptions {
  issue: string;
  /** A dry run: the real suppression list, a throwaway ledger, no lease. */
  dryRun: boolean;
  now: () => Date;
  bounceIdOf: BounceIdOf | null;
}
