/**
 * How far a figure could move on another set of the same size: a percentile bootstrap interval
 * (Efron), the set drawn again with replacement many times and the figure read on each draw.
 * Items are documents (an article with all its quotes or name lines), since the quotes of one
 * article are not independent of each other. Draws are seeded (bench/seeded-random.ts), so a
 * report is the same on every run.
 */
import { seededRandom } from './seeded-random.js';

export interface BootstrapOptions {
  /** How many sets are drawn. */
  draws?: number;
  /** The share of the draws' figures the interval holds, centred: 0.95 leaves 2.5% out on each side. */
  level?: number;
  seed?: number;
}

export interface Interval {
  low: number;
  high: number;
  level: number;
  draws: number;
}

export const BOOTSTRAP_DRAWS = 2000;
export const BOOTSTRAP_LEVEL = 0.95;

/**
 * The interval of `statistic` over sets drawn from `items` with replacement, each as large as
 * `items`: the draws' figures at the (1 − level)/2 and (1 + level)/2 quantiles (nearest rank).
 */
export function bootstrapInterval<T>(items: readonly T[], statistic: (sample: readonly T[]) => number, options: BootstrapOptions = {}): Interval {
  const { draws = BOOTSTRAP_DRAWS, level = BOOTSTRAP_LEVEL, seed = 1 } = options;
  if (items.length === 0) throw new RangeError('a bootstrap interval needs at least one item');
  if (!(level > 0 && level < 1)) throw new RangeError(`the level of a bootstrap interval is between 0 and 1, not ${level}`);
  const random = seededRandom(seed);
  const sample: T[] = new Array<T>(items.length);
  const figures = Float64Array.from({ length: draws }, () => {
    for (let index = 0; index < items.length; index++) sample[index] = items[Math.floor(random() * items.length)] as T;
    return statistic(sample);
  }).sort();
  const at = (quantile: number): number => figures[Math.min(draws - 1, Math.max(0, Math.ceil(quantile * draws) - 1))] as number;
  return { low: at((1 - level) / 2), high: at((1 + level) / 2), level, draws };
}

/** The interval rounded for a report. */
export function roundInterval(interval: Interval, digits: number): Interval {
  const round = (value: number): number => Number(value.toFixed(digits));
  return { ...interval, low: round(interval.low), high: round(interval.high) };
}
