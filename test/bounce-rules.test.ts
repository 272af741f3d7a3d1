import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BounceLog } from '../src/bounces/bounce-log.js';
import type { BounceReport, BouncedRecipient } from '../src/bounces/bounce-report.js';
import { decide } from '../src/bounces/bounce-rules.js';
import { openBounceRecords } from '../src/bounces/open-bounce-records.js';
import { bounceId } from '../src/message/return-path.js';
import { openSendStore } from '../src/send/open-send-store.js';
import { openStateDb } from '../src/store/state-db.js';
import type { StoreLocation } from '../src/store/store-location.js';
import { STORE_BACKENDS, stopStoreBackends, type StoreBackend } from './support/store-backends.js';

const RULES = { softLimit: 3, softWindowDays: 30 };
const DAY = 24 * 60 * 60 * 1000;
/** The Message-ID the reports quote: the one each planted delivery was sent with. */
const MESSAGE_ID = '<2024-W05.0b7e4c2a-8f61-4c8e-9a55-1d2b3c4d5e6f@example.com>';
/** Addresses issue 2024-W05 was sent to, so a report without VERP can prove its delivery. */
const SENT_TO = ['Ann@Example.org', 'bob@example.org', 'cy@example.org', 'dee@example.org', 'eve@example.org'];

function report(kind: BounceReport['kind'], recipient: Partial<BouncedRecipient> & { address: string }, extra: Partial<BounceReport> = {}): BounceReport {
  const recipientKind = kind === 'auto-reply' ? 'unknown' : kind;
  return {
    kind,
    recipients: [{ kind: recipientKind, status: kind === 'soft' ? '4.2.2' : kind === 'hard' ? '5.1.1' : null, diagnostic: null, action: 'failed', ...recipient }],
    verpId: null,
    originalMessageId: MESSAGE_ID,
    reportId: null,
    format: 'dsn',
    ...extra,
  };
}

/** Everything a test opened, closed after it. */
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const closable of opened.splice(0).reverse()) await closable.close();
});
afterAll(stopStoreBackends);

/** Records `addresses` as sent in `issue` (each with MESSAGE_ID), as a send does, in the store at `location`. */
async function sent(location: StoreLocation, issue: string, addresses: readonly string[], now: () => Date): Promise<void> {
  const sender = await openSendStore(location, { issue, dryRun: false, now, bounceIdOf: (slug, email) => bounceId('secret', slug, email) });
  try {
    await sender.ledger.begin(issue, 'store', null);
    await sender.ledger.plan(issue, addresses.map((email) => ({ email, name: null, fields: {} })));
    for await (const row of sender.ledger.pending(issue)) await sender.ledger.markSending(issue, row.position, MESSAGE_ID, sender.lease!.holder);
  } finally {
    await sender.close();
  }
}

