/**
 * Groups quoted pieces into quotations: a piece with its attribution, or two pieces joined
 * across the attribution that interrupts them (`"A," she said. "B."`), and keeps the ones
 * that are direct quotations rather than titles, scare quotes or phrases woven into a sentence.
 */
import {
  attributionAfter, attributionBefore, attributionOfParticiple, attributionOfReportedSpeech, attributionOfSentence, introducesAnotherQuotation, isClausePunctuation, isParticipleCue,
  type Attribution,
} from './attribution.js';
import { readDescription } from '../speakers/descriptions.js';
import { CUE_MODIFIERS, CUE_VERBS, DETERMINERS } from '../text/lexicon.js';
import { findQuotedPieces, paragraphRanges, type QuotedPiece } from '../text/quote-marks.js';
import { countWords } from '../../load/words.js';
import { hasLineBreak, isComma, isSentenceEnd, tokenize, type Token } from '../text/tokens.js';

type Range = [number, number];

/** What comes right before an opening mark in its paragraph. */
type LeadIn = 'paragraph' | 'sentence' | 'comma' | 'dash' | 'colon' | 'cue' | 'word';

/** One quotation: one or two quoted pieces and the attribution they share. */
export interface Quotation {
  pieces: QuotedPiece[];
  attribution: Attribution | null;
  leadIn: LeadIn;
  /** Where the quoted content ends: past the last piece when the reported clause runs on. */
  end: number;
}

// A quoted stretch this long is a quotation even without an attribution; shorter ones are
// titles or scare quotes unless someone is said to have said them.
const MIN_UNATTRIBUTED_WORDS = 5;
// An attribution between two sentences quoted whole is short: `"A." he said. "B."`.
const MAX_WORDS_BETWEEN_SENTENCES = 6;
// Fewer words than this after a colon, and no final stop: a headline or slogan.
const MIN_INTRODUCED_WORDS = 3;
// A quoted stretch this short inside an attribution clause is a title (`on ''Meet the Press''`).
const MAX_TITLE_WORDS = 8;
// How many titles one attribution clause may name (`said on ''This Week'' and ''Face the Nation''`):
// past that, a run of short quoted pieces is a list, and reading each piece's clause to the end of
// the run made a paragraph of them cubic in its length.
const MAX_TITLES_IN_CLAUSE = 3;
// How far back the sentence a participle cue hangs on is read (characters): longer than any
// sentence of the dev sets' articles.
const MAX_PARTICIPLE_SENTENCE = 1000;
// How far past a quoted fragment the sentence reporting it may run on (characters).
const MAX_REPORTED_TAIL = 300;
// Cue verbs whose object is the listener, not the words said (`told reporters`).
const TELLING_VERBS = new Set(['told', 'tells', 'tell', 'telling']);
// Words a sentence may open with before its speaker (`Still, she added,`, `But, he noted,`).
const MAX_WORDS_BEFORE_SPEAKER = 1;
// After these, a quotation in lowercase goes on with a sentence the writer began.
const LEADS_CONTINUING_A_SENTENCE = new Set<LeadIn>(['comma', 'dash']);

