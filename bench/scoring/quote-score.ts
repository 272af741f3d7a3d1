/**
 * Scorers for quotation extraction, as defined in the evaluation README
 * (`/work/shared/eval/README.md`): span overlap, greedy one-to-one matching, micro P/R/F1,
 * speaker-mention accuracy and speaker-name resolution accuracy.
 */

export type Range = readonly [number, number];

export interface GoldQuote {
  content: Range;
  source: Range | null;
}

export interface SystemQuote {
  start: number;
  end: number;
  speakerStart: number | null;
  speakerEnd: number | null;
}

/** Counts for one article or many; the rates are derived with `quoteScores`. */
export interface QuoteCounts {
  system: number;
  gold: number;
  matched: number;
  /** Matched pairs whose gold quote has a source. */
  attributed: number;
  /** … and whose system speaker mention overlaps that source. */
  speakerCorrect: number;
}

export interface QuoteScores {
  precision: number;
  recall: number;
  f1: number;
  speakerAccuracy: number;
}

// Quote marks are punctuation (\p{P}), so this trims them too.
const TRIMMABLE = /[\s\p{P}]/u;

/** The range without leading and trailing whitespace, quote marks and punctuation. */
export function trimRange(text: string, [start, end]: Range): Range {
  let from = start;
  let to = end;
  while (from < to && TRIMMABLE.test(text[from] ?? '')) from += 1;
  while (to > from && TRIMMABLE.test(text[to - 1] ?? '')) to -= 1;
  return [from, to];
}

/** |a ∩ b| / max(|a|, |b|) over already-trimmed ranges; 0 when either is empty. */
export function overlap(a: Range, b: Range): number {
  const longest = Math.max(a[1] - a[0], b[1] - b[0]);
  if (longest <= 0) return 0;
  const shared = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
  return Math.max(0, shared) / longest;
}

export const MATCH_THRESHOLD = 0.5;

/**
 * One-to-one pairs `[goldIndex, systemIndex]` chosen greedily by decreasing overlap, each pair
 * at least MATCH_THRESHOLD. Ties go to the earlier gold, then the earlier system quote.
 */
export function matchQuotes(gold: readonly Range[], system: readonly Range[]): Array<[number, number]> {
  const candidates: Array<{ g: number; s: number; score: number }> = [];
  gold.forEach((g, gi) => {
    system.forEach((s, si) => {
      const score = overlap(g, s);
      if (score >= MATCH_THRESHOLD) candidates.push({ g: gi, s: si, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.g - b.g || a.s - b.s);
  const usedGold = new Set<number>();
  const usedSystem = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const { g, s } of candidates) {
    if (usedGold.has(g) || usedSystem.has(s)) continue;
    usedGold.add(g);
    usedSystem.add(s);
    pairs.push([g, s]);
  }
  return pairs;
}

function rangesOverlap(a: Range, b: Range): boolean {
  return Math.min(a[1], b[1]) > Math.max(a[0], b[0]);
}

/** Counts for one article. */
export function countArticle(text: string, gold: readonly GoldQuote[], system: readonly SystemQuote[]): QuoteCounts {
  const goldRanges = gold.map((quote) => trimRange(text, quote.content));
  const systemRanges = system.map((quote) => trimRange(text, [quote.start, quote.end]));
  const pairs = matchQuotes(goldRanges, systemRanges);
  let attributed = 0;
  let speakerCorrect = 0;
  for (const [g, s] of pairs) {
    const source = gold[g]?.source;
    if (!source) continue;
    attributed += 1;
    const quote = system[s];
    if (quote && quote.speakerStart !== null && quote.speakerEnd !== null
      && rangesOverlap(source, [quote.speakerStart, quote.speakerEnd])) {
      speakerCorrect += 1;
    }
  }
  return { system: system.length, gold: gold.length, matched: pairs.length, attributed, speakerCorrect };
}

export function addCounts(a: QuoteCounts, b: QuoteCounts): QuoteCounts {
  return {
    system: a.system + b.system,
    gold: a.gold + b.gold,
    matched: a.matched + b.matched,
    attributed: a.attributed + b.attributed,
    speakerCorrect: a.speakerCorrect + b.speakerCorrect,
  };
}

export const NO_COUNTS: QuoteCounts = { system: 0, gold: 0, matched: 0, attributed: 0, speakerCorrect: 0 };

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** Micro-averaged rates from summed counts. */
export function quoteScores(counts: QuoteCounts): QuoteScores {
  const precision = ratio(counts.matched, counts.system);
  const recall = ratio(counts.matched, counts.gold);
  return {
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    speakerAccuracy: ratio(counts.speakerCorrect, counts.attributed),
  };
}

/** A quote whose speaker the annotators resolved to a name (`speaker-names-dev.jsonl`). */
export interface NamedSpeaker {
  content: Range;
  surname: string;
}

export interface ResolvedQuote {
  start: number;
  end: number;
  speaker: string | null;
}

/**
 * Whether the system found the annotated quote (best overlap ≥ MATCH_THRESHOLD, not one-to-one)
 * and named a speaker containing the annotated surname.
 */
export function isSpeakerNameCorrect(text: string, annotation: NamedSpeaker, system: readonly ResolvedQuote[]): boolean {
  const gold = trimRange(text, annotation.content);
  let best: ResolvedQuote | null = null;
  let bestScore = 0;
  for (const quote of system) {
    const score = overlap(gold, trimRange(text, [quote.start, quote.end]));
    if (score > bestScore) {
      best = quote;
      bestScore = score;
    }
  }
  if (bestScore < MATCH_THRESHOLD) return false;
  return best?.speaker?.toLowerCase().includes(annotation.surname.toLowerCase()) ?? false;
}
