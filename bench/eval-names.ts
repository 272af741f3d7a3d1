/**
 * Speaker-name resolution on hand-resolved name files, whole file and k-fold by document, with
 * `findQuotes` run in process on the annotated articles only: the quick loop for resolver work
 * (`npm run eval` gives the same figures through the CLI).
 *
 *   node dist/bench/eval-names.js QUOTES_JSONL NAMES_JSONL [NAMES_JSONL ...] [--folds 5] [--misses]
 *
 * Prints, per names file, the accuracy by kind on the whole file, the pronoun + description
 * accuracy per fold and its bootstrap interval (bench/bootstrap.ts); `--misses` also lists the
 * lines resolved wrongly.
 */
import path from 'node:path';
import { findQuotes } from '../src/summarize/quotes/quotes.js';
import type { QuoteSpan } from '../src/types.js';
import { DEFAULT_FOLDS, splitByFold, summarizeFolds } from './folds.js';
import { isResolutionLine, nameOutcomes, readJsonl, resolutionInterval, scoreQuotes, type NameAnnotation, type QuoteArticle } from './eval-quotes.js';
import { isSpeakerNameCorrect, MATCH_THRESHOLD, overlap, trimRange } from './scoring/quote-score.js';
import { parseBenchArguments } from './arguments.js';

const USAGE =
  'usage: node dist/bench/eval-names.js QUOTES_JSONL NAMES_JSONL [NAMES_JSONL ...] [--folds 5] [--misses]';

interface NameLine extends NameAnnotation {
  sourceText: string;
  name: string;
}

/** The system's speaker for the annotated quote, as the scorer matches it. */
function systemSpeaker(text: string, line: NameLine, quotes: QuoteSpan[]): string {
  const gold = trimRange(text, line.content);
  const scored = quotes.map((quote) => ({ quote, score: overlap(gold, trimRange(text, [quote.start, quote.end])) }));
  const best = scored.sort((a, b) => b.score - a.score)[0];
  return !best || best.score < MATCH_THRESHOLD ? QUOTE_NOT_FOUND : String(best.quote.speaker);
}

const QUOTE_NOT_FOUND = '(quote not found)';

async function main(): Promise<void> {
  const { values, positionals } = parseBenchArguments({ allowPositionals: true, options: { folds: { type: 'string', default: String(DEFAULT_FOLDS) }, misses: { type: 'boolean', default: false } } }, USAGE);
  const [quotesFile, ...namesFiles] = positionals;
  if (!quotesFile || namesFiles.length === 0) {
    console.error(USAGE);
    process.exit(2);
  }
  const sets = await Promise.all(namesFiles.map(async (file) => ({ file, lines: await readJsonl<NameLine>(file) })));
  const wanted = new Set(sets.flatMap(({ lines }) => lines.map((line) => line.id)));
  const articles = (await readJsonl<QuoteArticle>(quotesFile)).filter((article) => wanted.has(article.id));
  const found = new Map(articles.map((article) => [article.id, findQuotes(article.text)]));
  const texts = new Map(articles.map((article) => [article.id, article.text]));
  const folds = Number(values.folds);
  for (const { file, lines } of sets) {
    const ids = new Set(lines.map((line) => line.id));
    const own = articles.filter((article) => ids.has(article.id));
    const whole = scoreQuotes(own, lines, found).names;
    const perFold = splitByFold(own, (article) => article.id, folds).map((foldArticles) => {
      const foldIds = new Set(foldArticles.map((article) => article.id));
      return scoreQuotes(foldArticles, lines.filter((line) => foldIds.has(line.id)), found).names.resolution;
    });
    const summary = summarizeFolds(perFold);
    const round = (value: number) => value.toFixed(4);
    console.log(`${path.basename(file)}: ${lines.length} lines, ${ids.size} articles`);
    console.log(`  pronoun + description ${round(whole.resolution)} (pronoun ${round(whole.pronoun)}, description ${round(whole.description)}), surname ${round(whole.surname)}, fullname ${round(whole.fullname)}`);
    console.log(`  ${folds}-fold pronoun + description ${summary.mean} [${summary.min}, ${summary.max}]  per fold ${summary.perFold.join(' ')}`);
    const interval = resolutionInterval(nameOutcomes(lines, new Map(own.map((article) => [article.id, article])), found));
    if (interval) console.log(`  pronoun + description, 95% bootstrap interval by article [${interval.low}, ${interval.high}]: where another ${ids.size} articles like these could put it`);
    // Resolution apart from quotation finding: a line whose quotation was not found counts as a
    // miss above, whatever the resolver would have said.
    const resolvable = lines.filter(isResolutionLine);
    const foundLines = resolvable.filter((line) => systemSpeaker(texts.get(line.id) ?? '', line, found.get(line.id) ?? []) !== QUOTE_NOT_FOUND);
    const right = foundLines.filter((line) => isSpeakerNameCorrect(texts.get(line.id) ?? '', line, found.get(line.id) ?? [])).length;
    console.log(`  pronoun + description on quotations found ${round(foundLines.length === 0 ? 0 : right / foundLines.length)} (${right} of ${foundLines.length}; ${resolvable.length - foundLines.length} quotations not found)`);
    if (!values.misses) continue;
    for (const line of lines) {
      const text = texts.get(line.id) ?? '';
      const quotes = found.get(line.id) ?? [];
      if (isSpeakerNameCorrect(text, line, quotes)) continue;
      console.log(`  miss ${line.kind} ${line.id}#${line.content[0]} "${line.sourceText}" gold ${line.name} got ${systemSpeaker(text, line, quotes)}`);
    }
  }
}

await main();
