import { PostgresSignUpAttempts } from '../../subscribe/postgres-sign-up-attempts.js';
import { PostgresSubscriberStore } from '../../subscribers/postgres-subscriber-store.js';
import type { Store } from '../store.js';
import { shownLocation, type StoreLocation } from '../store-location.js';
import { openPostgresPool } from './postgres-db.js';
import { migratePostgres } from './postgres-migrations.js';
import { postgresProblem } from './postgres-problem.js';
import { withProblemsTold } from './told-problems.js';

/**
 * Opens the PostgreSQL store and brings its schema up to date. The first connection is made here,
 * so a server that is away, a wrong password or a missing database is told at once, in one line,
 * rather than at the first request of `gazette serve`; later failures are told the same way.
 */
export async function openPostgresStore(location: Extract<StoreLocation, { kind: 'postgres' }>, now?: () => Date): Promise<Store> {
  const pool = openPostgresPool(location.url);
  const toProblem = (error: unknown) => postgresProblem(error, location);
  try {
    await migratePostgres(pool, shownLocation(location));
  } catch (error) {
    await pool.end();
    throw toProblem(error);
  }
  let closed: Promise<void> | null = null;
  return {
    location,
    subscribers: withProblemsTold(new PostgresSubscriberStore(pool, now), toProblem),
    signUpAttempts: withProblemsTold(new PostgresSignUpAttempts(pool), toProblem),
    // pg refuses a second end(); closing twice (a stop racing a failure) is harmless here.
    close: () => (closed ??= pool.end()),
  };
}
