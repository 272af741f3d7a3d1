import { GazetteError } from '../../diagnostics/diagnostic.js';
import { openCheckedPool } from '../../store/postgres/open-postgres-store.js';
import { withStatementRetries } from '../../store/postgres/postgres-db.js';
import { isDroppedConnection } from '../../store/postgres/postgres-problem.js';
import { withProblemsTold } from '../../store/postgres/told-problems.js';
import { shownLocation, type StoreLocation } from '../../store/store-location.js';
import { PostgresSubscriberStore } from '../../subscribers/postgres-subscriber-store.js';
import { sleep, systemClock } from '../clock.js';
import { RateLimiter } from '../rate-limiter.js';
import { leaseTimeoutMs } from '../send-lease.js';
import { dryRunSendStore } from '../dry-run-send-store.js';
import type { SendStore, SendStoreOptions } from '../send-store.js';
import { PostgresSendLedger } from './postgres-send-ledger.js';
import { PostgresSenderLease } from './postgres-sender-lease.js';
import { SharedRateLimiter } from './shared-rate-limiter.js';

/**
 * Rows a sender claims at a time. A killed sender's batch waits for its lease to lapse, so small
 * batches keep that wait short; 50 rows are a claim query per 50 messages.
 */
const CLAIM_BATCH = 50;

/**
 * How often a sender with nothing left to claim looks again while other senders still hold rows:
 * it stays to take over the batch of one that dies, and leaves within a second of the last row.
 */
const IDLE_POLL_MS = 1000;

/**
 * A send on a PostgreSQL store that several senders, on several machines, share: each run joins
 * the issue's send as a sender with a lease of its own, claims batches of rows, and takes its
 * turn for the relay's rate in the database.
 */
export async function openPostgresSendStore(location: Extract<StoreLocation, { kind: 'postgres' }>, options: SendStoreOptions): Promise<SendStore> {
  const timeoutMs = leaseTimeoutMs();
  // Every statement of a sender ends within its lease: one hanging on a cut connection must not
  // outlive the lease the others are waiting out.
  const checked = await openCheckedPool(location, { write: !options.dryRun, statementTimeoutMs: timeoutMs });
  const { close } = checked;
  // A restart of the database, or a connection it drops, is waited out for half a lease.
  const pool = withStatementRetries(checked.pool, timeoutMs / 2, isDroppedConnection);
  // Once the store is out of reach, closing does not wait out a statement timeout per farewell
  // write: the claims and slots left behind are freed when the lease lapses.
  let unreachable = false;
  const toProblem = (error: unknown) => {
    const problem = checked.toProblem(error);
    if (problem instanceof GazetteError && problem.diagnostics.some((found) => found.rule === 'store/unreachable')) unreachable = true;
    return problem;
  };
  const subscribers = withProblemsTold(new PostgresSubscriberStore(pool, options.now), toProblem);
  const shown = shownLocation(location);
  // A dry run honours the shared suppression list but records into a ledger that is thrown away.
  if (options.dryRun) return dryRunSendStore({ shown, file: null, subscribers, close }, options);
  let lease: PostgresSenderLease;
  try {
    lease = await PostgresSenderLease.enlist(pool, options.issue, timeoutMs);
  } catch (error) {
    await close();
    throw toProblem(error);
  }
  const ledger = new PostgresSendLedger(pool, lease.holder, { batch: CLAIM_BATCH, pollMs: Math.min(IDLE_POLL_MS, Math.max(10, Math.floor(timeoutMs / 6))), sleep }, options.now, options.bounceIdOf);
  const told = withProblemsTold(ledger, toProblem);
  const limiters: SharedRateLimiter[] = [];
  return {
    shown,
    file: null,
    shared: true,
    subscribers,
    ledger: told,
    lease,
    limiter: async (relay, perSecond) => {
      const rate = await SharedRateLimiter.rateOf(pool, options.issue, relay, perSecond).catch((error: unknown) => {
        throw toProblem(error);
      });
      if (rate === null) return { limiter: new RateLimiter(null, systemClock), rate };
      const limiter = SharedRateLimiter.open(pool, options.issue, relay, lease.holder, rate, sleep);
      limiters.push(limiter);
      return { limiter: withProblemsTold(limiter, toProblem), rate };
    },
    planned: () => told.planned(),
    close: async () => {
      // Best effort: a store out of reach keeps the claims until the lease lapses, which hands them over just the same.
      if (!unreachable) {
        await Promise.all(limiters.map((limiter) => limiter.settled()));
        await ledger.releaseClaims(options.issue).catch(() => undefined);
        await lease.release().catch(() => undefined);
      }
      lease.stop();
      await close();
    },
  };
}
