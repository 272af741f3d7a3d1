import { Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';

/**
 * Connections to the PostgreSQL store, shared by every request of a process. Each operation
 * borrows a connection for one statement or one transaction and hands it back.
 */
export type PostgresPool = pg.Pool;
export type PostgresClient = pg.PoolClient;

/**
 * The advisory locks Gazette takes, by purpose. The two-number form of pg_advisory_xact_lock keeps
 * them apart from any one-number lock another program sharing the database takes; the first number
 * ('Gz' and a purpose) says what is locked, the second which one.
 */
export const ADVISORY_LOCK = {
  /** Migrations: two processes starting on an empty database must not both create the tables. */
  migrations: 0x477a_0001,
  /** Imports: one at a time, as in SQLite, so two imports never wait on each other's rows (a deadlock). */
  imports: 0x477a_0002,
  /** Sign-up attempts, with a hash of the kind and key as the second number. */
  signUpAttempts: 0x477a_0003,
  /** Planning an issue's send, with a hash of the issue: senders starting together number the rows one at a time. */
  plans: 0x477a_0004,
} as const;

/**
 * How long to wait for a connection, and for any one statement's answer. A server that is frozen,
 * or a host that swallows packets, is then told as unreachable instead of holding a request (or a
 * command) forever. A statement waiting its turn (an import behind another) counts too: a minute.
 */
const CONNECT_TIMEOUT_MS = 10_000;
const STATEMENT_TIMEOUT_MS = 60_000;

/** How long closing waits for the server to say goodbye before dropping the connections. */
const CLOSE_GRACE_MS = 1000;

/** Each pool's sockets, so a pool whose server stopped answering can still be closed. */
const socketsOf = new WeakMap<PostgresPool, Set<Socket>>();

/** A pool of connections to the database the URL names. Nothing is connected until the first query. */
export function openPostgresPool(url: string, { statementTimeoutMs = STATEMENT_TIMEOUT_MS }: { statementTimeoutMs?: number } = {}): PostgresPool {
  const sockets = new Set<Socket>();
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: Math.min(CONNECT_TIMEOUT_MS, statementTimeoutMs),
    query_timeout: statementTimeoutMs,
    stream: () => {
      const socket = new Socket();
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      return socket;
    },
  });
  socketsOf.set(pool, sockets);
  // An idle connection the server drops (a restart, a failover) is reported here and discarded;
  // without a listener Node would end the process. The next query opens a fresh one, and reports
  // its own failure if the server is still away.
  pool.on('error', () => {});
  return pool;
}

/**
 * Runs `work` in one transaction on one connection: all of its writes are committed, or none.
 * READ COMMITTED, PostgreSQL's default: the operations that must not race take row locks or
 * advisory locks, so no transaction can fail with a serialization error and need running again.
 */
export async function inTransaction<T>(pool: PostgresPool, work: (client: PostgresClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A connection the server drops between two statements of the transaction (a restart, a
  // terminated backend) emits 'error' on the client it is checked out as; unheard, Node would end
  // the process. The next statement fails with it, and that failure is what is reported.
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // The connection itself failed: it must not go back to the pool.
      broken = rollbackError as Error;
    }
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/** Takes a transaction-scoped advisory lock, held until the transaction ends. */
export async function lockForTransaction(client: PostgresClient, purpose: number, which: string | number = 0): Promise<void> {
  // hashtext folds any key to the int4 the lock takes; two keys sharing a hash only wait for each other.
  const second = typeof which === 'number' ? '$2::int4' : 'hashtext($2::text)';
  await client.query(`SELECT pg_advisory_xact_lock($1::int4, ${second})`, [purpose, which]);
}

/**
 * Closes the pool. A server cut off by the network never answers the goodbye, and the sockets
 * waiting for it (those of connections the pool already let go, too) would keep the process
 * alive forever: after a short grace, whatever is still open is dropped.
 */
export async function closePostgresPool(pool: PostgresPool): Promise<void> {
  const ended = pool.end();
  await Promise.race([ended, delay(CLOSE_GRACE_MS, undefined, { ref: false })]);
  for (const socket of socketsOf.get(pool) ?? []) socket.destroy();
  await ended;
}

/**
 * The pool, with each single statement tried again while its connection is dropped or refused
 * (a server restarting, a terminated backend), for up to `windowMs` from the first failure. For a
 * sender, whose statements are each safe to run twice (they set a state, or insert what is not
 * there yet): a blip of the database then costs a pause, not the send. Transactions are not
 * retried here; they fail as before.
 */
export function withStatementRetries(pool: PostgresPool, windowMs: number, isTransient: (error: unknown) => boolean): PostgresPool {
  const query = async (...args: Parameters<PostgresPool['query']>): Promise<unknown> => {
    let firstFailure: number | null = null;
    for (let attempt = 0; ; attempt++) {
      try {
        return await (pool.query as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        firstFailure ??= performance.now();
        if (!isTransient(error) || performance.now() - firstFailure >= windowMs) throw error;
        await delay(Math.min(1000, 100 * 2 ** attempt));
      }
    }
  };
  return new Proxy(pool, { get: (target, name, receiver) => (name === 'query' ? query : Reflect.get(target, name, receiver)) });
}
