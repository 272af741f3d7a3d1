import { openStateDb, storeProblem } from '../store/state-db.js';
import { SqliteSubscriberStore } from '../subscribers/sqlite-subscriber-store.js';
import { systemClock } from './clock.js';
import { dryRunSendStore } from './dry-run-send-store.js';
import { RateLimiter } from './rate-limiter.js';
import { SendLease } from './send-lease.js';
import type { SendStore, SendStoreOptions } from './send-store.js';
import { SqliteSendLedger } from './sqlite-send-ledger.js';

/**
 * A send on the SQLite file of one machine: one run holds the issue's lease (a second is refused
 * with `send/locked`), and `--rate` is kept by this process alone.
 */
export function openSqliteSendStore(file: string, options: SendStoreOptions): SendStore {
  const db = openStateDb(file, { write: !options.dryRun });
  const subscribers = new SqliteSubscriberStore(db, options.now);
  if (options.dryRun) return dryRunSendStore({ shown: file, file, subscribers, close: async () => void db.close() }, options);
  let lease: SendLease;
  try {
    lease = SendLease.acquire(db, options.issue, file);
  } catch (error) {
    db.close();
    throw storeProblem(error, file);
  }
  return {
    shown: file,
    file,
    shared: false,
    subscribers,
    ledger: new SqliteSendLedger(db, options.now, options.bounceIdOf),
    lease,
    limiter: async (_relay, perSecond) => ({ limiter: new RateLimiter(perSecond, systemClock), rate: perSecond }),
    planned: async () => undefined,
    close: async () => {
      lease.release();
      db.close();
    },
  };
}
