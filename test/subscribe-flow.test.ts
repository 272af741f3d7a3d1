import { describe, expect, it } from 'vitest';
import { decodeHTML } from 'entities';
import type { ParsedMail } from 'mailparser';
import { sealConfirmToken } from '../src/subscribe/confirm-token.js';
import { servesStoppedAfterEach } from './support/serve.js';
import { sinksStoppedAfterEach, type SmtpSink } from './support/smtp-server.js';
import { builtWorkspace, gazette, SECRET, sendingConfig } from './support/smtp-workspace.js';

// Registered in this order so each serve stops (closing its SMTP connection) before its sink does.
const sink = sinksStoppedAfterEach({ saveMessages: true });
const serve = servesStoppedAfterEach();

interface Listed {
  email: string;
  status: string;
  source: string;
  suppressed: string | null;
}

async function listed(root: string): Promise<Listed[]> {
  return JSON.parse((await gazette(['subscribers', 'list', '--json'], root)).stdout) as Listed[];
}

async function messagesTo(server: SmtpSink, email: string): Promise<ParsedMail[]> {
  return (await server.messages()).filter((message) => [message.to].flat().some((to) => to?.value.some((address) => address.address === email)));
}

/** The confirmation link in a message's text part, pointed at the running server instead of the public URL. */
function confirmLink(message: ParsedMail, origin: string): string {
  const link = /https:\/\/example\.com\/confirm\?token=[A-Za-z0-9_-]+/.exec(message.text ?? '')?.[0];
  expect(link, message.text).toBeDefined();
  // Handlebars escapes `=` in attributes (`&#x3D;`), which every HTML reader decodes.
  const hrefs = [...String(message.html).matchAll(/href="([^"]+)"/g)].map((match) => decodeHTML(match[1]!));
  expect(hrefs).toContain(link);
  const url = new URL(link!);
  return `${origin}${url.pathname}${url.search}`;
}

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' };

