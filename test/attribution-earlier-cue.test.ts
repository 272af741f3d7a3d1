import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes.js';

function speakerMention(text: string): string {
  const quote = findQuotes(text).at(-1);
  return text.slice(quote?.speakerStart ?? 0, quote?.speakerEnd ?? 0);
}

// Two cues in the clause before a quotation (`emailed supporters saying:`): the words between
// them are the first cue's object, and the speaker is its subject.
describe('a quotation introduced by a participle after another cue', () => {
  it('is attributed to the subject of the first cue, not to a name inside the description', () => {
    const text = 'Nora Quist lost the runoff by 300 votes.\n\nThe Ohio senator emailed supporters saying: "We will be back in two years."';
    expect(speakerMention(text)).toBe('The Ohio senator');
    expect(findQuotes(text).at(-1)?.speaker).toBe('Nora Quist');
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
