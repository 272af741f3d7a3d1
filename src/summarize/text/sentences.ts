/**
 * Rule-based sentence splitting for English news text. A period ends a sentence only when
 * what follows looks like a new sentence and what precedes it is not an abbreviation that
 * usually continues one (`Dr. Smith`, `Jan. 5`, `Sen. Rand Paul (R-Ky.) said`).
 */
import { isSpaceUnit } from './characters.js';
import { ABBREVIATED_OFFICES } from './lexicon.js';

export interface Sentence {
  text: string;
  /** Offsets into the split text: JavaScript string indices, end exclusive. */
  start: number;
  end: number;
  /** Index of the paragraph (a non-blank line) the sentence is in, counting from 0. */
  paragraph: number;
  /** Whether the sentence ends in `.`, `!`, `?` or `…` after a word; a heading or caption does not. */
  terminal: boolean;
}

/** Abbreviations that precede a name or number and so never end a sentence. */
const NEVER_FINAL = new Set([
  ...ABBREVIATED_OFFICES.keys(),
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'sens', 'reps', 'cmdr', 'fr', 'pres', 'atty', 'hon', 'vs', 'v', 'mt', 'asst',
]);

/** Abbreviations of a word that precedes a number (`No. 1`, `Vol. 2`); otherwise plain words. */
const BEFORE_NUMBER = new Set(['no', 'nos', 'vol', 'fig', 'pp']);

/**
 * Abbreviations that can also be the last word of a sentence (`in the U.S.`, `at 9 a.m.`):
 * after them a sentence ends only if the next word is a typical sentence opener.
 */
const SOMETIMES_FINAL = new Set([
  'jr', 'sr', 'st', 'ft', 'inc', 'corp', 'co', 'ltd', 'bros', 'etc', 'ave', 'blvd', 'rd', 'dept',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  // States, except those spelled like words (`Ill.`, `Miss.`, `Wash.`): `fell ill. Doctors …`
  // must split, and `(D-Ill.) said` holds together anyway because a lowercase word follows.
  'ala', 'ariz', 'calif', 'colo', 'conn', 'fla', 'ga', 'kan', 'ky', 'md', 'mich', 'minn', 'mont',
  'neb', 'nev', 'okla', 'tenn', 'tex', 'va', 'vt', 'wis', 'wyo',
]);

/** Words that commonly open a sentence; used only to resolve an ambiguous abbreviation. */
const SENTENCE_OPENERS = new Set([
  'a', 'an', 'the', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their',
  'our', 'my', 'your', 'this', 'that', 'these', 'those', 'there', 'but', 'and', 'or', 'so', 'yet',
  'in', 'on', 'at', 'for', 'with', 'after', 'before', 'when', 'while', 'as', 'if', 'what', 'who',
  'how', 'why', 'where', 'some', 'many', 'most', 'all', 'both', 'no', 'not', 'now', 'then',
  'still', 'also', 'however', 'meanwhile', 'according', 'since', 'during', 'until', 'by', 'from',
  'under', 'despite', 'although', 'though', 'because', 'each', 'every', 'another', 'other',
  'officials', 'police', 'authorities', 'last', 'earlier', 'later', 'today', 'yesterday',
]);

const OPENING_MARKS = `"'“‘([`;

/**
 * A run of sentence-final punctuation with the quote marks and brackets that close it. Chinese and
 * Japanese end sentences with full-width marks (`。`, `！`, `？`) and no space after them: without
 * these, an article in either language had no sentence, and no key point.
 */
