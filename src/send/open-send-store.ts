import type { StoreLocation } from '../store/store-location.js';
import type { SendStore, SendStoreOptions } from './send-store.js';

/** Opens the send's state where the workspace keeps its store. */
export async function openSendStore(location: StoreLocation, options: SendStoreOptions): Promise<SendStore> {
  if (location.kind === 'postgres') {
    // Loaded only for a PostgreSQL store: the SQLite one never loads pg.
    const { openPostgresSendStore } = await import('./postgres/postgres-send-store.js');
    return openPostgresSendStore(location, options);
  }
  const { openSqliteSendStore } = await import('./sqlite-send-store.js');
  return openSqliteSendStore(location.file, options);
}
