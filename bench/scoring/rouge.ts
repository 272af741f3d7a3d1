/**
 * ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 as Google's `rouge-score` computes them with
 * `use_stemmer=True` (see shared/eval/README.md), so our numbers are comparable to published ones.
 * Home-made because no npm ROUGE matches rouge-score's tokenizer and Lsum; benchmark-only, not shipped.
 */
import { porterStem } from './porter.js';

export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeLsum: number;
}

/** Lowercase, keep runs of `[a-z0-9]`, stem the tokens longer than three characters. */
export function tokenize(text: string): string[] {
  const words = text.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 0);
  return words.map((word) => (word.length > 3 ? porterStem(word) : word));
}

function fMeasure(matches: number, candidateTotal: number, referenceTotal: number): number {
  const precision = matches / Math.max(candidateTotal, 1);
  const recall = matches / Math.max(referenceTotal, 1);
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function countNgrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N F1 over whole texts; a repeated n-gram matches at most as often as the reference has it. */
export function rougeN(reference: readonly string[], candidate: readonly string[], n: number): number {
  const referenceCounts = countNgrams(reference, n);
  const candidateCounts = countNgrams(candidate, n);
  let matches = 0;
  for (const [gram, count] of candidateCounts) {
    matches += Math.min(count, referenceCounts.get(gram) ?? 0);
  }
  const total = (counts: Map<string, number>): number => [...counts.values()].reduce((a, b) => a + b, 0);
  return fMeasure(matches, total(candidateCounts), total(referenceCounts));
}

/**
 * Indices into `reference` of one longest common subsequence with `candidate`. The backtrack
 * prefers the same branch as rouge-score on ties, which decides which token positions count.
 */
export function lcsReferenceIndices(reference: readonly string[], candidate: readonly string[]): number[] {
  const columns = candidate.length + 1;
  const table = new Uint32Array((reference.length + 1) * columns);
  for (let i = 1; i <= reference.length; i++) {
    for (let j = 1; j <= candidate.length; j++) {
      table[i * columns + j] =
        reference[i - 1] === candidate[j - 1]
          ? (table[(i - 1) * columns + j - 1] as number) + 1
          : Math.max(table[(i - 1) * columns + j] as number, table[i * columns + j - 1] as number);
    }
  }
  const indices: number[] = [];
  let i = reference.length;
  let j = candidate.length;
  while (i > 0 && j > 0) {
    if (reference[i - 1] === candidate[j - 1]) {
      indices.push(i - 1);
      i--;
      j--;
    } else if ((table[i * columns + j - 1] as number) > (table[(i - 1) * columns + j] as number)) {
      j--;
    } else {
      i--;
    }
  }
  return indices.reverse();
}

function countTokens(sentences: readonly (readonly string[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sentence of sentences) {
    for (const token of sentence) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return counts;
}

/**
 * Summary-level ROUGE-L F1: each reference sentence takes the union of its LCS positions with
 * every candidate sentence; a token is credited no more often than it occurs on either side.
 */
export function rougeLsum(
  referenceSentences: readonly (readonly string[])[],
  candidateSentences: readonly (readonly string[])[],
): number {
  const referenceTotal = referenceSentences.reduce((sum, s) => sum + s.length, 0);
  const candidateTotal = candidateSentences.reduce((sum, s) => sum + s.length, 0);
  if (referenceTotal === 0 || candidateTotal === 0) return 0;
  const referenceLeft = countTokens(referenceSentences);
  const candidateLeft = countTokens(candidateSentences);
  let hits = 0;
  for (const reference of referenceSentences) {
    const union = new Set<number>();
    for (const candidate of candidateSentences) {
      for (const index of lcsReferenceIndices(reference, candidate)) union.add(index);
    }
    for (const index of [...union].sort((a, b) => a - b)) {
      const token = reference[index] as string;
      if ((referenceLeft.get(token) ?? 0) > 0 && (candidateLeft.get(token) ?? 0) > 0) {
        hits++;
        referenceLeft.set(token, (referenceLeft.get(token) as number) - 1);
        candidateLeft.set(token, (candidateLeft.get(token) as number) - 1);
      }
    }
  }
  return fMeasure(hits, candidateTotal, referenceTotal);
}

/** Scores candidate sentences against reference sentences; F1 values in [0, 1]. */
export function scoreRouge(references: readonly string[], candidates: readonly string[]): RougeScores {
  const referenceSentences = references.map(tokenize);
  const candidateSentences = candidates.map(tokenize);
  const referenceTokens = referenceSentences.flat();
  const candidateTokens = candidateSentences.flat();
  return {
    rouge1: rougeN(referenceTokens, candidateTokens, 1),
    rouge2: rougeN(referenceTokens, candidateTokens, 2),
    rougeLsum: rougeLsum(referenceSentences, candidateSentences),
  };
}
