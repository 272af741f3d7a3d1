/**
 * What the key-point model knows about a candidate sentence: one number per feature, computed
 * from the text alone. The weights that combine them live in keypoint-weights.json.
 */

/** A sentence that may become a key point, as the features see it. */
export interface FeatureInput {
  /** The text it would be shown as. */
  display: string;
  wordCount: number;
  /** Its distinct lowercase words, stopwords left out. */
  contentWords: ReadonlySet<string>;
  /** Whether it leans on the sentence before it (`He said …`): picked only after it, shown joined to it. */
  continues: boolean;
}

export const FEATURE_NAMES = [
  'positionDecay',
  'isFirst',
  'isSecond',
  'relativePosition',
  'lengthExcess',
  'shortness',
  'centrality',
  'leadSimilarity',
  'entityDensity',
  'numberDensity',
  'hasQuote',
  'hasAttribution',
  'opensWithConnective',
  'isQuestion',
  'continuesPrevious',
  'centroidSimilarity',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type FeatureWeights = Record<FeatureName, number>;

/** Words a sentence may have before its length counts against it: a reference highlight's length. */
const FREE_WORDS = 17.5;
/** Words over FREE_WORDS that make lengthExcess 1: a sentence of 52 words is hard to take in. */
const EXCESS_WORDS_SCALE = 35;
/** Below this many words a sentence is short; shortness is how far below, in [0, 1]. */
const SHORT_WORDS = 15;

const QUOTE_MARK = /["“”]/;
const ATTRIBUTION = /\b(?:said|says|told|according to)\b/i;
// `But …`, `And …`, `However, …`: a sentence that continues an argument begun before it.
const CONNECTIVE_OPENER = /^["“]?(?:but|and|so|yet|however|also|still)\b/i;
const QUESTION = /\?["”’)]*$/;
const CAPITAL_AFTER_SPACE = /\s\p{Lu}/gu;
const NUMBER = /\d+/g;

/** How many candidates have each word, in the order the words first appear. */
function sentenceCounts(candidates: readonly FeatureInput[]): Map<string, number> {
  const sentencesWith = new Map<string, number>();
  for (const { contentWords } of candidates) {
    for (const word of contentWords) sentencesWith.set(word, (sentencesWith.get(word) ?? 0) + 1);
  }
  return sentencesWith;
}

/**
 * How much of each candidate's vocabulary the other candidates share, scaled to [0, 1]: the
 * sentences that state the story's main subject score highest.
 */
function centralities(candidates: readonly FeatureInput[], sentencesWith: ReadonlyMap<string, number>): number[] {
  const raw = candidates.map(({ contentWords }) => {
    let shared = 0;
    for (const word of contentWords) shared += (sentencesWith.get(word) ?? 1) - 1;
    // The square root keeps long sentences from winning by size alone.
    return shared / Math.max(1, Math.sqrt(contentWords.size));
  });
  let highest = 1e-9;
  for (const value of raw) if (value > highest) highest = value;
  return raw.map((value) => value / highest);
}

/**
 * Cosine similarity of each candidate to the document's centroid, words weighted by TF-IDF with
 * the candidates as the documents: close to the centroid is about what the whole story is about.
 */
function centroidSimilarities(candidates: readonly FeatureInput[], sentencesWith: ReadonlyMap<string, number>): number[] {
  // Each word's idf, computed once rather than once per sentence that has it.
  const idfs = new Map<string, number>();
  for (const [word, count] of sentencesWith) idfs.set(word, Math.log((1 + candidates.length) / (1 + count)) + 1);
  // The centroid's weight of a word: how many sentences have it, times its idf.
  let centroidNorm = 0;
  for (const [word, count] of sentencesWith) centroidNorm += (count * (idfs.get(word) as number)) ** 2;
  centroidNorm = Math.sqrt(centroidNorm) || 1;
  return candidates.map(({ contentWords }) => {
    let dot = 0;
    let norm = 0;
    for (const word of contentWords) {
      // Every candidate's words are counted in sentencesWith.
      const weight = idfs.get(word) as number;
      dot += weight * (sentencesWith.get(word) as number) * weight;
      norm += weight * weight;
    }
    return dot / (centroidNorm * (Math.sqrt(norm) || 1));
  });
}

/** Cosine similarity of two word sets, in [0, 1]. */
function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.max(1, Math.sqrt(a.size * b.size));
}

// Counted with regular expressions rather than character loops: in a one-off `summarize` run most
// sentences are scored before the loops would be compiled, and the expressions run as machine code.
function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * One feature vector per candidate, in FEATURE_NAMES order. `lead` is what the article is about:
 * the words of its title, or of its first candidate when it has no title.
 */
export function candidateFeatures(candidates: readonly FeatureInput[], lead?: ReadonlySet<string>): number[][] {
  const sentencesWith = sentenceCounts(candidates);
  const centrality = centralities(candidates, sentencesWith);
  const centroid = centroidSimilarities(candidates, sentencesWith);
  const about = lead ?? candidates[0]?.contentWords ?? new Set<string>();
  const last = Math.max(1, candidates.length - 1);
  return candidates.map(({ display, wordCount: words, contentWords, continues }, i) => {
    const perWord = Math.max(1, words);
    // Written as a record so that each value is named; listed in FEATURE_NAMES order below.
    const features: Record<FeatureName, number> = {
      // By rank among candidates, so that a heading or caption line does not push the lead down.
      positionDecay: 1 / (1 + i),
      isFirst: i === 0 ? 1 : 0,
      isSecond: i === 1 ? 1 : 0,
      relativePosition: i / last,
      lengthExcess: Math.max(0, words - FREE_WORDS) / EXCESS_WORDS_SCALE,
      shortness: Math.max(0, SHORT_WORDS - words) / SHORT_WORDS,
      centrality: centrality[i] ?? 0,
      leadSimilarity: similarity(contentWords, about),
      // Names, places and organizations: the who and where of the news.
      entityDensity: countMatches(display, CAPITAL_AFTER_SPACE) / perWord,
      numberDensity: countMatches(display, NUMBER) / perWord,
      hasQuote: QUOTE_MARK.test(display) ? 1 : 0,
      hasAttribution: ATTRIBUTION.test(display) ? 1 : 0,
      opensWithConnective: CONNECTIVE_OPENER.test(display) ? 1 : 0,
      isQuestion: QUESTION.test(display) ? 1 : 0,
      continuesPrevious: continues ? 1 : 0,
      centroidSimilarity: centroid[i] ?? 0,
    };
    return FEATURE_NAMES.map((name) => features[name]);
  });
}

/** A candidate's score: the weighted sum of its features. */
export function linearScore(features: readonly number[], featureWeights: FeatureWeights): number {
  return weightedSum(features, weightList(featureWeights));
}

/** The weights in FEATURE_NAMES order, to score many candidates without looking each up by name. */
export function weightList(featureWeights: FeatureWeights): number[] {
  return FEATURE_NAMES.map((name) => featureWeights[name]);
}

/** The sum of each feature times its weight (`weights` in FEATURE_NAMES order), in that order. */
export function weightedSum(features: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (weights[i] as number) * (features[i] ?? 0);
  return sum;
}