function leadIn(text: string, paragraphStart: number, markStart: number): LeadIn {
  let end = markStart;
  while (end > paragraphStart && /\s/.test(text.charAt(end - 1))) end -= 1;
  if (end === paragraphStart) return 'paragraph';
  const last = text.charAt(end - 1);
  if (/[.?!“”"'’‘]/.test(last)) return 'sentence';
  if (/[,;]/.test(last)) return 'comma';
  if (/[([\u2014\u2013\u2015-]/.test(last)) return 'dash';
  if (last === ':') return 'colon';
  let start = end;
  while (start > paragraphStart && /\p{L}/u.test(text.charAt(start - 1))) start -= 1;
  // Only a lowercase verb is a cue: `States` ends a name, not an attribution. A verb of telling
  // takes its listener next, so what it quotes is a show or a paraphrase (`told ''Fox and Friends''`).
  const word = text.slice(start, end);
  return CUE_VERBS.has(word) && !TELLING_VERBS.has(word) ? 'cue' : 'word';
}

/** The offset of the first non-space character from `from` on (the next paragraph past blank lines), or the text's length. */
function nextNonSpace(text: string, from: number): number {
  const nonSpace = /\S/g;
  nonSpace.lastIndex = from;
  return nonSpace.exec(text)?.index ?? text.length;
}

/** The paragraph an offset is in (binary search over the ordered ranges). */
function paragraphOf(paragraphs: Range[], offset: number): Range {
  let low = 0;
  let high = paragraphs.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((paragraphs[middle]?.[0] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return paragraphs[low] ?? [0, 0];
}

function wordsIn(text: string, pieces: QuotedPiece[]): number {
  return pieces.reduce((count, piece) => count + piece.segments.reduce((sum, [start, end]) => sum + countWords(text.slice(start, end)), 0), 0);
}

// A conjunction after the clause's comma, before a second piece of the same words.
const JOINING_CONJUNCTION = /,\s+(?:and|but)$/;

function startsInLowercase(text: string, piece: QuotedPiece): boolean {
  const [start, end] = piece.segments[0] ?? [0, 0];
  return /^[^\p{L}\p{N}]*\p{Ll}/u.test(text.slice(start, end));
}

/**
 * Whether the attribution after `piece` sits inside one quotation that goes on with `following`:
 * nothing but space between them, and the clause is punctuated like an interruption.
 */
function interrupts(text: string, piece: QuotedPiece, attribution: Attribution, following: QuotedPiece): boolean {
  if (text.slice(attribution.end, following.start).trim() !== '') return false;
  // A clause ending in a colon introduces a new quotation (`…, and then predicted:`).
  let clause = text.slice(attribution.start, attribution.end).replace(/["”'’]+$/, '');
  // `"A," she said, and "b …"`: the conjunction joins a second piece that goes on with her words.
  const conjoined = clause.match(JOINING_CONJUNCTION);
  if (conjoined && startsInLowercase(text, following)) clause = clause.slice(0, conjoined.index! + 1);
  if (!/[.,;\u2014\u2013]$/.test(clause)) return false;
  if (introducesAnotherQuotation(text, attribution.start, attribution.end)) return false;
  const lastSegment = piece.segments[piece.segments.length - 1];
  const quoted = lastSegment ? text.slice(...lastSegment).trimEnd() : '';
  // After a question or exclamation, a clause opening on a capitalized pronoun is a new sentence
  // of the writer's (`"Too forced?" He tweeted when …`); a name may just be the speaker.
  const clauseStartsSentence = /^[\s,"”'’]*(?:He|She|They|It|We|I)\b/u.test(clause);
  const endsSentence = quoted.endsWith('.') || (/[?!]$/.test(quoted) && clauseStartsSentence);
  // After a whole sentence, a clause ending in a comma introduces what follows (`"A." Cruz says, "B."`).
  const introducesNext = endsSentence && /,$/.test(clause) && /^[\s"”'’]*\p{Lu}/u.test(clause);
  return !endsSentence || (countWords(clause) <= MAX_WORDS_BETWEEN_SENTENCES && !introducesNext);
}

/** Finds attributions around the quoted pieces of one text. */
class AttributionFinder {
  private readonly paragraphs: Range[];
  private readonly afterCache = new Map<number, Attribution | null>();
  private readonly nextCache = new Map<number, number>();

  constructor(private readonly text: string, private readonly pieces: QuotedPiece[]) {
    this.paragraphs = paragraphRanges(text);
  }

  piece(index: number): QuotedPiece | undefined {
    return this.pieces[index];
  }

  leadIn(index: number): LeadIn {
    const piece = this.pieces[index] as QuotedPiece;
    return leadIn(this.text, paragraphOf(this.paragraphs, piece.start)[0], piece.start);
  }

  /**
   * The index of the first piece after `index` that is not a title inside the attribution
   * clause (`he said on ''This Week.''`).
   */
  nextAfterTitles(index: number): number {
    // Asked for each piece by the grouping and again by the piece's attribution.
    const known = this.nextCache.get(index);
    if (known !== undefined) return known;
    const next = this.findNextAfterTitles(index);
    this.nextCache.set(index, next);
    return next;
  }

  private findNextAfterTitles(index: number): number {
    const piece = this.pieces[index];
    let next = index + 1;
    for (let candidate = this.pieces[next]; piece && candidate && next - index <= MAX_TITLES_IN_CLAUSE; candidate = this.pieces[next]) {
      // A line break between them ends the clause first: then the stretch up to the next
      // quotation, often paragraphs long, need not be read word by word.
      if (hasLineBreak(this.text, piece.end, candidate.start)) break;
      const between = tokenize(this.text, piece.end, candidate.start);
      // So does a sentence end (not an abbreviation's period).
      const endsSentence = between.some(isSentenceEnd);
      // A title is named inside the clause (`said on ''This Week''`); a piece after the comma
      // that closes the clause goes on with the quotation (`''…,'' Mr. Bush said, ''because …''`).
      const afterClauseComma = isComma(between[between.length - 1])
        || (JOINING_CONJUNCTION.test(this.text.slice(piece.end, candidate.start).trimEnd()) && startsInLowercase(this.text, candidate));
      const isTitle = between.some((token) => token.isWord) && !endsSentence && !afterClauseComma && wordsIn(this.text, [candidate]) <= MAX_TITLE_WORDS;
      if (!isTitle) break;
      next += 1;
    }
    return next;
  }

  /** `"…," he said`, or a signature on the next line (`— Bernie Sanders.`). */
  after(index: number): Attribution | null {
    // Each piece's clause is asked for twice: as a piece, and as the piece a quotation may join.
    const known = this.afterCache.get(index);
    if (known !== undefined) return known;
    const attribution = this.findAfter(index);
    this.afterCache.set(index, attribution);
    return attribution;
  }

  private findAfter(index: number): Attribution | null {
    const piece = this.pieces[index];
    if (!piece) return null;
    const [, paragraphEnd] = paragraphOf(this.paragraphs, piece.end - 1);
    const limit = Math.min(this.pieces[this.nextAfterTitles(index)]?.start ?? this.text.length, paragraphEnd);
    const attribution = attributionAfter(this.text, piece.end, limit);
    if (attribution || this.text.slice(piece.end, paragraphEnd).trim() !== '') return attribution;
    const [nextStart, nextEnd] = paragraphOf(this.paragraphs, nextNonSpace(this.text, paragraphEnd));
    const signed = nextStart > paragraphEnd && /^[-\u2014\u2013\u2015]/.test(this.text.slice(nextStart, nextEnd));
    return signed && (this.pieces[index + 1]?.start ?? Infinity) > nextEnd ? attributionAfter(this.text, nextStart, nextEnd) : null;
  }

  /** `X said: "…"` in the same sentence, or in the paragraph before when that ends with a colon. */
  before(index: number): Attribution | null {
    const piece = this.pieces[index];
    if (!piece) return null;
    const previousEnd = this.pieces[index - 1]?.end ?? 0;
    const [paragraphStart] = paragraphOf(this.paragraphs, piece.start);
    const from = Math.max(previousEnd, paragraphStart);
    const introduced = attributionBefore(this.text, from, piece.start) ?? attributionOfSentence(this.text, from, this.endOfText(from, piece.start))
      ?? (from > paragraphStart ? this.participleBefore(index, paragraphStart) : null)
      ?? this.beforeWovenTitle(index, paragraphStart);
    // Only the first non-space character is looked for: in a paragraph of many pieces, trimming
    // the whole stretch before each one made it quadratic.
    if (introduced || nextNonSpace(this.text, paragraphStart) < piece.start) return introduced;
    const [previousStart, previousParagraphEnd] = paragraphOf(this.paragraphs, paragraphStart - 1);
    const previous = this.text.slice(previousStart, previousParagraphEnd).trimEnd();
    if (previousParagraphEnd >= paragraphStart) return null;
    const previousTextEnd = previousStart + previous.length;
    // The clause closing the paragraph before introduces the quotation, after any quoted there
    // (`"…," Tenney said. "…." She went on to say:`).
    if (previous.endsWith(':') && previousEnd < previousTextEnd) return attributionBefore(this.text, Math.max(previousStart, previousEnd), previousTextEnd);
    if (previousEnd > previousStart) return null;
    // A statement of its own, as an unattributed quotation must be: not a title or a slogan (`“Daily Show”`).
    const statement = endsOwnSentence(this.text, piece) && wordsIn(this.text, [piece]) >= MIN_UNATTRIBUTED_WORDS;
    return statement ? attributionOfReportedSpeech(this.text, previousStart, previousTextEnd) : null;
  }

  /**
   * `As Ms. Hale, author of "The Long Count," put it, "…"`: a short piece woven into the clause
   * before the quotation (a title) does not end it; the clause is read from before that piece.
   */
  private beforeWovenTitle(index: number, paragraphStart: number): Attribution | null {
    const previous = this.pieces[index - 1];
    const piece = this.pieces[index] as QuotedPiece;
    if (!previous || previous.start < paragraphStart || this.leadIn(index - 1) !== 'word') return null;
    if (wordsIn(this.text, [previous]) > MAX_TITLE_WORDS) return null;
    const from = Math.max(this.pieces[index - 2]?.end ?? 0, paragraphStart);
    const attribution = attributionBefore(this.text, from, piece.start);
    // The title's own words name no speaker.
    const mention = attribution?.mention;
    return mention && (mention.end <= previous.start || mention.start >= previous.end) ? attribution : null;
  }

  /**
   * `X described it as "…," adding, "…"`: the subject of the sentence, read past the pieces quoted
   * in it, within MAX_PARTICIPLE_SENTENCE characters before the quotation (read from the paragraph's
   * start for each piece, a paragraph of many pieces was quadratic).
   */
  private participleBefore(index: number, paragraphStart: number): Attribution | null {
    const piece = this.pieces[index] as QuotedPiece;
    const from = Math.max(paragraphStart, piece.start - MAX_PARTICIPLE_SENTENCE);
    const quoted = this.piecesEndingAfter(from, index);
    const tokens = tokenize(this.text, from, piece.start);
    // Most clauses before a quotation end in no participle cue: told from the last words, read
    // back, before the paragraph's tokens outside the quoted pieces are all listed (per piece of
    // a long paragraph, that listing made it quadratic).
    if (!endsInParticipleCue(tokens, quoted)) return null;
    // Tokens and pieces are both in text order: one cursor walks the pieces alongside the tokens.
    let cursor = 0;
    const outside = tokens.filter((token) => {
      while (cursor < quoted.length && (quoted[cursor] as QuotedPiece).end <= token.start) cursor += 1;
      return token.start < (quoted[cursor]?.start ?? Infinity);
    });
    return attributionOfParticiple(this.text, outside, piece.start);
  }

  /**
   * The pieces before `index` that end past `offset`. Pieces follow one another without
   * overlapping, so their ends only grow: these are the last few, found by walking back
   * instead of filtering every piece before `index` (which made long articles quadratic).
   */
  private piecesEndingAfter(offset: number, index: number): QuotedPiece[] {
    let first = index;
    while (first > 0 && (this.pieces[first - 1] as QuotedPiece).end > offset) first -= 1;
    return this.pieces.slice(first, index);
  }

  private endOfText(from: number, to: number): number {
    return from + this.text.slice(from, to).trimEnd().length;
  }
}

/**
 * Whether the last of the `tokens` outside the `quoted` pieces (both in text order, the pieces not
 * overlapping), clause punctuation aside, is a participle cue: what attributionOfParticiple asks
 * first of the tokens outside the pieces, read back from the end.
 */
function endsInParticipleCue(tokens: readonly Token[], quoted: readonly QuotedPiece[]): boolean {
  // The piece that may hold a token is the last one starting at or before it.
  let holder = quoted.length - 1;
  for (let index = tokens.length - 1; index >= 0; index -= 1) {
    const token = tokens[index] as Token;
    while (holder >= 0 && (quoted[holder] as QuotedPiece).start > token.start) holder -= 1;
    const insideQuote = holder >= 0 && token.start < (quoted[holder] as QuotedPiece).end;
    if (insideQuote || isClausePunctuation(token)) continue;
    return isParticipleCue(token);
  }
  return false;
}

/** A quotation that follows its speaker's previous one with nothing else between keeps the speaker. */
function continues(text: string, previous: Quotation | undefined, piece: QuotedPiece): Attribution | null {
  const attribution = previous?.attribution;
  const last = previous?.pieces[previous.pieces.length - 1];
  if (!attribution || !last) return null;
  const gapStart = Math.max(last.end, attribution.end);
  const adjacent = gapStart <= piece.start && text.slice(gapStart, piece.start).trim() === '';
  return adjacent && wordsIn(text, [piece]) >= MIN_UNATTRIBUTED_WORDS ? attribution : null;
}

/**
 * Whether the piece at `index` breaks off for an attribution of its own (`"B," she replied`):
 * then it is another quotation. One ending its sentence may still be followed by a new
 * sentence about its speaker (`"A," X said. "B." X added that …`).
 */
function awaitsOwnAttribution(text: string, finder: AttributionFinder, index: number): boolean {
  const piece = finder.piece(index);
  const lastSegment = piece?.segments[piece.segments.length - 1];
  const breaksOff = lastSegment !== undefined && !/\.\s*$/.test(text.slice(...lastSegment));
  return breaksOff && finder.after(index) !== null;
}

/**
 * Whether a clause ending in a comma is followed by a piece opening in uppercase, long enough to be
 * a statement rather than a title or a name (`added the words, "Jane Doe."`), after a finite cue
 * with its own subject: a new sentence the clause introduces. After a piece woven into the
 * writer's sentence (`On the station's "Morning Desk," she said, "We …"`), that piece is a title
 * or a phrase, not the start of the quotation the clause interrupts.
 */
function introducesCapitalizedPiece(text: string, attribution: Attribution, following: QuotedPiece): boolean {
  const clause = text.slice(attribution.start, attribution.end).replace(/["”'’]+$/, '').trimEnd();
  if (!clause.endsWith(',') || startsInLowercase(text, following) || wordsIn(text, [following]) < MIN_UNATTRIBUTED_WORDS) return false;
  // A participle cue (`and asking,`) hangs on a subject before the woven piece: the clause holds
  // no speaker of its own for the next piece.
  return !tokenize(text, attribution.start, attribution.end).some((token) => token.isWord && token.text.endsWith('ing') && CUE_VERBS.has(token.text));
}

/**
 * Whether the piece ends its sentence inside its marks (`…expect."`). Such a piece after a clause
 * ending in a colon (`A spokesperson said in a statement: "…expect."`) is that clause's: a sentence
 * after it (`The spokesperson said every passenger …`) is a statement of its own.
 */
function endsOwnSentence(text: string, piece: QuotedPiece): boolean {
  const lastSegment = piece.segments[piece.segments.length - 1];
  return lastSegment !== undefined && /[.?!]$/.test(text.slice(...lastSegment).trimEnd());
}

/** Whether `text[from, to)` has a cue verb: a clause that says someone spoke (`said in a statement:`), not a headline's (`blares the headline:`). */
function hasCueWord(text: string, from: number, to: number): boolean {
  return tokenize(text, from, to).some((token) => token.isWord && CUE_VERBS.has(token.lower));
}

/** Groups the pieces into quotations, joining a piece to the next across its attribution clause. */
function groupPieces(text: string, pieces: QuotedPiece[]): Quotation[] {
  const finder = new AttributionFinder(text, pieces);
  const quotations: Quotation[] = [];
  for (let index = 0; index < pieces.length; index += 1) {
    const piece = pieces[index] as QuotedPiece;
    const next = finder.nextAfterTitles(index);
    const following = pieces[next];
    const attribution = finder.after(index);
    const lead = finder.leadIn(index);
    const joins = attribution && following && interrupts(text, piece, attribution, following) && !awaitsOwnAttribution(text, finder, next)
      && !(lead === 'word' && introducesCapitalizedPiece(text, attribution, following));
    if (attribution && following && joins) {
      quotations.push({ pieces: [piece, following], attribution, leadIn: lead, end: following.end });
      index = next;
    } else {
      // Read once: asked first for a colon's clause, then as the fallback after the clause after the piece.
      const colonClause = lead === 'colon' && endsOwnSentence(text, piece);
      const before = colonClause || !attribution ? finder.before(index) : null;
      const introduced = colonClause && before !== null && hasCueWord(text, before.start, piece.start) ? before : null;
      const found = introduced ?? attribution ?? before ?? continues(text, quotations[quotations.length - 1], piece);
      quotations.push({ pieces: [piece], attribution: found, leadIn: lead, end: piece.end });
    }
  }
  return quotations;
}

/** Whether the quoted words start in lowercase: the rest of a sentence begun outside the marks. */
function startsMidSentence(text: string, quotation: Quotation): boolean {
  const [start, end] = quotation.pieces[0]?.segments[0] ?? [0, 0];
  return /^[^\p{L}\p{N}]*\p{Ll}/u.test(text.slice(start, end));
}

/**
 * Whether the quotation follows a clause that is nothing but its speaker and cue (`He added,`,
 * `Still, she said,`): then a lowercase start is the speaker's own words, not the rest of a
 * sentence of the writer's (`An economic downturn, he said, "could be …"`).
 */
function isIntroducedByBareCue(text: string, quotation: Quotation): boolean {
  const first = quotation.pieces[0];
  const attribution = quotation.attribution;
  if (!first || attribution?.end !== first.start) return false;
  const { mention } = attribution;
  const opening = countWords(text.slice(attribution.start, mention.start));
  const cue = text.slice(mention.end, first.start).trim();
  const cueWords = cue.endsWith(',') ? cue.slice(0, -1).trim().split(/\s+/) : [];
  const bareCue = cueWords.length > 0 && cueWords.every((word) => CUE_VERBS.has(word) || CUE_MODIFIERS.has(word));
  return opening <= MAX_WORDS_BEFORE_SPEAKER && bareCue && cueWords.some((word) => CUE_VERBS.has(word));
}

// A sentence opening on its source and a comma, the quotation next (`According to Mr Vu, "turnout was …"`).
const ACCORDING_TO_OPENING = /^According to\b[^.!?]*,\s*$/;

/**
 * Whether the quotation follows a sentence-opening `According to X,` where X is someone: then a
 * lowercase start is X's own words. Not where X is a document (`According to its Amazon summary,
 * "draws a deeply troubling portrait …"`): a summary is not quoted as one's words.
 */
function isIntroducedByAccordingTo(text: string, quotation: Quotation): boolean {
  const first = quotation.pieces[0];
  const attribution = quotation.attribution;
  if (first === undefined || attribution?.end !== first.start) return false;
  const opening = text.slice(attribution.start, first.start);
  // Only the source and what it is (`According to Eoin Fahy, a barrister who …,`): no clause of
  // its own (`According to Yahoo News, Clinton spokesman Jesse Lehrich said … that "…"`).
  if (!ACCORDING_TO_OPENING.test(opening) || opening.split(/[\s,]+/).some((word) => CUE_VERBS.has(word) || word === 'that')) return false;
  const { mention } = attribution;
  return mention.kind !== 'description' || readDescription(mention.text) !== null;
}

// Words a cue may take before the quotation it introduces: its listener or medium (`told his
// supporters,`, `tweeting at him,`).
const MAX_WORDS_AFTER_INTRODUCING_CUE = 3;
// Words after a cue that make what follows reported speech, not the speaker's own words.
const INDIRECT_SPEECH_WORDS = new Set(['that', 'if', 'whether', 'when', 'while', 'because', 'as']);

/**
 * Whether the quotation is the object of the cue right before it (`Clinton said, "as long as …"`,
 * `but told his supporters, "our nation is …"`, `…, explaining, "because …"`): then a lowercase
 * start is the speaker's own words. Not when the cue is set off inside a sentence the quotation
 * goes on with (`An economic downturn, he said, "could be …"`, `In other words, he said, "the era
 * …"`): a comma before the speaker, past the sentence's first word, marks that.
 */
function isObjectOfCue(text: string, quotation: Quotation): boolean {
  const first = quotation.pieces[0];
  const attribution = quotation.attribution;
  if (!first || attribution?.end !== first.start) return false;
  const tokens = tokenize(text, attribution.start, first.start);
  if (!isComma(tokens[tokens.length - 1])) return false;
  const cue = tokens.findLastIndex((token) => token.isWord && CUE_VERBS.has(token.text));
  const object = tokens.slice(cue + 1, -1);
  // After a determiner the cue word is an adjective (`the charged term, "…"`).
  if (cue < 0 || DETERMINERS.has(tokens[cue - 1]?.text.toLowerCase() ?? '') || object.length > MAX_WORDS_AFTER_INTRODUCING_CUE || object.some((token) => !token.isWord || INDIRECT_SPEECH_WORDS.has(token.text.toLowerCase()))) return false;
  // A participle hangs on a clause of its own (`she replied, explaining, "…"`).
  if (tokens[cue]?.text.endsWith('ing')) return isComma(tokens[cue - 1]);
  const { mention } = attribution;
  const beforeSpeaker = tokens.filter((token) => token.end <= mention.start);
  return !beforeSpeaker.some((token, index) => isComma(token) && index > 1);
}

function endsLikeSentence(text: string, quotation: Quotation): boolean {
  const last = quotation.pieces[quotation.pieces.length - 1];
  const segment = last?.segments[last.segments.length - 1];
  return segment !== undefined && /[.?!]$/.test(text.slice(...segment).trimEnd());
}

function isDirectQuotation(text: string, quotation: Quotation): boolean {
  if (quotation.leadIn === 'word' || wordsIn(text, quotation.pieces) === 0) return false;
  const continuesSentence = LEADS_CONTINUING_A_SENTENCE.has(quotation.leadIn) && startsMidSentence(text, quotation);
  if (continuesSentence && !isIntroducedByBareCue(text, quotation) && !isObjectOfCue(text, quotation) && !isIntroducedByAccordingTo(text, quotation)) return false;
  // A short phrase after a colon is a headline or a slogan unless it is a sentence (`shot back: ''No.''`).
  if (quotation.leadIn === 'colon' && wordsIn(text, quotation.pieces) < MIN_INTRODUCED_WORDS && !endsLikeSentence(text, quotation)) return false;
  if (isTitleInApposition(text, quotation)) return false;
  if (quotation.attribution || quotation.leadIn === 'colon' || quotation.leadIn === 'cue') return true;
  // Unattributed, only a long stretch set off like a quotation counts: an opening of its own
  // paragraph or a continuation after a comma, not one following a sentence of the writer's.
  const setOff = quotation.leadIn === 'paragraph' || quotation.leadIn === 'comma';
  return setOff && wordsIn(text, quotation.pieces) >= MIN_UNATTRIBUTED_WORDS && !isTitleOfWork(text, quotation);
}

// Words a title leaves in lower case (`Blue Hours in Another Town`).
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs', 'de', 'la', 'le', 'von', 'van']);

/**
 * Whether quoted words nobody is said to have said are the title of a book, film or show (set in
 * quotation marks by AP style, `Her novel, "The Salt Under Our Feet," sold …`): every word but the
 * small ones capitalized, and no end of a sentence.
 */
function isTitleOfWork(text: string, quotation: Quotation): boolean {
  return !endsLikeSentence(text, quotation) && isCapitalizedLikeTitle(quotedWordList(text, quotation.pieces));
}

/** The quoted words of the pieces, without the punctuation around each. */
function quotedWordList(text: string, pieces: QuotedPiece[]): string[] {
  return pieces
    .flatMap((piece) => piece.segments.map((segment) => text.slice(...segment)))
    .join(' ')
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/** Every word capitalized but the small ones a title leaves in lower case. */
function isCapitalizedLikeTitle(words: string[]): boolean {
  return words.every((word, index) => /^[\p{Lu}\p{N}]/u.test(word) || (index > 0 && TITLE_SMALL_WORDS.has(word)));
}

// How far back the noun a title is set beside is looked for (characters).
const APPOSITION_WINDOW = 80;

/**
 * Whether the quoted words are a title set beside the common noun naming the work (`in his 2012
 * book, "A Long Way Home."`, `her weekly radio show, "Main Street Live,"`, `the campaign's slogan,
 * "Stronger Every Day."`): capitalized like a title, after a comma that follows a lowercase word
 * which is no cue, with no cue in the words just before it either (`told his supporters, "…"`
 * quotes them). The period inside the closing mark is the writer's sentence ending, so a title
 * may end with one here. Speech is seldom capitalized word by word.
 */
function isTitleInApposition(text: string, quotation: Quotation): boolean {
  const [piece] = quotation.pieces;
  if (!piece || quotation.pieces.length !== 1 || quotation.leadIn !== 'comma') return false;
  const quoted = quotedWordList(text, [piece]);
  if (quoted.length < 2 || !isCapitalizedLikeTitle(quoted)) return false;
  const from = Math.max(text.lastIndexOf('\n', piece.start) + 1, piece.start - APPOSITION_WINDOW);
  const tokens = tokenize(text, from, piece.start);
  if (!isComma(tokens[tokens.length - 1])) return false;
  const before = tokens.slice(0, -1).filter((token) => token.isWord).slice(-(MAX_WORDS_AFTER_INTRODUCING_CUE + 1));
  const noun = before[before.length - 1];
  // A participle introduces what follows (`an email stating, "…"`).
  const isCommonNoun = noun !== undefined && /^\p{Ll}/u.test(noun.text) && !noun.text.endsWith('ing');
  return isCommonNoun && !before.some((token) => CUE_VERBS.has(token.lower));
}

/**
 * The end of the sentence a quoted fragment breaks off in, when a cue verb opened it
 * (`Sanders says "the wind is at our backs" despite his loss.`): what the speaker is reported to
 * have said is the whole clause after the verb, not only its quoted words. Null otherwise.
 */
function reportedClauseEnd(text: string, quotation: Quotation): number | null {
  const last = quotation.pieces[quotation.pieces.length - 1];
  const segment = last?.segments[last.segments.length - 1];
  if (!last || !segment || quotation.leadIn !== 'cue') return null;
  const breaksOff = !/[.?!,;:]$/.test(text.slice(...segment).trimEnd());
  if (!breaksOff || !/^\s*\p{Ll}/u.test(text.slice(last.end, last.end + 2))) return null;
  const limit = Math.min(text.length, last.end + MAX_REPORTED_TAIL);
  const tokens = tokenize(text, last.end, limit);
  const sentenceEnd = tokens.find(isSentenceEnd);
  if (!sentenceEnd || hasLineBreak(text, last.end, sentenceEnd.start)) return null;
  return sentenceEnd.start;
}

// A short noun phrase opening on a determiner, set off by a comma before the speaker's name.
const SPEAKER_BEFORE_NAME = /^\s+(?:his|her|their|its|the|a|an)(?:\s+[\p{L}'’-]+){1,4},\s*$/u;

/**
 * The end of the sentence a quoted fragment runs on in before the attribution that closes it
 * (`"Boots on the ground" would be appropriate, Carson said`): what the speaker is reported to
 * have said reaches to the comma before the attribution. Null otherwise.
 */
function runOnEnd(text: string, quotation: Quotation): number | null {
  const last = quotation.pieces[quotation.pieces.length - 1];
  const segment = last?.segments[last.segments.length - 1];
  const mention = quotation.attribution?.mention;
  if (!last || !segment || !mention || mention.start <= last.end || quotation.leadIn === 'cue') return null;
  const breaksOff = !/[.?!;:]$/.test(text.slice(...segment).trimEnd());
  const between = text.slice(last.end, mention.start);
  if (!breaksOff || !/^\s+\p{Ll}/u.test(between) || hasLineBreak(text, last.end, mention.start)) return null;
  // `"She'll hate it," her daughter, Claire Whitcomb, said`: the speaker's description set off
  // before the name the attribution reads, not words the quotation runs on in.
  if (SPEAKER_BEFORE_NAME.test(between)) return null;
  if (tokenize(text, last.end, mention.start).some(isSentenceEnd)) return null;
  const comma = between.lastIndexOf(',');
  return comma > 0 && between.slice(0, comma).trim() !== '' ? last.end + comma : null;
}

/** The direct quotations of the text, in order. */
export function findQuotations(text: string): QuotedText {
  const quotations: Quotation[] = [];
  const titles: Array<[number, number]> = [];
  for (const quotation of groupPieces(text, findQuotedPieces(text))) {
    if (isDirectQuotation(text, quotation)) quotations.push({ ...quotation, end: reportedClauseEnd(text, quotation) ?? runOnEnd(text, quotation) ?? quotation.end });
    else if (isTitleInApposition(text, quotation) || isTitleOfWork(text, quotation)) for (const piece of quotation.pieces) titles.push([piece.start, piece.end]);
  }
  return { quotations, titles };
}

/** What quote marks set off in a text: its direct quotations, and the titles of works (`his book, "A Long Way Home."`), whose words name nobody. */
export interface QuotedText {
  quotations: Quotation[];
  /** Where each title's quoted pieces are, in order (end exclusive). */
  titles: Array<[number, number]>;
}
