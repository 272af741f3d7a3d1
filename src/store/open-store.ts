import { SqliteSignUpAttempts } from '../subscribe/sqlite-sign-up-attempts.js';
import { SqliteSubscriberStore } from '../subscribers/sqlite-subscriber-store.js';
import { openStateDb, type OpenOptions } from './state-db.js';
import type { Store } from './store.js';
import type { StoreLocation } from './store-location.js';

export interface StoreOptions extends OpenOptions {
  /** The clock the store stamps changes with. */
  now?: () => Date;
}

/** Opens the store where the workspace says it is; `write` when the command will change it. */
export async function openStore(location: StoreLocation, options: StoreOptions = {}): Promise<Store> {
  if (location.kind === 'postgres') {
    // Loaded only for a PostgreSQL store: the SQLite one never loads pg.
    const { openPostgresStore } = await import('./postgres/open-postgres-store.js');
    return openPostgresStore(location, { now: options.now, write: options.write });
  }
  const db = openStateDb(location.file, options);
  return {
    location,
    subscribers: new SqliteSubscriberStore(db, options.now),
    signUpAttempts: new SqliteSignUpAttempts(db),
    close: async () => {
      db.close();
    },
  };
}
