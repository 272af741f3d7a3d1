import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { REPO } from './workspace.js';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'web');

/** One request as the server saw it: for politeness (never two at once on a host) and the headers sent. */
export interface RequestRecord {
  path: string;
  start: number;
  end: number;
  userAgent: string | undefined;
}

export interface WebFixtures {
  origin: string;
  url(pathname: string): string;
  requests: RequestRecord[];
  close(): Promise<void>;
}

interface Route {
  file?: string;
  type?: string;
  status?: number;
  location?: string;
  /** Compress the body when the client accepts it. */
  encoding?: 'gzip' | 'br';
  /** Wait this long before answering. */
  delayMs?: number;
  /** Send the headers and half the body, then nothing more. */
  stall?: boolean;
  body?: () => Buffer;
}

const HTML = 'text/html; charset=utf-8';

/** A page of several megabytes: a real article buried in repeated markup. */
function hugePage(): Buffer {
  const paragraph = '<p>This sentence repeats to make the page far larger than any article should be.</p>\n';
  return Buffer.from(`<!doctype html><html><head><title>Huge</title></head><body><article>${paragraph.repeat(75_000)}</article></body></html>`);
}

const ROUTES: Record<string, Route> = {
  '/robots.txt': { file: 'robots.txt', type: 'text/plain' },
  '/': { file: 'home-page.html', type: HTML },
  '/news/harbour-budget': { file: 'news-article.html', type: HTML, encoding: 'gzip' },
  '/blog/sourdough': { file: 'blog-post.html', type: HTML, encoding: 'br' },
  '/cluttered/library-hours': { file: 'cluttered-page.html', type: HTML },
  // No charset in the header: the page's own <meta http-equiv> says windows-1252.
  '/latin1/cafe': { file: 'latin1-page.html', type: 'text/html' },
  '/paywall/shipyard': { file: 'paywalled-stub.html', type: HTML },
  '/private/notes': { file: 'blog-post.html', type: HTML },
  '/no-gazette/page': { file: 'blog-post.html', type: HTML },
  '/redirect/1': { status: 301, location: '/redirect/2' },
  '/redirect/2': { status: 302, location: '/news/harbour-budget' },
  '/missing': { status: 404, type: HTML, body: () => Buffer.from('<h1>Not found</h1>') },
  '/slow': { file: 'blog-post.html', type: HTML, delayMs: 3000 },
  '/stall': { file: 'news-article.html', type: HTML, stall: true },
  '/huge': { type: HTML, body: hugePage },
  '/report.pdf': { file: 'report.pdf', type: 'application/pdf' },
  '/photo.jpg': { type: 'image/jpeg', body: () => Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
  '/feeds/rss-full.xml': { file: 'rss-full.xml', type: 'application/rss+xml; charset=utf-8' },
  '/feeds/rss-summary.xml': { file: 'rss-summary.xml', type: 'application/rss+xml' },
  '/feeds/atom-full.xml': { file: 'atom-full.xml', type: 'application/atom+xml', encoding: 'gzip' },
  '/feeds/atom-summary.xml': { file: 'atom-summary.xml', type: 'application/atom+xml' },
  '/feeds/feed.json': { file: 'feed.json', type: 'application/feed+json' },
  '/ja/harbour-budget': { file: 'japanese-article.html', type: HTML },
};
// A chain of redirects longer than any fetcher should follow.
for (let hop = 1; hop <= 12; hop++) ROUTES[`/chain/${hop}`] = { status: 302, location: `/chain/${hop + 1}` };

/**
 * Serves test/fixtures/web/ on 127.0.0.1 with the behaviours of the real web the collector
 * must cope with: compression, redirects, errors, slowness, a stall mid-body, a huge page, a
 * PDF. `__ORIGIN__` in a fixture becomes the server's origin, so feeds link back to it.
 */
export async function startWebFixtures(): Promise<WebFixtures> {
  const requests: RequestRecord[] = [];
  const pending = new Set<ServerResponse>();
  let origin = '';
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const record: RequestRecord = { path: request.url ?? '', start: Date.now(), end: 0, userAgent: request.headers['user-agent'] };
    requests.push(record);
    pending.add(response);
    response.on('close', () => {
      record.end = Date.now();
      pending.delete(response);
    });
    const route = ROUTES[new URL(request.url ?? '/', 'http://fixture').pathname];
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('no such fixture');
      return;
    }
    const answer = () => {
      if (route.location) {
        response.writeHead(route.status ?? 302, { location: route.location }).end();
        return;
      }
      let body = route.body ? route.body() : readFileSync(path.join(FIXTURES, route.file!));
      if (route.file && !route.file.endsWith('.pdf')) body = Buffer.from(body.toString('latin1').replaceAll('__ORIGIN__', origin), 'latin1');
      const headers: Record<string, string> = { 'content-type': route.type ?? 'application/octet-stream' };
      const accepted = String(request.headers['accept-encoding'] ?? '');
      if (route.encoding && accepted.includes(route.encoding)) {
        body = route.encoding === 'gzip' ? gzipSync(body) : brotliCompressSync(body);
        headers['content-encoding'] = route.encoding;
      }
      headers['content-length'] = String(body.length);
      response.writeHead(route.status ?? 200, headers);
      if (route.stall) response.write(body.subarray(0, body.length / 2));
      else response.end(body);
    };
    if (route.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (pathname) => `${origin}${pathname}`,
    requests,
    close: async () => {
      for (const response of pending) response.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
