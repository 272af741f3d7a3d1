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
  // Found with indexOf and patched in place: an issue's HTML is megabytes of lines, a handful of them dotted.
  let patched = '';
  let copied = 0;
  for (let at = wrapped.startsWith('.') ? 0 : lineStartAfter(wrapped, 0); at !== -1; at = lineStartAfter(wrapped, at)) {
    const end = wrapped.indexOf('\r\n', at);
    const line = wrapped.slice(at, end === -1 ? wrapped.length : end);
    patched += `${wrapped.slice(copied, at)}${escapedLeadingDot(line, lineLength).join('\r\n')}`;
    copied = at + line.length;
  }
  return copied === 0 ? wrapped : patched + wrapped.slice(copied);
}

/** Where the next line that starts with a dot begins, after `from`; -1 when there is none. */
function lineStartAfter(text: string, from: number): number {
  const at = text.indexOf('\r\n.', from);
  return at === -1 ? -1 : at + 2;
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
