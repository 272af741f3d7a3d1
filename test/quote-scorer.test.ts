import { describe, expect, it } from 'vitest';
import {
  countArticle, isSpeakerNameCorrect, matchQuotes, overlap, quoteScores, trimRange,
} from '../bench/scoring/quote-score.js';

describe('quote scorer', () => {
  it('trims quote marks, whitespace and punctuation', () => {
    const text = ' “Hello there,” ';
    expect(trimRange(text, [0, text.length])).toEqual([2, 13]);
  });

  it('measures overlap against the longer range', () => {
    expect(overlap([0, 10], [5, 10])).toBe(0.5);
    expect(overlap([0, 10], [10, 20])).toBe(0);
    expect(overlap([0, 4], [0, 4])).toBe(1);
  });

  it('matches greedily one to one by decreasing overlap, from 0.5 up', () => {
    // gold 0 overlaps system 0 by 1.0 and system 1 by 0.6; gold 1 overlaps system 1 by 0.5.
    const pairs = matchQuotes([[0, 10], [6, 16]], [[0, 10], [4, 14]]);
    expect(pairs).toEqual([[0, 0], [1, 1]]);
    expect(matchQuotes([[0, 10]], [[0, 4]])).toEqual([]);
  });

  it('computes micro P/R/F1 and speaker accuracy on a hand-computed article', () => {
    const text = '"Alpha beta gamma," he said. "Delta epsilon," she said. "Zeta eta theta iota."';
    const gold = [
      { content: [0, 19] as const, source: [20, 22] as const },
      { content: [29, 45] as const, source: [46, 49] as const },
    ];
    const system = [
      { start: 0, end: 19, speakerStart: 20, speakerEnd: 22 },
      { start: 29, end: 45, speakerStart: 20, speakerEnd: 22 },
      { start: 56, end: 78, speakerStart: null, speakerEnd: null },
    ];
    const counts = countArticle(text, gold, system);
    expect(counts).toEqual({ system: 3, gold: 2, matched: 2, attributed: 2, speakerCorrect: 1 });
    const scores = quoteScores(counts);
    expect(scores.precision).toBeCloseTo(2 / 3);
    expect(scores.recall).toBe(1);
    expect(scores.f1).toBeCloseTo(0.8);
    expect(scores.speakerAccuracy).toBe(0.5);
  });

  it('scores a speaker name by the surname it contains', () => {
    const text = '"We will win this one," he said.';
    const quote = { start: 0, end: 24, speaker: 'Bernie Sanders' };
    expect(isSpeakerNameCorrect(text, { content: [0, 24], surname: 'sanders' }, [quote])).toBe(true);
    expect(isSpeakerNameCorrect(text, { content: [0, 24], surname: 'Clinton' }, [quote])).toBe(false);
    expect(isSpeakerNameCorrect(text, { content: [0, 24], surname: 'Sanders' }, [])).toBe(false);
  });
});
