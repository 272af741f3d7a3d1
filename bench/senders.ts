/**
 * Cooperating senders benchmark (issue #12), every sender a real `gazette send --json` process of
 * the built CLI, as a user starts it, against a local SMTP sink in its own process
 * (test/support/smtp-sink.ts) and a throwaway PostgreSQL server (test/support/postgres.ts):
 * - throughput for --recipients addresses (10,000), --concurrency connections per sender (5), no
 *   rate: plain nodemailer pooled `sendMail` of one prebuilt message in this process, one sender
 *   on a SQLite store, and 1, 2 and 4 senders (--senders) started together on one fresh PostgreSQL
 *   database each, all joining the same issue's send. msg/s is recipients over the wall time from
 *   the first process's start to the last one's exit (process start-up included, as a user waits
 *   for it), and beside it to the sink's last acceptance (`perSecondUntilLastAccepted`): a sender
 *   left with rows only in other live senders' batches waits a poll (a sixth of the lease, 5 s)
 *   before it looks again and exits; each configuration is checked exactly-once at the sink
 *   (duplicates and missing: 0);
 * - the global rate: --rated-senders senders (3) sharing --rate 300 for --rated-recipients (3,000):
 *   the most acceptances in any one-second window [t, t + 1 s) at the sink, which must be ≤ the rate,
 *   and the rate reached, beside the same senders and list without a rate;
 * - memory: each sender's peak RSS (maxRSS, written by a preloaded hook when it exits), and its CPU
 *   seconds. This process's CPU seconds are given too: the nodemailer baseline's work is all there.
 * Configurations alternate over --rounds (1), rotating which goes first; medians are reported.
 * The senders, the sink and PostgreSQL share the machine's cores, so N senders do not scale N-fold
 * on a small machine: compare configurations within one run. Import rows/s is bench/import.ts.
 *
 *   npm run build && node dist/bench/senders.js [--recipients 10000] [--concurrency 5] [--senders 1,2,4] [--rounds 1] [--rated-senders 3] [--rate 300] [--rated-recipients 3000]
 * prints JSON; 0 for --recipients or --rated-senders skips that part. Needs PostgreSQL installed.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { BuildResult } from '../src/build.js';
import { POSTGRES_PATH, startPostgres, type Postgres } from '../test/support/postgres.js';
import { startSink, type SmtpSink } from '../test/support/smtp-server.js';
import { busiestSecond, listAddresses, nodemailerRun, round, sampleWorkspace, writeList } from './send-fixtures.js';
import { parseBenchArguments } from './arguments.js';

const USAGE =
  'usage: node dist/bench/senders.js [--recipients N] [--concurrency N] [--senders N,N,…] [--rounds N] [--rated-senders N] [--rate N] [--rated-recipients N]';

/** The built CLI, as `npm run build` leaves it next to this file's compiled copy. */
const CLI = path.resolve(fileURLToPath(import.meta.url), '../../src/cli/main.js');
/** Names the file the peak-RSS hook writes to, in each sender's environment. */
const USAGE_FILE_ENV = 'GAZETTE_BENCH_USAGE_FILE';
/**
 * Preloaded into each sender with --require: on exit, its own peak RSS (KB) and CPU time, read
 * from the kernel's accounting for this process, so nothing samples and nothing is missed.
 */
const USAGE_HOOK = `process.on('exit', () => {
  const usage = process.resourceUsage();
  require('node:fs').writeFileSync(process.env.${USAGE_FILE_ENV}, JSON.stringify({ maxRssKB: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime }));
});
`;

interface Bench {
  root: string;
  built: BuildResult;
  postgres: Postgres;
  hook: string;
  concurrency: number;
}

interface SenderResult {
  exitCode: number | null;
  /** From its `--json` summary; null when it printed none. */
  sent: number | null;
  failed: number | null;
  /** Its own campaign time and rate, as its summary tells them (after start-up and planning). */
  seconds: number | null;
  perSecond: number | null;
  /** From spawn to exit: the difference from `seconds` is start-up, planning the list and closing. */
  lifetimeSeconds: number;
  peakRssMB: number | null;
  cpuSeconds: number | null;
  /** Only when it exited non-zero. */
  stderr?: string;
  diagnostics?: unknown;
}

