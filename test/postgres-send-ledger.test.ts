import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { openSendStore } from '../src/send/open-send-store.js';
import type { SendStore } from '../src/send/send-store.js';
import type { Recipient } from '../src/types.js';
import { postgresForThisSuite } from './support/postgres-suite.js';
import { without } from './support/system-programs.js';

const ISSUE = '2024-W05';
const recipients = (count: number): Recipient[] => Array.from({ length: count }, (_, i) => ({ email: `r${i}@example.com`, name: null, fields: {} }));

/** The send ledger where several senders share one campaign (src/send/postgres/postgres-send-ledger.ts), two senders as two machines. */
describe.skipIf(without('postgres'))('the shared send ledger', () => {
  const postgres = postgresForThisSuite();

  async function twoSenders(): Promise<[SendStore, SendStore, () => Promise<void>]> {
    const location = { kind: 'postgres' as const, url: await postgres().createDatabase() };
    const open = () => openSendStore(location, { issue: ISSUE, dryRun: false, now: () => new Date(), bounceIdOf: null });
    const first = await open();
    const second = await open();
    return [first, second, async () => void (await Promise.all([first.close(), second.close()]))];
  }

  it('claims a batch at a time, however short the list, so a second sender gets its share', async () => {
    const [first, second, close] = await twoSenders();
    try {
      await first.ledger.begin(ISSUE, 'list.csv', null);
      await first.ledger.plan(ISSUE, recipients(200));
      await first.planned();
      await second.planned();
      const mine = first.ledger.pending(ISSUE);
      const theirs = second.ledger.pending(ISSUE);
      const firstRow = (await mine.next()).value!;
      const otherRow = (await theirs.next()).value!;
      // Each holds one batch of 50: the first sender's claim left the other 150 rows free.
      expect(firstRow.position).toBe(1);
      expect(otherRow.position).toBe(51);
      await mine.return(undefined);
      await theirs.return(undefined);
    } finally {
      await close();
    }
  });

  it('is neither finished nor forgotten by one sender while another is still at work on it', async () => {
    const [first, second, close] = await twoSenders();
    try {
      await first.ledger.begin(ISSUE, 'list.csv', null);
      // The second found nothing to do (its list was empty, or the first has not planned yet).
      expect(await second.ledger.forgetEmpty(ISSUE)).toBe(false);
      await second.ledger.finish(ISSUE);
      expect(await second.ledger.discardUnstarted(ISSUE)).toBe(false);
      expect(await first.ledger.campaign(ISSUE)).toMatchObject({ finishedAt: null });
      // Alone, the last sender closes it.
      await second.close();
      await first.ledger.finish(ISSUE);
      expect((await first.ledger.campaign(ISSUE))?.finishedAt).not.toBeNull();
    } finally {
      await close();
    }
  });

  it('keeps a row it retries after a 4xx: no other sender takes it while this one waits', async () => {
    const [first, second, close] = await twoSenders();
    try {
      const position = await firstTransmitsTheOnlyRow(first, second);
      await first.ledger.markRetrying(ISSUE, position, '451 4.3.0 try again later');
      // The second sender waits for it (its holder is alive) rather than taking it, or leaving.
      const theirs = second.ledger.pending(ISSUE).next();
      expect(await Promise.race([theirs.then(() => 'taken'), delay(1500).then(() => 'waiting')])).toBe('waiting');
      await transmits(first, position);
      await first.ledger.markRetrying(ISSUE, position, '451 4.3.0 try again later');
      // The first gives up and leaves: the row is the second's now.
      await first.close();
      expect((await theirs).value).toMatchObject({ recipient: { email: 'r0@example.com' } });
    } finally {
      await close();
    }
  });

  it('waits while another sender transmits a row, which a 4xx gives back to it to retry, and ends once it is sent', async () => {
    const [first, second, close] = await twoSenders();
    try {
      const position = await firstTransmitsTheOnlyRow(first, second);
      // Had the second ended here, it would report the list unfinished once the 4xx came back.
      const theirs = second.ledger.pending(ISSUE).next();
      const state = () => Promise.race([theirs.then((next) => (next.done ? 'ended' : 'taken')), delay(1500).then(() => 'waiting')]);
      expect(await state()).toBe('waiting');
      await first.ledger.markRetrying(ISSUE, position, '451 4.3.0 try again later');
      expect(await state()).toBe('waiting');
      await transmits(first, position);
      await first.ledger.markSent(ISSUE, position, '250 2.0.0 accepted');
      expect(await state()).toBe('ended');
      expect(await second.ledger.counts(ISSUE)).toEqual({ pending: 0, sending: 0, sent: 1, failed: 0 });
    } finally {
      await close();
    }
  });
});

/** A one-row list both senders have joined, its row claimed by the first and being transmitted: the row's position. */
async function firstTransmitsTheOnlyRow(first: SendStore, second: SendStore): Promise<number> {
  await first.ledger.begin(ISSUE, 'list.csv', null);
  await first.ledger.plan(ISSUE, recipients(1));
  await Promise.all([first.planned(), second.planned()]);
  const [row] = await collect(first.ledger.pending(ISSUE), 1);
  await transmits(first, row!.position);
  return row!.position;
}

/** The sender marks the row sending, as it does when the message's first byte leaves. */
async function transmits(sender: SendStore, position: number): Promise<void> {
  expect(await sender.ledger.markSending(ISSUE, position, '<1@example.com>', sender.lease!.holder)).toBe(true);
}

async function collect<T>(rows: AsyncGenerator<T>, most: number): Promise<T[]> {
  const taken: T[] = [];
  for await (const row of rows) {
    taken.push(row);
    if (taken.length >= most) break;
  }
  return taken;
}
