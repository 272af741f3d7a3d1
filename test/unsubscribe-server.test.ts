import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { sendIssue } from '../src/send/send-issue.js';
import { startSink, type SmtpSink } from './support/smtp-server.js';
import { builtWorkspace, CLI, gazette, writeList } from './support/smtp-workspace.js';

const running: (ChildProcess | SmtpSink)[] = [];
afterEach(async () => {
  for (const item of running.splice(0)) {
    if ('stop' in item) await item.stop();
    else if (item.exitCode === null) {
      item.kill('SIGTERM');
      await once(item, 'exit');
    }
  }
});

/** Starts `gazette serve --port 0 --json` and returns its address once it listens. */
async function serve(root: string): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  running.push(child);
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const event = JSON.parse(line) as { event: string; url?: string };
    if (event.event === 'listening') return { base: event.url!, child };
  }
  throw new Error('gazette serve exited before listening');
}

async function suppressed(root: string): Promise<string[]> {
  const { stdout } = await gazette(['subscribers', 'list', '--suppressed', '--json'], root);
  return (JSON.parse(stdout) as { email: string }[]).map((entry) => entry.email);
}

describe('the unsubscribe round trip through gazette serve', () => {
  it('shows a confirmation page, rejects forged tokens, unsubscribes on one-click POST, and the next send skips the address', async () => {
    const root = await builtWorkspace();
    const { base } = await serve(root);
    // Point the links at the running endpoint, as a deployment's public URL would.
    const configFile = path.join(root, 'gazette.config.json');
    const config = JSON.parse(await readFile(configFile, 'utf8')) as { unsubscribe: Record<string, unknown> };
    await writeFile(configFile, JSON.stringify({ ...config, unsubscribe: { ...config.unsubscribe, url: base } }));

    const sink = await startSink({ saveMessages: true });
    running.push(sink);
    const list = await writeList(root, ['ann@example.com,Ann', 'bob@example.com,Bob']);
    await sendIssue({ root, list, smtp: sink.url });
    const messages = await sink.messages();
    const header = messages.find((message) => message.text?.includes('ann@example.com'))!.headerLines.find((line) => line.key === 'list-unsubscribe')!.line;
    const link = /<(http[^>]+)>/.exec(header)![1]!;
    expect(link.startsWith(`${base}?token=`)).toBe(true);

    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post"');
    expect(html).toContain('>Unsubscribe</button>');
    expect(html).toContain('a••@example.com');
    expect(await suppressed(root)).toEqual([]);

    const token = new URL(link).searchParams.get('token')!;
    const forgedToken = `${Buffer.from('bob@example.com').toString('base64url')}.${token.split('.')[1]}`;
    for (const forged of [`${base}?token=${forgedToken}`, `${link.slice(0, -3)}AAA`, base]) {
      const refused = await fetch(forged, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
      expect(refused.status).toBe(400);
      expect((await fetch(forged)).status).toBe(400);
    }
    expect(await suppressed(root)).toEqual([]);

    const oneClick = await fetch(link, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    expect(oneClick.status).toBe(200);
    expect(oneClick.headers.get('location')).toBeNull();
    expect(await suppressed(root)).toEqual(['ann@example.com']);

    expect((await fetch(`${new URL(base).origin}/elsewhere`)).status).toBe(404);
    expect((await fetch(link, { method: 'PUT' })).status).toBe(405);

    const next = await sendIssue({ root, list, smtp: sink.url, issue: '2024-W06' });
    expect(next).toMatchObject({ issue: '2024-W06', sent: 1, suppressed: 1 });
    const toAnn = (await sink.accepted()).filter((line) => line.to.includes('ann@example.com'));
    expect(toAnn).toHaveLength(1);
  });

  it('unsubscribes from the confirmation page button with an HTML answer', async () => {
    const root = await builtWorkspace();
    const { base } = await serve(root);
    const { signToken } = await import('../src/unsubscribe/token.js');
    const { SECRET } = await import('./support/smtp-workspace.js');
    const link = `${base}?token=${signToken('cy@example.com', SECRET)}`;
    const answer = await fetch(link, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('You are unsubscribed');
    expect(await suppressed(root)).toEqual(['cy@example.com']);
  });
});
