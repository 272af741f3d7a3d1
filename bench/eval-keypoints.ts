/**
 * Scores our key points (3 per article, as `gazette summarize --points 3` gives them: notable
 * quotes left out) and Lead-3 against the reference highlights of a keypoints JSONL file
 * (shared/eval/README.md), and counts the key points that open with a dangling reference.
 * Usage: node dist/bench/eval-keypoints.js FILE
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { scoreRouge, type RougeScores } from './scoring/rouge.js';
import { opensWithDanglingReference } from '../src/summarize/keypoints/dangling-reference.js';
import { summarizeText } from '../src/summarize/index.js';
import { splitSentences } from '../src/summarize/text/sentences.js';

export interface KeyPointsArticle {
  id: string;
  text: string;
  highlights: string[];
}

export interface KeyPointsEvaluation {
  ours: RougeScores;
  lead3: RougeScores;
  articles: number;
  /** Key points in all, and those that open with a pronoun or demonstrative pointing back. */
  keyPoints: number;
  danglingReferences: number;
  seconds: number;
}

/** How many of the key points open with a pronoun or demonstrative whose referent is not in them. */
export function countDanglingReferences(keyPoints: readonly (readonly string[])[]): number {
  return keyPoints.reduce((sum, points) => sum + points.filter(opensWithDanglingReference).length, 0);
}

export async function readKeyPointsFile(file: string): Promise<KeyPointsArticle[]> {
  const content = await readFile(file, 'utf8');
  return content
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as KeyPointsArticle);
}

/** Mean ROUGE F1 over the articles, as percentages rounded to two decimals. */
export function meanRouge(
  articles: readonly KeyPointsArticle[],
  summarize: (article: KeyPointsArticle) => string[],
): RougeScores {
  const total = { rouge1: 0, rouge2: 0, rougeLsum: 0 };
  for (const article of articles) {
    const scores = scoreRouge(article.highlights, summarize(article));
    total.rouge1 += scores.rouge1;
    total.rouge2 += scores.rouge2;
    total.rougeLsum += scores.rougeLsum;
  }
  const percent = (sum: number): number => Math.round((10000 * sum) / Math.max(1, articles.length)) / 100;
  return { rouge1: percent(total.rouge1), rouge2: percent(total.rouge2), rougeLsum: percent(total.rougeLsum) };
}

export function leadThree(text: string): string[] {
  return splitSentences(text)
    .slice(0, 3)
    .map((sentence) => sentence.text);
}

export async function evaluateKeyPoints(file: string): Promise<KeyPointsEvaluation> {
  const articles = await readKeyPointsFile(file);
  const started = performance.now();
  const points = new Map(articles.map((article) => [article, summarizeText(article.text, { points: 3 }).keyPoints]));
  const seconds = Math.round(performance.now() - started) / 1000;
  const ours = meanRouge(articles, (article) => points.get(article) ?? []);
  const lead3 = meanRouge(articles, (article) => leadThree(article.text));
  const all = [...points.values()];
  return { ours, lead3, articles: articles.length, keyPoints: all.flat().length, danglingReferences: countDanglingReferences(all), seconds };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (file === undefined) {
    console.error('usage: node dist/bench/eval-keypoints.js KEYPOINTS.jsonl');
    process.exit(2);
  }
  console.log(JSON.stringify(await evaluateKeyPoints(file), null, 2));
}
