import { openStateDb, storeProblem } from '../store/state-db.js';
import { shownLocation, type StoreLocation } from '../store/store-location.js';
import { SqliteSubscriberStore } from '../subscribers/sqlite-subscriber-store.js';
import type { BounceRecords } from './bounce-records.js';
import { SqliteBounceRecords } from './sqlite-bounce-records.js';

export interface OpenedBounceRecords {
  records: BounceRecords;
  /** The store as messages name it: the SQLite file, or the URL without its password. */
  shown: string;
  /** A failure of the store as the one-line problem that names it. */
  toProblem(error: unknown): unknown;
  close(): Promise<void>;
}

/** Opens the bounce log where the workspace keeps its store. */
export async function openBounceRecords(location: StoreLocation, now: () => Date): Promise<OpenedBounceRecords> {
  if (location.kind === 'postgres') {
    // Loaded only for a PostgreSQL store: the SQLite one never loads pg.
    const [{ openCheckedPool }, { withProblemsTold }, { PostgresBounceRecords }] = await Promise.all([
      import('../store/postgres/open-postgres-store.js'),
      import('../store/postgres/told-problems.js'),
      import('./postgres-bounce-records.js'),
    ]);
    const { pool, toProblem, close } = await openCheckedPool(location, { write: true });
    return { records: withProblemsTold(new PostgresBounceRecords(pool, now), toProblem), shown: shownLocation(location), toProblem, close };
  }
  const db = openStateDb(location.file);
  return {
    records: new SqliteBounceRecords(db, new SqliteSubscriberStore(db, now)),
    shown: location.file,
    toProblem: (error) => storeProblem(error, location.file),
    close: async () => {
      db.close();
    },
  };
}
