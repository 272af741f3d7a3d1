import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto';

/**
 * Sealed tokens: a small payload encrypted and authenticated with AES-256-GCM, in base64url, so
 * a link can carry an address without showing it and without anyone being able to alter it.
 *
 * The keys are derived (HKDF-SHA256) from the workspace secret and a purpose string, so a token
 * sealed for one use (unsubscribing) opens for no other (confirming a sign-up). The IV is
 * synthetic, an HMAC of the plaintext under a key of its own: the same input always seals to the
 * same token (the sample email is reproducible), and since the IV is a function of the whole
 * plaintext, two different plaintexts never share one.
 *
 * Layout (before base64url): version (1 byte) ‖ IV (12) ‖ ciphertext ‖ GCM tag (16).
 * Plaintext: expiry in seconds since the epoch, 0 for none (4 bytes, big-endian) ‖ payload (UTF-8).
 */

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const EXPIRY_BYTES = 4;
/** Tokens travel in URLs; anything longer than this was not made here. */
const MAX_TOKEN_LENGTH = 2048;

interface Keys {
  encryption: Buffer;
  iv: Buffer;
}

/**
 * The keys of the last secret and purpose used. A send seals one token per recipient with the
 * same two, and deriving them each time was a few per cent of its CPU; one entry per purpose is
 * all a process ever needs.
 */
const derived = new Map<string, { secret: string; keys: Keys }>();

function deriveKeys(secret: string, purpose: string): Keys {
  const cached = derived.get(purpose);
  if (cached?.secret === secret) return cached.keys;
  const material = Buffer.from(hkdfSync('sha256', secret, 'gazette/sealed-token/v1', purpose, 64));
  const keys = { encryption: material.subarray(0, 32), iv: material.subarray(32) };
  derived.set(purpose, { secret, keys });
  return keys;
}

export interface SealOptions {
  secret: string;
  /** What the token is for, e.g. `gazette/unsubscribe`; opening needs the same string. */
  purpose: string;
  /** When the token stops opening; null for never. Kept to the second. */
  expiresAt?: Date | null;
}

export function sealToken(payload: string, options: SealOptions): string {
  const keys = deriveKeys(options.secret, options.purpose);
  const expiry = Buffer.alloc(EXPIRY_BYTES);
  expiry.writeUInt32BE(options.expiresAt ? Math.max(1, Math.floor(options.expiresAt.getTime() / 1000)) : 0);
  const plaintext = Buffer.concat([expiry, Buffer.from(payload, 'utf8')]);
  const iv = createHmac('sha256', keys.iv).update(plaintext).digest().subarray(0, IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
  cipher.setAAD(Buffer.from(options.purpose, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, ciphertext, cipher.getAuthTag()]).toString('base64url');
}

export type OpenedToken =
  | { ok: true; payload: string; expiresAt: Date | null }
  /** `invalid`: malformed, forged, altered or for another purpose. `expired`: genuine, but past its expiry. */
  | { ok: false; reason: 'invalid' | 'expired' };

export interface OpenOptions {
  secret: string;
  purpose: string;
  now?: () => Date;
}

/** The payload a token was sealed with; what a token says is only read once it is proven genuine. */
export function openToken(token: string, options: OpenOptions): OpenedToken {
  const invalid: OpenedToken = { ok: false, reason: 'invalid' };
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) return invalid;
  const bytes = Buffer.from(token, 'base64url');
  // One text per token: a second spelling of the same bytes (stray trailing bits) is refused.
  if (bytes.toString('base64url') !== token) return invalid;
  if (bytes.length < 1 + IV_BYTES + EXPIRY_BYTES + TAG_BYTES || bytes[0] !== VERSION) return invalid;
  const keys = deriveKeys(options.secret, options.purpose);
  const iv = bytes.subarray(1, 1 + IV_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.encryption, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(options.purpose, 'utf8'));
    decipher.setAuthTag(tag);
    plaintext = Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return invalid;
  }
  const seconds = plaintext.readUInt32BE(0);
  const expiresAt = seconds === 0 ? null : new Date(seconds * 1000);
  if (expiresAt && expiresAt.getTime() <= (options.now?.() ?? new Date()).getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, payload: plaintext.subarray(EXPIRY_BYTES).toString('utf8'), expiresAt };
}
