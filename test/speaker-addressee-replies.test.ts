import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';

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

  it('is not the one addressed when the text names someone between (`Ann Lutz stepped forward`)', () => {
    const text = [
      'Commissioner Judit Varga took questions from residents about the pool.',
      '"Commissioner Varga, will the pool reopen this summer?" asked Paul Ebbing, who lives across the street.',
      "The question went to the county's parks director. Ann Lutz stepped forward.",
      '"We are hopeful, but the filters have failed twice since May," she answered.',
    ].join('\n\n');
    expect(findQuotes(text)[1]?.speaker).toBe('Ann Lutz');
  });

  it('is not the one addressed by words that ask nothing (`"Governor Alvarado, come out and face us"`)', () => {
    const text = [
      'Protesters marched on the mansion, demanding that Gov. Nelson Alvarado restore power.',
      '"Governor Alvarado, come out and face us," shouted Juan Ortiz, a retired electrician.',
      'Asked by a reporter whether the marches would continue, he responded: "We will march every day until the lights come on."',
    ].join('\n\n');
    expect(findQuotes(text)[1]?.speaker).toBe('Juan Ortiz');
  });

  it('is not the one addressed when the reply calls its speaker by a role the text gave someone else (`the challenger`)', () => {
    const text = [
      'Sen. Wendell Fry and his Democratic challenger, Luis Kemp, met for their only debate.',
      '"Senator Fry, do you support the new tariffs?" asked the moderator, Ken Obi.',
      '"The senator has been on every side of this issue," the challenger responded.',
    ].join('\n\n');
    expect(findQuotes(text)[1]?.speaker).toBe('Luis Kemp');
  });

  it('is not someone of another gender than the pronoun', () => {
    const text = debate('replied').replace('the 71-year-old replied', 'she replied');
    expect(findQuotes(text)[1]?.speaker).not.toBe('Wade Castellow');
  });
});
