import { openStateDb, type OpenOptions, type StateDb } from '../store/state-db.js';
import type { Workspace } from '../workspace/resolve.js';
import { SubscriberStore } from './subscriber-store.js';

export interface WorkspaceStore {
  db: StateDb;
  store: SubscriberStore;
}

/** The subscriber store of a workspace (its config says where the database is); `write` when the command will change it. */
export function openWorkspaceStore(workspace: Workspace, options: OpenOptions = {}): WorkspaceStore {
  const db = openStateDb(workspace.storeFile, options);
  return { db, store: new SubscriberStore(db) };
}
