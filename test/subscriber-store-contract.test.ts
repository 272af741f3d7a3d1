import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CsvList } from '../src/subscribers/csv-list.js';
import { importList } from '../src/subscribers/import-list.js';
import type { StoredSubscriber } from '../src/subscribers/subscriber-store.js';
import type { Recipient } from '../src/types.js';
import { STORE_BACKENDS, stopStoreBackends, type OpenedBackend } from './support/store-backends.js';

async function csvFile(content: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'gazette-list-')), 'list.csv');
  await writeFile(file, content);
  return file;
}

async function everyone(subscribers: AsyncIterable<StoredSubscriber>): Promise<StoredSubscriber[]> {
  const all: StoredSubscriber[] = [];
  for await (const subscriber of subscribers) all.push(subscriber);
  return all;
}

afterAll(stopStoreBackends);

/** What every store promises (src/subscribers/subscriber-store.ts), proved on each backend alike. */
describe.each(STORE_BACKENDS)('the subscriber store on $name', (backend) => {
  let opened: OpenedBackend | null = null;
  afterEach(async () => {
    await opened?.close();
    opened = null;
  });

  /** A fresh, empty store whose clock is `clock.now`. */
  async function open(clock = { now: new Date('2024-02-01T00:00:00Z') }) {
    opened = await backend.open(() => clock.now);
    return { subscribers: opened.store.subscribers, attempts: opened.store.signUpAttempts, clock };
  }

  it('imports a list, updating an address it already has whatever its case', async () => {
    const { subscribers } = await open();
    await subscribers.save({ email: 'ann@example.com', name: 'Old name', fields: { email: 'ann@example.com', name: 'Old name' } });
    const list = await CsvList.open(await csvFile('email,name\nAnn@Example.com,Ann Lee\nbob@example.com,Bob\nbad,Nobody\n'));
    const result = await importList(list, subscribers);
    await list.close();
    expect(result).toMatchObject({ added: 1, updated: 1, stillSuppressed: 0 });
    expect(result.problems.map((problem) => problem.line)).toEqual([4]);
    expect((await everyone(subscribers.all())).map((subscriber) => [subscriber.email, subscriber.name])).toEqual([
      ['Ann@Example.com', 'Ann Lee'],
      ['bob@example.com', 'Bob'],
    ]);
  });

  it('skips a row with a NUL character, which no store can keep as text, and imports the others', async () => {
    const { subscribers } = await open();
    const list = await CsvList.open(await csvFile('email,name,city\nann@example.com,Ann,Oslo\nbob@example.com,Bo\u0000b,Rome\ncy@example.com,Cy,Li\u0000ma\n'));
    const result = await importList(list, subscribers);
    await list.close();
    expect(result).toMatchObject({ added: 1 });
    expect(result.problems.map((problem) => [problem.rule, problem.line, problem.field])).toEqual([
      ['subscribers/nul-character', 3, 'name'],
      ['subscribers/nul-character', 4, 'city'],
    ]);
    expect((await everyone(subscribers.all())).map((subscriber) => subscriber.email)).toEqual(['ann@example.com']);
  });

  it('imports all of a list or nothing: a batch that fails leaves the store as it was', async () => {
    const { subscribers } = await open();
    await subscribers.save({ email: 'kept@example.com', name: 'Kept', fields: {} });
    async function* failingHalfWay() {
      yield [{ email: 'first@example.com', name: null, fields: {} }];
      throw new Error('the list could not be read further');
    }
    await expect(subscribers.importBatches(failingHalfWay())).rejects.toThrow('could not be read further');
    expect((await everyone(subscribers.all())).map((subscriber) => subscriber.email)).toEqual(['kept@example.com']);
  });

  it('keeps an unsubscribed address suppressed through a re-import and a removal', async () => {
    const { subscribers } = await open();
    await subscribers.save({ email: 'ann@example.com', name: 'Ann', fields: {} });
    expect(await subscribers.suppress('ANN@example.com', 'unsubscribed', 'one-click')).toBe(true);
    const list = await CsvList.open(await csvFile('email\nann@example.com\n'));
    expect(await importList(list, subscribers)).toMatchObject({ updated: 1, stillSuppressed: 1 });
    await list.close();
    expect((await everyone(subscribers.all()))[0]!.suppressed).toBe('unsubscribed');
    expect(await subscribers.count()).toEqual({ confirmed: 0, pending: 0, unsubscribed: 1, bounced: 0, complained: 0 });
    expect(await subscribers.remove('ann@example.com')).toBe(true);
    expect(await subscribers.remove('ann@example.com')).toBe(false);
    expect(await subscribers.suppression('Ann@Example.com')).toBe('unsubscribed');
    expect(await subscribers.suppressions()).toEqual([{ email: 'ANN@example.com', reason: 'unsubscribed', detail: 'one-click', createdAt: '2024-02-01T00:00:00.000Z' }]);
  });

  it('only ever makes a suppression graver: a complaint outlives a later unsubscribe', async () => {
    const { subscribers } = await open();
    expect(await subscribers.suppress('cy@example.com', 'complained', 'feedback loop')).toBe(true);
    expect(await subscribers.suppress('cy@example.com', 'unsubscribed', 'one-click')).toBe(false);
    expect(await subscribers.suppress('cy@example.com', 'bounced', '550')).toBe(false);
    expect(await subscribers.suppressions()).toEqual([expect.objectContaining({ reason: 'complained', detail: 'feedback loop' })]);
  });

  it('counts subscribers by status and the whole suppression list by reason, addresses outside the store included', async () => {
    const { subscribers } = await open();
    await subscribers.save({ email: 'ann@example.com', name: null, fields: {} });
    await subscribers.save({ email: 'bob@example.com', name: null, fields: {} });
    await subscribers.savePending('cy@example.com', 'Cy');
    await subscribers.suppress('bob@example.com', 'complained', 'feedback loop');
    // Bounced from a CSV send: on the suppression list, never in the store.
    await subscribers.suppress('list-only@example.com', 'bounced', '550 5.1.1');
    expect(await subscribers.count()).toEqual({ confirmed: 1, pending: 1, unsubscribed: 0, bounced: 1, complained: 1 });
  });

  it('confirms a pending sign-up once, lifts an older unsubscribe but never a newer one, a bounce or a complaint', async () => {
    const { subscribers, clock } = await open();
    const later = (ms: number) => (clock.now = new Date(clock.now.getTime() + ms));

    await subscribers.savePending('ann@example.com', 'Ann');
    expect(await subscribers.signUpState('ANN@example.com')).toBe('pending');
    expect(await subscribers.nameOf('ann@example.com')).toBe('Ann');
    const issued = clock.now;
    later(1000);
    expect(await subscribers.confirm('ann@example.com', issued)).toBe('confirmed');
    expect(await subscribers.confirm('ann@example.com', issued)).toBe('already-confirmed');
    expect((await everyone(subscribers.all()))[0]).toMatchObject({ status: 'confirmed', source: 'form', confirmedAt: '2024-02-01T00:00:01.000Z' });

    later(1000);
    await subscribers.suppress('ann@example.com', 'unsubscribed', 'one-click');
    expect(await subscribers.signUpState('ann@example.com')).toBe('unsubscribed');
    expect(await subscribers.confirm('ann@example.com', issued)).toBe('stale');
    later(1000);
    const resubscribed = clock.now;
    await subscribers.savePending('ann@example.com', null);
    expect(await subscribers.confirm('ann@example.com', resubscribed)).toBe('confirmed');
    expect(await subscribers.suppression('ann@example.com')).toBeNull();

    await subscribers.suppress('ann@example.com', 'bounced', '550');
    later(1000);
    expect(await subscribers.confirm('ann@example.com', clock.now)).toBe('suppressed');
    expect(await subscribers.unsuppress('ann@example.com')).toBe('bounced');
    expect(await subscribers.unsuppress('ann@example.com')).toBeNull();
    expect(await subscribers.confirm('nobody@example.com', clock.now)).toBe('gone');
    expect(await subscribers.signUpState('nobody@example.com')).toBe('new');
  });

  it('leaves pending sign-ups out of a send to the store, and forgets them once their links have expired', async () => {
    const { storeEntries } = await import('../src/send/planner.js');
    const { subscribers } = await open();
    await subscribers.save({ email: 'ann@example.com', name: null, fields: {} });
    await subscribers.savePending('cy@example.com', null);
    await subscribers.save({ email: 'bob@example.com', name: null, fields: {} });
    await subscribers.suppress('bob@example.com', 'bounced');
    const entries = [];
    for await (const entry of storeEntries(subscribers)) entries.push(entry);
    expect(entries).toEqual([{ recipient: expect.objectContaining({ email: 'ann@example.com' }), line: 0 }, { suppressed: true }]);
    expect(await subscribers.prunePending(new Date('2024-02-01T00:00:00Z'))).toBe(0);
    expect(await subscribers.prunePending(new Date('2024-02-08T00:00:00Z'))).toBe(1);
    expect((await everyone(subscribers.all())).map((subscriber) => subscriber.email)).toEqual(['ann@example.com', 'bob@example.com']);
  });

  it('counts an address met twice in an import as added then updated, the last spelling kept, within a batch and across batches', async () => {
    const { subscribers } = await open();
    await subscribers.save({ email: 'old@example.com', name: null, fields: {} });
    await subscribers.suppress('gone@example.com', 'bounced');
    async function* batches(): AsyncGenerator<Recipient[]> {
      yield [
        { email: 'ann@example.com', name: 'Ann', fields: { n: '1' } },
        { email: 'ANN@example.com', name: 'Ann Lee', fields: { n: '2' } },
        { email: 'old@example.com', name: 'Old', fields: {} },
        { email: 'gone@example.com', name: null, fields: {} },
        { email: 'Gone@example.com', name: null, fields: {} },
      ];
      yield [{ email: 'Ann@Example.com', name: 'Ann L.', fields: { n: '3', m: 'x' } }];
    }
    expect(await subscribers.importBatches(batches())).toEqual({ added: 2, updated: 4, stillSuppressed: 2 });
    expect((await everyone(subscribers.all())).map((subscriber) => [subscriber.email, subscriber.name, subscriber.fields])).toEqual([
      ['Ann@Example.com', 'Ann L.', { n: '3', m: 'x' }],
      ['Gone@example.com', null, {}],
      ['old@example.com', 'Old', {}],
    ]);
    // The fields keep the list's column order, which toEqual alone would not notice.
    expect(Object.keys((await everyone(subscribers.all()))[0]!.fields)).toEqual(['n', 'm']);
  });

  it('reads a long store a page at a time, in a stable order, fields and names intact', async () => {
    const { subscribers } = await open();
    const many = Array.from({ length: 1234 }, (_, i) => ({ email: `r${String(i).padStart(4, '0')}@example.com`, name: i % 2 ? `Zoë ${i}` : null, fields: { city: `Zürich ${i}` } }));
    async function* inBatches() {
      for (let at = 0; at < many.length; at += 500) yield many.slice(at, at + 500);
    }
    expect(await subscribers.importBatches(inBatches())).toEqual({ added: 1234, updated: 0, stillSuppressed: 0 });
    const read = await everyone(subscribers.all());
    expect(read.map((subscriber) => subscriber.email)).toEqual(many.map((recipient) => recipient.email));
    expect(read[1]).toMatchObject({ name: 'Zoë 1', fields: { city: 'Zürich 1' }, status: 'confirmed', source: 'import' });
    expect((await everyone(subscribers.all({ sendable: true }))).length).toBe(1234);
  });

  it('counts sign-up attempts within their window and refuses past the limit', async () => {
    const { attempts } = await open();
    const at = new Date('2024-02-01T12:00:00Z');
    const since = new Date(at.getTime() - 3_600_000);
    const takes = [];
    for (let i = 0; i < 4; i++) takes.push(await attempts.take('ip', 'network-a', since, at, 3));
    expect(takes).toEqual([true, true, true, false]);
    expect(await attempts.take('address', 'network-a', since, at, 3)).toBe(true);
    expect(await attempts.take('ip', 'network-a', at, new Date(at.getTime() + 1000), 3)).toBe(true);
    expect(await attempts.prune(new Date(at.getTime() + 1))).toBe(4);
  });

  it('names the suppressed addresses of a batch in one question, whatever their case', async () => {
    const { subscribers } = await open();
    await subscribers.suppress('Ann@Example.org', 'bounced');
    await subscribers.suppress('cy@example.org', 'unsubscribed');
    expect(await subscribers.suppressedOf(['ann@example.org', 'bob@example.org', 'CY@example.org'])).toEqual(new Set(['ann@example.org', 'cy@example.org']));
    expect(await subscribers.suppressedOf([])).toEqual(new Set());
  });
});
