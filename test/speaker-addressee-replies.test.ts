import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes.js';

// Debates, hearings and interviews: a question put to someone by name (`"Governor Castellow,
// why …?" asked the moderator`) is answered by that person, whom the reply's attribution may call
// only by an epithet.
describe('a reply to a question put to someone by name', () => {
  const debate = (cue: string) => [
    'Wade Castellow, the Republican nominee, faced Celia Brandauer on Tuesday night.',
    '"Governor Castellow, you would be the oldest person ever inaugurated. Why should voters be confident?" asked moderator Gina Albrecht.',
    `"I'll race anybody on this stage up those stairs," the 71-year-old ${cue}, pointing to the steps.`,
  ].join('\n\n');

  it('is the one the question was put to', () => {
    expect(findQuotes(debate('replied'))[1]?.speaker).toBe('Wade Castellow');
  });

  it('is read so only when the cue says it answers', () => {
    expect(findQuotes(debate('said'))[1]?.speaker).not.toBe('Wade Castellow');
  });

  it('is not someone of another gender than the pronoun', () => {
    const text = debate('replied').replace('the 71-year-old replied', 'she replied');
    expect(findQuotes(text)[1]?.speaker).not.toBe('Wade Castellow');
  });
});
