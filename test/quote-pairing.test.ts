import { describe, expect, it } from 'vitest';
import { findQuotedPieces } from '../src/summarize/text/quote-marks.js';
import { findQuotes, selectNotableQuotes } from '../src/summarize/quotes/quotes.js';

const quoted = (text: string): string[] => findQuotes(text).map((quote) => quote.text);

describe('quote pairing', () => {
  it.each([
    ['straight', 'Mr. Smith spoke. "We will win this race in November," he said.'],
    ['curly', 'Mr. Smith spoke. “We will win this race in November,” he said.'],
    ['NYT doubled apostrophes', "Mr. Smith spoke. ''We will win this race in November,'' he said."],
    ['NYT doubled apostrophes closed by a straight mark', 'Mr. Smith spoke. \'\'We will win this race in November," he said.'],
    ['single curly', 'Mr. Smith spoke. ‘We will win this race in November,’ he said.'],
  ])('pairs %s quotes', (_style, text) => {
    expect(quoted(text)).toEqual(['We will win this race in November.']);
  });

  it('takes a title of a work set off in quotation marks for a title, not a quotation', () => {
    const text = [
      'The harbour choir recorded its first album last spring.',
      'Its title track, "Lanterns Over the Harbour Wall," was written by the ferry crews.',
      '"We sang it on the night shift until the whole deck knew the words."',
      'A second record, "Songs for the Long Crossing," is planned for next year.',
    ].join('\n\n');
    expect(quoted(text)).toEqual(['We sang it on the night shift until the whole deck knew the words.']);
  });

  it('gives offsets of the quotation with its marks', () => {
    const text = 'Intro. “We don’t stop here,” she said.';
    const [quote] = findQuotes(text);
    expect(text.slice(quote?.start, quote?.end)).toBe('“We don’t stop here,”');
  });

  it('does not break pairing on apostrophes', () => {
    const text = "Xi's aides waited. ''We don't think Xi's plan will work at all,'' Mr. Lee said. It's 'not' over.";
    expect(quoted(text)).toEqual(["We don't think Xi's plan will work at all."]);
  });

  it('joins a quotation interrupted by its attribution into one quote', () => {
    const text = 'Jane Doe spoke. "It is going well so far," Doe said. "Police are doing their jobs."';
    const quotes = findQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.text).toBe('It is going well so far. Police are doing their jobs.');
    expect(text.slice(quotes[0]?.start, quotes[0]?.end)).toBe('"It is going well so far," Doe said. "Police are doing their jobs."');
  });

  it('keeps a statement the speaker goes on to with a cue of its own apart', () => {
    const text = 'Trump spoke. "It has been a total disaster for him," Trump said, adding, "Nobody cares, and I am the most solid person up here."';
    expect(quoted(text)).toEqual(['It has been a total disaster for him.', 'Nobody cares, and I am the most solid person up here.']);
  });

  it('joins a short second half after the comma that closes the attribution', () => {
    const text = "Bush spoke. ''I have put forth a vision that includes all,'' Mr. Bush said, ''because our country deserves it.''";
    expect(quoted(text)).toEqual(['I have put forth a vision that includes all, because our country deserves it.']);
  });

  it('reads a clause after a whole quoted sentence that ends in a comma as introducing the next quotation', () => {
    const text = 'The law passed because "nobody wanted the old rules back." Ruiz says, "That was a reasonable choice for the town to make."';
    expect(quoted(text)).toEqual(['That was a reasonable choice for the town to make.']);
  });

  it('runs a quoted fragment on to the comma before the attribution that closes its sentence', () => {
    const text = 'The ferry stopped again. "A second engine" would be needed before winter, the harbour master said on Monday.';
    const [quote] = findQuotes(text);
    expect(text.slice(quote?.start, quote?.end)).toBe('"A second engine" would be needed before winter');
    expect(quote?.text).toBe('A second engine');
  });

  it('keeps two attributed quotations apart', () => {
    const text = '"We are ready for this fight," Ann Lee said. "They are not ready at all," Bob Ray replied.';
    expect(findQuotes(text).map((quote) => quote.speaker)).toEqual(['Ann Lee', 'Bob Ray']);
  });

  it('joins across an attribution that holds a quoted title', () => {
    const text = "''It's nonsense,'' Mr. Trump said on NBC's ''Meet the Press.'' ''She lies about everything.''";
    const quotes = findQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.text).toBe("It's nonsense. She lies about everything.");
  });

  it('keeps a quotation inside a quotation in its outer one', () => {
    const text = 'He spoke. “I told them, “No,” and left the room at once,” he said.';
    expect(quoted(text)).toEqual(['I told them, “No,” and left the room at once.']);
  });

  it('keeps a quotation in double marks inside one in single marks, as British style writes it', () => {
    const text = 'Her brother spoke. ‘Gran never talked about the lockout,’ Alan said. ‘Then you see the words “we shared” on her square. That says everything.’';
    expect(quoted(text)).toEqual(['Gran never talked about the lockout. Then you see the words “we shared” on her square. That says everything.']);
  });

  it('reads the apostrophe of a plural possessive inside single marks as one (`‘We want the players’ wages paid,’`), not a short title in them (`\'Tricky issues\' remain`)', () => {
    const text = 'Lee Darby, 34, has worked on the bins for 12 years. ‘Three grand is my kids’ Christmas and then some,’ said the binman. ‘We want the players’ wages paid,’ he said.';
    expect(quoted(text)).toEqual(['Three grand is my kids’ Christmas and then some.', 'We want the players’ wages paid.']);
    const title = '\'Tricky issues\' remain in the talks. "I think the Saudis feel threatened," said Richard Haass. The rebels\' leaders met.';
    expect(quoted(title)).toEqual(['I think the Saudis feel threatened.']);
  });

  it('still reads a double-quoted quotation after an apostrophe taken for an opening single mark', () => {
    const text = 'The ‘90s fan club met. The club\'s \'founder spoke. “We will meet again in June,” she said.';
    expect(quoted(text)).toEqual(['We will meet again in June.']);
  });

  it('reads a quotation repeated at the start of the next paragraph as one', () => {
    const text = 'Senator John Doe wrote:\n\n"The first paragraph of the letter goes here.\n\n"The second paragraph closes it."\n\nThen he left.';
    const quotes = findQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.text).toBe('The first paragraph of the letter goes here. The second paragraph closes it.');
    expect(quotes[0]?.speaker).toBe('John Doe');
  });

  it('reads a quotation in single marks repeated at the start of the next paragraph as one, as British style writes it', () => {
    const text = 'Prof Niall Fairbairn, an entomologist, said gardeners should take care: ‘There’s a fashion for flowers that give almost nothing.\n\n'
      + '‘If bees remember a bad flower for a week, a garden full of them isn’t neutral.’\n\nThe study is published today.';
    const quotes = findQuotes(text);
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['There’s a fashion for flowers that give almost nothing. If bees remember a bad flower for a week, a garden full of them isn’t neutral.', 'Prof Niall Fairbairn'],
    ]);
  });

  it('still takes a single mark left open at the end of a paragraph, before one that does not repeat it, for an apostrophe', () => {
    const text = 'The ‘Friends of the Weir group met on Monday.\n\n“We will meet again in June,” said Ann Hale, its chair.';
    expect(quoted(text)).toEqual(['We will meet again in June.']);
  });

  it('leaves out quoted words inside a sentence', () => {
    expect(quoted('The plan was described as "very peaceful and a model for everyone" by critics.')).toEqual([]);
  });

  it('keeps a lowercase quotation after a clause of only its speaker and cue', () => {
    const text = 'Clinton wrote a letter. Still, she added, "we also can\'t ignore the changes since 2007."';
    expect(quoted(text)).toEqual(["we also can't ignore the changes since 2007."]);
  });

  it('leaves out a lowercase quotation that finishes a sentence of the writer\'s', () => {
    expect(quoted('He spoke. An economic downturn, he said, "could be a good time to borrow money."')).toEqual([]);
  });

  it('runs a quoted fragment after a cue verb on to the end of its sentence', () => {
    const text = 'Sanders says "the wind is at our backs" despite his loss in Nevada. He left.';
    const [quote] = findQuotes(text);
    expect(text.slice(quote?.start, quote?.end)).toBe('"the wind is at our backs" despite his loss in Nevada');
    expect(quote?.text).toBe('the wind is at our backs');
  });

  it('reads a quotation right after a verb of telling as its listener', () => {
    expect(quoted('"We have to increase the bombings," Trump told "Fox and Friends" after the attack.')).toEqual(['We have to increase the bombings.']);
  });
});

