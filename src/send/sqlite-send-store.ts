import { IN_MEMORY, openStateDb, storeProblem } from '../store/state-db.js';
import { SqliteSubscriberStore } from '../subscribers/sqlite-subscriber-store.js';
import { systemClock } from './clock.js';
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
  // A dry run honours the real suppression list but records into a ledger that is thrown away.
  const ledgerDb = options.dryRun ? openStateDb(IN_MEMORY) : db;
  let lease: SendLease | null = null;
  try {
    lease = options.dryRun ? null : SendLease.acquire(db, options.issue, file);
  } catch (error) {
    if (ledgerDb !== db) ledgerDb.close();
    db.close();
    throw storeProblem(error, file);
  }
  return {
    shown: file,
    file,
    shared: false,
    subscribers: new SqliteSubscriberStore(db, options.now),
    ledger: new SqliteSendLedger(ledgerDb, options.now, options.bounceIdOf),
    lease,
    limiter: async (_relay, perSecond) => ({ limiter: new RateLimiter(perSecond, systemClock), rate: perSecond }),
    planned: async () => undefined,
    close: async () => {
      lease?.release();
      if (ledgerDb !== db) ledgerDb.close();
      db.close();
    },
  };
}