describe('signing up through gazette serve', () => {
  it('sends a confirmation email for a form or JSON sign-up; one GET of its link confirms, idempotently; then a send without --list reaches only the confirmed', async () => {
    const server = await sink();
    const root = await builtWorkspace(sendingConfig({ smtp: server.url, subscribe: { welcome: true } }));
    const served = await serve(root);
    const subscribe = `${served.origin}/subscribe`;

    const form = await fetch(subscribe);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('<label for="email">');
    expect(formHtml).toContain('<html lang="en">');

    const byForm = await fetch(subscribe, { method: 'POST', headers: FORM, body: 'email=ann%40example.com&name=Ann+Lee&website=' });
    expect(byForm.status).toBe(200);
    expect(await byForm.text()).toContain('Check your inbox');
    const byJson = await fetch(subscribe, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'bob@example.com' }) });
    expect(byJson.status).toBe(200);
    expect(await byJson.json()).toMatchObject({ ok: true, message: expect.stringContaining('Check your inbox') });

    await served.event((event) => event.event === 'notice' && event.outcome === 'sent' && served.events.filter((e) => e.event === 'notice' && e.outcome === 'sent').length >= 2);
    expect((await listed(root)).map(({ email, status, source }) => [email, status, source])).toEqual([
      ['ann@example.com', 'pending', 'form'],
      ['bob@example.com', 'pending', 'form'],
    ]);
    const [toAnn] = await messagesTo(server, 'ann@example.com');
    expect(toAnn!.subject).toBe('Confirm your subscription to Test Weekly');
    // The name a sign-up gives is a stranger's text until the address is confirmed: not in the confirmation.
    expect(toAnn!.text).toContain('Hello,');
    expect(toAnn!.text).not.toContain('Ann Lee');
    expect([toAnn!.to].flat().map((to) => to?.text)).toEqual(['ann@example.com']);
    expect(toAnn!.from?.value).toEqual([{ name: 'Test Weekly', address: 'digest@example.com' }]);
    const headerNames = toAnn!.headerLines.map((line) => line.key);
    expect(headerNames).toContain('list-id');
    // A confirmation is not list mail: nothing to unsubscribe from yet.
    expect(headerNames).not.toContain('list-unsubscribe');
    const link = confirmLink(toAnn!, served.origin);
    expect(link).not.toContain('ann');

    const confirmed = await fetch(link);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('You are subscribed');
    const again = await fetch(link);
    expect(again.status).toBe(200);
    expect((await listed(root)).map(({ email, status }) => [email, status])).toEqual([
      ['ann@example.com', 'confirmed'],
      ['bob@example.com', 'pending'],
    ]);

    // The welcome goes once, on the first confirmation only, and it is list mail.
    await served.event((event) => event.event === 'notice' && event.kind === 'welcome');
    const welcomes = (await messagesTo(server, 'ann@example.com')).filter((message) => message.subject === 'Welcome to Test Weekly');
    expect(welcomes).toHaveLength(1);
    expect(welcomes[0]!.text).toContain('Hello Ann Lee,');
    expect(welcomes[0]!.headerLines.map((line) => line.key)).toContain('list-unsubscribe');

    const token = new URL(link).searchParams.get('token')!;
    const tampered = `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
    expect((await fetch(`${served.origin}/confirm?token=${tampered}`)).status).toBe(400);
    expect((await fetch(`${served.origin}/confirm`)).status).toBe(400);
    const expired = sealConfirmToken({ email: 'bob@example.com', issuedAt: new Date(Date.now() - 8 * 86_400_000) }, SECRET, new Date(Date.now() - 86_400_000));
    const expiredAnswer = await fetch(`${served.origin}/confirm?token=${expired}`);
    expect(expiredAnswer.status).toBe(410);
    expect(await expiredAnswer.text()).toContain('expired');
    // Ann's link confirmed Ann; Bob is still waiting for his own.
    expect((await listed(root)).find((subscriber) => subscriber.email === 'bob@example.com')!.status).toBe('pending');

    const sent = await gazette(['send', '--smtp', server.url, '--json'], root);
    expect(sent.stderr).toBe('');
    expect(JSON.parse(sent.stdout)).toMatchObject({ ok: true, source: 'store', sent: 1 });
    const issues = (await server.messages()).filter((message) => message.headerLines.some((line) => line.key === 'list-unsubscribe-post') && !message.subject?.startsWith('Welcome'));
    expect(issues.map((message) => [message.to].flat().map((to) => to?.text).join())).toEqual(['"Ann Lee" <ann@example.com>']);
  });

  it('stops at start, naming the file and line, when the theme\'s confirmation template is broken', async () => {
    const server = await sink();
    const root = await builtWorkspace(sendingConfig({ smtp: server.url }));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${root}/templates/confirm.mjml`, '<mjml>\n  <mj-body>\n    <mj-text>{{#if name}}Hi</mj-text>\n  </mj-body>\n</mjml>\n');
    const broken = await gazette(['serve', '--port', '0'], root);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/templates\/confirm\.mjml:\d+(:\d+)? error .*\(template\/syntax\)/);

    await writeFile(`${root}/templates/confirm.mjml`, '<mjml>\n  <mj-body>\n    <mj-section><mj-column><mj-text>{{confirm_link}}</mj-text></mj-column></mj-section>\n  </mj-body>\n</mjml>\n');
    const unknown = await gazette(['serve', '--port', '0'], root);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/templates\/confirm\.mjml:3:\d+ error unknown template variable "confirm_link" \(known: .*confirm_url.*\) \(template\/unknown-variable\)/);

    await writeFile(`${root}/templates/confirm.mjml`, '<mjml>\n  <mj-body>\n    <mj-section><mj-column><mj-txt>{{confirm_url}}</mj-txt></mj-column></mj-section>\n  </mj-body>\n</mjml>\n');
    const mjml = await gazette(['serve', '--port', '0'], root);
    expect(mjml.code).toBe(1);
    expect(mjml.stderr).toMatch(/templates\/confirm\.mjml:3 error .*mj-txt.*\(mjml\/invalid\)/);
  });

  it('runs the unsubscribe endpoint alone, saying so, when no SMTP server is configured', async () => {
    const root = await builtWorkspace();
    const served = await serve(root, [], { GAZETTE_SMTP_URL: '' });
    expect(served.events[0]).toMatchObject({ event: 'listening', subscribe: null });
    expect((await fetch(`${served.origin}/subscribe`)).status).toBe(404);
  });

  it('warns at start, and keeps the unsubscribe endpoint up, when the SMTP server cannot be reached', async () => {
    const root = await builtWorkspace();
    const served = await serve(root, ['--smtp', 'smtp://user:hunter2secret@127.0.0.1:1']);
    const warning = await served.event((event) => event.event === 'smtp');
    expect(warning).toMatchObject({ ok: false, error: expect.stringContaining('ECONNREFUSED') });
    expect(JSON.stringify(served.events)).not.toContain('hunter2secret');
    expect((await fetch(`${served.origin}/subscribe`)).status).toBe(200);
  });
});
