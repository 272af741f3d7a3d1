import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { confirmationPage, invalidLinkPage, unsubscribedPage } from './page.js';
import { verifyToken } from './token.js';

export interface UnsubscribeServerOptions {
  /** Path the unsubscribe URLs use, e.g. `/unsubscribe`. */
  path: string;
  secret: string;
  newsletter: string;
  /** Records the address as unsubscribed; `how` says which route the request took. */
  unsubscribe: (email: string, how: 'one-click' | 'confirmation page') => void;
  /** Called once per request handled, for logging. */
  onRequest?: (event: { method: string; status: number; outcome: string }) => void;
}

// One-click bodies are a single short form field; anything bigger is not a real client.
const MAX_BODY_BYTES = 8 * 1024;

const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  // The token is in the URL: keep it out of Referer headers and third-party resources.
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
};

/**
 * The endpoint unsubscribe links point to. GET shows a confirmation page and changes nothing;
 * POST (RFC 8058 one-click from a mail client, or the page's button) unsubscribes and answers
 * 200 without redirecting. A forged or altered token gets 400 and changes nothing.
 */
export function createUnsubscribeServer(options: UnsubscribeServerOptions): Server {
  return createServer((request, response) => {
    handle(request, response, options).catch(() => respond(response, 500, 'text/plain', 'internal error\n', options, request, 'error'));
  });
}

async function handle(request: IncomingMessage, response: ServerResponse, options: UnsubscribeServerOptions): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://gazette.invalid');
  const method = request.method ?? 'GET';
  if (url.pathname !== options.path) return respond(response, 404, 'text/plain', 'not found\n', options, request, 'not found');
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
    response.setHeader('Allow', 'GET, HEAD, POST');
    return respond(response, 405, 'text/plain', 'method not allowed\n', options, request, 'method not allowed');
  }
  const token = url.searchParams.get('token') ?? '';
  const email = verifyToken(token, options.secret);
  if (method !== 'POST') {
    if (!email) return respond(response, 400, 'text/html', invalidLinkPage(), options, request, 'invalid token');
    return respond(response, 200, 'text/html', confirmationPage(options.newsletter, email, token, url.search), options, request, 'confirmation shown');
  }
  if (!(await drainBody(request, MAX_BODY_BYTES))) return respond(response, 413, 'text/plain', 'request body too large\n', options, request, 'body too large');
  if (!email) return respond(response, 400, wantsHtml(request) ? 'text/html' : 'text/plain', wantsHtml(request) ? invalidLinkPage() : 'invalid unsubscribe token\n', options, request, 'invalid token');
  const fromPage = wantsHtml(request);
  options.unsubscribe(email, fromPage ? 'confirmation page' : 'one-click');
  return fromPage
    ? respond(response, 200, 'text/html', unsubscribedPage(options.newsletter, email), options, request, 'unsubscribed')
    : respond(response, 200, 'text/plain', 'unsubscribed\n', options, request, 'unsubscribed');
}

/** A browser submitting the confirmation form asks for HTML; mail clients doing one-click do not. */
function wantsHtml(request: IncomingMessage): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

/** Reads and discards the body; false when it is larger than `limit`. */
function drainBody(request: IncomingMessage, limit: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(false);
        request.destroy();
      }
    });
    request.on('end', () => resolve(true));
    request.on('error', reject);
  });
}

function respond(
  response: ServerResponse,
  status: number,
  type: 'text/html' | 'text/plain',
  body: string,
  options: UnsubscribeServerOptions,
  request: IncomingMessage,
  outcome: string,
): void {
  if (!response.headersSent) {
    response.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': Buffer.byteLength(body) });
  }
  response.end(request.method === 'HEAD' ? undefined : body);
  options.onRequest?.({ method: request.method ?? 'GET', status, outcome });
}
