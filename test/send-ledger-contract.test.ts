import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { PlannedDelivery } from '../src/send/ledger.js';
import { openSendStore } from '../src/send/open-send-store.js';
import type { SendStore } from '../src/send/send-store.js';
import type { StoreLocation } from '../src/store/store-location.js';
import type { Recipient } from '../src/types.js';
import { STORE_BACKENDS, stopStoreBackends, type OpenedBackend } from './support/store-backends.js';

const ISSUE = '2024-W05';
const recipient = (email: string): Recipient => ({ email, name: null, fields: { email, name: '' } });

async function walk(rows: AsyncIterable<PlannedDelivery>): Promise<PlannedDelivery[]> {
  const walked: PlannedDelivery[] = [];
  for await (const row of rows) walked.push(row);
  return walked;
}

afterAll(stopStoreBackends);

/** What every send ledger promises (src/send/ledger.ts) to the one sender of an issue, proved on each backend alike. */
describe.each(STORE_BACKENDS)('the send ledger on $name', (backend) => {
  let opened: OpenedBackend | null = null;
  const sendStores: SendStore[] = [];
  afterEach(async () => {
    for (const store of sendStores.splice(0)) await store.close();
    await opened?.close();
    opened = null;
  });

  async function sender(location?: StoreLocation): Promise<SendStore> {
    opened ??= await backend.open(() => new Date('2024-02-01T00:00:00Z'));
    const store = await openSendStore(location ?? opened.store.location, { issue: ISSUE, dryRun: false, now: () => new Date(), bounceIdOf: null });
    sendStores.push(store);
    return store;
  }

  it('plans each address once, in list order, however often the list is planned again', async () => {
    const { ledger } = await sender();
    await ledger.begin(ISSUE, 'list.csv', null);
    expect(await ledger.plan(ISSUE, [recipient('a@example.com'), recipient('b@example.com')])).toBe(2);
    expect(await ledger.plan(ISSUE, [recipient('B@example.com'), recipient('c@example.com')])).toBe(1);
    expect((await walk(ledger.pending(ISSUE))).map((row) => row.recipient.email)).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
  });

  it('survives reopening: sent rows stay sent, in-flight rows are reported, only pending ones are queued', async () => {
    const first = await sender();
    const { ledger } = first;
    const holder = first.lease!.holder;
    await ledger.begin(ISSUE, 'list.csv', null);
    await ledger.plan(ISSUE, ['a', 'b', 'c', 'd'].map((name) => recipient(`${name}@example.com`)));
    const rows = await walk(ledger.pending(ISSUE));
    const position = (email: string) => rows.find((row) => row.recipient.email === email)!.position;
    expect(await ledger.markSending(ISSUE, position('a@example.com'), '<1@example.com>', holder)).toBe(true);
    await ledger.markSent(ISSUE, position('a@example.com'), '250 ok');
    await ledger.markSending(ISSUE, position('b@example.com'), '<2@example.com>', holder);
    await ledger.markSending(ISSUE, position('c@example.com'), '<3@example.com>', holder);
    await ledger.markFailed(ISSUE, position('c@example.com'), '550 no such user');
    await first.close();
    sendStores.splice(0);

    const second = await sender();
    expect(await second.ledger.counts(ISSUE)).toEqual({ pending: 1, sending: 1, sent: 1, failed: 1 });
    expect(await second.ledger.inFlight(ISSUE)).toEqual([expect.objectContaining({ email: 'b@example.com', messageId: '<2@example.com>', attempts: 1 })]);
    expect((await walk(second.ledger.pending(ISSUE))).map((row) => row.recipient.email)).toEqual(['d@example.com']);
    await second.close();
    sendStores.splice(0);

    // Asked to resend what was in doubt (--resend-in-flight), the next run queues it again, with its Message-ID.
    const third = (await sender()).ledger;
    expect(await third.requeueInFlight(ISSUE)).toBe(1);
    const queued = await walk(third.pending(ISSUE));
    expect(queued.map((row) => [row.recipient.email, row.messageId])).toEqual([
      ['b@example.com', '<2@example.com>'],
      ['d@example.com', null],
    ]);
    expect((await third.entries(ISSUE, 'failed'))[0]).toMatchObject({ reply: '550 no such user' });
  });

  it('walks a long queue without revisiting rows put back during the walk', async () => {
    const store = await sender();
    const { ledger } = store;
    await ledger.begin(ISSUE, 'store', null);
    await ledger.plan(ISSUE, Array.from({ length: 1200 }, (_, i) => recipient(`r${i}@example.com`)));
    let walked = 0;
    for await (const row of ledger.pending(ISSUE)) {
      await ledger.markSending(ISSUE, row.position, `<${row.position}@example.com>`, store.lease!.holder);
      await ledger.markDeferred(ISSUE, row.position, '451 later');
      walked++;
    }
    expect(walked).toBe(1200);
    expect((await ledger.counts(ISSUE)).pending).toBe(1200);
  });

  it('forgets a send that was planned but never started, and only such a send', async () => {
    const store = await sender();
    const { ledger } = store;
    await ledger.begin(ISSUE, 'list.csv', null);
    await ledger.plan(ISSUE, [recipient('a@example.com')]);
    expect(await ledger.discardUnstarted(ISSUE)).toBe(true);
    expect(await ledger.campaign(ISSUE)).toBeNull();
    await ledger.begin(ISSUE, 'list.csv', null);
    await ledger.plan(ISSUE, [recipient('a@example.com')]);
    const [row] = await walk(ledger.pending(ISSUE));
    await ledger.markSending(ISSUE, row!.position, '<1@example.com>', store.lease!.holder);
    expect(await ledger.discardUnstarted(ISSUE)).toBe(false);
    expect(await ledger.campaign(ISSUE)).not.toBeNull();
  });
});
