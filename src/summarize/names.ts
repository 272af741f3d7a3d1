/**
 * Finds the names of people in a text: runs of capitalized words with the titles written
 * before them, the gender those titles and given names imply, and the role the text gives.
 */
import { genderOfFirstName, isKnownFirstName } from './first-names.js';
import {
  CUE_VERBS, HONORIFICS, NAME_PARTICLES, NAME_SUFFIXES, NOT_NAME_WORDS, PAST_MARKERS, TITLE_WORDS, type Gender,
} from './lexicon.js';
import { clauseRoleWords } from './role-clauses.js';
import { findRole } from './roles.js';
import { hasLineBreak, isCapitalized, SENTENCE_END, type Token } from './tokens.js';

export interface NameMention {
  /** Offsets of the whole mention, titles included (`Sen. Rand Paul`). */
  start: number;
  end: number;
  /** The name without titles or a possessive ending (`Rand Paul`). */
  name: string;
  /** Lowercase titles written before the name (`sen.`, `president`). */
  titles: string[];
  /** The title printed with the name, as written (`Dr.`, `Sen.`): see `printedTitle`. */
  printedTitle: string | null;
  /** Whether the person still holds those titles: no `former` before them. */
  titlesHeld: boolean;
  /** Gender an honorific gives (`Mrs.`): certain. */
  titleGender: Gender | null;
  /** Gender the given name usually has (names given to both sexes are not in the table). */
  nameGender: Gender | null;
  role: string | null;
  /** Every role phrase written next to the name (`Head coach`, `the team's captain`), to match descriptions. */
  rolePhrases: readonly string[];
  /** Role words a clause after the name gives (`, who coaches the team,` → coach): see `clauseRoleWords`. */
  clauseRoleWords: readonly string[];
  /** Whether it is taken for a person's name: a title before it, or two or three name words. */
  isPerson: boolean;
  /** Whether the name can be a person at all: no organization word, not an acronym. */
  canBePerson: boolean;
  /** Whether the sentence makes it a likely subject: not after a preposition, not possessive. */
  isProminent: boolean;
  /** Whether it is the one asked (`Conroy asked Sanders whether …`): the next answer is theirs. */
  isAsked: boolean;
  /** Whether a verb follows it (past an appositive): `Ham explained`, `Jane Doe, a writer, said`. */
  isSubject: boolean;
  /** The gender of the first he/she-type pronoun after it, before another name. */
  pronounGender: Gender | null;
  /** Index of its sentence in the text, to tell mentions of one sentence apart. */
  sentence: number;
}

// Words after which a name is not the subject of its clause (`policies of President Obama`).
const BEFORE_NON_SUBJECT = new Set([
  'of', 'to', 'by', 'with', 'for', 'on', 'against', 'at', 'from', 'about', 'under', 'than', 'like',
  'and', 'or', 'between', 'toward', 'into', 'over', 'unlike', 'beat', 'beating', 'versus', 'vs.',
]);

// Words that follow a subject: auxiliaries and common adverbs.
const VERB_LIKE = new Set([
  'is', 'was', 'has', 'had', 'have', 'will', 'would', 'can', 'could', 'did', 'does', 'do', 'also',
  'then', 'later', 'may', 'might', 'must', 'should', 'never', 'recently', 'still', 'just', 'again',
]);
// The pronouns that say a name's gender when they follow it. Objects are left out: after a name
// they mostly refer to someone else (`Obama backed her up`), and `her` may be either.
const GENDERED_PRONOUNS = new Map<string, Gender>([
  ['he', 'male'], ['his', 'male'], ['himself', 'male'],
  ['she', 'female'], ['hers', 'female'], ['herself', 'female'],
]);
// Conjunctions and adverbs that may open a sentence before its subject pronoun (`But he said`).
const SENTENCE_OPENERS = new Set(['But', 'And', 'Yet', 'So', 'Then', 'Still', 'Later', 'Instead', 'Now']);
const ASKING_VERBS = new Set(['asked', 'asks', 'asking', 'pressed', 'questioned']);
const MAX_APPOSITIVE_TOKENS = 20;
const PRONOUN_LOOKAHEAD_TOKENS = 40;
const MAX_PRONOUN_LENGTH = 'himself'.length;
const MAX_NAME_WORDS = 3;

