import { simpleParser, type AddressObject, type HeaderValue } from 'mailparser';

export interface MessageHeader {
  name: string;
  value: string;
}

const isAddressObject = (value: unknown): value is AddressObject => typeof value === 'object' && value !== null && 'value' in value && 'text' in value && 'html' in value;

/**
 * What mailparser read from one occurrence of a header, as text a person reads: encoded words
 * (RFC 2047) decoded, addresses with their display names. Dates, content types and list headers
 * are shown as written, which is what an editor compares with their config.
 */
function readable(value: HeaderValue | undefined, occurrence: number): string | undefined {
  const one: unknown = Array.isArray(value) ? value[occurrence] : occurrence === 0 ? value : undefined;
  if (typeof one === 'string') return one;
  if (isAddressObject(one)) return one.text;
  return undefined;
}

/** The top-level headers of a MIME message, as mailparser reads them, in the order they appear. */
export async function messageHeaders(eml: Buffer | string): Promise<MessageHeader[]> {
  const parsed = await simpleParser(eml, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  const seen = new Map<string, number>();
  return parsed.headerLines.map(({ key, line }) => {
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const colon = line.indexOf(':');
    // Unfolding (RFC 5322 2.2.3) is removing the line breaks; the value is otherwise as written.
    const written = line.slice(colon + 1).replace(/\r?\n/g, '').trim();
    return { name: line.slice(0, colon), value: readable(parsed.headers.get(key), occurrence) ?? written };
  });
}
