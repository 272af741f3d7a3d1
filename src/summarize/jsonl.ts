/**
 * Batch summarizing: one JSON article per input line in, one JSON summary per line out,
 * streamed so that memory stays flat however many lines come in.
 */
import { once } from 'node:events';
import { TextDecoder } from 'node:util';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { detectEncoding, type TextEncoding } from '../load/text-file.js';
import type { Diagnostic } from '../types.js';
import { summarizeText } from './index.js';

export interface JsonlOptions {
  /** Key points per article; the digest default (3 to 5) when undefined. */
  points?: number;
  /** Every direct quotation instead of the notable ones. */
  allQuotes?: boolean;
  /** `false`: key points only, every `quotes` empty (see SummarizeOptions.quotes). */
  quotes?: boolean;
  /** Name of the input, put in diagnostics; the caller may fill it in instead. */
  file?: string;
  /** Told after each summary line is written: how many so far, and how many bytes of the input are read. */
  onProgress?: (progress: JsonlProgress) => void;
  /**
   * Told of each line that gives no summary as soon as it is read; such problems are then not
   * kept, so that memory stays flat however many lines are bad. Without it they are returned.
   */
  onProblem?: (problem: Diagnostic) => void;
}

/** How far a batch has gone: summaries written, and input bytes read (as read, before decoding). */
export interface JsonlProgress {
  articles: number;
  bytesRead: number;
}

/**
 * The longest article text summarized (UTF-16 code units), about eight novels: the summarizer
 * holds some 40 bytes per character, so a 250 MB line ran the process out of memory.
 */
export const MAX_TEXT_LENGTH = 5_000_000;
/** The longest line read (JSON escapes and other fields may make a line longer than its text). */
const MAX_LINE_LENGTH = 4 * MAX_TEXT_LENGTH;

// Bytes enough to tell UTF-16 from UTF-8 by where the zero bytes fall, when there is no byte order mark.
const ENCODING_SAMPLE_BYTES = 64;

/** Whether the first bytes of the input tell its encoding: a line's end among them, or enough of them. */
function canTellEncoding(head: Buffer): boolean {
  return head.length >= ENCODING_SAMPLE_BYTES || (head.length >= 4 && head.includes(0x0a));
}

/** What reading has found so far: the bytes read, and whether some were not valid in the input's encoding. */
interface ReadState {
  bytes: number;
  /** Set once bytes were found that the encoding has no character for: U+FFFD stands in their place from there on. */
  replaced: boolean;
}

/**
 * The text of `input`, chunk by chunk, decoded in the encoding its first bytes show (Windows
 * PowerShell writes a redirected file as UTF-16). Those bytes are held until they can tell it: a
 * slow producer may send the first byte alone. Bytes invalid in the encoding are decoded as U+FFFD
 * and `read.replaced` says so.
 */
async function* decodedText(input: NodeJS.ReadableStream, read: ReadState): AsyncGenerator<string> {
  let encoding: TextEncoding | undefined;
  // Strict until the first invalid bytes, then lenient: so that they are known to be there.
  let decoder: TextDecoder | undefined;
  let head = Buffer.alloc(0);
  const decode = (bytes: Buffer): string => {
    try {
      return (decoder as TextDecoder).decode(bytes, { stream: true });
    } catch {
      read.replaced = true;
      decoder = new TextDecoder(encoding);
      return decoder.decode(bytes, { stream: true });
    }
  };
  for await (const chunk of input) {
    if (typeof chunk === 'string') {
      read.bytes += Buffer.byteLength(chunk);
      yield chunk;
      continue;
    }
    read.bytes += (chunk as Buffer).length;
    if (decoder !== undefined) {
      yield decode(chunk as Buffer);
      continue;
    }
    head = Buffer.concat([head, chunk as Buffer]);
    if (!canTellEncoding(head)) continue;
    encoding = detectEncoding(head);
    decoder = new TextDecoder(encoding, { fatal: true });
    yield decode(head);
  }
  // Input too short to tell by is read as what there is suggests.
  if (decoder === undefined && head.length > 0) {
    encoding = detectEncoding(head);
    decoder = new TextDecoder(encoding, { fatal: true });
    yield decode(head);
  }
  if (decoder === undefined) return;
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    // Input that ends inside a character.
    read.replaced = true;
    rest = '\uFFFD';
  }
  if (rest !== '') yield rest;
}

/**
 * The lines of `input`, broken at `\n`, `\r\n` or `\r` as readline breaks them, each read in
 * turn so that a slow reader holds back the input; `null` for a line longer than `maxLength`,
 * whose text is dropped as it comes. (readline keeps a line whole however long: a 600 MB line
 * threw a RangeError from inside it that nothing could catch.)
 */
