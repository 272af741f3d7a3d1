import type { Diagnostic } from '../../types.js';
import { visibleText, type HtmlDocument } from '../html-document.js';
import type { HeaderField, MimeMessage } from '../mime-message.js';
import { finding, type Place } from '../rule-set.js';

/** RFC 5322 §2.1.1: a line MUST NOT exceed 998 characters, CRLF excluded. */
export const MAX_LINE_OCTETS = 998;
/** Lines over the limit that are reported one by one; the rest are counted. */
const LONG_LINES_LISTED = 10;

const headerPlace = (message: MimeMessage, field: HeaderField | undefined, name: string): Place =>
  field ? { file: message.source.file, line: field.line, column: 1, field: name } : { file: message.source.file, field: name };

export function checkLineLengths(message: MimeMessage): Diagnostic[] {
  const lines = message.source.text.split('\n');
  const long = lines.flatMap((line, index) => {
    const octets = Buffer.byteLength(line.replace(/\r$/, ''), 'utf8');
    return octets > MAX_LINE_OCTETS ? [{ line: index + 1, octets }] : [];
  });
  const findings = long
    .slice(0, LONG_LINES_LISTED)
    .map(({ line, octets }) => finding('mime/line-length', `line of ${octets} characters, over the ${MAX_LINE_OCTETS} that RFC 5322 allows: servers may break or reject it`, { file: message.source.file, line, column: MAX_LINE_OCTETS + 1 }));
  if (long.length > LONG_LINES_LISTED) findings.push(finding('mime/line-length', `and ${long.length - LONG_LINES_LISTED} more lines over ${MAX_LINE_OCTETS} characters`, { file: message.source.file }));
  return findings;
}

export function checkLineEndings(message: MimeMessage): Diagnostic[] {
  const text = message.source.text;
  const bare = [...text.matchAll(/\r(?!\n)|(?<!\r)\n/g)];
  const first = bare[0];
  if (!first) return [];
  return [
    finding('mime/crlf', `${bare.length} ${bare.length === 1 ? 'line ends' : 'lines end'} in a bare ${first[0] === '\n' ? 'LF' : 'CR'} instead of CRLF: SMTP servers reject or rewrite such messages`, message.source.placeOf(first.index)),
  ];
}

/** Headers that must appear exactly once (RFC 5322 §3.6), checked for presence, count and form. */
export function checkRequiredHeaders(message: MimeMessage): Diagnostic[] {
  const findings: Diagnostic[] = [];
  const once = (name: string, rule: 'mime/date' | 'mime/message-id' | 'mime/from', valid: (value: string) => string | null) => {
    const fields = message.fields(name);
    if (fields.length === 0) return findings.push(finding(rule, `no ${name} header`, headerPlace(message, undefined, name)));
    if (fields.length > 1) return findings.push(finding(rule, `${fields.length} ${name} headers where RFC 5322 allows one`, headerPlace(message, fields[1], name)));
    const problem = valid(fields[0]!.value);
    if (problem) findings.push(finding(rule, problem, headerPlace(message, fields[0], name)));
  };
  once('Date', 'mime/date', (value) => (Number.isNaN(Date.parse(value)) ? `Date "${value}" is not a valid RFC 5322 date` : null));
  once('Message-ID', 'mime/message-id', (value) => (/^<[^<>@\s]+@[^<>@\s]+>$/.test(value) ? null : `Message-ID "${value}" is not of the form <local@domain>`));
  once('From', 'mime/from', () => {
    const addresses = message.parsed.from?.value.filter((address) => address.address) ?? [];
    return addresses.length === 1 ? null : `From holds ${addresses.length} addresses; it must hold exactly one`;
  });
  return findings;
}

export function checkAlternative(message: MimeMessage): Diagnostic[] {
  const isAlternative = /^content-type:\s*multipart\/alternative/im.test(message.source.text);
  const missing = [!message.parsed.text && 'text/plain', !message.parsed.html && 'text/html'].filter(Boolean);
  if (isAlternative && missing.length === 0) return [];
  const problem = missing.length > 0 ? `has no ${missing.join(' or ')} part` : 'is not multipart/alternative';
  return [finding('mime/alternative', `the message ${problem}: send both a text and an HTML part, as alternatives`, headerPlace(message, message.fields('Content-Type')[0], 'Content-Type'))];
}

/** Words as SpamAssassin's MIMEEval compares them: lower-case runs of letters and digits, two or more long. */
export function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []);
}

/** Share of the HTML's distinct words that the text part lacks, in percent. */
export function alternativeDifference(html: HtmlDocument, text: string): number {
  const htmlWords = wordSet(visibleText(html.root));
  if (htmlWords.size === 0) return 0;
  const textWords = wordSet(text);
  let missing = 0;
  for (const word of htmlWords) if (!textWords.has(word)) missing++;
  return (missing / htmlWords.size) * 100;
}

/** SpamAssassin's MPART_ALT_DIFF fires at 99%; warning at half that leaves room to fix the text part first. */
export const MAX_ALTERNATIVE_DIFFERENCE = 50;

export function checkAlternativeDifference(message: MimeMessage, html: HtmlDocument, text: string): Diagnostic[] {
  if (!message.parsed.html || !message.parsed.text) return [];
  const difference = alternativeDifference(html, text);
  if (difference <= MAX_ALTERNATIVE_DIFFERENCE) return [];
  return [
    finding('mime/alt-diff', `${difference.toFixed(0)}% of the HTML part's words are missing from the text part (over ${MAX_ALTERNATIVE_DIFFERENCE}%): spam filters score parts that disagree (MPART_ALT_DIFF)`, {
      file: message.source.file,
    }),
  ];
}
