import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';
import { speakerMention } from './support/speaker-mention.js';

// Two cues in the clause before a quotation (`emailed supporters saying:`): the words between
// them are the first cue's object, and the speaker is its subject.
describe('a quotation introduced by a participle after another cue', () => {
  it('is attributed to the subject of the first cue, not to a name inside the description', () => {
    const text = 'Nora Quist lost the runoff by 300 votes.\n\nThe Ohio senator emailed supporters saying: "We will be back in two years."';
    expect(speakerMention(text)).toBe('The Ohio senator');
    expect(findQuotes(text).at(-1)?.speaker).toBe('Nora Quist');
  });

  it('reads past a participle whose clause left out its subject (`told Congress when asked about …:`)', () => {
    const speaker = (clause: string) => findQuotes(`The inquiry went on into the spring.\n\n${clause}: "That matter is being handled by career agents."`)[0]?.speaker;
    expect(speaker('Attorney General Loretta Lynch told Congress when asked last month about the inquiry')).toBe('Loretta Lynch');
    expect(speaker('Any decision would involve Attorney General Loretta Lynch, who told Congress when asked about the inquiry')).toBe('Loretta Lynch');
    expect(speaker('Senator Ruth Okafor said if pressed on the matter')).toBe('Ruth Okafor');
  });

  it('keeps the subject of a clause of its own that opens between the cues', () => {
    const text = 'The debate went on for an hour.\n\n"There is a young man who has something to say," Hale said as the protester shouted: "Liar!"';
    expect(speakerMention(text)).toBe('the protester');
  });
});

// A clause may open with a phrase naming a place, a date or an outlet before its subject.
describe('a subject after an opening phrase set off by a comma', () => {
  it('is the speaker, not a name inside the opening phrase', () => {
    const text = 'In a long thread on Twitter on Sunday, Ms. Okafor, a former aide to the mayor, wrote: "The budget was never balanced."';
    expect(speakerMention(text)).toBe('Ms. Okafor');
  });

  it('is the speaker after a date', () => {
    const text = 'But in a call with reporters on Dec. 2, Col. Ann Reyes, a spokeswoman for the command, said, "The road will reopen next week."';
    expect(speakerMention(text)).toBe('Col. Ann Reyes');
  });
});

// A subject set off by commas before its cue may stand far from it, behind a description.
describe('a postposed subject with a description and an appositive before the cue', () => {
  it('reaches the cue past a name set off after a description', () => {
    const text = '"The numbers will hold," the city\'s budget director, Mara Tell, who has run the office since 2019, said on Monday.';
    expect(speakerMention(text)).toBe('Mara Tell');
  });

  it('takes the name after a role, not the place or body before it', () => {
    const text = '"We came for the music," Ohio delegate Sam Ruiz, wearing a straw hat and two campaign pins, said.';
    expect(speakerMention(text)).toBe('Sam Ruiz');
    expect(findQuotes(text)[0]?.speaker).toBe('Sam Ruiz');
  });

  it('does not give a relative pronoun after a description to a person named earlier', () => {
    const text = 'Mayor Ida Brandt opened the meeting.\n\n"The audit found nothing," a city official, who was not allowed to speak for the office, said.';
    expect(findQuotes(text).at(-1)?.speaker).toBeNull();
  });
});

// After an inverted cue, the subject may open with lowercase words the lexicon does not list.
describe('an inverted cue before a name with lowercase premodifiers', () => {
  it('takes the name at the end of the premodifiers', () => {
    const text = '"We owe the river everything," said retired boatwright Elsa Marin, who built the ferry in 1979.';
    expect(speakerMention(text)).toBe('Elsa Marin');
  });

  it('does not take a name after a preposition for the subject', () => {
    const text = '"The vote is final and the matter is closed," said in a note to committee member Tom Wills.';
    expect(findQuotes(text)[0]?.speaker ?? null).toBeNull();
  });
});

// A sentence may open on its cue, the subject after it (`Said X, "…"`).
describe('a sentence opening on its cue', () => {
  it('is attributed to the subject after the cue', () => {
    const text = 'The diner closed on Sunday. Said Rosa Vint, who cooked there for thirty years, "We fed half the town."';
    expect(speakerMention(text)).toBe('Rosa Vint');
  });

  it('is not a participle phrase opening on a cue', () => {
    const text = 'Gil Ortega ran the race twice.\n\nAsked which mile was the hardest, he answered: "The last one, every time."';
    expect(speakerMention(text)).toBe('he');
  });
});
