import { describe, expect, it } from 'vitest';
import { scoreRouge, tokenize } from '../bench/scoring/rouge.js';

describe('tokenize', () => {
  it('lowercases, splits on anything but [a-z0-9] and stems only words longer than three letters', () => {
    // "was" has three letters, so it is not stemmed to NLTK's "wa".
    expect(tokenize('He was RUNNING, generously -- U.S. abilities!')).toEqual(['he', 'was', 'run', 'gener', 'u', 's', 'abil']);
  });
});

describe('scoreRouge', () => {
  it('scores one sentence against one reference', () => {
    // reference: the cat sat on the mat (6 tokens); candidate: the cat on the mat (5 tokens).
    // ROUGE-1: matches the×2 + cat + on + mat = 5; P = 5/5, R = 5/6, F = 2·(5/6)/(11/6) = 10/11.
    // ROUGE-2: reference bigrams the-cat cat-sat sat-on on-the the-mat (5), candidate the-cat
    //   cat-on on-the the-mat (4); matches the-cat on-the the-mat = 3; P = 3/4, R = 3/5, F = 2/3.
    // ROUGE-Lsum: LCS "the cat on the mat" = 5 tokens; P = 1, R = 5/6, F = 10/11.
    const scores = scoreRouge(['The cat sat on the mat.'], ['The cat on the mat.']);
    expect(scores.rouge1).toBeCloseTo(10 / 11, 10);
    expect(scores.rouge2).toBeCloseTo(2 / 3, 10);
    expect(scores.rougeLsum).toBeCloseTo(10 / 11, 10);
  });

  it('joins the key points for ROUGE-N and takes the union of LCS hits for ROUGE-Lsum', () => {
    // reference: the cat ate the rat (5); candidates: "the cat" and "ate a rat" (5 tokens together).
    // ROUGE-1: the + cat + ate + rat = 4 matches; P = R = 4/5, F = 0.8.
    // ROUGE-2 over the joined candidate the cat ate a rat: the-cat and cat-ate (which spans the two
    //   key points) match, of 4 bigrams on each side; F = 0.5.
    // ROUGE-Lsum: LCS with "the cat" covers reference positions {0, 1}, with "ate a rat" {2, 4};
    //   the union {0, 1, 2, 4} gives 4 hits; P = R = 4/5, F = 0.8.
    const scores = scoreRouge(['The cat ate the rat.'], ['The cat', 'ate a rat']);
    expect(scores.rouge1).toBeCloseTo(0.8, 10);
    expect(scores.rouge2).toBeCloseTo(0.5, 10);
    expect(scores.rougeLsum).toBeCloseTo(0.8, 10);
  });

  it('credits a token no more often than the candidate has it', () => {
    // references "the cat" twice (4 tokens), candidate "the cat" (2). The first reference takes
    // both candidate tokens; the second finds none left: 2 hits. P = 2/2, R = 2/4, F = 2/3.
    // ROUGE-1 clips the same way: 2 matches, F = 2/3.
    const scores = scoreRouge(['the cat', 'the cat'], ['the cat']);
    expect(scores.rougeLsum).toBeCloseTo(2 / 3, 10);
    expect(scores.rouge1).toBeCloseTo(2 / 3, 10);
  });

  it('stems before matching and scores an empty candidate 0', () => {
    // "dogs barking" and "dog barks" both tokenize to dog bark: a perfect match.
    expect(scoreRouge(['Dogs barking'], ['dog barks']).rouge1).toBe(1);
    expect(scoreRouge(['Dogs barking'], [])).toEqual({ rouge1: 0, rouge2: 0, rougeLsum: 0 });
  });
});
