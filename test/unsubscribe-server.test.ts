import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { request as httpRequest, Agent } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sendIssue } from '../src/send/send-issue.js';
import { signToken } from '../src/unsubscribe/token.js';
import { servesStoppedAfterEach } from './support/serve.js';
import { startSink, type SmtpSink } from './support/smtp-server.js';
import { builtWorkspace, gazette, SECRET, writeList } from './support/smtp-workspace.js';

const sinks: SmtpSink[] = [];
afterEach(async () => {
  for (const sink of sinks.splice(0)) await sink.stop();
});
const serve = servesStoppedAfterEach();

async function suppressed(root: string): Promise<string[]> {
  const { stdout } = await gazette(['subscribers', 'list', '--suppressed', '--json'], root);
  return (JSON.parse(stdout) as { email: string }[]).map((entry) => entry.email);
}

const ONE_CLICK = { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' } as const;

/** A raw HTTP request, so the test sees exactly what a client sees (fetch would hide a reset as a generic failure). */
function rawRequest(url: string, options: { method: string; headers?: Record<string, string>; body?: Buffer }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: options.method, headers: options.headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
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
    sinks.push(sink);
    const list = await writeList(root, ['ann@example.com,Ann', 'bob@example.com,Bob']);
    await sendIssue({ root, list, smtp: sink.url });
    const messages = await sink.messages();
    const header = messages.find((message) => message.text?.includes('ann@example.com'))!.headerLines.find((line) => line.key === 'list-unsubscribe')!.line;
    const link = /<(http[^>]+)>/.exec(header)![1]!;
    expect(link.startsWith(`${base}?token=`)).toBe(true);
    // The link names nobody: not in clear, not in base64.
    expect(link).not.toContain('ann');
    expect(link).not.toContain(Buffer.from('ann@example.com').toString('base64url').slice(0, 8));

    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post"');
    expect(html).toContain('>Unsubscribe</button>');
    expect(html).toContain('a••@example.com');
    expect(await suppressed(root)).toEqual([]);

    const token = new URL(link).searchParams.get('token')!;
    const bobToken = signToken('bob@example.com', 'not-the-secret-of-this-workspace');
    for (const forged of [`${base}?token=${bobToken}`, `${base}?token=${token.slice(0, -3)}AAA`, base]) {
      expect((await fetch(forged, ONE_CLICK)).status).toBe(400);
      expect((await fetch(forged)).status).toBe(400);
    }
    expect(await suppressed(root)).toEqual([]);

    const oneClick = await fetch(link, ONE_CLICK);
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
    const link = `${base}?token=${signToken('cy@example.com', SECRET)}`;
    const answer = await fetch(link, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('You are unsubscribed');
    expect(await suppressed(root)).toEqual(['cy@example.com']);
  });
});

describe('the unsubscribe endpoint, hardened', () => {
  it('unsubscribes only for the RFC 8058 body, urlencoded or multipart, and changes nothing for any other POST', async () => {
    const root = await builtWorkspace();
    const { base } = await serve(root);
    const link = (email: string) => `${base}?token=${signToken(email, SECRET)}`;
    const refused = [
      { body: '', type: 'application/x-www-form-urlencoded' },
      { body: 'List-Unsubscribe=Yes', type: 'application/x-www-form-urlencoded' },
      { body: 'something=else', type: 'application/x-www-form-urlencoded' },
      { body: '{"List-Unsubscribe":"One-Click"}', type: 'text/plain' },
    ];
    for (const { body, type } of refused) {
      const answer = await fetch(link('ann@example.com'), { method: 'POST', body, headers: { 'Content-Type': type } });
      expect(answer.status, body).toBe(400);
      expect(await answer.text()).toContain('List-Unsubscribe=One-Click');
    }
    expect(await suppressed(root)).toEqual([]);

    // The form of RFC 8058's own example.
    const boundary = '---FormBoundaryjWmhtjORrn';
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`;
    const answer = await fetch(link('bob@example.com'), { method: 'POST', body: multipart, headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } });
    expect(answer.status).toBe(200);
    expect(await suppressed(root)).toEqual(['bob@example.com']);
  });

  it('answers an oversized body with a 413 the client reads, not a reset, and stays up', async () => {
    const root = await builtWorkspace();
    const { base } = await serve(root);
    const link = `${base}?token=${signToken('ann@example.com', SECRET)}`;
    const large = Buffer.alloc(200 * 1024, 'a');
    const answer = await rawRequest(link, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(large.length) }, body: large });
    expect(answer).toEqual({ status: 413, body: 'request body too large\n' });
    // Chunked, with no length announced: found while reading.
    const chunked = await rawRequest(link, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' }, body: large });
    expect(chunked.status).toBe(413);
    expect(await suppressed(root)).toEqual([]);
    expect((await fetch(link, ONE_CLICK)).status).toBe(200);
  });

  it('stops within a second of Ctrl-C, with a log line, whatever connections are open', async () => {
    const root = await builtWorkspace();
    const served = await serve(root);
    // A browser keeps its connection open after a page: the server must not wait for it.
    const agent = new Agent({ keepAlive: true });
    const page = await rawRequestWith(agent, `${served.base}?token=${signToken('ann@example.com', SECRET)}`);
    expect(page).toBe(200);
    // Nor for a client that started a request and stalls half-way through its body.
    const { port } = new URL(served.base);
    const stalled = connect(Number(port), '127.0.0.1');
    stalled.on('error', () => undefined);
    await once(stalled, 'connect');
    stalled.write(`POST ${new URL(served.base).pathname} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nList-Unsub`);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the server has the headers and waits for the rest
    const started = Date.now();
    served.child.kill('SIGINT');
    const [code] = (await once(served.child, 'exit')) as [number | null];
    const elapsed = Date.now() - started;
    agent.destroy();
    stalled.destroy();
    expect(code).toBe(0);
    expect(elapsed).toBeLessThan(1000);
    expect(await served.event((event) => event.event === 'stopped')).toMatchObject({ signal: 'SIGINT' });
  });
});

function rawRequestWith(agent: Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}
