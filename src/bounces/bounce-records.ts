import type { SuppressionReason } from '../subscribers/subscriber-store.js';
import type { RecordedKind } from './bounce-rules.js';

/** The delivery a report is about: the issue and the address it was sent to. */
export interface DeliveryRef {
  issue: string;
  email: string;
}

/** One address of one report, as the bounce log keeps it. */
export interface BounceEventRow {
  reportId: string;
  key: string;
  email: string;
  issue: string | null;
  kind: RecordedKind;
  status: string | null;
  diagnostic: string | null;
  at: Date;
}

/** The writes of one report, made in one transaction (BounceRecords.transaction). */
export interface BounceWrites {
  /** Returns false when this report was already recorded for this address (a mailbox read again). */
  insertEvent(event: BounceEventRow): Promise<boolean>;
  /** Soft bounces of the address received since `since`, the one just inserted included. */
  softBouncesSince(key: string, since: Date): Promise<number>;
  /** Suppresses the address unless a graver reason is already there; returns whether it changed. */
  suppress(email: string, reason: SuppressionReason, detail: string | null): Promise<boolean>;
}

/**
 * Where the bounce log reads deliveries and writes events and suppressions: the SQLite file
 * (sqlite-bounce-records.ts) or PostgreSQL (postgres-bounce-records.ts). The rules are the bounce
 * log's own (bounce-log.ts), the same on both.
 */
export interface BounceRecords {
  /** The delivery a VERP id was made for. */
  deliveryByBounceId(verpId: string): Promise<DeliveryRef | null>;
  /** The delivery of this address that carried this Message-ID. */
  deliveryByMessage(key: string, messageId: string): Promise<DeliveryRef | null>;
  /** Runs one report's writes: all of them are kept, or none. */
  transaction<T>(work: (writes: BounceWrites) => Promise<T>): Promise<T>;
}
