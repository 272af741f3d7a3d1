import addressparser from 'nodemailer/lib/addressparser';
import { addressProblem } from '../subscribers/address.js';

/**
 * Why a From value cannot head a message, or null when it can: exactly one mailbox, written
 * `Name <address>` or as a bare address, whose address a server would accept. Without this a
 * value like `The Gazette` parses as a display name with no address, and nodemailer sends the
 * message with no From header at all.
 */
export function fromProblem(value: string): string | null {
  const parsed = addressparser(value);
  if (parsed.length !== 1) return parsed.length === 0 ? 'it is empty' : `it names ${parsed.length} addresses; a message has one sender`;
  const [only] = parsed;
  if (!only || !('address' in only) || only.group) return 'it is a group, not one address';
  if (!only.address) return `"${value}" has no address in it`;
  const problem = addressProblem(only.address);
  return problem ? `"${only.address}": ${problem}` : null;
}