interface Run {
  /** Wall time: first process started → last process ended. */
  seconds: number;
  perSecond: number;
  /** This benchmark process's CPU seconds during the run. */
  benchCpuSeconds: number;
  senders: SenderResult[] | null;
  sink: SinkCheck;
}

interface SinkCheck {
  accepted: number;
  /** Addresses received more than once, and the extra copies they got. */
  duplicateAddresses: number;
  extraCopies: number;
  /** Addresses of the list never received. */
  missing: number;
  /** Acceptances per second at the sink, first to last. */
  sinkPerSecond: number;
  /** From the start of the run to the sink's last acceptance (senders may still be closing after it), and the rate over that. */
  untilLastAcceptedSeconds: number;
  perSecondUntilLastAccepted: number;
  busiestSecond: number;
}

/** What the sink received of a list of `count`: every address exactly once, or how far from it. */
async function checkSink(sink: SmtpSink, count: number, startedAtMs: number): Promise<SinkCheck> {
  const copies = await sink.copiesByAddress();
  const accepted = await sink.accepted();
  const times = accepted.map((line) => line.acceptedAt);
  const span = times.length > 1 ? (Math.max(...times) - Math.min(...times)) / 1000 : 0;
  const repeated = [...copies.values()].filter((n) => n > 1);
  const untilLast = times.length > 0 ? (Math.max(...times) - startedAtMs) / 1000 : 0;
  return {
    accepted: accepted.length,
    duplicateAddresses: repeated.length,
    extraCopies: repeated.reduce((sum, n) => sum + n - 1, 0),
    missing: listAddresses(count).filter((address) => !copies.has(address)).length,
    sinkPerSecond: span > 0 ? round((times.length - 1) / span) : 0,
    untilLastAcceptedSeconds: round3(untilLast),
    perSecondUntilLastAccepted: untilLast > 0 ? round(times.length / untilLast) : 0,
    busiestSecond: busiestSecond(times),
  };
}

/** One `gazette send` process of the workspace's issue to `list` on `store`; resolves when it exits. */
function runSender(bench: Bench, store: string, list: string, sink: SmtpSink, usageFile: string, extra: string[]): Promise<SenderResult> {
  const args = ['--require', bench.hook, CLI, 'send', '--list', list, '--smtp', sink.url, '--concurrency', String(bench.concurrency), '--json', ...extra];
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: bench.root,
    env: { ...process.env, NO_COLOR: '1', GAZETTE_STORE: store, [USAGE_FILE_ENV]: usageFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const lifetimeSeconds = round3((performance.now() - spawnedAt) / 1000);
      void senderResult(exitCode, stdout, stderr, usageFile, lifetimeSeconds).then(resolve, reject);
    });
  });
}

async function senderResult(exitCode: number | null, stdout: string, stderr: string, usageFile: string, lifetimeSeconds: number): Promise<SenderResult> {
  let summary: { sent?: number; failed?: number; seconds?: number; perSecond?: number; diagnostics?: unknown } = {};
  try {
    summary = JSON.parse(stdout) as typeof summary;
  } catch {
    // No summary (a crash): the exit code and stderr tell what happened.
  }
  const usage = await readFile(usageFile, 'utf8').then(
    (text) => JSON.parse(text) as { maxRssKB: number; cpuMicros: number },
    () => null,
  );
  return {
    exitCode,
    sent: summary.sent ?? null,
    failed: summary.failed ?? null,
    seconds: summary.seconds ?? null,
    perSecond: summary.perSecond ?? null,
    lifetimeSeconds,
    peakRssMB: usage ? round(usage.maxRssKB / 1024) : null,
    cpuSeconds: usage ? Math.round(usage.cpuMicros / 1000) / 1000 : null,
    ...(exitCode === 0 ? {} : { stderr, diagnostics: summary.diagnostics ?? stdout.slice(0, 2000) }),
  };
}

