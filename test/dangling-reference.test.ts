import { describe, expect, it } from 'vitest';
import { opensWithDanglingReference } from '../src/summarize/keypoints/dangling-reference.js';

describe('opensWithDanglingReference', () => {
  it('flags a sentence that opens with a pronoun or demonstrative pointing back', () => {
    for (const sentence of [
      'He said the bridge would reopen in the spring.',
      'She declined to comment on the vote.',
      'That split left the council without a majority.',
      'This is the third closure of the plant in a year.',
      'Those figures were revised on Friday.',
      'It was the fourth meeting in a row without a decision.',
      'Their lawyers plan to appeal the ruling.',
      '“They told us nothing,” a neighbour said.',
    ]) {
      expect(opensWithDanglingReference(sentence), sentence).toBe(true);
    }
  });

  it('flags a personal pronoun after a short lead-in phrase', () => {
    expect(opensWithDanglingReference('At 74, he bought ten shares in the first week.')).toBe(true);
    expect(opensWithDanglingReference('Two days later, they returned to the harbour.')).toBe(true);
    expect(opensWithDanglingReference('In a statement Monday afternoon, he said the unit would save $1.1 million.')).toBe(true);
  });

  it('flags a source that is a pronoun (`According to her, …`)', () => {
    expect(opensWithDanglingReference('According to her, 60 percent of inmates are awaiting trial.')).toBe(true);
    expect(opensWithDanglingReference('According to his lawyer, the deal was signed in March.')).toBe(true);
    expect(opensWithDanglingReference('According to the sheriff, 60 percent of inmates are awaiting trial.')).toBe(false);
  });

  it('leaves sentences that name their subject, and an `it` that stands for the clause after it', () => {
    for (const sentence of [
      'The mayor said the bridge would reopen in the spring.',
      'Theresa Gray, the union leader, said talks would resume.',
      'It is unclear whether the plant will reopen this year.',
      'It was not immediately clear who fired the first shot.',
      'Thousands of people marched through the capital on Sunday.',
      'Heavy rain flooded the valley overnight.',
      'Officials say it will take weeks to repair the line.',
      'This winter, salmon were counted above the old weir for the first time.',
    ]) {
      expect(opensWithDanglingReference(sentence), sentence).toBe(false);
    }
  });
});
