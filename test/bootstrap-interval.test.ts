import { describe, expect, it } from 'vitest';
import { bootstrapInterval } from '../bench/bootstrap.js';
import { resolutionInterval, type NameOutcome } from '../bench/eval-quotes.js';

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/** `ones` ones and `zeros` zeros: outcomes right or wrong. */
const outcomes = (ones: number, zeros: number): number[] => [...new Array<number>(ones).fill(1), ...new Array<number>(zeros).fill(0)];

describe('bootstrap interval', () => {
  it('gives the same interval for the same seed, and another for another seed', () => {
    // Gains of many different sizes, so that the draws' means seldom tie.
    const items = Array.from({ length: 200 }, (_, index) => ((index * 37) % 101) / 7 - 5);
    expect(bootstrapInterval(items, mean, { seed: 3 })).toEqual(bootstrapInterval(items, mean, { seed: 3 }));
    expect(bootstrapInterval(items, mean, { seed: 3 })).not.toEqual(bootstrapInterval(items, mean, { seed: 4 }));
  });

  it('is a single point when every item is alike', () => {
    expect(bootstrapInterval([0.92, 0.92, 0.92], mean)).toMatchObject({ low: 0.92, high: 0.92, level: 0.95 });
  });

  it('spans about two standard errors either side of a proportion', () => {
    // 400 outcomes, half right: the standard error of the share is 0.025, so 95% is about ±0.049.
    const { low, high } = bootstrapInterval(outcomes(200, 200), mean);
    expect(low).toBeGreaterThan(0.44);
    expect(low).toBeLessThan(0.47);
    expect(high).toBeGreaterThan(0.53);
    expect(high).toBeLessThan(0.56);
  });

  it('is wider for fewer items and for a higher level', () => {
    const width = ({ low, high }: { low: number; high: number }) => high - low;
    const many = bootstrapInterval(outcomes(360, 40), mean);
    const few = bootstrapInterval(outcomes(36, 4), mean);
    expect(width(few)).toBeGreaterThan(2 * width(many));
    expect(width(bootstrapInterval(outcomes(36, 4), mean, { level: 0.5 }))).toBeLessThan(width(few));
  });

  it('holds the figure of the set itself, however skewed the items', () => {
    const gains = [-12, -3, 0, 0, 1, 2, 2, 3, 5, 8, 9, 14, 21, 30];
    const { low, high } = bootstrapInterval(gains, mean);
    expect(low).toBeLessThan(mean(gains));
    expect(high).toBeGreaterThan(mean(gains));
  });

  it('refuses an empty set and a level outside 0 to 1', () => {
    expect(() => bootstrapInterval([], mean)).toThrow(RangeError);
    expect(() => bootstrapInterval([1, 2], mean, { level: 95 })).toThrow(/between 0 and 1/);
  });
});

describe('name resolution interval', () => {
  const lines = (id: string, correct: boolean, count: number): NameOutcome[] =>
    Array.from({ length: count }, () => ({ id, kind: 'pronoun', correct }));

  it('draws whole articles, since the lines of one article stand or fall together', () => {
    // Two articles: every line of one right, every line of the other wrong. Drawn as articles, a
    // set is all right, all wrong or half and half; drawn as 40 separate lines it would stay near half.
    const interval = resolutionInterval([...lines('a', true, 20), ...lines('b', false, 20)]);
    expect(interval).toMatchObject({ low: 0, high: 1 });
  });

  it('counts only pronoun and description lines, and has nothing to say without them', () => {
    const names: NameOutcome[] = [{ id: 'a', kind: 'surname', correct: false }, { id: 'b', kind: 'fullname', correct: false }];
    expect(resolutionInterval([...names, ...lines('c', true, 3)])).toMatchObject({ low: 1, high: 1 });
    expect(resolutionInterval(names)).toBeNull();
  });
});