async function* readLines(input: NodeJS.ReadableStream, maxLength: number, read: ReadState): AsyncGenerator<string | null> {
  const lineBreak = /\r\n|\r|\n/g;
  let line = '';
  let tooLong = false;
  // A chunk that ended on `\r` may be followed by the `\n` of the same line break.
  let afterCarriageReturn = false;
  for await (let text of decodedText(input, read)) {
    if (afterCarriageReturn && text.startsWith('\n')) text = text.slice(1);
    afterCarriageReturn = false;
    let start = 0;
    lineBreak.lastIndex = 0;
    for (let found = lineBreak.exec(text); found !== null; found = lineBreak.exec(text)) {
      yield tooLong ? null : line + text.slice(start, found.index);
      line = '';
      tooLong = false;
      start = lineBreak.lastIndex;
      afterCarriageReturn = found[0] === '\r' && start === text.length;
    }
    if (tooLong) continue;
    line += text.slice(start);
    if (line.length > maxLength) {
      line = '';
      tooLong = true;
    }
  }
  if (tooLong) yield null;
  else if (line !== '') yield line;
}

interface InputArticle {
  id: string | number;
  text: string;
}

/** Why a line gives no summary. */
interface LineProblem {
  rule: 'jsonl/parse' | 'jsonl/too-long';
  message: string;
}

const notAnArticle = (message: string): LineProblem => ({ rule: 'jsonl/parse', message });
// A function, not a constant: the first toLocaleString loads ICU's number formats, 11 ms of every
// run's start-up when done at import.
const lineTooLong = (): LineProblem => ({ rule: 'jsonl/too-long', message: `the line is longer than ${MAX_LINE_LENGTH.toLocaleString('en')} characters` });

/** How a JSON value is named in a message: `null`, `an array`, `a number`. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The article a line holds, or the reason it holds none. */
function parseLine(line: string): InputArticle | LineProblem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return notAnArticle(`not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return notAnArticle('not a JSON object');
  const { id, text } = value as Record<string, unknown>;
  if (id === undefined) return notAnArticle('missing "id" (a string or a whole number)');
  if (typeof id !== 'string' && typeof id !== 'number') return notAnArticle(`"id" is ${kindOf(id)}, not a string or a whole number`);
  // Past 2^53 a number is rounded as it is read (9007199254740993 becomes …992): two ids could come out as one.
  if (typeof id === 'number' && !Number.isSafeInteger(id)) return notAnArticle('"id" is a number not carried exactly (a fraction, or past 2^53); write it as a string');
  if (text === undefined) return notAnArticle('missing "text" (a string)');
  if (typeof text !== 'string') return notAnArticle(`"text" is ${kindOf(text)}, not a string`);
  if (text.length > MAX_TEXT_LENGTH) {
    return { rule: 'jsonl/too-long', message: `"text" has ${text.length.toLocaleString('en')} characters (UTF-16 code units), more than the ${MAX_TEXT_LENGTH.toLocaleString('en')} one article may have; the line is skipped` };
  }
  return { id, text };
}

const UNICODE_LINE_BREAKS = /[\u2028\u2029]/g;
const escapeLineBreak = (character: string): string => `\\u${character.charCodeAt(0).toString(16)}`;

function summaryLine(article: InputArticle, options: JsonlOptions): string {
  const { keyPoints, quotes } = summarizeText(article.text, { points: options.points, allQuotes: options.allQuotes, quotes: options.quotes });
  const quoteFields = quotes.map(({ text, start, end, speaker, speakerStart, speakerEnd, role }) => ({
    text, start, end, speaker, speakerStart, speakerEnd, role,
  }));
  // U+2028 and U+2029 are valid in JSON but end a line for some readers (Python's splitlines): escaped, one line stays one line.
  return `${JSON.stringify({ id: article.id, keyPoints, quotes: quoteFields }).replace(UNICODE_LINE_BREAKS, escapeLineBreak)}\n`;
}

/**
 * Reads `{"id", "text"}` lines from `input` and writes `{"id", "keyPoints", "quotes"}` lines to
 * `output`, in input order, waiting whenever `output` asks to. A line that is not such an object
 * is skipped and reported; blank lines are ignored. Resolves with the problems found, unless
 * `onProblem` was told of them as they came.
 */
export async function summarizeJsonl(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  options: JsonlOptions = {},
): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  const read: ReadState = { bytes: 0, replaced: false };
  let lineNumber = 0;
  let articles = 0;
  const placeOf = (line: number) => (options.file === undefined ? { line } : { file: options.file, line });
  const report = (problem: Diagnostic): void => {
    if (options.onProblem) options.onProblem(problem);
    else problems.push(problem);
  };
  for await (const line of readLines(input, MAX_LINE_LENGTH, read)) {
    lineNumber++;
    if (line !== null && line.trim() === '') continue;
    // A byte-order mark may open a file written on Windows, and a line of files joined together
    // (`cat a.jsonl b.jsonl`); JSON.parse rejects it.
    const article = line === null ? lineTooLong() : parseLine(line.replace(/^\uFEFF/, ''));
    if ('rule' in article) {
      report(diagnostic(article.rule, article.message, placeOf(lineNumber)));
      continue;
    }
    // Once bytes were replaced, a line holding U+FFFD may have been changed by it: said, and summarized all the same.
    if (read.replaced && line?.includes('\uFFFD')) {
      report(diagnostic('jsonl/not-utf8', 'has bytes that are not valid in the file\'s encoding (not UTF-8?); U+FFFD stands in their place', placeOf(lineNumber)));
    }
    const flowing = output.write(summaryLine(article, options));
    options.onProgress?.({ articles: ++articles, bytesRead: read.bytes });
    if (!flowing) await once(output, 'drain');
  }
  return problems;
}
