/**
 * Lists the quotation finder's errors on an annotated quotes file by kind, to fix whole kinds
 * rather than single lines:
 *   npm run build && node dist/scripts/quote-errors.js QUOTES_JSONL [KIND] [LIMIT]
 * Kinds: missed (no found quotation overlaps the annotated one), split-or-short (one overlaps,
 * below the match threshold), spurious (a found quotation overlapping none annotated), long
 * (one overlapping an annotated quotation it was not matched to), wrong-speaker.
 */
import { readJsonl, type QuoteArticle } from '../bench/eval-quotes.js';
import { matchQuotes, trimRange, type Range } from '../bench/scoring/quote-score.js';
import { findQuotes } from '../src/summarize/quotes/quotes.js';

type Kind = 'missed' | 'split-or-short' | 'spurious' | 'long' | 'wrong-speaker';

const [file, onlyKind, limitText] = process.argv.slice(2);
if (!file) {
  console.error('usage: node dist/scripts/quote-errors.js QUOTES_JSONL [KIND] [LIMIT]');
  process.exit(2);
}
const limit = Number(limitText ?? 20);
const touches = (a: Range, b: Range) => Math.min(a[1], b[1]) > Math.max(a[0], b[0]);
const counts = new Map<Kind, number>();
const shown = new Map<Kind, number>();

function report(kind: Kind, text: string, range: Range, note = ''): void {
  counts.set(kind, (counts.get(kind) ?? 0) + 1);
  if ((onlyKind && onlyKind !== kind) || (shown.get(kind) ?? 0) >= limit) return;
  shown.set(kind, (shown.get(kind) ?? 0) + 1);
  const before = text.slice(Math.max(0, range[0] - 100), range[0]).replace(/\s+/g, ' ');
  const after = text.slice(range[1], range[1] + 100).replace(/\s+/g, ' ');
  console.log(`[${kind}] ${note}…${before}⟦${text.slice(range[0], range[1]).replace(/\s+/g, ' ')}⟧${after}…\n`);
}

for (const article of await readJsonl<QuoteArticle>(file)) {
  const { text } = article;
  const found = findQuotes(text);
  const gold = article.quotes.map((quote) => trimRange(text, quote.content));
  const system = found.map((quote) => trimRange(text, [quote.start, quote.end]));
  const pairs = matchQuotes(gold, system);
  const matchedGold = new Set(pairs.map(([g]) => g));
  const matchedSystem = new Set(pairs.map(([, s]) => s));
  gold.forEach((range, g) => {
    if (matchedGold.has(g)) return;
    report(system.some((other) => touches(range, other)) ? 'split-or-short' : 'missed', text, range);
  });
  system.forEach((range, s) => {
    if (matchedSystem.has(s)) return;
    report(gold.some((other) => touches(range, other)) ? 'long' : 'spurious', text, range);
  });
  for (const [g, s] of pairs) {
    const source = article.quotes[g]?.source;
    const quote = found[s];
    if (!source || !quote) continue;
    const right = quote.speakerStart !== null && quote.speakerEnd !== null && touches(source, [quote.speakerStart, quote.speakerEnd]);
    if (!right) report('wrong-speaker', text, [quote.start, quote.end], `gold «${text.slice(...source)}» ours «${quote.speakerStart === null ? '-' : text.slice(quote.speakerStart, quote.speakerEnd ?? quote.speakerStart)}» `);
  }
}
console.log(JSON.stringify(Object.fromEntries(counts)));
