/**
 * Headlines left in an article's text (`Council May Close Pool`, `Hope Fades for Missing Walker`):
 * lines in title case, whose capitalized words are no sure sign of a name. Never a key point, and
 * no pronoun or description may refer to a "person" read in one.
 */
import { paragraphRanges } from './quote-marks.js';

const LOWERCASE_LONG_WORD = /(?<![\p{L}’'])\p{Ll}[\p{L}’']{3}/u;

/** How many words of four letters or more the line has, all capitalized; -1 when one is not. */
function capitalizedLongWords(line: string): number {
  const longWords = line.match(/[\p{L}’']{4,}/gu) ?? [];
  return longWords.every((word) => /^\p{Lu}/u.test(word)) ? longWords.length : -1;
}

/**
 * A headline in title case (`Why Winning Iowa Could Break The Election Open`): every word of four
 * letters or more capitalized, where a sentence would have at least a lowercase verb.
 */
export function isTitleCase(line: string): boolean {
  // Most sentences have a lowercase word early on: answered without listing the words.
  return !LOWERCASE_LONG_WORD.test(line) && capitalizedLongWords(line) >= 3;
}

/**
 * A short headline (`Teachers Strike`, `Rents Up Again`): two words of four letters or more, all
 * capitalized, on a line of a few words that ends in no punctuation, as a sentence would.
 */
function isShortHeadline(line: string): boolean {
  const trimmed = line.trim();
  if (LOWERCASE_LONG_WORD.test(trimmed) || /[.!?:;,"”’')]$/.test(trimmed) || trimmed.split(/\s+/).length > MAX_SHORT_HEADLINE_WORDS) return false;
  return capitalizedLongWords(trimmed) === 2;
}

const MAX_SHORT_HEADLINE_WORDS = 5;

/** The ranges of the text (start, end exclusive, in order) that are headlines: lines in title case. */
export function findHeadingRanges(text: string): Array<[number, number]> {
  return paragraphRanges(text).filter(([start, end]) => {
    const line = text.slice(start, end);
    return isTitleCase(line) || isShortHeadline(line);
  });
}
