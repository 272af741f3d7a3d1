import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';
import { quotedTexts } from './support/quoted-texts.js';

// `X said in a statement. "…"`: a sentence ending in its cue may attribute the quotation after
// it. One that reports words of its own before the speaker (`…, Ruiz says.`) attributes those.
describe('a sentence ending in its cue before a quotation', () => {
  it('attributes the quotation when it is only the speaker and the cue', () => {
    const text = 'The count ended late.\n\nMara Ruiz, the party chair, said in a statement. "There are no ballots left to recount and no reason to wait."';
    expect(findQuotes(text)[0]?.speaker).toBe('Mara Ruiz');
  });

  it('does not when it reports words of its own before the speaker', () => {
    const text = 'The league will watch the case closely, Ruiz says. "If a city can pick our words over the years to brand us a danger, anyone could be next."';
    expect(quotedTexts(text)).toEqual([]);
  });
});
