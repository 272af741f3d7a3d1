import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildDigest } from '../build.js';
import { CONFIG_FILES } from '../config.js';
import { diagnostic, GazetteError } from '../diagnostics.js';
import type { SummaryCache } from '../issue/digest.js';
import { PreviewBuilds, type BuildFunction, type BuildOutcome } from './builds.js';
import { forceColorScheme } from './color-scheme.js';
import { contentType } from './content-types.js';
import { EventStream } from './event-stream.js';
import { acceptsHost } from './host-check.js';
import { PREVIEW_PAGE } from './page/html.js';
import { PREVIEW_SCRIPT } from './page/script.js';
import { PREVIEW_STYLES } from './page/styles.js';
import { resolveExistingInside } from './safe-path.js';
import { workspaceRelative } from './snapshot.js';
import { parseTestSendRequest, sendPreviewTest } from './test-send.js';
import { watchWorkspace, type WorkspaceWatcher } from './watcher.js';
import { workspacePaths, type PreviewSource, type WorkspacePaths } from './workspace-paths.js';

export interface PreviewServerOptions extends PreviewSource {
  /** Default 127.0.0.1: the preview is for the person at this computer. */
  host?: string;
  /** Default 4000; 0 picks a free port. */
  port?: number;
  /** Week shown when the page does not ask for one; default the newest week with articles. */
  week?: string;
  drafts?: boolean;
  /** Default `buildDigest`. */
  build?: BuildFunction;
  summaryCache?: SummaryCache;
  /** Clock for the sample message's Date header and the build times shown. */
  now?: () => Date;
  debounceMs?: number;
  /** Called after every rebuild, with the files whose change caused it. */
  onRebuild?: (outcomes: BuildOutcome[], files: string[]) => void;
  onWatchError?: (error: Error) => void;
}

