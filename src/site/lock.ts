import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';

/** The lock file in the site folder: present only while a build updates the site. */
export const LOCK_FILE = '.gazette-build.lock';

interface Holder {
  pid: number;
  host: string;
  since: string;
  token: string;
}

export interface SiteLockOptions {
  /** How long to wait for another build before giving up. */
  timeoutMs?: number;
  /** How often to look again. */
  pollMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_POLL_MS = 50;
/** How long a lock file may stay unreadable before it counts as abandoned. */
const UNREADABLE_GRACE_MS = 5_000;

/**
 * Runs `update` while holding the site's lock, so two builds at once (two cron jobs, a build
 * and a `--all`) take turns: each reads the manifest, numbers its issue and writes the site
 * with the other's work already in it. The lock is a file created exclusively; one left by a
 * process that died on this machine is taken over, one held longer than the timeout is an error.
 */
export async function withSiteLock<T>(siteDir: string, update: () => Promise<T>, options: SiteLockOptions = {}): Promise<T> {
  await mkdir(siteDir, { recursive: true });
  const file = path.join(siteDir, LOCK_FILE);
  const own: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomUUID() };
  await acquire(file, own, options);
  try {
    return await update();
  } finally {
    await release(file, own);
  }
}

async function acquire(file: string, own: Holder, options: SiteLockOptions): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  for (;;) {
    try {
      await writeFile(file, JSON.stringify(own), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(file);
    if (holder ? isDead(holder) : await isAbandoned(file)) {
      await takeOver(file, holder?.token ?? null);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.since}` : 'another build';
      throw new GazetteError([diagnostic('site/locked', `the site is being updated by ${who}`, { file })]);
    }
    await sleep(options.pollMs ?? DEFAULT_POLL_MS);
  }
}

/**
 * Removes a dead holder's lock. It is first moved aside under a name of our own and read
 * again: if a live build took the lock in between, its file is put back.
 */
async function takeOver(file: string, deadToken: string | null): Promise<void> {
  const aside = `${file}.${process.pid}-${randomUUID()}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readHolder(aside);
  if (moved && moved.token !== deadToken) await link(aside, file).catch(() => undefined);
  await rm(aside, { force: true });
}

async function release(file: string, own: Holder): Promise<void> {
  const holder = await readHolder(file);
  if (holder?.token === own.token) await rm(file, { force: true });
}

async function readHolder(file: string): Promise<Holder | null> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as Partial<Holder>;
    return typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.token === 'string'
      ? { pid: data.pid, host: data.host, since: String(data.since), token: data.token }
      : null;
  } catch {
    // Missing (released meanwhile) or half-written (its creator is writing it now): look again.
    return null;
  }
}

/**
 * A lock file that cannot be read (empty, or not a lock) is half-written by its creator only for
 * an instant; one that stays so for seconds was left by a build killed while writing it, or by a
 * full disk, and would otherwise block every build until someone removed it by hand.
 */
async function isAbandoned(file: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(file)).mtimeMs > UNREADABLE_GRACE_MS;
  } catch {
    return false;
  }
}

/** Only a process on this machine can be known to be gone; a lock from another host waits for the timeout. */
function isDead(holder: Holder): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
