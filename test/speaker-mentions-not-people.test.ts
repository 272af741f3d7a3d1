import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';

describe('words that are not people never become speakers', () => {
  it('does not print a word that only opens its sentence or line as a speaker (`Question: "…"`, `Sure, …`), but keeps a name it opens', () => {
    const text = [
      'The ministry website reported this exchange at a news conference.',
      'Question: "Were they soldiers or not?"',
      'Bryne said: "I know this to be true, and I will say it again."',
      'Bryne went on to say, "From the bottom of my soul, I know this to be true."',
    ].join('\n\n');
    expect(findQuotes(text).map((quote) => quote.speaker)).toEqual([null, 'Bryne', 'Bryne']);
  });

  it('does not take an office after an article for a name (`The President added`, `the Prime Minister said`)', () => {
    const text = [
      'Russian President Vladimir Putin spoke at the ceremony. Prime Minister Lee Hsien Loong of Singapore sent a message.',
      '"Russia must be made secure at last," the President added.',
      '"A successful Singapore is what we have built together," the Prime Minister said.',
    ].join('\n\n');
    expect(findQuotes(text).map((quote) => quote.speaker)).toEqual(['Vladimir Putin', 'Lee Hsien Loong']);
  });

  it('does not take a town named like a woman (`Holly Springs`) for one', () => {
    const text = 'Aisha Rowe, a former nurse, has run on school construction. At a forum in Holly Springs this month, she was asked about her party.\n\n"I will vote with whoever is trying to get a roof on the new school," she said.';
    expect(findQuotes(text)[0]?.speaker).toBe('Aisha Rowe');
  });

  it.each([
    ['Typhoon Hagupit weakened as it crossed the islands on Sunday.', 'The winds have dropped but the rain has not'],
    ['Rescue crews reached the coast on Monday after Cyclone Winston passed.', 'Whole villages are gone'],
  ])('does not take a named storm for a person (%s)', (introduction, words) => {
    expect(findQuotes(`${introduction}\n\n"${words}," she said.`)[0]?.speaker).toBeNull();
  });

  it('does not take a capitalized word after "the" for a person', () => {
    const text = 'Amy Stone, who represents the district, spoke on Monday.\n\n'
      + '"The base will close in May," the Pentagon said in a statement. Stone has asked the Pentagon to wait.\n\n'
      + '"We are going to keep fighting for these jobs," the Ohio Democrat said.';
    expect(findQuotes(text).map((quote) => quote.speaker)).toEqual([null, 'Amy Stone']);
  });

  it.each([
    ['a credit line with via', 'Tom Reed via Wire Images.'],
    ['a credit line with a slash', 'Tom Reed/Wire.'],
    ['a labelled credit line', 'Photo: Tom Reed for the Courier.'],
    ['a credit in parentheses', 'Guests wait outside the new dining room. (Photo by Tom Reed)'],
  ])('does not take the photographer of %s for a person of the story', (_case, credit) => {
    const text = `Ann Pike, a local chef, opened her second restaurant on Friday.\n\n${credit}\n\n`
      + '"We never thought we would get this far so fast," the 43-year-old said.';
    expect(findQuotes(text)[0]?.speaker).toBe('Ann Pike');
  });

  it('does not take the words before a plural possessive in an organization\'s name for a person', () => {
    const text = 'Grace Wanjiru, a driver, spoke first. Fares were set by the Thika Road Matatu Owners\' Welfare Association.\n\n'
      + '"Nobody asked us about the new stage," she said.';
    expect(findQuotes(text)[0]?.speaker).toBe('Grace Wanjiru');
  });

  it('takes a surname that ends the names of places for a person where an age is set off after it (`Park, 31, said`)', () => {
    const text = 'Maya Castellanos and Jun Park founded the company in 2021.\n\n"Every nurse has a story," Castellanos said.\n\nPark, 31, said the hardest part had been the rules. "It is actually a fairness problem," he said.';
    expect(findQuotes(text).at(-1)?.speaker).toMatch(/Park$/);
  });

  it('takes a surname that also ends the names of places (`Park`, `Hall`) for a person where the text says it is one, and the place for no one', () => {
    expect(findQuotes('Theo Park, a designer at the studio, won the award.\n\n"I did not expect this at all," Park said.')[0]).toMatchObject({ speaker: 'Theo Park', role: 'designer at the studio' });
    expect(findQuotes('Stuart Hall, the club president, spoke first.\n\n"We will be back next year," Hall said.')[0]?.speaker).toBe('Stuart Hall');
    const place = 'Ann Lee, a nurse, joined the crowds in Hyde Park on Sunday.\n\nHyde Park was full by noon.\n\n"We will be back every week," she said.';
    expect(findQuotes(place)[0]?.speaker).toBe('Ann Lee');
  });

  it('does not take a sentence-opening participle for a name', () => {
    const text = 'Mark Dunn told the crowd about his first job.\n\n'
      + 'Speaking in a lower voice, he went on to read a letter, saying: "I kept every word of it for twenty years."';
    expect(findQuotes(text)[0]?.speaker).toBe('Mark Dunn');
  });

  it.each(['Later', 'Earlier', 'Today'])('does not take %s opening a sentence for part of the name after it', (adverb) => {
    const text = `The hearing was adjourned. ${adverb} Tamsin Orr, a site manager, took the stand.\n\n"I watched it go," she said.`;
    expect(findQuotes(text)[0]?.speaker).toBe('Tamsin Orr');
  });
  it('does not take the word after a dotted abbreviation for a person, and reads initials as a given name', () => {
    const text = 'U.S. Steel said in a statement: "We are proud of the plant."\n\n'
      + 'J.K. Rowling, the author, opened the library. "Every child should have one," she said.\n\n'
      + '"We will be back next year," said George H.W. Bush. "Read the plan," Bush added.';
    expect(findQuotes(text).map(({ speaker, role }) => [speaker, role])).toEqual([
      [null, null],
      ['J.K. Rowling', 'author'],
      ['George H.W. Bush', null],
      ['George H.W. Bush', null],
    ]);
  });
  it('takes no words of a headline in title case for a person, nor for a role; a given name there is still a name', () => {
    const text = 'Hope Fades for Missing Walker\n\n'
      + 'Mountain rescue team leader Hope Walker said the search would go on. "We are not giving up," Walker said.\n\n'
      + 'Rescue Chief Praises Volunteer Ann Boyle\n\n'
      + '"They walked all night," Boyle said.';
    expect(findQuotes(text).map(({ speaker, role }) => [speaker, role])).toEqual([
      ['Hope Walker', 'Mountain rescue team leader'],
      ['Ann Boyle', null],
    ]);
  });
  it('takes a name of two words after a preposition of place for a place, unless it opens on a given name or is possessive', () => {
    const text = 'The village hall in Upper Stone has reopened.\n\n'
      + 'Hall committee chair Betty Stone said it took five years. "Every penny was raised locally," Stone said.\n\n'
      + 'The plan was set out in Ann Kerr\'s report. "It is overdue," Kerr said.';
    expect(findQuotes(text).map(({ speaker }) => speaker)).toEqual(['Betty Stone', 'Ann Kerr']);
  });
  it('takes no saint\'s name, street, plural of people or short headline for a person', () => {
    const text = 'Teachers Strike\n\n'
      + 'Two wards at St Brigid\'s Hospital on Mill Lane will close. Residents said: "We were not asked."\n\n'
      + '"It is a betrayal of the town," the mayor said.\n\n'
      + 'Teachers at Holmwood Academy said: "We have no choice."';
    expect(findQuotes(text).map(({ speaker }) => speaker)).toEqual([null, null, null]);
  });

  it('takes no capitalized words after a possessive (`sits his Leaving Cert`) for a person, and lets the text tell a Bernie\'s gender', () => {
    const text = [
      '"I was just trying to keep the head down," said the teenager, who sits his Leaving Cert in June.',
      'Bernie Fitzgerald, the club chairperson, said the cup would visit the national school on Monday.',
      '"We\'re a small parish," she said.',
    ].join('\n\n');
    expect(findQuotes(text).at(-1)?.speaker).toBe('Bernie Fitzgerald');
  });

  it('takes no place after a word that opens places\' names (`West Des Moines`) nor one ending in a place word (`Ann Arbor`) for a person', () => {
    const text = [
      'Garrett Vollmer has won the caucuses, beating Ohio Sen. Curtis Bramwell.',
      'The developer told supporters in a hotel ballroom in West Des Moines that the result was clear. "We came to Iowa as the outsider," the 68-year-old said.',
      'At a town hall in Ann Arbor, Wren Castellano, 20, a sophomore, stood on her chair. "Will you stop the pipeline?" she shouted.',
    ].join('\n\n');
    expect(findQuotes(text).map((quote) => quote.speaker)).toEqual(['Garrett Vollmer', 'Wren Castellano']);
  });

  it('takes a name with a suffix (`Garrett Vollmer Jr.`) for another person than the same name without it', () => {
    const text = 'Garrett Vollmer won the caucuses.\n\n"We came as the outsider," the 68-year-old said, with his son, Garrett Vollmer Jr., beside him.';
    expect(findQuotes(text)[0]?.speaker).toBe('Garrett Vollmer');
  });

  it('takes no title of a work opening on a capital `The` inside a sentence for a person (`her first play, The Suitcase Room,`)', () => {
    const text = 'That silence is the heart of Róisín Kealy\'s first play, The Suitcase Room, which opened on Thursday.\n\n\'My grandmother never once talked about leaving,\' the 31-year-old said.';
    expect(findQuotes(text)[0]?.speaker).toBe('Róisín Kealy');
  });

  it('reads the name after `the Opposition` as a person (`Leader of the Opposition B.K. Shivalingappa`)', () => {
    const text = 'Minor Irrigation Minister H.S. Ramegowda moved the Bill.\n\nLeader of the Opposition B.K. Shivalingappa said farmers would pay bribes. "Every new form comes with a new rate card," he said.';
    expect(findQuotes(text)[0]?.speaker).toBe('B.K. Shivalingappa');
  });

  it('takes no month after a preposition for the subject of a cue', () => {
    const text = 'Tom Reed runs the school.\n\n"Standards have slipped badly," the inspection report published in May said.';
    expect(findQuotes(text)[0]?.speaker).not.toBe('May');
  });
});

