import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';
import { quotedTexts } from './support/quoted-texts.js';

// `"There's a sense of stability now," and donations began to pick up, Gilbert said`: what the
// speaker is reported to have said runs on past the closing mark to the comma before the
// attribution. A description of the speaker set off before their name is no such words.
describe('a quotation running on before its attribution', () => {
  it('runs on in the reporter’s clause to the comma before the attribution', () => {
    const text = 'Giving had slowed. "There\'s a sense of stability now," and donations began to pick up again last week, Gilbert said.';
    expect(quotedTexts(text)).toEqual(['"There\'s a sense of stability now," and donations began to pick up again last week']);
  });

  it('gives the quotation to the name after the cue, not to one in the words it runs on in', () => {
    const speakers = (text: string) => findQuotes(text).map((quote) => quote.speaker);
    expect(speakers('The race tightened. "This will be a challenge" for Clinton, said Madeleine Kunin.')).toEqual(['Madeleine Kunin']);
    expect(speakers('The count went on. "He can assert it, but it seems unlikely" that Sanders can catch Clinton, said Steve Elmendorf.')).toEqual(['Steve Elmendorf']);
  });

  it('does not run on into the speaker’s description set off before the name', () => {
    const text = 'Not everyone was sure the name would stick. "She\'ll hate it," her daughter, Claire Marsh Whitcomb, said with a laugh.';
    expect(quotedTexts(text)).toEqual(['"She\'ll hate it,"']);
  });
});
