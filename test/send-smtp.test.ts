import { generateKeyPairSync } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dkimVerify } from 'mailauth';
import { describe, expect, it } from 'vitest';
import { GazetteError } from '../src/diagnostics/diagnostic.js';
import { SqliteSendLedger } from '../src/send/sqlite-send-ledger.js';
import { sendIssue } from '../src/send/send-issue.js';
import { sendTestCopy } from '../src/send/test-copy.js';
import { openStateDb } from '../src/store/state-db.js';
import { SqliteSubscriberStore } from '../src/subscribers/sqlite-subscriber-store.js';
import { verifyToken } from '../src/unsubscribe/token.js';
import { sinksStoppedAfterEach } from './support/smtp-server.js';
import { builtWorkspace, SECRET, sendingConfig, writeList } from './support/smtp-workspace.js';

const sink = sinksStoppedAfterEach({ saveMessages: true });

/** The ledger of a workspace, read from its state database file. */
function ledgerOf(root: string) {
  const db = openStateDb(path.join(root, '.gazette', 'state.db'));
  return { ledger: new SqliteSendLedger(db), store: new SqliteSubscriberStore(db), close: () => db.close() };
}

async function refusal(promise: Promise<unknown>): Promise<GazetteError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(GazetteError);
  return error as GazetteError;
}

const addresses = (count: number, prefix = 't') => Array.from({ length: count }, (_, i) => `${prefix}${i}@example.com`);

