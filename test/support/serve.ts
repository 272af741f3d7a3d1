import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach } from 'vitest';
import { CLI } from './cli.js';

/** A running `gazette serve --json`: its addresses and every log event it has written. */
export interface Served {
  child: ChildProcess;
  /** The unsubscribe endpoint, as the process listens on it. */
  base: string;
  origin: string;
  events: Record<string, unknown>[];
  /** Resolves with the first event (already written, or to come) that `match` accepts. */
  event(match: (event: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  stderr(): string;
}

/** Starts `gazette serve --port 0 --json` processes in a test file; each is stopped after its test. */
export function servesStoppedAfterEach(): (root: string, args?: string[], env?: Record<string, string>) => Promise<Served> {
  const started: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of started.splice(0)) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
  return async (root, args = [], env = {}) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--json', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    started.push(child);
    const events: Record<string, unknown>[] = [];
    const waiting: { match: (event: Record<string, unknown>) => boolean; resolve: (event: Record<string, unknown>) => void }[] = [];
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let stdout = '';
    createInterface({ input: child.stdout! }).on('line', (line) => {
      stdout += `${line}\n`;
      // An error at start is printed as one indented JSON document, not as log lines.
      if (!line.startsWith('{"')) return;
      const event = JSON.parse(line) as Record<string, unknown>;
      events.push(event);
      for (const waiter of [...waiting]) {
        if (waiter.match(event)) {
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve(event);
        }
      }
    });
    const event = (match: (event: Record<string, unknown>) => boolean, timeoutMs = 10_000) => {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise<Record<string, unknown>>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such event from gazette serve in ${timeoutMs} ms; events: ${JSON.stringify(events)}; stderr: ${stderr}`)), timeoutMs);
        waiting.push({ match, resolve: (found) => (clearTimeout(timer), resolve(found)) });
      });
    };
    const exited = once(child, 'exit').then(() => {
      throw new Error(`gazette serve exited before listening: ${stdout}${stderr}`);
    });
    exited.catch(() => undefined); // it exits later in every test; only a race lost to it matters
    const listening = await Promise.race([event((e) => e.event === 'listening'), exited]);
    const base = listening.url as string;
    return { child, base, origin: new URL(base).origin, events, event, stderr: () => stderr };
  };
}
