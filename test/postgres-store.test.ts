import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { GazetteError } from '../src/diagnostics/diagnostic.js';
import { openStore } from '../src/store/open-store.js';
import { POSTGRES_MIGRATIONS } from '../src/store/postgres/postgres-migrations.js';
import type { Store } from '../src/store/store.js';
import type { Recipient } from '../src/types.js';
import { postgresForThisSuite } from './support/postgres-suite.js';
import { without } from './support/system-programs.js';

function recipients(from: number, to: number): Recipient[] {
  return Array.from({ length: to - from }, (_, i) => ({ email: `r${String(from + i).padStart(5, '0')}@example.com`, name: null, fields: {} }));
}

async function* inBatches(list: Recipient[], size: number): AsyncGenerator<Recipient[]> {
  for (let at = 0; at < list.length; at += size) yield list.slice(at, at + size);
}

async function ruleOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GazetteError) return error.diagnostics.map((d) => `${d.rule}: ${d.message}`);
    throw error;
  }
  throw new Error('expected the store to refuse');
}

/**
 * What several `gazette serve` processes sharing one PostgreSQL store rely on. Each store below has
 * a pool of its own, as each process would: the races are between connections, not within one.
 */
describe.skipIf(without('postgres'))('the PostgreSQL store shared by several processes', () => {
  const server = postgresForThisSuite();
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  /** Two processes' stores on one fresh database, opened at the same moment (both migrate it). */
  async function twoProcesses(): Promise<[Store, Store]> {
    const url = await server().createDatabase();
    const stores = await Promise.all([openStore({ kind: 'postgres', url }), openStore({ kind: 'postgres', url })]);
    opened.push(...stores);
    return stores;
  }

  it('migrates an empty database once when two processes start on it at once', async () => {
    const [first] = await twoProcesses();
    expect(first.location.kind).toBe('postgres');
    const url = (first.location as { url: string }).url;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query('SELECT version FROM gazette_migrations ORDER BY version')).rows).toEqual(POSTGRES_MIGRATIONS.map((_, index) => ({ version: index + 1 })));
    } finally {
      await client.end();
    }
  });

  it('never grants more sign-up attempts than the limit, however many processes take at once', async () => {
    const [first, second] = await twoProcesses();
    const at = new Date('2024-02-01T12:00:00Z');
    const since = new Date(at.getTime() - 3_600_000);
    const takes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? first : second).signUpAttempts.take('address', 'ann@example.com', since, at, 5)),
    );
    expect(takes.filter(Boolean)).toHaveLength(5);
    // The other key's count is its own.
    expect(await second.signUpAttempts.take('address', 'bob@example.com', since, at, 5)).toBe(true);
    expect(await first.signUpAttempts.prune(new Date(at.getTime() + 1))).toBe(6);
  });

  it('runs two overlapping imports one after the other: every address once, each counted added by exactly one', async () => {
    const [first, second] = await twoProcesses();
    const [a, b] = await Promise.all([
      first.subscribers.importBatches(inBatches(recipients(0, 3000), 500)),
      // In the opposite order: two imports at once would each hold rows the other wants next.
      second.subscribers.importBatches(inBatches(recipients(1500, 4500).reverse(), 700)),
    ]);
    expect(a.added + a.updated).toBe(3000);
    expect(b.added + b.updated).toBe(3000);
    // Whichever ran first added all its rows; the second found the 1,500 they share.
    expect([a.added, b.added].sort()).toEqual([1500, 3000]);
    expect((await first.subscribers.count()).confirmed).toBe(4500);
  });

  it('keeps the gravest reason when processes suppress one address at once', async () => {
    const [first, second] = await twoProcesses();
    const addresses = recipients(0, 40).map((recipient) => recipient.email);
    await Promise.all(
      addresses.flatMap((email, i) => [
        first.subscribers.suppress(email, i % 2 ? 'unsubscribed' : 'complained', 'first'),
        second.subscribers.suppress(email, 'bounced', 'second'),
        (i % 2 ? second : first).subscribers.suppress(email, i % 2 ? 'complained' : 'unsubscribed', 'third'),
      ]),
    );
    const list = await second.subscribers.suppressions();
    expect(list).toHaveLength(40);
    expect(new Set(list.map((entry) => entry.reason))).toEqual(new Set(['complained']));
    // Lifting it at once from both: one of them finds it.
    const lifted = await Promise.all(addresses.map((email, i) => (i % 2 ? first : second).subscribers.unsuppress(email)).concat(addresses.map((email) => first.subscribers.unsuppress(email))));
    expect(lifted.filter((reason) => reason === 'complained')).toHaveLength(40);
    expect(await first.subscribers.suppressions()).toEqual([]);
  });

  it('never lets a confirmation lift a bounce recorded while it ran', async () => {
    const [first, second] = await twoProcesses();
    // Many addresses, each a race of its own: the more races, the likelier a wrong order shows.
    const addresses = recipients(0, 100).map((recipient) => recipient.email);
    await Promise.all(addresses.map((email) => first.subscribers.savePending(email, null)));
    await Promise.all(addresses.map((email) => first.subscribers.suppress(email, 'unsubscribed', 'one-click')));
    // Links issued after the unsubscribes: a confirmation may lift them, never the bounce.
    const issued = new Date(Date.now() + 60_000);
    const outcomes = await Promise.all(addresses.flatMap((email) => [first.subscribers.confirm(email, issued), second.subscribers.suppress(email, 'bounced', '550')]));
    for (const outcome of outcomes.filter((_, i) => i % 2 === 0)) expect(['confirmed', 'suppressed']).toContain(outcome);
    for (const email of addresses) expect(await second.subscribers.suppression(email)).toBe('bounced');
  });

  it('says in one line when the server cannot be reached, when it goes away, and when the database is newer than this Gazette', async () => {
    const closedPort = `postgres://postgres:secret@127.0.0.1:1/gazette`;
    const refused = await ruleOf(openStore({ kind: 'postgres', url: closedPort }));
    expect(refused).toEqual([expect.stringMatching(/^store\/unreachable: cannot reach the PostgreSQL store at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/gazette /)]);
    expect(refused[0]).not.toContain('secret');

    const [gone] = await twoProcesses();
    await gone.subscribers.save({ email: 'ann@example.com', name: null, fields: {} });
    const name = new URL((gone.location as { url: string }).url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: server().url });
    await admin.connect();
    try {
      // FORCE ends the store's open connections, as a server restart or a failover would.
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    expect(await ruleOf(gone.subscribers.count())).toEqual([expect.stringMatching(/^store\/unreachable: /)]);
    expect(await ruleOf(gone.signUpAttempts.prune(new Date()))).toEqual([expect.stringMatching(/^store\/unreachable: /)]);
    expect(await ruleOf((async () => {
      for await (const subscriber of gone.subscribers.all()) void subscriber;
    })())).toEqual([expect.stringMatching(/^store\/unreachable: /)]);

    const [first] = await twoProcesses();
    const url = (first.location as { url: string }).url;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('INSERT INTO gazette_migrations (version) VALUES (99)');
    } finally {
      await client.end();
    }
    expect(await ruleOf(openStore({ kind: 'postgres', url }))).toEqual([expect.stringMatching(new RegExp(`^store/newer: .* schema version 99, newer than this Gazette knows \\(${POSTGRES_MIGRATIONS.length}\\)`))]);
  });

  /** Runs SQL as the server's superuser, on the database the URL names (default: the maintenance one). */
  async function asSuperuser(sql: string, url = server().url): Promise<void> {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  }

  it('survives its connection being cut between two statements of an import: the import fails in one line, saves nothing, and the process lives on', async () => {
    const [store] = await twoProcesses();
    const url = (store.location as { url: string }).url;
    const database = new URL(url).pathname.slice(1);
    async function* cutAfterFirstBatch() {
      yield recipients(0, 500);
      // As a server restart or a failover would: every connection to the database ends mid-transaction.
      await asSuperuser(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}' AND pid <> pg_backend_pid()`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      yield recipients(500, 1000);
    }
    expect(await ruleOf(store.subscribers.importBatches(cutAfterFirstBatch()))).toEqual([expect.stringMatching(/^store\/unreachable: /)]);
    // The pool replaces the lost connection: the next call works, and finds nothing of the import.
    expect(await store.subscribers.count()).toEqual({ confirmed: 0, pending: 0, unsubscribed: 0, bounced: 0, complained: 0 });
  });

  it('refuses at start a command that writes when the user may only read, and lets it read', async () => {
    const [store] = await twoProcesses();
    const url = new URL((store.location as { url: string }).url);
    await asSuperuser(`CREATE ROLE reader_${url.pathname.slice(1)} LOGIN; GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader_${url.pathname.slice(1)}`, url.href);
    url.username = `reader_${url.pathname.slice(1)}`;
    expect(await ruleOf(openStore({ kind: 'postgres', url: url.href }, { write: true }))).toEqual([expect.stringMatching(/^store\/read-only: cannot write the PostgreSQL store at .*: this user may not insert/)]);
    const reading = await openStore({ kind: 'postgres', url: url.href });
    opened.push(reading);
    expect(await reading.subscribers.count()).toMatchObject({ confirmed: 0 });
  });

  it('tells a database holding tables of another program in one line, instead of migrating over them', async () => {
    const url = await server().createDatabase();
    await asSuperuser('CREATE TABLE subscribers (id serial PRIMARY KEY, email text)', url);
    expect(await ruleOf(openStore({ kind: 'postgres', url }))).toEqual([expect.stringMatching(/^store\/foreign-schema: the PostgreSQL store at .* holds tables Gazette did not make/)]);
  });
});
