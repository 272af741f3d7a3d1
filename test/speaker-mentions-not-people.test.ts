import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes.js';

describe('words that are not people never become speakers', () => {
  it('does not take a capitalized word after "the" for a person', () => {
    const text = 'Amy Stone, who represents the district, spoke on Monday.\n\n'
      + '"The base will close in May," the Pentagon said in a statement. Stone has asked the Pentagon to wait.\n\n'
      + '"We are going to keep fighting for these jobs," the Ohio Democrat said.';
    expect(findQuotes(text).map((quote) => quote.speaker)).toEqual([null, 'Amy Stone']);
  });
});
