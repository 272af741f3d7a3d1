import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { MIGRATIONS } from './migrations.js';

export type StateDb = Database.Database;

/** An in-memory database: what `--dry-run` records into, so nothing is kept. */
export const IN_MEMORY = ':memory:';

/**
 * Opens (creating when needed) the database holding subscribers, suppressions and send ledgers,
 * and brings its schema up to date.
 */
export function openStateDb(file: string): StateDb {
  if (file !== IN_MEMORY) mkdirSync(path.dirname(file), { recursive: true });
  let db: StateDb;
  try {
    db = new Database(file);
  } catch (error) {
    throw new GazetteError([diagnostic('store/unreadable', `cannot open the state database: ${(error as Error).message}`, { file })]);
  }
  try {
    // The busy timeout first: even switching to WAL waits for a process that holds the file.
    db.pragma('busy_timeout = 5000');
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
  } catch (error) {
    if (db.open) db.close();
    throw storeProblem(error, file);
  }
  return db;
}

function migrate(db: StateDb, file: string): void {
  // The version is read inside the write transaction: two processes opening a new file at the same
  // moment would otherwise both see version 0 and both run the first step.
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

/**
 * A database another process kept locked past the busy timeout: an expected condition of a
 * shared file, reported in one line with the file rather than as a crash. Other errors pass.
 */
export function storeProblem(error: unknown, file: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'SQLITE_BUSY' && code !== 'SQLITE_LOCKED') return error;
  return new GazetteError([
    diagnostic('store/busy', 'the state database stayed locked by another Gazette process for longer than 5 seconds; nothing more was done: try again when it is free', { file }),
  ]);
}
