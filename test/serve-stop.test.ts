import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { servesStoppedAfterEach, type Served } from './support/serve.js';
import { builtWorkspace, sendingConfig } from './support/smtp-workspace.js';

const serve = servesStoppedAfterEach();

/** An SMTP server that takes connections and never says a word, not even its greeting. */
let silent: { server: Server; sockets: Set<Socket> } | undefined;
afterEach(async () => {
  if (!silent) return;
  for (const socket of silent.sockets) socket.destroy();
  await new Promise((resolve) => silent!.server.close(resolve));
  silent = undefined;
});

async function silentSmtpServer(): Promise<{ url: string; connections: () => number }> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  silent = { server, sockets };
  return { url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections };
}

/** Sends SIGINT and waits until the process has exited and its log is read to the end. */
async function interrupt(served: Served): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const closed = once(served.child, 'close');
  served.child.kill('SIGINT');
  const [code] = (await closed) as [number | null];
  return { code, ms: Date.now() - started };
}

describe('stopping gazette serve', () => {
  it('exits within a second of Ctrl-C while the start-up check waits on an SMTP server that never answers, and says nothing of it after Stopped', async () => {
    const smtp = await silentSmtpServer();
    const served = await serve(await builtWorkspace(), ['--smtp', smtp.url]);
    // The check is connected and waiting for the greeting.
    await expect.poll(smtp.connections).toBe(1);
    const { code, ms } = await interrupt(served);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(1000);
    expect(served.events.at(-1)).toMatchObject({ event: 'stopped', signal: 'SIGINT' });
    expect(served.events.filter((event) => event.event === 'smtp')).toEqual([]);
  });

  it('gives a confirmation email stuck on a silent SMTP server a short grace, then cuts it, logs it as failed, and exits within a second', async () => {
    const smtp = await silentSmtpServer();
    const served = await serve(await builtWorkspace(sendingConfig({ smtp: smtp.url })));
    const answer = await fetch(`${served.origin}/subscribe`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'email=stuck%40example.com' });
    expect(answer.status).toBe(200);
    // The check's connection and the email's.
    await expect.poll(smtp.connections).toBe(2);
    const { code, ms } = await interrupt(served);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(1000);
    const notices = served.events.filter((event) => event.event === 'notice');
    expect(notices).toEqual([expect.objectContaining({ kind: 'confirm', outcome: 'failed' })]);
    expect(served.events.at(-1)).toMatchObject({ event: 'stopped' });
  });

  it('logs the requests it cuts before its last line, Stopped', async () => {
    const served = await serve(await builtWorkspace(), [], { GAZETTE_SMTP_URL: '' });
    const { hostname, port, pathname } = new URL(served.base);
    const stalled = connect(Number(port), hostname);
    stalled.on('error', () => undefined);
    await once(stalled, 'connect');
    stalled.write(`POST ${pathname}?token=x HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nList-Unsub`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { code, ms } = await interrupt(served);
    stalled.destroy();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(1000);
    expect(served.events.slice(1).map((event) => event.event === 'request' ? `${event.status} ${event.outcome}` : event.event)).toEqual(['400 aborted', 'stopped']);
  });
});
