/**
 * What the key-point model knows about a candidate sentence: one number per feature, computed
 * from the text alone. The weights that combine them live in keypoint-weights.json.
 */

/**
 * The content words of one article, each given a number in the order it is first met: a
 * sentence's words become a short list of numbers, and counting them per article takes arrays
 * indexed by number instead of a set per sentence and maps keyed by word.
 */
export class Vocabulary {
  /** Each word's number, or LEFT_OUT for the words never listed (stopwords). */
  private readonly numbers = new Map<string, number>();
  /** For each word's number, the list it was last put in: a word is listed once per sentence without a set per sentence. */
  private readonly lastList: number[] = [];
  private lists = 0;

  /** `leftOut`: words never listed, looked up in the same map as the words listed (one look-up a word). */
  constructor(leftOut: Iterable<string> = []) {
    for (const word of leftOut) this.numbers.set(word, LEFT_OUT);
  }

  /**
   * The numbers of the distinct `words`, in the order first met, the words left out and the
   * `ignored` ones aside; a word new to the article gets the next number.
   */
  listOf(words: readonly string[], ignored: ReadonlySet<string> = NO_WORDS): number[] {
    const list = this.lists++;
    const numbers: number[] = [];
    for (const word of words) {
      let number = this.numbers.get(word);
      if (number === LEFT_OUT || (ignored.size > 0 && ignored.has(word))) continue;
      if (number === undefined) {
        number = this.lastList.length;
        this.numbers.set(word, number);
        this.lastList.push(-1);
      }
      if (this.lastList[number] !== list) {
        this.lastList[number] = list;
        numbers.push(number);
      }
    }
    return numbers;
  }
}

const LEFT_OUT = -1;
const NO_WORDS: ReadonlySet<string> = new Set();