describe('notable quotes', () => {
  it('rejects scare quotes and titles, keeps full statements with a speaker', () => {
    const text = [
      'Calling the meetings "a good start," spokesman John Kirby said there is "a lot more work to be done."',
      '"The goal here is to create concrete, measurable actions," he said.',
      'She watched "Saturday Night Live" last week.',
    ].join('\n\n');
    const notable = selectNotableQuotes(findQuotes(text));
    expect(notable.map((quote) => quote.text)).toEqual(['The goal here is to create concrete, measurable actions.']);
  });

  it('returns at most two, the most informative first', () => {
    const text = [
      'Mayor Ann Lee spoke first.',
      '"This short one has six words," she said.',
      '"This one is clearly the longest of them all, by far," she added.',
      '"This one has a few more words in it," she said.',
    ].join('\n\n');
    const notable = selectNotableQuotes(findQuotes(text));
    expect(notable.map((quote) => quote.text.split(' ')[2])).toEqual(['is', 'has']);
  });

  it('makes no piece of two marks with nothing between them, however many there are', () => {
    expect(findQuotedPieces('‘’“”')).toEqual([]);
    const text = `${'"'.repeat(10_000)} "We will win this race in November," he said.`;
    expect(findQuotedPieces(text)).toHaveLength(1);
    expect(quoted(text)).toEqual(['We will win this race in November.']);
  });
});
