import { describe, expect, it } from 'vitest';
import { quotedTexts } from './support/quoted-texts.js';

// A quotation opening in lowercase after a comma is usually the rest of a sentence the writer
// began; right after its cue verb (and the cue's listener) it is the speaker's own words.
describe('a lowercase quotation right after its cue', () => {
  it('is a quotation after a subject and its cue', () => {
    const text = 'A volunteer asked for a picture and Marsh said, "as long as the rules allow it."';
    expect(quotedTexts(text)).toEqual(['"as long as the rules allow it."']);
  });

  it('is a quotation after a cue and its listener', () => {
    const text = 'Marsh did not name her rivals, but told the crowd, "our town deserves better than this."';
    expect(quotedTexts(text)).toEqual(['"our town deserves better than this."']);
  });

  it('is a quotation after a participle set off by a comma', () => {
    const text = 'Marsh defended the budget on Monday, explaining, "because the roads cannot wait another year."';
    expect(quotedTexts(text)).toEqual(['"because the roads cannot wait another year."']);
  });

  it('is a quotation after a sentence-opening `According to` someone, not after one naming a document or going on to a clause of its own', () => {
    const text = 'Two councillors were elected. According to the returning officer, Stephen Vu, "turnout was a touch under 84 per cent."';
    expect(quotedTexts(text)).toEqual(['"turnout was a touch under 84 per cent."']);
    const summary = 'The book came out in May. According to its Amazon summary, "draws a deeply troubling portrait of the candidate."';
    expect(quotedTexts(summary)).toEqual([]);
    const clause = 'According to Yahoo News, spokesman Jesse Lehrich said Friday that if she won, "she would sign this legislation."';
    expect(quotedTexts(clause)).toEqual([]);
  });

  it('is not one when the cue interrupts a sentence the quotation finishes', () => {
    const text = 'In other words, she said, "the easy years are over."';
    expect(quotedTexts(text)).toEqual([]);
  });

  it('is not one after a cue word used as an adjective', () => {
    const text = 'Marsh also avoided the charged phrase, "tax hike," during the debate.';
    expect(quotedTexts(text)).toEqual([]);
  });
});
