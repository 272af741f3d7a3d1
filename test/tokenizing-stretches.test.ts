import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/summarize/text/tokens.js';

// The tokenizer reads an article once and answers for each stretch of it from that reading; a
// stretch must still come out exactly as if it were read on its own.
const TEXT = 'Sen. Rand Paul said: "We won\'t." Then U.S. officials left.';

function read(from: number, to: number): Array<[string, number]> {
  return tokenize(TEXT, from, to).map((token) => [token.text, token.start]);
}

describe('tokenizing a stretch of a text', () => {
  it('gives the words and marks of the stretch, with offsets into the whole text', () => {
    expect(read(5, 14)).toEqual([['Rand', 5], ['Paul', 10]]);
    expect(read(21, 33)).toEqual([['"', 21], ['We', 22], ["won't", 25], ['.', 30], ['"', 31]]);
  });

  it('keeps the period of an abbreviation and splits off a final one', () => {
    expect(read(0, 4)).toEqual([['Sen.', 0]]);
    expect(read(33, TEXT.length)).toEqual([['Then', 33], ['U.S.', 38], ['officials', 43], ['left', 53], ['.', 57]]);
  });

  it('reads a word cut by the start of the stretch from where the stretch starts', () => {
    expect(read(7, 30)).toEqual([['nd', 7], ['Paul', 10], ['said', 15], [':', 19], ['"', 21], ['We', 22], ["won't", 25]]);
    expect(read(40, TEXT.length)).toEqual([['S.', 40], ['officials', 43], ['left', 53], ['.', 57]]);
  });

  it('cuts a word at the end of the stretch', () => {
    expect(read(5, 8)).toEqual([['Ran', 5]]);
  });

  it('reads a stretch cut inside words at both ends', () => {
    expect(read(7, 12)).toEqual([['nd', 7], ['Pa', 10]]);
    expect(read(26, 41)).toEqual([["on't", 26], ['.', 30], ['"', 31], ['Then', 33], ['U.S', 38]]);
  });

  it('splits the final period off the part of a word the start cuts', () => {
    expect(read(54, 58)).toEqual([['eft', 54], ['.', 57]]);
  });

  it('gives the same tokens after a cut word as a stretch starting between words', () => {
    expect(read(7, TEXT.length).slice(1)).toEqual(read(10, TEXT.length));
  });

  it('gives no tokens for an empty stretch or one inside the spaces between words', () => {
    expect(read(10, 10)).toEqual([]);
    expect(read(14, 15)).toEqual([]);
  });

  it('reads `then-` before a title as a word of its own, as `former` is, in a stretch too', () => {
    const text = 'He met then-Gov. Dana Holt and then-ally Ray Voss.';
    const words = (from: number, to: number) => tokenize(text, from, to).map((token) => [token.text, token.start]);
    expect(words(0, text.length)).toEqual([['He', 0], ['met', 3], ['then', 7], ['Gov.', 12], ['Dana', 17], ['Holt', 22], ['and', 27], ['then-ally', 31], ['Ray', 41], ['Voss', 45], ['.', 49]]);
    expect(words(3, 11)).toEqual([['met', 3], ['then', 7]]);
    expect(words(12, 22)).toEqual([['Gov.', 12], ['Dana', 17]]);
  });

  it('answers the same for a text read before another one', () => {
    const before = read(21, 33);
    tokenize('Another article entirely.');
    expect(read(21, 33)).toEqual(before);
  });
});
