/**
 * Resolves the mention a quotation is attributed to (`he`, `Trump`, `the mayor`) to the fullest
 * name the article gives that person, and to the role it gives them.
 */
import { PRONOUNS, ROLE_NOUNS, type Gender } from './lexicon.js';
import { surnameKey, type NameMention } from './names.js';

export type MentionKind = 'name' | 'pronoun' | 'description';

/** The words an attribution rests on, next to the quotation. */
export interface SpeakerMention {
  start: number;
  end: number;
  kind: MentionKind;
  /** For names, the name without titles; otherwise the words as written. */
  text: string;
}

export interface Person {
  fullName: string;
  gender: Gender | null;
  role: string | null;
  /** Lowercase words of the person's titles and roles, to resolve `the senator`. */
  roleWords: Set<string>;
}

/** The people of an article, and where the text names them. */
export interface People {
  bySurname: Map<string, Person>;
  /** Name mentions outside quotations, in text order, each with its person. */
  mentions: Array<{ mention: NameMention; person: Person }>;
}

export interface ResolvedSpeaker {
  name: string | null;
  role: string | null;
}

const NOBODY: ResolvedSpeaker = { name: null, role: null };

function wordCount(name: string): number {
  return name.split(/\s+/).length;
}

function roleWordsOf(mention: NameMention): string[] {
  return [...mention.titles, mention.role ?? '']
    .join(' ')
    .toLowerCase()
    .split(/[\s,()]+/)
    .map((word) => word.replace(/\.$/, ''))
    .filter(Boolean);
}

function enrich(person: Person, mention: NameMention): void {
  if (wordCount(mention.name) > wordCount(person.fullName)) person.fullName = mention.name;
  person.gender ??= mention.gender;
  person.role ??= mention.role;
  for (const word of roleWordsOf(mention)) person.roleWords.add(word);
}

function newPerson(mention: NameMention): Person {
  return { fullName: mention.name, gender: null, role: null, roleWords: new Set<string>() };
}

function firstWord(name: string): string {
  return name.split(/\s+/)[0]?.toLowerCase() ?? '';
}

/**
 * Groups name mentions into people. A capitalized run is a person when a title or a given name
 * says so, or when `knownSpeakers` (names quotations are attributed to) include it. Full names
 * sharing a surname but not a given name are different people (`Ivanka Trump`, `Donald Trump`);
 * a lone word (`Trump`, `Wang`) joins the person last named with it as surname or given name.
 */
export function collectPeople(mentions: NameMention[], knownSpeakers: Set<string>): People {
  const bySurname = new Map<string, Person>();
  const byFullName = new Map<string, Person>();
  const byFirstWord = new Map<string, Person>();
  const linked: People['mentions'] = [];
  for (const mention of mentions) {
    if (!mention.canBePerson) continue;
    const key = surnameKey(mention.name);
    const single = wordCount(mention.name) === 1;
    const isPerson = mention.isPerson || knownSpeakers.has(mention.name);
    let person = single ? bySurname.get(key) ?? byFirstWord.get(key) : byFullName.get(mention.name.toLowerCase());
    if (!person && !single) {
      const namesake = bySurname.get(key);
      const sameGiven = namesake && firstWord(namesake.fullName) === firstWord(mention.name);
      person = sameGiven ? namesake : undefined;
    }
    if (!person && !isPerson) continue;
    person ??= newPerson(mention);
    bySurname.set(key, person);
    if (!single) {
      byFullName.set(mention.name.toLowerCase(), person);
      byFirstWord.set(firstWord(mention.name), person);
    }
    enrich(person, mention);
    linked.push({ mention, person });
  }
  return { bySurname, mentions: linked };
}

function describe(person: Person): ResolvedSpeaker {
  return { name: person.fullName, role: person.role };
}

/**
 * The last person named before `offset` that `accepts` takes, preferring a prominent mention
 * (a likely subject) to one after a preposition or in a possessive.
 */
function lastPersonBefore(people: People, offset: number, accepts: (person: Person) => boolean): Person | null {
  let prominent: Person | null = null;
  let any: Person | null = null;
  for (const { mention, person } of people.mentions) {
    if (mention.start >= offset) break;
    if (!accepts(person)) continue;
    any = person;
    if (mention.isProminent) prominent = person;
  }
  return prominent ?? any;
}

function resolvePronoun(people: People, mention: SpeakerMention): ResolvedSpeaker {
  const gender = PRONOUNS.get(mention.text.toLowerCase());
  if (gender !== 'male' && gender !== 'female') return NOBODY;
  const person = lastPersonBefore(people, mention.start, (candidate) => candidate.gender === null || candidate.gender === gender);
  return person ? describe(person) : NOBODY;
}

function resolveDescription(people: People, mention: SpeakerMention): ResolvedSpeaker {
  const words = mention.text.toLowerCase().split(/\s+/);
  const head = words.find((word) => ROLE_NOUNS.has(word)) ?? null;
  if (!head) return NOBODY;
  const holder = lastPersonBefore(people, mention.start, (person) => person.roleWords.has(head));
  const person = holder ?? lastPersonBefore(people, mention.start, () => true);
  return person ? describe(person) : NOBODY;
}

function resolveName(people: People, mention: SpeakerMention): ResolvedSpeaker {
  const person = people.bySurname.get(surnameKey(mention.text));
  return person ? describe(person) : { name: mention.text, role: null };
}

export function resolveSpeaker(people: People, mention: SpeakerMention): ResolvedSpeaker {
  switch (mention.kind) {
    case 'name': return resolveName(people, mention);
    case 'pronoun': return resolvePronoun(people, mention);
    case 'description': return resolveDescription(people, mention);
  }
}
