import { codePointLength, isLetterOrDigitUnit, isSpaceUnit, isUppercaseUnit } from './characters.js';
import { ABBREVIATED_OFFICES } from './lexicon.js';

/** A word or punctuation character of a text, with its offsets (end exclusive). */
export interface Token {
  text: string;
  start: number;
  end: number;
  isWord: boolean;
  /** A word starting with an uppercase letter. */
  capitalized: boolean;
  /**
   * The text lowercased. Made once here: the name, role and attribution readers look most words up
   * in lowercase lists, several times each, and a string made once is hashed once.
   */
  lower: string;
}

/**
 * Whether the token ends a sentence: `.`, `?` or `!` (an abbreviation's period stays in its word).
 * Asked of most tokens of every article: compared as characters, not looked up in a set, which
 * would hash every word.
 */
export function isSentenceEnd(token: Token | undefined): boolean {
  if (token === undefined || token.isWord) return false;
  const { text } = token;
  // Compared by code unit, not as `text === '.'`: that comparison is compiled for the one-character
  // strings met first, and the first punctuation token of another string kind (an emoji's two
  // code units) threw away the optimized code of every caller it was inlined in.
  if (text.length !== 1) return false;
  const code = text.charCodeAt(0);
  return code === 0x2e || code === 0x3f || code === 0x21;
}

/**
 * Whether the token is a comma. Compared by code unit, as isSentenceEnd compares: as
 * `text === ','`, the comparison was compiled for the strings met first, and the first punctuation
 * token of another string kind threw away the code of the reader it was in.
 */
export function isComma(token: Token | undefined): boolean {
  if (token === undefined || token.isWord) return false;
  const { text } = token;
  return text.length === 1 && text.charCodeAt(0) === 0x2c;
}

/** The apostrophe of a plural possessive (`the Tigers' coach`), split off as its own token. */
export function isPluralPossessive(token: Token | undefined): boolean {
  return token !== undefined && (token.text === "'" || token.text === '’');
}

/**
 * Whether `token` is the apostrophe of the plural possessive `previous` ends (`the parents' club`):
 * right after a word ending in `s`. Whether it follows such a word is asked first, of every token
 * (see appositiveRole).
 */
export function closesPluralPossessive(previous: Token | undefined, token: Token | undefined): boolean {
  const followsPlural = previous !== undefined && token !== undefined && previous.end === token.start && /s$/i.test(previous.text);
  return followsPlural && isPluralPossessive(token);
}

