import { simpleParser, type ParsedMail } from 'mailparser';
import { sourceOf, type Source } from '../diagnostics/source.js';

/** One header field as it stands in the message: unfolded value, and the line it starts on. */
export interface HeaderField {
  name: string;
  value: string;
  line: number;
}

/** The message as the transport would hand it over: raw text for places, and mailparser's reading of it. */
export interface MimeMessage {
  source: Source;
  raw: Buffer;
  headers: HeaderField[];
  /** Every field of that name, case-insensitively, in message order. */
  fields(name: string): HeaderField[];
  parsed: ParsedMail;
}

/** The header block's fields (up to the first empty line), with folded lines joined. */
export function headerFields(text: string): HeaderField[] {
  const fields: HeaderField[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line === '') break;
    const last = fields.at(-1);
    if (/^[ \t]/.test(line) && last) {
      last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    fields.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim(), line: index + 1 });
  }
  return fields;
}

export async function readMimeMessage(file: string, raw: Buffer): Promise<MimeMessage> {
  const text = raw.toString('utf8');
  const headers = headerFields(text);
  return {
    source: sourceOf(file, text),
    raw,
    headers,
    fields: (name) => headers.filter((field) => field.name.toLowerCase() === name.toLowerCase()),
    parsed: await simpleParser(raw, { skipHtmlToText: true, skipTextLinks: true, skipImageLinks: true }),
  };
}
