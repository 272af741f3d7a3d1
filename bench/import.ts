/**
 * Import benchmark: rows per second saving generated subscribers into each store backend through
 * `importBatches`, as `gazette subscribers import` does (batches of 1,000, one transaction), first
 * into an empty store (every row added), then the same rows again (every row updated).
 * SQLite and PostgreSQL rounds alternate, so neither gets a quieter machine; medians are reported.
 * CPU seconds are this process's only: PostgreSQL's own work is done by its server processes.
 *
 *   npm run build && node dist/bench/import.js [--rows 100000] [--rounds 3] [--store postgres://user@host:port/db]
 * prints JSON. With --store, each round imports into a fresh database created on that server (the
 * user needs CREATEDB) and dropped afterwards; without it, a throwaway server is started, as the
 * tests start one (test/support/postgres.ts), when PostgreSQL is installed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { openStore } from '../src/store/open-store.js';
import type { StoreLocation } from '../src/store/store-location.js';
import type { Recipient } from '../src/types.js';
import { startPostgres } from '../test/support/postgres.js';
import { parseBenchArguments } from './arguments.js';

/** The batch size `importList` reads a CSV in (src/subscribers/import-list.ts). */
const BATCH = 1000;

interface Timing {
  seconds: number;
  cpuSeconds: number;
  rowsPerSecond: number;
}

/** Rows like a CSV's: an address, a name, a column or two of fields. Made as they are read, so the list never sits in memory. */
async function* generatedBatches(rows: number): AsyncGenerator<Recipient[]> {
  for (let start = 0; start < rows; start += BATCH) {
    const batch: Recipient[] = [];
    for (let i = start; i < Math.min(rows, start + BATCH); i++) {
      const email = `reader${String(i).padStart(7, '0')}@example.com`;
      const name = `Reader ${i}`;
      batch.push({ email, name, fields: { email, name, city: `City ${i % 97}` } });
    }
    yield batch;
  }
}

async function timedImport(location: StoreLocation, rows: number): Promise<Timing> {
  const store = await openStore(location, { write: true });
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const counts = await store.subscribers.importBatches(generatedBatches(rows));
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    if (counts.added + counts.updated !== rows) throw new Error(`imported ${counts.added + counts.updated} rows of ${rows}`);
    return { seconds, cpuSeconds: (used.user + used.system) / 1e6, rowsPerSecond: rows / seconds };
  } finally {
    await store.close();
  }
}

/** One round on one backend: an import into an empty store, then the same rows again. */
async function importTwice(location: StoreLocation, rows: number): Promise<{ added: Timing; updated: Timing }> {
  const added = await timedImport(location, rows);
  const updated = await timedImport(location, rows);
  return { added, updated };
}

/** A fresh SQLite file per round, and how to throw it away. */
async function sqliteRound(rows: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'gazette-bench-import-'));
  try {
    return await importTwice({ kind: 'sqlite', file: path.join(dir, 'state.db') }, rows);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A fresh database per round on the server `serverUrl` names, dropped afterwards. */
async function postgresRound(serverUrl: string, rows: number, round: number) {
  const name = `gazette_bench_import_${process.pid}_${round}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      return await importTwice({ kind: 'postgres', url: url.toString() }, rows);
    } finally {
      await admin.query(`DROP DATABASE ${name}`);
    }
  } finally {
    await admin.end();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The median of each figure over the rounds, rounded for reading. */
function summary(timings: Timing[]): Timing {
  return {
    seconds: Number(median(timings.map((t) => t.seconds)).toFixed(3)),
    cpuSeconds: Number(median(timings.map((t) => t.cpuSeconds)).toFixed(3)),
    rowsPerSecond: Math.round(median(timings.map((t) => t.rowsPerSecond))),
  };
}

async function main(): Promise<void> {
  const { values } = parseBenchArguments({ options: { rows: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '3' }, store: { type: 'string' } } }, 'usage: node dist/bench/import.js [--rows N] [--rounds N] [--store POSTGRES_URL]');
  const rows = Number(values.rows);
  const rounds = Number(values.rounds);
  const server = values.store ? null : await startPostgres();
  const serverUrl = values.store ?? server!.url;
  const runs = { sqlite: [] as { added: Timing; updated: Timing }[], postgres: [] as { added: Timing; updated: Timing }[] };
  try {
    for (let round = 0; round < rounds; round++) {
      // Alternating which goes first as well, so neither always runs on the warmer machine.
      const order = round % 2 === 0 ? (['sqlite', 'postgres'] as const) : (['postgres', 'sqlite'] as const);
      for (const backend of order) runs[backend].push(backend === 'sqlite' ? await sqliteRound(rows) : await postgresRound(serverUrl, rows, round));
    }
  } finally {
    await server?.stop();
  }
  const report = {
    node: process.version,
    rows,
    batch: BATCH,
    rounds,
    postgresServer: values.store ? 'given (--store)' : 'throwaway, started by the bench (fsync off)',
    sqlite: { added: summary(runs.sqlite.map((r) => r.added)), updated: summary(runs.sqlite.map((r) => r.updated)) },
    postgres: { added: summary(runs.postgres.map((r) => r.added)), updated: summary(runs.postgres.map((r) => r.updated)) },
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