describe('gazette send, against a real SMTP server', () => {
  it('delivers one personalized copy per subscriber: list headers on one line, both parts, a unique Message-ID, a DKIM signature', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const root = await builtWorkspace(sendingConfig({ dkim: { domain: 'example.com', selector: 'test', key_file: 'dkim.pem' } }));
    await writeFile(path.join(root, 'dkim.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const list = await writeList(root, ['ann@example.com,"Lee, Ann"', 'bob@example.com,Bob Stone']);
    const server = await sink();

    const summary = await sendIssue({ root, list, smtp: server.url });
    expect(summary).toMatchObject({ issue: '2024-W05', sent: 2, failed: 0, deferred: 0, destination: `smtp://127.0.0.1:${server.port}` });

    const messages = await server.messages();
    expect(messages.map((message) => message.to && 'value' in message.to && message.to.value[0]?.address).sort()).toEqual(['ann@example.com', 'bob@example.com']);
    const ann = messages.find((message) => message.text?.includes('ann@example.com'))!;
    expect(ann.subject).toBe('Test Weekly #1');
    expect(ann.text).toContain('Hello Lee, Ann');
    expect(ann.html).toContain('Hello Lee, Ann');
    expect(ann.html).not.toContain('bob@example.com');
    expect(new Set(messages.map((message) => message.messageId)).size).toBe(2);

    const lines = Object.fromEntries(ann.headerLines.map((header) => [header.key, header.line]));
    expect(lines['list-unsubscribe']).not.toMatch(/\r?\n/);
    const [, link, mailto] = /^List-Unsubscribe: <([^>]+)>, <([^>]+)>$/i.exec(lines['list-unsubscribe'] ?? '') ?? [];
    expect(mailto).toBe('mailto:leave@example.com?subject=unsubscribe');
    const token = new URL(link!).searchParams.get('token')!;
    expect(link).toMatch(/^https:\/\/example\.com\/unsubscribe\?token=/);
    expect(verifyToken(token, SECRET)).toBe('ann@example.com');
    expect(ann.html).toContain(link!.replace(/&/g, '&amp;'));
    expect(lines['list-unsubscribe-post']).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/i);
    expect(lines['list-id']).toMatch(/^List-Id: Test Weekly <weekly\.example\.com>$/i);

    const raw = await readFile((await server.accepted())[0]!.file!);
    const publicDer = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const verified = await dkimVerify(raw, {
      resolver: async (name: string) => {
        if (name !== 'test._domainkey.example.com') throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
        return [[`v=DKIM1; k=rsa; p=${publicDer}`]];
      },
    });
    expect(verified.results[0]?.status.result).toBe('pass');
    expect(verified.results[0]?.signingDomain).toBe('example.com');

    const state = ledgerOf(root);
    expect(await state.ledger.counts('2024-W05')).toEqual({ pending: 0, sending: 0, sent: 2, failed: 0 });
    expect((await state.ledger.entries('2024-W05')).every((entry) => entry.reply?.startsWith('250'))).toBe(true);
    state.close();
  });

  it('delivers to everyone exactly once through 451s, 421s and dropped connections, after retries', async () => {
    const root = await builtWorkspace();
    const everyone = addresses(60);
    const list = await writeList(root, everyone);
    const server = await sink({
      faults: [
        { match: '^t\\d*[05]@', action: '451', attempts: 2 },
        { match: '^t\\d*[27]@', action: '421' },
        { match: '^t\\d*[38]@', action: 'drop' },
      ],
    });

    const summary = await sendIssue({ root, list, smtp: server.url, concurrency: 4 });
    expect(summary).toMatchObject({ sent: 60, failed: 0, deferred: 0, stopped: null });
    const copies = await server.copiesByAddress();
    expect([...copies.keys()].sort()).toEqual([...everyone].sort());
    expect([...copies.values()].every((count) => count === 1)).toBe(true);

    const state = ledgerOf(root);
    const entries = await state.ledger.entries('2024-W05');
    expect(entries.find((entry) => entry.email === 't5@example.com')?.attempts).toBe(3);
    expect(entries.find((entry) => entry.email === 't8@example.com')?.attempts).toBe(2);
    expect(entries.find((entry) => entry.email === 't1@example.com')?.attempts).toBe(1);
    state.close();
  });

  it('never lets the server accept more than --rate messages in any one second, across connections', async () => {
    const root = await builtWorkspace();
    const list = await writeList(root, addresses(14));
    const server = await sink();
    expect(await sendIssue({ root, list, smtp: server.url, rate: 5, concurrency: 5 })).toMatchObject({ sent: 14 });
    const times = (await server.accepted()).map((line) => line.acceptedAt).sort((a, b) => a - b);
    const busiest = Math.max(...times.map((start) => times.filter((time) => time >= start && time < start + 1000).length));
    expect(times).toHaveLength(14);
    expect(busiest).toBeLessThanOrEqual(5);
  });

  it('records a 5xx as a permanent failure with the reply, suppresses the address, and delivers the rest', async () => {
    const root = await builtWorkspace();
    const list = await writeList(root, addresses(12));
    const server = await sink({ faults: [{ match: '^t(3|7)@', action: '550' }] });

    const summary = await sendIssue({ root, list, smtp: server.url });
    expect(summary).toMatchObject({ sent: 10, failed: 2 });
    expect(summary.failures.map((failure) => failure.email).sort()).toEqual(['t3@example.com', 't7@example.com']);
    expect(summary.failures[0]!.reply).toMatch(/^550 5\.1\.1 No such user here/);
    expect((await server.copiesByAddress()).size).toBe(10);

    const state = ledgerOf(root);
    expect((await state.ledger.entries('2024-W05', 'failed')).map((entry) => [entry.email, entry.attempts])).toEqual([
      ['t3@example.com', 1],
      ['t7@example.com', 1],
    ]);
    expect(await state.store.suppression('t3@example.com')).toBe('bounced');
    state.close();
  });

  it('refuses a wrong SMTP password clearly, without printing it or marking anything', async () => {
    const root = await builtWorkspace();
    const list = await writeList(root, addresses(3));
    const server = await sink({ auth: { user: 'gazette', pass: 'right-password' } });
    const wrong = `smtp://gazette:wrong-password-123@127.0.0.1:${server.port}`;

    const error = await refusal(sendIssue({ root, list, smtp: wrong }));
    expect(error.diagnostics[0]).toMatchObject({ rule: 'smtp/auth' });
    expect(error.message).toContain('535');
    expect(error.message).not.toContain('wrong-password-123');
    const state = ledgerOf(root);
    expect(await state.ledger.campaign('2024-W05')).toBeNull();
    state.close();
    expect(await server.accepted()).toEqual([]);

    // Nothing was started, so the corrected command needs no --resume.
    expect(await sendIssue({ root, list, smtp: server.url })).toMatchObject({ sent: 3 });
  });

  it('skips invalid and duplicate rows with their line numbers, and sends to the rest', async () => {
    const root = await builtWorkspace();
    const list = await writeList(root, ['ann@example.com,Ann', 'not an address,X', 'ANN@EXAMPLE.COM,Ann again', 'bob@example', 'cy@example.com,Cy']);
    const server = await sink();
    const summary = await sendIssue({ root, list, smtp: server.url });
    expect(summary.sent).toBe(2);
    expect(summary.listProblems.map((problem) => [problem.line, problem.rule])).toEqual([
      [3, 'subscribers/invalid-address'],
      [4, 'subscribers/duplicate'],
      [5, 'subscribers/invalid-address'],
    ]);
    expect([...(await server.copiesByAddress()).keys()].sort()).toEqual(['ann@example.com', 'cy@example.com']);
  });

  it('fails clearly, creating no ledger, on an unreadable list, a list that is not CSV, or an issue that was not built', async () => {
    const root = await builtWorkspace();
    const server = await sink();
    expect((await refusal(sendIssue({ root, list: 'missing.csv', smtp: server.url }))).diagnostics[0]).toMatchObject({ rule: 'subscribers/unreadable' });
    const broken = await writeList(root, ['ann@example.com,Ann', '"bob@example.com,Bob'], 'email,name', 'broken.csv');
    expect((await refusal(sendIssue({ root, list: broken, smtp: server.url }))).diagnostics[0]).toMatchObject({ rule: 'subscribers/csv' });
    const list = await writeList(root, ['ann@example.com']);
    const missing = await refusal(sendIssue({ root, list, smtp: server.url, issue: '2023-W01' }));
    expect(missing.diagnostics[0]).toMatchObject({ rule: 'send/no-issue' });
    expect(missing.message).toContain('gazette build');
    const state = ledgerOf(root);
    expect(await state.ledger.campaign('2024-W05')).toBeNull();
    state.close();
    expect(await server.accepted()).toEqual([]);
  });

  it('refuses to send an issue twice, and --resume sends only to addresses not yet sent to', async () => {
    const root = await builtWorkspace();
    const server = await sink();
    const first = await writeList(root, ['ann@example.com', 'bob@example.com']);
    await sendIssue({ root, list: first, smtp: server.url });
    const again = await refusal(sendIssue({ root, list: first, smtp: server.url }));
    expect(again.diagnostics[0]).toMatchObject({ rule: 'send/already-started' });
    expect(again.message).not.toContain('--');
    expect(again.message).toContain('2 sent');

    const grown = await writeList(root, ['ann@example.com', 'bob@example.com', 'cy@example.com']);
    const resumed = await sendIssue({ root, list: grown, smtp: server.url, resume: true });
    expect(resumed).toMatchObject({ resumed: true, queued: 1, sent: 1, alreadySent: 2 });
    expect([...(await server.copiesByAddress()).values()]).toEqual([1, 1, 1]);
  });

  it('skips addresses on the suppression list, whatever list it is given', async () => {
    const root = await builtWorkspace();
    const state = ledgerOf(root);
    await state.store.suppress('Bob@Example.com', 'unsubscribed');
    state.close();
    const list = await writeList(root, ['ann@example.com', 'bob@example.com']);
    const server = await sink();
    expect(await sendIssue({ root, list, smtp: server.url })).toMatchObject({ sent: 1, suppressed: 1 });
    expect([...(await server.copiesByAddress()).keys()]).toEqual(['ann@example.com']);
  });

  it('sends to the subscriber store', async () => {
    const root = await builtWorkspace();
    const state = ledgerOf(root);
    await state.store.save({ email: 'ann@example.com', name: 'Ann', fields: { email: 'ann@example.com', name: 'Ann' } });
    await state.store.save({ email: 'bob@example.com', name: 'Bob', fields: { email: 'bob@example.com', name: 'Bob' } });
    await state.store.suppress('bob@example.com', 'bounced');
    state.close();
    const server = await sink();
    expect(await sendIssue({ root, store: true, smtp: server.url })).toMatchObject({ sent: 1, suppressed: 1, source: 'store' });
  });

  it('writes .eml files for --dry-run and records nothing', async () => {
    const root = await builtWorkspace();
    const list = await writeList(root, ['ann@example.com,Ann', 'bob@example.com,Bob']);
    const summary = await sendIssue({ root, list, dryRun: 'preview-out' });
    expect(summary).toMatchObject({ dryRun: true, sent: 2 });
    const files = (await readdir(path.join(root, 'preview-out'))).sort();
    expect(files).toEqual(['ann@example.com.eml', 'bob@example.com.eml']);
    expect(await readFile(path.join(root, 'preview-out', files[0]!), 'utf8')).toMatch(/^List-Unsubscribe: <https:\/\/example\.com\/unsubscribe\?token=[^>]+>, <mailto:/m);
    const state = ledgerOf(root);
    expect(await state.ledger.campaign('2024-W05')).toBeNull();
    state.close();
  });

  it('sends one test copy marked as a test, outside the ledger', async () => {
    const root = await builtWorkspace();
    const server = await sink();
    const result = await sendTestCopy({ root, smtp: server.url, to: 'editor@example.com' });
    expect(result.reply).toMatch(/^250/);
    const [message] = await server.messages();
    expect(message?.subject).toBe('[TEST] Test Weekly #1');
    expect(await server.accepted()).toHaveLength(1);
    const state = ledgerOf(root);
    expect(await state.ledger.campaign('2024-W05')).toBeNull();
    state.close();
  });
});
