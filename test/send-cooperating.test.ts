import { spawn } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresForThisSuite } from './support/postgres-suite.js';
import { sinksStoppedAfterEach, type SmtpSink } from './support/smtp-server.js';
import { builtWorkspace, CLI, sendingConfig, writeList } from './support/smtp-workspace.js';
import { without } from './support/system-programs.js';
import { startTcpProxy } from './support/tcp-proxy.js';

const sink = sinksStoppedAfterEach();

/** The lease of every sender in these tests: short, so a dead sender's batch is taken over in seconds. */
const LEASE_MS = 3000;
const CONCURRENCY = 4;

interface Sender {
  child: ReturnType<typeof spawn>;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** `gazette send` of the workspace's issue to list.csv through `server`, on the store `store` names. */
function startSender(root: string, store: string, server: SmtpSink, extra: string[] = []): Sender {
  const child = spawn(process.execPath, [CLI, 'send', '--list', 'list.csv', '--smtp', server.url, '--concurrency', String(CONCURRENCY), '--json', ...extra], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', GAZETTE_STORE: store, GAZETTE_LEASE_TIMEOUT_MS: String(LEASE_MS) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, done: new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr }))) };
}

/** The most acceptances any one-second window [t, t + 1 s) holds. */
function busiestSecond(acceptedAt: number[]): number {
  const times = [...acceptedAt].sort((a, b) => a - b);
  let most = 0;
  let end = 0;
  for (let start = 0; start < times.length; start++) {
    while (end < times.length && times[end]! < times[start]! + 1000) end++;
    most = Math.max(most, end - start);
  }
  return most;
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(20);
  }
}

/** Rows of the shared ledger left `sending`: the messages in doubt. */
async function inDoubt(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ email: string }>("SELECT email FROM deliveries WHERE state = 'sending'")).rows.map((row) => row.email);
  } finally {
    await client.end();
  }
}

/** Every address's copies over the sinks. */
async function copiesOver(sinks: SmtpSink[]): Promise<Map<string, number>> {
  const copies = new Map<string, number>();
  for (const server of sinks) for (const [address, count] of await server.copiesByAddress()) copies.set(address, (copies.get(address) ?? 0) + count);
  return copies;
}

