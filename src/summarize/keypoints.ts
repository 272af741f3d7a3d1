/**
 * Extractive key points: whole sentences of the article, scored by a small linear model
 * (weights in keypoint-weights.json, trained by scripts/train-keypoints.ts) and returned in
 * reading order.
 */
import { countWords } from '../load/words.js';
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
  /** The sentence without a leading wire-service credit such as `LONDON (CNN) -- `. */
  display: string;
  /** Position among all the article's sentences, counting from 0. */
  index: number;
  wordCount: number;
  /** Its distinct lowercase words, stopwords left out. */
  contentWords: ReadonlySet<string>;
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

/** Words a sentence may have before its length counts against it: a reference highlight's length. */
const FREE_WORDS = 17.5;
/** Words over FREE_WORDS that make lengthExcess 1: a sentence of 52 words is hard to take in. */
const EXCESS_WORDS_SCALE = 35;
/** Fewer words is a fragment (`WASHINGTON (CNN) --`, `Read more:`), more is no summary. */
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
  'there', 'if', 'so', 'do', 'did', 'him', 'them', 'told', 'cnn',
]);

// `LONDON, England (CNN) -- `, `Tokyo (CNN)`, `(Rolling Stone)Kanye`: the outlet's credit that
// opens a wire story. The credit must end in a dash or run into the first word, so that
// `The Drug Enforcement Agency (DEA) has` keeps its subject.
const WIRE_CREDIT = /^(?:\p{Lu}[\p{L}.'’-]*(?:,? \p{Lu}[\p{L}.'’-]*){0,3}\s*)?\((?:CNN[^()]{0,25}|\p{Lu}[^()\s]*(?: \p{Lu}[^()\s]*){0,2})\)(?:\s*[-—–]{1,2}\s*|(?=\p{Lu}))/u;
// `CHARLESTON, S.C. — `: a dateline in capitals, then a dash.
const DATELINE_PREFIX = /^\p{Lu}{2,}(?:[ .'’-]+\p{Lu}{2,})*\.?(?:, [\p{L}. ]{2,20})?\s*(?:—|–|--)\s*/u;
const PHOTO_CREDIT = /\b(?:photo|image|picture|video|illustration)s?\b.*\b(?:courtesy|credit|getty|ap photo|reuters)\b|^(?:photo|image|credit)s?:/i;
// `By Jane Smith and John Doe, CNN`: a name follows, where `By January her lead …` has a sentence.
const BYLINE = /^(?:By|BY|Written by)\s+\p{Lu}[\p{L}.'’-]*\s+\p{Lu}/u;
const MAX_BYLINE_WORDS = 15;
const CONTRIBUTOR_LINE = /\bcontributed (?:to )?(?:this )?(?:report|story|from)\b/i;
const LINK_TEASER = /^(?:read|watch|related|see|more|opinion|also|photos?|video|click)\b[^:]{0,25}:/i;
// A sentence that opens with a personal pronoun leans on the one before it and reads badly on
// its own in a list ("She is accompanied by …"). Cheap in ROUGE; `It`/`This` openers cost more.
const LEANS_ON_CONTEXT = /^["“]?(?:he|she|they|his|her|their)\b/i;

function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!STOPWORDS.has(word)) words.add(word);
  }
  return words;
}

function normalized(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Headings, captions, photo credits, bylines, the title: never key points. (Headings and
 * datelines on a line of their own have no final punctuation and never get this far.)
 */
function isArticleFurniture(display: string, words: number, title: string): boolean {
  if (words < MIN_WORDS || words > MAX_WORDS) return true;
  if ((title !== '' && normalized(display) === title) || isTitleCase(display)) return true;
  if (BYLINE.test(display) && words <= MAX_BYLINE_WORDS) return true;
  return [PHOTO_CREDIT, CONTRIBUTOR_LINE, LINK_TEASER].some((pattern) => pattern.test(display));
}

/**
 * A headline in title case (`Why Winning Iowa Could Break The Election Open`): every word of four
 * letters or more capitalized, where a sentence would have at least a lowercase verb.
 */
function isTitleCase(display: string): boolean {
  const longWords = display.match(/[\p{L}’']{4,}/gu) ?? [];
  return longWords.length >= 3 && longWords.every((word) => /^\p{Lu}/u.test(word));
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
  const sentences = splitSentences(text);
  sentences.forEach((sentence, index) => {
    if (!sentence.terminal) return;
    // A wire credit or a dateline can only open a paragraph.
    const opensParagraph = sentences[index - 1]?.paragraph !== sentence.paragraph;
    const display = opensParagraph ? sentence.text.replace(WIRE_CREDIT, '').replace(DATELINE_PREFIX, '') : sentence.text;
    const words = countWords(display);
    if (isArticleFurniture(display, words, title) || LEANS_ON_CONTEXT.test(display)) return;
    if (quotedShare(sentence, quotes) > QUOTE_OVERLAP) return;
    candidates.push({ sentence, display, index, wordCount: words, contentWords: contentWords(display) });
  });
  return candidates;
}

/**
 * How much of each candidate's vocabulary the other candidates share, scaled to [0, 1]: the
 * sentences that state the story's main subject score highest.
 */
function centralities(candidates: readonly Candidate[]): number[] {
  const sentencesWith = new Map<string, number>();
  for (const { contentWords: words } of candidates) {
    for (const word of words) sentencesWith.set(word, (sentencesWith.get(word) ?? 0) + 1);
  }
  const raw = candidates.map(({ contentWords: words }) => {
    let shared = 0;
    for (const word of words) shared += (sentencesWith.get(word) ?? 1) - 1;
    // The square root keeps long sentences from winning by size alone.
    return shared / Math.max(1, Math.sqrt(words.size));
  });
  const highest = Math.max(1e-9, ...raw);
  return raw.map((value) => value / highest);
}

/** One feature vector per candidate, in FEATURE_NAMES order. */
export function candidateFeatures(candidates: readonly Candidate[]): number[][] {
  const centrality = centralities(candidates);
  return candidates.map(({ display, wordCount: words }, i) => {
    const capitalizedAfterFirst = (display.match(/\s\p{Lu}/gu) ?? []).length;
    const features: Record<FeatureName, number> = {
      // By rank among candidates, so that a heading or caption line does not push the lead down.
      positionDecay: 1 / (1 + i),
      lengthExcess: Math.max(0, words - FREE_WORDS) / EXCESS_WORDS_SCALE,
      centrality: centrality[i] ?? 0,
      // Names, places and organizations: the who and where of the news.
      entityDensity: capitalizedAfterFirst / Math.max(1, words),
    };
    return FEATURE_NAMES.map((name) => features[name]);
  });
}

/** A candidate's score: the weighted sum of its features. */
export function linearScore(features: readonly number[], featureWeights: FeatureWeights): number {
  return FEATURE_NAMES.reduce((sum, name, i) => sum + featureWeights[name] * (features[i] ?? 0), 0);
}

/** The digest's default: 3 key points for a short article, up to 5 for a long one. */
export function defaultKeyPointCount(text: string): number {
  const words = countWords(text);
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
  const chosen: number[] = [];
  while (chosen.length < count) {
    let best = -1;
    let bestValue = -Infinity;
    candidates.forEach(({ contentWords: words }, i) => {
      if (chosen.includes(i)) return;
      const redundancy = Math.max(0, ...chosen.map((j) => overlap(words, (candidates[j] as Candidate).contentWords)));
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
