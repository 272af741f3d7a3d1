/**
 * Pairs quotation marks into quoted pieces. Handles straight, curly and NYT-style doubled
 * apostrophes, single quotes at the top level, and quotations that run over several paragraphs,
 * in double marks or in single ones.
 */

/** Quote marks that close a quotation, as tokens: straight and curly, double and single. */
export const CLOSING_QUOTE_MARKS: ReadonlySet<string> = new Set(['"', '”', "'", '’']);

/** A stretch of text between an opening quotation mark and its closing mark. */
export interface QuotedPiece {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just past the closing mark, or the end of the last paragraph when it is never closed. */
  end: number;
  /** The quoted words without the marks: one range per paragraph the quotation runs through. */
  segments: Array<[number, number]>;
}

type Family = 'double' | 'single';
type Direction = 'open' | 'close' | 'either';

interface Mark {
  start: number;
  end: number;
  family: Family;
  direction: Direction;
}

const MARK = /''|[“”"„‘’']/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const QUOTE_CHARS = '“”"„‘’\'';
// A mark with one of these (or nothing, or a quote mark) before it can open a quotation …
const BEFORE_OPENING = /[\s([{\u2014\u2013\-/:]/;
// … and with one of these after it can close one.
const AFTER_CLOSING = /[\s.,;:!?)\]}\u2014\u2013\-…]/;

function canOpenAfter(previous: string | undefined): boolean {
  return previous === undefined || BEFORE_OPENING.test(previous) || QUOTE_CHARS.includes(previous);
}

function canCloseBefore(next: string | undefined): boolean {
  return next === undefined || AFTER_CLOSING.test(next) || QUOTE_CHARS.includes(next);
}

/** Direction of a straight mark (`"`, `''`), read from the characters around it. */
function directionFromContext(previous: string | undefined, next: string | undefined): Direction {
  const opens = canOpenAfter(previous);
  const closes = canCloseBefore(next);
  if (opens && !closes) return 'open';
  if (closes && !opens) return 'close';
  return 'either';
}

/** An apostrophe-like character as a single quotation mark, or null when it is an apostrophe. */
function classifySingle(char: string, previous: string | undefined, next: string | undefined): Direction | null {
  const inWord = previous !== undefined && next !== undefined && LETTER_OR_DIGIT.test(previous) && LETTER_OR_DIGIT.test(next);
  if (inWord) return null;
  if (char === '‘') return next !== undefined && /\d/.test(next) ? null : 'open';
  // `’` before a word is an elision (`’em`), never an opening mark.
  if (char === "'" && canOpenAfter(previous) && next !== undefined && LETTER.test(next)) return 'open';
  if (previous !== undefined && !/\s/.test(previous) && canCloseBefore(next)) return 'close';
  return null;
}

function classifyMark(text: string, start: number, end: number): Mark | null {
  const char = text.slice(start, end);
  const previous = text[start - 1];
  const next = text[end];
  if (char === '“' || char === '„') return { start, end, family: 'double', direction: 'open' };
  if (char === '”') return { start, end, family: 'double', direction: 'close' };
  if (char === '"' || char === "''") return { start, end, family: 'double', direction: directionFromContext(previous, next) };
  const direction = classifySingle(char, previous, next);
  return direction ? { start, end, family: 'single', direction } : null;
}

/**
 * The marks of the paragraph `text[from, to)`, searched in the paragraph alone: searched in the
 * text from `from`, the search for the mark after the last one read on to the text's end, for
 * every paragraph (16,000 short lines without a mark took 2.8 s).
 */
function marksBetween(text: string, from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  const paragraph = text.slice(from, to);
  MARK.lastIndex = 0;
  for (let match = MARK.exec(paragraph); match; match = MARK.exec(paragraph)) {
    const start = from + match.index;
    if (match[0] === "''" && text[start + 2] === "'" && !canOpenAfter(text[start - 1])) {
      // `''He called me 'a loser,''' Mr. Hadley said`: three closing marks are the inner quotation's
      // single one, then the doubled one (read two and one, the single one was left open).
      const inner = classifyMark(text, start, start + 1);
      if (inner) marks.push(inner);
      MARK.lastIndex = match.index + 1;
      continue;
    }
    const mark = classifyMark(text, start, start + match[0].length);
    if (mark) marks.push(mark);
  }
  return marks;
}

/** Paragraph ranges: runs of text between line breaks, blank lines skipped. */
export function paragraphRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(/[^\n]+/g)) {
    const start = match.index ?? 0;
    if (match[0].trim()) ranges.push([start, start + match[0].length]);
  }
  return ranges;
}

