/**
 * What the send benchmarks (send.ts, senders.ts) share: the sample issue's workspace, generated
 * lists, plain nodemailer as the baseline, and the busiest second at the sink.
 */
import { cp, mkdtemp } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import type { BuildResult } from '../src/build.js';
import { toMailOptions } from '../src/message/compose.js';
import { dkimOptions, type DkimKey } from '../src/message/dkim.js';
import type { SmtpSink } from '../test/support/smtp-server.js';

const REPO = path.resolve(fileURLToPath(import.meta.url), '../../..');

/**
 * A workspace holding the sample issue, built once. The build is imported only here: a child
 * that measures memory must not carry MJML and the summarizer, which `gazette send` never loads.
 */
export async function sampleWorkspace(prefix: string): Promise<{ root: string; built: BuildResult }> {
  const { buildDigest, writeIssue } = await import('../src/build.js');
  const root = await mkdtemp(path.join(tmpdir(), prefix));
  for (const name of ['articles', 'templates', 'gazette.config.json']) await cp(path.join(REPO, name), path.join(root, name), { recursive: true });
  const built = await buildDigest({ root });
  await writeIssue(built);
  return { root, built };
}

/** `r1@example.com` … written as a stream, so even a large list never sits in memory. */
export async function writeList(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('email,name\n');
  for (let i = 1; i <= count; i++) {
    if (!out.write(`r${i}@example.com,Reader ${i}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** The addresses `writeList` writes, as the sink records them. */
export function listAddresses(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `r${i + 1}@example.com`);
}

/** Plain nodemailer: a pool of `connections`, the same prebuilt message to each address, signed by the transport when a key is given. */
export async function nodemailerRun(built: BuildResult, count: number, sink: SmtpSink, connections: number, dkim: DkimKey | null = null) {
  const prebuilt = toMailOptions(built.message);
  const transport = nodemailer.createTransport({ pool: true, host: '127.0.0.1', port: sink.port, maxConnections: connections, maxMessages: 1000, logger: false, dkim: dkimOptions(dkim) });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const results = await Promise.allSettled(Array.from({ length: count }, (_, i) => transport.sendMail({ ...prebuilt, to: `r${i + 1}@example.com` })));
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  const sent = results.filter((result) => result.status === 'fulfilled').length;
  return { sent, failed: count - sent, seconds: round(seconds), perSecond: round(sent / seconds), cpuMsPerMessage: cpuPerMessage(cpu, sent) };
}

/** The most acceptances inside any window of one second [t, t + 1 s), from the sink's own timestamps. */
export function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/** CPU time this process spent per message since `since`: steadier than rates on a busy machine. */
export function cpuPerMessage(since: NodeJS.CpuUsage, messages: number): number {
  const used = process.cpuUsage(since);
  return Math.round(((used.user + used.system) / 1000 / messages) * 1000) / 1000;
}

/** One decimal, for reading. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
