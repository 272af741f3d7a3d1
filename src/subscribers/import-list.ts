import type { Diagnostic, Recipient } from '../types.js';
import type { CsvList } from './csv-list.js';
import type { SubscriberStore } from './subscriber-store.js';

export interface ImportResult {
  added: number;
  updated: number;
  /** Imported addresses that are on the suppression list and stay there. */
  stillSuppressed: number;
  /** Rows skipped, with their line numbers and reasons. */
  problems: Diagnostic[];
}

const BATCH = 1000;

export interface ImportOptions {
  /** Called after each batch is saved, with the rows read so far, for a progress display. */
  onBatch?: (rows: number) => void;
}

/**
 * Streams a CSV list into the store as one transaction: a failed import (an unreadable file, a
 * store another process holds, a kill) leaves the store as it was, never half the list. Saved in
 * batches inside it, so progress can be shown. Suppressions are never lifted.
 */
export function importList(list: CsvList, store: SubscriberStore, options: ImportOptions = {}): Promise<ImportResult> {
  return store.atomically(() => importRows(list, store, options));
}

async function importRows(list: CsvList, store: SubscriberStore, options: ImportOptions): Promise<ImportResult> {
  const result: ImportResult = { added: 0, updated: 0, stillSuppressed: 0, problems: [] };
  const batch: Recipient[] = [];
  let rows = 0;
  const flush = () => {
    rows += batch.length;
    const counts = store.saveAll(batch.splice(0));
    result.added += counts.added;
    result.updated += counts.updated;
    options.onBatch?.(rows + result.problems.length);
  };
  for await (const entry of list.entries()) {
    if ('problem' in entry) {
      result.problems.push(entry.problem);
      continue;
    }
    if (store.suppression(entry.recipient.email)) result.stillSuppressed++;
    batch.push(entry.recipient);
    if (batch.length >= BATCH) flush();
  }
  flush();
  return result;
}
