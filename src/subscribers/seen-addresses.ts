import Database from 'better-sqlite3';

/**
 * The addresses of a list read so far, each with the line it was first on, so a repeat is caught
 * and named. Kept in a private temporary SQLite file (an empty name: SQLite deletes it when it is
 * closed), not in a Map: a list of a million addresses would otherwise hold a million keys in
 * memory (some 80 MB) while it is read; on disk it costs SQLite's small page cache, whatever the
 * list's length.
 */
export class SeenAddresses {
  private readonly db = new Database('');
  private readonly statements;

  constructor() {
    // A scratch file nobody else reads and nobody needs after a crash: no journal, no syncing,
    // one transaction for the whole list (pages past the cache spill to the file).
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -2000');
    this.db.exec('CREATE TABLE seen (key TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID');
    this.statements = {
      remember: this.db.prepare<[string, number]>('INSERT INTO seen (key, line) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      lineOf: this.db.prepare<[string], { line: number }>('SELECT line FROM seen WHERE key = ?'),
    };
    this.db.exec('BEGIN');
  }

  /** The line the address was first seen on; null when this is its first time, which is remembered as `line`. */
  firstLine(key: string, line: number): number | null {
    if (this.statements.remember.run(key, line).changes > 0) return null;
    return this.statements.lineOf.get(key)?.line ?? null;
  }

  /** Forgets every address and deletes the file. */
  close(): void {
    if (this.db.open) this.db.close();
  }
}
