import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port.js';

const run = promisify(execFile);

/** Where Debian's postgresql package puts the server: under its major version (scripts/setup-test-env.mjs installs it). */
const DEBIAN_POSTGRES_DIR = '/usr/lib/postgresql';

/** The newest installed server's bin folder, or null when there is none. */
function postgresBinDir(): string | null {
  if (!existsSync(DEBIAN_POSTGRES_DIR)) return null;
  const [newest] = readdirSync(DEBIAN_POSTGRES_DIR)
    .filter((version) => existsSync(path.join(DEBIAN_POSTGRES_DIR, version, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return newest === undefined ? null : path.join(DEBIAN_POSTGRES_DIR, newest, 'bin');
}

/** The server program, or the pattern where it is looked for (which names the package in messages) when there is none. */
export const POSTGRES_PATH = path.join(postgresBinDir() ?? path.join(DEBIAN_POSTGRES_DIR, '*', 'bin'), 'postgres');

/** A real PostgreSQL server on loopback, trusting local connections, its data in a temporary folder. */
export interface Postgres {
  port: number;
  /** The postmaster's process id, for checking that `stop` ended it. */
  pid: number;
  /** `postgres://postgres@127.0.0.1:port/postgres`: the superuser on the maintenance database. */
  url: string;
  /** Creates an empty database with a fresh name (or the name given) and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

/** The superuser initdb creates; with trust authentication it needs no password. */
const SUPERUSER = 'postgres';

async function idOf(user: string, flag: '-u' | '-g'): Promise<number> {
  return Number((await run('id', [flag, user], { encoding: 'utf8' })).stdout.trim());
}

/**
 * Runs one of the server's programs. PostgreSQL refuses to run as root: as root (the test image)
 * the Debian package's `postgres` user runs it; as anyone else, the current user does.
 */
async function runServerProgram(asRoot: boolean, program: string, args: string[], log: string): Promise<void> {
  const file = path.join(path.dirname(POSTGRES_PATH), program);
  const [command, commandArgs] = asRoot ? ['runuser', ['-u', SUPERUSER, '--', file, ...args]] : [file, args];
  try {
    await run(command, commandArgs, { encoding: 'utf8' });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`${program} ${args.join(' ')} failed: ${stderr?.trim() || (error as Error).message}; see ${log}`);
  }
}

function databaseUrl(port: number, database: string): string {
  return `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
}

/** Fresh names for `createDatabase`, unique in this server (each test file starts its own). */
function freshDatabaseName(): string {
  return `gazette_test_${randomBytes(6).toString('hex')}`;
}

/**
 * Starts a PostgreSQL server of its own: initdb in a temporary folder (trust authentication,
 * no fsync, as nothing there needs to survive a crash), listening on a free loopback port,
 * its Unix socket in the same folder so it never meets a system server's.
 */
export async function startPostgres(): Promise<Postgres> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gazette-postgres-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await chown(dir, await idOf(SUPERUSER, '-u'), await idOf(SUPERUSER, '-g'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'postgres.log');
  const port = await freePort();
  // The C locale: the same byte order of text whatever the machine's locale, as SQLite sorts.
  let pid: number;
  try {
    await runServerProgram(asRoot, 'initdb', ['-D', data, '-A', 'trust', '-U', SUPERUSER, '--no-sync', '--encoding=UTF8', '--locale=C'], log);
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    // -w: pg_ctl returns once the server accepts connections, or fails with its log to read.
    await runServerProgram(asRoot, 'pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', 'start'], log);
    // postmaster.pid's first line is the server's process id.
    pid = Number((await readFile(path.join(data, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  } catch (error) {
    // The log is kept for reading; the data folder is not.
    await rm(data, { recursive: true, force: true });
    throw error;
  }
  // pg_ctl starts the server as a daemon, which outlives this process: a test process that ends
  // without stop() (a failing beforeAll, a crash) shuts it down at once (SIGQUIT) on its way out.
  const abandon = () => {
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', abandon);
  let stopped = false;
  return {
    port,
    pid,
    url: databaseUrl(port, 'postgres'),
    async createDatabase(name = freshDatabaseName()) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      const client = new pg.Client({ connectionString: databaseUrl(port, 'postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return databaseUrl(port, name);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off('exit', abandon);
      try {
        await runServerProgram(asRoot, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'], log);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
