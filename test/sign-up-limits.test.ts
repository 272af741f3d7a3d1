import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStateDb, type StateDb } from '../src/store/state-db.js';
import { clientNetwork, SignUpLimits } from '../src/subscribe/sign-up-limits.js';
import { SqliteSignUpAttempts } from '../src/subscribe/sqlite-sign-up-attempts.js';

const SECRET = 'a-test-secret-of-sufficient-length';

/** Takes one after another, as requests that follow each other would. */
async function inTurn(takes: (() => Promise<boolean>)[]): Promise<boolean[]> {
  const answers: boolean[] = [];
  for (const take of takes) answers.push(await take());
  return answers;
}

describe('sign-up limits', () => {
  let db: StateDb | null = null;
  afterEach(() => db?.close());

  async function limits(perAddress: number, perIp: number) {
    db = openStateDb(path.join(await mkdtemp(path.join(tmpdir(), 'gazette-limits-')), 'state.db'));
    const clock = { now: new Date('2024-02-01T00:00:00Z') };
    return { clock, limits: new SignUpLimits(new SqliteSignUpAttempts(db), { perAddress, perIp }, SECRET, () => clock.now), db };
  }

  it('allow an address its share of confirmations a day, whatever its case, and more once the day has passed', async () => {
    const { clock, limits: limit } = await limits(2, 100);
    expect(await inTurn([() => limit.takeAddress('ann@example.com'), () => limit.takeAddress('ANN@example.com'), () => limit.takeAddress('ann@example.com')])).toEqual([true, true, false]);
    expect(await limit.takeAddress('bob@example.com')).toBe(true);
    clock.now = new Date('2024-02-02T00:00:01Z');
    expect(await limit.takeAddress('ann@example.com')).toBe(true);
  });

  it('allow a client its sign-ups an hour, counting an IPv6 client by its /64, and store no client address', async () => {
    const { clock, limits: limit, db: state } = await limits(100, 2);
    expect(await inTurn([() => limit.takeIp('2001:db8:1:2::10'), () => limit.takeIp('2001:db8:1:2:ffff::1'), () => limit.takeIp('2001:db8:1:2::99')])).toEqual([true, true, false]);
    expect(await limit.takeIp('2001:db8:1:3::1')).toBe(true);
    expect(await limit.takeIp('192.0.2.7')).toBe(true);
    const keys = (state.prepare("SELECT key FROM subscribe_attempts WHERE kind = 'ip'").all() as { key: string }[]).map((row) => row.key);
    expect(keys.join(' ')).not.toMatch(/2001|db8|192/);
    clock.now = new Date('2024-02-01T01:00:01Z');
    expect(await limit.takeIp('2001:db8:1:2::10')).toBe(true);
  });

  it('forget attempts older than a day', async () => {
    const { clock, limits: limit } = await limits(5, 5);
    await limit.takeAddress('ann@example.com');
    await limit.takeIp('192.0.2.7');
    expect(await limit.prune()).toBe(0);
    clock.now = new Date('2024-02-02T00:00:01Z');
    expect(await limit.prune()).toBe(2);
  });

  it.each([
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:0001::1', '2001:db8:1:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['192.0.2.7', '192.0.2.7'],
  ])('name the network of %s as %s', (address, network) => {
    expect(clientNetwork(address)).toBe(network);
  });
});
