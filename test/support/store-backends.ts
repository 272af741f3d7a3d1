import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

/** A fresh, empty store on one backend, and how to let go of it. */
export interface OpenedBackend {
  store: Store;
  close(): Promise<void>;
}

export interface StoreBackend {
  name: string;
  open(now: () => Date): Promise<OpenedBackend>;
}

/** Every backend the store contract is proved on (test/subscriber-store-contract.test.ts). */
export const STORE_BACKENDS: StoreBackend[] = [
  {
    name: 'SQLite',
    async open(now) {
      const file = path.join(await mkdtemp(path.join(tmpdir(), 'gazette-store-')), 'state.db');
      const store = await openStore({ kind: 'sqlite', file }, { write: true, now });
      return { store, close: () => store.close() };
    },
  },
];
