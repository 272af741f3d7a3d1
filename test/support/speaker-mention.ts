import { findQuotes } from '../../src/summarize/quotes/quotes.js';

/** The words the last quotation of a text is attributed to, as they stand in the text (empty when none). */
export function speakerMention(text: string): string {
  const quote = findQuotes(text).at(-1);
  return text.slice(quote?.speakerStart ?? 0, quote?.speakerEnd ?? 0);
}
