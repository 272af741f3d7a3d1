import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type Postgres } from './support/postgres.js';
import { servesStoppedAfterEach, type Served } from './support/serve.js';
import { sinksStoppedAfterEach } from './support/smtp-server.js';
import { builtWorkspace, gazette, sendingConfig } from './support/smtp-workspace.js';
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
  let postgres: Postgres | undefined;
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await postgres?.stop();
  });

  it('confirm on one a sign-up made on the other, and count the limits of both together', async () => {
    const server = await sink();
    const env = { GAZETTE_STORE: await postgres!.createDatabase() };
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
});
