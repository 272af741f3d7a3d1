import { createHmac, timingSafeEqual } from 'node:crypto';
import { addressKey } from '../subscribers/address.js';
import { openToken, sealToken } from '../tokens/sealed-token.js';

/**
 * Unsubscribe tokens: the address sealed (encrypted and authenticated) with a key derived from
 * the workspace secret, so the endpoint needs no lookup table, nobody can unsubscribe an address
 * they did not receive a message for, and a forwarded or logged link does not show the address.
 * They never expire: a link in an old issue must keep working.
 */

const PURPOSE = 'gazette/unsubscribe/v2';

export function signToken(email: string, secret: string): string {
  return sealToken(email, { secret, purpose: PURPOSE });
}

/** The address a token was signed for, or null when it is malformed, forged or altered. */
export function verifyToken(token: string, secret: string): string | null {
  const opened = openToken(token, { secret, purpose: PURPOSE });
  if (opened.ok) return opened.payload;
  return verifyLegacyToken(token, secret);
}

// Tokens of earlier versions: the address in readable base64url and an HMAC-SHA256 of it. Issues
// already in inboxes carry them, and their links must keep working, so they are still accepted;
// none are issued any more. Sealed tokens have no dot, so the two forms cannot be confused.
const LEGACY_PURPOSE = 'gazette/unsubscribe/v1\n';

function legacyMac(secret: string, email: string): Buffer {
  return createHmac('sha256', secret).update(LEGACY_PURPOSE).update(addressKey(email)).digest();
}

/** A token in the earlier format, as earlier versions signed it (kept for tests of the transition). */
export function signLegacyToken(email: string, secret: string): string {
  return `${Buffer.from(email, 'utf8').toString('base64url')}.${legacyMac(secret, email).toString('base64url')}`;
}

function verifyLegacyToken(token: string, secret: string): string | null {
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const email = Buffer.from(match[1]!, 'base64url').toString('utf8');
  // Re-encoding must give the same text back, or two tokens could name one address.
  if (Buffer.from(email, 'utf8').toString('base64url') !== match[1]) return null;
  const given = Buffer.from(match[2]!, 'base64url');
  const expected = legacyMac(secret, email);
  return given.length === expected.length && timingSafeEqual(given, expected) ? email : null;
}