/** `count` senders started at once on one store; timed from the first start to the last exit. */
async function sendersRun(bench: Bench, name: string, store: string, count: number, list: string, recipients: number, extra: string[] = []): Promise<Run> {
  const sink = await startSink();
  const usageDir = path.join(bench.root, 'usage', name);
  await mkdir(usageDir, { recursive: true });
  try {
    const cpu = process.cpuUsage();
    const startedAtMs = Date.now();
    const started = performance.now();
    const senders = await Promise.all(Array.from({ length: count }, (_, i) => runSender(bench, store, list, sink, path.join(usageDir, `${i}.json`), extra)));
    const seconds = (performance.now() - started) / 1000;
    return { seconds: round3(seconds), perSecond: round(recipients / seconds), benchCpuSeconds: cpuSecondsSince(cpu), senders, sink: await checkSink(sink, recipients, startedAtMs) };
  } finally {
    await sink.stop();
  }
}

/** Plain nodemailer in this process, same sink program, same connections as one sender. */
async function nodemailerBaseline(bench: Bench, recipients: number): Promise<Run> {
  const sink = await startSink();
  try {
    const cpu = process.cpuUsage();
    const startedAtMs = Date.now();
    const started = performance.now();
    const run = await nodemailerRun(bench.built, recipients, sink, bench.concurrency);
    const seconds = (performance.now() - started) / 1000;
    if (run.failed > 0) throw new Error(`nodemailer failed ${run.failed} of ${recipients} messages`);
    return { seconds: round3(seconds), perSecond: round(recipients / seconds), benchCpuSeconds: cpuSecondsSince(cpu), senders: null, sink: await checkSink(sink, recipients, startedAtMs) };
  } finally {
    await sink.stop();
  }
}

type Configuration = { name: string; run: () => Promise<Run> };

/** The throughput configurations: nodemailer, one sender on SQLite, then N senders on a fresh PostgreSQL database each. */
function throughputConfigurations(bench: Bench, list: string, recipients: number, senderCounts: number[], roundIndex: number): Configuration[] {
  return [
    { name: 'nodemailer', run: () => nodemailerBaseline(bench, recipients) },
    { name: 'sqlite-1', run: () => sendersRun(bench, `sqlite-1-r${roundIndex}`, path.join(bench.root, '.gazette', `bench-r${roundIndex}.db`), 1, list, recipients) },
    ...senderCounts.map((count) => ({
      name: `postgres-${count}`,
      run: async () => sendersRun(bench, `postgres-${count}-r${roundIndex}`, await bench.postgres.createDatabase(), count, list, recipients),
    })),
  ];
}

/** Each configuration's runs, in alternating rounds: round r starts at the r-th configuration. */
async function throughputRounds(bench: Bench, list: string, recipients: number, senderCounts: number[], rounds: number): Promise<Map<string, Run[]>> {
  const runs = new Map<string, Run[]>();
  for (let r = 0; r < rounds; r++) {
    const configurations = throughputConfigurations(bench, list, recipients, senderCounts, r);
    const order = [...configurations.slice(r % configurations.length), ...configurations.slice(0, r % configurations.length)];
    for (const configuration of order) {
      const run = await configuration.run();
      runs.set(configuration.name, [...(runs.get(configuration.name) ?? []), run]);
      process.stderr.write(`${configuration.name} round ${r + 1}: ${run.perSecond} msg/s\n`);
    }
  }
  return runs;
}

