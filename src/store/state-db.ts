import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { MIGRATIONS } from './migrations.js';
import { BUSY_TIMEOUT_MS, guardedDatabase, storeProblem } from './store-problem.js';

export { storeProblem } from './store-problem.js';

export type StateDb = Database.Database;

/** An in-memory database: what `--dry-run` records into, so nothing is kept. */
export const IN_MEMORY = ':memory:';

export interface OpenOptions {
  /**
   * The command will write (a send, an import, serve): refuse at once, in one line, a file this
   * process may only read, rather than after part of the work (or, for serve, at every request).
   */
  write?: boolean;
}

/**
 * Opens (creating when needed) the database holding subscribers, suppressions and send ledgers,
 * and brings its schema up to date. Every failure of the file, at open or later, is reported by
 * storeProblem as one line naming it.
 */
export function openStateDb(file: string, options: OpenOptions = {}): StateDb {
  let db: StateDb | null = null;
  try {
    db = guardedDatabase(openFile(file), file);
    // The busy timeout first: even switching to WAL waits for a process that holds the file.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // WAL lets `gazette serve` record unsubscribes while a send reads the same file; NORMAL
    // synchronous keeps every committed row through a killed process (only an OS crash can lose
    // the last commits), which is the failure the ledger is there for.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Sends and imports walk the tables in order and touch each row a few times in a row: a small
    // page cache (4 MB rather than better-sqlite3's 16 MB) costs them nothing and keeps memory flat.
    db.pragma('cache_size = -4000');
    db.pragma('foreign_keys = ON');
    migrate(db, file);
    if (options.write) probeWrite(db);
  } catch (error) {
    if (db?.open) db.close();
    throw storeProblem(error, file);
  }
  return db;
}

/** The file opened, its folder created when needed; a failure of either is a diagnostic. */
function openFile(file: string): Database.Database {
  try {
    if (file !== IN_MEMORY) mkdirSync(path.dirname(file), { recursive: true });
    return new Database(file);
  } catch (error) {
    const problem = storeProblem(error, file);
    if (problem !== error) throw problem;
    throw new GazetteError([diagnostic('store/unreadable', `cannot open the state database: ${(error as Error).message}`, { file })]);
  }
}

/**
 * Writes the schema version it already has, then rolls back: a file SQLite could open only for
 * reading (immutable, another owner, a read-only mount) refuses it. `BEGIN IMMEDIATE` alone is not
 * enough: SQLite grants it on a read-only file and refuses only the first real write.
 */
function probeWrite(db: StateDb): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  db.exec('BEGIN IMMEDIATE');
  try {
    db.pragma(`user_version = ${version}`);
  } finally {
    db.exec('ROLLBACK');
  }
}

function migrate(db: StateDb, file: string): void {
  // An up-to-date file (nearly every open) takes no write lock: a reader (`subscribers list`) is
  // not held up by a long import or a send, which WAL lets it read beside.
  if ((db.pragma('user_version', { simple: true }) as number) === MIGRATIONS.length) return;
  // The version is read again inside the write transaction: two processes opening a new file at
  // the same moment would otherwise both see version 0 and both run the first step.
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new GazetteError([
        diagnostic('store/newer', `the state database is at schema version ${version}, newer than this Gazette knows (${MIGRATIONS.length}); upgrade Gazette`, { file }),
      ]);
    }
    for (const [index, step] of MIGRATIONS.entries()) {
      if (index < version) continue;
      db.exec(step);
      db.pragma(`user_version = ${index + 1}`);
    }
  }).immediate();
}

