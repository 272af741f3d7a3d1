import { diagnostic, GazetteError } from '../../diagnostics/diagnostic.js';
import { PostgresSignUpAttempts } from '../../subscribe/postgres-sign-up-attempts.js';
import { PostgresSubscriberStore } from '../../subscribers/postgres-subscriber-store.js';
import type { Store } from '../store.js';
import { shownLocation, type StoreLocation } from '../store-location.js';
import { openPostgresPool } from './postgres-db.js';
import { migratePostgres } from './postgres-migrations.js';

/**
 * Opens the PostgreSQL store and brings its schema up to date. The first connection is made here,
 * so a server that is away, a wrong password or a missing database is told at once, in one line,
 * rather than at the first request of `gazette serve`.
 */
export async function openPostgresStore(location: Extract<StoreLocation, { kind: 'postgres' }>, now?: () => Date): Promise<Store> {
  const pool = openPostgresPool(location.url);
  try {
    await migratePostgres(pool, shownLocation(location));
  } catch (error) {
    await pool.end();
    if (error instanceof GazetteError) throw error;
    const detail = (error as Error).message || String(error);
    throw new GazetteError([diagnostic('store/postgres-unavailable', `cannot open the PostgreSQL store (${shownLocation(location)}): ${detail}`, { field: 'store' })]);
  }
  return {
    location,
    subscribers: new PostgresSubscriberStore(pool, now),
    signUpAttempts: new PostgresSignUpAttempts(pool),
    close: () => pool.end(),
  };
}