describe('people the text speaks of as a group', () => {
  it('are no place named after them (`residents in Colnebrook`) nor one in the phrase before them', () => {
    expect(findQuotes('"We want clean water," residents in Colnebrook said.')[0]?.speaker).toBeNull();
    expect(findQuotes('At a rally in Paris on Monday, protesters chanted: "We will not go back to work."')[0]?.speaker).toBeNull();
  });

  it('are a group past a few modifiers (`local residents in`, `health officials in`, `Emergency crews`)', () => {
    for (const subject of ['local residents in Colnebrook', 'health officials in Marlow', 'many residents in Ashby', 'Emergency crews in Ashby', 'rescuers in Ashby']) {
      expect(findQuotes(`"We want clean water," ${subject} said.`)[0]?.speaker, subject).toBeNull();
    }
  });

  it('are a group after the cue too, with a place or a team before them or after (`said Colnebrook residents`, `said residents of Colnebrook`)', () => {
    for (const subject of ['Colnebrook residents', 'residents of Colnebrook', 'Harwick Rovers supporters']) {
      expect(findQuotes(`"The water came in so fast," said ${subject}.`)[0]?.speaker, subject).toBeNull();
    }
    // A plural possessive qualifies the noun after it: the residents' spokeswoman is someone.
    expect(findQuotes('"It was fine," said the residents\' spokeswoman, Jan Whitelock.')[0]?.speaker).toBe('Jan Whitelock');
  });

  it('are not a group when the people are named right after the noun (`nuclear experts David Albright and …`)', () => {
    expect(findQuotes('"The yield could grow," nuclear experts David Albright and Serena Kovac wrote in September.')[0]?.speaker).not.toBeNull();
    expect(findQuotes('"We will achieve justice," Tulsa police Chief Chuck Jordan said.')[0]?.speaker).toBe('Chuck Jordan');
  });
});

describe('a name that a description of the speaker is of', () => {
  const speakers = (text: string) => findQuotes(text).map((quote) => [quote.speaker, quote.role]);

  it('is not the speaker (`a lawyer for Tom Ashe`, `the family of Tom Ashe`, `adviser to Bill Clinton`)', () => {
    expect(speakers('Tom Ashe was charged on Monday. "Our client is innocent," said a lawyer for Tom Ashe.')).toEqual([[null, 'lawyer for Tom Ashe']]);
    expect(speakers('Tom Ashe was charged on Monday. "Our client is innocent," a lawyer for Tom Ashe said.')).toEqual([[null, 'lawyer for Tom Ashe']]);
    expect(speakers('Tom Ashe died on Friday. "We are devastated," the family of Tom Ashe said in a statement.')).toEqual([[null, null]]);
  });

  it('is the speaker where the words before it are an office or no person (`secretary of state Hillary Clinton`)', () => {
    expect(speakers('"The first line of defense is the community," said former secretary of state Hillary Clinton.')[0]?.[0]).toBe('Hillary Clinton');
  });
});