// Words that make a capitalized run an organization or place, not a person.
const ORGANIZATION_WORDS = new Set([
  'east', 'west', 'north', 'south', 'middle', 'arabia', 'africa', 'europe', 'asia', 'korea',
  'america', 'new', 'united', 'san', 'los', 'las', 'fort', 'island', 'islands', 'valley', 'river',
  'county', 'beach', 'bay', 'lake', 'mountain', 'republicans', 'democrats', 'americans', 'act',
  'law', 'amendment', 'program', 'plan', 'initiative', 'project', 'fund', 'trust', 'prize', 'award',
  'show', 'monument', 'memorial', 'museum', 'stadium', 'arena', 'hotel', 'station', 'building',
  'library', 'theater', 'theatre', 'cathedral', 'bridge', 'road', 'highway', 'plaza', 'mall',
  'bank', 'capital', 'partners', 'daily', 'weekly', 'channel', 'radio', 'studios', 'festival',
  'conference', 'convention', 'summit', 'debate', 'primary', 'election', 'war', 'movement',
  'institution', 'coalition', 'investment', 'alliance', 'council', 'federation', 'society',
  'league', 'caucus', 'house', 'senate', 'congress', 'committee', 'department', 'party', 'campaign',
  'news', 'post', 'times', 'journal', 'university', 'college', 'network', 'foundation', 'institute',
  'center', 'centre', 'association', 'agency', 'office', 'bureau', 'court', 'security', 'states',
  'state', 'company', 'corporation', 'group', 'club', 'church', 'school', 'hospital', 'service',
  'administration', 'street', 'avenue', 'city', 'union', 'republic', 'kingdom', 'press', 'media',
  'magazine', 'review', 'today', 'tribune', 'herald', 'fox', 'cnn', 'msnbc', 'nbc', 'abc', 'cbs',
  'gop', 'dnc', 'rnc', 'fbi', 'cia', 'us', 'u.s.', 'un', 'eu', 'nato', 'inc.', 'corp.',
  'commission', 'board', 'forces', 'army', 'navy', 'guard', 'police', 'airport', 'park', 'hall',
  'world', 'global', 'national', 'international', 'federal', 'democratic', 'republican', 'affairs',
  'policy', 'public', 'force', 'ministry', 'assembly', 'parliament', 'square', 'tower',
]);

