import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { PreviewBuilds } from './builds.js';
import { forceColorScheme } from './color-scheme.js';
import type { EventStream } from './event-stream.js';
import { acceptsHost, acceptsOrigin } from './host-check.js';
import { previewScript } from './page/compiled-script.js';
import { previewPage } from './page/html.js';
import { PREVIEW_STYLES } from './page/styles.js';
import { isPrivateFile } from './private-files.js';
import { EMAIL_POLICY, PAGE_POLICY, readBody, send, sendFile, sendJson, sendText } from './responses.js';
import { savedCheckOf, webEditionOf } from './issue-files.js';
import { pageDiagnostics, pageState, type PageStateAnswer } from './page-paths.js';
import { fullCheckView, readiness } from './readiness.js';
import { parseTestSendRequest, sendPreviewTest } from './test-send.js';
import type { WorkspacePaths } from './workspace-paths.js';

const MAX_REQUEST_BYTES = 16 * 1024;

/** The header the preview page sends its session token in. */
export const TOKEN_HEADER = 'x-gazette-token';

export interface PreviewRoutesContext {
  /** Names the server answers to (see `allowedHostNames`). */
  hostNames: ReadonlySet<string>;
  /** The port it listens on, known once listening. */
  port: () => number;
  /** Random per server start: only the page this server served knows it. */
  token: string;
  builds: PreviewBuilds;
  events: EventStream;
  /** Current paths: they move when the config's folders change. */
  paths: () => WorkspacePaths;
}

/**
 * The preview's HTTP interface: the page and its assets, `/api/state` (the build as JSON),
 * `/email.html` (the email, in a forced colour scheme), `/events` (live reload),
 * `/files/…`, `/out/…` and `/site/…` (the workspace, its output and its published site,
 * never a private file), `/assets/favicon.svg`, and
 * `POST /api/send-test`.
 */
export function previewRoutes(context: PreviewRoutesContext): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const { builds, events } = context;
  return async (request, response) => {
    if (!acceptsHost(request.headers.host, context.hostNames)) return sendText(response, 403, 'this preview answers only to the names it was started for');
    const rawPath = (request.url ?? '/').split('?')[0] ?? '/';
    if (rawPath === '/api/send-test' && request.method === 'POST') return sendTest(context, request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'method not allowed');
    const query = new URL(request.url ?? '/', 'http://preview.invalid').searchParams;
    const week = () => builds.pick(query.get('week'));

    if (rawPath === '/') return send(response, 200, 'text/html; charset=utf-8', previewPage(context.token), { 'Content-Security-Policy': PAGE_POLICY });
    if (rawPath === '/assets/preview.js') return send(response, 200, 'text/javascript; charset=utf-8', await previewScript());
    if (rawPath === '/assets/preview.css') return send(response, 200, 'text/css; charset=utf-8', PREVIEW_STYLES);
    if (rawPath === '/assets/favicon.svg') return send(response, 200, 'image/svg+xml', FAVICON);
    if (rawPath === '/api/state') return sendJson(response, 200, await stateAnswer(context, await week()));
    if (rawPath === '/events') return events.open(response);
    if (rawPath === '/email.html') {
      const outcome = await builds.outcome(await week());
      if (!outcome.ok) return sendText(response, 503, 'the issue does not build; see the errors in the preview page');
      const scheme = query.get('scheme') === 'dark' ? 'dark' : 'light';
      return send(response, 200, 'text/html; charset=utf-8', forceColorScheme(outcome.snapshot.html, scheme), { 'Content-Security-Policy': EMAIL_POLICY });
    }
    const { root, out, site, privateFiles } = context.paths();
    const refuse = (realFile: string) => isPrivateFile(realFile, privateFiles);
    if (rawPath.startsWith('/files/')) return sendFile(response, root, rawPath.slice('/files/'.length), refuse);
    if (rawPath.startsWith('/out/')) return sendFile(response, out, rawPath.slice('/out/'.length), refuse);
    if (rawPath.startsWith('/site/')) return sendFile(response, site, rawPath.slice('/site/'.length), refuse);
    return sendText(response, 404, 'not found');
  };
}

/** The brand mark: a tab without an icon asks for /favicon.ico, a 404 in the console on every load. */
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#a63d2a"/>' +
  '<text x="16" y="23" font-family="Georgia, serif" font-size="20" font-weight="700" fill="#fff" text-anchor="middle">G</text></svg>';

/**
 * The build of a week with the last full check of it (read on every request: `gazette check` may
 * have saved one since) and its web edition in the published site.
 */
async function stateAnswer(context: PreviewRoutesContext, week: string | null): Promise<PageStateAnswer> {
  const state = await context.builds.state(week);
  const { root, out, site } = context.paths();
  const slug = state.outcome.ok ? state.outcome.snapshot.week : state.week;
  const [saved, web] = await Promise.all([savedCheckOf(out, slug), webEditionOf(site, root, slug)]);
  const fullCheck = fullCheckView(saved, state.outcome);
  return pageState({ ...state, fullCheck, readiness: readiness(state.outcome, fullCheck), web }, root);
}

async function sendTest(context: PreviewRoutesContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  // Only the preview page itself may send. A page of another site open in the same browser
  // can post here too, but the browser names its origin, a JSON body needs a CORS consent
  // this server never gives, and the token is in no page but this server's own.
  const sameOrigin = acceptsOrigin(request.headers.origin, context.hostNames, context.port());
  const json = request.headers['content-type']?.startsWith('application/json') ?? false;
  if (!sameOrigin || !json || !hasToken(request, context.token)) return sendText(response, 403, 'send a test from the preview page');
  const body = await readBody(request, MAX_REQUEST_BYTES);
  const parsed = body === null ? diagnostic('preview/bad-request', 'the request is too large') : parseTestSendRequest(body);
  if ('rule' in parsed) return sendJson(response, 400, { ok: false, errors: [parsed] });
  const result = await context.builds.result(await context.builds.pick(parsed.week));
  if (!result) return sendJson(response, 409, { ok: false, errors: [diagnostic('preview/not-built', 'the issue does not build; fix the errors first')] });
  const outcome = await sendPreviewTest(result, parsed.to);
  if (outcome.ok) return sendJson(response, 200, outcome);
  return sendJson(response, 422, { ok: false, errors: pageDiagnostics(outcome.errors, context.paths().root) });
}

function hasToken(request: IncomingMessage, token: string): boolean {
  const sent = request.headers[TOKEN_HEADER];
  if (typeof sent !== 'string') return false;
  const [given, expected] = [Buffer.from(sent), Buffer.from(token)];
  return given.length === expected.length && timingSafeEqual(given, expected);
}
