import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteSendLedger } from '../src/send/sqlite-send-ledger.js';
import { openStateDb } from '../src/store/state-db.js';
import { sinksStoppedAfterEach } from './support/smtp-server.js';
import { builtWorkspace, gazette, sendingConfig, writeList } from './support/smtp-workspace.js';

const sink = sinksStoppedAfterEach();

/** Campaigns and ledger rows the workspace's state database holds. */
function ledgerRows(root: string): { campaigns: number; deliveries: number } {
  const db = openStateDb(path.join(root, '.gazette', 'state.db'));
  try {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { campaigns: count('campaigns'), deliveries: count('deliveries') };
  } finally {
    db.close();
  }
}

/** A stack trace frame, as Node prints them. */
const STACK_FRAME = /^\s+at /m;

describe('gazette send refuses what it cannot send correctly', () => {
  it('refuses a From that is not an address before any message or ledger row, naming the config file, line and field', async () => {
    const root = await builtWorkspace();
    // The issue was built with a good config; the From is broken afterwards, as an edit would.
    await writeFile(path.join(root, 'gazette.config.json'), JSON.stringify(sendingConfig({ from: 'The Weekly Gazette' })));
    await writeList(root, ['ann@example.com', 'bob@example.com', 'cy@example.com', 'di@example.com']);
    const server = await sink();

    const send = await gazette(['send', '--list', 'list.csv', '--smtp', server.url], root);
    expect(send.code).toBe(1);
    expect(send.stderr).toMatch(/^gazette\.config\.json:1:\d+ error from: .*address.*\(config\/invalid\)$/m);
    const test = await gazette(['send', '--test', 'editor@example.com', '--smtp', server.url], root);
    expect(test.code).toBe(1);
    expect(test.stderr).toContain('(config/invalid)');
    expect(await server.accepted()).toEqual([]);
    expect(ledgerRows(root)).toEqual({ campaigns: 0, deliveries: 0 });
  });

  it.each([
    ['the --smtp flag', ['--smtp', 'smtp://user:p%ZZss@127.0.0.1:2525'], {}, null, /^error --smtp: the password has a "%" escape/m, 'smtp/url', 2],
    ['GAZETTE_SMTP_URL', [], { GAZETTE_SMTP_URL: 'smtp://user:p%ZZss@127.0.0.1:2525' }, null, /^error GAZETTE_SMTP_URL: the password has a "%" escape/m, 'smtp/url', 2],
    ['the config field smtp', [], {}, 'smtp://user:p%ZZss@127.0.0.1:2525', /^gazette\.config\.json error smtp: the password has a "%" escape/m, 'config/smtp-url', 1],
  ])('reports a bad percent-escape in %s, without the password or a stack', async (_source, flags, env, configured, message, rule, exitCode) => {
    const root = await builtWorkspace(sendingConfig(configured ? { smtp: configured } : {}));
    await writeList(root, ['ann@example.com']);
    const { code, stdout, stderr } = await gazette(['send', '--list', 'list.csv', ...flags], root, env);
    expect(stderr).toMatch(message);
    expect(stderr).toContain(`(${rule})`);
    expect(code).toBe(exitCode);
    for (const output of [stdout, stderr]) {
      expect(output).not.toContain('ZZss');
      expect(output).not.toMatch(STACK_FRAME);
      expect(output).not.toContain('URIError');
    }
  });

  it('refuses an issue folder copied under another name, and an issue name that is not one, sending nothing', async () => {
    const root = await builtWorkspace();
    await cp(path.join(root, 'out', '2024-W05'), path.join(root, 'out', '2099-W01'), { recursive: true });
    await writeList(root, ['ann@example.com']);
    const server = await sink();
    const copied = await gazette(['send', '--list', 'list.csv', '--smtp', server.url], root);
    expect(copied.code).toBe(1);
    expect(copied.stderr).toMatch(/this folder holds issue 2024-W05, not 2099-W01.*\(send\/bad-issue\)/);
    const escaping = await gazette(['send', '--issue', '../out/2024-W05', '--list', 'list.csv', '--smtp', server.url], root);
    expect(escaping.code).toBe(1);
    expect(escaping.stderr).toContain('is not an issue name');
    expect(await server.accepted()).toEqual([]);
    expect(ledgerRows(root)).toEqual({ campaigns: 0, deliveries: 0 });
  });

  it('reports a state database another process keeps locked as one line naming the file, not a crash', async () => {
    const root = await builtWorkspace();
    await writeList(root, ['ann@example.com']);
    const server = await sink();
    const holder = openStateDb(path.join(root, '.gazette', 'state.db'));
    holder.prepare('BEGIN IMMEDIATE').run();
    try {
      const send = await gazette(['send', '--list', 'list.csv', '--smtp', server.url], root);
      expect(send.code).toBe(1);
      expect(send.stderr).toMatch(/^\.gazette\/state\.db error the state database stayed locked by another Gazette process.*\(store\/busy\)$/m);
      expect(send.stderr).not.toMatch(/SqliteError|\n\s+at /);
    } finally {
      holder.prepare('ROLLBACK').run();
      holder.close();
    }
    expect(await server.accepted()).toEqual([]);
  }, 20_000);

  it('sends nothing to a list with only its header, records nothing, and leaves the issue free for the real list', async () => {
    const root = await builtWorkspace();
    await writeFile(path.join(root, 'header-only.csv'), 'email,name\n');
    await writeList(root, ['ann@example.com,Ann', 'bob@example.com,Bob', 'cy@example.com,Cy']);
    const server = await sink();

    const empty = await gazette(['send', '--list', 'header-only.csv', '--smtp', server.url], root);
    expect(empty.stderr).toMatch(/^header-only\.csv error 0 recipients in the list header-only\.csv: nothing was sent and nothing recorded.*\(send\/no-recipients\)$/m);
    expect(empty.code).toBe(1);
    expect(ledgerRows(root)).toEqual({ campaigns: 0, deliveries: 0 });

    const real = await gazette(['send', '--list', 'list.csv', '--smtp', server.url], root);
    expect(real.stdout).toContain('3 sent, 0 failed');
    expect(real.code).toBe(0);
    expect([...(await server.copiesByAddress()).keys()].sort()).toEqual(['ann@example.com', 'bob@example.com', 'cy@example.com']);
  });

  it('forgets an empty send an earlier version recorded, instead of calling the issue already sent', async () => {
    const root = await builtWorkspace();
    const db = openStateDb(path.join(root, '.gazette', 'state.db'));
    const ledger = new SqliteSendLedger(db);
    await ledger.begin('2024-W05', 'header-only.csv');
    await ledger.finish('2024-W05');
    db.close();
    await writeList(root, ['ann@example.com']);
    const server = await sink();

    const { code, stdout, stderr } = await gazette(['send', '--list', 'list.csv', '--smtp', server.url], root);
    expect(stderr).not.toContain('send/already-started');
    expect(stdout).toContain('1 sent, 0 failed');
    expect(code).toBe(0);
  });

  it('sends to a list saved with a byte order mark and CRLF line endings, addresses and names intact', async () => {
    const root = await builtWorkspace();
    const rows = 'Email,Name\r\nann@example.com,Ann Lee\r\nbob@example.com,Bob Ode\r\n';
    await writeFile(path.join(root, 'spreadsheet.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows)]));
    const server = await sink({ saveMessages: true });

    const { code, stdout, stderr } = await gazette(['send', '--list', 'spreadsheet.csv', '--smtp', server.url], root);
    expect(stderr).not.toContain('warning');
    expect(stdout).toContain('2 sent, 0 failed');
    expect(code).toBe(0);
    const recipients = (await server.messages()).map((message) => (Array.isArray(message.to) ? message.to[0] : message.to)?.value[0]);
    expect(recipients).toEqual([
      { address: 'ann@example.com', name: 'Ann Lee' },
      { address: 'bob@example.com', name: 'Bob Ode' },
    ]);
  });
});
