import { describe, expect, it } from 'vitest';
import { openConfirmToken, sealConfirmToken } from '../src/subscribe/confirm-token.js';
import { openToken, sealToken } from '../src/tokens/sealed-token.js';

const SECRET = 'a-test-secret-of-sufficient-length';
const PURPOSE = 'gazette/test';
const NOW = new Date('2024-02-01T12:00:00Z');
const at = (date: Date) => () => date;

describe('sealed tokens', () => {
  it('open to the payload they were sealed with, and are URL-safe', () => {
    const token = sealToken('Ann.Lee+news@Example.com', { secret: SECRET, purpose: PURPOSE });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(openToken(token, { secret: SECRET, purpose: PURPOSE })).toEqual({ ok: true, payload: 'Ann.Lee+news@Example.com', expiresAt: null });
  });

  it('do not show the payload, in base64 or otherwise', () => {
    const email = 'ann@example.com';
    const token = sealToken(email, { secret: SECRET, purpose: PURPOSE });
    const bytes = Buffer.from(token, 'base64url');
    expect(token).not.toContain(Buffer.from(email).toString('base64url').slice(0, 12));
    expect(bytes.includes(Buffer.from('example'))).toBe(false);
  });

  it('seal the same input to the same token (a reproducible sample email), and different inputs to different ones', () => {
    const seal = (payload: string) => sealToken(payload, { secret: SECRET, purpose: PURPOSE });
    expect(seal('ann@example.com')).toBe(seal('ann@example.com'));
    expect(seal('ann@example.com')).not.toBe(seal('bob@example.com'));
    expect(Buffer.from(seal('ann@example.com'), 'base64url').subarray(1, 13)).not.toEqual(Buffer.from(seal('bob@example.com'), 'base64url').subarray(1, 13));
  });

  it('refuse a token with any one byte changed', () => {
    const token = sealToken('ann@example.com', { secret: SECRET, purpose: PURPOSE });
    const bytes = Buffer.from(token, 'base64url');
    for (let index = 0; index < bytes.length; index++) {
      const altered = Buffer.from(bytes);
      altered[index] = altered[index]! ^ 0x01;
      expect(openToken(altered.toString('base64url'), { secret: SECRET, purpose: PURPOSE }), `byte ${index}`).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('refuse a token cut short, lengthened or re-spelled', () => {
    const token = sealToken('ann@example.com', { secret: SECRET, purpose: PURPOSE });
    const options = { secret: SECRET, purpose: PURPOSE };
    expect(openToken(token.slice(0, -1), options).ok).toBe(false);
    expect(openToken(`${token}A`, options).ok).toBe(false);
    expect(openToken(token.slice(0, 30), options).ok).toBe(false);
    expect(openToken(`${token}=`, options).ok).toBe(false);
  });

  it.each(['', 'nonsense', 'a.b', '!!!!', 'x'.repeat(5000)])('refuse the malformed token %#', (token) => {
    expect(openToken(token, { secret: SECRET, purpose: PURPOSE })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuse a token sealed for another purpose, or with another secret', () => {
    const token = sealToken('ann@example.com', { secret: SECRET, purpose: 'gazette/unsubscribe' });
    expect(openToken(token, { secret: SECRET, purpose: 'gazette/confirm' })).toEqual({ ok: false, reason: 'invalid' });
    expect(openToken(token, { secret: 'another-secret-entirely-here', purpose: 'gazette/unsubscribe' })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('open until their expiry, and say so once expired', () => {
    const expiresAt = new Date(NOW.getTime() + 60_000);
    const token = sealToken('ann@example.com', { secret: SECRET, purpose: PURPOSE, expiresAt });
    expect(openToken(token, { secret: SECRET, purpose: PURPOSE, now: at(new Date(NOW.getTime() + 59_000)) })).toEqual({ ok: true, payload: 'ann@example.com', expiresAt });
    expect(openToken(token, { secret: SECRET, purpose: PURPOSE, now: at(expiresAt) })).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('confirmation tokens', () => {
  it('carry the address and when they were issued, for seven days', () => {
    const token = sealConfirmToken({ email: 'ann@example.com', issuedAt: NOW }, SECRET, new Date(NOW.getTime() + 7 * 86_400_000));
    expect(openConfirmToken(token, SECRET, at(new Date(NOW.getTime() + 6 * 86_400_000)))).toEqual({ ok: true, claim: { email: 'ann@example.com', issuedAt: NOW } });
    expect(openConfirmToken(token, SECRET, at(new Date(NOW.getTime() + 7 * 86_400_000 + 1000)))).toEqual({ ok: false, reason: 'expired' });
  });

  it('are not unsubscribe tokens, nor the other way round', async () => {
    const { signToken, verifyToken } = await import('../src/unsubscribe/token.js');
    const confirm = sealConfirmToken({ email: 'ann@example.com', issuedAt: NOW }, SECRET, new Date(NOW.getTime() + 86_400_000));
    expect(verifyToken(confirm, SECRET)).toBeNull();
    expect(openConfirmToken(signToken('ann@example.com', SECRET), SECRET, at(NOW))).toEqual({ ok: false, reason: 'invalid' });
  });
});
