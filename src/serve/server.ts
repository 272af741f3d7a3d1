import { createServer, type IncomingMessage, type Server } from 'node:http';
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
  /** Called when a handler throws: the client gets a 500, the operator the error. */
  onError?: (error: unknown) => void;
}

/** The HTTP server of `gazette serve`: a path per route, every answer with the security headers. */
export function createServeServer(options: ServeOptions): Server {
  const routes = new Map(options.routes.map((route) => [route.path, route]));
  const report = (outcome: RequestOutcome) => options.onRequest?.(outcome);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://gazette.invalid');
    const respond = responder(request, response, url.pathname, report);
    const route = routes.get(url.pathname);
    if (!route) return respond(404, 'text/plain', 'not found\n', 'not found');
    const method = request.method ?? 'GET';
    const methods = route.methods.includes('GET') ? [...route.methods, 'HEAD'] : route.methods;
    if (!methods.includes(method)) return respond(405, 'text/plain', 'method not allowed\n', 'method not allowed', { Allow: methods.join(', ') });
    Promise.resolve()
      .then(() => route.handle(request, url, respond))
      .catch((error: unknown) => {
        options.onError?.(error);
        respond(500, 'text/plain', 'internal error\n', 'error');
      });
  });
  // Slow-loris bodies and idle sockets are cut rather than held.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  return server;
}

/**
 * Stops accepting, closes idle keep-alive connections at once, and cuts whatever is still open
 * after `graceMs`: a browser's idle keep-alive socket must not hold a Ctrl-C for seconds.
 */
export function stopServer(server: Server, graceMs = 500): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
