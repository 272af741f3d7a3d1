import { isUtf8 } from 'node:buffer';
import { encodingFromBom } from '../load/text-file.js';

/**
 * Which encoding a fetched body is in, and its text: the byte order mark first, then the
 * Content-Type header, then what the document says of itself (`<meta charset>`,
 * `http-equiv`, `<?xml encoding?>`), then UTF-8, read as Windows-1252 when the bytes are not.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const label = encodingFromBom(bytes) ?? charsetFromContentType(contentType) ?? declaredCharset(bytes);
  const decoder = label ? decoderFor(label) : null;
  if (decoder) return decoder(bytes);
  return isUtf8(bytes) ? new TextDecoder('utf-8').decode(bytes) : decodeWindows1252(bytes);
}

/** `text/html; charset="ISO-8859-1"` → `iso-8859-1` */
export function charsetFromContentType(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

/** The charset a document declares in its first 1024 bytes (what browsers look at), or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head) ?? // <meta charset> and http-equiv's content="…; charset=…"
    /<\?xml[^>]+encoding\s*=\s*["']([a-z0-9_:.-]+)["']/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * WHATWG reads Latin-1 and ASCII labels as Windows-1252, and so does every browser; Node 20's
 * TextDecoder decodes 0x80–0x9F of it as control characters, so those bytes are mapped here.
 */
const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'ansi_x3.4-1968']);
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009F]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

function decoderFor(label: string): ((bytes: Uint8Array) => string) | null {
  if (WINDOWS_1252_LABELS.has(label)) return decodeWindows1252;
  try {
    const decoder = new TextDecoder(label);
    // A page that says UTF-8 but is not gets the same second chance as one that says nothing.
    if (decoder.encoding === 'utf-8') return (bytes) => (isUtf8(bytes) ? decoder.decode(bytes) : decodeWindows1252(bytes));
    return (bytes) => decoder.decode(bytes);
  } catch {
    return null; // a label TextDecoder does not know: fall back as if none were given
  }
}
