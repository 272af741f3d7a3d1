import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GazetteError } from '../src/diagnostics/diagnostic.js';
import { openStateDb, type StateDb } from '../src/store/state-db.js';
import { CsvList } from '../src/subscribers/csv-list.js';
import { importList } from '../src/subscribers/import-list.js';
import type { ListEntry } from '../src/subscribers/list-entry.js';
import { SubscriberStore } from '../src/subscribers/subscriber-store.js';

async function csvFile(content: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'gazette-list-')), 'list.csv');
  await writeFile(file, content);
  return file;
}

async function readAll(file: string, requiredColumns: string[] = []): Promise<ListEntry[]> {
  const list = await CsvList.open(file, { requiredColumns });
  const entries: ListEntry[] = [];
  try {
    for await (const entry of list.entries()) entries.push(entry);
  } finally {
    await list.close();
  }
  return entries;
}

async function failure(promise: Promise<unknown>): Promise<GazetteError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(GazetteError);
  return error as GazetteError;
}

/** Written as bytes: the encoding of the file is the point. */
async function csvBytes(content: Buffer): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'gazette-list-')), 'list.csv');
  await writeFile(file, content);
  return file;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const ROWS = 'email,name,city\r\nann@example.com,Ann Lee,Oslo\r\nzoe@example.com,Zoë Ng,Nîmes\r\n';
const EXPECTED = [
  { recipient: { email: 'ann@example.com', name: 'Ann Lee', fields: { email: 'ann@example.com', name: 'Ann Lee', city: 'Oslo' } }, line: 2 },
  { recipient: { email: 'zoe@example.com', name: 'Zoë Ng', fields: { email: 'zoe@example.com', name: 'Zoë Ng', city: 'Nîmes' } }, line: 3 },
];

describe('a CSV list saved by a spreadsheet', () => {
  it('reads CRLF line endings after a UTF-8 byte order mark: no \\r in the last column, no BOM in the first header', async () => {
    expect(await readAll(await csvBytes(Buffer.concat([UTF8_BOM, Buffer.from(ROWS)])))).toEqual(EXPECTED);
  });

  it('counts a CRLF inside a quoted field as one line, so later rows keep their line numbers', async () => {
    const entries = await readAll(await csvFile('email,name\r\n"b@example.com","Multi\r\nline"\r\nbad1,x\r\n'));
    expect(entries).toEqual([
      { recipient: expect.objectContaining({ email: 'b@example.com', name: 'Multi\nline' }), line: 2 },
      { problem: expect.objectContaining({ rule: 'subscribers/invalid-address', line: 4 }) },
    ]);
  });

  it('reads UTF-16 with a byte order mark, little- or big-endian', async () => {
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ROWS, 'utf16le')]);
    const big = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(ROWS, 'utf16le').swap16()]);
    expect(await readAll(await csvBytes(little))).toEqual(EXPECTED);
    expect(await readAll(await csvBytes(big))).toEqual(EXPECTED);
  });

  it('refuses a list that is not UTF-8 (Latin-1) instead of reading U+FFFD into names', async () => {
    const latin1 = Buffer.from('email,name\nann@example.com,Ren\u00e9e\n', 'latin1');
    const file = await csvBytes(latin1);
    const error = await failure(readAll(file));
    expect(error.diagnostics).toEqual([expect.objectContaining({ rule: 'subscribers/encoding', file, message: expect.stringContaining('not valid UTF-8') })]);
  });
});

