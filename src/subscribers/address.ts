import addressparser from 'nodemailer/lib/addressparser';

/**
 * Email addresses as lists give them. Validation is deliberately practical rather than
 * RFC 5322-complete: what it accepts, every mainstream SMTP server accepts as a recipient.
 */

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/** Why an address cannot be sent to, or null when it can. */
export function addressProblem(address: string): string | null {
  if (address === '') return 'the address is empty';
  if (/\s/.test(address)) return 'an address cannot contain spaces';
  if (address.length > 254) return 'the address is longer than 254 characters';
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return 'an address needs a name, an @ and a domain';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64) return 'the part before @ is longer than 64 characters';
  if (!LOCAL_PART.test(local)) return `"${local}" is not a valid name before @`;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return `"${domain}" is not a valid domain`;
  if (!/^[A-Za-z]{2,63}$|^xn--[A-Za-z0-9-]+$/.test(labels.at(-1) ?? '')) return `"${domain}" does not end in a top-level domain`;
  return null;
}

/**
 * The key addresses are compared by: `Ann@Example.COM` and `ann@example.com` are one subscriber.
 * Local parts are case-sensitive in theory, but no mailbox provider treats them so, and a list
 * that mails both spellings sends the same person two copies.
 */
export function addressKey(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * Why a header value (`Name <user@example.com>` or `user@example.com`) is not exactly one
 * mailbox, or null when it is. A value like `The Gazette` parses as a display name with no
 * address, and nodemailer would send the message with no From header at all.
 */
export function mailboxProblem(value: string): string | null {
  const example = 'like "Name <user@example.com>" or user@example.com';
  // addressparser mends what it cannot read ("Name d@example.com" → "Name <d@example.com>"): a
  // header address is taken only in one of the two forms it is written in, nothing around it.
  const parsed = addressparser(value);
  if (parsed.length !== 1) return parsed.length === 0 ? `must be an address, ${example}` : `must be one address, not ${parsed.length}`;
  const trimmed = value.trim();
  const angled = /^([^<>]*)<[^<>]*>$/.exec(trimmed);
  if (!angled && /[\s<>]/.test(trimmed)) return `must be an address, ${example}`;
  if (angled?.[1]?.includes('@')) return `must not have an address as its name, ${example}: readers would take it for the sender`;
  const only = parsed[0]!;
  if ('group' in only && only.group) return `must be one address, not a group, ${example}`;
  const address = 'address' in only ? only.address : '';
  if (!address) return `must be an address, ${example}`;
  const problem = addressProblem(address);
  return problem && `must be an address, ${example}: ${problem}`;
}
