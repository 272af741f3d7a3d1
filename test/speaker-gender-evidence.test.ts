import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';

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

describe('evidence of gender that is not evidence', () => {
  it('takes none from the pronoun of a quotation\'s attribution after a name, which is the speaker\'s', () => {
    const text = [
      'Robin Ortiz, the principal of Eastside High, introduced Casey Marsh, the new football coach, at an assembly on Friday.',
      '"He is going to change this program," she said.',
      'Marsh took the microphone. "I grew up two blocks from here," he said.',
    ].join('\n\n');
    expect(speakers(text)).toEqual([
      ['Robin Ortiz', 'principal of Eastside High'],
      ['Casey Marsh', 'new football coach'],
    ]);
  });

  it('takes none from a surname alone that is a given name too (`Jordan Blake`, then `Blake`)', () => {
    const text = [
      'Jordan Blake, the mayor, praised Tom Reed, the fire chief, at the ceremony on Friday.',
      'Ann Lowe, the owner of the building, sat in the front row.',
      '"We will rebuild the whole block," she said.',
      'Blake spoke last. "This town does not quit," she said.',
    ].join('\n\n');
    expect(speakers(text).map(([name]) => name)).toEqual(['Ann Lowe', 'Jordan Blake']);
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

  it('gives `his widow` and `his son` to the wife and the son the list named by given name alone (`their son, Kerry;`)', () => {
    const text = [
      'Declan Keane, a former state senator, died on Sunday at his home in Braddock, Pa. He was 77.',
      'He is survived by his wife, Aoife; their daughter, Siobhan Keane; their son, Kerry; a brother, Brendan; and four grandchildren.',
      '"He wrote every speech at the kitchen table," his widow said.',
      '"Dad never forgot a name," his son said.',
      'His brother said the music for the funeral was picked. "Two hymns and a Springsteen song," Brendan Keane said.',
    ].join('\n\n');
    expect(speakers(text)).toEqual([['Aoife', 'his wife'], ['Kerry', 'their son'], ['Brendan Keane', 'brother']]);
  });

  it('does not give `his son` to the man himself, called a son of someone the text only describes', () => {
    const text = [
      'Declan Keane, a steelworker\'s son who served 24 years in the State Senate, died on Sunday. He was 77.',
      'He is survived by his wife, Aoife Keane, and their son, Kerry Keane.',
      '"Dad never forgot a name," his son said.',
    ].join('\n\n');
    expect(speakers(text)).toEqual([['Kerry Keane', 'their son']]);
  });

  it('gives an honorific of the other gender than the one the surname first named to the namesake of that gender brought in last', () => {
    const text = [
      'Declan Keane, a former state senator, died on Sunday at his home in Braddock, Pa. He was 77.',
      'He was born in Braddock, the son of Michael Keane, a crane operator, and Nora Keane, a cafeteria worker.',
      'His survivors include a daughter, Siobhan Keane, a lawyer in Pittsburgh.',
      'Ms. Keane said her father had been proudest of a 1987 law. "He said it was the only thing worth the parking," she said.',
    ].join('\n\n');
    expect(speakers(text)).toEqual([['Siobhan Keane', 'lawyer in Pittsburgh']]);
  });

  it('gives `her husband` to the one the list called so, not to a son of the family named after him', () => {
    const text = [
      'Marisol Cole, who ran the Harbor Street Diner for 40 years, died on Tuesday. She was 81.',
      'She is survived by Tom Cole, her husband of 59 years; Ana Cole, their daughter; and Robin Cole, their son.',
      '"I keep setting out two cups in the morning," her husband said.',
    ].join('\n\n');
    expect(speakers(text)).toEqual([['Tom Cole', 'her husband of 59 years']]);
  });
});
