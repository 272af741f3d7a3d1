import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bounceId } from '../src/message/return-path.js';
import { startDovecot, type Dovecot } from './support/dovecot.js';
import { sinksStoppedAfterEach } from './support/smtp-server.js';
import { builtWorkspace, gazette, SECRET, writeList } from './support/smtp-workspace.js';
import { without } from './support/system-programs.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'bounces');
const sink = sinksStoppedAfterEach();

describe.skipIf(without('dovecot'))('gazette bounces --imap, against a real Dovecot', () => {
  let dovecot: Dovecot;
  beforeAll(async () => {
    dovecot = await startDovecot();
  }, 30_000);
  afterAll(async () => {
    await dovecot?.stop();
  });

  async function mailboxCounts(): Promise<Record<string, number>> {
    const client = await dovecot.client();
    try {
      const counts: Record<string, number> = {};
      for (const mailbox of await client.list()) counts[mailbox.path] = (await client.status(mailbox.path, { messages: true })).messages ?? 0;
      return counts;
    } finally {
      await client.logout();
    }
  }

  it('records the messages of a mailbox, moves the recorded ones, leaves a person\'s message, and finds nothing new the second time', async () => {
    const root = await builtWorkspace();
    await writeList(root, ['ann@example.com,Ann', 'bob@example.com,Bob']);
    expect((await gazette(['subscribers', 'import', 'list.csv'], root)).code).toBe(0);
    const server = await sink();
    expect((await gazette(['send', '--store', '--smtp', server.url], root)).code).toBe(0);

    const verp = (email: string) => bounceId(SECRET, '2024-W05', email);
    const client = await dovecot.client();
    try {
      await client.append('INBOX', (await readFile(path.join(FIXTURES, 'exchange-hard.eml'), 'utf8')).replaceAll('dddddddddddddddd', verp('ann@example.com')));
      await client.append('INBOX', (await readFile(path.join(FIXTURES, 'yahoo-hard.eml'), 'utf8')).replaceAll('eeeeeeeeeeeeeeee', verp('bob@example.com')));
      await client.append('INBOX', await readFile(path.join(FIXTURES, 'auto-reply.eml')));
      await client.append('INBOX', 'From: Ann <ann@example.org>\r\nTo: digest@example.com\r\nSubject: Re: Test Weekly #1\r\nMessage-ID: <reply-1@example.org>\r\n\r\nThanks, a good read.\r\n');
    } finally {
      await client.logout();
    }

    const run = await gazette(['bounces', '--imap', dovecot.url, '--move-to', 'Processed', '--json'], root);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ read: 4, counts: { hard: 2, 'auto-reply': 1, unknown: 1 }, suppressed: { bounced: 2 }, handled: 3 });
    expect(summary.mailbox).toBe(`imap://bounces@127.0.0.1:${dovecot.port}/INBOX`);
    expect(run.stdout + run.stderr).not.toContain(dovecot.pass);
    expect(await mailboxCounts()).toEqual({ INBOX: 1, Processed: 3 });

    const list = JSON.parse((await gazette(['subscribers', 'list', '--suppressed', '--json'], root)).stdout);
    expect(list.map((entry: { email: string }) => entry.email).sort()).toEqual(['ann@example.com', 'bob@example.com']);

    const again = await gazette(['bounces', '--imap', dovecot.url, '--move-to', 'Processed', '--json'], root);
    expect(JSON.parse(again.stdout)).toMatchObject({ read: 1, counts: { unknown: 1 }, suppressed: { bounced: 0, complained: 0 }, handled: 0 });
    expect(await mailboxCounts()).toEqual({ INBOX: 1, Processed: 3 });
  }, 60_000);

  it('says in one line that a wrong password was refused, without the password, and exits 1', async () => {
    const root = await builtWorkspace();
    const wrong = `imap://bounces:not-the-password@127.0.0.1:${dovecot.port}`;
    const run = await gazette(['bounces', '--imap', wrong], root);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([`error imap://bounces@127.0.0.1:${dovecot.port}/INBOX refused the user name or password (bounces/imap)`]);
    expect(run.stderr).not.toContain('not-the-password');
  }, 30_000);

  it('refuses a URL that is not imap:// as a usage error', async () => {
    const root = await builtWorkspace();
    const run = await gazette(['bounces', '--imap', 'http://u:secret@example.com'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(bounces/imap-url)');
    expect(run.stderr).not.toContain('secret');
  });
});
