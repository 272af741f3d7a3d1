import { describe, expect, it } from 'vitest';
import { speakerMention } from './support/speaker-mention.js';

// A sentence may open with a word capitalized only because it comes first (`Additionally,`,
// `Weeks later,`), set off by a comma before the real subject: that word is nobody's name.
describe('a capitalized word opening an introductory phrase', () => {
  it('is not the speaker when the subject and its cue follow the comma', () => {
    const text = 'The council met on Monday.\n\nFurthermore, Okafor said: "The budget was never balanced."';
    expect(speakerMention(text)).toBe('Okafor');
  });

  it('is not the speaker when a short phrase goes on before the comma', () => {
    const text = 'Weeks later, Dana Quist thanked the volunteers, telling the crowd: "We could not have done it without you."';
    expect(speakerMention(text)).toBe('Dana Quist');
  });

  it('is not the speaker when it is a dateline (`RALEIGH, N.C. — A federal judge …`)', () => {
    const text = 'RALEIGH, N.C. — A federal judge on Friday ordered officials to reopen five sites, ruling that the county had offered "no reason that survives even modest scrutiny" for the closures.';
    expect(speakerMention(text)).not.toBe('RALEIGH');
  });

  it('keeps a one-word name described after its comma', () => {
    const text = 'Okafor, a member of the council, said: "The budget was never balanced."';
    expect(speakerMention(text)).toBe('Okafor');
  });
});
