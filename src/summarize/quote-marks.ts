/**
 * Pairs quotation marks into quoted pieces. Handles straight, curly and NYT-style doubled
 * apostrophes, single quotes at the top level, and quotations that run over several paragraphs.
 */

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

function marksBetween(text: string, from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  MARK.lastIndex = from;
  for (let match = MARK.exec(text); match && match.index < to; match = MARK.exec(text)) {
    const mark = classifyMark(text, match.index, match.index + match[0].length);
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
}

function isContinuationMark(text: string, paragraphStart: number, mark: Mark | undefined): mark is Mark {
  return mark !== undefined && mark.family === 'double' && mark.direction !== 'close'
    && text.slice(paragraphStart, mark.start).trim() === '';
}

/** Every quoted piece of the text, in order. Nested quotations stay inside their outer piece. */
export function findQuotedPieces(text: string): QuotedPiece[] {
  const pieces: QuotedPiece[] = [];
  let open: OpenQuotation | null = null;
  let lastParagraphEnd = 0;

  const finish = (quotation: OpenQuotation, closeStart: number, closeEnd: number): void => {
    quotation.segments.push([quotation.segmentStart, closeStart]);
    pieces.push({ start: quotation.start, end: closeEnd, segments: quotation.segments });
  };

  for (const [paragraphStart, paragraphEnd] of paragraphRanges(text)) {
    const marks = marksBetween(text, paragraphStart, paragraphEnd);
    let first = 0;
    if (open) {
      // A quotation left open runs on only when the next paragraph repeats the opening mark.
      const leading = marks[0];
      if (isContinuationMark(text, paragraphStart, leading)) {
        open.segments.push([open.segmentStart, lastParagraphEnd]);
        open.segmentStart = leading.end;
        first = 1;
      } else {
        finish(open, lastParagraphEnd, lastParagraphEnd);
        open = null;
      }
    }
    let single: Mark | null = null;
    // Curly marks say which way they face, so a quotation inside a quotation can nest.
    let nested = 0;
    for (const mark of marks.slice(first)) {
      if (mark.family === 'double') {
        single = null;
        const curly = text[mark.start] === '“' || text[mark.start] === '”';
        if (!open) {
          if (mark.direction !== 'close') open = { start: mark.start, segments: [], segmentStart: mark.end };
        } else if (curly && mark.direction === 'open') {
          nested += 1;
        } else if (curly && nested > 0) {
          nested -= 1;
        } else {
          finish(open, mark.start, mark.end);
          open = null;
        }
      } else if (!open) {
        if (!single) {
          if (mark.direction === 'open') single = mark;
        } else if (mark.direction === 'close') {
          pieces.push({ start: single.start, end: mark.end, segments: [[single.end, mark.start]] });
          single = null;
        }
      }
    }
    lastParagraphEnd = paragraphEnd;
  }
  if (open) finish(open, lastParagraphEnd, lastParagraphEnd);
  return pieces;
}
