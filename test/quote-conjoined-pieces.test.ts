import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';
import { quotedTexts } from './support/quoted-texts.js';

// `"A," she said, and "b …"`: one statement in two pieces, joined by a conjunction after the
// attribution; the second piece goes on in lowercase with the same speaker's words.
describe('two pieces joined by a conjunction after the attribution', () => {
  it('are one quotation', () => {
    const text = 'The vote is near. "This deal must come with firm checks," she said, and "clear penalties for any breach." Then she left.';
    expect(quotedTexts(text)).toEqual(['"This deal must come with firm checks," she said, and "clear penalties for any breach."']);
    expect(findQuotes(text)[0]?.text).toBe('This deal must come with firm checks, clear penalties for any breach.');
  });

  it('are one quotation after "but"', () => {
    const text = '"I like the mayor," Okafor said, but "when it comes to the budget, she is wrong."';
    expect(quotedTexts(text)).toHaveLength(1);
  });

  it('stay apart when the second piece is a capitalized title', () => {
    const text = 'He paused. "We met twice," he said, and "The Harbor Ledger" wrote about it.';
    expect(quotedTexts(text)).toEqual(['"We met twice,"']);
  });
});
