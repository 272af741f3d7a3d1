import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../types.js';

/** A text file as Gazette reads it: decoded, with LF line endings, and what was odd about its bytes. */
export interface TextFile {
  text: string;
  /** Warnings about the encoding (never errors: the text is still usable). */
  diagnostics: Diagnostic[];
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding a byte order mark names, or null without one. */
export function encodingFromBom(bytes: Uint8Array): TextEncoding | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  return null;
}

/** Line breaks as written on Windows (CRLF) or old Macs (CR) become LF, so every parser sees one form. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Reads and decodes any input file (article, `_intro.md`, config, template, list). File-system errors are thrown as they are. */
export async function readTextFile(file: string): Promise<TextFile> {
  return decodeText(await readFile(file), file);
}

/**
 * `readTextFile` for a folder's worth of small files (the articles): each asynchronous read is a
 * round trip through Node's four file-system threads, and a thousand of them took 140–180 ms
 * where reading them one after another took 20–45.
 */
export function readTextFileSync(file: string): TextFile {
  return decodeText(readFileSync(file), file);
}

/**
 * Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 of either byte order (by BOM, or by
 * the zero bytes every ASCII character leaves), and, for bytes that are not valid UTF-8, Windows-1252
 * with a warning, since that is what Latin-1 editors actually write. Never yields U+FFFD for a
 * byte it could read, nor a NUL character.
 */
export function decodeText(bytes: Uint8Array, file: string): TextFile {
  const diagnostics: Diagnostic[] = [];
  const encoding = detectEncoding(bytes);
  let text: string;
  if (encoding !== 'utf-8') {
    text = new TextDecoder(encoding).decode(bytes);
  } else if (isUtf8(bytes)) {
    text = new TextDecoder('utf-8').decode(bytes);
  } else {
    text = decodeWindows1252(bytes);
    diagnostics.push(
      diagnostic('input/not-utf8', 'is not valid UTF-8; read as Windows-1252 (Latin-1): check its accented letters, and save it as UTF-8', {
        file,
        line: firstInvalidUtf8Line(bytes),
        severity: 'warning',
      }),
    );
  }
  text = normalizeNewlines(text);
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    diagnostics.push(
      diagnostic('input/nul-bytes', 'contains NUL bytes (is it a binary file?); they were removed', {
        file,
        line: lineAt(text, nul),
        severity: 'warning',
      }),
    );
    text = text.replaceAll('\0', '');
  }
  return { text, diagnostics };
}

/**
 * What Windows-1252 puts at 0x80–0x9F (curly quotes, dashes, €…); the rest is Latin-1. Node 20's
 * TextDecoder('windows-1252') decodes those bytes as Latin-1 control characters instead.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009F]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

/** The encoding of a file from its first bytes (at least the first few thousand, where there are that many). */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  const marked = encodingFromBom(bytes);
  if (marked) return marked;
  // Without a BOM, UTF-16 text in a Latin script has a zero in every other byte: odd ones for
  // little-endian, even ones for big-endian. UTF-8 text has none at all.
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  const pairs = sample.length / 2;
  if (pairs < 2) return 'utf-8';
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) zeroEven++;
    if (sample[index + 1] === 0) zeroOdd++;
  }
  // A few zeros on the other side are characters such as U+4E00, whose low byte is zero.
  if (zeroOdd >= pairs * 0.4 && zeroEven * 4 < zeroOdd) return 'utf-16le';
  if (zeroEven >= pairs * 0.4 && zeroOdd * 4 < zeroEven) return 'utf-16be';
  return 'utf-8';
}

/** A line feed byte never occurs inside a multi-byte UTF-8 sequence, so lines can be checked one by one. */
function firstInvalidUtf8Line(bytes: Uint8Array): number | undefined {
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    if (!isUtf8(bytes.subarray(start, stop))) return line;
    if (end === -1) break;
    start = end + 1;
  }
  return undefined;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let position = text.indexOf('\n'); position !== -1 && position < index; position = text.indexOf('\n', position + 1)) line++;
  return line;
}
