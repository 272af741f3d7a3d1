import type { BouncedRecipient } from './bounce-report.js';

/** An RFC 3463 enhanced status code anywhere in a text: `5.1.1`, `4.2.2`. */
const ENHANCED_STATUS = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
/** A basic SMTP reply code at a word boundary: `550 `, `554:`, `452-`. */
const REPLY_CODE = /(?:^|[\s;(])([245])\d\d(?=[\s:-]|$)/m;

/** The enhanced status code in a text, or null. */
export function statusIn(text: string | null): string | null {
  const match = text ? ENHANCED_STATUS.exec(text) : null;
  return match ? match[0] : null;
}

/**
 * Hard (the address will never take mail: 5.x.x, or a 5xx reply when no status is given) or soft
 * (4.x.x, 4xx, a delay). Mailbox full (x.2.2) is soft whatever its class: many servers send it
 * as 552 5.2.2 for a box that empties again, and suppressing a reader for a full inbox loses them.
 * `unknown` when the report says nothing that tells: reported, never acted on.
 */
export function classify(status: string | null, diagnostic: string | null, action: string | null): BouncedRecipient['kind'] {
  const code = status ?? statusIn(diagnostic);
  if (code && /^[45]\.2\.2$/.test(code)) return 'soft';
  if (code?.startsWith('5.')) return 'hard';
  if (code?.startsWith('4.')) return 'soft';
  if (action && /^delayed$/i.test(action)) return 'soft';
  const reply = diagnostic ? REPLY_CODE.exec(diagnostic)?.[1] : undefined;
  if (reply === '5') return 'hard';
  if (reply === '4') return 'soft';
  return 'unknown';
}
