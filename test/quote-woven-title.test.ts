import { describe, expect, it } from 'vitest';
import { attributionAfter } from '../src/summarize/attribution.js';
import { findQuotes } from '../src/summarize/quotes.js';

function quotedWithSpeaker(text: string): Array<[string, string]> {
  return findQuotes(text).map((quote) => [text.slice(quote.start, quote.end), text.slice(quote.speakerStart ?? 0, quote.speakerEnd ?? 0)]);
}

// `it` in `put it` is the cue's object: a clause opening on the cue has no subject of its own.
describe('a clause opening on the cue `put it`', () => {
  it('is no attribution with `it` as its speaker', () => {
    const text = 'As Dr. Lena Ortiz, author of "The Quiet Vote," put it, "Turnout decides everything in a primary like this one."';
    const titleEnd = text.indexOf(',"') + 2;
    expect(attributionAfter(text, titleEnd, text.indexOf('"Turnout'))).toBeNull();
  });

  it('still lets an inverted two-word cue take the subject after its particle', () => {
    const text = '"We will appeal the ruling tomorrow," shot back Ms. Ruiz.';
    expect(quotedWithSpeaker(text)).toEqual([['"We will appeal the ruling tomorrow,"', 'Ms. Ruiz']]);
  });
});

// A title quoted inside the clause before a quotation does not cut the clause off its subject.
describe('a title woven into the clause introducing a quotation', () => {
  it('leaves the quotation attributed to the subject before the title', () => {
    const text = 'As Dr. Lena Ortiz, author of "The Quiet Vote," put it, "Turnout decides everything in a primary like this one."';
    expect(quotedWithSpeaker(text)).toEqual([['"Turnout decides everything in a primary like this one."', 'Dr. Lena Ortiz']]);
  });

  it('takes no speaker from the words of the title', () => {
    const text = 'The board met on Friday. Its report on "Safe Streets for Every Child" then said: "The city has not kept its promise to parents."';
    const speakers = quotedWithSpeaker(text).map(([, speaker]) => speaker);
    expect(speakers.some((speaker) => speaker.includes('Streets') || speaker.includes('Child'))).toBe(false);
  });
});
