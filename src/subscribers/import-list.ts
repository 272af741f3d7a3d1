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
export async function importList(list: CsvList, store: SubscriberStore, options: ImportOptions = {}): Promise<ImportResult> {
  const problems: Diagnostic[] = [];
  const counts = await store.importBatches(recipientBatches(list, problems), (saved) => options.onBatch?.(saved + problems.length));
  return { ...counts, problems };
}

/** The list's recipients in batches; the rows skipped go to `problems` as they are read. */
async function* recipientBatches(list: CsvList, problems: Diagnostic[]): AsyncGenerator<Recipient[]> {
  let batch: Recipient[] = [];
  for await (const entry of list.entries()) {
    if ('problem' in entry) problems.push(entry.problem);
    else batch.push(entry.recipient);
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
