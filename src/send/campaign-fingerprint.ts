import { createHash, createHmac } from 'node:crypto';
import type { RenderedEmail } from '../types.js';

/**
 * A digest of what a campaign sends: the built issue (subject, HTML and text templates), its From,
 * and its unsubscribe secret (through an HMAC, so the secret cannot be read back from it). Senders
 * sharing a campaign must agree on all of them: another build, sender or secret would mix two
 * newsletters in one send, or unsubscribe links the other machines cannot verify.
 */
export function campaignFingerprint(email: Pick<RenderedEmail, 'subject' | 'htmlTemplate' | 'textTemplate'>, from: string, secret: string): string {
  const secretMark = createHmac('sha256', secret).update('gazette campaign').digest('hex');
  return createHash('sha256').update(JSON.stringify([email.subject, email.htmlTemplate, email.textTemplate, from, secretMark])).digest('hex');
}
