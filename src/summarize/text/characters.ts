/**
 * Character classes the summarizer tests one character at a time (letters and digits, spaces,
 * capitals), looked up in a table filled as characters are met: the regular expressions with
 * Unicode properties they stand for cost far more per call than a table read, and the
 * tokenizer and word sets ask for every character of every article.
 */

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const SPACE = /^\s$/u;
const UPPERCASE = /^\p{Lu}$/u;

const IS_LETTER_OR_DIGIT = 1;
const IS_SPACE = 2;
const IS_UPPERCASE = 4;
/** Set once a character has been classified: 0 means not met yet. */
const KNOWN = 8;

const classes = new Uint8Array(0x10000);

function classify(character: string): number {
  return KNOWN | (LETTER_OR_DIGIT.test(character) ? IS_LETTER_OR_DIGIT : 0) | (SPACE.test(character) ? IS_SPACE : 0) | (UPPERCASE.test(character) ? IS_UPPERCASE : 0);
}

/** The classes of a UTF-16 code unit; a lone surrogate is none of them, as in a `u` regular expression. */
function classesOfUnit(code: number): number {
  const known = classes[code] as number;
  if (known !== 0) return known;
  const found = classify(String.fromCharCode(code));
  classes[code] = found;
  return found;
}

/** Whether the code unit is a letter or digit (`[\p{L}\p{N}]` tested on that one unit). */
export function isLetterOrDigitUnit(code: number): boolean {
  return (classesOfUnit(code) & IS_LETTER_OR_DIGIT) !== 0;
}

/** Whether the code unit is white space (`\s`). */
export function isSpaceUnit(code: number): boolean {
  return (classesOfUnit(code) & IS_SPACE) !== 0;
}

/** Whether the code unit is an uppercase letter (`\p{Lu}` tested on that one unit). */
export function isUppercaseUnit(code: number): boolean {
  return (classesOfUnit(code) & IS_UPPERCASE) !== 0;
}

/** Space, tab and no-break space, marked by code unit. */
const BLANKS = new Uint8Array(0xa1);
BLANKS[0x09] = 1;
BLANKS[0x20] = 1;
BLANKS[0xa0] = 1;

/**
 * Whether the code unit is a space, a tab or a no-break space (`[ \t\u00a0]`), blanks within a
 * line. Read from a table rather than as `code === 0x20 || code === 0x09 || …`: in such a chain the
 * later comparisons run so rarely that they had not run when a caller was optimized, and the first
 * tab or line break between two words threw the caller's optimized code away.
 */
export function isBlankUnit(code: number): boolean {
  return code <= 0xa0 && BLANKS[code] === 1;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** Whether the code unit is half of a surrogate pair (or a lone one): a character outside the Basic Multilingual Plane. */
export function isSurrogateUnit(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** The UTF-16 length of the code point at `index`: 2 for a surrogate pair, else 1. */
export function codePointLength(text: string, index: number): number {
  return isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1)) ? 2 : 1;
}

const astralLetterOrDigit = new Map<number, boolean>();

/**
 * The UTF-16 length of the letter or digit (`[\p{L}\p{N}]` in a `u` regular expression: a whole
 * code point) at `index`, or 0 when there is none.
 */
export function letterOrDigitLength(text: string, index: number): number {
  if (index >= text.length) return 0;
  const code = text.charCodeAt(index);
  if (!isHighSurrogate(code) || !isLowSurrogate(text.charCodeAt(index + 1))) return isLetterOrDigitUnit(code) ? 1 : 0;
  const codePoint = text.codePointAt(index) as number;
  let letter = astralLetterOrDigit.get(codePoint);
  if (letter === undefined) {
    letter = LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint));
    astralLetterOrDigit.set(codePoint, letter);
  }
  return letter ? 2 : 0;
}
