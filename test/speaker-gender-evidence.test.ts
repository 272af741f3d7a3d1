import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes.js';

const speakers = (text: string) => findQuotes(text).map((quote) => [quote.speaker, quote.role]);

describe('a person of a given name that says no gender', () => {
  it('is known by the pronoun a quotation was resolved to, so that the next pronoun of the other gender is someone else', () => {
    const text = [
      'Rep. Dana Holt (R-Texas) and former Gov. Martin Vance met onstage in Lubbock on Thursday night.',
      '"Did not," she said.',
      '"Did too," he said.',
    ].join('\n\n');
    expect(speakers(text)).toEqual([
      ['Rep. Dana Holt', 'R-Texas'],
      ['Martin Vance', 'former Governor'],
    ]);
  });

  it('is known by the noun of the role the text gives them (`his daughter`), not by a `-man` office news also gives women', () => {
    const shop = [
      'Tomás Reyes, who ran the stationery shop on Calle Mayor for 40 years, died on Sunday. He was 81.',
      '"He knew every customer by the pen they bought," said Ainhoa Reyes, his daughter, who ran the till for a decade.',
      '"When the new mall opened, he put a chair outside and read the paper," she said.',
    ].join('\n\n');
    const spokesman = [
      'Kerry Lund, a spokesman for the water board, answered questions at the depot in Millbrook on Friday.',
      'Tom Ashby, the depot manager, stood beside her.',
      '"The pipes will be flushed by Monday," she said.',
    ].join('\n\n');
    expect([speakers(shop).map(([name]) => name), speakers(spokesman)]).toEqual([
      ['Ainhoa Reyes', 'Ainhoa Reyes'],
      [['Kerry Lund', 'spokesman for the water board']],
    ]);
  });
});

describe('a list of relatives, as obituaries name families', () => {
  it('gives a relative set off between two names to the name after it', () => {
    const text = [
      'Hamid Sarraf, a tailor who dressed three mayors of Portwick, died on Monday at 90.',
      'He is survived by Leila Sarraf, their son, Omid Sarraf, their daughter, Nasrin Cole, and five grandchildren.',
      '"He measured twice and never once cut wrong," his widow said.',
      '"Even the buttons had to line up with the pinstripes," she added.',
    ].join('\n\n');
    expect(speakers(text)).toEqual([
      ['Leila Sarraf', null],
      ['Leila Sarraf', null],
    ]);
  });
});