export interface PreviewServer {
  url: string;
  host: string;
  port: number;
  builds: PreviewBuilds;
  /** The build of the default week, done before the server starts listening. */
  first: BuildOutcome;
  close(): Promise<void>;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4000;

const MAX_REQUEST_BYTES = 16 * 1024;
const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' };
const PAGE_POLICY = "default-src 'self'; img-src * data:; style-src 'self'; script-src 'self'; frame-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";
// The email may load remote images and fonts like a mail client would, and never runs scripts.
const EMAIL_POLICY = "default-src 'none'; img-src * data:; font-src * data:; style-src 'unsafe-inline' *; base-uri 'none'; form-action 'none'";

/** Builds the issue, serves the preview page and rebuilds on every change until closed. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const source: PreviewSource = { ...options, root: path.resolve(options.root), config: options.config && path.resolve(options.root, options.config) };
  const host = options.host ?? DEFAULT_HOST;
  const builds = new PreviewBuilds({ ...source, week: options.week, drafts: options.drafts, build: options.build ?? buildDigest, summaryCache: options.summaryCache, now: options.now });
  const events = new EventStream();
  let paths = await workspacePaths(source);
  const first = (await builds.state()).outcome;

  let watcher: WorkspaceWatcher;
  let rebuilding = Promise.resolve();
  const onChange = (files: string[]) => {
    // One rebuild at a time, in order, so pages never see an older build after a newer one.
    rebuilding = rebuilding.then(async () => {
      events.send('building', { files: files.map((file) => path.relative(paths.root, file)) });
      if (files.some((file) => paths.configFiles.includes(file))) await rewatchIfMoved();
      const outcomes = await builds.invalidate();
      events.send('build', { version: builds.version, files: files.map((file) => path.relative(paths.root, file)) });
      options.onRebuild?.(outcomes, files);
    });
  };
  const watch = () => watchWorkspace(paths, onChange, { debounceMs: options.debounceMs, onError: options.onWatchError });
  const rewatchIfMoved = async () => {
    const next = await workspacePaths(source);
    if (samePaths(next, paths)) return;
    paths = next;
    await watcher.close();
    watcher = watch();
    await watcher.ready;
  };
  watcher = watch();
  await watcher.ready;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendText(response, 500, `preview error: ${error instanceof Error ? error.message : String(error)}`);
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!acceptsHost(request.headers.host, host)) return sendText(response, 403, 'this preview answers only to localhost');
    const rawPath = (request.url ?? '/').split('?')[0] ?? '/';
    if (rawPath === '/api/send-test' && request.method === 'POST') return sendTest(request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'method not allowed');
    const query = new URL(request.url ?? '/', 'http://preview.invalid').searchParams;
    const week = () => builds.pick(query.get('week'));

    if (rawPath === '/') return send(response, 200, 'text/html; charset=utf-8', PREVIEW_PAGE, { 'Content-Security-Policy': PAGE_POLICY });
    if (rawPath === '/assets/preview.js') return send(response, 200, 'text/javascript; charset=utf-8', PREVIEW_SCRIPT);
    if (rawPath === '/assets/preview.css') return send(response, 200, 'text/css; charset=utf-8', PREVIEW_STYLES);
    if (rawPath === '/api/state') return sendJson(response, 200, await builds.state(await week()));
    if (rawPath === '/events') return events.open(response);
    if (rawPath === '/email.html') {
      const outcome = await builds.outcome(await week());
      if (!outcome.ok) return sendText(response, 503, 'the issue does not build; see the errors in the preview page');
      const scheme = query.get('scheme') === 'dark' ? 'dark' : 'light';
      return send(response, 200, 'text/html; charset=utf-8', forceColorScheme(outcome.snapshot.html, scheme), { 'Content-Security-Policy': EMAIL_POLICY });
    }
    if (rawPath.startsWith('/files/')) return sendFile(response, paths.root, rawPath.slice('/files/'.length), isConfigFile);
    if (rawPath.startsWith('/out/')) return sendFile(response, paths.out, rawPath.slice('/out/'.length));
    return sendText(response, 404, 'not found');
  }

  async function sendTest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Only the preview page itself may send: another site's page in the same browser could
    // post here too, but browsers always say where such a request comes from.
    const sameOrigin = request.headers.origin === `http://${request.headers.host}`;
    if (!sameOrigin || !request.headers['content-type']?.startsWith('application/json')) return sendText(response, 403, 'send a test from the preview page');
    const body = await readBody(request, MAX_REQUEST_BYTES);
    const parsed = body === null ? diagnostic('preview/bad-request', 'the request is too large') : parseTestSendRequest(body);
    if ('rule' in parsed) return sendJson(response, 400, { ok: false, errors: [parsed] });
    const result = await builds.result(await builds.pick(parsed.week));
    if (!result) return sendJson(response, 409, { ok: false, errors: [diagnostic('preview/not-built', 'the issue does not build; fix the errors first')] });
    const outcome = await sendPreviewTest(result, parsed.to, source);
    const errors = outcome.ok ? [] : workspaceRelative(outcome.errors, source.root);
    return sendJson(response, outcome.ok ? 200 : 422, outcome.ok ? outcome : { ok: false, errors });
  }

  await listen(server, options.port ?? DEFAULT_PORT, host);
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}/`,
    host,
    port,
    builds,
    first,
    async close() {
      events.close();
      await watcher.close();
      await rebuilding;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function samePaths(a: WorkspacePaths, b: WorkspacePaths): boolean {
  return a.articles === b.articles && a.templates === b.templates && a.out === b.out;
}

/** The config may hold SMTP credentials: the page never needs it. */
function isConfigFile(file: string): boolean {
  return (CONFIG_FILES as readonly string[]).includes(path.basename(file));
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE'
          ? `port ${port} on ${host} is in use; choose another with --port (0 picks a free one)`
          : `cannot listen on ${host}:${port}: ${error.message}`;
      reject(new GazetteError([diagnostic('preview/listen', reason)]));
    });
    server.listen(port, host, () => resolve());
  });
}

async function sendFile(response: ServerResponse, root: string, urlPath: string, refuse: (file: string) => boolean = () => false): Promise<void> {
  const file = await resolveExistingInside(root, urlPath);
  const info = file && !refuse(file) ? await stat(file).catch(() => null) : null;
  if (!file || !info?.isFile()) return sendText(response, 404, 'not found');
  response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentType(file), 'Content-Length': info.size, 'Content-Security-Policy': EMAIL_POLICY });
  if (response.req.method === 'HEAD') return void response.end();
  createReadStream(file).pipe(response);
}

/** The request body as text, or null when it is larger than `limit` bytes. */
async function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function send(response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

function sendText(response: ServerResponse, status: number, message: string): void {
  send(response, status, 'text/plain; charset=utf-8', `${message}\n`);
}
