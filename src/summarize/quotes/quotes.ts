/**
 * Direct quotations of an article with their speakers: finds the quotations, then resolves the
 * mention each attribution rests on to the fullest name the article gives that person.
 */
import type { QuoteSpan } from '../../types.js';
import { findCreditRanges } from './credit-lines.js';
import { findSubjectDescriptions, findUnnamedSubjects, ledeDescription, type LedeDescription, type SubjectDescription, type UnnamedSubject } from '../speakers/descriptions.js';
import { findHeadingRanges } from '../text/headings.js';
import { isKnownFirstName } from '../text/first-names.js';
import { CUE_PHRASES, CUE_VERBS } from '../text/lexicon.js';
import { findNameMentions, findSubjectPronouns, sentenceIndexes } from '../speakers/names.js';
import type { QuotedPiece } from '../text/quote-marks.js';
import { findQuotations, type Quotation, type QuotedText } from './quotations.js';
import { quotedWords } from './quoted-words.js';
import { collectPeople, type People } from '../speakers/people.js';
import { resolveSpeakers, type ResolvedSpeaker, type SpeakerClause, type SpeakerMention } from '../speakers/speakers.js';
import { countWords } from '../../load/words.js';
import { bareWord, isHonorific, isNamePart, isTitleWord, isVerbLike } from '../speakers/name-tokens.js';
import { isComma, possessiveLength, tokenize, type Token } from '../text/tokens.js';

// Fewer words than this is a phrase (`a good start`), not a statement worth showing.
const MIN_NOTABLE_WORDS = 6;
const MAX_NOTABLE_QUOTES = 2;

/**
 * A test for offsets met in increasing order: whether one lies outside all the `ranges`
 * (ordered, not overlapping, end exclusive).
 */
function outsideOf(ranges: Array<[number, number]>): (offset: number) => boolean {
  // A last range past every offset: each call compares, whether the text has ranges or not (most
  // have no credit or headline), so the comparison has run before the callers are compiled; met
  // first in an article that has one, it threw their compiled code away.
  const bounded: Array<[number, number]> = [...ranges, [Infinity, Infinity]];
  let cursor = 0;
  return (offset) => {
    while ((bounded[cursor] as [number, number])[1] <= offset) cursor += 1;
    return offset < (bounded[cursor] as [number, number])[0];
  };
}

/** The people of the text, from the names outside its quotations, the titles it quotes, its picture credits and its headlines. */
function peopleOf(text: string, { quotations, titles }: QuotedText, nicknames: ReadonlyMap<number, string>): People {
  const quoted = quotations.flatMap(({ pieces }) => pieces.map((piece): [number, number] => [piece.start, piece.end]));
  const outsideQuotes = outsideOf([...quoted, ...titles].sort((a, b) => a[0] - b[0]));
  const outsideCredits = outsideOf(findCreditRanges(text));
  const outsideHeadlines = outsideOf(findHeadingRanges(text));
  const tokens = tokenize(text);
  const sentences = sentenceIndexes(text, tokens);
  const inStory = findNameMentions(text, tokens, (start) => outsideQuotes(start) && outsideCredits(start), sentences, (start) => !outsideHeadlines(start));
  const speakers = new Set(quotations.flatMap(({ attribution }) => attribution?.mention.kind === 'name' ? [attribution.mention.text] : []));
  let subjectDescriptions: SubjectDescription[] | undefined;
  const describedSubjects = () => (subjectDescriptions ??= findSubjectDescriptions(text, tokens, quoted, sentences));
  let unnamedSubjects: UnnamedSubject[] | undefined;
  const unnamed = () => (unnamedSubjects ??= findUnnamedSubjects(text, tokens, quoted, sentences));
  const people = collectPeople(inStory, speakers, { subjectPronouns: findSubjectPronouns(text, tokens, quoted, sentences), subjectDescriptions: describedSubjects, unnamedSubjects: unnamed, nicknames });
  const bodyStart = tokens.findIndex((token) => outsideHeadlines(token.start));
  if (bodyStart >= 0) nameLede(text, people, ledeDescription(text, tokens, sentences, bodyStart));
  return people;
}

/**
 * `A Waterford hurler who … has captained Ballynagorm to the title …. Eoin Fennessy, who …, was
 * the difference again`: the person named first, opening the sentence after a lede that named
 * no one as a subject (`at Commonwealth Children's Hospital` is where), is the one the lede
 * described, and the text has called them that. Not a lede about someone by a word for anyone
 * (`A 16-year-old boy …`, `The man nominated to run …`), whom news may never name, nor two people
 * named together (`Ciarán Walsh and Aoife Brennan, both students, …`).
 */
