import path from 'node:path';
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { openStateDb } from '../src/store/state-db.js';
import { sealConfirmToken } from '../src/subscribe/confirm-token.js';
import { SqliteSubscriberStore } from '../src/subscribers/sqlite-subscriber-store.js';
import type { SubscriberStore, SuppressionReason } from '../src/subscribers/subscriber-store.js';
import { servesStoppedAfterEach, type Served } from './support/serve.js';
import { sinksStoppedAfterEach } from './support/smtp-server.js';
import { builtWorkspace, gazette, SECRET, sendingConfig } from './support/smtp-workspace.js';

const sink = sinksStoppedAfterEach({ saveMessages: true });
const serve = servesStoppedAfterEach();

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' };

async function signUp(served: Served, email: string, extra = ''): Promise<{ status: number; body: string }> {
  const answer = await fetch(`${served.origin}/subscribe`, { method: 'POST', headers: FORM, body: `email=${encodeURIComponent(email)}${extra}` });
  return { status: answer.status, body: await answer.text() };
}

async function signUpJson(served: Served, email: string): Promise<{ status: number; body: string }> {
  const answer = await fetch(`${served.origin}/subscribe`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email }) });
  return { status: answer.status, body: await answer.text() };
}

/** Waits until the server has finished `count` sign-ups in the background, and returns their outcomes. */
async function notices(served: Served, count: number): Promise<string[]> {
  const all = () => served.events.filter((event) => event.event === 'notice' && event.kind === 'confirm');
  await served.event(() => all().length >= count);
  return all().map((event) => event.outcome as string);
}

function recipients(messages: ParsedMail[]): string[] {
  return messages.flatMap((message) => [message.to].flat().flatMap((to) => to?.value.map((address) => address.address ?? '') ?? [])).sort();
}

/** The store of a workspace, opened beside the running serve (WAL: both may use it at once). */
async function withStore<T>(root: string, use: (store: SubscriberStore) => Promise<T>): Promise<T> {
  const db = openStateDb(path.join(root, '.gazette', 'state.db'));
  try {
    return await use(new SqliteSubscriberStore(db));
  } finally {
    db.close();
  }
}

async function workspace(subscribe: Record<string, unknown> = {}) {
  const server = await sink();
  const root = await builtWorkspace(sendingConfig({ smtp: server.url, subscribe }));
  return { server, root, served: await serve(root) };
}

