/**
 * Scores `findQuotes` on the quote evaluation sets:
 *   node dist/bench/eval-quotes.js QUOTES_JSONL NAMES_JSONL
 * prints precision, recall, F1, speaker accuracy and speaker-name accuracy by kind as JSON.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { findQuotes } from '../src/summarize/quotes/quotes.js';
import { bootstrapInterval, roundInterval, type Interval } from './bootstrap.js';
import {
  addCounts, countArticle, isSpeakerNameCorrect, NO_COUNTS, quoteScores,
  type GoldQuote, type QuoteCounts, type QuoteScores, type Range,
} from './scoring/quote-score.js';
import type { QuoteSpan } from '../src/types.js';

export interface QuoteArticle {
  id: string;
  text: string;
  quotes: GoldQuote[];
}

export type NameKind = 'pronoun' | 'description' | 'surname' | 'fullname';

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

function accuracy(outcomes: readonly boolean[]): number {
  return outcomes.length === 0 ? 0 : outcomes.filter(Boolean).length / outcomes.length;
}

/** Whether one hand-resolved line's speaker was found and named right. */
export interface NameOutcome {
  id: string;
  kind: NameKind;
  correct: boolean;
}

/** The outcome of each annotation line, in order. */
export function nameOutcomes(annotations: readonly NameAnnotation[], articles: ReadonlyMap<string, QuoteArticle>, found: ReadonlyMap<string, QuoteSpan[]>): NameOutcome[] {
  return annotations.map((annotation) => {
    const article = articles.get(annotation.id);
    const correct = article !== undefined && isSpeakerNameCorrect(article.text, annotation, found.get(annotation.id) ?? []);
    return { id: annotation.id, kind: annotation.kind, correct };
  });
}

/** The lines that need resolution: a pronoun or a description, not a name. */
export function isResolutionLine(outcome: { kind: NameKind }): boolean {
  return outcome.kind === 'pronoun' || outcome.kind === 'description';
}

export function nameAccuracy(outcomes: readonly NameOutcome[]): NameAccuracy {
  const of = (kind: NameKind): boolean[] => outcomes.filter((outcome) => outcome.kind === kind).map((outcome) => outcome.correct);
  return {
    resolution: accuracy(outcomes.filter(isResolutionLine).map((outcome) => outcome.correct)),
    surname: accuracy(of('surname')),
    fullname: accuracy(of('fullname')),
    pronoun: accuracy(of('pronoun')),
    description: accuracy(of('description')),
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

/** The 95% bootstrap interval of pronoun + description accuracy, the lines drawn again article by article. */
export function resolutionInterval(outcomes: readonly NameOutcome[]): Interval | null {
  const byArticle = new Map<string, boolean[]>();
  for (const outcome of outcomes.filter(isResolutionLine)) {
    const lines = byArticle.get(outcome.id) ?? [];
    lines.push(outcome.correct);
    byArticle.set(outcome.id, lines);
  }
  if (byArticle.size === 0) return null;
  const interval = bootstrapInterval([...byArticle.values()], (articles) => accuracy(articles.flat()));
  return roundInterval(interval, 4);
}

/** 95% bootstrap intervals of the quote figures, the articles drawn again. */
export function quoteIntervals(countsByArticle: readonly QuoteCounts[]): Record<keyof QuoteScores, Interval> {
  const figure = (name: keyof QuoteScores) =>
    roundInterval(bootstrapInterval(countsByArticle, (articles) => quoteScores(articles.reduce(addCounts, NO_COUNTS))[name]), 4);
  return { precision: figure('precision'), recall: figure('recall'), f1: figure('f1'), speakerAccuracy: figure('speakerAccuracy') };
}

/** Each article's quote counts (bench/scoring/quote-score.ts), in order, for quotes found per article id. */
export function countQuotesByArticle(articles: readonly QuoteArticle[], found: ReadonlyMap<string, QuoteSpan[]>): QuoteCounts[] {
  return articles.map((article) => countArticle(article.text, article.quotes, found.get(article.id) ?? []));
}

/** Scores quotes found per article id (by `findQuotes` or read back from the CLI's output). */
export function scoreQuotes(
  articles: readonly QuoteArticle[],
  annotations: readonly NameAnnotation[],
  found: ReadonlyMap<string, QuoteSpan[]>,
): Omit<QuoteEvaluation, 'seconds'> {
  const counts = countQuotesByArticle(articles, found).reduce(addCounts, NO_COUNTS);
  const byId = new Map(articles.map((article) => [article.id, article]));
  return { ...quoteScores(counts), names: nameAccuracy(nameOutcomes(annotations, byId, found)), articles: articles.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [quotesFile, namesFile] = process.argv.slice(2);
  if (!quotesFile || !namesFile) {
    console.error('usage: node dist/bench/eval-quotes.js QUOTES_JSONL NAMES_JSONL');
    process.exit(2);
  }
  console.log(JSON.stringify(await evaluateQuotes(quotesFile, namesFile), null, 2));
}
