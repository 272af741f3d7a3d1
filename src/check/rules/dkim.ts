import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { DNSResolver, DKIMResult } from 'mailauth';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import type { DkimKey } from '../../message/dkim.js';
import type { Diagnostic } from '../../types.js';
import type { MimeMessage } from '../mime-message.js';
import { finding, type Place } from '../rule-set.js';

/** RFC 8058 §4: a one-click unsubscribe only counts when the signature covers both headers. */
const ONE_CLICK_HEADERS = ['list-unsubscribe', 'list-unsubscribe-post'];

/** The `selector._domainkey.domain` TXT record that publishes the key's public half. */
export function dkimRecord(privateKey: KeyObject | string): string {
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  if (publicKey.asymmetricKeyType === 'ed25519') return `v=DKIM1; k=ed25519; p=${der.subarray(-32).toString('base64')}`;
  return `v=DKIM1; k=rsa; p=${der.toString('base64')}`;
}

/** A resolver that knows one record, the configured key's: the check never asks real DNS. */
export function localResolver(key: DkimKey): DNSResolver {
  const name = `${key.selector}._domainkey.${key.domain}`.toLowerCase();
  const record = dkimRecord(key.privateKey);
  return async (domain, type) => {
    if (type === 'TXT' && domain.toLowerCase() === name) return [[record]];
    throw Object.assign(new Error(`no ${type} record for ${domain} in the local resolver`), { code: 'ENOTFOUND' });
  };
}

/** mailauth reports which headers a signature covers; its type declarations leave that out. */
type VerifiedSignature = DKIMResult & { signingHeaders?: { keys?: string } };

/** Throws when the PEM is not a private key Node can sign with. */
export function assertPrivateKey(pem: string): void {
  createPrivateKey(pem);
}

/**
 * Verifies every DKIM signature of the message against the configured key, and checks that
 * the list headers are covered and the signing domain matches the From address's.
 */
export async function verifyDkim(message: MimeMessage, key: DkimKey): Promise<Diagnostic[]> {
  const field = message.fields('DKIM-Signature')[0];
  if (!field) return [finding('dkim/verify', 'the message carries no DKIM signature although a DKIM key is configured', { file: message.source.file, field: 'DKIM-Signature' })];
  const place: Place = { file: message.source.file, line: field.line, column: 1, field: 'DKIM-Signature' };
  const verified = await dkimVerify(message.raw, { resolver: localResolver(key) });
  const results = verified.results as VerifiedSignature[];
  const findings: Diagnostic[] = [];
  for (const result of results) {
    const signer = `d=${result.signingDomain} s=${result.selector ?? '?'}`;
    if (result.status.result !== 'pass') {
      const why = result.status.comment || result.status.result;
      findings.push(finding('dkim/verify', `DKIM signature (${signer}) does not verify: ${why}`, place));
      continue;
    }
    const signed = (result.signingHeaders?.keys ?? '').toLowerCase().split(':').map((name) => name.trim());
    // A missing header is the mime group's finding; here only present ones must be covered.
    const unsigned = ONE_CLICK_HEADERS.filter((name) => message.fields(name).length > 0 && !signed.includes(name));
    if (unsigned.length > 0) {
      findings.push(finding('dkim/list-unsubscribe-signed', `DKIM signature (${signer}) does not cover ${unsigned.join(' and ')}: one-click unsubscribe needs both signed (RFC 8058)`, place));
    }
    if (result.status.aligned === false) {
      findings.push(finding('dkim/alignment', `DKIM signing domain ${result.signingDomain} does not align with the From domain ${verified.headerFrom.join(', ')}: DMARC will not pass on it`, place));
    }
  }
  return findings;
}
