/**
 * What a description of a speaker says about them (`the Texas senator`, `the retired
 * neurosurgeon`, `the congresswoman`): the noun naming their role, the gender it implies, and
 * the role words a person the article introduced must carry to be the one described.
 */
import { countBefore } from '../../count-before.js';
import { CUE_VERBS, DETERMINERS, PAST_MARKERS, pastRole, RELATIVE_WORDS, SENTENCE_OPENERS, splitPastPrefix, type Gender } from '../text/lexicon.js';
import { isDemonym, isListedPersonNoun, isPersonNoun, joinSecondOffices, officeOfAnother } from './person-nouns.js';
import { isVerbLike } from './name-tokens.js';
import { statesAmong } from './roles.js';
import { closesPluralPossessive, isComma, possessiveLength, type Token } from '../text/tokens.js';

export interface Description {
  /** The noun the description rests on, lowercase (`senator`). */
  head: string;
  /** The role words any of which the person must have been given (the nouns and their synonyms). */
  roleWords: Set<string>;
  /** Every word but articles and prepositions (`spokeswoman`, `agency`), to tell whether it repeats a role the text gave. */
  words: string[];
  gender: Gender | null;
  /** Whether the head says no more than that it is a person (`the Ballinroe woman`): its other words tell who. */
  generic: boolean;
  /** Whether the head says where the person is from (`the Ohioan`, `the Dubliner`). */
  demonym: boolean;
  /**
   * An office the head says someone else holds: the one it is chosen for and not yet in (`mayor` of
   * `the mayor-elect`), or the one it is second to (`secretary` of `the deputy secretary`).
   */
  officeOfAnother: string | null;
  /** Its capitalized words but the head, lowercase (`idaho` of `the Idaho Republican`): proper names the person is tied to. */
  names: string[];
  /** The parties it names (partyOfWord), by a capitalized word or its head: `republican` of `the Idaho Republican`. */
  parties: string[];
  /** The US states it names (`idaho` of `the Idaho Republican`). */
  states: readonly string[];
}

const NO_STATES: readonly string[] = [];

// Parties of the English-speaking democracies as role words give them, each with the other forms
// of its name: a person of one is not `the <other party> candidate`.
const PARTY_BY_WORD = new Map<string, string>([
  ['democrat', 'democrat'], ['democratic', 'democrat'], ['republican', 'republican'], ['gop', 'republican'],
  ['labor', 'labor'], ['labour', 'labor'], ['liberal', 'liberal'], ['conservative', 'conservative'], ['tory', 'conservative'],
  ['green', 'green'], ['greens', 'green'], ['ndp', 'ndp'], ['snp', 'snp'], ['reform', 'reform'], ['national', 'national'], ['nationals', 'national'],
]);

/** The party a lowercase role word names, in one form for all of its names (`labour` → labor), or undefined. */
export function partyOfWord(word: string): string | undefined {
  return PARTY_BY_WORD.get(word);
}

// Words that stand for a person only as the head of a description (`the 46-year-old`, `the
// conservative`, `the star`): before a name they are ages and adjectives, not roles.
const AGE = /^\d+-year-old$/;
const DESCRIPTION_HEADS = new Set(['conservative', 'liberal', 'progressive', 'libertarian', 'moderate', 'star', 'academic', 'accused', 'independent', 'senior', 'hero', 'heroine']);
// Heads that say no more than that the description is of a person: `the Ballinroe woman` is the
// woman the text tied to Ballinroe, not the last woman named.
const GENERIC_HEADS = new Set(['woman', 'man', 'girl', 'boy', 'lady', 'resident', 'native', 'local']);

/** The age epithets `from-year-old` to `to-year-old`. */
function ageEpithets(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, index) => `${from + index}-year-old`);
}