/** A sentence that may become a key point, as the features see it. */
export interface FeatureInput {
  /** The text it would be shown as. */
  display: string;
  wordCount: number;
  /** Its distinct lowercase words, stopwords left out, as numbers of the article's Vocabulary, in the order met. */
  contentWords: readonly number[];
  /** Whether it leans on the sentence before it (`He said …`): picked only after it, shown joined to it. */
  continues: boolean;
  /** Its position among all the article's sentences, counting from 0 (a caption or heading skipped still counts). */
  index: number;
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
  'leadLength',
  'contentWordShare',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type FeatureWeights = Record<FeatureName, number>;

/** Words a sentence may have before its length counts against it: a reference highlight's length. */
const FREE_WORDS = 17.5;
/** Words over FREE_WORDS that make lengthExcess 1: a sentence of 52 words is hard to take in. */
const EXCESS_WORDS_SCALE = 35;
/** Below this many words a sentence is short; shortness is how far below, in [0, 1]. */
const SHORT_WORDS = 15;
/** Sentences from the top over which leadLength falls to 1/e: the lead paragraphs. */
const LEAD_SENTENCES = 3;
/** Words from which a sentence counts as whole in leadLength: a full lead sentence. */
const FULL_LEAD_WORDS = 30;

const QUOTE_MARK = /["“”]/;
const ATTRIBUTION = /\b(?:said|says|told|according to)\b/i;
// `But …`, `And …`, `However, …`: a sentence that continues an argument begun before it.
const CONNECTIVE_OPENER = /^["“]?(?:but|and|so|yet|however|also|still)\b/i;
const QUESTION = /\?["”’)]*$/;
const CAPITAL_AFTER_SPACE = /\s\p{Lu}/gu;
const NUMBER = /\d+/g;

/**
 * How many candidates have each word, by its number. The candidates' words are numbered in the
 * order they first appear in them, from 0 on, so that going through the numbers in order is going
 * through the words in that order (sums of floating-point numbers depend on it).
 */
function sentenceCounts(candidates: readonly FeatureInput[]): Int32Array {
  let words = 0;
  for (const { contentWords } of candidates) {
    for (const word of contentWords) if (word >= words) words = word + 1;
  }
  const sentencesWith = new Int32Array(words);
  for (const { contentWords } of candidates) {
    for (const word of contentWords) sentencesWith[word] = (sentencesWith[word] as number) + 1;
  }
  return sentencesWith;
}

/**
 * How much of each candidate's vocabulary the other candidates share, scaled to [0, 1]: the
 * sentences that state the story's main subject score highest.
 */
function centralities(candidates: readonly FeatureInput[], sentencesWith: Int32Array): number[] {
  const raw = candidates.map(({ contentWords }) => {
    let shared = 0;
    for (const word of contentWords) shared += (sentencesWith[word] as number) - 1;
    // The square root keeps long sentences from winning by size alone.
    return shared / Math.max(1, Math.sqrt(contentWords.length));
  });
  let highest = 1e-9;
  for (const value of raw) if (value > highest) highest = value;
  return raw.map((value) => value / highest);
}

/**
 * Cosine similarity of each candidate to the document's centroid, words weighted by TF-IDF with
 * the candidates as the documents: close to the centroid is about what the whole story is about.
 */
function centroidSimilarities(candidates: readonly FeatureInput[], sentencesWith: Int32Array): number[] {
  // Each word's idf, computed once rather than once per sentence that has it.
  const idfs = new Float64Array(sentencesWith.length);
  for (let word = 0; word < sentencesWith.length; word++) idfs[word] = Math.log((1 + candidates.length) / (1 + (sentencesWith[word] as number))) + 1;
  // The centroid's weight of a word: how many sentences have it, times its idf.
  let centroidNorm = 0;
  for (let word = 0; word < sentencesWith.length; word++) centroidNorm += ((sentencesWith[word] as number) * (idfs[word] as number)) ** 2;
  centroidNorm = Math.sqrt(centroidNorm) || 1;
  return candidates.map(({ contentWords }) => {
    let dot = 0;
    let norm = 0;
    for (const word of contentWords) {
      const weight = idfs[word] as number;
      dot += weight * (sentencesWith[word] as number) * weight;
      norm += weight * weight;
    }
    return dot / (centroidNorm * (Math.sqrt(norm) || 1));
  });
}

/** Cosine similarity of a candidate's words and the lead's (`isLead` marks the lead's numbers; it has `leadSize` words), in [0, 1]. */
function similarity(words: readonly number[], isLead: Uint8Array, leadSize: number): number {
  let shared = 0;
  for (const word of words) shared += isLead[word] as number;
  return shared / Math.max(1, Math.sqrt(words.length * leadSize));
}

/** The lead's words marked by number, over the candidates' numbers (a lead word no candidate has is shared by none). */
function leadMarks(lead: readonly number[], words: number): Uint8Array {
  const isLead = new Uint8Array(words);
  for (const word of lead) if (word < words) isLead[word] = 1;
  return isLead;
}

// Counted with regular expressions rather than character loops: in a one-off `summarize` run most
// sentences are scored before the loops would be compiled, and the expressions run as machine code.
function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * One feature vector per candidate, in FEATURE_NAMES order. `lead` is what the article is about:
 * the words of its title (distinct numbers of the candidates' Vocabulary), or of its first
 * candidate when it has no title.
 */
export function candidateFeatures(candidates: readonly FeatureInput[], lead?: readonly number[]): number[][] {
  const sentencesWith = sentenceCounts(candidates);
  const centrality = centralities(candidates, sentencesWith);
  const centroid = centroidSimilarities(candidates, sentencesWith);
  const about = lead ?? candidates[0]?.contentWords ?? [];
  const isLead = leadMarks(about, sentencesWith.length);
  const last = Math.max(1, candidates.length - 1);
  return candidates.map(({ display, wordCount: words, contentWords, continues, index }, i) => {
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
      leadSimilarity: similarity(contentWords, isLead, about.length),
      // Names, places and organizations: the who and where of the news.
      entityDensity: countMatches(display, CAPITAL_AFTER_SPACE) / perWord,
      numberDensity: countMatches(display, NUMBER) / perWord,
      hasQuote: QUOTE_MARK.test(display) ? 1 : 0,
      hasAttribution: ATTRIBUTION.test(display) ? 1 : 0,
      opensWithConnective: CONNECTIVE_OPENER.test(display) ? 1 : 0,
      isQuestion: QUESTION.test(display) ? 1 : 0,
      continuesPrevious: continues ? 1 : 0,
      centroidSimilarity: centroid[i] ?? 0,
      // A long sentence near the top: news states its main facts there in full sentences, where
      // a short one is mostly a teaser or a scene. By position among all sentences, unlike
      // positionDecay: a lead pushed down by a caption is still the lead.
      leadLength: Math.exp(-index / LEAD_SENTENCES) * Math.min(1, words / FULL_LEAD_WORDS),
      // Distinct content words per word: high in lists of names and figures and in headline-like
      // fragments, lower in the plain sentences summaries are written in (its weight is negative).
      contentWordShare: contentWords.length / perWord,
    };
    return inFeatureOrder(features);
  });
}

/** A number for each element of a list. */
type NumberPer<List extends readonly unknown[]> = { -readonly [K in keyof List]: number };
/** One number per feature, as long as FEATURE_NAMES (a feature added there and not here does not compile). */
type FeatureVector = NumberPer<typeof FEATURE_NAMES>;

/**
 * The features in FEATURE_NAMES order, each read by its own name: `FEATURE_NAMES.map((name) =>
 * features[name])` looked each up by a name that changed from one read to the next, a slow
 * (megamorphic) look-up, eighteen a candidate.
 */
function inFeatureOrder(features: Record<FeatureName, number>): FeatureVector {
  return [
    features.positionDecay, features.isFirst, features.isSecond, features.relativePosition,
    features.lengthExcess, features.shortness, features.centrality, features.leadSimilarity,
    features.entityDensity, features.numberDensity, features.hasQuote, features.hasAttribution,
    features.opensWithConnective, features.isQuestion, features.continuesPrevious, features.centroidSimilarity,
    features.leadLength, features.contentWordShare,
  ];
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
