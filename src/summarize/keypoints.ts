/**
 * Extractive key points: whole sentences of the article, scored by a small linear model
 * (weights in keypoint-weights.json, trained by scripts/train-keypoints.ts) and returned in
 * reading order.
 */
import type { QuoteSpan } from '../types.js';
import model from './keypoint-weights.json' with { type: 'json' };
import { splitSentences, type Sentence } from './sentences.js';

export interface KeyPointOptions {
  /** How many key points; when undefined, 3 to 5 depending on the article's length. */
  count?: number;
  /** The article's title, never returned as a key point. */
  title?: string;
  /** The notable quotes shown beside the key points: a key point must not repeat one. */
  quotes?: QuoteSpan[];
}

/** A sentence that may become a key point, with the text it would be shown as. */
export interface Candidate {
  sentence: Sentence;
  /** The sentence without a leading wire-service dateline such as `LONDON (CNN) -- `. */
  display: string;
  /** Position among all the article's sentences, counting from 0. */
  index: number;
}

export const FEATURE_NAMES = [
  'positionDecay',
  'lengthExcess',
  'centrality',
  'entityDensity',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type FeatureWeights = Record<FeatureName, number>;

export interface KeyPointModel {
  weights: FeatureWeights;
  redundancyPenalty: number;
}

const TRAINED_MODEL: KeyPointModel = { weights: model.weights, redundancyPenalty: model.redundancyPenalty };

/** Sentences longer than this are rarely worth their loss of precision; see lengthExcess. */
const CONCISE_WORDS = 35;
const MIN_WORDS = 6;
const MAX_WORDS = 60;
/** Word-set overlap (Jaccard) above which two sentences say the same thing. */
const DUPLICATE_OVERLAP = 0.5;
/** Share of a sentence's characters inside a notable quote above which it repeats the quote. */
const QUOTE_OVERLAP = 0.5;

const STOPWORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from',
  'as', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'it', 'its',
  'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'this', 'that', 'these',
  'those', 'not', 'no', 'said', 'says', 'say', 'will', 'would', 'could', 'can', 'who', 'which',
  'what', 'when', 'after', 'about', 'also', 'than', 'more', 'into', 'over', 'up', 'out', 'one',
  'there', 'if', 'so', 'do', 'did', 'him', 'them', 'said.', 'told', 'cnn',
]);

