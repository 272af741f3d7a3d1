import { diagnostic, GazetteError } from '../../diagnostics/diagnostic.js';
import { PostgresSignUpAttempts } from '../../subscribe/postgres-sign-up-attempts.js';
import { PostgresSubscriberStore } from '../../subscribers/postgres-subscriber-store.js';
import type { Store } from '../store.js';
import { shownLocation, type StoreLocation } from '../store-location.js';
import { closePostgresPool, openPostgresPool, type PostgresPool } from './postgres-db.js';
import { migratePostgres } from './postgres-migrations.js';
import { postgresProblem } from './postgres-problem.js';
import { withProblemsTold } from './told-problems.js';

/**
 * Opens the PostgreSQL store and brings its schema up to date. The first connection is made here,
 * so a server that is away, a wrong password or a missing database is told at once, in one line,
 * rather than at the first request of `gazette serve`; later failures are told the same way.
 */
export async function openPostgresStore(
  location: Extract<StoreLocation, { kind: 'postgres' }>,
  { now, write = false }: { now?: () => Date; write?: boolean } = {},
): Promise<Store> {
  const { pool, toProblem, close } = await openCheckedPool(location, { write });
  return {
    location,
    subscribers: withProblemsTold(new PostgresSubscriberStore(pool, now), toProblem),
    signUpAttempts: withProblemsTold(new PostgresSignUpAttempts(pool), toProblem),
    close,
  };
}

export interface CheckedPool {
  pool: PostgresPool;
  /** A failure of the store as the one-line problem that names it. */
  toProblem: (error: unknown) => unknown;
  close(): Promise<void>;
}

/**
 * A pool on the store's database, its schema brought up to date and, for a command that will
 * write, its rights checked. `statementTimeoutMs` shortens how long any one statement may wait
 * (a sender's must end within its lease).
 */
export async function openCheckedPool(
  location: Extract<StoreLocation, { kind: 'postgres' }>,
  { write = false, statementTimeoutMs }: { write?: boolean; statementTimeoutMs?: number } = {},
): Promise<CheckedPool> {
  const pool = openPostgresPool(location.url, { statementTimeoutMs });
  const toProblem = (error: unknown) => postgresProblem(error, location);
  try {
    await migratePostgres(pool, shownLocation(location));
    if (write) await refuseReadOnly(pool, location);
  } catch (error) {
    await closePostgresPool(pool);
    throw toProblem(error);
  }
  let closed: Promise<void> | null = null;
  // pg refuses a second end(); closing twice (a stop racing a failure) is harmless here.
  return { pool, toProblem, close: () => (closed ??= closePostgresPool(pool)) };
}

/** The tables a command that writes changes. */
const WRITTEN_TABLES = ['subscribers', 'suppressions', 'subscribe_attempts'];

/**
 * A command that will write (serve, an import) is refused at start when this user may only read,
 * or the server is a read-only replica: otherwise serve would start and fail every unsubscribe.
 */
async function refuseReadOnly(pool: PostgresPool, location: Extract<StoreLocation, { kind: 'postgres' }>): Promise<void> {
  const { rows } = await pool.query<{ writable: boolean; read_only: string }>(
    `SELECT bool_and(has_table_privilege(t, 'INSERT') AND has_table_privilege(t, 'UPDATE') AND has_table_privilege(t, 'DELETE')) AS writable,
            current_setting('transaction_read_only') AS read_only
     FROM unnest($1::text[]) AS t`,
    [WRITTEN_TABLES],
  );
  const { writable, read_only: readOnly } = rows[0]!;
  if (writable && readOnly !== 'on') return;
  const why = readOnly === 'on' ? 'the server takes no writes (a read-only replica?)' : 'this user may not insert, update and delete in its tables';
  throw new GazetteError([diagnostic('store/read-only', `cannot write the PostgreSQL store at ${shownLocation(location)}: ${why}; nothing was changed`, { field: 'store' })]);
}