const TEENAGE = ageEpithets(13, 19);
const PENSION_AGE = ageEpithets(66, 110);
// Members of legislatures, here and elsewhere: a senator, an MP, an MLA, an MSP, a TD.
const LEGISLATORS = [
  'senator', 'sen', 'representative', 'rep', 'congressman', 'congresswoman', 'assemblyman', 'assemblywoman', 'mp', 'mla', 'msp', 'td',
];

// Roles a text gives under another name: `the senator` is `Sen. X`, `the Russian leader` is
// `President X`, `the lawmaker` is a senator or a representative.
const SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['senator', ['sen']],
  ['representative', ['rep', 'congressman', 'congresswoman']],
  ['congressman', ['rep', 'representative']],
  ['congresswoman', ['rep', 'representative']],
  ['governor', ['gov']],
  ['lawmaker', ['legislator', ...LEGISLATORS]],
  ['legislator', ['lawmaker', ...LEGISLATORS]],
  ['leader', ['president', 'minister', 'chancellor', 'premier', 'king', 'queen', 'chairman', 'chairwoman', 'head', 'speaker']],
  ['businessman', ['mogul', 'billionaire', 'developer', 'executive', 'ceo', 'tycoon']],
  ['billionaire', ['mogul', 'businessman', 'businesswoman', 'tycoon']],
  ['mogul', ['billionaire', 'businessman', 'businesswoman', 'tycoon']],
  ['spokesman', ['spokesperson', 'spokeswoman', 'secretary']],
  ['spokeswoman', ['spokesperson', 'spokesman', 'secretary']],
  ['chairman', ['chair', 'chairwoman']],
  ['chairwoman', ['chair', 'chairman']],
  ['general', ['gen']],
  ['spokesperson', ['spokesman', 'spokeswoman']],
  // British and Irish courts have barristers and solicitors where American ones have attorneys.
  ['lawyer', ['attorney', 'counsel', 'barrister', 'solicitor']],
  ['attorney', ['lawyer', 'counsel']],
  ['barrister', ['lawyer', 'counsel']],
  ['solicitor', ['lawyer', 'counsel']],
  ['counsel', ['lawyer', 'attorney', 'barrister', 'solicitor']],
  ['doctor', ['physician', 'dr']],
  ['physician', ['doctor', 'dr']],
  ['scientist', ['researcher']],
  ['journalist', ['reporter', 'correspondent', 'anchor', 'editor', 'columnist', 'broadcaster', 'presenter']],
  ['researcher', ['scientist']],
  // One who keeps a place is also the one the text tied to it (`who has run the island's only hotel`).
  ['hotelier', ['hotel']],
  ['crofter', ['croft']],
  ['educator', ['teacher', 'principal', 'headteacher', 'headmaster', 'headmistress', 'lecturer', 'professor', 'prof', 'tutor']],
  ['academic', ['professor', 'prof', 'lecturer', 'researcher', 'scientist', 'scholar', 'economist', 'historian', 'sociologist']],
  // A teenager or a pensioner is written as an age (`Okafor, the 19-year-old academy graduate`,
  // `Margaret Tolland, 88,`), a pensioner also as retired (`the retired nurse`).
  ['teenager', ['teen', ...TEENAGE]],
  ['teen', ['teenager', ...TEENAGE]],
  ['pensioner', ['retiree', 'retired', ...PENSION_AGE]],
  ['retiree', ['pensioner', 'retired', ...PENSION_AGE]],
  ['boss', ['chief', 'ceo', 'head', 'director', 'manager', 'owner']],
  // A chief executive is written out or by initials (`Chief Executive Ann Li`, `the CEO`).
  ['ceo', ['executive']],
  ['executive', ['ceo']],
  // The other officers by their initials (`Chief Financial Officer Laura Pennock`, `the CFO`).
  ['cfo', ['financial']],
  ['coo', ['operating']],
  ['cto', ['technology']],
  ['professor', ['prof']],
  // Ranks and offices written as abbreviated titles before a name (`Sgt. Dana Whitcombe`, `Cllr Ann Rees`).
  ['sergeant', ['sgt']],
  // Sports pages call a team's captain its skipper (`Stand-in skipper Ruan Pretorius`).
  ['captain', ['capt', 'skipper']],
  ['skipper', ['captain', 'capt']],
  ['lieutenant', ['lt']],
  ['major', ['maj']],
  ['colonel', ['col']],
  ['inspector', ['insp']],
  ['superintendent', ['supt']],
  ['detective', ['det']],
  ['constable', ['pc']],
  ['councillor', ['cllr', 'councilor']],
  ['councilor', ['cllr', 'councillor']],
  ['reverend', ['rev', 'revd']],
  ['vicar', ['rev', 'revd']],
  ['priest', ['rev', 'father']],
]);

