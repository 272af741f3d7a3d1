import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';

const speakers = (text: string) => findQuotes(text).map((quote) => [quote.speaker, quote.role]);

// A clause ending in a colon introduces the quotation after it. After a quotation that ended its
// own sentence, such a clause is the next speaker's, not an attribution of the one before.
describe('a clause ending in a colon between two quotations of one paragraph', () => {
  it('introduces the second quotation and leaves the first to its own speaker', () => {
    const text =
      'The budget passed by one vote. Mayor Ana Ruiz said: "We promised residents that we would protect the libraries, and we have kept that promise." ' +
      'Opposition leader Tom Hale said: "They have raised the council tax for the third year running."';
    expect(speakers(text)).toEqual([['Ana Ruiz', 'Mayor'], ['Tom Hale', 'Opposition leader']]);
  });

  it('does so for any cue and with curly marks', () => {
    const text =
      'Councillor Priya Nandakumar said: “The swimming pool will reopen in May, as we promised the town.” ' +
      'Later, Councillor Owen Pryce replied: “It was promised for last May as well, and for the May before that.”';
    expect(speakers(text).map(([speaker]) => speaker)).toEqual(['Priya Nandakumar', 'Owen Pryce']);
  });

  it('still attributes a quotation to the clause after it when that clause ends the sentence', () => {
    const text = '"We rebuilt it stone by stone." Harbour master Joan Pellow said this on Monday. "It will last another century," she added.';
    expect(speakers(text)[0]).toEqual(['Joan Pellow', 'Harbour master']);
  });
});

// A statement introduced by its cue and a colon belongs to that clause, whatever sentence follows.
describe('a quotation introduced by a cue and a colon, then a sentence about the speaker', () => {
  it('is not given to someone else that sentence seems to point at', () => {
    const text =
      'Passenger Bernard Lefèvre said the crew had been kind.\n\n' +
      'A Skylark spokesperson said in a statement: "We fell far short of the standards our customers expect." The spokesperson said every passenger would receive a refund.';
    // The spokesperson is named by no one: the description is all a reader is told.
    expect(speakers(text)).toEqual([[null, 'Skylark spokesperson']]);
  });

  it('keeps the named speaker of the clause', () => {
    const text =
      'Passenger Bernard Lefèvre said the crew had been kind.\n\n' +
      'Skylark\'s chief executive, Ingrid Solheim, said in a statement: "We fell far short of the standards our customers expect." The airline said every passenger would receive a refund.';
    expect(speakers(text)[0]?.[0]).toBe('Ingrid Solheim');
  });

  it('is not given to a headline\'s newspaper when the clause has no cue', () => {
    const text = 'The row has reached such a pitch that Tuesday\'s Westmere Star carried the headline: "Fix. This. Now." Councillors meet again on Friday.';
    expect(speakers(text).every(([speaker]) => speaker !== 'Star')).toBe(true);
  });
});

describe('one letter on its own', () => {
  it('is not a person: a platform named X says nothing of who spoke', () => {
    const text = 'The airline\'s first response on X, posted at 11.15pm, said: "We\'re sorry for the delay to SR418."';
    expect(speakers(text)).toEqual([[null, null]]);
  });
});

// An adverb of manner may stand between the speaker and the cue, as `later` or `also` may.
describe('an adverb of manner before the cue', () => {
  it('leaves the name before it as the speaker', () => {
    const text = 'At a press conference in the spring, Clinton emphatically proclaimed at the podium, "I did not email any classified material to anyone."';
    expect(speakers(text)[0]?.[0]).toBe('Clinton');
  });

  it('leaves a pronoun before it as the speaker', () => {
    const text = 'Harriet Osei, the head teacher, waited for the hall to fall silent. She quietly added, "Nobody will lose their place at this school."';
    expect(speakers(text)[0]?.[0]).toBe('Harriet Osei');
  });

  it('is not a noun ending the same way: the family is who said it, not a person of its name', () => {
    const text = 'Tom Baird was released on Friday. The Baird family said, "We are grateful to everyone who wrote to him."';
    expect(speakers(text)[0]?.[0]).not.toBe('Tom Baird');
  });
});

// A paragraph that quotes someone and ends on a clause with a colon hands the next paragraph's
// quotation to that clause's subject.
describe('a clause with a colon closing a paragraph that quoted someone', () => {
  it('introduces the quotation opening the next paragraph', () => {
    const text = [
      'Assemblywoman Claudia Rivers spoke to the station about her primary.',
      '"It is going to be well over a million dollars," Rivers said. "This is what I am up against." She went on to say:',
      '"None of them will come out and support the nominee. They will not even admit it."',
    ].join('\n\n');
    expect(speakers(text).map(([speaker]) => speaker)).toEqual(['Claudia Rivers', 'Claudia Rivers']);
  });

  it('leaves a paragraph that ends inside a quotation to that quotation', () => {
    const text = [
      'Mayor Ana Ruiz opened the session.',
      'The mayor read from the letter: "We ask the council for three things:',
      '"A new roof, a new boiler and a new lease."',
    ].join('\n\n');
    expect(findQuotes(text)[0]?.speaker).toBe('Ana Ruiz');
  });
});
