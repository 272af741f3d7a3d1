import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startPostgres } from './support/postgres.js';
import { postgresForThisSuite } from './support/postgres-suite.js';
import { without } from './support/system-programs.js';

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Whether the process runs, from Linux's /proc: the server is a daemon whose parent (init)
 * reaps it at leisure, so a stopped one may linger a moment as a zombie, which no longer runs.
 */
function processRunning(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  const state = stat.slice(stat.lastIndexOf(')') + 2)[0];
  return state !== 'Z' && state !== 'X';
}

describe.skipIf(without('postgres'))('the test PostgreSQL server (test/support/postgres.ts)', () => {
  const postgres = postgresForThisSuite();

  it('gives each caller its own empty database', async () => {
    const server = postgres();
    const first = await server.createDatabase();
    const second = await server.createDatabase();
    expect(first).not.toBe(second);
    expect(first).toMatch(new RegExp(`^postgres://postgres@127\\.0\\.0\\.1:${server.port}/gazette_test_[0-9a-f]+$`));

    await withClient(first, async (client) => {
      await client.query('CREATE TABLE notes (body text)');
      await client.query("INSERT INTO notes VALUES ('only in the first')");
      expect((await client.query('SELECT body FROM notes')).rows).toEqual([{ body: 'only in the first' }]);
    });
    await withClient(second, async (client) => {
      expect((await client.query('SELECT 1 + 1 AS two')).rows).toEqual([{ two: 2 }]);
      const tables = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
      expect(tables.rows).toEqual([]);
    });
  });

  it('takes a database name when given one, and refuses one that would need quoting', async () => {
    const server = postgres();
    expect(await server.createDatabase('gazette_named')).toBe(`postgres://postgres@127.0.0.1:${server.port}/gazette_named`);
    await expect(server.createDatabase('x; DROP DATABASE postgres')).rejects.toThrow('not a plain database name');
  });

  it('stops the server it started, leaving no process and a closed port', async () => {
    const server = await startPostgres();
    expect(processRunning(server.pid)).toBe(true);
    expect(await portOpen(server.port)).toBe(true);
    await server.stop();
    expect(processRunning(server.pid)).toBe(false);
    expect(await portOpen(server.port)).toBe(false);
  }, 60_000);
});
