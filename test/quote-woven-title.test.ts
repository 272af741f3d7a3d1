import { describe, expect, it } from 'vitest';
import { attributionAfter } from '../src/summarize/quotes/attribution.js';
import { findQuotes } from '../src/summarize/quotes/quotes.js';

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

// A piece woven into the writer's sentence (`On the station's "Morning Desk,"`) is not the start
// of a quotation that an attribution ending in a comma interrupts: the capitalized piece after
// that attribution is a new sentence it introduces.
describe('a capitalized piece after an attribution that follows a woven piece', () => {
  it('is a quotation of its own, attributed to that clause', () => {
    const text = 'On the station’s “Morning Desk,” she said, “We will not raise fares this year or next.”';
    expect(quotedWithSpeaker(text)).toEqual([['“We will not raise fares this year or next.”', 'she']]);
  });

  it('is not split off when short, like a title', () => {
    const text = 'The aide poured "cold water on the plan," she wrote in her memoir, "Hard Roads."';
    expect(quotedWithSpeaker(text).map(([quoted]) => quoted)).not.toContain('"Hard Roads."');
  });

  it('is not split off after a participle cue, whose subject stands before the woven piece', () => {
    const text = 'Ms. Hale called the plan a "giveaway" for Mayor Dunn and his donors, adding, "Who will pay for the new roads and the schools?"';
    expect(quotedWithSpeaker(text).map(([, speaker]) => speaker)).not.toContain('Mayor Dunn');
  });
});
