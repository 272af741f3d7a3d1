import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { startPostgres, type Postgres } from './postgres.js';
import { without } from './system-programs.js';

/** A fresh, empty store on one backend, and how to let go of it. */
export interface OpenedBackend {
  store: Store;
  close(): Promise<void>;
}

export interface StoreBackend {
  name: string;
  open(now: () => Date): Promise<OpenedBackend>;
}

let postgres: Promise<Postgres> | null = null;

/** One PostgreSQL server for the test file, started by the first test that needs it. */
function sharedPostgres(): Promise<Postgres> {
  postgres ??= startPostgres();
  return postgres;
}

/** Stops what the backends started; for the test file's afterAll. */
export async function stopStoreBackends(): Promise<void> {
  const started = postgres;
  postgres = null;
  await (await started)?.stop();
}

const SQLITE: StoreBackend = {
  name: 'SQLite',
  async open(now) {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'gazette-store-')), 'state.db');
    const store = await openStore({ kind: 'sqlite', file }, { write: true, now });
    return { store, close: () => store.close() };
  },
};

/** Each test gets a database of its own on the file's server, so no test sees another's rows. */
const POSTGRES: StoreBackend = {
  name: 'PostgreSQL',
  async open(now) {
    const url = await (await sharedPostgres()).createDatabase();
    const store = await openStore({ kind: 'postgres', url }, { write: true, now });
    return { store, close: () => store.close() };
  },
};

/**
 * Every backend the store contract is proved on (test/subscriber-store-contract.test.ts).
 * PostgreSQL is left out where its suites are skipped (the global setup says so, and why).
 */
export const STORE_BACKENDS: StoreBackend[] = [SQLITE, ...(without('postgres') ? [] : [POSTGRES])];