/** The figures of one configuration over its rounds: medians, every run kept for reading. */
function throughputSummary(runs: Run[], nodemailerPerSecond: number) {
  const perSecond = median(runs.map((run) => run.perSecond));
  const sendersOf = (run: Run) => run.senders ?? [];
  const rss = runs.flatMap((run) => sendersOf(run).map((sender) => sender.peakRssMB ?? 0));
  return {
    perSecond,
    ratioToNodemailer: Math.round((perSecond / nodemailerPerSecond) * 100) / 100,
    seconds: median(runs.map((run) => run.seconds)),
    perSecondUntilLastAccepted: median(runs.map((run) => run.sink.perSecondUntilLastAccepted)),
    exactlyOnce: runs.every((run) => run.sink.duplicateAddresses === 0 && run.sink.missing === 0),
    duplicateAddresses: Math.max(...runs.map((run) => run.sink.duplicateAddresses)),
    missing: Math.max(...runs.map((run) => run.sink.missing)),
    sentPerSender: runs.map((run) => sendersOf(run).map((sender) => sender.sent)),
    peakRssMBPerSender: runs.map((run) => sendersOf(run).map((sender) => sender.peakRssMB)),
    peakRssMBMax: rss.length > 0 ? Math.max(...rss) : null,
    sendersCpuSeconds: runs.map((run) => round3(sendersOf(run).reduce((sum, sender) => sum + (sender.cpuSeconds ?? 0), 0))),
    benchCpuSeconds: median(runs.map((run) => run.benchCpuSeconds)),
    runs,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function cpuSecondsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return round3((used.user + used.system) / 1e6);
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

async function main(): Promise<void> {
  const { values } = parseBenchArguments({
    options: {
      recipients: { type: 'string', default: '10000' },
      concurrency: { type: 'string', default: '5' },
      senders: { type: 'string', default: '1,2,4' },
      rounds: { type: 'string', default: '1' },
      'rated-senders': { type: 'string', default: '3' },
      rate: { type: 'string', default: '300' },
      'rated-recipients': { type: 'string', default: '3000' },
    },
  }, USAGE);
  const recipients = Number(values.recipients);
  const senderCounts = values.senders.split(',').map(Number).filter((count) => count > 0);
  const rounds = Math.max(1, Number(values.rounds));
  const ratedSenders = Number(values['rated-senders']);
  const rate = Number(values.rate);
  const ratedRecipients = Number(values['rated-recipients']);
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  if (!existsSync(POSTGRES_PATH)) throw new Error(`PostgreSQL is not installed (looked for ${POSTGRES_PATH})`);

  const { root, built } = await sampleWorkspace('gazette-bench-senders-');
  const postgres = await startPostgres();
  try {
    const hook = path.join(root, 'usage-hook.cjs');
    await writeFile(hook, USAGE_HOOK);
    const bench: Bench = { root, built, postgres, hook, concurrency: Number(values.concurrency) };
    const machine = { node: process.version, cpus: cpus().length, loadAverageAtStart: loadavg().map((load) => Math.round(load * 100) / 100) };

    let throughput = null;
    if (recipients > 0) {
      await writeList(path.join(root, 'list.csv'), recipients);
      const runs = await throughputRounds(bench, 'list.csv', recipients, senderCounts, rounds);
      const nodemailerPerSecond = median(runs.get('nodemailer')!.map((run) => run.perSecond));
      throughput = { recipients, concurrencyPerSender: bench.concurrency, rounds, ...Object.fromEntries([...runs].map(([name, of]) => [name, throughputSummary(of, nodemailerPerSecond)])) };
    }

    let globalRate = null;
    if (ratedSenders > 0) {
      await writeList(path.join(root, 'rated.csv'), ratedRecipients);
      // The same senders and list without a rate first, so the rate's cost shows against what they reach without one.
      const unlimited = await sendersRun(bench, 'unrated', await postgres.createDatabase(), ratedSenders, 'rated.csv', ratedRecipients);
      const run = await sendersRun(bench, 'rated', await postgres.createDatabase(), ratedSenders, 'rated.csv', ratedRecipients, ['--rate', String(rate)]);
      globalRate = {
        senders: ratedSenders,
        rate,
        recipients: ratedRecipients,
        busiestSecond: run.sink.busiestSecond,
        withinRate: run.sink.busiestSecond <= rate,
        perSecond: run.perSecond,
        sinkPerSecond: run.sink.sinkPerSecond,
        exactlyOnce: run.sink.duplicateAddresses === 0 && run.sink.missing === 0,
        sentPerSender: (run.senders ?? []).map((sender) => sender.sent),
        withoutRate: { perSecond: unlimited.perSecond, sinkPerSecond: unlimited.sink.sinkPerSecond, busiestSecond: unlimited.sink.busiestSecond, exactlyOnce: unlimited.sink.duplicateAddresses === 0 && unlimited.sink.missing === 0 },
        run,
        runWithoutRate: unlimited,
      };
    }

    const report = { machine, loadAverageAtEnd: loadavg().map((load) => Math.round(load * 100) / 100), throughput, globalRate };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await postgres.stop();
    await rm(root, { recursive: true, force: true });
  }
}

await main();
