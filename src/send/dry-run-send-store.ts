import { IN_MEMORY, openStateDb } from '../store/state-db.js';
import type { SubscriberStore } from '../subscribers/subscriber-store.js';
import { systemClock } from './clock.js';
import { RateLimiter } from './rate-limiter.js';
import type { SendStore, SendStoreOptions } from './send-store.js';
import { SqliteSendLedger } from './sqlite-send-ledger.js';

/**
 * A dry run's send state, on either store: the real suppression list, a ledger in memory that is
 * thrown away, no lease and no rate (nothing goes to a server).
 */
export function dryRunSendStore(
  store: { shown: string; file: string | null; subscribers: SubscriberStore; close(): Promise<void> },
  options: Pick<SendStoreOptions, 'now' | 'bounceIdOf'>,
): SendStore {
  const ledgerDb = openStateDb(IN_MEMORY);
  return {
    ...store,
    shared: false,
    ledger: new SqliteSendLedger(ledgerDb, options.now, options.bounceIdOf),
    lease: null,
    limiter: async () => ({ limiter: new RateLimiter(null, systemClock), rate: null }),
    planned: async () => undefined,
    close: async () => {
      ledgerDb.close();
      await store.close();
    },
  };
}
