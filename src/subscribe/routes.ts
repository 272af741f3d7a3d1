import type { IncomingMessage } from 'node:http';
import { formFields, readBody } from '../serve/request-body.js';
import type { Respond } from '../serve/responses.js';
import type { Route } from '../serve/server.js';
import { addressProblem } from '../subscribers/address.js';
import {
  CHECK_INBOX_MESSAGE,
  checkInboxPage,
  expiredConfirmPage,
  HONEYPOT_FIELD,
  invalidConfirmPage,
  staleConfirmPage,
  subscribedPage,
  subscribeFormPage,
  suppressedConfirmPage,
  tooManyPage,
} from './pages.js';
import { nameProblem } from './sign-up-name.js';
import type { SignUps } from './sign-ups.js';

/** A sign-up is an address, a name and a honeypot: a few hundred bytes. */
export const MAX_SIGN_UP_BODY_BYTES = 8 * 1024;

export interface SubscribeRoutesOptions {
  newsletter: string;
  signUps: SignUps;
  /** Public URLs: the form (linked from confirmation pages) and the confirmation links' path. */
  subscribeUrl: URL;
  confirmUrl: URL;
  /** The client a request comes from, for the per-client limit. */
  clientAddress: (request: IncomingMessage) => string;
}

// Embedding pages on other sites post with fetch(); a sign-up carries no credentials, so any origin may.
const CORS = { 'Access-Control-Allow-Origin': '*' };

/** `/subscribe`: the form (GET) and sign-ups (POST, a form or JSON); `/confirm`: the link in the confirmation email. */
export function subscribeRoutes(options: SubscribeRoutesOptions): Route[] {
  return [
    {
      path: options.subscribeUrl.pathname,
      methods: ['GET', 'POST', 'OPTIONS'],
      handle: (request, _url, respond) => {
        if (request.method === 'OPTIONS') {
          return respond(204, 'text/plain', '', 'preflight', { ...CORS, 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Max-Age': '86400' });
        }
        if (request.method !== 'POST') return respond(200, 'text/html', subscribeFormPage(options.newsletter), 'form shown');
        return signUp(request, respond, options);
      },
    },
    {
      path: options.confirmUrl.pathname,
      methods: ['GET'],
      handle: (request, url, respond) => confirm(request, url, respond, options),
    },
  ];
}

async function signUp(request: IncomingMessage, respond: Respond, options: SubscribeRoutesOptions): Promise<void> {
  const json = (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');
  const answer = (status: number, outcome: string, message: string, html: string, headers: Record<string, string> = {}) =>
    json ? respond(status, 'application/json', `${JSON.stringify(status < 300 ? { ok: true, message } : { ok: false, error: message })}\n`, outcome, { ...CORS, ...headers }) : respond(status, 'text/html', html, outcome, { ...CORS, ...headers });
  const read = await readBody(request, MAX_SIGN_UP_BODY_BYTES);
  if (!read.ok && read.reason === 'aborted') return respond(400, 'text/plain', 'request aborted\n', 'aborted');
  if (!read.ok) return answer(413, 'body too large', 'the request is too large', subscribeFormPage(options.newsletter, { email: '', name: '', error: 'The request was too large.' }));
  const form = formFields(request.headers['content-type'], read.body);
  if (!form.ok) return answer(form.reason === 'unsupported' ? 415 : 400, 'unreadable body', form.problem, subscribeFormPage(options.newsletter));
  const { fields } = form;
  const neutral = () => answer(200, 'accepted', CHECK_INBOX_MESSAGE, checkInboxPage(options.newsletter));
  // A filled honeypot is a bot: it gets the neutral answer, and nothing is recorded or sent. Any
  // value counts (JSON can send a list or a number), not only text: only people leave it empty.
  if (filled(fields.get(HONEYPOT_FIELD))) return answer(200, 'honeypot', CHECK_INBOX_MESSAGE, checkInboxPage(options.newsletter));
  const emailField = fields.get('email') ?? '';
  const nameField = fields.get('name') ?? '';
  if (typeof emailField !== 'string' || typeof nameField !== 'string') {
    const problem = `the ${typeof emailField !== 'string' ? 'email' : 'name'} field must be a string`;
    return answer(400, 'invalid', problem, subscribeFormPage(options.newsletter, { email: '', name: '', error: `${problem[0]!.toUpperCase()}${problem.slice(1)}.` }));
  }
  const email = emailField.trim();
  const name = nameField.trim().replace(/\s+/g, ' ');
  const problem = addressProblem(email) ?? nameProblem(name);
  if (problem) return answer(400, 'invalid', problem, subscribeFormPage(options.newsletter, { email, name, error: `${problem[0]!.toUpperCase()}${problem.slice(1)}.` }));
  if (!(await options.signUps.admit(options.clientAddress(request)))) return answer(429, 'client limit', 'too many sign-ups from this network; try again later', tooManyPage(), { 'Retry-After': '3600' });
  // Answered before the address is looked up, so neither the answer nor its timing depends on it.
  neutral();
  options.signUps.processLater(email, name || null);
}

async function confirm(request: IncomingMessage, url: URL, respond: Respond, options: SubscribeRoutesOptions): Promise<void> {
  const form = options.subscribeUrl.toString();
  // A HEAD (a link checker) learns the link exists and changes nothing.
  if (request.method === 'HEAD') return respond(200, 'text/html', '', 'head');
  const result = await options.signUps.confirm(url.searchParams.get('token') ?? '');
  switch (result.outcome) {
    case 'invalid':
      return respond(400, 'text/html', invalidConfirmPage(form), 'invalid token');
    case 'expired':
      return respond(410, 'text/html', expiredConfirmPage(form), 'expired token');
    case 'confirmed':
    case 'already-confirmed':
      return respond(200, 'text/html', subscribedPage(options.newsletter, result.email), result.outcome);
    case 'suppressed':
      return respond(409, 'text/html', suppressedConfirmPage(options.newsletter), 'suppressed');
    case 'stale':
    case 'gone':
      return respond(409, 'text/html', staleConfirmPage(form), result.outcome);
  }
}

/** Whether a form field holds anything: absent, null and empty text are empty; any other value is not. */
function filled(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}
