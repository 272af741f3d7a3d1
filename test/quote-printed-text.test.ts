import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';
import { printedQuoteDefects } from '../bench/scoring/printed-quotes.js';

const shown = (text: string) => findQuotes(text).map(({ text: words, speaker, role }) => ({ words, speaker, role }));

describe('quotes as readers see them', () => {
  it('keeps a title with the name and takes the role from what the text says the person is', () => {
    const text = '"The ice came early this year," said Dr. Helen Marsh, the station\'s chief limnologist.';
    expect(shown(text)).toEqual([{ words: 'The ice came early this year.', speaker: 'Dr. Helen Marsh', role: 'the station\'s chief limnologist' }]);
  });

  it('gives no role when the text gives only a title', () => {
    const text = 'The board met on Monday. "The money was well spent on the new boiler," Prof. Arun Dey said.';
    expect(shown(text)[0]?.role).toBeNull();
  });

  it('keeps a role written before the title and the name', () => {
    const text = 'Deputy mayor Dr. Ruth Adair spoke first. "The schools will come every week," Adair said.';
    expect(shown(text)[0]?.role).toBe('Deputy mayor');
  });

  it('joins a quotation interrupted by an attribution that ends its sentence into sentences', () => {
    const text = '"The old plant had to be shut down," said Anna Berg, the deputy mayor. "This winter we heat the homes with the new one."';
    expect(shown(text)[0]?.words).toBe('The old plant had to be shut down. This winter we heat the homes with the new one.');
  });

  it('goes on with the sentence when the attribution ends in a comma', () => {
    const text = '"Children should see the ice," Ms. Adair said, "because a chart does not make anyone curious."';
    expect(shown(text)[0]?.words).toBe('Children should see the ice, because a chart does not make anyone curious.');
  });

  it('drops the comma the attribution took between a short subject and its verb', () => {
    expect(shown('"The door," said Keld Brauner, the port director, "is not closed."')[0]?.words).toBe('The door is not closed.');
    expect(shown('"My hope," Ms. Adair said, "is that the pool stays open."')[0]?.words).toBe('My hope is that the pool stays open.');
    // A clause of its own on either side keeps it.
    expect(shown('"If we lose," Ms. Adair said, "we go home."')[0]?.words).toBe('If we lose, we go home.');
    expect(shown('"We tried," Ms. Adair said, "and we failed."')[0]?.words).toBe('We tried, and we failed.');
    expect(shown('"The door," Ms. Adair said, "we never lock it."')[0]?.words).toBe('The door, we never lock it.');
    // So does an address or a cry (`My friends`, `Your honour`); a subject of one word does not.
    expect(shown('"My friends," Ms. Adair said, "we have won."')[0]?.words).toBe('My friends, we have won.');
    expect(shown('"Your honour," Mr. Pike said, "my client is innocent."')[0]?.words).toBe('Your honour, my client is innocent.');
    expect(shown('"He," Ms. Adair said, "was my brother."')[0]?.words).toBe('He was my brother.');
  });

  it('ends a quotation that broke off for its attribution as a sentence, without an ellipsis', () => {
    const endings = [
      '"We were deaf to the first half of it," Prof. Dey said.',
      '"We were deaf to the first half of it;" Prof. Dey said.',
      '"We were deaf to the first half of it —" Prof. Dey said.',
    ].map((text) => shown(text)[0]?.words);
    expect(endings).toEqual(Array.from({ length: 3 }, () => 'We were deaf to the first half of it.'));
  });

  it('keeps the dash where the speaker broke off mid-sentence, which a period would end', () => {
    expect(shown('"I will not vote for that bill, because —" Rep. Dana Holt said.')[0]?.words).toBe('I will not vote for that bill, because —');
    expect(shown('"And then we —" Ms. Adair said. "We stopped."')[0]?.words).toBe('And then we — We stopped.');
    // No attribution after the last piece: nothing for its dash to hand over to.
    expect(shown('"This is not over," Ms. Adair said as she left. "Not by a long —"')[0]?.words).toBe('This is not over. Not by a long —');
  });

  it('keeps the closing mark of a quotation inside an NYT-style doubled one (`\'a loser,\'\'\'`)', () => {
    const text = "Senator Marcus Hadley of Florida spoke in Miami.\n\n''He called me 'a loser,''' Mr. Hadley said. ''We told them, 'Not now,''' he added, ''and they listened.''";
    expect(findQuotes(text).map((quote) => quote.text)).toEqual(["He called me 'a loser.'", "We told them, 'Not now,' and they listened."]);
  });

  it('keeps a question or an exclamation as the speaker ended it', () => {
    expect(shown('"Who will pay for the boiler now?" asked Tom Reyes, the county treasurer.')[0]?.words).toBe('Who will pay for the boiler now?');
  });

  it('shows none of the three defects on a report from outside the usual wire style', () => {
    const text = readFileSync(new URL('./fixtures/lake-station-winter.txt', import.meta.url), 'utf8');
    const quotes = findQuotes(text);
    expect(quotes.map((quote) => [quote.speaker, quote.role])).toEqual([
      ['Dr. Helen Marsh', 'the station\'s chief limnologist'],
      ['Prof. Arun Dey', null],
      ['Ruth Adair', 'deputy mayor'],
    ]);
    expect(quotes.flatMap((quote) => printedQuoteDefects(text, quote))).toEqual([]);
  });
});
