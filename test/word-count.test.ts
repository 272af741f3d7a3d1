import { expect, it } from 'vitest';
import { countWords } from '../src/load/words.js';

it('counts whitespace-separated words that hold a letter or digit, the same for reading time, key points and quotes', () => {
  expect(countWords('The U.S. and Jean-Luc don’t agree — 2.5 times over.')).toBe(9);
  expect(countWords('  -- “ ” ... ')).toBe(0);
  // Chinese and Japanese are written without spaces: two characters to a word.
  expect(countWords('週刊 ガゼット')).toBe(3);
  expect(countWords('港の予算が承認された。フェリーの運賃は据え置き。')).toBe(12);
  expect(countWords('Gazette 週刊誌 2024')).toBe(4);
  expect(countWords('')).toBe(0);
});
