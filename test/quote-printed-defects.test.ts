import { describe, expect, it } from 'vitest';
import { countPrintedDefects, printedQuoteDefects, type PrintedQuote } from '../bench/scoring/printed-quotes.js';

const article = 'Sen. Rand Paul spoke. "The plant was shut down," said Paul. "This winter is cold."';
const span = { start: article.indexOf('"The'), end: article.length };
const printed = (text: string, role: string | null = null): PrintedQuote => ({ text, role, speaker: 'Rand Paul', ...span });

describe('checks of a printed quotation', () => {
  it('passes a quotation printed as sentences with a role the text gives', () => {
    expect(printedQuoteDefects(article, printed('The plant was shut down. This winter is cold.', 'senator from Kentucky'))).toEqual([]);
  });

  it('finds a title taken for the role, abbreviated or written out where the text only abbreviates it', () => {
    expect(printedQuoteDefects(article, printed('The plant was shut down. This winter is cold.', 'Dr.'))).toEqual(['titleAsRole']);
    expect(printedQuoteDefects(article, printed('The plant was shut down. This winter is cold.', 'Senator (R-Ky.)'))).toEqual(['titleAsRole']);
  });

  it('finds pieces joined with the comma that handed over to an attribution ending its sentence', () => {
    expect(printedQuoteDefects(article, printed('The plant was shut down, This winter is cold.'))).toEqual(['commaJoined']);
  });

  it('finds an ending on the handover comma and an ellipsis where nothing was skipped', () => {
    expect(printedQuoteDefects(article, printed('The plant was shut down,'))).toEqual(['unfinished']);
    expect(printedQuoteDefects(article, printed('The plant was shut down…'))).toEqual(['unfinished']);
    expect(printedQuoteDefects(article, printed('The plant was shut down —'))).toEqual(['unfinished']);
  });

  it('passes a dash where the speaker broke off, after a word no sentence ends on', () => {
    expect(printedQuoteDefects(article, printed('The plant was shut down because —'))).toEqual([]);
    expect(printedQuoteDefects(article, printed('If we —'))).toEqual([]);
  });

  it('passes a dash ending the paragraph, with no attribution after it to hand over to', () => {
    const left = '"This is not over," Ms. Kowalczyk said as she left. "Not by a long —"\n\nThe vote was 5-2.';
    const quote = { text: 'This is not over. Not by a long —', role: null, speaker: 'Theresa Kowalczyk', start: 0, end: left.indexOf('\n') };
    expect(printedQuoteDefects(left, quote)).toEqual([]);
    expect(printedQuoteDefects(left.replace('—"', '—" she said.'), quote)).toEqual(['unfinished']);
  });

  it('counts quotations and defects over articles', () => {
    const counts = countPrintedDefects([{ text: article, quotes: [printed('The plant was shut down,', 'Sen.'), printed('The plant was shut down.')] }]);
    expect(counts).toEqual({ quotes: 2, titleAsRole: 1, commaJoined: 0, unfinished: 1 });
  });
});
