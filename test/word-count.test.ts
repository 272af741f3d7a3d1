import { expect, it } from 'vitest';
import { countWords } from '../src/load/words.js';

it('counts whitespace-separated words that hold a letter or digit, the same for reading time, key points and quotes', () => {
  expect(countWords('The U.S. and Jean-Luc don’t agree — 2.5 times over.')).toBe(9);
  expect(countWords('  -- “ ” ... ')).toBe(0);
  expect(countWords('週刊 ガゼット')).toBe(2);
  expect(countWords('')).toBe(0);
});
