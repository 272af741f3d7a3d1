import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SendLedger } from '../src/send/ledger.js';
import { openStateDb, type StateDb } from '../src/store/state-db.js';
import type { Recipient } from '../src/types.js';

const recipient = (email: string): Recipient => ({ email, name: null, fields: { email, name: '' } });

describe('the send ledger', () => {
  let db: StateDb | null = null;
  afterEach(() => db?.close());

  async function ledger(): Promise<{ ledger: SendLedger; file: string }> {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'gazette-ledger-')), 'state.db');
    db = openStateDb(file);
    return { ledger: new SendLedger(db), file };
  }

  it('plans each address once, in list order, however often the list is planned again', async () => {
    const { ledger: sends } = await ledger();
    sends.begin('2024-W05', 'list.csv');
    expect(sends.plan('2024-W05', [recipient('a@example.com'), recipient('b@example.com')])).toBe(2);
    expect(sends.plan('2024-W05', [recipient('B@example.com'), recipient('c@example.com')])).toBe(1);
    expect([...sends.pending('2024-W05')].map((row) => [row.position, row.recipient.email])).toEqual([
      [1, 'a@example.com'],
      [2, 'b@example.com'],
      [3, 'c@example.com'],
    ]);
  });

  it('survives reopening: sent rows stay sent, in-flight rows are reported, only pending ones are queued', async () => {
    const { ledger: sends, file } = await ledger();
    sends.begin('2024-W05', 'list.csv');
    sends.plan('2024-W05', ['a', 'b', 'c', 'd'].map((name) => recipient(`${name}@example.com`)));
    sends.markSending('2024-W05', 1, '<1@example.com>');
    sends.markSent('2024-W05', 1, '250 ok');
    sends.markSending('2024-W05', 2, '<2@example.com>');
    sends.markSending('2024-W05', 3, '<3@example.com>');
    sends.markFailed('2024-W05', 3, '550 no such user');
    db!.close();

    db = openStateDb(file);
    const reopened = new SendLedger(db);
    expect(reopened.counts('2024-W05')).toEqual({ pending: 1, sending: 1, sent: 1, failed: 1 });
    expect(reopened.inFlight('2024-W05')).toEqual([expect.objectContaining({ email: 'b@example.com', messageId: '<2@example.com>', attempts: 1 })]);
    expect([...reopened.pending('2024-W05')].map((row) => row.recipient.email)).toEqual(['d@example.com']);
    expect(reopened.requeueInFlight('2024-W05')).toBe(1);
    const queued = [...reopened.pending('2024-W05')];
    expect(queued.map((row) => [row.recipient.email, row.messageId])).toEqual([
      ['b@example.com', '<2@example.com>'],
      ['d@example.com', null],
    ]);
    expect(reopened.entries('2024-W05', 'failed')[0]).toMatchObject({ reply: '550 no such user' });
  });

  it('walks a long queue a page at a time without revisiting rows put back during the walk', async () => {
    const { ledger: sends } = await ledger();
    sends.begin('2024-W05', 'store');
    sends.plan('2024-W05', Array.from({ length: 1200 }, (_, i) => recipient(`r${i}@example.com`)));
    let walked = 0;
    for (const row of sends.pending('2024-W05')) {
      sends.markSending('2024-W05', row.position, `<${row.position}@example.com>`);
      sends.markDeferred('2024-W05', row.position, '451 later');
      walked++;
    }
    expect(walked).toBe(1200);
    expect(sends.counts('2024-W05').pending).toBe(1200);
  });

  it('forgets a send that was planned but never started, and only such a send', async () => {
    const { ledger: sends } = await ledger();
    sends.begin('2024-W05', 'list.csv');
    sends.plan('2024-W05', [recipient('a@example.com')]);
    expect(sends.discardUnstarted('2024-W05')).toBe(true);
    expect(sends.campaign('2024-W05')).toBeNull();
    sends.begin('2024-W05', 'list.csv');
    sends.plan('2024-W05', [recipient('a@example.com')]);
    sends.markSending('2024-W05', 1, '<1@example.com>');
    expect(sends.discardUnstarted('2024-W05')).toBe(false);
    expect(sends.campaign('2024-W05')).not.toBeNull();
  });
});
