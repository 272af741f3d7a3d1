/**
 * Checks of a quotation as `summarize` prints it (its `text` and `role`, read against the
 * article), apart from whether its offsets match the annotation: the defects a reader sees.
 *   titleAsRole     the role is nothing but a title written before the name (`Dr.`, `Sen.`)
 *   commaJoined     two pieces around an attribution that ended a sentence (`"A," said X. "B."`)
 *                   printed as one ungrammatical sentence (`A, B`)
 *   unfinished      the quotation ends on the comma (semicolon, colon, dash) that handed over to
 *                   its attribution, or shows an ellipsis where the article skipped nothing; a
 *                   dash after a word no sentence ends on (`because —`) or ending the paragraph
 *                   is the speaker breaking off, and printed as written
 */

export interface PrintedQuote {
  text: string;
  speaker: string | null;
  role: string | null;
  start: number;
  end: number;
}

export type PrintedDefect = 'titleAsRole' | 'commaJoined' | 'unfinished';

export type PrintedDefectCounts = Record<PrintedDefect, number> & { quotes: number };

// Titles abbreviated before a name, and the written-out words the program may turn them into.
const TITLE = /^(?:dr|mr|mrs|ms|mx|prof|sen|rep|gov|gen|lt|col|sgt|capt|adm|maj|rev|amb|atty|hon)\.?$/i;
const WRITTEN_OUT = new Map([
  ['doctor', 'dr'], ['professor', 'prof'], ['senator', 'sen'], ['representative', 'rep'], ['governor', 'gov'],
  ['general', 'gen'], ['reverend', 'rev'], ['ambassador', 'amb'], ['captain', 'capt'],
]);
const PARTY_LABEL = /\([DRI]-[^)]*\)/g;
// A piece ending in a comma, its closing mark, an attribution ending its sentence, and the
// next piece opening with a capital: `…shut down," said X. "This winter…`.
const INTERRUPTION = /([\p{L}\p{N}]+)[,;]\s*(?:''|["”’])\s+[^"“”\n]{1,160}?[.!?]\s+(?:''|["“‘])\s*(\p{Lu}[\p{L}\p{N}]*)/gu;
const HANDED_OVER = /(?:[,;:]|\s[-\u2013\u2014]+|[\u2013\u2014])["”'’]*\s*$/u;
const ELLIPSIS = /…|\.\.\./;
// A dash after an article, a conjunction, a preposition, a pronoun or an auxiliary: nobody ends a sentence there.
const BREAK_OFF = /\b(?:a|an|the|and|but|or|because|if|that|to|of|for|with|in|on|at|i|we|you|he|she|they|is|are|was|were|will|would)\s*[-\u2013\u2014]+["”'’]*\s*$/iu;

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether every word of the role (past a party label) is a title: `Dr.`, `Sen. (R-Ky.)`, or
 * `Senator` where the article only ever writes `Sen.` right before the speaker's name.
 */
function isTitleAsRole(text: string, { role, speaker }: PrintedQuote): boolean {
  const words = (role ?? '').replace(PARTY_LABEL, ' ').split(/\s+/).filter(Boolean);
  const nameWords = (speaker ?? '').split(/\s+/).filter(Boolean).map(escape);
  if (words.length === 0) return false;
  return words.every((word) => {
    if (TITLE.test(word)) return true;
    const abbreviation = WRITTEN_OUT.get(word.toLowerCase());
    const beforeName = new RegExp(`\\b${abbreviation}\\.\\s+(?:${nameWords.join('|')})\\b`, 'iu');
    const writtenInText = new RegExp(`\\b${escape(word)}\\b`, 'iu').test(text);
    return abbreviation !== undefined && nameWords.length > 0 && beforeName.test(text) && !writtenInText;
  });
}

function isCommaJoined(text: string, quote: PrintedQuote): boolean {
  const span = text.slice(quote.start, quote.end);
  for (const [, before, after] of span.matchAll(INTERRUPTION)) {
    if (before && after && new RegExp(`${escape(before)},\\s+${escape(after)}`, 'u').test(quote.text)) return true;
  }
  return false;
}

// A dash and the closing marks ending a paragraph or the text: nothing follows for it to hand over to.
const DASH_ENDING_PARAGRAPH = /[-\u2013\u2014]\s*(?:''|["”’])+[ \t]*(?:\n|$)/u;

function isUnfinished(text: string, quote: PrintedQuote): boolean {
  const skipped = ELLIPSIS.test(quote.text) && !ELLIPSIS.test(text.slice(quote.start, quote.end));
  const brokenOff = BREAK_OFF.test(quote.text) || DASH_ENDING_PARAGRAPH.test(text.slice(quote.start, quote.end + 4));
  return (HANDED_OVER.test(quote.text) && !brokenOff) || skipped;
}

/** The defects a reader would see in one printed quotation of the article `text`. */
export function printedQuoteDefects(text: string, quote: PrintedQuote): PrintedDefect[] {
  const defects: PrintedDefect[] = [];
  if (isTitleAsRole(text, quote)) defects.push('titleAsRole');
  if (isCommaJoined(text, quote)) defects.push('commaJoined');
  if (isUnfinished(text, quote)) defects.push('unfinished');
  return defects;
}

export const NO_PRINTED_DEFECTS: PrintedDefectCounts = { quotes: 0, titleAsRole: 0, commaJoined: 0, unfinished: 0 };

/** Printed quotations and how many show each defect, over the articles. */
export function countPrintedDefects(articles: ReadonlyArray<{ text: string; quotes: readonly PrintedQuote[] }>): PrintedDefectCounts {
  const counts = { ...NO_PRINTED_DEFECTS };
  for (const { text, quotes } of articles) {
    for (const quote of quotes) {
      counts.quotes += 1;
      for (const defect of printedQuoteDefects(text, quote)) counts[defect] += 1;
    }
  }
  return counts;
}
