import type { ParsedMail } from 'mailparser';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresForThisSuite } from './support/postgres-suite.js';
import { servesStoppedAfterEach, type Served } from './support/serve.js';
import { sinksStoppedAfterEach } from './support/smtp-server.js';
import { signToken } from '../src/unsubscribe/token.js';
import { builtWorkspace, gazette, SECRET, sendingConfig, writeList } from './support/smtp-workspace.js';
import { without } from './support/system-programs.js';

// Registered in this order so each serve stops (closing its SMTP connection) before its sink does.
const sink = sinksStoppedAfterEach({ saveMessages: true });
const serve = servesStoppedAfterEach();

const JSON_HEADERS = { 'Content-Type': 'application/json' };

async function signUp(served: Served, email: string): Promise<number> {
  return (await fetch(`${served.origin}/subscribe`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ email }) })).status;
}

/** The confirmation outcomes both processes have logged, once there are `count` of them. */
async function confirmNotices(processes: Served[], count: number): Promise<string[]> {
  const all = () => processes.flatMap((served) => served.events.filter((event) => event.event === 'notice' && event.kind === 'confirm'));
  await Promise.race(processes.map((served) => served.event(() => all().length >= count)));
  return all().map((event) => event.outcome as string);
}

/** The confirmation link of a message, pointed at `origin` (another process than the one that sent it). */
function confirmLink(message: ParsedMail, origin: string): string {
  const link = /https:\/\/example\.com\/confirm\?token=[A-Za-z0-9_-]+/.exec(message.text ?? '')?.[0];
  expect(link, message.text).toBeDefined();
  const url = new URL(link!);
  return `${origin}${url.pathname}${url.search}`;
}

