import path from 'node:path';
import { diagnostic, GazetteError } from '../../diagnostics/diagnostic.js';
import { openStore } from '../../store/open-store.js';
import { shownLocation, type StoreLocation } from '../../store/store-location.js';
import { addressProblem } from '../../subscribers/address.js';
import { CsvList } from '../../subscribers/csv-list.js';
import { importList } from '../../subscribers/import-list.js';
import type { StoreCounts } from '../../subscribers/subscriber-store.js';
import { resolveWorkspace } from '../../workspace/resolve.js';
import { ExitCode } from '../exit-codes.js';
import { printDiagnostics, progressBar, shownDiagnostics, shownPath } from '../terminal.js';

interface StoreFlags {
  config?: string;
  /** A SQLite file or a PostgreSQL URL, instead of GAZETTE_STORE and the config's `store`. */
  store?: string;
  json?: boolean;
}

function write(json: boolean | undefined, value: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : text);
}

export async function runImport(file: string, flags: StoreFlags): Promise<number> {
  const workspace = await resolveWorkspace({ config: flags.config, storeLocation: flags.store });
  const store = await openStore(workspace.store, { write: true });
  const absolute = path.resolve(file);
  try {
    const list = await CsvList.open(absolute, { requiredColumns: workspace.config.subscriber_fields });
    try {
      // Progress by bytes read: the row count is not known until the end.
      const progress = flags.json ? null : progressBar(list.size, 'Importing', process.stderr, (done, total) => `${Math.floor((Math.min(done, total) / total) * 100)}%`);
      const result = await importList(list, store.subscribers, { onBatch: () => progress?.update(list.bytesRead) }).finally(() => progress?.stop());
      printDiagnostics(result.problems);
      const where = shownLocation(workspace.store, shownPath);
      write(
        flags.json,
        { store: where, ...result, problems: shownDiagnostics(result.problems) },
        `Imported ${shownPath(absolute)} into ${where}: ${result.added} added, ${result.updated} updated, ${result.problems.length} row${result.problems.length === 1 ? '' : 's'} skipped` +
          `${result.stillSuppressed ? `, ${result.stillSuppressed} still unsubscribed or bounced` : ''}\n`,
      );
      return result.problems.length > 0 ? ExitCode.problems : ExitCode.ok;
    } finally {
      await list.close();
    }
  } finally {
    await store.close();
  }
}

export async function runAdd(email: string, flags: StoreFlags & { name?: string; field?: string[] }): Promise<number> {
  const problem = addressProblem(email);
  if (problem) throw new GazetteError([diagnostic('cli/address', `"${email}": ${problem}`, { field: 'email' })]);
  const fields = Object.fromEntries((flags.field ?? []).map(parseField));
  const store = await openStore((await resolveWorkspace({ config: flags.config, storeLocation: flags.store })).store, { write: true });
  try {
    const outcome = await store.subscribers.save({ email, name: flags.name ?? null, fields: { ...fields, email, name: flags.name ?? '' } });
    const suppressed = await store.subscribers.suppression(email);
    write(flags.json, { email, outcome, suppressed }, `${outcome === 'added' ? 'Added' : 'Updated'} ${email}${suppressed ? ` (still ${suppressed}: no issues are sent to it)` : ''}\n`);
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}

export async function runRemove(email: string, flags: StoreFlags): Promise<number> {
  const resolved = await resolveWorkspace({ config: flags.config, storeLocation: flags.store });
  const store = await openStore(resolved.store, { write: true });
  try {
    const removed = await store.subscribers.remove(email);
    if (!removed) throw new GazetteError([diagnostic('subscribers/not-found', `${email} is not in the subscriber store${inDatabase(resolved.store)}`, { file: storeFileOf(resolved.store), field: 'email' })]);
    write(flags.json, { email, removed }, `Removed ${email}\n`);
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}

export async function runList(flags: StoreFlags & { suppressed?: boolean; counts?: boolean }): Promise<number> {
  const resolved = await resolveWorkspace({ config: flags.config, storeLocation: flags.store });
  const store = await openStore(resolved.store);
  const { subscribers } = store;
  try {
    if (flags.counts) {
      const counts = await subscribers.count();
      write(flags.json, counts, `${describeCounts(counts)}\n`);
      return ExitCode.ok;
    }
    if (flags.suppressed) {
      const suppressions = await subscribers.suppressions();
      if (flags.json) write(true, suppressions, '');
      else for (const entry of suppressions) process.stdout.write(`${entry.email}\t${entry.reason}\t${entry.createdAt}${entry.detail ? `\t${entry.detail}` : ''}\n`);
      return ExitCode.ok;
    }
    if (flags.json) {
      // Streamed as one JSON array, so a long list never sits in memory whole.
      process.stdout.write('[');
      let first = true;
      for await (const subscriber of subscribers.all()) {
        process.stdout.write(`${first ? '\n' : ',\n'}  ${JSON.stringify(subscriber)}`);
        first = false;
      }
      process.stdout.write(first ? ']\n' : '\n]\n');
      return ExitCode.ok;
    }
    for await (const subscriber of subscribers.all()) {
      process.stdout.write(`${subscriber.email}\t${subscriber.name ?? ''}\t${subscriber.suppressed ?? subscriber.status}\n`);
    }
    process.stderr.write(`${describeCounts(await subscribers.count())} (${shownLocation(resolved.store, shownPath)})\n`);
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}

/** The counts in one line; the suppression counts cover the whole suppression list, in the store or not. */
function describeCounts(counts: StoreCounts): string {
  return `${counts.confirmed} confirmed, ${counts.pending} pending; suppressed: ${counts.unsubscribed} unsubscribed, ${counts.bounced} bounced, ${counts.complained} complained`;
}

export async function runUnsuppress(email: string, flags: StoreFlags): Promise<number> {
  const resolved = await resolveWorkspace({ config: flags.config, storeLocation: flags.store });
  const store = await openStore(resolved.store, { write: true });
  try {
    const reason = await store.subscribers.unsuppress(email);
    if (!reason) throw new GazetteError([diagnostic('subscribers/not-suppressed', `${email} is not on the suppression list${inDatabase(resolved.store)}`, { file: storeFileOf(resolved.store), field: 'email' })]);
    write(flags.json, { email, was: reason }, `${email} is no longer suppressed (it was ${reason}); the next send reaches it if it is on the list\n`);
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}

/** A database has no file for the finding to point to: its message names it instead (no password). */
function inDatabase(location: StoreLocation): string {
  return location.kind === 'postgres' ? ` (${shownLocation(location)})` : '';
}

/** The file a finding about the store points to: a SQLite store's file; a database has none. */
function storeFileOf(location: StoreLocation): string | undefined {
  return location.kind === 'sqlite' ? location.file : undefined;
}

/** `--field company=Acme` → `['company', 'Acme']`. */
function parseField(pair: string): [string, string] {
  const at = pair.indexOf('=');
  if (at <= 0) throw new GazetteError([diagnostic('cli/field', `--field ${pair}: write it as name=value`)]);
  return [pair.slice(0, at).trim(), pair.slice(at + 1)];
}
