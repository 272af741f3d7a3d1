/**
 * What one word says of a name, read on its own: whether it can be a name's word, a title, an
 * honorific, an acronym, an initial, post-nominal letters, or a verb that follows a subject. The
 * name readers (names.ts, word-names.ts) put these together with the words around them.
 */
import { isSurrogateUnit, isUppercaseUnit } from '../text/characters.js';
import { CUE_VERBS, HONORIFICS, NAME_SUFFIXES, NOT_NAME_WORDS, POST_NOMINALS, SEATS_AFTER_NAME, TITLE_WORDS } from '../text/lexicon.js';
import { isPersonNoun } from './person-nouns.js';
import { isCapitalized, possessiveLength, type Token } from '../text/tokens.js';

// All capitals, two letters or more: `GOP`, `U.S.`, not the initial `E.`.
const ACRONYM = /^\p{Lu}[\p{Lu}.]*\p{Lu}\.?$/u;

/**
 * Whether the word is an acronym (ACRONYM). Its first two characters are capitals (or a capital
 * and a period): most name words fail on their second letter, and are answered without the
 * expression. A surrogate pair (a letter outside the Basic Multilingual Plane) is left to it.
 */
export function isAcronym(word: string): boolean {
  // A single letter is an initial. (Also spares reading a second character that is not there.)
  if (word.length < 2) return false;
  const first = word.charCodeAt(0);
  const second = word.charCodeAt(1);
  const astral = isSurrogateUnit(first) || isSurrogateUnit(second);
  if (!astral && !(isUppercaseUnit(first) && (second === 0x2e || isUppercaseUnit(second)))) return false;
  return ACRONYM.test(word) && !(INITIALS.test(word) && !DOTTED_ABBREVIATIONS.has(word.toLowerCase()));
}

// A given name written as initials (`J.K. Rowling`, `George H.W. Bush`), unlike the dotted
// abbreviations of places and bodies news writes alike (`U.S. Steel`, `D.C. United`).
const INITIALS = /^(?:\p{Lu}\.){2,3}$/u;
const DOTTED_ABBREVIATIONS = new Set([
  'u.s.', 'u.k.', 'u.n.', 'e.u.', 'u.s.a.', 'u.a.e.', 'u.s.s.r.', 'd.c.', 'l.a.', 'n.y.', 'n.j.', 'n.c.', 's.c.', 'n.h.',
  'n.m.', 'n.d.', 's.d.', 'r.i.', 'p.r.', 'n.s.w.', 'n.z.', 'a.d.', 'b.c.', 'a.m.', 'p.m.', 'g.o.p.', 'd.a.',
]);

/** The word without its possessive ending (`Trump` of `Trump's`). */
export function bareWord(token: Token): string {
  const ending = possessiveLength(token.text);
  return ending === 0 ? token.text : token.text.slice(0, -ending);
}

/** `bareWord` lowercased: the token's own lowercase when it has no possessive ending, as most have. */
export function bareLower(token: Token): string {
  return possessiveLength(token.text) === 0 ? token.lower : bareWord(token).toLowerCase();
}

/** `Mr.`, `Mrs`, `Ms.`, `Dr`, …: a title that says only who the person is (HONORIFICS). */
export function isHonorific(token: Token): boolean {
  return HONORIFICS.has(token.lower);
}

/** A capitalized title written before a name (`Sen.`, `Mayor`, `Cllr`), with or without its period. */
export function isTitleWord(token: Token): boolean {
  if (!isCapitalized(token)) return false;
  const { lower } = token;
  return TITLE_WORDS.has(lower.endsWith('.') ? lower.slice(0, -1) : lower);
}

/** A capitalized word that can be a word of a person's name: not a word that never is (NOT_NAME_WORDS) nor an honorific. */
export function isNamePart(token: Token): boolean {
  if (!isCapitalized(token) || isPartyLabel(token)) return false;
  // `Gwen Pryce MS`: a member of the Senedd, not the title `Ms`.
  return (!NOT_NAME_WORDS.has(bareLower(token)) && !HONORIFICS.has(token.lower)) || POST_NOMINALS.has(token.text);
}

/**
 * A party label as news style sets it after a name (`Sen. Ruth Okafor, D-Minn., said`,
 * `(R-Texas)`): a party's initial, a hyphen and the state. Never a word of a name.
 */
export function isPartyLabel({ text }: Token): boolean {
  // The hyphen is tested first: most words fail there.
  return text.charCodeAt(1) === 0x2d && PARTY_LABEL_WORD.test(text);
}

const PARTY_LABEL_WORD = /^[DRI]-\p{Lu}[\p{L}.]*$/u;

/** A single capital and its period: `P.` of `Robert P. Casey`. */
export function isInitial({ text }: Token): boolean {
  return text.length === 2 && text.charCodeAt(1) === 0x2e;
}

// Words that follow a subject: auxiliaries and common adverbs.
const VERB_LIKE = new Set([
  'is', 'was', 'has', 'had', 'have', 'will', 'would', 'can', 'could', 'did', 'does', 'do', 'also',
  'then', 'later', 'may', 'might', 'must', 'should', 'never', 'recently', 'still', 'just', 'again',
  // The past tense of irregular verbs, which no ending tells (`Ham made it clear`).
  'made', 'went', 'took', 'gave', 'got', 'came', 'saw', 'knew', 'thought', 'became', 'began', 'left',
  'kept', 'held', 'brought', 'felt', 'found', 'met', 'ran', 'sat', 'stood', 'won', 'lost', 'spent',
  'sent', 'built', 'paid', 'put', 'led', 'spoke', 'chose', 'drove', 'flew', 'grew', 'threw', 'wore', 'shot',
  'broke', 'fell', 'hit', 'sold', 'taught', 'caught', 'fought', 'bought', 'meant', 'heard',
  'understood', 'struck', 'rose', 'sought', 'swore', 'shook', 'drew', 'forgot', 'hid', 'dealt',
]);

/** Whether the token is a lowercase verb or a word that follows a subject (`is`, `later`, `made`, `said`, `-ed`). */
export function isVerbLike(token: Token | undefined): boolean {
  if (!token?.isWord || token.text !== token.lower) return false;
  return VERB_LIKE.has(token.text) || CUE_VERBS.has(token.text) || /(?:ed|es)$/.test(token.text);
}

// Letters of an honour or a qualification not listed (`QPM`, `FRCGP`): a short word in capitals.
// (Mixed ones are listed: `McCain` and `DeSantis` are names.)
const LETTERS = /^\p{Lu}{2,6}$/u;

/** Post-nominal letters: listed (POST_NOMINALS), or letters of that shape that are no office (`CEO`) nor a suffix (`II`). */
export function isPostNominal(token: Token): boolean {
  return POST_NOMINALS.has(token.text) || (LETTERS.test(token.text) && !isPersonNoun(token.lower) && !NAME_SUFFIXES.has(token.lower));
}

/** The seat among the post-nominal letters from token `from` to `next` (`MP` in `MP OBE`), or null. */
export function seatAfterName(tokens: readonly Token[], from: number, next: number): string | null {
  for (let cursor = from; cursor < next; cursor += 1) {
    const { text } = tokens[cursor] as Token;
    if (SEATS_AFTER_NAME.has(text)) return text;
  }
  return null;
}
