/**
 * Send benchmark, against a local SMTP sink in its own process (test/support/smtp-sink.ts):
 * - throughput for 10,000 recipients: `sendIssue` (personalization, signed links, ledger)
 *   against plain nodemailer pooled `sendMail` of one prebuilt message, same sink, same run,
 *   same connection count, in alternating rounds so neither gets a quieter machine (medians);
 *   then the same with DKIM on for both (a 2048-bit RSA key; nodemailer signs in its transport);
 * - peak memory sending to generated lists of each --large size (10,000, 100,000 and 300,000 by
 *   default), streamed from a CSV, each in a child process so the peak is that send's alone: flat
 *   in the list size when only in-flight state is held;
 * - the most messages the sink accepted in any one-second window with --rate 50.
 *
 *   npm run build && node dist/bench/send.js [--recipients 10000] [--large 10000,100000,300000] [--rated 200] [--dkim on|off]
 * prints JSON; 0 for --recipients, --large or --rated skips that part, --dkim off the DKIM rounds.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { BuildResult } from '../src/build.js';
import type { DkimKey } from '../src/message/dkim.js';
import { sendIssue } from '../src/send/send-issue.js';
import type { SmtpSink } from '../test/support/smtp-server.js';
import { busiestSecond, cpuPerMessage, nodemailerRun as nodemailerPoolRun, round, sampleWorkspace as builtSample, writeList } from './send-fixtures.js';
import { parseBenchArguments } from './arguments.js';

const CONNECTIONS = 5;
/** Alternating rounds of each; the median is reported, since other load on the machine skews single runs. */
const ROUNDS = 3;
/** The key both senders sign with when DKIM is on: its file in the workspace, and the key itself. */
const DKIM_FILE = 'bench-dkim.pem';
const DKIM_CONFIG = { domain: 'example.com', selector: 'bench', key_file: DKIM_FILE };

/** The sample issue's workspace (send-fixtures.ts), with a DKIM key for the signed rounds. */
async function sampleWorkspace(): Promise<{ root: string; built: BuildResult }> {
  const sample = await builtSample('gazette-bench-send-');
  await writeFile(path.join(sample.root, DKIM_FILE), generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return sample;
}

/** A config for one run: its own state database, so every run starts a fresh ledger; DKIM on when asked. */
async function runConfig(root: string, name: string, dkim = false): Promise<string> {
  const base = JSON.parse(await readFile(path.join(root, 'gazette.config.json'), 'utf8')) as Record<string, unknown>;
  const file = path.join(root, `gazette.${name}.json`);
  await writeFile(file, JSON.stringify({ ...base, store: `.gazette/${name}.db`, ...(dkim ? { dkim: DKIM_CONFIG } : {}) }));
  return file;
}

async function dkimKey(root: string): Promise<DkimKey> {
  return { domain: DKIM_CONFIG.domain, selector: DKIM_CONFIG.selector, privateKey: await readFile(path.join(root, DKIM_FILE), 'utf8') };
}

async function gazetteRun(root: string, list: string, sink: SmtpSink, name: string, rate: number | null = null, dkim = false) {
  const config = await runConfig(root, name, dkim);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const summary = await sendIssue({ root, config, list, smtp: sink.url, concurrency: CONNECTIONS, rate });
  const seconds = (performance.now() - started) / 1000;
  return { sent: summary.sent, failed: summary.failed, seconds: round(seconds), perSecond: round(summary.sent / seconds), cpuMsPerMessage: cpuPerMessage(cpu, summary.sent) };
}

/** Plain nodemailer with the same connections (send-fixtures.ts). */
function nodemailerRun(built: BuildResult, count: number, sink: SmtpSink, dkim: DkimKey | null = null) {
  return nodemailerPoolRun(built, count, sink, CONNECTIONS, dkim);
}

/** Alternating rounds of nodemailer and Gazette to the same sink, DKIM on or off for both; medians compared. */
/**
 * The sink, loaded only where one is started: a --large-child, whose memory is measured, then
 * holds only what `gazette send` itself loads (the sink's module brings vitest's hooks with it).
 */
async function startSink(): Promise<SmtpSink> {
  const { startSink: start } = await import('../test/support/smtp-server.js');
  return start();
}

async function throughputRounds(root: string, built: BuildResult, list: string, recipients: number, dkim: boolean) {
  const runs = { gazette: [] as Awaited<ReturnType<typeof gazetteRun>>[], nodemailer: [] as Awaited<ReturnType<typeof nodemailerRun>>[] };
  const key = dkim ? await dkimKey(root) : null;
  const sink = await startSink();
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      runs.nodemailer.push(await nodemailerRun(built, recipients, sink, key));
      runs.gazette.push(await gazetteRun(root, list, sink, `throughput-${dkim ? 'dkim-' : ''}${round}`, null, dkim));
    }
  } finally {
    await sink.stop();
  }
  const median = (of: { perSecond: number }[]) => of.map((run) => run.perSecond).sort((a, b) => a - b)[Math.floor(of.length / 2)]!;
  return {
    recipients,
    connections: CONNECTIONS,
    dkim,
    gazettePerSecond: median(runs.gazette),
    nodemailerPerSecond: median(runs.nodemailer),
    ratio: Math.round((median(runs.gazette) / median(runs.nodemailer)) * 100) / 100,
    runs,
  };
}