const MALE_NOUNS = new Set([
  'man', 'father', 'husband', 'son', 'brother', 'boy', 'king', 'prince', 'gentleman', 'guy', 'grandfather', 'uncle',
  'dad', 'grandson', 'nephew', 'stepson', 'stepfather', 'widower', 'boyfriend', 'headmaster', 'monk', 'duke',
  'grandad', 'grandpa',
]);
const FEMALE_NOUNS = new Set([
  'woman', 'mother', 'wife', 'daughter', 'sister', 'girl', 'queen', 'princess', 'actress', 'lady', 'grandmother', 'widow', 'aunt',
  'mum', 'mom', 'granddaughter', 'niece', 'stepdaughter', 'stepmother', 'girlfriend', 'headmistress', 'nun', 'duchess',
  'gran', 'granny', 'nan', 'grandma',
  'waitress', 'stewardess', 'seamstress', 'hostess',
]);

// Words after which the description goes on about something else (`the head of the party`).
const PHRASE_ENDS = new Set(['of', 'for', 'at', 'in', 'on', 'from', 'with', 'who', 'whose', 'which', 'that', ',']);

/** A word lowercased, without a possessive ending or a final stop. */
function normalized(word: string): string {
  return word.toLowerCase().replace(/['’]s$|[.;:]$/g, '');
}

function isDescriptionHead(word: string): boolean {
  return isPersonNoun(word) || DESCRIPTION_HEADS.has(word) || AGE.test(word) || PARENT_OF.test(word);
}

// `the mum-of-three`, `the father-of-two`, `the gran-of-five`: a parent by the number of children.
const PARENT_OF = /^(mum|mom|mother|dad|father|gran|nan|grandmother|grandad|grandfather)-of-[a-z]+$/;

// Offices written with `-man` that news gives women too (`Sister Hyacinth Morrison … the committee
// chairman`): they say nothing of the gender.
const UNGENDERED_MAN_NOUNS = new Set(['chairman']);

/** The gender a noun always says: a listed one (`daughter`, `husband`), a `-woman` or a `-lady` (`landlady`, `tea lady`). */
function genderOfMarkedNoun(noun: string): Gender | null {
  const word = PARENT_OF.exec(noun)?.[1] ?? noun;
  if (FEMALE_NOUNS.has(word) || /.(?:woman|lady)$/.test(word)) return 'female';
  return MALE_NOUNS.has(word) ? 'male' : null;
}

function genderOfNoun(noun: string): Gender | null {
  // `-woman` first: `congresswoman` ends in `man` too.
  return genderOfMarkedNoun(noun) ?? (/.man$/.test(noun) && !UNGENDERED_MAN_NOUNS.has(noun) ? 'male' : null);
}

/**
 * The gender a person's role says (`his daughter`, `a spokeswoman for the council`), by its head
 * noun. Not a `-man`: the reader of `the spokesman said` takes anyone, but news also writes it of
 * a woman it names (`Trump spokesman Hope Hicks`).
 */
export function genderOfRole(role: string): Gender | null {
  const head = readDescription(role)?.head;
  return head === undefined ? null : genderOfMarkedNoun(head);
}

/** Reads a description; null when no noun in its head phrase names a person. */
export function readDescription(text: string): Description | null {
  const written = text.replace(/,/g, ' , ').split(/\s+/).filter(Boolean);
  // A capitalized word is a person noun only if listed: `The Federalist` is a publication.
  const capitalized = new Set(written.filter((word) => /^\p{Lu}/u.test(word)).map(normalized));
  const words = joinSecondOffices(written.map(normalized).flatMap(splitPastPrefix));
  const end = words.findIndex((word) => PHRASE_ENDS.has(word));
  const phrase = end === -1 ? words : words.slice(0, end);
  // The head is the last person noun of the phrase (`the former Republican presidential
  // candidate`); every person noun of it may be the role the text gave (`the Florida senator and
  // Republican presidential candidate`).
  // `former` is listed among the titles written before a name, but is no noun for a person.
  // A party's member by its name (`the Conservative`, `the Democrat`).
  const isNoun = (word: string) => !PAST_MARKERS.has(word) && (capitalized.has(word) ? isListedPersonNoun(word) || isDemonym(word) || PARTY_BY_WORD.has(word) : isDescriptionHead(word));
  // A noun right before another only qualifies it: `the chief economist` is no chief executive.
  const nouns = phrase.filter((word, index) => isNoun(word) && !isNoun(phrase[index + 1] ?? ''));
  const head = nouns[nouns.length - 1];
  if (head === undefined) return null;
  const current = nouns.flatMap((noun) => [noun, ...(SYNONYMS.get(noun) ?? [])]);
  // `the former governor` may be the one the text calls `Gov.` or `former Gov.`; `the governor`
  // is not who it calls `the former New Jersey governor`.
  const past = phrase.some((word) => PAST_MARKERS.has(word)) ? current.map(pastRole) : [];
  const names = phrase.filter((word) => word !== head && capitalized.has(word) && !DETERMINERS.has(word));
  return {
    head,
    roleWords: new Set([...current, ...past]),
    words: words.filter((word) => !DETERMINERS.has(word) && !PHRASE_ENDS.has(word)),
    gender: nouns.map(genderOfNoun).find((gender) => gender !== null) ?? null,
    generic: GENERIC_HEADS.has(head),
    demonym: isDemonym(head),
    officeOfAnother: officeOfAnother(head),
    names,
    parties: [...names, head].flatMap((word) => PARTY_BY_WORD.get(word) ?? []),
    states: names.length === 0 ? NO_STATES : statesAmong(new Set(names)),
  };
}

/** A description of a person opening a sentence of the story (`The judge would have none of it.`). */
export interface SubjectDescription {
  start: number;
  end: number;
  /** The words as written, from the determiner to the noun (`The Kilbride professor`, `His father`). */
  text: string;
  /** What they say of the person. */
  description: Description;
  /** Index of its sentence, counted as for name mentions. */
  sentence: number;
}

// The determiners of a description of someone the text has named (`the judge`, `his father`, `her coach`).
const SUBJECT_DETERMINERS = new Set(['the', 'his', 'her']);
const SUBJECT_DETERMINER = new RegExp(`\\b(?:${[...SUBJECT_DETERMINERS].join('|')})\\b`, 'gi');
// The words a description may run to after its determiner, its noun included (`the study's first author`).
const MAX_SUBJECT_DESCRIPTION_WORDS = 5;

function tokenStart(token: Token): number {
  return token.start;
}

/**
 * The description of a person that the determiner at `index` opens, up to its noun, when a comma or a
 * word follows it (`The judge would …`, `The Kilbride professor, for his part, …`); else null. A
 * possessive is no such noun (`The judge's ruling`).
 */
function subjectDescriptionAt(text: string, tokens: Token[], index: number): { description: Description; end: number; next: number } | null {
  const start = (tokens[index] as Token).start;
  for (let cursor = index + 1; cursor < tokens.length && cursor - index <= MAX_SUBJECT_DESCRIPTION_WORDS; cursor += 1) {
    const token = tokens[cursor] as Token;
    if (!token.isWord) return null;
    // Most words can head no description: the phrase is read only up to one that can.
    if (!canHeadSubject(token) || possessiveLength(token.text) > 0) continue;
    const description = readDescription(text.slice(start, token.end));
    // `The furious ex-boss`: its head is `boss`.
    if (description === null || description.head !== splitPastPrefix(token.lower).at(-1)) continue;
    const next = tokens[cursor + 1];
    // A noun that can head one further on heads the phrase, past modifiers (`The chief executive
    // paused`, `the former chief operating officer spoke`): `chief` only modifies it.
    if (laterHeadAt(tokens, cursor + 1, index + MAX_SUBJECT_DESCRIPTION_WORDS + 1) >= 0) continue;
    return next !== undefined && (next.isWord || isComma(next)) ? { description, end: token.end, next: cursor + 1 } : null;
  }
  return null;
}

/**
 * Where a word that can head a description stands from token `from` on, before `limit`, past
 * lowercase modifiers only (`operating` of `chief operating officer`), not past a verb or a
 * determiner (`The judge ruled the defendant …`); -1 when none does.
 */
function laterHeadAt(tokens: Token[], from: number, limit: number): number {
  for (let cursor = from; cursor < tokens.length && cursor < limit; cursor += 1) {
    const token = tokens[cursor] as Token;
    if (!token.isWord) return -1;
    if (canHeadSubject(token)) return cursor;
    if (token.capitalized || DETERMINERS.has(token.lower) || isVerbLike(token)) return -1;
  }
  return -1;
}

/** Whether the word can be the noun a description of a person ends in. */
function canHeadSubject(token: Token): boolean {
  return token.capitalized ? isListedPersonNoun(token.lower) || isDemonym(token.lower) : isDescriptionHead(token.lower);
}

// The words a dateline may run to before its dash (`SALT LAKE CITY —`, `(CNN) --`).
const MAX_DATELINE_TOKENS = 8;
const DASHES = new Set(['—', '–', '-', '―']);

/** The token after a dateline opening at token `from` (`DUNGARVAN — `, `(CNN) -- `), else `from`. */
export function pastDateline(tokens: Token[], from: number): number {
  let cursor = from;
  while (cursor < tokens.length && cursor - from < MAX_DATELINE_TOKENS) {
    const token = tokens[cursor] as Token;
    if (DASHES.has(token.text)) break;
    if (!(token.capitalized || isComma(token) || token.text === '(' || token.text === ')' || token.text === '.')) return from;
    cursor += 1;
  }
  if (cursor === from || !DASHES.has(tokens[cursor]?.text ?? '')) return from;
  while (DASHES.has(tokens[cursor]?.text ?? '')) cursor += 1;
  return cursor;
}

/** Someone a sentence brings in by an indefinite description, as its subject. */
export interface UnnamedSubject extends SubjectDescription {
  /** Genders of others the sentence has them act on (`told her`): a pronoun of such a gender after it may mean either. */
  othersAddressed: readonly Gender[];
}

// The determiners of a description of someone the text brings in without a name (`A spokeswoman
// for the ministry urged …`, `An official who asked not to be named said …`).
const UNNAMED_DETERMINER = /(?:^|[.!?]["”’']?\s+|\n\s*)(?:(?:But|And|Still|However),?\s+)?(A|An|Another|One)\s/g;
// Prepositions that carry a description on to what the person is of (`a spokeswoman for the ministry`).
const DESCRIPTION_COMPLEMENTS = new Set(['for', 'of', 'at', 'with', 'from']);
// The words of a complement a description runs on with (`for the Harwick and District Water Board`).
const MAX_COMPLEMENT_WORDS = 8;

/**
 * Sentences outside the `quoted` ranges that open on an indefinite description of a person, as
 * subject (`A spokeswoman for the Ministry of Transport urged …`, `A senior state official who was
 * not authorised to speak said …`): someone the text brings in and does not name, whom a pronoun or
 * a description after them may refer to. `text` runs on over a complement (`for the ministry`),
 * up to a comma, a verb or a relative word.
 */
export function findUnnamedSubjects(text: string, tokens: Token[], quoted: Array<[number, number]>, sentences: Uint32Array): UnnamedSubject[] {
  const found: UnnamedSubject[] = [];
  let range = 0;
  UNNAMED_DETERMINER.lastIndex = 0;
  for (let match = UNNAMED_DETERMINER.exec(text); match !== null; match = UNNAMED_DETERMINER.exec(text)) {
    const at = match.index + match[0].length - (match[1] as string).length - 1;
    const index = countBefore(tokens, at, tokenStart);
    const token = tokens[index];
    if (token === undefined || token.start !== at) continue;
    const read = subjectDescriptionAt(text, tokens, index);
    // `A man was arrested on Tuesday.`: someone brought in by a word for anyone is a newcomer to
    // refer to only when the sentence has them speak (`A woman in Harwick said …`).
    if (read === null || (read.description.generic && !speaksInSentence(tokens, sentences, read.next))) continue;
    while (range < quoted.length && (quoted[range]?.[1] ?? 0) <= token.start) range += 1;
    if ((quoted[range]?.[0] ?? Infinity) <= token.start) continue;
    const sentence = sentences[index] as number;
    const sentenceTokens = tokensOfSentence(tokens, sentences, read.next, sentence);
    if (isFrontedAppositive(sentenceTokens)) continue;
    const end = complementEnd(tokens, read.next) ?? read.end;
    found.push({
      start: token.start, end, text: text.slice(token.start, end), description: read.description, sentence,
      othersAddressed: gendersAddressed(sentenceTokens),
    });
  }
  return found;
}

/** Whether a cue verb follows token `from` in its sentence. */
function speaksInSentence(tokens: Token[], sentences: Uint32Array, from: number): boolean {
  for (let cursor = from; cursor < tokens.length && sentences[cursor] === sentences[from]; cursor += 1) {
    if (CUE_VERBS.has((tokens[cursor] as Token).lower)) return true;
  }
  return false;
}

/** The tokens from `from` to the end of sentence `sentence`. */
function tokensOfSentence(tokens: Token[], sentences: Uint32Array, from: number, sentence: number): Token[] {
  let end = from;
  while (end < tokens.length && sentences[end] === sentence) end += 1;
  return tokens.slice(from, end);
}

/**
 * `A former nurse and the mother of three, she has run …`: the description is set before the
 * subject it describes, a pronoun or a name after a comma, and brings in no one new.
 */
function isFrontedAppositive(rest: readonly Token[]): boolean {
  for (let index = 0; index < rest.length; index += 1) {
    const token = rest[index] as Token;
    if (isVerbLike(token)) return false;
    const next = rest[index + 1];
    if (isComma(token) && next !== undefined && (next.lower === 'he' || next.lower === 'she')) return true;
  }
  return false;
}

// Object pronouns and the gender of whom they stand for.
const OBJECT_PRONOUNS = new Map<string, Gender>([['him', 'male'], ['her', 'female']]);

/**
 * The genders of people the sentence has its subject act on by a pronoun right after a verb (`A
 * staff member told her the senator …`): someone else of that gender is still in the story, whom a
 * `she` after the sentence may mean as well.
 */
function gendersAddressed(rest: readonly Token[]): Gender[] {
  const genders: Gender[] = [];
  for (let index = 1; index < rest.length; index += 1) {
    const gender = OBJECT_PRONOUNS.get((rest[index] as Token).lower);
    if (gender !== undefined && isVerbLike(rest[index - 1]) && !genders.includes(gender)) genders.push(gender);
  }
  return genders;
}

/**
 * Where a complement from token `from` ends (`for the Ministry of Transport`), when one opens there
 * and ends before a comma, a verb or a relative word; else null.
 */
function complementEnd(tokens: Token[], from: number): number | null {
  if (!DESCRIPTION_COMPLEMENTS.has(tokens[from]?.lower ?? '')) return null;
  let end: number | null = null;
  for (let cursor = from + 1; cursor < tokens.length && cursor - from <= MAX_COMPLEMENT_WORDS; cursor += 1) {
    const token = tokens[cursor] as Token;
    // `the teachers' union`, `Harrow & Finch`: a plural possessive's apostrophe and an ampersand stay in the name.
    const joins = token.text === '&' || closesPluralPossessive(tokens[cursor - 1], token);
    if (joins) continue;
    if (!token.isWord || endsComplement(token) || RELATIVE_WORDS.has(token.lower)) return end;
    end = token.end;
  }
  return null;
}

// Verbs a sentence goes on with after its subject's complement (`… urged`, `… said`, `… has`), not a
// plural noun of its name (`the state water resources department`).
const AUXILIARIES = new Set(['is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'did', 'does']);

function endsComplement(token: Token): boolean {
  return token.text === token.lower && (token.lower.endsWith('ed') || CUE_VERBS.has(token.lower) || AUXILIARIES.has(token.lower));
}

/** A news story's opening sentence about someone it has not named yet, by a description (`A Waterford hurler who …`). */
export interface LedeDescription {
  description: Description;
  /** Index of the lede's sentence, counted as for name mentions. */
  sentence: number;
}

/**
 * The description the story's first sentence, at token `from` past its headline, opens on after
 * any dateline (`DUNGARVAN — A Waterford hurler who was sent off … has captained …`, `The chief
 * executive of Severnvale Water admitted …`): news names that person in the sentence after. Null
 * when the sentence opens on anything else.
 */
export function ledeDescription(text: string, tokens: Token[], sentences: Uint32Array, from: number): LedeDescription | null {
  const index = pastDateline(tokens, from);
  const determiner = tokens[index];
  if (determiner === undefined || !LEDE_DETERMINERS.has(determiner.lower) || sentences[index] !== sentences[from]) return null;
  const read = subjectDescriptionAt(text, tokens, index);
  return read === null ? null : { description: read.description, sentence: sentences[index] as number };
}

const LEDE_DETERMINERS = new Set(['a', 'an', 'the']);

/**
 * Whether `, who` follows the words after the determiner at `index` within a description's
 * length: told before the description is read, as most determiners have no such clause.
 */
function opensRelativeClauseAfter(tokens: Token[], index: number): boolean {
  for (let cursor = index + 1; cursor < tokens.length && cursor - index <= MAX_SUBJECT_DESCRIPTION_WORDS + 1; cursor += 1) {
    const token = tokens[cursor] as Token;
    if (!token.isWord) return isComma(token) && tokens[cursor + 1]?.lower === 'who';
  }
  return false;
}

// Prepositions and conjunctions that open an introductory phrase (`After the hearing, the judge …`).
const INTRODUCTORY_WORDS = new Set(['after', 'before', 'during', 'in', 'at', 'on', 'when', 'while', 'as', 'since', 'despite', 'with', 'without', 'like', 'unlike', 'for', 'back', 'earlier', 'later', 'still', 'however', 'outside', 'inside', 'following']);
// Participles that open an introductory phrase without an `-ed` (`Told of her remarks, the chairwoman …`).
const IRREGULAR_PARTICIPLES = new Set(['told', 'shown', 'given', 'taken', 'caught', 'struck', 'beaten', 'held', 'known', 'seen', 'left', 'put']);
// How far into its sentence the comma after an introductory phrase may stand; further when the
// description is followed by its verb.
const MAX_INTRODUCTORY_TOKENS = 25;
const MAX_LONG_INTRODUCTORY_TOKENS = 45;

/** How a description follows an introductory phrase: not at all, right after a phrase of one comma, or after a longer one. */
type Introduced = 'no' | 'plainly' | 'afterCommas';

/**
 * Whether the sentence of the determiner at `index` opens with an introductory phrase that the comma
 * right before it closes (`Asked about the audiologists, the chief executive …`, `After the
 * verdict, the judge …`): a participle or one of the INTRODUCTORY_WORDS opens it. `afterCommas`
 * when the phrase has commas of its own (`Asked about the company's projects, including a resort
 * …, the 41-year-old was brisk`): a description after such a phrase may as well be one of a list
 * (`After the hearing, Smith thanked the judge, the clerk and the jury`), so it is taken only when
 * its verb follows it.
 */
function followsIntroductoryPhrase(tokens: Token[], index: number, opensSentence: (index: number) => boolean): Introduced {
  if (!isComma(tokens[index - 1])) return 'no';
  let commas = false;
  for (let cursor = index - 2; cursor >= 0 && index - cursor <= MAX_LONG_INTRODUCTORY_TOKENS; cursor -= 1) {
    const token = tokens[cursor] as Token;
    if (isComma(token)) commas = true;
    if (!opensSentence(cursor)) continue;
    const word = token.lower;
    const introductory = token.isWord && (INTRODUCTORY_WORDS.has(word) || word.endsWith('ed') || word.endsWith('ing') || IRREGULAR_PARTICIPLES.has(word));
    if (!introductory) return 'no';
    return commas ? 'afterCommas' : index - cursor <= MAX_INTRODUCTORY_TOKENS ? 'plainly' : 'no';
  }
  return 'no';
}

/**
 * Sentences outside the `quoted` ranges (ordered, end exclusive) whose subject is a definite
 * description of a person, opening the sentence after a conjunction or an introductory phrase or
 * not (`The filmmaker is unrepentant.`, `But the judge would have none of it.`, `Asked about it,
 * the CEO said …`, `His father was less sure.`): they are about that person, whom a pronoun after
 * them may refer to. Subjects elsewhere in a sentence are left out: telling them from objects takes
 * a parse.
 */
export function findSubjectDescriptions(text: string, tokens: Token[], quoted: Array<[number, number]>, sentences: Uint32Array): SubjectDescription[] {
  const found: SubjectDescription[] = [];
  const opensSentence = (index: number) => index === 0 || sentences[index] !== sentences[index - 1];
  let range = 0;
  // The determiners are found by a regular expression, run as machine code from the first
  // article on, and only their tokens are read: a loop over every token of the article ran
  // interpreted for the first hundred articles of a batch, 20-35 ms of it.
  SUBJECT_DETERMINER.lastIndex = 0;
  for (let match = SUBJECT_DETERMINER.exec(text); match !== null; match = SUBJECT_DETERMINER.exec(text)) {
    const index = countBefore(tokens, match.index, tokenStart);
    const token = tokens[index];
    if (token === undefined || token.start !== match.index || !SUBJECT_DETERMINERS.has(token.lower)) continue;
    const opener = tokens[index - 1];
    const startsSentence = opensSentence(index) || (opener !== undefined && SENTENCE_OPENERS.has(opener.text) && opensSentence(index - 1));
    const introduced = startsSentence ? 'no' : followsIntroductoryPhrase(tokens, index, opensSentence);
    const opens = startsSentence || introduced !== 'no';
    // Elsewhere in its sentence, a description the writer goes on about in a clause of its own
    // (`… to the study's first author, who has already applied for funding.`) is its topic too.
    if (!opens && !opensRelativeClauseAfter(tokens, index)) continue;
    const read = subjectDescriptionAt(text, tokens, index);
    if (read === null || !(opens || (isComma(tokens[read.next]) && tokens[read.next + 1]?.lower === 'who'))) continue;
    if (introduced === 'afterCommas' && !isVerbLike(tokens[read.next])) continue;
    while (range < quoted.length && (quoted[range]?.[1] ?? 0) <= token.start) range += 1;
    if ((quoted[range]?.[0] ?? Infinity) <= token.start) continue;
    found.push({ start: token.start, end: read.end, text: text.slice(token.start, read.end), description: read.description, sentence: sentences[index] as number });
  }
  return found;
}