/** The bounce log's rows, read straight from the store. */
async function bounceEvents(location: StoreLocation): Promise<unknown[]> {
  const sql = 'SELECT email_key, issue, kind, status, diagnostic FROM bounce_events ORDER BY id';
  if (location.kind === 'sqlite') {
    const db = openStateDb(location.file);
    try {
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: location.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function setup(backend: StoreBackend) {
  let now = new Date('2024-03-01T12:00:00Z');
  const clock = () => now;
  const backendStore = await backend.open(clock);
  opened.push(backendStore);
  const { location } = backendStore.store;
  await sent(location, '2024-W05', SENT_TO, clock);
  const records = await openBounceRecords(location, clock);
  opened.push(records);
  const log = new BounceLog(records.records, RULES, clock);
  return { location, store: backendStore.store.subscribers, log, clock, setNow: (date: Date) => (now = date), advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('the bounce rules, as a decision', () => {
  it('suppresses at once for a hard bounce or a complaint, and a soft one only at the limit', async () => {
    expect(decide('hard', 0, RULES)).toEqual({ action: 'suppress', reason: 'bounced' });
    expect(decide('complaint', 0, RULES)).toEqual({ action: 'suppress', reason: 'complained' });
    expect(decide('soft', 2, RULES)).toEqual({ action: 'count' });
    expect(decide('soft', 3, RULES)).toEqual({ action: 'suppress', reason: 'bounced' });
  });
});

describe.each(STORE_BACKENDS)('the bounce log on $name', (backend) => {
  it('suppresses a hard bounce at once, recording issue, address, status and diagnostic', async () => {
    const { location, store, log } = await setup(backend);
    const outcome = await log.record(report('hard', { address: 'Ann@Example.org', diagnostic: '550 5.1.1 User unknown' }), 'r1');
    expect(outcome).toMatchObject({ status: 'recorded', events: [{ email: 'Ann@Example.org', issue: '2024-W05', kind: 'hard', suppressed: 'bounced', duplicate: false }] });
    expect(await store.suppression('ann@example.org')).toBe('bounced');
    expect(await bounceEvents(location)).toEqual([
      { email_key: 'ann@example.org', issue: '2024-W05', kind: 'hard', status: '5.1.1', diagnostic: '550 5.1.1 User unknown' },
    ]);
  });

  it('counts soft bounces and suppresses at the third within the window, not counting older ones', async () => {
    const { store, log, advance } = await setup(backend);
    await log.record(report('soft', { address: 'bob@example.org' }), 'old');
    advance(31 * DAY);
    const first = await log.record(report('soft', { address: 'bob@example.org' }), 's1');
    expect(first).toMatchObject({ events: [{ softInWindow: 1, suppressed: null }] });
    advance(DAY);
    expect(await log.record(report('soft', { address: 'bob@example.org' }), 's2')).toMatchObject({ events: [{ softInWindow: 2, suppressed: null }] });
    expect(await store.suppression('bob@example.org')).toBeNull();
    advance(DAY);
    expect(await log.record(report('soft', { address: 'bob@example.org' }), 's3')).toMatchObject({ events: [{ softInWindow: 3, suppressed: 'bounced' }] });
    expect((await store.suppressions())[0]).toMatchObject({ email: 'bob@example.org', reason: 'bounced', detail: expect.stringContaining('3 soft bounces in 30 days') });
  });

  it('suppresses a complaint under its own reason', async () => {
    const { store, log } = await setup(backend);
    await log.record(report('complaint', { address: 'cy@example.org', action: 'abuse' }), 'c1');
    expect(await store.suppression('cy@example.org')).toBe('complained');
  });

  it('records a report read twice once: the second read adds no event and no soft count', async () => {
    const { location, log } = await setup(backend);
    await log.record(report('soft', { address: 'dee@example.org' }), 'same');
    const again = await log.record(report('soft', { address: 'dee@example.org' }), 'same');
    expect(again).toMatchObject({ events: [{ duplicate: true, softInWindow: 1, suppressed: null }] });
    expect(await bounceEvents(location)).toHaveLength(1);
  });

  it('ignores automatic replies and acts on nothing it cannot classify', async () => {
    const { store, log } = await setup(backend);
    expect(await log.record(report('auto-reply', { address: 'eve@example.org' }), 'a1')).toEqual({ status: 'ignored' });
    expect(await log.record(report('unknown', { address: 'eve@example.org', kind: 'unknown' }), 'u1')).toEqual({ status: 'unrecognised' });
    expect(await store.suppressions()).toEqual([]);
  });

  it('finds the delivery by its VERP id, over the address the report names, and trusts nothing for an id it never sent', async () => {
    const { location, store, log, clock } = await setup(backend);
    await sent(location, '2024-W06', ['fay@example.org'], clock);
    const id = bounceId('secret', '2024-W06', 'fay@example.org');
    const outcome = await log.record(report('hard', { address: 'fay.forwarded@elsewhere.example' }, { verpId: id, originalMessageId: null }), 'v1');
    expect(outcome).toMatchObject({ status: 'recorded', events: [{ email: 'fay@example.org', issue: '2024-W06', suppressed: 'bounced' }] });
    expect(await log.record(report('hard', { address: 'gus@example.org' }, { verpId: 'zzzzzzzzzzzzzzzz' }), 'v2')).toEqual({ status: 'unknown-delivery', verpId: 'zzzzzzzzzzzzzzzz' });
    expect(await store.suppression('gus@example.org')).toBeNull();
  });
  it('without VERP, acts only on an address and Message-ID of a copy it sent: a forged report suppresses nobody', async () => {
    const { store, log } = await setup(backend);
    const stranger = await log.record(report('hard', { address: 'ceo@victim.example' }), 'f1');
    const wrongMessage = await log.record(report('hard', { address: 'bob@example.org' }, { originalMessageId: '<2024-W05.made-up@example.com>' }), 'f2');
    const noMessage = await log.record(report('complaint', { address: 'bob@example.org' }, { originalMessageId: null }), 'f3');
    for (const outcome of [stranger, wrongMessage, noMessage]) expect(outcome).toEqual({ status: 'unknown-delivery', verpId: null });
    expect(await store.suppressions()).toEqual([]);
  });

  it('makes an unsubscribed address complained on a complaint, which a fresh confirmation then does not lift', async () => {
    const { store, log, advance } = await setup(backend);
    await store.savePending('cy@example.org', null);
    await store.suppress('cy@example.org', 'unsubscribed', 'one-click');
    advance(DAY);
    expect(await log.record(report('complaint', { address: 'cy@example.org', action: 'abuse' }), 'c2')).toMatchObject({ events: [{ suppressed: 'complained' }] });
    expect(await store.suppression('cy@example.org')).toBe('complained');
    advance(DAY);
    expect(await store.confirm('cy@example.org', new Date(Date.parse('2024-03-03T12:00:00Z')))).toBe('suppressed');
    expect(await store.suppression('cy@example.org')).toBe('complained');
    // And never the other way: an unsubscribe after a bounce keeps the graver reason.
    await store.suppress('cy@example.org', 'unsubscribed');
    expect(await store.suppression('cy@example.org')).toBe('complained');
  });
});
