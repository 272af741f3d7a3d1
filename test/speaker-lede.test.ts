import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes.js';

// News often opens on someone it has not named yet (`WASHINGTON — The nominee to lead the
// Agriculture Department promised …`) and names them at the start of the next sentence: the
// person named there is the one the lede described, and a later `the nominee` is them.
describe('a lede about someone by a description, named in the next sentence', () => {
  const hearing = [
    'WASHINGTON — The nominee to lead the Agriculture Department promised senators on Tuesday that she would not cut crop insurance.',
    'Bernadette Coyle, who spent six years as Nebraska\'s agriculture director, is expected to be confirmed.',
    '"I\'m asking whether this department can do its job," said Sen. Ruth Achterberg of Vermont.',
    'The nominee said she had not yet seen the analysis. "I\'d rather give you an honest answer in three months," she said.',
  ].join('\n\n');

  it('gives the person named next the lede’s role', () => {
    expect(findQuotes(hearing)[1]?.speaker).toBe('Bernadette Coyle');
  });

  it('does not when the lede named someone itself', () => {
    const named = hearing.replace('The nominee to lead the Agriculture Department promised', 'The nominee to lead the Agriculture Department, Ann Pike, promised');
    expect(findQuotes(named)[1]?.speaker).not.toBe('Bernadette Coyle');
  });

  it('does not when the name does not open the next sentence', () => {
    const later = hearing.replace("Bernadette Coyle, who spent six years as Nebraska's agriculture director, is expected", "Senators expect Bernadette Coyle, who spent six years as Nebraska's agriculture director,");
    expect(findQuotes(later)[1]?.speaker).not.toBe('Bernadette Coyle');
  });
});