describe('sign-ups against abuse', () => {
  it('answers the same for a new, pending, confirmed, unsubscribed, bounced or complained address, and mails only those that may sign up', async () => {
    const { server, root, served } = await workspace({ max_per_ip: 20 });
    await withStore(root, async (store) => {
      await store.save({ email: 'confirmed@example.com', name: null, fields: {} });
      await store.savePending('pending@example.com', null);
      for (const reason of ['unsubscribed', 'bounced', 'complained'] as SuppressionReason[]) {
        await store.save({ email: `${reason}@example.com`, name: null, fields: {} });
        await store.suppress(`${reason}@example.com`, reason, 'before the test');
      }
    });
    const addresses = ['new', 'pending', 'confirmed', 'unsubscribed', 'bounced', 'complained'].map((kind) => `${kind}@example.com`);
    const byForm = await Promise.all(addresses.map((email) => signUp(served, email)));
    const byJson = await Promise.all(addresses.map((email) => signUpJson(served, email.replace('@', '+json@'))));
    expect(new Set(byForm.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(byForm[0]!.status).toBe(200);
    expect(new Set(byJson.map((answer) => JSON.stringify(answer))).size).toBe(1);

    const outcomes = await notices(served, 12);
    expect(outcomes.filter((outcome) => outcome === 'sent')).toHaveLength(3 + 6);
    expect(recipients(await server.messages()).filter((address) => !address.includes('+json'))).toEqual(['new@example.com', 'pending@example.com', 'unsubscribed@example.com']);
  });

  it('sends an address at most subscribe.max_per_address confirmations a day, and refuses a client over subscribe.max_per_ip an hour with 429', async () => {
    const { server, served } = await workspace({ max_per_address: 2, max_per_ip: 4 });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await signUp(served, 'victim@example.com'));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    // The limit is decided at once; the emails finish later: the order of the log is not the order of the sign-ups.
    expect((await notices(served, 3)).sort()).toEqual(['address-limit', 'sent', 'sent']);
    expect(recipients(await server.messages())).toEqual(['victim@example.com', 'victim@example.com']);

    expect((await signUp(served, 'fourth@example.com')).status).toBe(200);
    const over = await fetch(`${served.origin}/subscribe`, { method: 'POST', headers: FORM, body: 'email=fifth%40example.com' });
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('3600');
    await notices(served, 4);
    expect(recipients(await server.messages())).not.toContain('fifth@example.com');
  });

  it('records nothing for a filled honeypot, refuses an invalid address with 400 and an oversized body with 413', async () => {
    const { server, root, served } = await workspace();
    const bot = await signUp(served, 'bot@example.com', '&website=https%3A%2F%2Fspam.example');
    const person = await signUp(served, 'person@example.com', '&website=');
    expect(bot).toEqual(person);

    const invalid = await signUp(served, 'not an address');
    expect(invalid.status).toBe(400);
    expect(invalid.body).toContain('role="alert"');
    expect(invalid.body).toContain('value="not an address"');
    const longName = await signUp(served, 'named@example.com', `&name=${'x'.repeat(101)}`);
    expect(longName.status).toBe(400);

    const large = await new Promise<number>((resolve, reject) => {
      const body = Buffer.alloc(64 * 1024, 'a');
      const request = httpRequest(`${served.origin}/subscribe`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': body.length } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end(body);
    });
    expect(large).toBe(413);

    await notices(served, 1);
    expect(recipients(await server.messages())).toEqual(['person@example.com']);
    const stored = JSON.parse((await gazette(['subscribers', 'list', '--json'], root)).stdout) as { email: string }[];
    expect(stored.map((subscriber) => subscriber.email)).toEqual(['person@example.com']);
    // The log says what happened, never to whom.
    expect(JSON.stringify(served.events.filter((event) => event.event !== 'listening'))).not.toContain('@');
  });

  it('lets an unsubscribed address back in only through a fresh confirmation, never through a link older than its unsubscribe, and keeps a bounced one suppressed', async () => {
    const { server, root, served } = await workspace();
    const before = new Date(Date.now() - 60_000);
    const week = new Date(Date.now() + 7 * 86_400_000);
    await withStore(root, async (store) => {
      await store.save({ email: 'left@example.com', name: null, fields: {} });
      await store.suppress('left@example.com', 'unsubscribed', 'one-click');
      await store.save({ email: 'gone@example.com', name: null, fields: {} });
      await store.suppress('gone@example.com', 'bounced', '550 5.1.1 no such user');
    });
    // A link issued before the unsubscribe (a scanner replaying an old email) does nothing.
    const old = await fetch(`${served.origin}/confirm?token=${sealConfirmToken({ email: 'left@example.com', issuedAt: before }, SECRET, week)}`);
    expect(old.status).toBe(409);
    const bounced = await fetch(`${served.origin}/confirm?token=${sealConfirmToken({ email: 'gone@example.com', issuedAt: new Date() }, SECRET, week)}`);
    expect(bounced.status).toBe(409);
    expect(await withStore(root, (store) => Promise.all([store.suppression('left@example.com'), store.suppression('gone@example.com')]))).toEqual(['unsubscribed', 'bounced']);

    await signUp(served, 'left@example.com');
    await signUp(served, 'gone@example.com');
    await notices(served, 2);
    const messages = await server.messages();
    expect(recipients(messages)).toEqual(['left@example.com']);
    const link = /https:\/\/example\.com\/confirm\?token=[A-Za-z0-9_-]+/.exec(messages[0]!.text ?? '')![0];
    expect((await fetch(`${served.origin}/confirm${new URL(link).search}`)).status).toBe(200);
    expect(await withStore(root, (store) => Promise.all([store.suppression('left@example.com'), store.suppression('gone@example.com')]))).toEqual([null, 'bounced']);

    const counts = await gazette(['subscribers', 'list', '--counts', '--json'], root);
    expect(JSON.parse(counts.stdout)).toEqual({ confirmed: 1, pending: 0, unsubscribed: 0, bounced: 1, complained: 0 });
    // Only the operator lifts a bounce.
    expect((await gazette(['subscribers', 'unsuppress', 'GONE@example.com'], root)).stdout).toContain('it was bounced');
    expect(await withStore(root, (store) => store.suppression('gone@example.com'))).toBeNull();
  });
});
