import type { Diagnostic } from '../types.js';
import type { StopReason } from './campaign.js';
import type { LedgerCounts } from './ledger.js';

/** What a `gazette send` did, printed at the end and as `--json`. */
export interface SendSummary {
  issue: string;
  subject: string;
  /** `smtp://host:port` (never with the password), or the `--dry-run` folder. */
  destination: string;
  dryRun: boolean;
  /** The CSV file or `store`. */
  source: string;
  resumed: boolean;
  /** This run joined a send other senders were already doing (a shared PostgreSQL store): `sent` and the rest are its own part. */
  joined: boolean;
  /** Messages a second through this run's relay, for the whole campaign (on a shared store, set by its first sender); null for none. */
  rate: number | null;
  /** Recipients queued for this run (on a shared store: for every sender of the issue). */
  queued: number;
  sent: number;
  failed: number;
  /** Temporary failures that ran out of retries (or were stopped): still pending, for `--resume`. */
  deferred: number;
  /** Unsubscribed or bounced addresses left out. */
  suppressed: number;
  /** Recipients earlier runs already delivered to. */
  alreadySent: number;
  /** Messages a killed run left in flight: maybe delivered, maybe not; resent only with --resend-in-flight. */
  inDoubt: { email: string; messageId: string | null; since: string }[];
  failures: { email: string; reply: string }[];
  /** Rows of the list that were skipped, with their line numbers. */
  listProblems: Diagnostic[];
  stopped: StopReason | null;
  stopReply: string | null;
  seconds: number;
  perSecond: number;
  /** The issue's ledger after this run. */
  ledger: LedgerCounts;
}

/** Everything went out: no failures, nothing deferred, nothing in doubt, not stopped. */
export function isComplete(summary: SendSummary): boolean {
  return summary.failed === 0 && summary.deferred === 0 && summary.inDoubt.length === 0 && summary.stopped === null && summary.ledger.pending === 0;
}
