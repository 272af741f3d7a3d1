/**
 * Names made of ordinary words: months, days and adverbs that are surnames (`Theresa May`, `Ben
 * Friday`, `Tom Still`), given names that are words (`Will Snow`, `April Banks`), and words that
 * name bodies and places and are surnames too (`Liam Fox`, `Jun Park`). Each is a name only where
 * the words around it say so.
 */
import { isKnownFirstName } from '../text/first-names.js';
import { CUE_VERBS } from '../text/lexicon.js';
import { bareLower, isHonorific, isNamePart, isTitleWord, isVerbLike } from './name-tokens.js';
import { isPersonNoun } from './person-nouns.js';
import { isComma, type Token } from '../text/tokens.js';

// Words that are months or adverbs and surnames too (`Theresa May`, `Tom Still`, `Edward Said`):
// never part of a name elsewhere (lexicon's NOT_NAME_WORDS).
const SURNAME_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'still', 'said',
]);
// Days that are surnames too (`Ben Friday`): only after a given name or a title, as `police said
// Monday.` and `later Thursday told` are dates.
const SURNAME_DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

// Words a date follows (`in May`, `since March`, `last June`).
const DATE_PREPOSITIONS = new Set(['in', 'on', 'since', 'until', 'till', 'by', 'from', 'during', 'of', 'last', 'next', 'early', 'late', 'mid', 'through', 'before', 'after']);

// Given names that are words too, never part of a name elsewhere (`Will Snow`, `April Stone`).
const GIVEN_NAME_WORDS = new Set(['will', 'may', 'june', 'april', 'august', 'sunday']);
const NAME_WORDS = new Set([...SURNAME_WORDS, ...SURNAME_DAYS, ...GIVEN_NAME_WORDS]);

/**
 * Whether the word at token `index`, no name word in itself, is one here:
 * - a surname that is a month or an adverb (`Theresa May`, `Mrs May`, `Tom Still`): after a known
 *   given name or a title, or as a cue's subject (`May added`, `said May,`), as a month or an
 *   adverb never is; a day (`Ben Friday`) after a given name or a title, or as the subject of a
 *   cue right after a quotation (`," Friday said`), as `police said Monday.` and `later Thursday
 *   told` are dates. Never before a day's number (`Friday, May 5`) or another capitalized word (a
 *   headline's `Hillary May Skip Debate`);
 * - opening the name, a given name that is a word (`Mayor Will Snow`, `said April Banks`, `June
 *   Harlow, who runs the cafe,`, `Will Harlan will vote`, `the club's president, June Stone.`): a
 *   name word follows it, and a title, a role or a cue comes before it, a comma or a verb after
 *   the name, or commas set it off. Not `Will Congress act?`.
 * Past the one look-up that rejects all other words, every test is made for every such word alike.
 */
export function isWordName(tokens: readonly Token[], index: number, opensName: boolean): boolean {
  const token = tokens[index] as Token;
  const word = bareLower(token);
  if (!NAME_WORDS.has(word)) return false;
  // The word itself stands in for a neighbour past either end: a read out of bounds threw the code away.
  const hasBefore = index > 0;
  const hasNext = index + 1 < tokens.length;
  const hasAfter = index + 2 < tokens.length;
  const before = tokens[hasBefore ? index - 1 : index] as Token;
  const next = tokens[hasNext ? index + 1 : index] as Token;
  const after = tokens[hasAfter ? index + 2 : index] as Token;
  const titledBefore = hasBefore && (isHonorific(before) || isTitleWord(before));
  const givenBefore = hasBefore && isKnownFirstName(before.text);
  const cueBefore = hasBefore && CUE_VERBS.has(before.text);
  // `the report published in May said`: the month of something, not a speaker.
  const dateBefore = hasBefore && DATE_PREPOSITIONS.has(before.lower);
  const roleBefore = hasBefore && !before.capitalized && before.isWord && isPersonNoun(before.lower);
  const firstOfNext = next.text.charCodeAt(0);
  const nextOpensMore = hasNext && (next.capitalized || (firstOfNext >= 0x30 && firstOfNext <= 0x39));
  const cueNext = hasNext && CUE_VERBS.has(next.text);
  const closedAfter = !hasNext || isComma(next) || next.text === '.';
  const nameNext = hasNext && isNamePart(next);
  const verbAfterName = hasAfter && (isComma(after) || isVerbLike(after));
  const day = SURNAME_DAYS.has(word);
  // A day as a cue's subject only right after a quotation or at a sentence's start (`," Friday said`).
  const cueSubject = cueNext && (day ? !hasBefore || !before.isWord : !dateBefore);
  // `Yin Myint May, 60, a doctor`: an age set off after a name's last word, never after a date's.
  const agedAfter = hasBefore && before.capitalized && isNamePart(before) && isComma(next) && hasAfter && /^\d{1,3}$/.test(after.text) && isComma(tokens[index + 3]);
  // `…, the chairwoman of the fishers' association, Lerato April.`: a name set off at the end of its sentence.
  const setOffAfterName = hasBefore && before.capitalized && isNamePart(before) && index > 1 && isComma(tokens[index - 2]) && closedAfter;
  const surname = (day || SURNAME_WORDS.has(word)) && !nextOpensMore && (givenBefore || titledBefore || (!day && cueBefore && closedAfter) || cueSubject || agedAfter || setOffAfterName);
  // `said the club's president, June Stone.`: a name set off at the end of its sentence.
  const setOffName = hasBefore && isComma(before) && hasAfter && (after.text === '.' || isComma(after));
  const given = opensName && GIVEN_NAME_WORDS.has(token.lower) && nameNext && (titledBefore || cueBefore || roleBefore || verbAfterName || setOffName);
  return token.capitalized && (surname || given);
}

// Words that name bodies and are surnames too (`Liam Fox`, `Charlotte Church`, `Jude Law`).
const BODY_WORD_SURNAMES = new Set(['fox', 'church', 'law']);

/** Whether the word at `index` of a name is such a surname: its last word, after a known given name. */
export function isBodyWordSurname(person: readonly Token[], index: number): boolean {
  return index > 0 && index === person.length - 1 && BODY_WORD_SURNAMES.has(bareLower(person[index] as Token)) && isKnownFirstName((person[index - 1] as Token).text);
}

// Words that end the names of places and bodies and are common surnames too (`Hyde Park`, `Jun
// Park`; `City Hall`, `Stuart Hall`; `Mill Lane`, `Nathan Lane`; `Fox News`, `Liam Fox`). Not
// `House`, `Post` or `Press`: `the White House said` is a body speaking.
export const SURNAMES_OF_PLACES = new Set(['park', 'hall', 'lake', 'lane', ...BODY_WORD_SURNAMES]);
