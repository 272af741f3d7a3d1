import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';

// A pronoun or a description that is the subject of an attribution does not refer to a person the
// same clause names in another part (`said of Ms. Hale`, `told Ms. Hale`).
describe('a person named in the speaker\'s own clause is not the speaker', () => {
  const before = 'Ruth Kemp has lived on Elm Street for forty years. Last spring Ann Hale moved in next door.\n\n';

  it('passes over the person a pronoun speaks of', () => {
    const text = `${before}"She is the most generous neighbor I have had," she said of Ms. Hale.`;
    expect(findQuotes(text)[0]?.speaker).toBe('Ruth Kemp');
  });

  it('passes over the person a description speaks to', () => {
    const text = `${before}"You will like it here," the longtime resident told Ms. Hale on her first day.`;
    expect(findQuotes(text)[0]?.speaker).toBe('Ruth Kemp');
  });

  it('still takes a name set off after the description as the speaker', () => {
    const text = 'The club held its reunion on Saturday.\n\n"Nobody had ever seen him so happy," said his oldest friend, Bruce Tam, who drove in from Ohio.';
    expect(findQuotes(text)[0]?.speaker).toBe('Bruce Tam');
  });

  it('still reads a name past the comma that ends the clause as part of another clause', () => {
    const text = `${before}"It is a quiet street," the new neighbor said, before adding that she, Ann Hale, had planted the roses herself.`;
    expect(findQuotes(text)[0]?.speaker).toBe('Ann Hale');
  });

  it('passes over a person the quotation speaks of by title (`Senator Sanders\'s message`)', () => {
    const text = [
      'Sanders has been laboring to make inroads with both groups.',
      'His campaign manager, Jeff Weaver, said Sanders believes those efforts will pay off.',
      '"There was a question about whether Senator Sanders\'s message could go toe to toe with the Clinton organization, and I think he proved it could," he said.',
    ].join('\n\n');
    expect(findQuotes(text)[0]?.speaker).toBe('Jeff Weaver');
  });

  it('passes over a person the quotation speaks of by given name as a subject (`Rosa is a star`), not one in a list of names', () => {
    const text = [
      'Rep. Rosa Delgado-Whitfield (D-Nev.) drew the biggest crowd of the week.',
      'The state\'s senior senator, Alma Reyes-Tolliver, was careful with her praise.',
      '"Rosa is a star, and she\'s going to be a star for a long time," the Nevada Democrat said.',
    ].join('\n\n');
    expect(findQuotes(text)[0]?.speaker).toBe('Alma Reyes-Tolliver');
    const list = 'Rick Perry, the former Texas governor, endorsed Cruz.\n\n"Scott Walker, Bobby Jindal, Rick Perry, those are very skilled governors," the former governor said.';
    expect(findQuotes(list)[0]?.speaker).toBe('Rick Perry');
  });
});
