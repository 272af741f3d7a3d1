import { encode, wrap } from 'nodemailer/lib/qp';

/**
 * Quoted-printable as nodemailer encodes it, wrapped at `lineLength`, except that no line starts
 * with a dot: such a dot is written `=2E`, which decodes to the same dot.
 *
 * Why: SMTP doubles a dot that starts a line (RFC 5321, 4.5.2), and nodemailer's connection does
 * it by copying the whole chunk the dot is in. A dot at the start of one line of an issue's HTML
 * (a CSS rule, an ellipsis the wrap put first) made the shared HTML part, tens of KB, be copied for
 * every recipient, and those copies were most of a send's memory traffic outside the V8 heap.
 */
export function encodeQuotedPrintable(text: string, lineLength: number): string {
  const wrapped = wrap(encode(text), lineLength);
  if (!wrapped.startsWith('.') && !wrapped.includes('\r\n.')) return wrapped;
  return wrapped
    .split('\r\n')
    .flatMap((line) => (line.startsWith('.') ? escapedLeadingDot(line, lineLength) : [line]))
    .join('\r\n');
}

/**
 * A line that starts with a dot, the dot escaped. Two characters longer, it may no longer fit: it is then cut where no escape is halved and continued after a soft line break. The
 * continuation is only a few characters long, and escaped the same way if it starts with a dot.
 */
function escapedLeadingDot(line: string, lineLength: number): string[] {
  const escaped = `=2E${line.slice(1)}`;
  if (escaped.length <= lineLength) return [escaped];
  // Cut before the first character (or `=XX` escape) that would leave no room for the soft break's `=`.
  let cut = 0;
  while (cut + tokenLength(escaped, cut) <= lineLength - 1) cut += tokenLength(escaped, cut);
  const rest = escaped.slice(cut);
  return [`${escaped.slice(0, cut)}=`, ...(rest.startsWith('.') ? escapedLeadingDot(rest, lineLength) : [rest])];
}

/** An `=XX` escape is three characters; anything else, a soft break's closing `=` included, is one. */
function tokenLength(line: string, at: number): number {
  return line[at] === '=' && at + 2 < line.length ? 3 : 1;
}