function nameLede(text: string, people: People, lede: LedeDescription | null): void {
  if (lede === null || lede.description.generic) return;
  const { mentions } = people;
  const next = mentions.findIndex(({ mention }) => mention.sentence > lede.sentence);
  const first = mentions[next];
  if (!first || first.mention.sentence !== lede.sentence + 1 || !first.mention.opensSentence) return;
  if (mentions.some(({ mention }) => mention.sentence === lede.sentence && mention.isProminent)) return;
  const second = mentions[next + 1];
  if (second && second.mention.sentence === first.mention.sentence && /^\s+and\s+$/.test(text.slice(first.mention.end, second.mention.start))) return;
  for (const word of lede.description.roleWords) first.person.roleWords.add(word);
  for (const word of lede.description.words) first.person.roleWords.add(word);
}

function toQuoteSpan(text: string, quotation: Quotation, speaker: ResolvedSpeaker): QuoteSpan {
  const first = quotation.pieces[0] as QuotedPiece;
  const last = quotation.pieces[quotation.pieces.length - 1] as QuotedPiece;
  const mention = quotation.attribution?.mention ?? null;
  const attributionFollows = quotation.attribution !== null && quotation.attribution.start >= last.end;
  return {
    text: quotedWords(text, quotation.pieces, attributionFollows),
    speaker: speaker.name,
    role: speaker.role,
    start: first.start,
    end: quotation.end,
    speakerStart: mention?.start ?? null,
    speakerEnd: mention?.end ?? null,
  };
}

// `According to Jane Orme, the manager told staff:`: the name the account is according to.
const ACCORDING_TO_NAME = /^\s*According to ((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]*),\s/u;

/**
 * The name a clause opens its account on (`According to Jane Orme, the manager told staff:`), before
 * the speaker mention at `mentionStart`: the source of the account, not the one it quotes.
 */
function sourceOfAccount(text: string, clauseStart: number, mentionStart: number): string[] {
  const name = ACCORDING_TO_NAME.exec(text.slice(clauseStart, mentionStart))?.[1];
  return name === undefined ? [] : [name];
}

