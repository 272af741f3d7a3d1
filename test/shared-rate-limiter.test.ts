import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresSenderLease } from '../src/send/postgres/postgres-sender-lease.js';
import { SharedRateLimiter } from '../src/send/postgres/shared-rate-limiter.js';
import type { Release } from '../src/send/rate-limiter.js';
import { openCheckedPool, type CheckedPool } from '../src/store/postgres/open-postgres-store.js';
import { postgresForThisSuite } from './support/postgres-suite.js';
import { without } from './support/system-programs.js';

const ISSUE = '2024-W05';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The campaign rate kept in PostgreSQL (src/send/postgres/shared-rate-limiter.ts), with two senders as two machines would hold it. */
describe.skipIf(without('postgres'))('one --rate for a campaign shared by several senders', () => {
  const postgres = postgresForThisSuite();
  const opened: CheckedPool[] = [];
  const leases: PostgresSenderLease[] = [];
  afterEach(async () => {
    for (const lease of leases.splice(0)) lease.stop();
    for (const pool of opened.splice(0)) await pool.close();
  });

  /** A database with the issue's campaign, and a way to join it as one more sender (its own pool and lease). */
  async function campaign(leaseMs = 30_000) {
    const location = { kind: 'postgres' as const, url: await postgres().createDatabase() };
    const sender = async () => {
      const checked = await openCheckedPool(location, { write: true });
      opened.push(checked);
      const lease = await PostgresSenderLease.enlist(checked.pool, ISSUE, leaseMs);
      leases.push(lease);
      return { pool: checked.pool, lease };
    };
    const first = await sender();
    await first.pool.query("INSERT INTO campaigns (issue, source, started_at) VALUES ($1, 'list.csv', now())", [ISSUE]);
    return { first, sender };
  }

  async function limiterFor(joined: Awaited<ReturnType<Awaited<ReturnType<typeof campaign>>['sender']>>, relay: string, asked: number): Promise<SharedRateLimiter> {
    const rate = await SharedRateLimiter.rateOf(joined.pool, ISSUE, relay, asked);
    expect(rate).not.toBeNull();
    return SharedRateLimiter.open(joined.pool, ISSUE, relay, joined.lease.holder, rate!, sleep);
  }

  it('lets the senders through one relay have N messages in flight or answered within the last second, together', async () => {
    const { first, sender } = await campaign();
    const second = await sender();
    const one = await limiterFor(first, 'mx.example.com:25', 4);
    const other = await limiterFor(second, 'mx.example.com:25', 4);
    const releases: Release[] = [];
    for (const limiter of [one, other, one, other]) releases.push(await limiter.acquire());
    // All four slots are taken: a fifth waits, whichever sender asks, until one is answered and a second has passed.
    let fifthAt: number | null = null;
    const started = performance.now();
    const fifth = other.acquire().then((release) => {
      fifthAt = performance.now() - started;
      return release;
    });
    await sleep(300);
    expect(fifthAt).toBeNull();
    releases[0]!();
    (await fifth)();
    expect(fifthAt!).toBeGreaterThanOrEqual(1000);
    for (const release of releases.slice(1)) release();
    await Promise.all([one.settled(), other.settled()]);
  });

  it('keeps the first sender\'s rate for a relay, and gives another relay its own', async () => {
    const { first, sender } = await campaign();
    const second = await sender();
    expect(await SharedRateLimiter.rateOf(first.pool, ISSUE, 'mx.example.com:25', 3)).toBe(3);
    expect(await SharedRateLimiter.rateOf(second.pool, ISSUE, 'mx.example.com:25', 50)).toBe(3);
    expect(await SharedRateLimiter.rateOf(second.pool, ISSUE, 'relay2.example.com:587', 2)).toBe(2);
    const other = await limiterFor(second, 'relay2.example.com:587', 2);
    const shared = await limiterFor(first, 'mx.example.com:25', 3);
    // Three slots through the first relay and two through the second, at once.
    await Promise.all([shared.acquire(), shared.acquire(), shared.acquire(), other.acquire(), other.acquire()]);
  });

  it('keeps the rate the campaign began with through its relay, whoever joins later and with what', async () => {
    const { first, sender } = await campaign();
    await first.pool.query("INSERT INTO campaign_relays (issue, relay, rate) VALUES ($1, 'mx.example.com:25', 100)", [ISSUE]);
    const joining = await sender();
    // A --resume with no --rate, or another rate: the campaign's stays.
    expect(await SharedRateLimiter.rateOf(joining.pool, ISSUE, 'mx.example.com:25', null)).toBe(100);
    expect(await SharedRateLimiter.rateOf(joining.pool, ISSUE, 'mx.example.com:25', 1000)).toBe(100);
    expect(await SharedRateLimiter.rateOf(joining.pool, ISSUE, 'other.example.com:25', 2.5)).toBe(2.5);
  });

  it('frees the slots of a sender whose lease lapsed (killed mid-message) for the others', async () => {
    const { sender } = await campaign();
    const dying = await sender();
    const living = await sender();
    await dying.pool.query("UPDATE senders SET expires_at = clock_timestamp() + interval '500 milliseconds' WHERE id = $1", [dying.lease.holder]);
    dying.lease.stop();
    const held = await limiterFor(dying, 'mx.example.com:25', 2);
    await held.acquire();
    await held.acquire();
    const started = performance.now();
    // Never released: the living sender gets a slot once the dead one's lease has lapsed, not before.
    await (await limiterFor(living, 'mx.example.com:25', 2)).acquire();
    expect(performance.now() - started).toBeGreaterThanOrEqual(400);
  });
});
