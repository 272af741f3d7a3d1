import { findQuotes } from '../../src/summarize/quotes/quotes.js';

/** The quotations `findQuotes` finds in a text, each as written there (quote marks included). */
export const quotedTexts = (text: string): string[] => findQuotes(text).map((quote) => text.slice(quote.start, quote.end));
