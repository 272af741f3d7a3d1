import { createHmac } from 'node:crypto';
import type { GazetteConfig } from '../config.js';
import { addressKey } from '../subscribers/address.js';
import { addressDomain } from './compose.js';

/** Where bounces go: `<localPart>+<id>@<domain>` (VERP), so a bounce names its delivery. */
export interface ReturnPathOptions {
  /** The issue's slug: the same address bounces for one issue and not another. */
  issue: string;
  /** The workspace secret; the id reveals nothing about the address without it. */
  secret: string;
  localPart: string;
  domain: string;
}

/** The return path of an issue as the config sets it: `bounces.local_part` at `bounces.domain`, or at the From address's domain. */
export function returnPathOptions(config: GazetteConfig, issue: string, secret: string): ReturnPathOptions {
  return { issue, secret, localPart: config.bounces.local_part, domain: config.bounces.domain ?? addressDomain(config.from) };
}

/** RFC 4648 base32, lowercased: some MTAs lowercase local parts, and these letters survive that. */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Characters of the id: 80 bits, which no list will ever collide in, and a short local part. */
const ID_LENGTH = 16;

/** What the id looks like inside an address, for reading it back. */
export const BOUNCE_ID_PATTERN = /^[a-z2-7]{16}$/;

/**
 * The opaque id of one delivery: HMAC-SHA256 of the issue and the address's key, base32.
 * Deterministic, so the ledger (which stores it) and the message factory (which writes it into
 * the envelope) compute it apart and agree, without the campaign carrying it between them.
 */
export function bounceId(secret: string, issue: string, email: string): string {
  const digest = createHmac('sha256', secret).update(`gazette/bounce/v1\n${issue}\n${addressKey(email)}`).digest();
  let bits = 0;
  let value = 0;
  let id = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && id.length < ID_LENGTH) {
      id += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (id.length === ID_LENGTH) break;
    value &= (1 << bits) - 1;
  }
  return id;
}

/** The VERP return path of one recipient's copy: `bounces+<id>@example.com`. */
export function returnPath(options: ReturnPathOptions, email: string): string {
  return `${options.localPart}+${bounceId(options.secret, options.issue, email)}@${options.domain}`;
}

/**
 * The id in an address a bounce was sent to, or null when the address is not one of ours.
 * Case is ignored: a server may have uppercased or lowercased the local part on the way back.
 */
export function bounceIdOf(address: string, localPart: string): string | null {
  const bare = (/<([^>]*)>/.exec(address)?.[1] ?? address).trim().toLowerCase();
  const at = bare.lastIndexOf('@');
  if (at <= 0) return null;
  const local = bare.slice(0, at);
  const prefix = `${localPart.toLowerCase()}+`;
  if (!local.startsWith(prefix)) return null;
  const id = local.slice(prefix.length);
  return BOUNCE_ID_PATTERN.test(id) ? id : null;
}

/**
 * The message as the recipient's server stores it: that server records the envelope sender
 * in a `Return-Path` header on delivery (RFC 5321 4.4), so a sample or a dry-run .eml shows
 * where bounces go. Sending never adds it, and DKIM does not sign it, so the signature holds.
 */
export function withReturnPath(eml: Buffer, returnPath: string | null): Buffer {
  return returnPath ? Buffer.concat([Buffer.from(`Return-Path: <${returnPath}>\r\n`), eml]) : eml;
}
