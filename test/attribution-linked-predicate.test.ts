import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';

// A cue tied to an earlier verb of the same subject (`… and said`, `… by saying`) is attributed to
// that subject, not to the words of the verb phrase in between.
describe('a cue that continues an earlier verb phrase', () => {
  it('attributes "furrowed his brow and said" to the subject of the first verb', () => {
    const text = 'When I asked Nora Vance about the vote, she looked at the crowd, raised her hand and said, "We will count every ballot again."';
    const [quote] = findQuotes(text);
    expect(text.slice(quote?.speakerStart ?? 0, quote?.speakerEnd ?? 0)).toBe('she');
    expect(quote?.speaker).toBe('Nora Vance');
  });

  it('attributes "explained the headline by saying" to the subject, not to a name in the phrase', () => {
    const text = 'Omar Reed spoke in Dayton on Friday.\n\nHe explained the Herald headline by saying: "It was a joke, and everybody in the room knew it."';
    expect(findQuotes(text)[0]?.speaker).toBe('Omar Reed');
  });

  it('attributes "replied to one of Dunn\'s posts by saying" to the subject, not to the possessive name', () => {
    const text = 'Carla Reyes left the council in May.\n\n'
      + 'Online, she replied on Sunday to one of Victor Dunn\'s posts by saying, "Please stop inventing the minutes."';
    const [quote] = findQuotes(text);
    expect(text.slice(quote?.speakerStart ?? 0, quote?.speakerEnd ?? 0)).toBe('she');
    expect(quote?.speaker).toBe('Carla Reyes');
  });

  it('attributes "continued, saying" at the opening of a paragraph to the subject of the verb', () => {
    const text = 'Lena Ortiz, a retired teacher, spoke first.\n\n'
      + 'The former school board candidate continued, saying, "Nobody asked the parents what they wanted."';
    expect(findQuotes(text)[0]?.speaker).toBe('Lena Ortiz');
  });
});
