import { createHmac, timingSafeEqual } from 'node:crypto';
import { addressKey } from '../subscribers/address.js';

/**
 * Unsubscribe tokens: the address and an HMAC-SHA256 of it, both base64url, joined by a dot.
 * The address travels in the token so the endpoint needs no lookup table, and the MAC means
 * nobody can unsubscribe an address they did not receive a message for.
 */

// Binds the MAC to this one use, so the secret signs nothing else by accident.
const PURPOSE = 'gazette/unsubscribe/v1\n';

function mac(secret: string, email: string): Buffer {
  return createHmac('sha256', secret).update(PURPOSE).update(addressKey(email)).digest();
}

export function signToken(email: string, secret: string): string {
  return `${Buffer.from(email, 'utf8').toString('base64url')}.${mac(secret, email).toString('base64url')}`;
}

/** The address a token was signed for, or null when it is malformed, forged or altered. */
export function verifyToken(token: string, secret: string): string | null {
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const email = Buffer.from(match[1]!, 'base64url').toString('utf8');
  // Re-encoding must give the same text back, or two tokens could name one address.
  if (Buffer.from(email, 'utf8').toString('base64url') !== match[1]) return null;
  const given = Buffer.from(match[2]!, 'base64url');
  const expected = mac(secret, email);
  return given.length === expected.length && timingSafeEqual(given, expected) ? email : null;
}
