import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { sinksStoppedAfterEach, type SmtpSink } from './support/smtp-server.js';
import { builtWorkspace, CLI, writeList } from './support/smtp-workspace.js';

const RECIPIENTS = 80;
/** The lease timeout for these runs (tests only): a frozen holder loses its send after 1.5 s, not 30. */
const LEASE_TIMEOUT_MS = 1500;
const ENV = { ...process.env, NO_COLOR: '1', GAZETTE_LEASE_TIMEOUT_MS: String(LEASE_TIMEOUT_MS) };

const sink = sinksStoppedAfterEach();
const everyone = Array.from({ length: RECIPIENTS }, (_, i) => `r${i}@example.com`);

function startSend(root: string, args: string[]) {
  const child = spawn(process.execPath, [CLI, 'send', ...args], { cwd: root, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

type Send = ReturnType<typeof startSend>;

/**
 * Waits until the server has accepted `count` messages while every run in `running` lives: a run
 * that ends first fails the test at once, with what it printed, rather than leaving it to time out.
 */
async function acceptedAtLeast(server: SmtpSink, count: number, running: Send[]): Promise<void> {
  while ((await server.accepted()).length < count) {
    const ended = running.find((send) => send.child.exitCode !== null);
    if (ended) {
      const { code, stdout, stderr } = await ended.done;
      throw new Error(`a send ended (exit ${code}) before the server had ${count} messages:\n${stdout}\n${stderr}`);
    }
    await delay(10);
  }
}

/**
 * Stops a run (SIGSTOP) at a moment it holds no write transaction. A run frozen inside one keeps
 * the database locked, and every other process then gets `store/busy`: true to SQLite, but not
 * the case this test is about. So it is frozen, and thawed and frozen again until the store is
 * free for a writer.
 */
async function freezeBetweenWrites(send: Send, storeFile: string): Promise<void> {
  // No busy wait: a frozen holder would never let go.
  const db = new Database(storeFile, { timeout: 0 });
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      send.child.kill('SIGSTOP');
      await delay(20);
      try {
        db.exec('BEGIN IMMEDIATE; ROLLBACK');
        return;
      } catch {
        send.child.kill('SIGCONT');
        await delay(5);
      }
    }
    throw new Error('the send held the database at every attempt to freeze it');
  } finally {
    db.close();
  }
}

describe('a send frozen past its lease timeout', () => {
  it('loses the send to the run that took it over: on waking it stops before its next message and fails naming that run; each address gets one copy', async () => {
    const root = await builtWorkspace();
    await writeList(root, everyone);
    const server = await sink();

    // Rated, so both runs are still sending when the first wakes up.
    const first = startSend(root, ['--list', 'list.csv', '--smtp', server.url, '--rate', '20']);
    const runs: Send[] = [first];
    // Whatever happens (a failure, a timeout), no run is left frozen or holding the sink open.
    onTestFinished(() => {
      for (const run of runs) {
        run.child.kill('SIGCONT');
        run.child.kill('SIGKILL');
      }
    });
    await acceptedAtLeast(server, 5, [first]);
    await freezeBetweenWrites(first, path.join(root, '.gazette', 'state.db'));
    await delay(LEASE_TIMEOUT_MS + 1000);
    const before = (await server.accepted()).length;
    const second = startSend(root, ['--resume', '--smtp', server.url, '--rate', '20', '--json']);
    runs.push(second);
    await acceptedAtLeast(server, before + 5, [second]);
    expect(second.child.exitCode, 'the run that took over ended before the first woke: the test proves less than it should').toBeNull();
    first.child.kill('SIGCONT');

    const [woken, takenOver] = await Promise.all([first.done, second.done]);
    expect(woken.stderr).toMatch(
      new RegExp(`error the send of 2024-W05 was taken over by another run \\(host \\S+, pid ${second.child.pid}, started .+\\) while this run was stopped past the lease timeout; this run stopped before its next message \\(\\d+ sent by it\\).*\\(send/lease-lost\\)$`, 'm'),
    );
    expect(woken.stderr).not.toMatch(/SqliteError|\n\s+at /);
    expect(woken.code).toBe(1);

    // The run that took over reports whatever the frozen one had in flight as in doubt; the woken one settled those.
    const summary = JSON.parse(takenOver.stdout) as { sent: number; alreadySent: number; inDoubt: unknown[] };
    expect(summary.alreadySent + summary.sent + summary.inDoubt.length).toBe(RECIPIENTS);
    expect(takenOver.code).toBe(summary.inDoubt.length === 0 ? 0 : 1);

    const copies = await server.copiesByAddress();
    expect(everyone.map((address) => copies.get(address) ?? 0)).toEqual(everyone.map(() => 1));
  }, 60_000);
});