const TERMINATOR = /[.!?…]+["'”’)\]]*(?=\s|$)|[。！？]+[」』”’）]*/g;
const isTerminalMark = (code: number): boolean =>
  code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026 || code === 0x3002 || code === 0xff01 || code === 0xff1f;
const isClosingAfterTerminal = (code: number): boolean =>
  code === 0x22 || code === 0x27 || code === 0x201d || code === 0x2019 || code === 0x29 || code === 0x5d
  || code === 0x300d || code === 0x300f || code === 0xff09;

/**
 * Whether the sentence ends in `.`, `!`, `?` or `…` (any closing quote marks and brackets after
 * it) touching its last word: a detached ` .` marks a converted line break after a heading or link
 * title (`Read more: Kanye reveals new album title .`). What /[^\s.!?…][.!?…]+["'”’)\]]*$/ tells,
 * read back from the end rather than tried at every character.
 */
function hasTerminalEnding(sentence: string): boolean {
  let end = sentence.length;
  while (end > 0 && isClosingAfterTerminal(sentence.charCodeAt(end - 1))) end -= 1;
  const marksEnd = end;
  while (end > 0 && isTerminalMark(sentence.charCodeAt(end - 1))) end -= 1;
  return end < marksEnd && end > 0 && !isSpaceUnit(sentence.charCodeAt(end - 1));
}

/** The word just before the final period of a terminator, without leading punctuation. */
function wordBefore(line: string, terminatorStart: number): string {
  // A bounded look-back (an abbreviation is short), read backwards from the period: what
  // /[^\s(["“‘'-]*$/ matches in the 40 characters before it, without trying each start.
  const floor = Math.max(0, terminatorStart - 40);
  let start = terminatorStart;
  while (start > floor && !opensWord(line.charCodeAt(start - 1))) start -= 1;
  return line.slice(start, terminatorStart);
}

/** White space or a character a word may follow directly: `(`, `[`, `"`, `“`, `‘`, `'`, `-`. */
function opensWord(code: number): boolean {
  return isSpaceUnit(code) || code === 0x28 || code === 0x5b || code === 0x22 || code === 0x201c || code === 0x2018 || code === 0x27 || code === 0x2d;
}

/** The next word after the terminator (opening quotes and brackets skipped), or null at the end. */
function wordAfter(line: string, from: number): string | null {
  let i = from;
  while (i < line.length && /\s/.test(line[i] as string)) i++;
  while (i < line.length && OPENING_MARKS.includes(line[i] as string)) i++;
  if (i === line.length) return null;
  const match = /^\S*/.exec(line.slice(i, i + 40));
  return match ? match[0] : '';
}

function startsLowercase(word: string): boolean {
  return /^\p{Ll}/u.test(word);
}

function isOpener(word: string): boolean {
  return SENTENCE_OPENERS.has(word.toLowerCase());
}

/** `U.S`, `a.m`, `D.C`: letters separated by periods (the final period is the terminator's). */
function isDottedAcronym(word: string): boolean {
  return /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

/**
 * Whether the terminator that starts at `start` (and is `marks` long) ends a sentence,
 * judging by the word before it and the word after it.
 */
function endsSentence(line: string, start: number, marks: string): boolean {
  const next = wordAfter(line, start + marks.length);
  if (next === null) return true;
  // A dash goes on with the sentence: `CHARLESTON, S.C. — In the fall …`.
  if (startsLowercase(next) || !/[\p{L}\p{N}]/u.test(next)) return false;
  if (!marks.startsWith('.') || marks.startsWith('..')) return true;
  const previous = wordBefore(line, start);
  const bare = previous.toLowerCase();
  if (NEVER_FINAL.has(bare)) return false;
  // Read for every period, though only a word that comes before a number (`No. 5`) needs it: a
  // test made only then had not run when endsSentence was optimized, and threw its code away.
  const firstCode = next.charCodeAt(0);
  const opensWithDigit = firstCode >= 0x30 && firstCode <= 0x39;
  if (BEFORE_NUMBER.has(bare)) return !opensWithDigit;
  const ambiguous =
    SOMETIMES_FINAL.has(bare) || isDottedAcronym(previous) || /^\p{Lu}$/u.test(previous);
  return ambiguous ? isOpener(next.replace(/[^\p{L}\p{N}'’]+$/u, '')) : true;
}

/** Splits one line into sentence ranges relative to the line. */
function splitLine(line: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let sentenceStart = 0;
  for (const match of line.matchAll(TERMINATOR)) {
    const end = match.index + match[0].length;
    if (endsSentence(line, match.index, match[0])) {
      ranges.push([sentenceStart, end]);
      sentenceStart = end;
    }
  }
  ranges.push([sentenceStart, line.length]);
  return ranges;
}

/** Narrows `[start, end)` of `text` to exclude surrounding whitespace. */
function trimRange(text: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] as string)) from++;
  while (to > from && /\s/.test(text[to - 1] as string)) to--;
  return [from, to];
}

/**
 * Splits plain text into sentences. Every non-blank line is a paragraph, and a sentence never
 * crosses a line break, so a heading or caption line is a unit of its own (`terminal: false`).
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  for (const lineMatch of text.matchAll(/[^\r\n]+/g)) {
    const line = lineMatch[0];
    if (line.trim() === '') continue;
    for (const [lineStart, lineEnd] of splitLine(line)) {
      const [start, end] = trimRange(text, lineMatch.index + lineStart, lineMatch.index + lineEnd);
      if (start === end) continue;
      const sentenceText = text.slice(start, end);
      sentences.push({ text: sentenceText, start, end, paragraph, terminal: hasTerminalEnding(sentenceText) });
    }
    paragraph++;
  }
  return sentences;
}