describe('a CSV list', () => {
  it('gives every column as a subscriber field, email and name found whatever their case', async () => {
    const entries = await readAll(await csvFile('Email,Name,city\nann@example.com,Ann Lee,Oslo\nbob@example.com,,\n'));
    expect(entries).toEqual([
      { recipient: { email: 'ann@example.com', name: 'Ann Lee', fields: { email: 'ann@example.com', name: 'Ann Lee', city: 'Oslo' } }, line: 2 },
      { recipient: { email: 'bob@example.com', name: null, fields: { email: 'bob@example.com', name: '', city: '' } }, line: 3 },
    ]);
  });

  it('skips invalid addresses and case-insensitive duplicates, naming their lines', async () => {
    const file = await csvFile('email,name\nann@example.com,Ann\n\nnot-an-address,X\n"multi\nline@example.com",Y\nANN@Example.com,Ann again\nbob@example.com,Bob\n');
    const entries = await readAll(file);
    const problems = entries.flatMap((entry) => ('problem' in entry ? [entry.problem] : []));
    expect(entries.flatMap((entry) => ('recipient' in entry ? [entry.recipient.email] : []))).toEqual(['ann@example.com', 'bob@example.com']);
    expect(problems.map((problem) => [problem.line, problem.rule, problem.severity])).toEqual([
      [4, 'subscribers/invalid-address', 'warning'],
      [5, 'subscribers/invalid-address', 'warning'],
      [7, 'subscribers/duplicate', 'warning'],
    ]);
    expect(problems[2]!.message).toContain('line 2');
    expect(problems.every((problem) => problem.file === file)).toBe(true);
  });

  it('must name an email column on its first line', async () => {
    const error = await failure(readAll(await csvFile('address,name\nann@example.com,Ann\n')));
    expect(error.diagnostics).toEqual([expect.objectContaining({ rule: 'subscribers/no-email-column', line: 1 })]);
  });

  it('must have the columns the templates use', async () => {
    const error = await failure(readAll(await csvFile('email,name\nann@example.com,Ann\n'), ['company']));
    expect(error.diagnostics[0]).toMatchObject({ rule: 'subscribers/missing-column' });
    expect(error.diagnostics[0]!.message).toContain('company');
  });

  it('reports a file that is not CSV with the line it breaks on', async () => {
    const file = await csvFile('email,name\nann@example.com,Ann\n"bob@example.com,Bob\n');
    const error = await failure(readAll(file));
    expect(error.diagnostics[0]).toMatchObject({ rule: 'subscribers/csv', file });
    expect(error.diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a file that cannot be read before reading anything', async () => {
    const error = await failure(CsvList.open('/nonexistent/list.csv'));
    expect(error.diagnostics[0]).toMatchObject({ rule: 'subscribers/unreadable', file: '/nonexistent/list.csv', message: 'cannot read the subscriber list: no such file or directory' });
    const folder = await failure(CsvList.open(tmpdir()));
    expect(folder.diagnostics[0]).toMatchObject({ rule: 'subscribers/unreadable' });
  });
});

describe('the subscriber store', () => {
  let db: StateDb | null = null;
  afterEach(() => db?.close());

  async function store(): Promise<SubscriberStore> {
    db = openStateDb(path.join(await mkdtemp(path.join(tmpdir(), 'gazette-store-')), 'state.db'));
    return new SubscriberStore(db, () => new Date('2024-02-01T00:00:00Z'));
  }

  it('imports a list, updating an address it already has whatever its case', async () => {
    const subscribers = await store();
    subscribers.save({ email: 'ann@example.com', name: 'Old name', fields: { email: 'ann@example.com', name: 'Old name' } });
    const list = await CsvList.open(await csvFile('email,name\nAnn@Example.com,Ann Lee\nbob@example.com,Bob\nbad,Nobody\n'));
    const result = await importList(list, subscribers);
    await list.close();
    expect(result).toMatchObject({ added: 1, updated: 1, stillSuppressed: 0 });
    expect(result.problems.map((problem) => problem.line)).toEqual([4]);
    expect([...subscribers.all()].map((subscriber) => [subscriber.email, subscriber.name])).toEqual([
      ['Ann@Example.com', 'Ann Lee'],
      ['bob@example.com', 'Bob'],
    ]);
  });

  it('keeps an unsubscribed address suppressed through a re-import and a removal', async () => {
    const subscribers = await store();
    subscribers.save({ email: 'ann@example.com', name: 'Ann', fields: {} });
    expect(subscribers.suppress('ANN@example.com', 'unsubscribed', 'one-click')).toBe(true);
    const list = await CsvList.open(await csvFile('email\nann@example.com\n'));
    expect(await importList(list, subscribers)).toMatchObject({ updated: 1, stillSuppressed: 1 });
    await list.close();
    expect([...subscribers.all()][0]!.suppressed).toBe('unsubscribed');
    expect(subscribers.count()).toEqual({ confirmed: 0, pending: 0, unsubscribed: 1, bounced: 0, complained: 0 });
    expect(subscribers.remove('ann@example.com')).toBe(true);
    expect(subscribers.remove('ann@example.com')).toBe(false);
    expect(subscribers.suppression('Ann@Example.com')).toBe('unsubscribed');
    expect(subscribers.suppressions()).toEqual([{ email: 'ANN@example.com', reason: 'unsubscribed', detail: 'one-click', createdAt: '2024-02-01T00:00:00.000Z' }]);
  });

  it('counts subscribers by status and the whole suppression list by reason, addresses outside the store included', async () => {
    const subscribers = await store();
    subscribers.save({ email: 'ann@example.com', name: null, fields: {} });
    subscribers.save({ email: 'bob@example.com', name: null, fields: {} });
    subscribers.savePending('cy@example.com', 'Cy');
    subscribers.suppress('bob@example.com', 'complained', 'feedback loop');
    // Bounced from a CSV send: on the suppression list, never in the store.
    subscribers.suppress('list-only@example.com', 'bounced', '550 5.1.1');
    expect(subscribers.count()).toEqual({ confirmed: 1, pending: 1, unsubscribed: 0, bounced: 1, complained: 1 });
  });

  it('confirms a pending sign-up once, lifts an older unsubscribe but never a newer one, a bounce or a complaint', async () => {
    let now = new Date('2024-02-01T00:00:00Z');
    db = openStateDb(path.join(await mkdtemp(path.join(tmpdir(), 'gazette-store-')), 'state.db'));
    const subscribers = new SubscriberStore(db, () => now);
    const later = (ms: number) => (now = new Date(now.getTime() + ms));

    subscribers.savePending('ann@example.com', 'Ann');
    expect(subscribers.signUpState('ANN@example.com')).toBe('pending');
    const issued = now;
    later(1000);
    expect(subscribers.confirm('ann@example.com', issued)).toBe('confirmed');
    expect(subscribers.confirm('ann@example.com', issued)).toBe('already-confirmed');
    expect([...subscribers.all()][0]).toMatchObject({ status: 'confirmed', source: 'form', confirmedAt: '2024-02-01T00:00:01.000Z' });

    later(1000);
    subscribers.suppress('ann@example.com', 'unsubscribed', 'one-click');
    expect(subscribers.confirm('ann@example.com', issued)).toBe('stale');
    later(1000);
    const resubscribed = now;
    subscribers.savePending('ann@example.com', null);
    expect(subscribers.confirm('ann@example.com', resubscribed)).toBe('confirmed');
    expect(subscribers.suppression('ann@example.com')).toBeNull();

    subscribers.suppress('ann@example.com', 'bounced', '550');
    later(1000);
    expect(subscribers.confirm('ann@example.com', now)).toBe('suppressed');
    expect(subscribers.unsuppress('ann@example.com')).toBe('bounced');
    expect(subscribers.unsuppress('ann@example.com')).toBeNull();
    expect(subscribers.confirm('nobody@example.com', now)).toBe('gone');
  });

  it('leaves pending sign-ups out of a send to the store, and forgets them once their links have expired', async () => {
    const { storeEntries } = await import('../src/send/planner.js');
    const subscribers = await store();
    subscribers.save({ email: 'ann@example.com', name: null, fields: {} });
    subscribers.savePending('cy@example.com', null);
    subscribers.save({ email: 'bob@example.com', name: null, fields: {} });
    subscribers.suppress('bob@example.com', 'bounced');
    const entries = [];
    for await (const entry of storeEntries(subscribers)) entries.push(entry);
    expect(entries).toEqual([{ recipient: expect.objectContaining({ email: 'ann@example.com' }), line: 0 }, { suppressed: true }]);
    expect(subscribers.prunePending(new Date('2024-02-01T00:00:00Z'))).toBe(0);
    expect(subscribers.prunePending(new Date('2024-02-08T00:00:00Z'))).toBe(1);
    expect([...subscribers.all()].map((subscriber) => subscriber.email)).toEqual(['ann@example.com', 'bob@example.com']);
  });

  it('reads a long store a page at a time, in a stable order', async () => {
    const subscribers = await store();
    const many = Array.from({ length: 1234 }, (_, i) => ({ email: `r${String(i).padStart(4, '0')}@example.com`, name: null, fields: {} }));
    subscribers.saveAll(many);
    const read = [...subscribers.all()].map((subscriber) => subscriber.email);
    expect(read).toEqual(many.map((recipient) => recipient.email));
  });
});