interface OpenQuotation {
  start: number;
  segments: Array<[number, number]>;
  segmentStart: number;
  /** Curly quotations opened inside this one and not yet closed. */
  nested: number;
}

/** A single-quoted piece not closed yet: opened in the current paragraph, or run on into it. */
interface OpenSingle {
  start: number;
  /** The quoted words of the paragraphs before this one. */
  segments: Array<[number, number]>;
  segmentStart: number;
}

/** Where the pairing stands between marks. */
interface Pairing {
  pieces: QuotedPiece[];
  open: OpenQuotation | null;
  single: OpenSingle | null;
  lastParagraphEnd: number;
}

function isContinuationMark(text: string, paragraphStart: number, mark: Mark | undefined): mark is Mark {
  return mark !== undefined && mark.family === 'double' && mark.direction !== 'close'
    && text.slice(paragraphStart, mark.start).trim() === '';
}

function closeQuotation(pairing: Pairing, closeStart: number, closeEnd: number): void {
  const open = pairing.open;
  if (!open) return;
  open.segments.push([open.segmentStart, closeStart]);
  // Two marks with nothing between them (`""`) quote nothing: kept, a run of a million marks
  // made half a million pieces for the quotation finder to read (5 s, 500 MB).
  if (open.segments.length > 1 || closeStart > open.segmentStart) pairing.pieces.push({ start: open.start, end: closeEnd, segments: open.segments });
  pairing.open = null;
}

/**
 * At a paragraph start, a quotation left open runs on when the paragraph repeats the opening
 * mark, and ends with the paragraph before otherwise. Returns how many marks that used.
 */
function carryOver(pairing: Pairing, text: string, paragraphStart: number, marks: Mark[]): number {
  const open = pairing.open;
  if (!open) return 0;
  const leading = marks[0];
  if (!isContinuationMark(text, paragraphStart, leading)) {
    closeQuotation(pairing, pairing.lastParagraphEnd, pairing.lastParagraphEnd);
    return 0;
  }
  open.segments.push([open.segmentStart, pairing.lastParagraphEnd]);
  open.segmentStart = leading.end;
  // A quotation within the quotation does not run on with it; one left open was a stray mark.
  open.nested = 0;
  return 1;
}

function readDoubleMark(pairing: Pairing, text: string, mark: Mark): void {
  pairing.single = null;
  const open = pairing.open;
  if (!open) {
    if (mark.direction !== 'close') pairing.open = { start: mark.start, segments: [], segmentStart: mark.end, nested: 0 };
    return;
  }
  // Curly marks say which way they face, so a quotation inside a quotation can nest.
  const curly = text[mark.start] === '“' || text[mark.start] === '”';
  if (curly && mark.direction === 'open') open.nested += 1;
  else if (curly && open.nested > 0) open.nested -= 1;
  else closeQuotation(pairing, mark.start, mark.end);
}

/** Single marks pair only outside double quotations, where they are not quotes within quotes. */
function readSingleMark(pairing: Pairing, mark: Mark): void {
  if (pairing.open) return;
  const single = pairing.single;
  if (!single) {
    if (mark.direction === 'open') pairing.single = { start: mark.start, segments: [], segmentStart: mark.end };
  } else if (mark.direction === 'close') {
    if (single.segments.length > 0 || mark.start > single.segmentStart) pairing.pieces.push({ start: single.start, end: mark.end, segments: [...single.segments, [single.segmentStart, mark.start]] });
    pairing.single = null;
  }
}

/**
 * At a paragraph start, a single-quoted piece left open runs on when the paragraph opens with an
 * opening single mark, as a quotation of several paragraphs does in British style; else it ends
 * with the paragraph before when it already ran on from an earlier one, and was an apostrophe or
 * a stray mark when it did not. Returns how many marks that used.
 */
