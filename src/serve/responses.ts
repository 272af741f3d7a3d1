import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Headers on every answer: tokens are in URLs, and nothing here is for caching or framing. */
export const SECURITY_HEADERS: OutgoingHttpHeaders = {
  'Cache-Control': 'no-store',
  // A token in the URL must not leak through Referer headers to anything the page links to.
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

export type ContentType = 'text/html' | 'text/plain' | 'application/json';

/** What one request came to, for the log: never an address. */
export interface RequestOutcome {
  method: string;
  path: string;
  status: number;
  outcome: string;
}

/** Writes one whole answer (no body for HEAD) and reports it. */
export type Respond = (status: number, type: ContentType, body: string, outcome: string, headers?: OutgoingHttpHeaders) => void;

export function responder(request: IncomingMessage, response: ServerResponse, path: string, report: (outcome: RequestOutcome) => void): Respond {
  return (status, type, body, outcome, headers = {}) => {
    if (!response.headersSent) {
      response.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': Buffer.byteLength(body) });
    }
    response.end(request.method === 'HEAD' ? undefined : body);
    report({ method: request.method ?? 'GET', path, status, outcome });
  };
}
