import { openToken, sealToken } from '../tokens/sealed-token.js';

/**
 * Confirmation tokens: the address and when the link was issued, sealed so the link shows
 * neither, and expiring after `subscribe.confirm_days`. The issue time lets a confirmation tell
 * an unsubscribe that came after the link (the link is stale) from one that came before (the
 * person is signing up again).
 */

const PURPOSE = 'gazette/confirm/v1';

export interface ConfirmClaim {
  email: string;
  issuedAt: Date;
}

export function sealConfirmToken(claim: ConfirmClaim, secret: string, expiresAt: Date): string {
  return sealToken(`${claim.issuedAt.getTime()} ${claim.email}`, { secret, purpose: PURPOSE, expiresAt });
}

export type OpenedConfirmToken = { ok: true; claim: ConfirmClaim } | { ok: false; reason: 'invalid' | 'expired' };

export function openConfirmToken(token: string, secret: string, now: () => Date): OpenedConfirmToken {
  const opened = openToken(token, { secret, purpose: PURPOSE, now });
  if (!opened.ok) return opened;
  const match = /^(\d{1,15}) (\S+)$/.exec(opened.payload);
  if (!match) return { ok: false, reason: 'invalid' };
  return { ok: true, claim: { email: match[2]!, issuedAt: new Date(Number(match[1])) } };
}
