import { describe, expect, it } from 'vitest';
import { signLegacyToken, signToken, verifyToken } from '../src/unsubscribe/token.js';
import { listHeaders } from '../src/message/list-headers.js';
import { maskAddress } from '../src/unsubscribe/page.js';

const SECRET = 'a-test-secret-of-sufficient-length';

describe('unsubscribe tokens', () => {
  it('verify to the address they were signed for', () => {
    expect(verifyToken(signToken('Ann.Lee+news@Example.com', SECRET), SECRET)).toBe('Ann.Lee+news@Example.com');
  });

  it('are URL-safe', () => {
    expect(signToken('ünïcode.name@example.com', SECRET)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('do not carry the address in readable base64, and are the same each time for one address', () => {
    const token = signToken('ann@example.com', SECRET);
    expect(token).not.toContain(Buffer.from('ann@example.com').toString('base64url').slice(0, 8));
    expect(Buffer.from(token, 'base64url').includes(Buffer.from('ann@'))).toBe(false);
    expect(signToken('ann@example.com', SECRET)).toBe(token);
  });

  it('still accept a token of the earlier format, for links already in inboxes, but not an altered one', () => {
    const legacy = signLegacyToken('ann@example.com', SECRET);
    expect(verifyToken(legacy, SECRET)).toBe('ann@example.com');
    const [, mac] = legacy.split('.');
    expect(verifyToken(`${Buffer.from('bob@example.com').toString('base64url')}.${mac}`, SECRET)).toBeNull();
  });

  it('reject a token signed with another secret', () => {
    expect(verifyToken(signToken('ann@example.com', 'another-secret-entirely-here'), SECRET)).toBeNull();
  });

  it('reject a token with any one byte changed', () => {
    const bytes = Buffer.from(signToken('ann@example.com', SECRET), 'base64url');
    for (let index = 0; index < bytes.length; index++) {
      const altered = Buffer.from(bytes);
      altered[index] = altered[index]! ^ 0x20;
      expect(verifyToken(altered.toString('base64url'), SECRET), `byte ${index}`).toBeNull();
    }
  });

  it.each(['', 'nonsense', 'a.b', `${Buffer.from('ann@example.com').toString('base64url')}.`, 'x'.repeat(5000)])('reject the malformed token %#', (token) => {
    expect(verifyToken(token, SECRET)).toBeNull();
  });

  it('reject a token with a flipped character', () => {
    const token = signToken('ann@example.com', SECRET);
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    expect(verifyToken(`${token.slice(0, -2)}${last}${token.at(-1)}`, SECRET)).toBeNull();
  });
});

describe('list headers', () => {
  it('carry the one-click URL and the mailto in one List-Unsubscribe value, with List-Unsubscribe-Post and List-Id', () => {
    const headers = listHeaders({ unsubscribeUrl: 'https://example.com/u?token=abc', unsubscribeMailto: 'leave@example.com', listId: 'Weekly <weekly.example.com>' });
    expect(headers).toEqual({
      'List-Unsubscribe': '<https://example.com/u?token=abc>, <mailto:leave@example.com?subject=unsubscribe>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': 'Weekly <weekly.example.com>',
    });
  });

  it('give a bare list id its angle brackets and leave out what is not configured', () => {
    expect(listHeaders({ unsubscribeUrl: null, unsubscribeMailto: 'leave@example.com', listId: 'weekly.example.com' })).toEqual({
      'List-Unsubscribe': '<mailto:leave@example.com?subject=unsubscribe>',
      'List-Id': '<weekly.example.com>',
    });
  });
});

describe('the confirmation page', () => {
  it('masks the address it names', () => {
    expect(maskAddress('annabelle@example.com')).toBe('a••••••@example.com');
    expect(maskAddress('a@example.com')).toBe('a•@example.com');
  });
});
