/**
 * Scores `findQuotes` on the quote evaluation sets:
 *   node dist/bench/eval-quotes.js QUOTES_JSONL NAMES_JSONL
 * prints precision, recall, F1, speaker accuracy and speaker-name accuracy by kind as JSON.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { findQuotes } from '../src/summarize/quotes.js';
import {
  addCounts, countArticle, isSpeakerNameCorrect, NO_COUNTS, quoteScores,
  type GoldQuote, type Range,
} from './scoring/quote-score.js';
import type { QuoteSpan } from '../src/types.js';

export interface QuoteArticle {
  id: string;
  text: string;
  quotes: GoldQuote[];
}

type NameKind = 'pronoun' | 'description' | 'surname' | 'fullname';

export interface NameAnnotation {
  id: string;
  content: Range;
  surname: string;
  kind: NameKind;
}

export interface NameAccuracy {
  /** Pronoun and description lines: the ones that need resolution. */
  resolution: number;
  surname: number;
  fullname: number;
  pronoun: number;
  description: number;
}

export interface QuoteEvaluation {
  precision: number;
  recall: number;
  f1: number;
  speakerAccuracy: number;
  names: NameAccuracy;
  articles: number;
  /** Time spent in `findQuotes` alone. */
  seconds: number;
}

export async function readJsonl<T>(file: string): Promise<T[]> {
  const content = await readFile(file, 'utf8');
  return content.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as T);
}

function accuracy(outcomes: boolean[]): number {
  return outcomes.length === 0 ? 0 : outcomes.filter(Boolean).length / outcomes.length;
}

function nameAccuracy(annotations: readonly NameAnnotation[], articles: ReadonlyMap<string, QuoteArticle>, found: ReadonlyMap<string, QuoteSpan[]>): NameAccuracy {
  const outcomes: Record<NameKind, boolean[]> = { pronoun: [], description: [], surname: [], fullname: [] };
  for (const annotation of annotations) {
    const article = articles.get(annotation.id);
    const correct = article !== undefined && isSpeakerNameCorrect(article.text, annotation, found.get(annotation.id) ?? []);
    outcomes[annotation.kind].push(correct);
  }
  return {
    resolution: accuracy([...outcomes.pronoun, ...outcomes.description]),
    surname: accuracy(outcomes.surname),
    fullname: accuracy(outcomes.fullname),
    pronoun: accuracy(outcomes.pronoun),
    description: accuracy(outcomes.description),
  };
}

export async function evaluateQuotes(quotesFile: string, namesFile: string): Promise<QuoteEvaluation> {
  const articles = await readJsonl<QuoteArticle>(quotesFile);
  const annotations = await readJsonl<NameAnnotation>(namesFile);
  const found = new Map<string, QuoteSpan[]>();
  const started = process.hrtime.bigint();
  for (const article of articles) found.set(article.id, findQuotes(article.text));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ...scoreQuotes(articles, annotations, found), seconds };
}

/** Scores quotes found per article id (by `findQuotes` or read back from the CLI's output). */
export function scoreQuotes(
  articles: readonly QuoteArticle[],
  annotations: readonly NameAnnotation[],
  found: ReadonlyMap<string, QuoteSpan[]>,
): Omit<QuoteEvaluation, 'seconds'> {
  let counts = NO_COUNTS;
  for (const article of articles) {
    counts = addCounts(counts, countArticle(article.text, article.quotes, found.get(article.id) ?? []));
  }
  const byId = new Map(articles.map((article) => [article.id, article]));
  return { ...quoteScores(counts), names: nameAccuracy(annotations, byId, found), articles: articles.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [quotesFile, namesFile] = process.argv.slice(2);
  if (!quotesFile || !namesFile) {
    console.error('usage: node dist/bench/eval-quotes.js QUOTES_JSONL NAMES_JSONL');
    process.exit(2);
  }
  console.log(JSON.stringify(await evaluateQuotes(quotesFile, namesFile), null, 2));
}
