import { openStateDb, type StateDb } from '../store/state-db.js';
import type { Workspace } from '../workspace/resolve.js';
import { SubscriberStore } from './subscriber-store.js';

export interface WorkspaceStore {
  db: StateDb;
  store: SubscriberStore;
}

/** The subscriber store of a workspace (its config says where the database is). */
export function openWorkspaceStore(workspace: Workspace): WorkspaceStore {
  const db = openStateDb(workspace.storeFile);
  return { db, store: new SubscriberStore(db) };
}
