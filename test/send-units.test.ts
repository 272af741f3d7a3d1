import { describe, expect, it } from 'vitest';
import { backoffDelay, classifyFailure } from '../src/send/delivery-error.js';
import { RateLimiter, slotsFor, windowFor, type Clock } from '../src/send/rate-limiter.js';
import { isAlive, LEASE_TIMEOUT_MS } from '../src/send/send-lease.js';
import { describeSmtpServer, parseSmtpUrl, redactSecret } from '../src/send/smtp-url.js';
import { GazetteError } from '../src/diagnostics/diagnostic.js';
import { addressKey, addressProblem, mailboxProblem } from '../src/subscribers/address.js';
import { formatRecipient } from '../src/message/recipient-message.js';
import { addressDomain } from '../src/message/compose.js';

/** A clock that only moves when someone sleeps, so the limiter can be tested without waiting. */
function virtualClock(): Clock & { advance: (ms: number) => Promise<void> } {
  let now = 0;
  const sleepers: { until: number; wake: () => void }[] = [];
  return {
    now: () => now,
    sleep: (ms) => new Promise<void>((wake) => sleepers.push({ until: now + ms, wake })),
    async advance(ms) {
      const target = now + ms;
      for (;;) {
        sleepers.sort((a, b) => a.until - b.until);
        const next = sleepers[0];
        if (!next || next.until > target) break;
        sleepers.shift();
        now = next.until;
        next.wake();
        await new Promise((resolve) => setImmediate(resolve));
      }
      now = target;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe('the rate limiter', () => {
  it('never lets more than N messages be answered in any one-second window, whatever the latencies', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(10, clock);
    const answeredAt: number[] = [];
    // 8 "connections" sending 60 messages with latencies from 0 to 700 ms.
    let next = 0;
    const worker = async (id: number) => {
      while (next < 60) {
        const n = next++;
        const release = await limiter.acquire();
        await clock.sleep(((n * 37 + id * 101) % 8) * 100);
        answeredAt.push(clock.now());
        release();
      }
    };
    const workers = Promise.all(Array.from({ length: 8 }, (_, id) => worker(id)));
    for (let step = 0; step < 200 && answeredAt.length < 60; step++) await clock.advance(50);
    await workers;
    expect(answeredAt).toHaveLength(60);
    const sorted = answeredAt.sort((a, b) => a - b);
    const busiest = Math.max(...sorted.map((start) => sorted.filter((t) => t >= start && t < start + 1000).length));
    expect(busiest).toBeLessThanOrEqual(10);
    // It limits, but does not stall: 60 messages at 10/s finish within a few seconds.
    expect(sorted.at(-1)).toBeLessThan(10_000);
  });

  it.each([
    [2.5, 1000, 2],
    [0.5, 2000, 1],
  ])('keeps a rate of %d a second in whole messages: never more than %d ms can hold %d', async (rate, windowMs, most) => {
    const clock = virtualClock();
    const limiter = new RateLimiter(rate, clock);
    const answeredAt: number[] = [];
    let started = 0;
    const worker = async () => {
      while (started < 8) {
        started++;
        const release = await limiter.acquire();
        answeredAt.push(clock.now());
        release();
      }
    };
    const workers = Promise.all([worker(), worker(), worker()]);
    for (let step = 0; step < 400 && answeredAt.length < 8; step++) await clock.advance(50);
    await workers;
    const sorted = answeredAt.sort((a, b) => a - b);
    expect(Math.max(...sorted.map((start) => sorted.filter((t) => t >= start && t < start + windowMs).length))).toBeLessThanOrEqual(most);
    expect(slotsFor(rate)).toBe(most);
    expect(windowFor(rate)).toBeGreaterThanOrEqual(1001);
  });

  it('does not limit when no rate is set', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(null, clock);
    const releases = await Promise.all(Array.from({ length: 100 }, () => limiter.acquire()));
    expect(releases).toHaveLength(100);
    expect(clock.now()).toBe(0);
  });
});

describe('SMTP failures', () => {
  it.each([
    [{ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 No such user' }, 'permanent', true],
    [{ code: 'EMESSAGE', responseCode: 554, response: '554 Rejected' }, 'permanent', false],
    [{ code: 'EMESSAGE', responseCode: 451, response: '451 Try later' }, 'transient', false],
    [{ code: 'EENVELOPE', responseCode: 421, response: '421 Closing' }, 'transient', true],
    [{ code: 'ECONNECTION', message: 'Connection closed unexpectedly' }, 'transient', false],
    [{ code: 'EAUTH', responseCode: 535, response: '535 Authentication failed' }, 'fatal', false],
  ])('classifies %o as %s', (error, kind, recipientRefused) => {
    expect(classifyFailure(error)).toMatchObject({ kind, recipientRefused });
  });

  it('keeps the server reply', () => {
    expect(classifyFailure({ responseCode: 550, response: '550 5.1.1 No such user' }).reply).toBe('550 5.1.1 No such user');
  });

  it('backs off exponentially with jitter, up to a cap', () => {
    expect(backoffDelay(1, 1000, () => 0)).toBe(500);
    expect(backoffDelay(1, 1000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, () => 1)).toBe(4000);
    expect(backoffDelay(30, 1000, () => 1)).toBe(60_000);
  });
});

describe('SMTP URLs', () => {
  it('parse credentials, host, port and TLS', () => {
    expect(parseSmtpUrl('smtps://me%40example.com:p%3Ass@mail.example.com', { field: 'smtp' })).toEqual({
      host: 'mail.example.com',
      port: 465,
      secure: true,
      auth: { user: 'me@example.com', pass: 'p:ss' },
    });
    expect(parseSmtpUrl('smtp://127.0.0.1:2525', { field: 'smtp' })).toMatchObject({ port: 2525, secure: false, auth: null });
  });

  it('never show the password', () => {
    const server = parseSmtpUrl('smtp://user:hunter2hunter2@mail.example.com:587', { field: 'smtp' });
    expect(describeSmtpServer(server)).toBe('smtp://user@mail.example.com:587');
    expect(redactSecret('Invalid login for hunter2hunter2', server)).toBe('Invalid login for ***');
  });

  it('reject other schemes without echoing the URL', () => {
    expect(() => parseSmtpUrl('http://user:hunter2hunter2@host', { field: 'smtp' })).toThrow(/unsupported scheme "http"/);
    expect(() => parseSmtpUrl('http://user:hunter2hunter2@host', { field: 'smtp' })).not.toThrow(/hunter2/);
  });

  it('report a bad percent-escape as an error naming where the URL came from (config/smtp-url in the config), never the password', () => {
    const fromConfig = () => parseSmtpUrl('smtp://user:p%ZZss@127.0.0.1:2525', { field: 'smtp', file: 'gazette.config.json' });
    expect(fromConfig).toThrow(GazetteError);
    expect(fromConfig).toThrow(/^gazette\.config\.json error smtp: the password has a "%" escape that is not two hex digits/);
    expect(fromConfig).not.toThrow(/p%ZZss/);
    expect(() => parseSmtpUrl('smtp://us%G1er:secret@127.0.0.1', { field: 'GAZETTE_SMTP_URL' })).toThrow(/GAZETTE_SMTP_URL: the user name has a "%"/);
    // Hex digits that spell no UTF-8 character are the same mistake, named as such.
    expect(() => parseSmtpUrl('smtp://user:S3cr%E0%A4Et@127.0.0.1', { field: 'smtp' })).toThrow(/spell no UTF-8 character/);
  });
});

describe('From addresses', () => {
  it.each(['The Weekly Gazette <digest@example.com>', 'digest@example.com', '"Gazette, Weekly" <digest@example.com>'])('accepts %j', (from) => {
    expect(mailboxProblem(from)).toBeNull();
  });

  it.each([
    ['not an address', /must be an address/],
    ['Gazette <>', /must be an address/],
    ['', /must be an address/],
    ['a@example.com, b@example.com', /one address, not 2/],
    ['Gazette <digest@example>', /not a valid domain/],
    ['Team: a@example.com;', /group|must be an address/],
    ['Name <d@example.com> trailing', /must be an address/],
    ['Name d@example.com', /must be an address/],
    ['a@example.com <b@example.com>', /must not have an address as its name/],
  ])('rejects %j', (from, reason) => {
    expect(mailboxProblem(from)).toMatch(reason);
  });
});

describe('addresses', () => {
  it.each(['ann@example.com', 'ann.lee+news@mail.example.co.uk', "o'brien@example.ie", 'x@xn--bcher-kva.example'])('accepts %s', (address) => {
    expect(addressProblem(address)).toBeNull();
  });

  it.each(['', 'ann', 'ann@', '@example.com', 'ann@example', 'ann lee@example.com', 'ann@@example.com', 'ann..lee@example.com', 'ann@-example.com', 'ann@example.c0m'])(
    'rejects %j',
    (address) => {
      expect(addressProblem(address)).not.toBeNull();
    },
  );

  it('are compared case-insensitively', () => {
    expect(addressKey(' Ann@Example.COM')).toBe(addressKey('ann@example.com'));
  });

  it('are written with a quoted name, so a comma cannot split a recipient in two', () => {
    expect(formatRecipient({ email: 'lin@example.com', name: 'Lin, "Mei"', fields: {} })).toBe('"Lin, \\"Mei\\"" <lin@example.com>');
    expect(formatRecipient({ email: 'lin@example.com', name: null, fields: {} })).toBe('lin@example.com');
  });
});

describe('addressDomain', () => {
  it('reads the domain of a From value the way nodemailer parses it', () => {
    expect(addressDomain('Gazette <digest@example.com>')).toBe('example.com');
    expect(addressDomain('"Smith, Ann @ Work" <ann@example.org>')).toBe('example.org');
    expect(addressDomain('digest@example.net (The Gazette)')).toBe('example.net');
    expect(addressDomain('The Gazette')).toBe('localhost');
  });
});

describe('the send lease', () => {
  const at = (iso: string, running: boolean) => ({ now: () => new Date(iso), isRunning: () => running });
  const holder = { host: 'mail-1', pid: 4242, startedAt: '2024-02-05T08:00:00.000Z', heartbeatAt: '2024-02-05T08:00:20.000Z' };

  it('is held by a holder on another host while its heartbeat is recent, and no longer after the timeout', () => {
    expect(isAlive(holder, 'mail-2', at('2024-02-05T08:00:30.000Z', false))).toBe(true);
    expect(isAlive(holder, 'mail-2', at(new Date(Date.parse(holder.heartbeatAt) + LEASE_TIMEOUT_MS).toISOString(), false))).toBe(false);
  });

  it('is free on this host as soon as the holding process is gone, whatever its last heartbeat', () => {
    expect(isAlive(holder, 'mail-1', at('2024-02-05T08:00:21.000Z', false))).toBe(false);
    expect(isAlive(holder, 'mail-1', at('2024-02-05T08:00:21.000Z', true))).toBe(true);
  });
});
