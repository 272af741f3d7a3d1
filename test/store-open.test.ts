import { fork } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/store/migrations.js';
import { openStateDb } from '../src/store/state-db.js';
import { REPO } from './support/workspace.js';

const PROCESSES = 6;

/** A program that opens the store named by its argument, as every command does, and reports how it went. */
const OPENER = `
import { openStateDb } from ${JSON.stringify(path.join(REPO, 'dist', 'src', 'store', 'state-db.js'))};
try {
  const db = openStateDb(process.argv[2]);
  process.send({ ok: true, version: db.pragma('user_version', { simple: true }) });
  db.close();
} catch (error) {
  process.send({ ok: false, error: String(error?.problems?.[0]?.message ?? error) });
}
`;

describe('the state database', () => {
  it('is created once when several processes open a new file at the same moment', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gazette-store-'));
    const opener = path.join(dir, 'open.mjs');
    await writeFile(opener, OPENER);
    const file = path.join(dir, 'state.db');
    const results = await Promise.all(
      Array.from({ length: PROCESSES }, () => {
        const child = fork(opener, [file], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        return new Promise<unknown>((resolve) => child.once('message', resolve));
      }),
    );
    expect(results).toEqual(Array.from({ length: PROCESSES }, () => ({ ok: true, version: MIGRATIONS.length })));
  });

  it('brings an existing file up to date and leaves it at the newest version', () => {
    const db = openStateDb(':memory:');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });
});
