import type { StateDb } from './state-db.js';

/**
 * Runs `work`, which may await (a file read as it goes), inside one write transaction: all of its
 * writes are committed, or none. Begun IMMEDIATE, so another writer is waited for (busy timeout)
 * at the start, never half-way. better-sqlite3's own `transaction()` takes only synchronous
 * functions; its nested calls inside `work` become savepoints of this one.
 */
export async function inWriteTransaction<T>(db: StateDb, work: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
