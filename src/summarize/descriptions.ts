/**
 * What a description of a speaker says about them (`the Texas senator`, `the retired
 * neurosurgeon`, `the congresswoman`): the noun naming their role, the gender it implies, and
 * the role words a person the article introduced must carry to be the one described.
 */
import { ROLE_NOUNS, type Gender } from './lexicon.js';

export interface Description {
  /** The noun the description rests on, lowercase (`senator`). */
  head: string;
  /** The role words any of which the person must have been given (the nouns and their synonyms). */
  roleWords: Set<string>;
  gender: Gender | null;
}

// Nouns for a person that the attribution lexicon does not list as roles.
const MORE_PERSON_NOUNS = new Set([
  'neurosurgeon', 'surgeon', 'doctor', 'physician', 'lawmaker', 'legislator', 'entrepreneur',
  'tycoon', 'star', 'actor', 'actress', 'singer', 'comedian', 'rapper', 'celebrity', 'coach',
  'player', 'priest', 'cleric', 'diplomat', 'envoy', 'negotiator', 'dictator', 'monarch', 'governor',
  'congressman', 'congresswoman', 'nominee', 'candidate', 'leader', 'president', 'senator',
  'representative', 'mayor', 'secretary', 'chairman', 'chairwoman', 'chief', 'boss', 'girl', 'boy',
  'lady', 'gentleman', 'guy', 'grandmother', 'grandfather', 'widow', 'retiree', 'teacher', 'nurse',
  'physicist', 'professor', 'attorney', 'judge', 'justice', 'officer', 'soldier', 'pilot',
  'investor', 'developer', 'financier', 'banker', 'philanthropist', 'advocate', 'advisor',
  'lobbyist', 'farmer', 'driver', 'parent', 'immigrant', 'refugee', 'native', 'conservative',
  'liberal', 'progressive', 'libertarian', 'moderator', 'novelist', 'poet', 'marine', 'sheriff',
]);
// An age stands for the person (`the 46-year-old`).
const AGE = /^\d+-year-old$/;

// Roles a text gives under another name: `the senator` is `Sen. X`, `the Russian leader` is
// `President X`, `the lawmaker` is a senator or a representative.
const SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['senator', ['sen']],
  ['representative', ['rep', 'congressman', 'congresswoman']],
  ['congressman', ['rep', 'representative']],
  ['congresswoman', ['rep', 'representative']],
  ['governor', ['gov']],
  ['lawmaker', ['senator', 'sen', 'representative', 'rep', 'congressman', 'congresswoman', 'legislator', 'assemblyman', 'assemblywoman']],
  ['leader', ['president', 'minister', 'chancellor', 'premier', 'king', 'queen', 'chairman', 'chairwoman', 'head', 'speaker']],
  ['businessman', ['mogul', 'billionaire', 'developer', 'executive', 'ceo', 'tycoon']],
  ['billionaire', ['mogul', 'businessman', 'businesswoman', 'tycoon']],
  ['mogul', ['billionaire', 'businessman', 'businesswoman', 'tycoon']],
  ['spokesman', ['spokesperson', 'spokeswoman', 'secretary']],
  ['spokeswoman', ['spokesperson', 'spokesman', 'secretary']],
  ['chairman', ['chair', 'chairwoman']],
  ['chairwoman', ['chair', 'chairman']],
  ['general', ['gen']],
]);

const MALE_NOUNS = new Set(['man', 'father', 'husband', 'son', 'brother', 'boy', 'king', 'prince', 'actor', 'gentleman', 'guy', 'grandfather', 'uncle']);
const FEMALE_NOUNS = new Set(['woman', 'mother', 'wife', 'daughter', 'sister', 'girl', 'queen', 'princess', 'actress', 'lady', 'grandmother', 'widow', 'aunt']);

// Words after which the description goes on about something else (`the head of the party`).
const PHRASE_ENDS = new Set(['of', 'for', 'at', 'in', 'on', 'from', 'with', 'who', 'whose', 'which', 'that', ',']);

function isPersonNoun(word: string): boolean {
  return ROLE_NOUNS.has(word) || MORE_PERSON_NOUNS.has(word) || AGE.test(word);
}

function genderOfNoun(word: string): Gender | null {
  // `-woman` first: `congresswoman` ends in `man` too.
  if (FEMALE_NOUNS.has(word) || /.woman$/.test(word)) return 'female';
  if (MALE_NOUNS.has(word) || /.man$/.test(word)) return 'male';
  return null;
}

/** Reads a description; null when no noun in its head phrase names a person. */
export function readDescription(text: string): Description | null {
  const words = text.toLowerCase().replace(/,/g, ' , ').split(/\s+/).filter(Boolean).map((word) => word.replace(/['’]s$|[.;:]$/g, ''));
  const end = words.findIndex((word) => PHRASE_ENDS.has(word));
  const phrase = end === -1 ? words : words.slice(0, end);
  // The head is the last person noun of the phrase (`the former Republican presidential
  // candidate`); every person noun of it may be the role the text gave (`the Florida senator and
  // Republican presidential candidate`).
  const nouns = phrase.filter(isPersonNoun);
  const head = nouns[nouns.length - 1];
  if (head === undefined) return null;
  return {
    head,
    roleWords: new Set(nouns.flatMap((noun) => [noun, ...(SYNONYMS.get(noun) ?? [])])),
    gender: nouns.map(genderOfNoun).find((gender) => gender !== null) ?? null,
  };
}