// Words keep inner apostrophes, hyphens and periods (`don't`, `Xi's`, `U.S`); a final period is
// split off later unless the word is an abbreviation. Sticky: matched where a token starts, past
// the spaces skipped by hand, so that no match object is made per token.
const TOKEN = /[\p{L}\p{N}]+(?:['’.\-&][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/uy;

/** The end of the token starting at `start`, a character that is not white space. */
function tokenEnd(text: string, start: number): number {
  TOKEN.lastIndex = start;
  // Any character but white space starts a token: the expression always matches here.
  return TOKEN.test(text) ? TOKEN.lastIndex : start + codePointLength(text, start);
}

const ABBREVIATIONS = new Set([
  ...ABBREVIATED_OFFICES.keys(),
  'mr', 'mrs', 'ms', 'dr', 'cmdr', 'pres', 'st', 'jr', 'sr', 'messrs', 'atty', 'gens', 'sens',
  'reps', 'no', 'vs', 'inc', 'corp', 'co', 'ltd', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec',
  'ft', 'mt', 'ave', 'blvd', 'fr', 'rt', 'hon', 'asst',
  // US state abbreviations as newspapers write them (`of Raleigh, N.C.` keeps its dots anyway).
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la',
  'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex',
  'va', 'vt', 'wash', 'wis', 'wyo',
]);

/** Whether a word ending in a period keeps it: titles, initials (`R.`) and dotted acronyms (`U.S.`). */
function keepsFinalPeriod(word: string): boolean {
  const bare = word.slice(0, -1);
  // `R-Wis.`: a party and state label.
  return ABBREVIATIONS.has(bare.toLowerCase()) || /^\p{Lu}$/u.test(bare) || bare.includes('.') || /^[DRI]-\p{Lu}/u.test(bare);
}

function makeToken(text: string, start: number, isWord: boolean): Token {
  const capitalized = isWord && (isUppercaseUnit(text.charCodeAt(0)) || opensOnArabicArticle(text));
  return { text, start, end: start + text.length, isWord, capitalized, lower: text.toLowerCase() };
}

/**
 * `al-Mansouri`, `el-Sayed`: a name written, as the wire services write Arabic names, with its
 * article in lower case before a capital. Capitalized as a name: a name word wherever it stands.
 */
function opensOnArabicArticle(word: string): boolean {
  // `a` or `e`, then `l-` and a capital: tested by code unit, as most words fail at the first.
  const first = word.charCodeAt(0);
  return (first === 0x61 || first === 0x65) && word.charCodeAt(1) === 0x6c && word.charCodeAt(2) === 0x2d && isUppercaseUnit(word.charCodeAt(3));
}

const THEN_LENGTH = 4;

/**
 * Whether the match `text[start, end)` opens on `then-` (or `Then-`) before a capital:
 * `then-Gov.`, `then-Secretary of State`. Tested by code unit, the hyphen first, as almost every word fails there.
 */
function opensOnThenBeforeCapital(text: string, start: number, end: number): boolean {
  if (end - start <= THEN_LENGTH + 1 || text.charCodeAt(start + THEN_LENGTH) !== 0x2d || !isUppercaseUnit(text.charCodeAt(start + THEN_LENGTH + 1))) return false;
  return text.startsWith('hen', start + 1) && (text.charCodeAt(start) === 0x74 || text.charCodeAt(start) === 0x54);
}

/** Whether the token is the `then` the tokenizer split off `then-Gov.`: the hyphen right after it. */
export function isThenOfTitle(text: string, token: Token): boolean {
  return text.charCodeAt(token.end) === 0x2d && token.lower === 'then';
}

/** Tokens of `text[from, to)`, `from` a code point's start (codePointStart); a word crossing `to` is cut there. */
function scan(text: string, from: number, to: number, rawEnds?: number[]): Token[] {
  const tokens: Token[] = [];
  for (let start = from; start < to; ) {
    if (isSpaceUnit(text.charCodeAt(start))) {
      start += 1;
      continue;
    }
    const matchEnd = tokenEnd(text, start);
    if (opensOnThenBeforeCapital(text, start, Math.min(matchEnd, to))) {
      // `then-Gov. Dana Holt`: `then` a word of its own, as in `former Gov.`; the title read next.
      tokens.push(makeToken(text.slice(start, start + THEN_LENGTH), start, true));
      rawEnds?.push(start + THEN_LENGTH + 1);
      start += THEN_LENGTH + 1;
      continue;
    }
    const word = text.slice(start, Math.min(matchEnd, to));
    // The first code unit decides, as `charAt(0)` did: a word opening on a letter outside the
    // Basic Multilingual Plane is kept as one token, not as a word.
    if (!isLetterOrDigitUnit(word.charCodeAt(0))) {
      tokens.push(makeToken(word, start, false));
    } else if (word.length > 1 && word.charCodeAt(word.length - 1) === 0x2e && !keepsFinalPeriod(word)) {
      tokens.push(makeToken(word.slice(0, -1), start, true));
      tokens.push(makeToken('.', start + word.length - 1, false));
      rawEnds?.push(start + word.length);
    } else {
      tokens.push(makeToken(word, start, true));
    }
    rawEnds?.push(start + word.length);
    start = matchEnd;
  }
  return tokens;
}

/**
 * `index`, or the start of the surrogate pair it is inside: like a `u` regular expression, reading
 * from inside a pair starts at its first half. Asked here, not in scan: scan is compiled while it
 * reads whole articles from 0, and the first stretch that started elsewhere threw its code away.
 */
function codePointStart(text: string, index: number): number {
  return index > 0 && codePointLength(text, index - 1) === 2 ? index - 1 : index;
}

/**
 * The index of the first token starting at or after `offset` (binary search): countBefore
 * (count-before.ts) with the position read in place, as the tokenizer asks it twice per stretch
 * (passing the position as a function, shared with other callers, cost 0.4% of a summarize run).
 */
function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((tokens[middle] as Token).start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

// The quotation finder tokenizes many stretches of one article; the article is tokenized once and
// each stretch is a slice of it. Only a word cut by one of the stretch's ends is read again, from
// or up to the cut (`rawEnds[i]` is where the match token `i` came from ends, past a split-off
// period). A stretch that starts a fixed distance before a quotation mostly starts inside a word:
// reading all of such stretches again read 0.4 characters more for each character of the articles.
let cachedText: string | undefined;
let cachedTokens: Token[] = [];
let cachedRawEnds: number[] = [];

/** Splits `text[from, to)` into tokens; offsets are into `text`. Tokens are shared: never change one. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  if (text !== cachedText) {
    cachedRawEnds = [];
    cachedTokens = scan(text, 0, text.length, cachedRawEnds);
    cachedText = text;
  }
  if (from >= to) return [];
  let first = firstTokenFrom(cachedTokens, from);
  // A match that starts before `from` and ends after it: its part from `from` on is read on its
  // own. Read from inside a match, the expression stops where the match stopped, so the tokens
  // after it are the article's.
  let head: Token[] | undefined;
  const cutEnd = first > 0 ? (cachedRawEnds[first - 1] as number) : from;
  if (cutEnd > from) {
    head = scan(text, codePointStart(text, from), Math.min(cutEnd, to));
    if (cutEnd >= to) return head;
    first = firstTokenFrom(cachedTokens, cutEnd);
  }
  const last = firstTokenFrom(cachedTokens, to);
  const body = last > first ? tokensBefore(text, first, last, to) : [];
  return head === undefined ? body : head.concat(body);
}

/**
 * The article's tokens `first` to `last` (exclusive), the last match cut at `to` when it crosses
 * it: its tokens (a word and its split-off period) read again up to `to`.
 */
function tokensBefore(text: string, first: number, last: number, to: number): Token[] {
  const lastEnd = cachedRawEnds[last - 1] as number;
  if (lastEnd <= to) return cachedTokens.slice(first, last);
  let cut = last - 1;
  while (cut > first && cachedRawEnds[cut - 1] === lastEnd) cut -= 1;
  return cachedTokens.slice(first, cut).concat(scan(text, (cachedTokens[cut] as Token).start, to));
}

export function isCapitalized(token: Token): boolean {
  return token.capitalized;
}

/**
 * The index past a parenthesis opening at token `index` (a party label: `(D-Wis.)`), closed within
 * `limit` tokens; `index` when none opens there or it is not closed by then.
 */
export function pastParenthesis(tokens: readonly Token[], index: number, limit = Infinity): number {
  if (tokens[index]?.text !== '(') return index;
  for (let cursor = index + 1; cursor < tokens.length && cursor - index <= limit; cursor += 1) {
    if ((tokens[cursor] as Token).text === ')') return cursor + 1;
  }
  return index;
}

const isApostrophe = (code: number): boolean => code === 0x27 || code === 0x2019;

/** The length of the possessive ending (`'s`, `’s`, `'`) the word ends in, 0 when none: `/['’]s?$/`. */
export function possessiveLength(word: string): number {
  const last = word.charCodeAt(word.length - 1);
  if (isApostrophe(last)) return 1;
  return last === 0x73 && isApostrophe(word.charCodeAt(word.length - 2)) ? 2 : 0;
}

/** Whether a line break sits in `text[from, to)`. */
export function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) {
    if (text.charCodeAt(index) === 10) return true;
  }
  return false;
}
