import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { CONFIG_FILES } from '../config.js';
import { diagnostic } from '../diagnostics.js';
import type { PreviewBuilds } from './builds.js';
import { forceColorScheme } from './color-scheme.js';
import type { EventStream } from './event-stream.js';
import { acceptsHost } from './host-check.js';
import { PREVIEW_PAGE } from './page/html.js';
import { PREVIEW_SCRIPT } from './page/script.js';
import { PREVIEW_STYLES } from './page/styles.js';
import { EMAIL_POLICY, PAGE_POLICY, readBody, send, sendFile, sendJson, sendText } from './responses.js';
import { workspaceRelative } from './snapshot.js';
import { parseTestSendRequest, sendPreviewTest } from './test-send.js';
import type { PreviewSource, WorkspacePaths } from './workspace-paths.js';

const MAX_REQUEST_BYTES = 16 * 1024;

export interface PreviewRoutesContext {
  /** The address the server is bound to. */
  host: string;
  source: PreviewSource;
  builds: PreviewBuilds;
  events: EventStream;
  /** Current paths: they move when the config's folders change. */
  paths: () => WorkspacePaths;
}

/**
 * The preview's HTTP interface: the page and its assets, `/api/state` (the build as JSON),
 * `/email.html` (the email, in a forced colour scheme), `/events` (live reload),
 * `/files/…` and `/out/…` (the workspace and its output, nothing else), and
 * `POST /api/send-test`.
 */
export function previewRoutes(context: PreviewRoutesContext): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const { builds, events } = context;
  return async (request, response) => {
    if (!acceptsHost(request.headers.host, context.host)) return sendText(response, 403, 'this preview answers only to localhost');
    const rawPath = (request.url ?? '/').split('?')[0] ?? '/';
    if (rawPath === '/api/send-test' && request.method === 'POST') return sendTest(context, request, response);
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
    const { root, out } = context.paths();
    if (rawPath.startsWith('/files/')) return sendFile(response, root, rawPath.slice('/files/'.length), isConfigFile);
    if (rawPath.startsWith('/out/')) return sendFile(response, out, rawPath.slice('/out/'.length));
    return sendText(response, 404, 'not found');
  };
}

async function sendTest(context: PreviewRoutesContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  // Only the preview page itself may send. A page of another site open in the same browser
  // can post here too, but the browser names its origin, and a JSON body needs its consent.
  const sameOrigin = request.headers.origin === `http://${request.headers.host}`;
  if (!sameOrigin || !request.headers['content-type']?.startsWith('application/json')) return sendText(response, 403, 'send a test from the preview page');
  const body = await readBody(request, MAX_REQUEST_BYTES);
  const parsed = body === null ? diagnostic('preview/bad-request', 'the request is too large') : parseTestSendRequest(body);
  if ('rule' in parsed) return sendJson(response, 400, { ok: false, errors: [parsed] });
  const result = await context.builds.result(await context.builds.pick(parsed.week));
  if (!result) return sendJson(response, 409, { ok: false, errors: [diagnostic('preview/not-built', 'the issue does not build; fix the errors first')] });
  const outcome = await sendPreviewTest(result, parsed.to, context.source);
  if (outcome.ok) return sendJson(response, 200, outcome);
  return sendJson(response, 422, { ok: false, errors: workspaceRelative(outcome.errors, context.source.root) });
}

/** The config may hold SMTP credentials: the page never needs it. */
function isConfigFile(file: string): boolean {
  return (CONFIG_FILES as readonly string[]).includes(path.basename(file));
}
