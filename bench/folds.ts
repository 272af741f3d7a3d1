/**
 * Folds by document for k-fold cross-validation: a document's fold is a hash of its id, so the
 * split is the same on every run and machine, and every quote or name line of one article falls
 * in the same fold as the article.
 */
export const DEFAULT_FOLDS = 5;

/** FNV-1a of the id, modulo k. */
export function foldOf(id: string, folds = DEFAULT_FOLDS): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % folds;
}

/** The items of each fold, in input order: `result[f]` holds those whose id hashes to f. */
export function splitByFold<T>(items: readonly T[], idOf: (item: T) => string, folds = DEFAULT_FOLDS): T[][] {
  const split: T[][] = Array.from({ length: folds }, () => []);
  for (const item of items) split[foldOf(idOf(item), folds)]!.push(item);
  return split;
}

/** Mean, smallest and largest of one figure over the folds. */
export interface FoldSummary {
  mean: number;
  min: number;
  max: number;
  perFold: number[];
}

export function summarizeFolds(values: readonly number[], digits = 4): FoldSummary {
  const round = (value: number) => Number(value.toFixed(digits));
  const mean = values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  return { mean: round(mean), min: round(Math.min(...values)), max: round(Math.max(...values)), perFold: values.map(round) };
}
