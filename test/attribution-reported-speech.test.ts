import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';

const speakers = (text: string) => findQuotes(text).map((quote) => [quote.speaker, quote.role]);

// Wire copy reports a speaker's point, then opens the next paragraph on their own words with no
// attribution: the quotation is the reported speaker's.
describe('a quotation opening the paragraph after a sentence that reports someone speaking', () => {
  it('is the reported speaker\'s, over several paragraphs too', () => {
    const text =
      'Dock workers at Alvessa walked out on Monday.\n\n' +
      'Marta Oyelaran, a union leader, said members had been patient for two years.\n\n' +
      '"They have worked through storms and through the night shifts nobody else wanted.\n\n' +
      '"Next year is here, and nothing is different."';
    expect(speakers(text)).toEqual([['Marta Oyelaran', 'union leader']]);
  });

  it('goes to a pronoun\'s person and to a described speaker alike', () => {
    const text =
      'Councillor Rhys Abernethy voted against the budget. He told the chamber that the library cuts went too far.\n\n' +
      '"We are closing the one warm room some of our residents have all winter."';
    expect(speakers(text)[0]?.[0]).toBe('Rhys Abernethy');
  });

  it('is not given to the subject of a clause that only mentions speech (`After …`)', () => {
    const text =
      'After Mayor Ana Ruiz said the pool would close, the crowd in the hall grew angry.\n\n' +
      '"This is the only pool for twenty miles and our children learn to swim here."';
    expect(speakers(text)).toEqual([[null, null]]);
  });

  it('is not given to a subject that is no one (`suffice it to say`)', () => {
    const text =
      'Suffice it to say the plan has critics.\n\n' +
      '"Nobody asked the people who actually use the road every day what they wanted."';
    expect(speakers(text)).toEqual([[null, null]]);
  });

  it('makes no quotation of a title or a slogan set on a line of its own', () => {
    const text = 'Ruiz said the festival would go ahead.\n\n"Summer Nights"\n\nTickets go on sale on Friday.';
    expect(findQuotes(text)).toEqual([]);
  });

  it('is not given to the reporter of a sign, a message or a chant the quotation is the words of', () => {
    const text =
      'Marta Oyelaran said a handwritten sign had appeared on the factory gate overnight.\n\n' +
      '"Closed until the bosses pay what they owe."\n\n' +
      'Oyelaran said the crowd began to chant as the managers left.\n\n' +
      '"Shame on you! Shame on you! Shame on you!"';
    expect(speakers(text)).toEqual([[null, null], [null, null]]);
  });

  it('is not given to one who reports a third party\'s words or a word capitalized only to open its sentence', () => {
    const driver = 'Marta Oyelaran said one driver had told her he was quitting.\n\n"I have had enough of the night shifts and the broken promises."';
    expect(speakers(driver)).toEqual([[null, null]]);
    const management = 'Management said the offer was final.\n\n"There will be no further talks with the union this year."';
    expect(speakers(management)).toEqual([[null, null]]);
    const sign = 'A sign held by Marta Oyelaran said the gate was closed.\n\n"Closed until the bosses pay what they owe us."';
    expect(speakers(sign)).toEqual([[null, null]]);
  });
});
