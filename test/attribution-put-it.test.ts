import { describe, expect, it } from 'vitest';
import { speakerMention } from './support/speaker-mention.js';

// In the idiom `put it` (`as the mayor put it`), `it` is the object of the cue: a description
// naming the speaker ends before the cue, as it does before `said`.
describe('a description before the cue `put it`', () => {
  it('ends before the cue in a clause opening the quotation', () => {
    const text = 'The vote was close. As one poll worker put it, "We counted every ballot twice."';
    expect(speakerMention(text)).toBe('one poll worker');
  });

  it('ends before the cue in a clause after the quotation', () => {
    const text = '"We counted every ballot twice," as the county clerk put it.';
    expect(speakerMention(text)).toBe('the county clerk');
  });

  it('ends before the cue followed by `this way`', () => {
    const text = 'The mayor put it this way: "We counted every ballot twice."';
    expect(speakerMention(text)).toBe('The mayor');
  });
});
