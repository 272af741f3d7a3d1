import type { QuoteSpan } from '../types.js';
import { extractKeyPoints } from './keypoints/keypoints.js';
import { findQuotes, selectNotableQuotes } from './quotes/quotes.js';

export interface SummarizeOptions {
  /** Number of key points wanted; the summarizer may return fewer for short texts. */
  points?: number;
  /** Return every direct quotation found, not only the notable ones. */
  allQuotes?: boolean;
  /**
   * `false`: key points only. Quotations and their speakers are not looked for (they are most of
   * the work), `quotes` is empty, and key points are picked without regard to quotes shown beside them.
   */
  quotes?: boolean;
  /** The article's title: never returned as a key point. */
  title?: string;
}

export interface TextSummary {
  keyPoints: string[];
  quotes: QuoteSpan[];
}

/**
 * Summarizes plain text (paragraphs separated by blank lines) into key points and quotes.
 * Deterministic and offline.
 */
export function summarizeText(text: string, options: SummarizeOptions = {}): TextSummary {
  if (options.quotes === false) return { keyPoints: extractKeyPoints(text, { count: options.points, title: options.title }), quotes: [] };
  const allQuotes = findQuotes(text);
  const notable = selectNotableQuotes(allQuotes);
  const keyPoints = extractKeyPoints(text, { count: options.points, title: options.title, quotes: notable });
  return { keyPoints, quotes: options.allQuotes ? allQuotes : notable };
}
