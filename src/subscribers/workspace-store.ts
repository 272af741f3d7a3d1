import path from 'node:path';
import { loadConfig, type LoadedConfig } from '../config.js';
import { openStateDb, stateDbFile, type StateDb } from '../store/state-db.js';
import { SubscriberStore } from './subscriber-store.js';

export interface WorkspaceStore {
  loaded: LoadedConfig;
  file: string;
  db: StateDb;
  store: SubscriberStore;
}

/** The subscriber store of the workspace at `root` (its config says where the database is). */
export async function openWorkspaceStore(root: string, configFile?: string): Promise<WorkspaceStore> {
  const loaded = await loadConfig(path.resolve(root), configFile);
  const file = stateDbFile(loaded);
  const db = openStateDb(file);
  return { loaded, file, db, store: new SubscriberStore(db) };
}