// `LONDON, England (CNN) -- `, `Tokyo (CNN)`, `(Rolling Stone)Kanye`: the outlet's credit that
// opens a wire story. The credit must end in a dash or run into the first word, so that
// `The Drug Enforcement Agency (DEA) has` keeps its subject.
const WIRE_PREFIX = /^(?:\p{Lu}[\p{L}.'’-]*(?:,? \p{Lu}[\p{L}.'’-]*){0,3}\s*)?\((?:CNN[^()]{0,25}|\p{Lu}[^()\s]*(?: \p{Lu}[^()\s]*){0,2})\)(?:\s*[-—–]{1,2}\s*|(?=\p{Lu}))/u;
const PHOTO_CREDIT = /\b(?:photo|image|picture|video|illustration)s?\b.*\b(?:courtesy|credit|getty|ap photo|reuters)\b|^(?:photo|image|credit)s?:/i;
const BYLINE = /^(?:by|from|written by)\s+[\p{Lu}.]/iu;
const CONTRIBUTOR_LINE = /\bcontributed (?:to )?(?:this )?(?:report|story|from)\b/i;
const LINK_TEASER = /^(?:read|watch|related|see|more|opinion|also|photos?|video|click)\b[^:]{0,25}:/i;
const DATELINE_ONLY = /^(?:[A-Z]{3,}[A-Z ,.]*|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4})\s*[.:-]*$/;

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOPWORDS.has(word));
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function normalized(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Headings, captions, photo credits, bylines, datelines, the title: never key points. */
function isArticleFurniture(display: string, sentence: Sentence, title: string): boolean {
  if (!sentence.terminal) return true;
  const words = wordCount(display);
  if (words < MIN_WORDS || words > MAX_WORDS) return true;
  if (title !== '' && normalized(display) === title) return true;
  return [PHOTO_CREDIT, BYLINE, CONTRIBUTOR_LINE, LINK_TEASER, DATELINE_ONLY].some((pattern) => pattern.test(display));
}

/** Share of the sentence's characters covered by any of the quotes. */
function quotedShare(sentence: Sentence, quotes: readonly QuoteSpan[]): number {
  let covered = 0;
  for (const quote of quotes) {
    covered += Math.max(0, Math.min(sentence.end, quote.end) - Math.max(sentence.start, quote.start));
  }
  return covered / Math.max(1, sentence.end - sentence.start);
}

/** The article's sentences that could be key points, in reading order. */
export function keyPointCandidates(text: string, options: KeyPointOptions = {}): Candidate[] {
  const title = normalized(options.title ?? '');
  const quotes = options.quotes ?? [];
  const candidates: Candidate[] = [];
  splitSentences(text).forEach((sentence, index) => {
    const display = candidates.length === 0 ? sentence.text.replace(WIRE_PREFIX, '') : sentence.text;
    if (isArticleFurniture(display, sentence, title)) return;
    if (quotedShare(sentence, quotes) > QUOTE_OVERLAP) return;
    candidates.push({ sentence, display, index });
  });
  return candidates;
}

/** How typical each candidate's vocabulary is of the whole article, scaled to [0, 1]. */
function centralities(wordLists: readonly string[][]): number[] {
  const documentFrequency = new Map<string, number>();
  for (const words of wordLists) {
    for (const word of new Set(words)) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }
  const raw = wordLists.map((words) => {
    const distinct = new Set(words);
    let total = 0;
    for (const word of distinct) total += (documentFrequency.get(word) ?? 1) - 1;
    return total / Math.max(1, Math.sqrt(distinct.size));
  });
  const highest = Math.max(1e-9, ...raw);
  return raw.map((value) => value / highest);
}

/** One feature vector per candidate, in FEATURE_NAMES order. */
export function candidateFeatures(candidates: readonly Candidate[]): number[][] {
  const wordLists = candidates.map((candidate) => contentWords(candidate.display));
  const centrality = centralities(wordLists);
  return candidates.map((candidate, i) => {
    const { display } = candidate;
    const words = wordCount(display);
    const capitalizedAfterFirst = (display.match(/(?<=\s)\p{Lu}/gu) ?? []).length;
    const features: Record<FeatureName, number> = {
      // By rank among candidates, so that a heading or caption line does not push the lead down.
      positionDecay: 1 / (1 + i),
      lengthExcess: Math.max(0, words - CONCISE_WORDS / 2) / CONCISE_WORDS,
      centrality: centrality[i] ?? 0,
      entityDensity: capitalizedAfterFirst / Math.max(1, words),
    };
    return FEATURE_NAMES.map((name) => features[name]);
  });
}

export function linearScore(features: readonly number[], featureWeights: FeatureWeights): number {
  return FEATURE_NAMES.reduce((sum, name, i) => sum + featureWeights[name] * (features[i] ?? 0), 0);
}

/** The digest's default: 3 key points for a short article, up to 5 for a long one. */
export function defaultKeyPointCount(text: string): number {
  const words = wordCount(text);
  if (words < 500) return 3;
  return words < 1000 ? 4 : 5;
}

/** Word-set overlap (Jaccard) of two sentences, in [0, 1]. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.max(1, a.size + b.size - shared);
}

/**
 * Picks `count` candidates greedily by score minus `redundancyPenalty` times their overlap with
 * those already picked (each point should add facts), never a near-duplicate, and returns them
 * in reading order. Ties go to the earlier sentence.
 */
export function selectKeyPoints(
  candidates: readonly Candidate[],
  scores: readonly number[],
  count: number,
  redundancyPenalty: number,
): Candidate[] {
  const wordSets = candidates.map((candidate) => new Set(contentWords(candidate.display)));
  const chosen: number[] = [];
  while (chosen.length < count) {
    let best = -1;
    let bestValue = -Infinity;
    wordSets.forEach((words, i) => {
      if (chosen.includes(i)) return;
      const redundancy = Math.max(0, ...chosen.map((j) => overlap(words, wordSets[j] as Set<string>)));
      const value = (scores[i] ?? 0) - redundancyPenalty * redundancy;
      if (redundancy <= DUPLICATE_OVERLAP && value > bestValue) {
        best = i;
        bestValue = value;
      }
    });
    if (best < 0) break;
    chosen.push(best);
  }
  return chosen.sort((a, b) => a - b).map((i) => candidates[i] as Candidate);
}

/**
 * The article's key points: `count` whole sentences (fewer if the text has fewer usable ones),
 * in reading order. Deterministic.
 */
export function extractKeyPoints(text: string, options: KeyPointOptions = {}): string[] {
  const candidates = keyPointCandidates(text, options);
  const scores = candidateFeatures(candidates).map((features) => linearScore(features, TRAINED_MODEL.weights));
  const count = options.count ?? defaultKeyPointCount(text);
  const chosen = selectKeyPoints(candidates, scores, count, TRAINED_MODEL.redundancyPenalty);
  return chosen.map((candidate) => candidate.display);
}
