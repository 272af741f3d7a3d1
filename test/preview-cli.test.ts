import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '..');
/** The compiled CLI, run as a user would (`npm test` compiles it first). */
const CLI = path.join(REPO, 'dist', 'src', 'cli', 'main.js');

async function sampleWorkspace(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gazette-preview-'));
  for (const name of ['templates', 'articles', 'gazette.config.json']) await cp(path.join(REPO, name), path.join(dir, name), { recursive: true });
  return dir;
}

interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function gazette(args: string[], cwd: string): Running {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function waitFor(read: () => string, pattern: RegExp, running: Running): Promise<RegExpMatchArray> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const match = read().match(pattern);
    if (match) return match;
    if (running.child.exitCode !== null || Date.now() > deadline) throw new Error(`no ${pattern} in:\n${running.stdout()}\n${running.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('gazette preview', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('serves on 127.0.0.1 and stops cleanly on %s', async (signal) => {
    const running = gazette(['preview', '--port', '0'], await sampleWorkspace());
    const [, url] = await waitFor(running.stdout, /Previewing at (http:\/\/127\.0\.0\.1:\d+\/)/, running);
    expect(running.stdout()).toMatch(/built 2024-W05/);
    const page = await fetch(url!);
    expect(page.status).toBe(200);
    // An open live-reload stream must not keep the process alive.
    const events = await fetch(`${url}events`);
    expect(events.headers.get('content-type')).toContain('text/event-stream');

    running.child.kill(signal);
    expect(await running.exited).toBe(0);
    expect(running.stdout()).toContain('Stopped.');
    await expect(fetch(url!)).rejects.toThrow();
  });

  it('logs JSON lines with --json', async () => {
    const running = gazette(['preview', '--port', '0', '--json'], await sampleWorkspace());
    await waitFor(running.stdout, /"event":"listening"/, running);
    const lines = running.stdout().trim().split('\n').map((line) => JSON.parse(line) as { event: string; url?: string; week?: string; ok?: boolean });
    expect(lines[0]).toMatchObject({ event: 'built', week: '2024-W05', ok: true });
    expect(lines[1]?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  });

  it('refuses a port that is not a number with a usage error', async () => {
    const running = gazette(['preview', '--port', 'eighty'], await sampleWorkspace());
    expect(await running.exited).toBe(2);
    expect(running.stderr()).toContain('error --port: must be a whole number');
  });

  it('refuses a week that is not an ISO week with a usage error', async () => {
    const running = gazette(['preview', '--port', '0', '--week', '2024-5'], await sampleWorkspace());
    expect(await running.exited).toBe(2);
    expect(running.stderr()).toContain('error --week: must look like 2024-W05');
  });

  it('refuses to listen beyond loopback without --allow-remote', async () => {
    const running = gazette(['preview', '--port', '0', '--host', '0.0.0.0'], await sampleWorkspace());
    expect(await running.exited).toBe(2);
    expect(running.stderr()).toMatch(/^error --host: 0\.0\.0\.0 would let other computers open the preview.*add --allow-remote.*\(preview\/remote\)$/m);
    expect(running.stdout()).not.toContain('Previewing at');
  });

  it('with --allow-remote, warns and still answers only to names of this machine', async () => {
    const running = gazette(['preview', '--port', '0', '--host', '0.0.0.0', '--allow-remote'], await sampleWorkspace());
    const [, port] = await waitFor(running.stdout, /Previewing at http:\/\/0\.0\.0\.0:(\d+)\//, running);
    expect(running.stderr()).toMatch(/warning: listening on 0\.0\.0\.0, so other computers on the network can open this preview/);
    const get = (host: string) =>
      new Promise<number>((resolve, reject) => {
        request({ host: '127.0.0.1', port: Number(port), path: '/api/state', headers: { Host: host } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
    expect(await get(`attacker.example:${port}`)).toBe(403);
    expect(await get(`localhost:${port}`)).toBe(200);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  });

  it('has --help', async () => {
    const running = gazette(['preview', '--help'], REPO);
    expect(await running.exited).toBe(0);
    expect(running.stdout()).toMatch(/--port <n>[\s\S]*--host <address>[\s\S]*--allow-remote[\s\S]*--open/);
  });
});