function carrySingleOver(pairing: Pairing, text: string, paragraphStart: number, marks: Mark[]): number {
  const single = pairing.single;
  if (!single) return 0;
  const leading = marks[0];
  const runsOn = leading !== undefined && leading.family === 'single' && leading.direction === 'open' && text.slice(paragraphStart, leading.start).trim() === '';
  if (runsOn) {
    single.segments.push([single.segmentStart, pairing.lastParagraphEnd]);
    single.segmentStart = leading.end;
    return 1;
  }
  if (single.segments.length > 0) {
    single.segments.push([single.segmentStart, pairing.lastParagraphEnd]);
    pairing.pieces.push({ start: single.start, end: pairing.lastParagraphEnd, segments: single.segments });
  }
  pairing.single = null;
  return 0;
}

/**
 * A double mark met while a single-quoted piece is open: British style quotes in single marks and
 * quotations within them in double ones (`‘…the words “we shared”. That says everything.’`). When
 * the double quotation closes before the paragraph's last closing single mark, it is inside the
 * single-quoted piece, and is passed over; otherwise the single mark was an apostrophe or a stray,
 * and the double mark is read as usual. Returns the index of the last mark used.
 */
function readDoubleInsideSingle(pairing: Pairing, text: string, marks: Mark[], index: number, lastSingleClose: number): number {
  // Only the marks up to the next double one are read: scanning the whole paragraph for each
  // double mark made a paragraph of them quadratic.
  let closing = index + 1;
  while (closing < lastSingleClose && (marks[closing] as Mark).family !== 'double') closing++;
  if (closing < lastSingleClose) return closing;
  readDoubleMark(pairing, text, marks[index] as Mark);
  return index;
}

/**
 * Whether a closing single mark is the apostrophe of a plural possessive inside a single-quoted
 * piece (`‘We want the players’ wages paid,’ said the fan`): right after an `s`, a word after it,
 * and the next mark of the paragraph a closing single one after the end of a sentence or a comma,
 * as a quotation ends (not `'Tricky issues' remain in nuclear talks`, a title, and later marks).
 */
function isPluralPossessiveApostrophe(text: string, marks: readonly Mark[], index: number): boolean {
  const mark = marks[index] as Mark;
  if (mark.direction !== 'close' || (text[mark.start - 1] ?? '').toLowerCase() !== 's' || !/^ \p{L}/u.test(text.slice(mark.end, mark.end + 2))) return false;
  const next = marks[index + 1];
  return next !== undefined && next.family === 'single' && next.direction === 'close' && /[,.!?]/.test(text[next.start - 1] ?? '');
}

/** The index of the last closing single mark of `marks`, or -1. */
function lastSingleCloseOf(marks: readonly Mark[]): number {
  for (let index = marks.length - 1; index >= 0; index--) {
    const mark = marks[index] as Mark;
    if (mark.family === 'single' && mark.direction === 'close') return index;
  }
  return -1;
}

/** Every quoted piece of the text, in order. Nested quotations stay inside their outer piece. */
export function findQuotedPieces(text: string): QuotedPiece[] {
  const pairing: Pairing = { pieces: [], open: null, single: null, lastParagraphEnd: 0 };
  for (const [paragraphStart, paragraphEnd] of paragraphRanges(text)) {
    const marks = marksBetween(text, paragraphStart, paragraphEnd);
    const used = carryOver(pairing, text, paragraphStart, marks) + carrySingleOver(pairing, text, paragraphStart, marks);
    const lastSingleClose = lastSingleCloseOf(marks);
    for (let index = used; index < marks.length; index++) {
      const mark = marks[index] as Mark;
      if (mark.family === 'single' && isPluralPossessiveApostrophe(text, marks, index)) continue;
      if (mark.family === 'single') readSingleMark(pairing, mark);
      else if (pairing.single !== null && pairing.open === null) index = readDoubleInsideSingle(pairing, text, marks, index, lastSingleClose);
      else readDoubleMark(pairing, text, mark);
    }
    pairing.lastParagraphEnd = paragraphEnd;
  }
  closeQuotation(pairing, pairing.lastParagraphEnd, pairing.lastParagraphEnd);
  carrySingleOver(pairing, text, text.length, []);
  return pairing.pieces;
}
