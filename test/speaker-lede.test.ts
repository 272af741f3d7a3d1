import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';

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

  it('does, past a place or a body the lede names after a preposition', () => {
    const surgeon = [
      "BOSTON — A surgeon who separated conjoined twins last spring has been named chief of surgery at Commonwealth Children's Hospital.",
      'Dr. Amara Nwosu, who trained in Lagos and London, joined the hospital in 2029.',
      "The hospital's president, Glenn Whitcombe, said the appointment had been unanimous.",
      '"The twins are thriving, and that is all that matters to me," the surgeon said.',
    ].join('\n\n');
    expect(findQuotes(surgeon)[0]?.speaker).toBe('Dr. Amara Nwosu');
  });

  it('does not for a word for anyone (`A 16-year-old boy`) or two people named together', () => {
    const rescue = [
      'CORK — A teenage swimmer who was pulled from the River Lee on Saturday night has thanked his rescuers.',
      'Ciarán Walsh and Aoife Brennan, both students at the university, jumped in after hearing shouts.',
      '"We just did what anyone would do," Mr Walsh said. Garda Sergeant Tom Hayes praised the pair.',
      'The swimmer, who cannot be named, said in a statement: "I owe them my life."',
    ].join('\n\n');
    expect(findQuotes(rescue)[1]?.speaker).not.toBe('Ciarán Walsh');
    const boy = rescue.replace('A teenage swimmer', 'A 16-year-old boy').replace('Ciarán Walsh and Aoife Brennan, both students', 'Ciarán Walsh, a student').replace('The swimmer', 'The boy');
    expect(findQuotes(boy)[1]?.speaker).not.toBe('Ciarán Walsh');
  });

  it('does not when the name does not open the next sentence', () => {
    const later = hearing.replace("Bernadette Coyle, who spent six years as Nebraska's agriculture director, is expected", "Senators expect Bernadette Coyle, who spent six years as Nebraska's agriculture director,");
    expect(findQuotes(later)[1]?.speaker).not.toBe('Bernadette Coyle');
  });
});
