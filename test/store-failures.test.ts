import { spawn, spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { chmod, mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStateDb } from '../src/store/state-db.js';
import { sinksStoppedAfterEach } from './support/smtp-server.js';
import { builtWorkspace, CLI, gazette, SECRET, writeList } from './support/smtp-workspace.js';

const sink = sinksStoppedAfterEach();

/** A stack trace frame, or the driver's error class: neither may reach the user. */
const CRASH = /SqliteError|^\s+at /m;

const storeOf = (root: string) => path.join(root, '.gazette', 'state.db');

/** Runs the CLI, killing it after `ms` (a `serve` that started instead of refusing). */
function gazetteWithin(args: string[], cwd: string, ms: number, asUser: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const command = [...asUser, process.execPath, CLI, ...args];
  const child = spawn(command[0]!, command.slice(1), { cwd, env: { ...process.env, NO_COLOR: '1', GAZETTE_SECRET: SECRET }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGTERM'), ms);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** A workspace whose store holds `count` subscribers, checkpointed into the main file (no -wal left). */
async function storedWorkspace(count: number): Promise<string> {
  const root = await builtWorkspace();
  await writeList(root, Array.from({ length: count }, (_, i) => `s${i}@example.com,Subscriber ${i}`), 'email,name', 'subscribers.csv');
  expect((await gazette(['subscribers', 'import', 'subscribers.csv', '--json'], root)).code).toBe(0);
  return root;
}

describe('a damaged state database', () => {
  it.each([
    ['random bytes', (file: string) => writeFile(file, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256)))],
    ['a text file', (file: string) => writeFile(file, 'hello\n')],
  ])('that is %s: list, add and send each say so in one line naming the file, exit 1', async (_what, damage) => {
    const root = await builtWorkspace();
    await writeList(root, ['ann@example.com']);
    await mkdir(path.dirname(storeOf(root)), { recursive: true });
    await damage(storeOf(root));
    const server = await sink();
    for (const args of [['subscribers', 'list'], ['subscribers', 'add', 'bob@example.com'], ['send', '--list', 'list.csv', '--smtp', server.url]]) {
      const run = await gazette(args, root);
      expect(run.stderr, args.join(' ')).toMatch(/^\.gazette\/state\.db error the state database is damaged \(file is not a database\); nothing more was done: restore it from a backup.*\(store\/corrupt\)$/m);
      expect(run.stderr).not.toMatch(CRASH);
      expect(run.code, args.join(' ')).toBe(1);
    }
    expect(await server.accepted()).toEqual([]);
  });

  it('cut short after its header: the failure met while reading rows, after the open, is one line too', async () => {
    const root = await storedWorkspace(3000);
    await truncate(storeOf(root), 8192);
    const server = await sink();
    for (const args of [['subscribers', 'list'], ['subscribers', 'list', '--counts'], ['send', '--store', '--smtp', server.url]]) {
      const run = await gazette(args, root);
      expect(run.stderr, args.join(' ')).toMatch(/^\.gazette\/state\.db error the state database is damaged \(database disk image is malformed\).*\(store\/corrupt\)$/m);
      expect(run.stderr).not.toMatch(CRASH);
      expect(run.code, args.join(' ')).toBe(1);
    }
    expect(await server.accepted()).toEqual([]);
  });
});

/**
 * How to make the store unwritable for the CLI, root included: the immutable flag, else running
 * the CLI as `nobody` on a store it does not own. Null when neither works here.
 */
async function readOnlyStore(root: string): Promise<{ asUser: string[]; undo: () => void } | null> {
  const file = storeOf(root);
  if (spawnSync('chattr', ['+i', file]).status === 0) return { asUser: [], undo: () => spawnSync('chattr', ['-i', file]) };
  if (spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0) {
    // nobody must reach the workspace and the CLI, and read (not write) the store.
    for (let dir = root; dir !== path.dirname(dir); dir = path.dirname(dir)) chmodSync(dir, 0o755);
    await chmod(file, 0o644);
    return { asUser: ['runuser', '-u', 'nobody', '--'], undo: () => undefined };
  }
  return null;
}

describe('a state database this user may only read', () => {
  it('is refused, in one line naming the file, by every command that writes (serve at start); reading still works', async (context) => {
    const root = await storedWorkspace(10);
    const before = await readFile(storeOf(root));
    await writeList(root, ['new@example.com,New'], 'email,name', 'more.csv');
    const server = await sink();
    const readOnly = await readOnlyStore(root);
    if (!readOnly) return context.skip('neither chattr +i nor runuser -u nobody works here: cannot make a file read-only for this user');
    try {
      for (const args of [
        ['subscribers', 'add', 'bob@example.com'],
        ['subscribers', 'remove', 's1@example.com'],
        ['subscribers', 'import', 'more.csv'],
        ['send', '--store', '--smtp', server.url],
        ['serve', '--port', '0'],
      ]) {
        const run = await gazetteWithin(args, root, 10_000, readOnly.asUser);
        expect(run.stderr, args.join(' ')).toMatch(/^\.gazette\/state\.db error cannot write the state database \(attempt to write a readonly database\); nothing was changed.*\(store\/read-only\)$/m);
        expect(run.stderr).not.toMatch(CRASH);
        expect(run.code, args.join(' ')).toBe(1);
      }
      const list = await gazetteWithin(['subscribers', 'list', '--counts'], root, 10_000, readOnly.asUser);
      expect(list.stdout).toMatch(/^10 confirmed/);
      expect(list.code).toBe(0);
    } finally {
      readOnly.undo();
    }
    expect(await server.accepted()).toEqual([]);
    expect(await readFile(storeOf(root))).toEqual(before);
  }, 60_000);
});

describe('imports at the same time', () => {
  it('each waits for the other or fails with store/busy; none crashes, and each import is in the store whole or not at all', async () => {
    const ROWS = 20_000;
    const root = await builtWorkspace();
    const lists = ['a', 'b', 'c'];
    for (const prefix of lists) await writeList(root, Array.from({ length: ROWS }, (_, i) => `${prefix}${i}@example.com,${prefix.toUpperCase()} ${i}`), 'email,name', `${prefix}.csv`);

    const runs = await Promise.all(lists.map((prefix) => gazette(['subscribers', 'import', `${prefix}.csv`, '--json'], root)));

    const db = openStateDb(storeOf(root));
    try {
      for (const [index, prefix] of lists.entries()) {
        const run = runs[index]!;
        expect(run.stderr).not.toMatch(CRASH);
        const stored = (db.prepare("SELECT COUNT(*) AS n FROM subscribers WHERE email LIKE ? || '%'").get(prefix) as { n: number }).n;
        if (run.code === 0) expect(stored).toBe(ROWS);
        else {
          expect(run.stderr).toMatch(/^\.gazette\/state\.db error the state database stayed locked by another Gazette process.*\(store\/busy\)$/m);
          expect(run.code).toBe(1);
          expect(stored).toBe(0);
        }
      }
    } finally {
      db.close();
    }
  }, 60_000);
});

describe('a store folder that cannot be created', () => {
  it('is reported in one line naming the file, not as a crash', async () => {
    const root = await builtWorkspace();
    // A file where the store's folder should be: no permission fixes that.
    await writeFile(path.join(root, '.gazette'), 'not a folder\n');
    const run = await gazette(['subscribers', 'list'], root);
    expect(run.stderr).toMatch(/^\.gazette\/state\.db error cannot open the state database: EEXIST: file already exists, mkdir .*\(store\/unreadable\)$/m);
    expect(run.stderr).not.toMatch(CRASH);
    expect(run.code).toBe(1);
  });
});
