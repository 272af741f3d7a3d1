import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { responder, type RequestOutcome, type Respond } from './responses.js';

/** One path `gazette serve` answers on. */
export interface Route {
  /** The exact path, e.g. `/unsubscribe`. */
  path: string;
  /** Methods it answers; others get 405 with an Allow header. HEAD is answered wherever GET is. */
  methods: readonly string[];
  handle(request: IncomingMessage, url: URL, respond: Respond): Promise<void> | void;
}

export interface ServeOptions {
  routes: readonly Route[];
  /** Called once per request answered, for the log. */
  onRequest?: (outcome: RequestOutcome) => void;
  /** Called when handling a request throws: the client gets a 500, the operator the error. */
  onError?: (error: unknown) => void;
}

/** Only used to parse request targets: never shown, never contacted. */
const PLACEHOLDER_ORIGIN = 'http://gazette.invalid';

/** What the log shows as the path of a request whose target cannot be read as a URL. */
const UNREADABLE_PATH = '(unreadable)';

/** How long stopping waits, at most, for the handlers of the requests it cut to log them. */
const HANDLER_BACKSTOP_MS = 100;

/** Requests being handled, per server, so stopping can wait for their log lines. */
const handling = new WeakMap<Server, Set<Promise<void>>>();

/**
 * The HTTP server of `gazette serve`: a path per route, every answer with the security headers.
 * Nothing a client sends can stop it: every request is handled inside one catch (a failure is a
 * 500 and a log line), and a request Node cannot even parse is answered 400 by `clientError`.
 */
export function createServeServer(options: ServeOptions): Server {
  const routes = new Map(options.routes.map((route) => [route.path, route]));
  const report = (outcome: RequestOutcome) => options.onRequest?.(outcome);
  const pending = new Set<Promise<void>>();
  const server = createServer((request, response) => {
    const handled: Promise<void> = answer(request, response, routes, report)
      .catch((error: unknown) => {
        options.onError?.(error);
        failed(request, response, report, storeAway(error));
      })
      // Even the error path must not throw out of here: an unhandled rejection ends the process.
      .catch(() => {
        response.destroy();
      })
      .finally(() => pending.delete(handled));
    pending.add(handled);
  });
  handling.set(server, pending);
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => refuseUnparsable(error, socket, report));
  // Slow-loris bodies and idle sockets are cut rather than held.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  return server;
}

async function answer(request: IncomingMessage, response: ServerResponse, routes: ReadonlyMap<string, Route>, report: (outcome: RequestOutcome) => void): Promise<void> {
  const url = requestUrl(request.url ?? '/');
  const respond = responder(request, response, url?.pathname ?? UNREADABLE_PATH, report);
  if (!url) return respond(400, 'text/plain', 'bad request\n', 'unreadable URL');
  const route = routes.get(url.pathname);
  if (!route) return respond(404, 'text/plain', 'not found\n', 'not found');
  const method = request.method ?? 'GET';
  const methods = route.methods.includes('GET') ? [...route.methods, 'HEAD'] : route.methods;
  if (!methods.includes(method)) return respond(405, 'text/plain', 'method not allowed\n', 'method not allowed', { Allow: methods.join(', ') });
  await route.handle(request, url, respond);
}

/**
 * The request target as a URL, or null when it is not one. An origin-form target (`/path?query`,
 * what every client sends) is only ever a path: `//host/path` is not read as another host.
 */
export function requestUrl(target: string): URL | null {
  try {
    return target.startsWith('/') ? new URL(`${PLACEHOLDER_ORIGIN}${target}`) : new URL(target);
  } catch {
    return null;
  }
}

/** Rules that mean the store is away for a while, not that the request or the server is wrong. */
const STORE_AWAY = new Set(['store/unreachable', 'store/busy']);
/** How long a client (a mail provider's one-click POST) is asked to wait before trying again. */
const RETRY_AFTER_SECONDS = 60;

function storeAway(error: unknown): boolean {
  return error instanceof GazetteError && error.diagnostics.some((found) => STORE_AWAY.has(found.rule));
}

/**
 * A failed request: 503 with Retry-After when the store is away (a mail provider retries a
 * one-click unsubscribe then, and it is recorded once the store is back), otherwise 500.
 */
function failed(request: IncomingMessage, response: ServerResponse, report: (outcome: RequestOutcome) => void, retryLater: boolean): void {
  if (response.headersSent) {
    // Half an answer is out: the client must not take it for a whole one.
    response.destroy();
    report({ method: request.method ?? 'GET', path: requestUrl(request.url ?? '/')?.pathname ?? UNREADABLE_PATH, status: 500, outcome: 'error' });
    return;
  }
  const respond = responder(request, response, requestUrl(request.url ?? '/')?.pathname ?? UNREADABLE_PATH, report);
  if (retryLater) respond(503, 'text/plain', 'temporarily unavailable; try again later\n', 'store away', { 'Retry-After': String(RETRY_AFTER_SECONDS) });
  else respond(500, 'text/plain', 'internal error\n', 'error');
}

/**
 * A request Node's parser refused (a malformed request line or header) or one that took too
 * long: answered 400 (408) when nothing has been written on the socket yet, and the socket closed.
 * A connection reset by the client is only closed: there is nobody to answer.
 */
function refuseUnparsable(error: NodeJS.ErrnoException, socket: Socket, report: (outcome: RequestOutcome) => void): void {
  const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const malformed = typeof error.code === 'string' && error.code.startsWith('HPE_');
  if ((timedOut || malformed) && socket.writable && socket.bytesWritten === 0) {
    const status = timedOut ? 408 : 400;
    const body = timedOut ? 'request timeout\n' : 'bad request\n';
    socket.end(`HTTP/1.1 ${status} ${timedOut ? 'Request Timeout' : 'Bad Request'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    report({ method: '-', path: UNREADABLE_PATH, status, outcome: timedOut ? 'timeout' : 'malformed request' });
    return;
  }
  socket.destroy();
}

/**
 * Stops accepting, closes idle keep-alive connections at once, and cuts whatever is still open
 * after `graceMs`: a browser's idle keep-alive socket must not hold a Ctrl-C for seconds. Resolves
 * once the requests cut have been logged too (their handlers see the cut and answer at once), so
 * whatever the caller logs next comes after them.
 */
export function stopServer(server: Server, graceMs = 500): Promise<void> {
  const closed = new Promise<void>((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
  return closed.then(async () => {
    const pending = handling.get(server);
    // A handler waits only on its socket or the database, both done by now: the cap is a backstop,
    // short so that stopping stays within a second.
    const backstop = new Promise<void>((resolve) => setTimeout(resolve, HANDLER_BACKSTOP_MS).unref());
    while (pending && pending.size > 0) {
      const settled = await Promise.race([Promise.allSettled([...pending]).then(() => true), backstop.then(() => false)]);
      if (!settled) break;
    }
  });
}

/**
 * Starts listening, turning the usual failures (the port is taken, the host has no such address,
 * a privileged port) into one diagnostic rather than an error event nobody reads.
 */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
      const reason =
        error.code === 'EADDRINUSE'
          ? `port ${port} on ${host} is in use`
          : error.code === 'EADDRNOTAVAIL'
            ? `cannot listen on ${where}: this machine has no address ${host}`
            : error.code === 'EACCES'
              ? `cannot listen on ${where}: permission denied (ports below 1024 need privileges)`
              : error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN'
                ? `cannot listen on ${where}: the host name ${host} does not resolve`
                : `cannot listen on ${where}: ${error.message}`;
      reject(new GazetteError([diagnostic('serve/listen', reason)]));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