const POSSESSIVE = /['’]s?$/;
const POSSESSIVE_END = /\p{L}['’]s?$/u;
// All capitals, two letters or more: `GOP`, `U.S.`, not the initial `E.`.
const ACRONYM = /^\p{Lu}[\p{Lu}.]*\p{Lu}\.?$/u;

function bareWord(token: Token): string {
  return token.text.replace(POSSESSIVE, '');
}

function isHonorific(token: Token): boolean {
  return HONORIFICS.has(token.text.toLowerCase());
}

function isTitleWord(token: Token): boolean {
  return isCapitalized(token) && TITLE_WORDS.has(token.text.toLowerCase().replace(/\.$/, ''));
}

function isNamePart(token: Token): boolean {
  if (!isCapitalized(token)) return false;
  const lower = bareWord(token).toLowerCase();
  return !NOT_NAME_WORDS.has(lower) && !HONORIFICS.has(token.text.toLowerCase());
}

/** Only spaces (no line break, no punctuation) between two tokens. */
function adjacent(text: string, left: Token, right: Token): boolean {
  return /^[ \t\u00a0]+$/.test(text.slice(left.end, right.start));
}

/** The name words of a run, starting after its last organization word (`Public Security Wang Xiaohong`). */
function personPart(parts: Token[]): Token[] {
  let from = 0;
  parts.forEach((token, index) => {
    if (ORGANIZATION_WORDS.has(bareWord(token).toLowerCase()) && index < parts.length - 1) from = index + 1;
  });
  const named = parts.slice(from);
  // The last known given name inside a run starts the name: `Wyoming GOP John Smith`,
  // `Chris Christie Calls Hillary Clinton` in a headline.
  const given = named.findLastIndex((token, index) => index > 0 && isKnownFirstName(token.text) && index < named.length - 1);
  return given > 0 ? named.slice(given) : named;
}

// Titles printed as part of a speaker's name. Abbreviated professional, academic, clerical,
// military and elected titles say what the person is, and news style keeps them before a full
// name (`Dr. Helen Marsh`, `Sen. Tom Carper`, `Gen. Ann Cole`); the social ones (`Mr.`, `Mrs.`,
// `Ms.`, `Miss`) are dropped once the full name is given. A title written out (`Senator`,
// `Judge`, `President`) is read as the person's role instead (roles.ts), so it is not repeated.
const PRINTED_TITLES = new Set([
  'dr.', 'prof.', 'sen.', 'rep.', 'gov.', 'rev.', 'gen.', 'lt.', 'col.', 'sgt.', 'capt.', 'adm.',
  'maj.', 'amb.', 'atty.',
]);
// A word that says the person no longer holds the title (`former Texas Gov. Rick Perry`) is
// looked for among the titles and the few words before them.
const PAST_MARKER_REACH = 3;

/** Whether the person still holds the titles of the name starting at token `index`. */
function holdsTitles(tokens: Token[], index: number, titleTokens: Token[]): boolean {
  const lead = tokens.slice(Math.max(0, index - PAST_MARKER_REACH), index);
  return [...lead, ...titleTokens].every((token) => !PAST_MARKERS.has(token.text.toLowerCase()));
}

/** The title to print with the name: the last title, if printed and still held. */
function printedTitle(titleTokens: Token[], held: boolean): string | null {
  const last = titleTokens[titleTokens.length - 1];
  return last && held && PRINTED_TITLES.has(last.text.toLowerCase()) ? last.text : null;
}

function genderOfTitles(titles: string[]): Gender | null {
  for (const title of titles) {
    const gender = HONORIFICS.get(title);
    if (gender) return gender;
  }
  return null;
}

function isVerbLike(token: Token | undefined): boolean {
  if (!token?.isWord || token.text !== token.text.toLowerCase()) return false;
  return VERB_LIKE.has(token.text) || CUE_VERBS.has(token.text) || /(?:ed|es)$/.test(token.text);
}

/** Whether a verb follows the name ending before token `next`, past an appositive. */
function followedByVerb(tokens: Token[], next: number): boolean {
  if (tokens[next]?.text !== ',') return isVerbLike(tokens[next]);
  const limit = Math.min(tokens.length, next + MAX_APPOSITIVE_TOKENS);
  for (let cursor = next + 1; cursor < limit; cursor += 1) {
    const token = tokens[cursor];
    if (!token || SENTENCE_END.has(token.text) || token.text === ';') return false;
    // Past an appositive and any aside after it: `Brian Murphy, the chairman …, for example, said`.
    if (token.text === ',' && isVerbLike(tokens[cursor + 1])) return true;
  }
  return false;
}

/** The gender of the first he/she-type pronoun after token `next`, until another name comes. */
function genderOfNextPronoun(tokens: Token[], next: number): Gender | null {
  const limit = Math.min(tokens.length, next + PRONOUN_LOOKAHEAD_TOKENS);
  for (let cursor = next; cursor < limit; cursor += 1) {
    const token = tokens[cursor];
    if (!token) break;
    const gender = token.isWord && token.text.length <= MAX_PRONOUN_LENGTH ? GENDERED_PRONOUNS.get(token.text.toLowerCase()) : undefined;
    if (gender) return gender;
    if (token.capitalized && cursor > next && isNamePart(token) && !['.', '“', '"'].includes(tokens[cursor - 1]?.text ?? '')) return null;
  }
  return null;
}

/** Titles from token `index` on (`Sen.`, `Vice President`), each followed by more of the name. */
function readTitles(text: string, tokens: Token[], index: number): Token[] {
  const titles: Token[] = [];
  for (let cursor = index; cursor < tokens.length; cursor += 1) {
    const token = tokens[cursor];
    const following = tokens[cursor + 1];
    if (!token || !(isHonorific(token) || isTitleWord(token)) || !following || !adjacent(text, token, following)) break;
    titles.push(token);
  }
  return titles;
}

/** Name words from token `index` on: capitalized words, particles, initials, suffixes. */
function readNameParts(text: string, tokens: Token[], index: number, previous: Token | undefined): Token[] {
  const parts: Token[] = [];
  for (let cursor = index; cursor < tokens.length; cursor += 1) {
    const token = tokens[cursor];
    const before = parts[parts.length - 1] ?? previous;
    if (!token || (before && !adjacent(text, before, token))) break;
    const lower = token.text.toLowerCase();
    const particle = NAME_PARTICLES.has(lower) && parts.length > 0 && isCapitalized(tokens[cursor + 1] ?? token);
    const suffix = NAME_SUFFIXES.has(lower) && parts.length > 0;
    if (!(isNamePart(token) || particle || suffix)) break;
    parts.push(token);
    // A possessive ends the name: `Trump's plan`.
    if (/['’]s?$/.test(token.text)) break;
  }
  // A name never ends on a particle (`Bill de` before a line break).
  while (parts.length > 0 && NAME_PARTICLES.has(parts[parts.length - 1]?.text.toLowerCase() ?? '')) parts.pop();
  return parts;
}

function canNamePerson(person: Token[]): boolean {
  return person.every((token) => !ORGANIZATION_WORDS.has(bareWord(token).toLowerCase()) && !ACRONYM.test(bareWord(token)));
}

// Words that open what a participle governs (`Speaking in his own voice`, `Asked about it`).
const AFTER_PARTICIPLE = new Set([
  'in', 'on', 'to', 'about', 'at', 'with', 'from', 'after', 'before', 'during', 'for', 'by', 'into',
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 'this', 'that', 'out', 'up', 'again',
]);

/**
 * A lone capitalized `-ing` or `-ed` word followed by a preposition or determiner opens a
 * participle phrase (`Speaking in his real voice, he …`, `Asked about the vote, she …`), not a
 * name: a name there would be followed by its verb.
 */
function isParticiple(person: Token[], next: Token | undefined): boolean {
  const word = person.length === 1 ? person[0]?.text ?? '' : '';
  return /^\p{Lu}\p{Ll}+(?:ing|ed)$/u.test(word) && next !== undefined && AFTER_PARTICIPLE.has(next.text);
}

/**
 * A capitalized word right after a lowercase `the` names a body, a place or a kind of person
 * (`the Pentagon`, `the Texan`, `the Kremlin`), not one person: English puts no article before a
 * person's name, only before a title (`the Rev. Al Sharpton`, read as a title here).
 */
function afterArticle(before: Token | undefined, titles: Token[]): boolean {
  return titles.length === 0 && before?.text === 'the';
}

/** A name as read at token `index`, before its sentence is known. */
export type NameReading = Omit<NameMention, 'sentence'>;

/** Reads a name starting at `index`: titles, then name words, particles, initials and suffixes. */
export function readName(text: string, tokens: Token[], index: number): { mention: NameReading; next: number } | null {
  // Titles and names alike start with a capital: most tokens are rejected here, cheaply.
  if (!tokens[index]?.capitalized) return null;
  const titleTokens = readTitles(text, tokens, index);
  const parts = readNameParts(text, tokens, index + titleTokens.length, titleTokens[titleTokens.length - 1]);
  const next = index + titleTokens.length + parts.length;
  // A title word with no name after it is the name: `Mr. King`.
  const lastTitle = titleTokens[titleTokens.length - 1];
  if (parts.length === 0 && lastTitle && !isHonorific(lastTitle)) parts.push(titleTokens.pop() as Token);

  // A place or body written before a titled name is part of its role, not a name: the mention
  // is the titled name, from the place on (`New Jersey Gov. Chris Christie`).
  const lastPart = parts[parts.length - 1];
  if (lastPart && titleTokens.length === 0 && adjacent(text, lastPart, tokens[next] ?? lastPart) && readTitles(text, tokens, next).length > 0) {
    const titled = readName(text, tokens, next);
    const opening = tokens[index] as Token;
    if (titled) return { mention: { ...titled.mention, start: opening.start }, next: titled.next };
  }
  const person = personPart(parts);
  const first = person[0];
  const last = person[person.length - 1];
  if (!first || !last) return null;
  const titles = person.length === parts.length ? titleTokens.map((token) => token.text.toLowerCase()) : [];
  const start = titles.length > 0 ? (titleTokens[0]?.start ?? first.start) : first.start;
  const end = last.end - (last.text.length - bareWord(last).length);
  const { role, phrases: rolePhrases } = findRole(text, tokens, next - person.length, next);
  const titlesHeld = titles.length === 0 || holdsTitles(tokens, index, titleTokens);
  const before = tokens[index - 1];
  // A role in front makes the name the head of its phrase, whatever comes before the role.
  const afterPreposition = before !== undefined && BEFORE_NON_SUBJECT.has(before.text.toLowerCase()) && role === null;
  const isProminent = !POSSESSIVE_END.test(last.text) && !afterPreposition;
  return {
    mention: {
      start,
      end,
      name: text.slice(first.start, end),
      titles,
      printedTitle: titles.length > 0 ? printedTitle(titleTokens, titlesHeld) : null,
      titlesHeld,
      titleGender: genderOfTitles(titles),
      // A lone given name (`Melanie`) carries its gender too.
      nameGender: genderOfFirstName(first.text),
      role,
      rolePhrases,
      clauseRoleWords: clauseRoleWords(tokens, next),
      // Two or three capitalized words that name no organization or place are taken for a person.
      isPerson: titles.length > 0 || (person.length > 1 && person.length <= MAX_NAME_WORDS),
      canBePerson: canNamePerson(person) && !(person.length === parts.length && afterArticle(before, titleTokens))
        && !(titles.length === 0 && isParticiple(person, tokens[next])),
      isProminent,
      isAsked: before !== undefined && ASKING_VERBS.has(before.text),
      isSubject: isProminent && followedByVerb(tokens, next),
      pronounGender: genderOfNextPronoun(tokens, next),
    },
    next,
  };
}

function endsSentence(text: string, tokens: Token[], index: number): boolean {
  const token = tokens[index];
  const next = tokens[index + 1];
  if (!token) return false;
  return SENTENCE_END.has(token.text) || (next !== undefined && hasLineBreak(text, token.end, next.start));
}

/** Every capitalized run of the text read as a name, in order. */
export function findNameMentions(text: string, tokens: Token[]): NameMention[] {
  const mentions: NameMention[] = [];
  let sentence = 0;
  let index = 0;
  while (index < tokens.length) {
    const read = readName(text, tokens, index);
    const next = read ? Math.max(read.next, index + 1) : index + 1;
    // The reading is new and nobody else holds it: give it its sentence rather than copy it.
    if (read) mentions.push(Object.assign(read.mention, { sentence }));
    for (let cursor = index; cursor < next; cursor += 1) {
      if (endsSentence(text, tokens, cursor)) sentence += 1;
    }
    index = next;
  }
  return mentions;
}

/** The key people are grouped by: the surname, lowercased, suffixes dropped. */
export function surnameKey(name: string): string {
  const words = name.toLowerCase().replaceAll('’', "'").split(/\s+/).filter((word) => !NAME_SUFFIXES.has(word));
  return words[words.length - 1] ?? '';
}

/**
 * `He` / `She` opening a sentence outside the `quoted` ranges (ordered, end exclusive): the
 * subject of that sentence, a link in a chain of references to one person.
 */
export function findSubjectPronouns(text: string, tokens: Token[], quoted: Array<[number, number]>): Array<{ at: number; gender: Gender; sentence: number }> {
  const found: Array<{ at: number; gender: Gender; sentence: number }> = [];
  const opensSentence = (index: number) => index === 0 || endsSentence(text, tokens, index - 1);
  let range = 0;
  let sentence = 0;
  tokens.forEach((token, index) => {
    if (index > 0 && endsSentence(text, tokens, index - 1)) sentence += 1;
    const word = token.text.toLowerCase();
    const gender = word === 'he' ? 'male' : word === 'she' ? 'female' : null;
    if (!gender) return;
    // `He said …` or, after a sentence-opening conjunction, `But he suggested …`.
    const opener = tokens[index - 1];
    const isSubject = opensSentence(index) || (opener !== undefined && SENTENCE_OPENERS.has(opener.text) && opensSentence(index - 1));
    if (!isSubject) return;
    while (range < quoted.length && (quoted[range]?.[1] ?? 0) <= token.start) range += 1;
    const inQuote = (quoted[range]?.[0] ?? Infinity) <= token.start;
    if (!inQuote) found.push({ at: token.start, gender, sentence });
  });
  return found;
}
