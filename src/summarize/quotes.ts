/**
 * Direct quotations of an article with their speakers: pairs the quote marks, joins a quotation
 * interrupted by its attribution (`"A," she said. "B."`) into one, finds the mention the
 * attribution rests on and resolves it to the fullest name the article gives that person.
 */
import type { QuoteSpan } from '../types.js';
import { attributionAfter, attributionBefore, type Attribution } from './attribution.js';
import { findNameMentions } from './names.js';
import { findQuotedPieces, paragraphRanges, type QuotedPiece } from './quote-marks.js';
import { collectPeople, resolveSpeaker, type People } from './speakers.js';
import { tokenize } from './tokens.js';

/** One quotation: one or two quoted pieces and the attribution they share. */
interface Quotation {
  pieces: QuotedPiece[];
  attribution: Attribution | null;
}

// A quoted stretch this long is a quotation even without an attribution; shorter ones are
// titles or scare quotes unless someone is said to have said them.
const MIN_UNATTRIBUTED_WORDS = 5;

/** End offsets of the paragraphs, for finding the paragraph an offset is in. */
function paragraphOf(paragraphs: Array<[number, number]>, offset: number): [number, number] {
  let low = 0;
  let high = paragraphs.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((paragraphs[middle]?.[0] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return paragraphs[low] ?? [0, 0];
}

function wordsIn(text: string, piece: QuotedPiece): number {
  return piece.segments.reduce((count, [start, end]) => count + (text.slice(start, end).match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
}

/** Groups the pieces into quotations, joining a piece to the next across its attribution clause. */
function groupPieces(text: string, pieces: QuotedPiece[]): Quotation[] {
  const paragraphs = paragraphRanges(text);
  const after = (index: number): Attribution | null => {
    const piece = pieces[index];
    if (!piece) return null;
    const limit = Math.min(pieces[index + 1]?.start ?? text.length, paragraphOf(paragraphs, piece.end - 1)[1]);
    return attributionAfter(text, piece.end, limit);
  };
  const before = (index: number): Attribution | null => {
    const piece = pieces[index];
    if (!piece) return null;
    const from = Math.max(pieces[index - 1]?.end ?? 0, paragraphOf(paragraphs, piece.start)[0]);
    return attributionBefore(text, from, piece.start);
  };

  const quotations: Quotation[] = [];
  for (let index = 0; index < pieces.length; index += 1) {
    const piece = pieces[index] as QuotedPiece;
    const following = pieces[index + 1];
    const attribution = after(index);
    const interrupts = attribution !== null && following !== undefined
      && text.slice(attribution.end, following.start).trim() === '' && after(index + 1) === null;
    if (interrupts) {
      quotations.push({ pieces: [piece, following], attribution });
      index += 1;
    } else {
      quotations.push({ pieces: [piece], attribution: attribution ?? before(index) });
    }
  }
  return quotations;
}

function isDirectQuotation(text: string, quotation: Quotation): boolean {
  if (quotation.attribution) return true;
  return quotation.pieces.reduce((count, piece) => count + wordsIn(text, piece), 0) >= MIN_UNATTRIBUTED_WORDS;
}

function quotedWords(text: string, quotation: Quotation): string {
  return quotation.pieces
    .flatMap((piece) => piece.segments.map(([start, end]) => text.slice(start, end).trim()))
    .filter(Boolean)
    .join(' ');
}

function insideAny(offset: number, quotations: Quotation[]): boolean {
  return quotations.some(({ pieces }) => pieces.some((piece) => piece.start <= offset && offset < piece.end));
}

function peopleOf(text: string, quotations: Quotation[]): People {
  const mentions = findNameMentions(text, tokenize(text)).filter((mention) => !insideAny(mention.start, quotations));
  const speakers = new Set(quotations.flatMap(({ attribution }) => attribution?.mention.kind === 'name' ? [attribution.mention.text] : []));
  return collectPeople(mentions, speakers);
}

function toQuoteSpan(text: string, quotation: Quotation, people: People): QuoteSpan {
  const first = quotation.pieces[0] as QuotedPiece;
  const last = quotation.pieces[quotation.pieces.length - 1] as QuotedPiece;
  const mention = quotation.attribution?.mention ?? null;
  const speaker = mention ? resolveSpeaker(people, mention) : { name: null, role: null };
  return {
    text: quotedWords(text, quotation),
    speaker: speaker.name,
    role: speaker.role,
    start: first.start,
    end: last.end,
    speakerStart: mention?.start ?? null,
    speakerEnd: mention?.end ?? null,
  };
}

/** Every direct quotation of the text, in order. */
export function findQuotes(text: string): QuoteSpan[] {
  const quotations = groupPieces(text, findQuotedPieces(text)).filter((quotation) => isDirectQuotation(text, quotation));
  const people = peopleOf(text, quotations);
  return quotations.map((quotation) => toQuoteSpan(text, quotation, people));
}

export function selectNotableQuotes(quotes: QuoteSpan[]): QuoteSpan[] {
  return quotes.filter((quote) => quote.speaker !== null).slice(0, 2);
}