/** Child mode: one large send, reporting its own peak memory. */
async function largeChild(root: string, list: string, smtp: string, name: string): Promise<void> {
  let peakHeap = 0;
  // Peak RSS while the list is read into the ledger and while it is sent, told apart by onPlanned.
  const peakRss = { planning: 0, sending: 0 };
  let phase: keyof typeof peakRss = 'planning';
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakRss[phase] = Math.max(peakRss[phase], usage.rss);
  }, 50);
  const started = performance.now();
  const summary = await sendIssue({ root, config: await runConfig(root, `large-${name}`), list, smtp, concurrency: CONNECTIONS, onPlanned: () => (phase = 'sending') });
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    JSON.stringify({
      sent: summary.sent,
      failed: summary.failed,
      seconds: round(seconds),
      perSecond: round(summary.sent / seconds),
      peakRssMB: round(process.resourceUsage().maxRSS / 1024),
      peakHeapMB: round(peakHeap / 1024 / 1024),
      peakRssPlanningMB: round(peakRss.planning / 1024 / 1024),
      peakRssSendingMB: round(peakRss.sending / 1024 / 1024),
    }),
  );
}

async function main(): Promise<void> {
  const { values } = parseBenchArguments({
    options: {
      recipients: { type: 'string', default: '10000' },
      large: { type: 'string', default: '10000,100000,300000' },
      rated: { type: 'string', default: '200' },
      dkim: { type: 'string', default: 'on' },
      'large-child': { type: 'string', multiple: true },
    },
  }, 'usage: node dist/bench/send.js [--recipients N] [--large N,N,…] [--rated N] [--dkim on|off]');
  if (values['large-child']) {
    const [root, list, smtp, name] = values['large-child'];
    return largeChild(root!, list!, smtp!, name!);
  }
  const recipients = Number(values.recipients);
  const large = values.large.split(',').map(Number).filter((size) => size > 0);
  const rated = Number(values.rated);
  const { root, built } = await sampleWorkspace();
  try {
    const list = path.join(root, 'list.csv');
    await writeList(list, recipients);

    const throughput = recipients > 0 ? await throughputRounds(root, built, list, recipients, false) : null;
    const throughputDkim = recipients > 0 && values.dkim !== 'off' ? await throughputRounds(root, built, list, recipients, true) : null;

    const memory: unknown[] = [];
    for (const size of large) {
      const largeList = path.join(root, `large-${size}.csv`);
      await writeList(largeList, size);
      const largeSink = await startSink();
      try {
        const child = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--large-child', root, '--large-child', largeList, '--large-child', largeSink.url, '--large-child', String(size)], {
          encoding: 'utf8',
          maxBuffer: 1024 * 1024,
        });
        memory.push({ recipients: size, ...(JSON.parse(child) as object) });
      } finally {
        await largeSink.stop();
        await rm(largeList, { force: true });
      }
    }

    const ratedList = path.join(root, 'rated.csv');
    await writeList(ratedList, rated);
    const ratedSink = await startSink();
    let rateResult = null;
    try {
      if (rated > 0) {
        const run = await gazetteRun(root, ratedList, ratedSink, 'rated', 50);
        const accepted = await ratedSink.accepted();
        rateResult = { rate: 50, ...run, maxAcceptedInAnySecond: busiestSecond(accepted.map((line) => line.acceptedAt)) };
      }
    } finally {
      await ratedSink.stop();
    }

    process.stdout.write(
      `${JSON.stringify(
        {
          throughput,
          throughputDkim,
          memory,
          rateLimit: rateResult,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();
