import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentType } from './content-types.js';
import { resolveExistingInside } from './safe-path.js';

/** `X-Frame-Options` for browsers that predate `frame-ancestors`; same-origin so the page can frame the email. */
const COMMON_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store', 'X-Frame-Options': 'SAMEORIGIN' };

/**
 * The preview page loads only what this server serves, and no other site may frame it: a page
 * that did could trick a click on "Send test", which is same-origin and carries the token.
 */
export const PAGE_POLICY =
  "default-src 'self'; img-src * data:; style-src 'self'; script-src 'self'; frame-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** An email, or a file of the workspace, may load remote images and fonts like a mail client would, never runs scripts, and is framed only by the preview page. */
export const EMAIL_POLICY = "default-src 'none'; img-src * data:; font-src * data:; style-src 'unsafe-inline' *; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

export function send(response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...COMMON_HEADERS, ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

export function sendText(response: ServerResponse, status: number, message: string): void {
  send(response, status, 'text/plain; charset=utf-8', `${message}\n`);
}

/**
 * A file under `root` named by a URL path; 404 for anything outside it, hidden, refused or
 * missing. `refuse` is asked about the real path, symbolic links followed.
 */
export async function sendFile(response: ServerResponse, root: string, urlPath: string, refuse: (realFile: string) => Promise<boolean>): Promise<void> {
  const file = await resolveExistingInside(root, urlPath);
  const info = file && !(await refuse(file)) ? await stat(file).catch(() => null) : null;
  if (!file || !info?.isFile()) return sendText(response, 404, 'not found');
  response.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': contentType(file), 'Content-Length': info.size, 'Content-Security-Policy': EMAIL_POLICY });
  if (response.req.method === 'HEAD') return void response.end();
  createReadStream(file).pipe(response);
}

/** The request body as text, or null when it is larger than `limit` bytes. */
export async function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
