import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';
import { quotedTexts } from './support/quoted-texts.js';

// A title set beside the common noun that names the work (`his memoir, "…"`) is part of the
// writer's sentence, not words anyone is reported to have said.
describe('a title in apposition to the noun naming the work', () => {
  it('is no quotation after a book, a show or a slogan', () => {
    expect(quotedTexts('The senator said he wrote most of it at night, as he recalls in his 2009 memoir, "Harbor Lights at Dawn."')).toEqual([]);
    expect(quotedTexts('She spent a decade on the station\'s weekly call-in show, "Farm and Family Hour," the paper reported.')).toEqual([]);
    expect(quotedTexts('Volunteers wore hats printed with the campaign slogan, "Stronger Together Every Day," the organizers said.')).toEqual([]);
    expect(quotedTexts('The film, "Night Train to Nowhere," opened on Friday, the studio said.')).toEqual([]);
  });

  it('is still a quotation when a cue verb introduces it', () => {
    const text = 'Asked about the new plan, the mayor told reporters, "Not Now, Not Ever."';
    expect(quotedTexts(text)).toEqual(['"Not Now, Not Ever."']);
  });

  it('is still a quotation when a participle introduces it', () => {
    const text = 'The union sent an email to its members stating, "Every Shift Counts This Week."';
    expect(quotedTexts(text)).toEqual(['"Every Shift Counts This Week."']);
  });

  it('is still a quotation when the words are not capitalized like a title', () => {
    const text = 'He said in his 2009 memoir, "I never wanted to be a politician, and I still do not."';
    expect(quotedTexts(text)).toEqual(['"I never wanted to be a politician, and I still do not."']);
  });
});

describe('the title of a work', () => {
  it('names nobody: a later speaker described by role is not taken for the words of a title', () => {
    const speakers = (text: string) => findQuotes(text).map((quote) => quote.speaker);
    expect(speakers('In his 2012 book, "A Long Way Home." the mayor wrote about the river.\n\n"We will not give up on this town," the mayor told his supporters.')).toEqual([null]);
    expect(speakers('Her novel "The Salt Under Our Feet" sold well.\n\n"I wrote it in one winter," the author said.')).toEqual([null]);
    // A person named outside the title is still found.
    expect(speakers('Mayor Ann Lee wrote the book "A Long Way Home" in 2012.\n\n"We will not give up on this town," the mayor told his supporters.')).toEqual(['Ann Lee']);
  });
});
