import { diagnostic, GazetteError } from '../../diagnostics/diagnostic.js';
import { shownLocation, type StoreLocation } from '../store-location.js';

/** Node's errors for a server that cannot be reached at all. */
const UNREACHABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/**
 * node-postgres's own words for a connection lost or never made (these errors carry no code).
 * Matched on its message because the library gives nothing else to tell them by.
 */
const LOST_CONNECTION = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly)/i;

/** Errors of a connection the server dropped or refused for a moment (a restart, a terminated backend). */
const DROPPED_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);
const DROPPED_SQLSTATE = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006']);
// Not a connection that timed out: that server may be cut off, and waiting again only doubles the wait.
const DROPPED_MESSAGE = /^(Connection terminated(?! due to connection timeout)|Client has encountered a connection error|Connection ended unexpectedly)/i;

/**
 * Whether a failure is a connection dropped or refused, which the same statement may get past a
 * moment later on a new connection. A statement that waited past its timeout is not: the server
 * may be cut off, and waiting again would only double the wait.
 */
export function isDroppedConnection(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (DROPPED_ERRNO.has(code) || DROPPED_SQLSTATE.has(code))) return true;
  return DROPPED_MESSAGE.test((error as Error | null)?.message ?? '');
}

/**
 * The one place a failure of a PostgreSQL store becomes a diagnostic naming the store (its URL
 * without the password): a server out of reach, a login refused, a database that does not exist, a
 * user without the rights a command needs, a server out of connections. These are conditions of
 * the deployment, not bugs. Anything else (a constraint broken by a bug) passes unchanged, and so
 * does a GazetteError.
 */
export function postgresProblem(error: unknown, location: StoreLocation): unknown {
  if (error instanceof GazetteError) return error;
  const where = shownLocation(location);
  const detail = (error as Error | null)?.message ?? String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const sqlState = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
  const problem = (rule: 'store/unreachable' | 'store/postgres-login' | 'store/read-only' | 'store/busy' | 'store/invalid-url' | 'store/foreign-schema', message: string) =>
    new GazetteError([diagnostic(rule, message, { field: 'store' })]);

  if (typeof code === 'string' && UNREACHABLE_ERRNO.has(code)) return problem('store/unreachable', `cannot reach the PostgreSQL store at ${where} (${detail}); nothing more was done`);
  if (code === 'ENOENT' || code === 'EACCES') return problem('store/invalid-url', `cannot read a file the URL of the PostgreSQL store ${where} names (${detail})`);
  if (!sqlState && /^Query read timeout/i.test(detail)) return problem('store/unreachable', `the PostgreSQL store at ${where} stopped answering (a statement waited past its timeout); nothing more was done`);
  if (!sqlState && /does not support SSL/i.test(detail)) {
    return problem('store/unreachable', `the PostgreSQL store at ${where} takes no SSL connections, and its URL asks for one (sslmode): ${detail}`);
  }
  if (!sqlState && LOST_CONNECTION.test(detail)) return problem('store/unreachable', `lost the connection to the PostgreSQL store at ${where} (${detail}); nothing more was done`);
  if (!sqlState) return error;
  if (sqlState.startsWith('28')) return problem('store/postgres-login', `the PostgreSQL store at ${where} refused the login (${detail})`);
  if (sqlState === '3D000') return problem('store/unreachable', `the PostgreSQL store at ${where} has no such database (${detail}): create it first (createdb)`);
  if (sqlState.startsWith('08') || sqlState === '57P01' || sqlState === '57P02' || sqlState === '57P03') {
    return problem('store/unreachable', `the PostgreSQL store at ${where} is not taking connections (${detail}); nothing more was done`);
  }
  if (sqlState === '42501' || sqlState === '25006') return problem('store/read-only', `the PostgreSQL store at ${where} may not be changed by this user (${detail}); nothing was changed`);
  // A table already there that Gazette's migrations did not make, or one they recorded that is gone.
  if (sqlState === '42P07' || sqlState === '42P01') {
    return problem('store/foreign-schema', `the PostgreSQL store at ${where} holds tables Gazette did not make, or lacks tables it made (${detail}): give Gazette a database of its own`);
  }
  if (sqlState === '53300' || sqlState === '55P03') return problem('store/busy', `the PostgreSQL store at ${where} is busy (${detail}); nothing more was done: try again`);
  return error;
}
