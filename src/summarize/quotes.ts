/**
 * Direct quotations of an article with their speakers: pairs the quote marks, joins a quotation
 * interrupted by its attribution (`"A," she said. "B."`) into one, finds the mention the
 * attribution rests on and resolves it to the fullest name the article gives that person.
 */
import type { QuoteSpan } from '../types.js';
import { attributionAfter, attributionBefore, type Attribution } from './attribution.js';
import { CUE_VERBS } from './lexicon.js';
import { findNameMentions } from './names.js';
import { findQuotedPieces, paragraphRanges, type QuotedPiece } from './quote-marks.js';
import { collectPeople, resolveSpeaker, type People } from './speakers.js';
import { tokenize } from './tokens.js';

/** One quotation: one or two quoted pieces and the attribution they share. */
interface Quotation {
  pieces: QuotedPiece[];
  attribution: Attribution | null;
  leadIn: LeadIn;
}

// A quoted stretch this long is a quotation even without an attribution; shorter ones are
// titles or scare quotes unless someone is said to have said them.
const MIN_UNATTRIBUTED_WORDS = 5;
// An attribution between two sentences quoted whole is short: `"A." he said. "B."`.
const MAX_WORDS_BETWEEN_SENTENCES = 6;

/** What comes right before an opening mark in its paragraph. */
type LeadIn = 'opening' | 'colon' | 'cue' | 'word';

function leadIn(text: string, paragraphStart: number, markStart: number): LeadIn {
  const before = text.slice(paragraphStart, markStart).trimEnd();
  const last = before[before.length - 1];
  if (last === undefined || /[.?!,;(\[\u2014\u2013\-“”"'’‘]/.test(last)) return 'opening';
  if (last === ':') return 'colon';
  const word = /[\p{L}]+$/u.exec(before)?.[0].toLowerCase() ?? '';
  return CUE_VERBS.has(word) ? 'cue' : 'word';
}

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
    const [paragraphStart] = paragraphOf(paragraphs, piece.start);
    const from = Math.max(pieces[index - 1]?.end ?? 0, paragraphStart);
    const introduced = attributionBefore(text, from, piece.start);
    if (introduced || text.slice(paragraphStart, piece.start).trim() !== '') return introduced;
    // A quotation opening its paragraph may be introduced by the paragraph before (`X wrote:`).
    const [previousStart, previousEnd] = paragraphOf(paragraphs, paragraphStart - 1);
    const previous = text.slice(previousStart, previousEnd).trimEnd();
    const startsAfterPrevious = previousEnd < paragraphStart && (pieces[index - 1]?.end ?? 0) <= previousStart;
    return startsAfterPrevious && previous.endsWith(':') ? attributionBefore(text, previousStart, previousStart + previous.length) : null;
  };

  const quotations: Quotation[] = [];
  for (let index = 0; index < pieces.length; index += 1) {
    const piece = pieces[index] as QuotedPiece;
    const following = pieces[index + 1];
    const attribution = after(index);
    const lead = leadIn(text, paragraphOf(paragraphs, piece.start)[0], piece.start);
    if (attribution && following && interrupts(text, piece, attribution, following) && after(index + 1) === null) {
      quotations.push({ pieces: [piece, following], attribution, leadIn: lead });
      index += 1;
    } else {
      quotations.push({ pieces: [piece], attribution: attribution ?? before(index), leadIn: lead });
    }
  }
  return quotations;
}

/**
 * Whether the attribution after `piece` sits inside one quotation that goes on with `following`:
 * nothing but space between them, and the clause is punctuated like an interruption.
 */
function interrupts(text: string, piece: QuotedPiece, attribution: Attribution, following: QuotedPiece): boolean {
  if (text.slice(attribution.end, following.start).trim() !== '') return false;
  if (!/[.,:;\u2014\u2013]/.test(text[attribution.end - 1] ?? '')) return false;
  const lastSegment = piece.segments[piece.segments.length - 1];
  const endsSentence = lastSegment !== undefined && /[.]\s*$/.test(text.slice(...lastSegment));
  const clauseWords = text.slice(attribution.start, attribution.end).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return !endsSentence || clauseWords <= MAX_WORDS_BETWEEN_SENTENCES;
}

function isDirectQuotation(text: string, quotation: Quotation): boolean {
  if (quotation.leadIn === 'word') return false;
  if (quotation.attribution || quotation.leadIn !== 'opening') return true;
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

// Fewer words than this is a phrase (`a good start`), not a statement worth showing.
const MIN_NOTABLE_WORDS = 6;
const MAX_NOTABLE_QUOTES = 2;

function wordCount(quote: QuoteSpan): number {
  return quote.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/**
 * The quotations a digest shows: whole statements with a named speaker, the ones that say the
 * most first (by word count; ties keep text order), at most MAX_NOTABLE_QUOTES.
 */
export function selectNotableQuotes(quotes: QuoteSpan[]): QuoteSpan[] {
  return quotes
    .filter((quote) => quote.speaker !== null && wordCount(quote) >= MIN_NOTABLE_WORDS)
    .map((quote, order) => ({ quote, order, words: wordCount(quote) }))
    .sort((a, b) => b.words - a.words || a.order - b.order)
    .slice(0, MAX_NOTABLE_QUOTES)
    .map(({ quote }) => quote);
}
