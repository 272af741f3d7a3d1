import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { bounceId } from '../src/message/return-path.js';
import { postgresForThisSuite } from './support/postgres-suite.js';
import { sinksStoppedAfterEach } from './support/smtp-server.js';
import { builtWorkspace, gazette, SECRET, sendingConfig, writeList } from './support/smtp-workspace.js';
import { without } from './support/system-programs.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'bounces');
/** The original Message-ID the Gmail fixture quotes, replaced by a real one. */
const GMAIL_FIXTURE_MESSAGE_ID = '<2024-W05.4fbc806e-cda5-4ac1-be99-516f7081a2b3@example.com>';

const sink = sinksStoppedAfterEach();

/** `gazette bounces` on a store several machines share: what one machine reads, every sender honours. */
describe.skipIf(without('postgres'))('gazette bounces into a PostgreSQL store', () => {
  const postgres = postgresForThisSuite();

  it('finds the deliveries the senders recorded there, suppresses for everyone, and records a report read twice once', async () => {
    const url = await postgres().createDatabase();
    const root = await builtWorkspace(sendingConfig({ store: url }));
    await writeList(root, ['ann@example.com,Ann', 'bob@example.com,Bob', 'no.such.person@gmail.example.com,Nobody']);
    expect((await gazette(['subscribers', 'import', 'list.csv'], root)).code).toBe(0);
    const first = await sink();
    expect((await gazette(['send', '--store', '--smtp', first.url], root)).code).toBe(0);

    // A VERP bounce for ann, and Gmail's report for the third address quoting the Message-ID the shared ledger recorded.
    const ann = path.join(root, 'ann.eml');
    await writeFile(ann, (await readFile(path.join(FIXTURES, 'postfix-hard.eml'), 'utf8')).replaceAll('aaaaaaaaaaaaaaaa', bounceId(SECRET, '2024-W05', 'ann@example.com')));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ message_id: string }>("SELECT message_id FROM deliveries WHERE issue = '2024-W05' AND email = 'no.such.person@gmail.example.com'");
    await client.end();
    const gmail = path.join(root, 'gmail.eml');
    await writeFile(gmail, (await readFile(path.join(FIXTURES, 'gmail-hard.eml'), 'utf8')).replaceAll(GMAIL_FIXTURE_MESSAGE_ID, rows[0]!.message_id));

    const run = await gazette(['bounces', ann, gmail, '--json'], root);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ read: 2, counts: { hard: 2 }, suppressed: { bounced: 2 } });
    expect(summary.store).toMatch(/^postgres:\/\//);
    const again = JSON.parse((await gazette(['bounces', ann, '--json'], root)).stdout);
    expect(again.messages[0].events[0]).toMatchObject({ email: 'ann@example.com', duplicate: true });

    // The next issue, sent from the shared store, skips both.
    const second = await sink();
    const next = await gazette(['send', '--store', '--issue', '2024-W06', '--smtp', second.url, '--json'], root);
    expect(JSON.parse(next.stdout)).toMatchObject({ sent: 1, suppressed: 2 });
    expect((await second.accepted()).flatMap((line) => line.to)).toEqual(['bob@example.com']);
  }, 120_000);
});
