import { readFile, writeFile } from 'node:fs/promises';
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bounceId } from '../src/message/return-path.js';
import { sinksStoppedAfterEach } from './support/smtp-server.js';
import { builtWorkspace, gazette, SECRET, writeList } from './support/smtp-workspace.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'bounces');
/** The original Message-ID the Gmail fixture quotes, replaced by a real one. */
const GMAIL_FIXTURE_MESSAGE_ID = '<2024-W05.4fbc806e-cda5-4ac1-be99-516f7081a2b3@example.com>';

/** The Message-ID the send ledger recorded for the copy sent to `email` in issue 2024-W05. */
function sentMessageId(root: string, email: string): string {
  const db = new Database(path.join(root, '.gazette', 'state.db'), { readonly: true });
  try {
    return (db.prepare("SELECT message_id FROM deliveries WHERE issue = '2024-W05' AND email = ?").get(email) as { message_id: string }).message_id;
  } finally {
    db.close();
  }
}
const sink = sinksStoppedAfterEach();

/** A fixture re-addressed to a real delivery: its VERP id and the address it names. */
async function bounceFor(root: string, fixture: string, placeholderId: string, email: string, name: string): Promise<string> {
  const text = (await readFile(path.join(FIXTURES, fixture), 'utf8')).replaceAll(placeholderId, bounceId(SECRET, '2024-W05', email));
  const file = path.join(root, name);
  await writeFile(file, text);
  return file;
}

describe('gazette bounces FILE…', () => {
  it('records bounces and complaints from .eml files and an mbox, and the next send skips the suppressed addresses', async () => {
    const root = await builtWorkspace();
    await writeList(root, ['ann@example.com,Ann', 'bob@example.com,Bob', 'cy@example.com,Cy', 'dee@example.com,Dee', 'no.such.person@gmail.example.com,Nobody']);
    expect((await gazette(['subscribers', 'import', 'list.csv'], root)).code).toBe(0);
    const first = await sink();
    expect((await gazette(['send', '--store', '--smtp', first.url], root)).code).toBe(0);
    expect((await first.accepted()).length).toBe(5);

    const ann = await bounceFor(root, 'postfix-hard.eml', 'aaaaaaaaaaaaaaaa', 'ann@example.com', 'ann.eml');
    const bob = await bounceFor(root, 'postfix-soft.eml', 'bbbbbbbbbbbbbbbb', 'bob@example.com', 'bob.eml');
    const cy = await bounceFor(root, 'arf-complaint.eml', 'ffffffffffffffff', 'cy@example.com', 'cy.eml');
    const mbox = path.join(root, 'returns.mbox');
    const several = (await readFile(path.join(FIXTURES, 'several.mbox'), 'utf8')).replaceAll('cccccccccccccccc', bounceId(SECRET, '2024-W05', 'dee@example.com'));
    // The Postfix report in the mbox names an id this store never sent: reported, not acted on.
    await writeFile(mbox, several);

    // Gmail's report has no VERP id: it counts because it quotes the Message-ID of the very copy sent to that address.
    const gmail = path.join(root, 'gmail.eml');
    await writeFile(gmail, (await readFile(path.join(FIXTURES, 'gmail-hard.eml'), 'utf8')).replaceAll(GMAIL_FIXTURE_MESSAGE_ID, sentMessageId(root, 'no.such.person@gmail.example.com')));

    const run = await gazette(['bounces', ann, bob, cy, gmail, mbox, '--json'], root);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ read: 7, counts: { hard: 4, soft: 1, complaint: 1, 'auto-reply': 1, failed: 0 }, suppressed: { bounced: 3, complained: 1 } });
    expect(summary.messages.map((message: { outcome: string }) => message.outcome)).toEqual(['recorded', 'recorded', 'recorded', 'recorded', 'unknown-delivery', 'recorded', 'ignored']);
    expect(run.stderr).toContain('returns.mbox warning message 1: it came back to the return path of delivery aaaaaaaaaaaaaaaa');
    expect(run.stderr).toContain('(bounces/unknown-delivery)');

    const list = await gazette(['subscribers', 'list', '--suppressed', '--json'], root);
    const suppressed = Object.fromEntries(JSON.parse(list.stdout).map((entry: { email: string; reason: string }) => [entry.email, entry.reason]));
    expect(suppressed).toEqual({ 'ann@example.com': 'bounced', 'cy@example.com': 'complained', 'dee@example.com': 'bounced', 'no.such.person@gmail.example.com': 'bounced' });

    // Read again: nothing new, and the soft bounce is still counted once.
    const again = JSON.parse((await gazette(['bounces', ann, bob, '--json'], root)).stdout);
    expect(again.messages.flatMap((message: { events: { duplicate: boolean }[] }) => message.events.map((event) => event.duplicate))).toEqual([true, true]);

    const second = await sink();
    const next = await gazette(['send', '--store', '--issue', '2024-W06', '--smtp', second.url, '--json'], root);
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout)).toMatchObject({ sent: 1, suppressed: 4 });
    expect((await second.accepted()).flatMap((line) => line.to)).toEqual(['bob@example.com']);
  });

  it('does not act on a report without VERP that quotes a Message-ID this store never sent', async () => {
    const root = await builtWorkspace();
    await writeList(root, ['no.such.person@gmail.example.com,Nobody']);
    expect((await gazette(['subscribers', 'import', 'list.csv'], root)).code).toBe(0);
    const server = await sink();
    expect((await gazette(['send', '--store', '--smtp', server.url], root)).code).toBe(0);
    // The fixture as it is quotes a made-up Message-ID: a forgery naming a real subscriber.
    const run = await gazette(['bounces', path.join(FIXTURES, 'gmail-hard.eml'), '--json'], root);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).messages[0].outcome).toBe('unknown-delivery');
    expect(run.stderr).toContain('(bounces/unknown-delivery)');
    expect((await gazette(['subscribers', 'list', '--suppressed', '--json'], root)).stdout.trim()).toBe('[]');
  });

  it('reports an unreadable file and a file that is no email by name, reads the rest, and exits 1', async () => {
    const root = await builtWorkspace();
    await writeFile(path.join(root, 'notes.txt'), 'just some notes\nnothing like an email\n');
    const run = await gazette(['bounces', 'missing.eml', 'notes.txt', path.join(FIXTURES, 'auto-reply.eml')], root);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^missing\.eml error cannot read the file: .*\(bounces\/unreadable\)$/),
      expect.stringMatching(/^notes\.txt error not an email message: .*\(bounces\/not-email\)$/),
    ]);
    expect(run.stdout).toContain('Read 2 messages: 0 hard, 0 soft, 0 complaints, 1 automatic reply (ignored), 0 not understood, 1 not an email; 1 file could not be opened');
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('asks for files or a mailbox, and refuses both at once', async () => {
    const root = await builtWorkspace();
    expect(await gazette(['bounces'], root)).toMatchObject({ code: 2 });
    const both = await gazette(['bounces', 'a.eml', '--imap', 'imap://u:p@127.0.0.1:1'], root);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('cli/bounces-source');
    const help = await gazette(['bounces', '--help'], root);
    expect(help.stdout).toContain('--move-to <name>');
  });
});
