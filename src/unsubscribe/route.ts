import type { IncomingMessage } from 'node:http';
import { formFields, readBody } from '../serve/request-body.js';
import type { Respond } from '../serve/responses.js';
import type { Route } from '../serve/server.js';
import { confirmationPage, invalidLinkPage, notOneClickPage, unsubscribedPage } from './page.js';
import { verifyToken } from './token.js';

export interface UnsubscribeRouteOptions {
  /** Path the unsubscribe URLs use, e.g. `/unsubscribe`. */
  path: string;
  secret: string;
  newsletter: string;
  /** Records the address as unsubscribed; `how` says which route the request took. */
  unsubscribe: (email: string, how: 'one-click' | 'confirmation page') => Promise<unknown>;
}

// One-click bodies are a single short form field; anything bigger is not a real client.
export const MAX_UNSUBSCRIBE_BODY_BYTES = 8 * 1024;

/**
 * The endpoint unsubscribe links point to. GET shows a confirmation page and changes nothing;
 * POST with the RFC 8058 body `List-Unsubscribe=One-Click` (a mail client's one-click, or the
 * page's button) unsubscribes and answers 200 without redirecting. A forged or altered token
 * gets 400, a POST without the one-click body 400, an oversized body 413; none changes anything.
 */
export function unsubscribeRoute(options: UnsubscribeRouteOptions): Route {
  return {
    path: options.path,
    methods: ['GET', 'POST'],
    handle: (request, url, respond) => handle(request, url, respond, options),
  };
}

async function handle(request: IncomingMessage, url: URL, respond: Respond, options: UnsubscribeRouteOptions): Promise<void> {
  const token = url.searchParams.get('token') ?? '';
  const email = verifyToken(token, options.secret);
  const html = wantsHtml(request);
  if (request.method !== 'POST') {
    if (!email) return respond(400, 'text/html', invalidLinkPage(), 'invalid token');
    return respond(200, 'text/html', confirmationPage(options.newsletter, email, token, url.search), 'confirmation shown');
  }
  const read = await readBody(request, MAX_UNSUBSCRIBE_BODY_BYTES);
  if (!read.ok) return read.reason === 'too-large' ? respond(413, 'text/plain', 'request body too large\n', 'body too large') : respond(400, 'text/plain', 'request aborted\n', 'aborted');
  if (!email) return html ? respond(400, 'text/html', invalidLinkPage(), 'invalid token') : respond(400, 'text/plain', 'invalid unsubscribe token\n', 'invalid token');
  // RFC 8058 section 3.2: the POST carries List-Unsubscribe=One-Click. A POST without it is not a
  // one-click request (a crawler, a misconfigured client) and must not unsubscribe anyone.
  const form = formFields(request.headers['content-type'], read.body);
  if (!form.ok || form.fields.get('List-Unsubscribe') !== 'One-Click') {
    return html ? respond(400, 'text/html', notOneClickPage(url.search), 'not one-click') : respond(400, 'text/plain', 'expected the body List-Unsubscribe=One-Click (RFC 8058)\n', 'not one-click');
  }
  // Answered once it is recorded: a store out of reach gets the server's error answer, never "unsubscribed".
  await options.unsubscribe(email, html ? 'confirmation page' : 'one-click');
  return html ? respond(200, 'text/html', unsubscribedPage(options.newsletter, email), 'unsubscribed') : respond(200, 'text/plain', 'unsubscribed\n', 'unsubscribed');
}

/** A browser submitting the confirmation form asks for HTML; mail clients doing one-click do not. */
function wantsHtml(request: IncomingMessage): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}
