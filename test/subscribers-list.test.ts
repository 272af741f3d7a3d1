import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GazetteError } from '../src/diagnostics/diagnostic.js';
import { CsvList } from '../src/subscribers/csv-list.js';
import type { ListEntry } from '../src/subscribers/list-entry.js';

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
