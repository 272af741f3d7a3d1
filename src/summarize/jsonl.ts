/**
 * Batch summarizing: one JSON article per input line in, one JSON summary per line out,
 * streamed so that memory stays flat however many lines come in.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../types.js';
import { summarizeText } from './index.js';

export interface JsonlOptions {
  /** Key points per article; the digest default (3 to 5) when undefined. */
  points?: number;
  /** Every direct quotation instead of the notable ones. */
  allQuotes?: boolean;
  /** Name of the input, put in diagnostics; the caller may fill it in instead. */
  file?: string;
}

interface InputArticle {
  id: string | number;
  text: string;
}

/** The article a line holds, or the reason it holds none. */
function parseLine(line: string): InputArticle | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const { id, text } = value as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') return 'missing "id" (a string or number)';
  if (typeof text !== 'string') return 'missing "text" (a string)';
  return { id, text };
}

function summaryLine(article: InputArticle, options: JsonlOptions): string {
  const { keyPoints, quotes } = summarizeText(article.text, { points: options.points, allQuotes: options.allQuotes });
  const quoteFields = quotes.map(({ text, start, end, speaker, speakerStart, speakerEnd, role }) => ({
    text, start, end, speaker, speakerStart, speakerEnd, role,
  }));
  return `${JSON.stringify({ id: article.id, keyPoints, quotes: quoteFields })}\n`;
}

/**
 * Reads `{"id", "text"}` lines from `input` and writes `{"id", "keyPoints", "quotes"}` lines to
 * `output`, in input order, waiting whenever `output` asks to. A line that is not such an object
 * is skipped and reported; blank lines are ignored. Resolves with the problems found.
 */
export async function summarizeJsonl(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  options: JsonlOptions = {},
): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  // readline's async iterator pauses the input once 1,024 lines wait unread, so a slow output
  // holds back reading instead of filling memory.
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    // A byte-order mark may open a file written on Windows; JSON.parse rejects it.
    const article = parseLine(lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line);
    if (typeof article === 'string') {
      const place = options.file === undefined ? { line: lineNumber } : { file: options.file, line: lineNumber };
      problems.push(diagnostic('jsonl/parse', article, place));
      continue;
    }
    if (!output.write(summaryLine(article, options))) await once(output, 'drain');
  }
  return problems;
}
