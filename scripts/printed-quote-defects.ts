/**
 * Counts the defects a reader would see in the quotations `summarize --all-quotes` prints for
 * article files (a workspace's `articles/*.md`, or plain `.txt` news), as bench/eval.ts does on
 * the evaluation set, and lists each defective quotation:
 *   npm run build && node dist/scripts/printed-quote-defects.js articles/*.md ../shared/seed/*.txt
 */
import { readTextFile } from '../src/load/text-file.js';
import { parseArticle } from '../src/load/articles.js';
import { findQuotes } from '../src/summarize/quotes/quotes.js';
import { countPrintedDefects, printedQuoteDefects } from '../bench/scoring/printed-quotes.js';

const articles = [];
for (const file of process.argv.slice(2)) {
  const { text: content } = await readTextFile(file);
  const text = parseArticle({ file, content }).article?.text ?? content;
  const quotes = findQuotes(text);
  for (const quote of quotes) {
    const defects = printedQuoteDefects(text, quote);
    if (defects.length > 0) console.log(`${file}: ${defects.join(', ')}\n  “${quote.text}” — ${[quote.speaker, quote.role].filter(Boolean).join(', ')}`);
  }
  articles.push({ text, quotes });
}
console.log(JSON.stringify(countPrintedDefects(articles)));
