import { fork, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ParsedMail } from 'mailparser';
import type { AcceptedLine, SinkOptions } from './smtp-sink.js';
import { afterEach } from 'vitest';

/** A running SMTP sink in a child process. */
export interface SmtpSink {
  port: number;
  /** `smtp://127.0.0.1:port`, with credentials when the sink requires them. */
  url: string;
  dir: string;
  /** Every message accepted so far, in order. */
  accepted(): Promise<AcceptedLine[]>;
  /** How many copies each address received. */
  copiesByAddress(): Promise<Map<string, number>>;
  /** The accepted messages, parsed with mailparser (needs `saveMessages`). */
  messages(): Promise<ParsedMail[]>;
  /** Stops the sink; the folder it made (none given) is removed with what it holds. */
  stop(): Promise<void>;
}

/**
 * The compiled sink program. From the TypeScript sources (vitest) it is the copy in dist/, which
 * the Vitest global setup builds when it is missing or stale; from dist/ (the benchmark) it is the
 * file next to this one.
 */
function sinkProgram(): string {
  const here = import.meta.dirname;
  if (import.meta.filename.endsWith('.js')) return path.join(here, 'smtp-sink.js');
  const repo = path.resolve(here, '../..');
  const compiled = path.join(repo, 'dist', 'test', 'support', 'smtp-sink.js');
  const source = path.join(here, 'smtp-sink.ts');
  const compiledTime = statSync(compiled, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (compiledTime < statSync(source).mtimeMs) throw new Error(`${path.relative(repo, compiled)} is missing or older than its source: run npm run build first`);
  return compiled;
}

export async function startSink(options: Omit<SinkOptions, 'dir'> & { dir?: string } = {}): Promise<SmtpSink> {
  const dir = options.dir ?? (await mkdtemp(path.join(tmpdir(), 'gazette-sink-')));
  // A folder made here goes when the sink stops: a benchmark's log of 100,000 lines must not pile up in /tmp.
  const ownsDir = options.dir === undefined;
  const child: ChildProcess = fork(sinkProgram(), [JSON.stringify({ ...options, dir })], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited with ${code} before listening`)));
  });
  const credentials = options.auth ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@` : '';
  const accepted = async (): Promise<AcceptedLine[]> => {
    const text = await readFile(path.join(dir, 'log.jsonl'), 'utf8').catch(() => '');
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as AcceptedLine);
  };
  return {
    port,
    url: `smtp://${credentials}127.0.0.1:${port}`,
    dir,
    accepted,
    async copiesByAddress() {
      const copies = new Map<string, number>();
      for (const line of await accepted()) for (const address of line.to) copies.set(address, (copies.get(address) ?? 0) + 1);
      return copies;
    },
    async messages() {
      // Imported here, so the benchmark's memory figure does not include a parser it never uses.
      const { simpleParser } = await import('mailparser');
      return Promise.all((await accepted()).map(async (line) => simpleParser(await readFile(line.file ?? ''))));
    },
    async stop() {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      if (ownsDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Starts sinks for one test file, with `defaults` under each one's options; every sink it started is stopped after each test. */
export function sinksStoppedAfterEach(defaults: Parameters<typeof startSink>[0] = {}): (options?: Parameters<typeof startSink>[0]) => Promise<SmtpSink> {
  const started: SmtpSink[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((sink) => sink.stop()));
  });
  return async (options = {}) => {
    const sink = await startSink({ ...defaults, ...options });
    started.push(sink);
    return sink;
  };
}
