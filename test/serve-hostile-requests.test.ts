import { once } from 'node:events';
import { createServer as createTcpServer, connect, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestOutcome } from '../src/serve/responses.js';
import { createServeServer, listen, requestUrl, stopServer } from '../src/serve/server.js';
import { servesStoppedAfterEach, type Served } from './support/serve.js';
import { builtWorkspace, gazette } from './support/smtp-workspace.js';

const serve = servesStoppedAfterEach();

/** Sends bytes as they are (no client library would send these) and reads the whole answer. */
async function rawExchange(origin: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(origin);
  const socket = connect(Number(port), hostname);
  await once(socket, 'connect');
  socket.write(bytes);
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
  await once(socket, 'close');
  return answer;
}

async function stillServing(served: Served): Promise<void> {
  expect((await fetch(`${served.base}?token=x`)).status).toBe(400);
  expect(served.child.exitCode).toBeNull();
}

describe('gazette serve against requests it cannot read', () => {
  it('answers a request target that is not a URL (GET //[) with 404, not a crash, and keeps serving', async () => {
    const served = await serve(await builtWorkspace());
    const answer = await rawExchange(served.origin, 'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 404 /);
    // Neither an origin-form path beginning with // nor an absolute URL to another host reaches a route by another name.
    expect(await rawExchange(served.origin, 'GET //example.com/unsubscribe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 404 /);
    expect(await rawExchange(served.origin, 'GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    await stillServing(served);
    const requests = () => served.events.filter((event) => event.event === 'request');
    await served.event(() => requests().length >= 4);
    expect(requests().map((event) => event.status)).toEqual([404, 404, 400, 400]);
  });

  it('answers a request Node cannot parse with 400, logs it, and keeps serving', async () => {
    const served = await serve(await builtWorkspace());
    expect(await rawExchange(served.origin, 'NOT A REQUEST\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect(await rawExchange(served.origin, 'GET /unsubscribe HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    await stillServing(served);
    expect(served.events.filter((event) => event.event === 'request').slice(0, 2)).toEqual([
      expect.objectContaining({ status: 400, outcome: 'malformed request' }),
      expect.objectContaining({ status: 400, outcome: 'malformed request' }),
    ]);
  });

  it('reads an origin-form target as a path only, and refuses what is not a URL', () => {
    expect(requestUrl('/unsubscribe?token=a')?.pathname).toBe('/unsubscribe');
    expect(requestUrl('//example.com/unsubscribe')?.pathname).toBe('//example.com/unsubscribe');
    expect(requestUrl('//[')?.pathname).toBe('//[');
    expect(requestUrl('http://[')).toBeNull();
    expect(requestUrl('*')).toBeNull();
  });
});

describe('the serve router', () => {
  const servers: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });

  it('answers 500 and reports the error whatever a handler throws, synchronously or not, and keeps serving', async () => {
    const errors: unknown[] = [];
    const outcomes: RequestOutcome[] = [];
    const server = createServeServer({
      routes: [
        {
          path: '/sync',
          methods: ['GET'],
          handle: () => {
            throw new Error('sync failure');
          },
        },
        { path: '/async', methods: ['GET'], handle: async () => Promise.reject(new Error('async failure')) },
        {
          path: '/half',
          methods: ['GET'],
          handle: (_request, _url, respond) => {
            respond(200, 'text/plain', 'ok\n', 'ok');
            throw new Error('after answering');
          },
        },
      ],
      onRequest: (outcome) => outcomes.push(outcome),
      onError: (error) => errors.push(error),
    });
    await listen(server, 0, '127.0.0.1');
    servers.push({ close: () => stopServer(server, 50) });
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect((await fetch(`${origin}/sync`)).status).toBe(500);
    expect((await fetch(`${origin}/async`)).status).toBe(500);
    expect((await fetch(`${origin}/half`)).status).toBe(200);
    expect((await fetch(`${origin}/nothing`)).status).toBe(404);
    expect(errors.map((error) => (error as Error).message)).toEqual(['sync failure', 'async failure', 'after answering']);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([500, 500, 200, 500, 404]);
  });
});

describe('gazette serve on a port or host it cannot have', () => {
  let holder: TcpServer | undefined;
  afterEach(async () => {
    if (holder) await new Promise((resolve) => holder!.close(resolve));
    holder = undefined;
  });

  it('says in one line that the port is in use, and exits 1', async () => {
    holder = createTcpServer((socket: Socket) => socket.destroy());
    await new Promise<void>((resolve) => holder!.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as AddressInfo).port;
    const root = await builtWorkspace();
    const run = await gazette(['serve', '--port', String(port)], root, { GAZETTE_SMTP_URL: '' });
    expect(run.code).toBe(1);
    const said = `${run.stdout}${run.stderr}`.trim();
    expect(said).toContain(`port ${port} on 127.0.0.1 is in use; choose another with --port`);
    expect(said).not.toMatch(/\n\s+at |unexpected error/);
  });

  it('says in one line that the host has no such address, and exits 1', async () => {
    const root = await builtWorkspace();
    const run = await gazette(['serve', '--port', '0', '--host', '192.0.2.1'], root, { GAZETTE_SMTP_URL: '' });
    expect(run.code).toBe(1);
    const said = `${run.stdout}${run.stderr}`.trim();
    expect(said).toContain('this machine has no address 192.0.2.1');
    expect(said).not.toMatch(/\n\s+at |unexpected error/);
  });
});