/** Two `gazette serve` processes behind one load balancer, as issue #12 runs them: one PostgreSQL store, nothing else shared. */
describe.skipIf(without('postgres'))('two gazette serve processes sharing a PostgreSQL store', () => {
  const postgres = postgresForThisSuite();

  it('confirm on one a sign-up made on the other, and count the limits of both together', async () => {
    const server = await sink();
    const env = { GAZETTE_STORE: await postgres().createDatabase() };
    const root = await builtWorkspace(sendingConfig({ smtp: server.url, subscribe: { max_per_address: 2, max_per_ip: 20 } }));
    const [first, second] = await Promise.all([serve(root, [], env), serve(root, [], env)]);

    expect(await signUp(first, 'ann@example.com')).toBe(200);
    await confirmNotices([first, second], 1);
    const [toAnn] = await server.messages();
    const confirmed = await fetch(confirmLink(toAnn!, second.origin));
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('You are subscribed');
    const listed = await gazette(['subscribers', 'list', '--json'], root, env);
    expect(listed.stderr).toBe('');
    expect((JSON.parse(listed.stdout) as { email: string; status: string; source: string }[]).map(({ email, status, source }) => [email, status, source])).toEqual([
      ['ann@example.com', 'confirmed', 'form'],
    ]);

    // Three sign-ups of one address, spread over both processes: two confirmations a day, not two each.
    for (const served of [first, second, first]) expect(await signUp(served, 'victim@example.com')).toBe(200);
    expect((await confirmNotices([first, second], 4)).sort()).toEqual(['address-limit', 'sent', 'sent', 'sent']);
  });

  it('counts one sign-up limit across both, confirms on one what the other sent, and unsubscribes for both', async () => {
    const server = await sink();
    const root = await builtWorkspace(sendingConfig({ smtp: server.url, subscribe: { max_per_ip: 3 } }));
    const env = { GAZETTE_STORE: await postgres().createDatabase() };
    // One started as the README shows it (--store), one from the environment: the same store.
    const [east, west] = await Promise.all([serve(root, ['--store', env.GAZETTE_STORE], {}), serve(root, [], env)]);
    for (const served of [east, west]) expect(served.events[0]).toMatchObject({ event: 'listening', store: env.GAZETTE_STORE });

    // Five sign-ups from one client, alternating between the machines: the third is its last.
    const answers = [];
    for (const [index, email] of ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com', 'e@example.com'].entries()) {
      answers.push(await signUp(index % 2 === 0 ? east : west, email));
    }
    expect(answers).toEqual([200, 200, 200, 429, 429]);

    // The confirmation emails went out from both; a link sent by one is confirmed by the other.
    await Promise.all([east, west].map((served, index) => served.event(() => served.events.filter((event) => event.event === 'notice').length === (index === 0 ? 2 : 1))));
    const messages = await server.messages();
    expect(messages.map((message) => [message.to].flat()[0]?.value[0]?.address).sort()).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
    const linkTo = (address: string) => /https:\/\/\S+\/confirm\?token=[A-Za-z0-9_-]+/.exec(messages.find((message) => [message.to].flat()[0]?.value[0]?.address === address)!.text ?? '')![0];
    expect((await fetch(`${west.origin}/confirm${new URL(linkTo('a@example.com')).search}`)).status).toBe(200);
    expect((await fetch(`${east.origin}/confirm${new URL(linkTo('b@example.com')).search}`)).status).toBe(200);

    // One-click unsubscribe on one machine; the list, read from either, says so.
    const unsubscribe = await fetch(`${west.origin}/unsubscribe?token=${signToken('a@example.com', SECRET)}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(unsubscribe.status).toBe(200);
    const counts = await gazette(['subscribers', 'list', '--counts', '--json'], root, env);
    expect(JSON.parse(counts.stdout)).toEqual({ confirmed: 1, pending: 1, unsubscribed: 1, bounced: 0, complained: 0 });
  });

  it('imports a list into PostgreSQL from the command line, and tells an unreachable store in one line without its password', async () => {
    const root = await builtWorkspace();
    const url = await postgres().createDatabase();
    const list = await writeList(root, ['ann@example.com,Ann', 'bob@example.com,Bob', 'not-an-address,Nobody']);
    const imported = await gazette(['subscribers', 'import', list, '--store', url, '--json'], root);
    expect(imported.code).toBe(1);
    expect(JSON.parse(imported.stdout)).toMatchObject({ added: 2, updated: 0, problems: [expect.objectContaining({ line: 4 })] });
    expect((await gazette(['subscribers', 'list'], root, { GAZETTE_STORE: url })).stdout).toBe('ann@example.com\tAnn\tconfirmed\nbob@example.com\tBob\tconfirmed\n');
    const missing = await gazette(['subscribers', 'remove', 'nobody@example.com'], root, { GAZETTE_STORE: url });
    expect(missing.stderr).toContain(`nobody@example.com is not in the subscriber store (${url})`);

    const unreachable = await gazette(['subscribers', 'list'], root, { GAZETTE_STORE: `postgres://gazette:hunter2@127.0.0.1:${postgres().port + 1}/nowhere` });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('(store/unreachable)');
    expect(unreachable.stderr).toContain('postgres://gazette:***@127.0.0.1:');
    expect(unreachable.stderr).not.toContain('hunter2');
    expect(unreachable.stderr).not.toMatch(/\n\s+at /);
  });

  it('answers 503 with Retry-After while the store is away, so a one-click unsubscribe is tried again, and stays up', async () => {
    const root = await builtWorkspace();
    const url = await postgres().createDatabase();
    const served = await serve(root, ['--store', url]);
    const oneClick = () => fetch(`${served.origin}/unsubscribe?token=${signToken('ann@example.com', SECRET)}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    const admin = new pg.Client({ connectionString: postgres().url });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    const away = await oneClick();
    expect(away.status).toBe(503);
    expect(away.headers.get('retry-after')).toBe('60');
    await served.event((event) => event.event === 'request' && event.status === 503 && event.outcome === 'store away');
    expect(served.child.exitCode).toBeNull();
    expect((await fetch(`${served.origin}/unsubscribe?token=x`)).status).toBe(400);
  });
});
