/**
 * Finds the names of people in a text: runs of capitalized words with the titles written
 * before them, the gender those titles and given names imply, and the role the text gives.
 */
import { genderOfFirstName, isKnownFirstName } from './first-names.js';
import {
  HONORIFICS, NAME_PARTICLES, NAME_SUFFIXES, NOT_NAME_WORDS, TITLE_WORDS, type Gender,
} from './lexicon.js';
import { findRole } from './roles.js';
import { isCapitalized, type Token } from './tokens.js';

export interface NameMention {
  /** Offsets of the whole mention, titles included (`Sen. Rand Paul`). */
  start: number;
  end: number;
  /** The name without titles or a possessive ending (`Rand Paul`). */
  name: string;
  /** Lowercase titles written before the name (`sen.`, `president`). */
  titles: string[];
  gender: Gender | null;
  role: string | null;
  /** Whether something other than capitalization says this is a person (a title, a given name). */
  isPerson: boolean;
  /** Whether the name can be a person at all: no organization word, not an acronym. */
  canBePerson: boolean;
  /** Whether the sentence makes it a likely subject: not after a preposition, not possessive. */
  isProminent: boolean;
}

const PREPOSITIONS = new Set([
  'of', 'to', 'by', 'with', 'for', 'on', 'against', 'at', 'from', 'about', 'under', 'than', 'like',
  'and', 'or', 'between', 'toward', 'into', 'over', 'unlike', 'beat', 'beating', 'versus', 'vs.',
]);

// Words that make a capitalized run an organization or place, not a person.
const ORGANIZATION_WORDS = new Set([
  'house', 'senate', 'congress', 'committee', 'council', 'department', 'party', 'campaign', 'news',
  'post', 'times', 'journal', 'university', 'college', 'network', 'foundation', 'institute', 'center',
  'centre', 'association', 'agency', 'office', 'bureau', 'court', 'security', 'states', 'state',
  'america', 'company', 'corporation', 'group', 'club', 'church', 'school', 'hospital', 'service',
  'administration', 'street', 'avenue', 'city', 'county', 'caucus', 'union', 'republic', 'kingdom',
  'press', 'media', 'magazine', 'review', 'today', 'tribune', 'herald', 'fox', 'cnn', 'msnbc', 'nbc',
  'abc', 'cbs', 'gop', 'dnc', 'rnc', 'fbi', 'cia', 'us', 'u.s.', 'un', 'eu', 'nato', 'inc.', 'corp.',
  'commission', 'board', 'forces', 'army', 'navy', 'guard', 'police', 'airport', 'park', 'hall',
  'world', 'global', 'national', 'international', 'federal', 'democratic', 'republican', 'affairs',
  'policy', 'public', 'force', 'ministry', 'assembly', 'parliament', 'square', 'tower', 'group',
]);

const POSSESSIVE = /['’]s?$/;
const POSSESSIVE_END = /\p{L}['’]s?$/u;

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
  // A known given name inside a run starts the name: `Wyoming GOP John Smith`.
  const given = named.findIndex((token, index) => index > 0 && isKnownFirstName(token.text) && index < named.length - 1);
  return given > 0 ? named.slice(given) : named;
}

function genderOf(titles: string[], parts: Token[]): Gender | null {
  for (const title of titles) {
    const gender = HONORIFICS.get(title);
    if (gender) return gender;
  }
  return parts.length > 1 && parts[0] ? genderOfFirstName(parts[0].text) : null;
}

/** Reads a name starting at `index`: titles, then name words, particles, initials and suffixes. */
export function readName(text: string, tokens: Token[], index: number): { mention: NameMention; next: number } | null {
  let cursor = index;
  const titleTokens: Token[] = [];
  while (cursor < tokens.length) {
    const token = tokens[cursor];
    if (!token || !(isHonorific(token) || isTitleWord(token))) break;
    const following = tokens[cursor + 1];
    if (!following || !adjacent(text, token, following)) break;
    titleTokens.push(token);
    cursor += 1;
  }
  const parts: Token[] = [];
  while (cursor < tokens.length) {
    const token = tokens[cursor];
    const previous = parts[parts.length - 1] ?? titleTokens[titleTokens.length - 1];
    if (!token || (previous && !adjacent(text, previous, token))) break;
    const lower = token.text.toLowerCase();
    const particle = NAME_PARTICLES.has(lower) && parts.length > 0 && isCapitalized(tokens[cursor + 1] ?? token);
    const suffix = NAME_SUFFIXES.has(lower) && parts.length > 0;
    if (!(isNamePart(token) || particle || suffix)) break;
    parts.push(token);
    cursor += 1;
    if (POSSESSIVE.test(token.text) && /['’]/.test(token.text)) break;
  }
  // A name never ends on a particle (`Bill de` before a line break).
  while (parts.length > 0 && NAME_PARTICLES.has(parts[parts.length - 1]?.text.toLowerCase() ?? '')) parts.pop();
  if (parts.length === 0) return null;

  const person = personPart(parts);
  const titles = person.length === parts.length ? titleTokens.map((token) => token.text.toLowerCase()) : [];
  const first = person[0];
  const last = person[person.length - 1];
  if (!first || !last) return null;
  const start = titles.length > 0 ? (titleTokens[0]?.start ?? first.start) : first.start;
  const end = last.end - (last.text.length - bareWord(last).length);
  const name = text.slice(first.start, end);
  const gender = genderOf(titles, person);
  const personIndex = index + titleTokens.length + (parts.length - person.length);
  const role = findRole(text, tokens, personIndex, cursor);
  const isPerson = titles.length > 0 || (person.length > 1 && (isKnownFirstName(first.text) || role !== null));
  const canBePerson = person.every((token) => !ORGANIZATION_WORDS.has(bareWord(token).toLowerCase()) && !/^\p{Lu}[\p{Lu}.]*\p{Lu}\.?$/u.test(bareWord(token)));
  const before = tokens[index - 1];
  // A role in front makes the name the head of its phrase, whatever comes before the role.
  const afterPreposition = before !== undefined && PREPOSITIONS.has(before.text.toLowerCase()) && role === null;
  const isProminent = !POSSESSIVE_END.test(last.text) && !afterPreposition;
  return { mention: { start, end, name, titles, gender, role, isPerson, canBePerson, isProminent }, next: cursor };
}

/** Every capitalized run of the text read as a name, in order. */
export function findNameMentions(text: string, tokens: Token[]): NameMention[] {
  const mentions: NameMention[] = [];
  let index = 0;
  while (index < tokens.length) {
    const read = readName(text, tokens, index);
    if (read) {
      mentions.push(read.mention);
      index = Math.max(read.next, index + 1);
    } else {
      index += 1;
    }
  }
  return mentions;
}

/** The key people are grouped by: the surname, lowercased, suffixes dropped. */
export function surnameKey(name: string): string {
  const words = name.toLowerCase().split(/\s+/).filter((word) => !NAME_SUFFIXES.has(word));
  return words[words.length - 1] ?? '';
}
