import type Database from 'better-sqlite3';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';

/** How long a statement waits for another process's lock before giving up (SQLite's busy timeout). */
export const BUSY_TIMEOUT_MS = 5_000;

/** SQLite's primary result code of an error (`SQLITE_IOERR_WRITE` → `SQLITE_IOERR`), or null for other errors. */
function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  return code.split('_').slice(0, 2).join('_');
}

/** Node's own file errors, met before SQLite gets the file (creating its folder). */
const NO_WRITE_ERRNO = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * The one place a failure of the state database becomes a diagnostic naming the file: a lock held
 * past the busy timeout, a file that is not (or no longer) a database, a file Gazette may not
 * write, a disk that fails. These are conditions of the machine, not bugs, so they are told in one
 * line. Anything else (a constraint broken by a bug) passes unchanged, and so does a GazetteError.
 */
export function storeProblem(error: unknown, file: string): unknown {
  if (error instanceof GazetteError) return error;
  const code = sqliteCode(error);
  const detail = (error as Error | null)?.message ?? String(error);
  const problem = (rule: 'store/busy' | 'store/corrupt' | 'store/read-only' | 'store/unreadable', message: string) => new GazetteError([diagnostic(rule, message, { file })]);
  switch (code) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return problem('store/busy', `the state database stayed locked by another Gazette process for longer than ${BUSY_TIMEOUT_MS / 1000} seconds; nothing more was done: try again when it is free`);
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return problem('store/corrupt', `the state database is damaged (${detail}); nothing more was done: restore it from a backup, or move it aside to start an empty one`);
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return problem('store/read-only', `cannot write the state database (${detail}); nothing was changed: give this user write access to the file and its folder`);
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_IOERR':
    case 'SQLITE_FULL':
      return problem('store/unreadable', `cannot read or write the state database: ${detail}`);
    default:
      break;
  }
  const errno = (error as NodeJS.ErrnoException | null)?.code;
  if (errno && NO_WRITE_ERRNO.has(errno)) return problem('store/read-only', `cannot write the state database or its folder (${detail}); nothing was changed: give this user write access to them`);
  return error;
}

type Guard = <T>(action: () => T) => T;
type AnyTransaction = Database.Transaction<(...args: unknown[]) => unknown>;

/**
 * The database with every call that can reach the file (statements, transactions, pragmas)
 * reporting failures through storeProblem, so a page found corrupt in the middle of a send, or a
 * write refused by a read-only file, is one line wherever it happens, with no try/catch at each
 * call site. Each wrapped method is made once per object, so a send's per-message statements pay
 * a function call, not an allocation.
 */
export function guardedDatabase(db: Database.Database, file: string): Database.Database {
  const guard: Guard = (action) => {
    try {
      return action();
    } catch (error) {
      throw storeProblem(error, file);
    }
  };
  return guarded(db, guard, (name, result) => {
    if (name === 'prepare') return guardedStatement(result as Database.Statement, guard);
    if (name === 'transaction') return guardedTransaction(result as AnyTransaction, guard);
    return result;
  });
}

function guardedStatement(statement: Database.Statement, guard: Guard): Database.Statement {
  return guarded(statement, guard, (name, result, target, proxy) => {
    // Rows read lazily fail lazily: each step of the walk is guarded too.
    if (name === 'iterate') return guardedIterator(result as IterableIterator<unknown>, guard);
    // `pluck()`, `raw()`, `bind()` return the statement itself: the caller keeps the guarded one.
    return result === target ? proxy : result;
  });
}

function guardedIterator(iterator: IterableIterator<unknown>, guard: Guard): IterableIterator<unknown> {
  return {
    next: () => guard(() => iterator.next()),
    return: (value?: unknown) => guard(() => iterator.return?.(value) ?? { done: true, value }),
    [Symbol.iterator]() {
      return this;
    },
  };
}

function guardedTransaction(transaction: AnyTransaction, guard: Guard): AnyTransaction {
  const run = (...args: unknown[]) => guard(() => transaction(...args));
  return Object.assign(run, {
    default: (...args: unknown[]) => guard(() => transaction.default(...args)),
    deferred: (...args: unknown[]) => guard(() => transaction.deferred(...args)),
    immediate: (...args: unknown[]) => guard(() => transaction.immediate(...args)),
    exclusive: (...args: unknown[]) => guard(() => transaction.exclusive(...args)),
  });
}

/** `target` with each method's failures passed through `guard`, and its results through `then`. */
function guarded<T extends object>(target: T, guard: Guard, then: (name: PropertyKey, result: unknown, target: T, proxy: T) => unknown): T {
  const methods = new Map<PropertyKey, unknown>();
  const proxy: T = new Proxy(target, {
    get(object, name) {
      // Getters (`open`, `inTransaction`) read the real object: the native side does not know the proxy.
      const value: unknown = Reflect.get(object, name, object);
      if (typeof value !== 'function') return value;
      let method = methods.get(name);
      if (!method) {
        const original = value as (...args: unknown[]) => unknown;
        method = (...args: unknown[]) => then(name, guard(() => original.apply(object, args)), object, proxy);
        methods.set(name, method);
      }
      return method;
    },
  });
  return proxy;
}