// `I`, `me`, `my`: words one person says of themselves, never a group.
const FIRST_PERSON_SINGULAR = /\b(?:I|I['’](?:m|ve|d|ll)|me|my|myself)\b/;

/**
 * The speaker mention of a quotation and where the clause it is the subject of stops: at the end
 * of the attribution or its first comma, whichever comes first. Past a comma the words may be an
 * apposition naming the speaker (`said his friend, Bruce Tam,`) or another clause (`…, before
 * adding that he, Christie, …`).
 */
function speakerClause(text: string, { attribution, pieces }: Quotation, openingOnly: OpeningOnly): SpeakerClause | null {
  if (!attribution) return null;
  const { mention } = attribution;
  const stop = text.slice(mention.end, attribution.end).search(/[,;:]/);
  // Asked only of `they`: whether the words are one person's.
  const speaksAsOne = mention.kind === 'pronoun' && mention.text.toLowerCase() === 'they' && pieces.some((piece) => FIRST_PERSON_SINGULAR.test(text.slice(piece.start, piece.end)));
  return {
    mention,
    end: stop < 0 ? attribution.end : mention.end + stop,
    speaksAsOne,
    namesSomeone: mention.kind !== 'name' || !isCapitalizedOnlyToOpen(text, mention, openingOnly),
    spokenOf: mention.kind === 'name' ? NO_NAMES : [...namesSpokenOf(text, pieces), ...sourceOfAccount(text, attribution.start, mention.start)],
    question: questionOf(text, pieces, attribution.end),
    replies: hasReplyCue(text, attribution.start, attribution.end),
    asks: endsInQuestion(text, pieces),
  };
}

/** Whether the quoted words end in a question mark (`"Will you run again?"`). */
function endsInQuestion(text: string, pieces: readonly QuotedPiece[]): boolean {
  const segments = pieces[pieces.length - 1]?.segments;
  const last = segments?.[segments.length - 1];
  return last !== undefined && text.slice(...last).trimEnd().endsWith('?');
}

// Cues of an answer to what was put to the speaker; sticky, matched at each word start the
// attribution has, so that no copy of the clause is made for each quotation.
const REPLY_CUE = /(?:replied|replies|answered|answers|responded|responds|retorted|shot back|fired back)\b/y;

/** Whether the attribution clause `text[start, end)` answers what was put to the speaker (`she replied`). */
function hasReplyCue(text: string, start: number, end: number): boolean {
  let at = start;
  while (at < end) {
    REPLY_CUE.lastIndex = at;
    if (REPLY_CUE.test(text) && REPLY_CUE.lastIndex <= end) return true;
    const space = text.indexOf(' ', at);
    if (space < 0) return false;
    at = space + 1;
  }
  return false;
}
// The most words of a name the quotation opens on, set off by a comma: a title and a name
// (`Governor Castellow,`, `Mr. Vice President,` is no one's name) or a given name (`Gina,`).
const MAX_ADDRESS_TOKENS = 3;

/** Whom a quotation asking a question is put to, by the name it opens on, and where its attribution ends; null for any other quotation. */
function questionOf(text: string, pieces: readonly QuotedPiece[], attributionEnd: number): { to: string; end: number } | null {
  if (!pieces.some((piece) => hasQuestionMark(text, piece.start, piece.end))) return null;
  const to = addressedName(text, pieces[0] as QuotedPiece);
  return to === null ? null : { to, end: attributionEnd };
}

/**
 * Whether `text[start, end)` has a question mark. Read within the piece: `indexOf` from its start
 * ran on to the next question mark in the text, to its end when there was none, for every
 * quotation: quadratic in a long text of many quotations.
 */
function hasQuestionMark(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at += 1) if (text.charCodeAt(at) === 0x3f) return true;
  return false;
}

/** The name a quoted piece opens on as a form of address (`"Governor Castellow, why …"`): its last word, or null. */
function addressedName(text: string, piece: QuotedPiece): string | null {
  const tokens = tokenize(text, piece.start, Math.min(piece.end, piece.start + 60));
  let index = 0;
  while (index < tokens.length && !(tokens[index] as Token).isWord) index += 1;
  const first = index;
  while (index < tokens.length && index - first < MAX_ADDRESS_TOKENS && (tokens[index] as Token).capitalized) index += 1;
  const last = tokens[index - 1];
  if (index === first || !isComma(tokens[index]) || !last) return null;
  const titled = isHonorific(tokens[first] as Token) || isTitleWord(tokens[first] as Token);
  // A title alone names no one the text can find (`Senator,`); a lone word must be a given name.
  if (titled ? index - first < 2 : index - first !== 1 || !isKnownFirstName(bareWord(last))) return null;
  return bareWord(last);
}

const NO_NAMES: readonly string[] = [];

/**
 * The people the quotation speaks of in the third person, as a speaker seldom does of themselves:
 * by title (`Senator Sanders's message`, `Mr. Trump`: the surname) or by given name as the subject
 * of a verb or a possessive (`Rosa is a star`, `Dan Okafor is ready`: the name as written).
 */
function namesSpokenOf(text: string, pieces: readonly QuotedPiece[]): readonly string[] {
  let names: string[] | null = null;
  for (const piece of pieces) {
    const tokens = tokenize(text, piece.start, piece.end);
    for (let index = 0; index < tokens.length; index += 1) {
      const token = tokens[index] as Token;
      const titled = isHonorific(token) || isTitleWord(token);
      if (!titled && !(token.capitalized && isKnownFirstName(bareWord(token)))) continue;
      let last = titled ? index + 1 : index;
      while (last + 1 < tokens.length && isNamePart(tokens[last + 1] as Token) && !isPossessive(tokens[last] as Token)) last += 1;
      const name = tokens[last];
      if (!name || !isNamePart(name) || isTitleWord(name)) continue;
      // A given name as the subject of a verb or a possessive: one of a list may be the speaker's
      // own (`Scott Walker, Bobby Jindal, Rick Perry, … those are very skilled governors`).
      if (!titled && !isPossessive(name) && !isVerbLike(tokens[last + 1])) continue;
      (names ??= []).push(titled ? bareWord(name) : `${bareWord(token)}${last > index ? ` ${bareWord(name)}` : ''}`);
      index = last;
    }
  }
  return names ?? NO_NAMES;
}

function isPossessive(token: Token): boolean {
  return possessiveLength(token.text) > 0;
}

// What may stand before a word that opens a sentence or a line, past spaces: a sentence's end, a
// colon, a quotation's close.
const SENTENCE_BOUNDARY = /[.!?:"”’]\s*$|^\s*$/;

/**
 * Whether a one-word name is capitalized only because it opens its sentence or line, is written
 * nowhere else in the text but there, and is neither a known given name nor the subject of a cue
 * (`Sure, …`, `Question: "…"`, `Local newspaper …`): a word, not a name, where no person bears it.
 */
function isCapitalizedOnlyToOpen(text: string, mention: SpeakerMention, openingOnly: OpeningOnly): boolean {
  const word = mention.text;
  // A title before the name (`Ms Lal`) or more than one word: a name.
  if (/\s/.test(word) || text.slice(mention.start, mention.end) !== word || isKnownFirstName(word)) return false;
  if (!opensSentence(text, mention.start)) return false;
  // `Bryne said`, `Bryne went on to say`: the subject of a cue is someone.
  const next = /^\s*([\p{L}]+)/u.exec(text.slice(mention.end, mention.end + 20))?.[1];
  if (next !== undefined && (CUE_VERBS.has(next) || CUE_PHRASES.has(next))) return false;
  let only = openingOnly.get(word);
  if (only === undefined) {
    only = true;
    for (let at = text.indexOf(word); only && at >= 0; at = text.indexOf(word, at + 1)) {
      const wholeWord = !/[\p{L}\p{N}]/u.test(text.charAt(at - 1) + text.charAt(at + word.length));
      only = !wholeWord || opensSentence(text, at);
    }
    openingOnly.set(word, only);
  }
  return only;
}

/** Whether the word at `at` opens a sentence or a line (SENTENCE_BOUNDARY). */
function opensSentence(text: string, at: number): boolean {
  return SENTENCE_BOUNDARY.test(text.slice(Math.max(0, at - 3), at));
}

/** For each word of an article asked about, whether every place it is written opens a sentence or a line. */
type OpeningOnly = Map<string, boolean>;

/** Every direct quotation of the text, in order. */
export function findQuotes(text: string): QuoteSpan[] {
  const nicknames = new Map<number, string>();
  const read = withoutNicknames(text, nicknames);
  const quoted = findQuotations(read);
  const { quotations } = quoted;
  if (quotations.length === 0) return [];
  const openingOnly: OpeningOnly = new Map();
  const speakers = resolveSpeakers(peopleOf(read, quoted, nicknames), quotations.map((quotation) => speakerClause(read, quotation, openingOnly)));
  // The words of each quotation as written, nicknames in it too.
  return quotations.map((quotation, index) => toQuoteSpan(text, quotation, speakers[index] ?? { name: null, role: null }));
}

// `Eleanor "Nell" Ashdown`, `C.L. "Butch" Otter`, `Anthony "A.J." Ferreira`: a nickname of one or two
// capitalized words in quote marks, after a given name or an initial and before a surname. (The
// given name is looked up by the caller: `Rubio Tell You He ‘Won’ By Finishing` is a headline.)
const NICKNAME = /(\p{Lu}[\p{L}’-]*|(?:\p{Lu}\.)+) ["“‘'](\p{Lu}[\p{L}.’-]*(?: \p{Lu}[\p{L}.’-]*)?)["”’'](?= \p{Lu})/gu;

/**
 * The text with each nickname written over by spaces, so that the name reads whole (`Eleanor
 * Ashdown`, the captain, not an `Ashdown` of no role) and the nickname is no quotation; every
 * offset stays where it was. Each nickname goes into `nicknames` by the offset of the given name before it.
 */
function withoutNicknames(text: string, nicknames: Map<number, string>): string {
  return text.replace(NICKNAME, (match, given: string, nickname: string, offset: number) => {
    // `Mary-Kate "Mo" Barlow`: a double given name by its first.
    const initials = given.endsWith('.');
    if (!initials && !isKnownFirstName((given.split('-')[0] as string).toLowerCase())) return match;
    nicknames.set(offset, nickname);
    return given + ' '.repeat(match.length - given.length);
  });
}

/** A statement in its own right: a capital first letter and enough words, unlike `a good start`. */
function isWholeStatement(quote: QuoteSpan): boolean {
  return /^[^\p{L}\p{N}]*\p{Lu}/u.test(quote.text) && countWords(quote.text) >= MIN_NOTABLE_WORDS;
}

/**
 * The quotations a digest shows: whole statements with a named speaker, the ones that say the
 * most first (by word count; ties keep text order), at most MAX_NOTABLE_QUOTES.
 */
export function selectNotableQuotes(quotes: QuoteSpan[]): QuoteSpan[] {
  return quotes
    .filter((quote) => quote.speaker !== null && isWholeStatement(quote))
    .map((quote, order) => ({ quote, order, words: countWords(quote.text) }))
    .sort((a, b) => b.words - a.words || a.order - b.order)
    .slice(0, MAX_NOTABLE_QUOTES)
    .map(({ quote }) => quote);
}
