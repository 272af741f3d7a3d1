import { decode } from 'libqp';
import { describe, expect, it } from 'vitest';
import { encodeQuotedPrintable } from '../src/message/quoted-printable.js';

/** Text whose wrapped lines start with a dot at every column the wrap can leave: CSS rules, ellipses, dot leaders. */
function dottedText(): string {
  const lines: string[] = [];
  for (let shift = 0; shift < 80; shift++) {
    lines.push(`${'x'.repeat(shift)}.card{color:#333}.lead{font-weight:bold} … and so on...`);
    lines.push(`${'é'.repeat(shift % 30)}${'.'.repeat(90)}`);
    lines.push(`Prices ${'. '.repeat(shift)}€ ${'=.'.repeat(shift % 7)}.`);
  }
  // A line of a lone dot is how SMTP ends a message.
  lines.push('.', '..', '.\t', '. ');
  return lines.join('\r\n');
}

describe('quoted-printable for SMTP', () => {
  for (const lineLength of [75, 76]) {
    it(`starts no line with a dot, keeps lines within ${lineLength} characters and decodes to the same text`, () => {
      const text = dottedText();
      const encoded = encodeQuotedPrintable(text, lineLength);
      const lines = encoded.split('\r\n');
      expect(lines.filter((line) => line.startsWith('.'))).toEqual([]);
      expect(lines.filter((line) => line.length > lineLength)).toEqual([]);
      expect(encoded).toContain('=2E');
      expect(decode(encoded).toString('utf8')).toBe(text);
    });
  }

  it('leaves text with no dot at a line start exactly as nodemailer wraps it', () => {
    const text = 'A plain line of text, long enough to be wrapped more than once by the encoder, with a full stop. And another.';
    expect(encodeQuotedPrintable(text, 76)).not.toContain('=2E');
    expect(decode(encodeQuotedPrintable(text, 76)).toString('utf8')).toBe(text);
  });
});