/** Issue #12: several `gazette send` processes share one issue's send through a PostgreSQL store. */
describe.skipIf(without('postgres'))('senders cooperating on one issue through PostgreSQL', () => {
  const postgres = postgresForThisSuite();

  async function workspace(recipients: number): Promise<{ root: string; url: string; everyone: string[] }> {
    const url = await postgres().createDatabase();
    const root = await builtWorkspace(sendingConfig());
    const everyone = Array.from({ length: recipients }, (_, i) => `r${i}@example.com`);
    await writeList(root, everyone);
    return { root, url, everyone };
  }

  it('three senders deliver 3,000 addresses exactly once between them, never more than --rate 300 in any second at the server', async () => {
    const { root, url, everyone } = await workspace(3000);
    const server = await sink();
    const senders = [0, 1, 2].map(() => startSender(root, url, server, ['--rate', '300']));
    const results = await Promise.all(senders.map((sender) => sender.done));
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const summaries = results.map((result) => JSON.parse(result.stdout) as { sent: number });

    const copies = await server.copiesByAddress();
    expect(copies.size).toBe(everyone.length);
    expect([...copies.values()].every((count) => count === 1)).toBe(true);
    // The work was shared, and every message is counted by the sender that sent it.
    expect(summaries.every((summary) => summary.sent > 0)).toBe(true);
    expect(summaries.reduce((sum, summary) => sum + summary.sent, 0)).toBe(everyone.length);
    const accepted = await server.accepted();
    expect(busiestSecond(accepted.map((line) => line.acceptedAt))).toBeLessThanOrEqual(300);
    expect(await inDoubt(url)).toEqual([]);
  }, 180_000);

  it('after kill -9 of one sender, the others take over its batch once its lease lapses: nobody lost, nobody twice', async () => {
    const { root, url, everyone } = await workspace(1500);
    const server = await sink();
    const senders = [0, 1, 2].map(() => startSender(root, url, server, ['--rate', '200']));
    await until(async () => (await server.accepted()).length >= 300, '300 messages');
    senders[0]!.child.kill('SIGKILL');
    const [killed, ...survivors] = await Promise.all(senders.map((sender) => sender.done));
    expect(killed!.code).toBeNull();
    for (const survivor of survivors) expect([0, 1], survivor.stderr).toContain(survivor.code);

    const doubt = new Set(await inDoubt(url));
    // The last survivor to finish reports them at once (exit 1), not only the next run.
    const reported = survivors.map((survivor) => (JSON.parse(survivor.stdout) as { inDoubt: { email: string }[] }).inDoubt.map((entry) => entry.email));
    expect(reported.some((emails) => emails.length === doubt.size && emails.every((email) => doubt.has(email)))).toBe(true);
    // At most the killed sender's messages in transmission: one per connection.
    expect(doubt.size).toBeLessThanOrEqual(CONCURRENCY);
    const copies = await server.copiesByAddress();
    expect(Math.max(...copies.values())).toBe(1);
    expect(everyone.filter((address) => !copies.has(address)).every((address) => doubt.has(address))).toBe(true);
    expect(copies.size).toBeGreaterThanOrEqual(everyone.length - doubt.size);
  }, 180_000);

  it('a sender cut off from the database stops sending within its lease, and the others finish its batch', async () => {
    const { root, url, everyone } = await workspace(1500);
    const proxy = await startTcpProxy(postgres().port);
    const shared = await sink();
    // The sender to be cut off sends through a relay of its own, so the sink tells its messages apart.
    const ownRelay = await sink();
    try {
      const cut = startSender(root, url.replace(`:${postgres().port}/`, `:${proxy.port}/`), ownRelay, ['--rate', '100']);
      const others = [0, 1].map(() => startSender(root, url, shared, ['--rate', '200']));
      await until(async () => (await ownRelay.accepted()).length >= 100, '100 messages from the sender to be cut off');
      proxy.partition();
      const cutAt = Date.now();

      const stopped = await cut.done;
      // It gives up once its lease is gone, with one line and no stack trace.
      expect(stopped.code).not.toBe(0);
      const report = JSON.parse(stopped.stdout) as { ok: boolean; diagnostics: { rule: string; message: string }[] };
      expect(report.diagnostics.map((found) => found.rule)).toEqual([expect.stringMatching(/^(send\/lease-lost|store\/unreachable)$/)]);
      expect(stopped.stderr).toBe('');
      // And it ends soon after: nothing it left open toward the silent server keeps it alive.
      expect(Date.now() - cutAt).toBeLessThan(3 * LEASE_MS);
      const lastOwn = Math.max(...(await ownRelay.accepted()).map((line) => line.acceptedAt));
      expect(lastOwn).toBeLessThan(cutAt + LEASE_MS);

      const results = await Promise.all(others.map((sender) => sender.done));
      for (const result of results) expect([0, 1], result.stderr).toContain(result.code);
      const doubt = new Set(await inDoubt(url));
      expect(doubt.size).toBeLessThanOrEqual(CONCURRENCY);
      const copies = await copiesOver([shared, ownRelay]);
      expect(Math.max(...copies.values())).toBe(1);
      expect(everyone.filter((address) => !copies.has(address)).every((address) => doubt.has(address))).toBe(true);
      // The others took over what it had claimed and not sent.
      expect((await shared.accepted()).length).toBeGreaterThan(0);
    } finally {
      await proxy.stop();
    }
  }, 180_000);

  it('retries a 4xx and a 421 on the shared ledger like one sender does, and both senders finish the list', async () => {
    const { root, url, everyone } = await workspace(300);
    const server = await sink({
      faults: [
        { match: '^r7@', action: '451', attempts: 1 },
        { match: '^r1[0-9]@', action: '421', attempts: 1 },
      ],
    });
    const results = await Promise.all([0, 1].map(() => startSender(root, url, server).done));
    for (const result of results) expect(result.code, result.stderr + result.stdout).toBe(0);
    const copies = await server.copiesByAddress();
    expect(copies.size).toBe(everyone.length);
    expect([...copies.values()].every((count) => count === 1)).toBe(true);
  }, 120_000);

  it('refuses a sender with another build of the issue, and the send goes on without it', async () => {
    const { root, url, everyone } = await workspace(300);
    const other = await builtWorkspace(sendingConfig({ name: 'Another Weekly' }));
    await writeList(other, everyone);
    const server = await sink();
    const first = startSender(root, url, server, ['--rate', '60']);
    await until(async () => (await server.accepted()).length >= 10, 'the first messages');
    const second = await startSender(other, url, server).done;
    expect(second.code).toBe(1);
    expect((JSON.parse(second.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((found) => found.rule)).toEqual(['send/other-build']);
    expect((await first.done).code).toBe(0);
    expect((await server.copiesByAddress()).size).toBe(everyone.length);
  }, 120_000);

  it('waits out the database dropping every connection: the senders go on and finish, nobody twice', async () => {
    const { root, url, everyone } = await workspace(1200);
    const server = await sink();
    const senders = [0, 1].map(() => startSender(root, url, server, ['--rate', '300']));
    await until(async () => (await server.accepted()).length >= 300, '300 messages');
    const admin = new pg.Client({ connectionString: postgres().url });
    await admin.connect();
    try {
      const database = new URL(url).pathname.slice(1);
      const { rows } = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    const results = await Promise.all(senders.map((sender) => sender.done));
    for (const result of results) expect(result.code, result.stdout).toBe(0);
    const copies = await server.copiesByAddress();
    expect(copies.size).toBe(everyone.length);
    expect([...copies.values()].every((count) => count === 1)).toBe(true);
  }, 120_000);
});
