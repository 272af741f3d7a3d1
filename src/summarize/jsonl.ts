/**
 * Batch summarizing: one JSON article per input line in, one JSON summary per line out,
 * streamed so that memory stays flat however many lines come in.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../types.js';
import { summarizeText } from './index.js';
import { SummaryThreads, type InputArticle } from './summary-threads.js';

export interface JsonlOptions {
  /** Key points per article; the digest default (3 to 5) when undefined. */
  points?: number;
  /** Every direct quotation instead of the notable ones. */
  allQuotes?: boolean;
  /** Name of the input, put in diagnostics; the caller may fill it in instead. */
  file?: string;
  /**
   * Worker threads that summarize at once (the CLI gives one per core); 1, the default, summarizes
   * in this thread. The output is the same, in the same order.
   */
  threads?: number;
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

/** The output line for one article: what a worker thread hands back too. */
export function summaryLine(article: InputArticle, options: Pick<JsonlOptions, 'points' | 'allQuotes'>): string {
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
  const threads = (options.threads ?? 1) > 1 ? new SummaryThreads(options.threads!, { points: options.points, allQuotes: options.allQuotes }) : null;
  const summarize = (article: InputArticle) => (threads ? threads.summarize(article) : summaryLine(article, options));
  // Lines being summarized, in input order: a few per thread keep each busy, and no more, so memory stays flat.
  const pending: (string | Promise<string>)[] = [];
  const inFlight = threads ? options.threads! * 8 : 1;
  const writeNext = async () => {
    if (!output.write(await pending.shift()!)) await once(output, 'drain');
  };
  try {
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
      pending.push(summarize(article));
      if (pending.length >= inFlight) await writeNext();
    }
    while (pending.length > 0) await writeNext();
  } finally {
    await threads?.close();
  }
  return problems;
}
