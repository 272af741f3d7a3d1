/**
 * The optional name a person gives when signing up. Anyone can sign up anyone's address, so the
 * name is text a stranger chose: it never goes into the confirmation email (see `SignUps`), and
 * it is refused when it could pass for something else in an email: an RFC 2047 encoded word
 * (`=?utf-8?b?…?=`, which a mail reader decodes into a display name such as
 * `Admin <admin@example.net>`), a link or web address, or an email address.
 */

export const MAX_NAME_LENGTH = 100;

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Length as a person counts it: one per character seen (an emoji with modifiers is one), not per UTF-16 unit. */
export function nameLength(name: string): number {
  let count = 0;
  for (const _ of segmenter.segment(name)) count++;
  return count;
}

const ENCODED_WORD = /=\?[^?\s]*\?[bq]\?[^?\s]*\?=/i;
/** A scheme (`https://`, `mailto:`), `www.`, or a dotted name ending in a top-level domain (`example.com`). */
const LINK = /[a-z][a-z0-9+.-]*:\/\/|\b(?:mailto|https?):|\bwww\.|[\p{L}\p{N}-]{2,}\.(?:[\p{L}\p{N}-]+\.)*\p{L}{2,}\b/iu;

/** Why a (trimmed, whitespace-collapsed) name is refused, or null when it is fine. */
export function nameProblem(name: string): string | null {
  if (nameLength(name) > MAX_NAME_LENGTH) return `the name is longer than ${MAX_NAME_LENGTH} characters`;
  if (/\p{Cc}/u.test(name)) return 'the name has control characters';
  if (ENCODED_WORD.test(name)) return 'the name cannot contain encoded text (=?…?=)';
  if (name.includes('@')) return 'the name cannot contain an email address';
  if (LINK.test(name)) return 'the name cannot contain a link or a web address';
  return null;
}

/** The name to greet and address someone by in list mail: a stored name that would be refused today is left out. */
export function greetableName(name: string | null): string | null {
  return name && nameProblem(name) === null ? name : null;
}
