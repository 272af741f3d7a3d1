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
  /** Gender from an honorific; failing that the pronouns after the name, then the given name decide. */
  titleGender: Gender | null;
  nameGender: Gender | null;
  pronounVotes: { male: number; female: number };
  role: string | null;
  /** Lowercase words of the person's titles and roles, to resolve `the senator`. */
  roleWords: Set<string>;
}

interface LinkedMention {
  mention: NameMention;
  person: Person;
}

/** A `He` or `She` opening a sentence: a link in a chain of references to one person. */
export interface SubjectPronoun {
  at: number;
  gender: Gender;
}

/** The people of an article, and where the text names them. */
export interface People {
  bySurname: Map<string, Person>;
  /** Name mentions outside quotations, in text order, each with its person. */
  mentions: LinkedMention[];
  /** Sentence-opening `He` / `She` outside quotations, in text order. */
  subjectPronouns: SubjectPronoun[];
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
  person.titleGender ??= mention.titleGender;
  person.nameGender ??= mention.nameGender;
  // A surname alone may stand for a namesake (`Scott` for her husband): it votes only for a
  // person the text never names in full.
  const votes = wordCount(mention.name) > 1 || wordCount(person.fullName) === 1;
  if (mention.pronounGender && votes) person.pronounVotes[mention.pronounGender] += 1;
  person.role ??= mention.role;
  for (const word of roleWordsOf(mention)) person.roleWords.add(word);
}

function newPerson(mention: NameMention): Person {
  return {
    fullName: mention.name, titleGender: null, nameGender: null, pronounVotes: { male: 0, female: 0 }, role: null, roleWords: new Set<string>(),
  };
}

// Surnames this long differing in one letter are one name misspelled (`McLenney`, `McClenney`).
const MIN_FUZZY_SURNAME_LENGTH = 5;

/** Whether two words differ by at most one inserted, deleted or replaced letter. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    edits += 1;
    if (edits > 1) return false;
    if (a.length > b.length) i += 1;
    else if (b.length > a.length) j += 1;
    else {
      i += 1;
      j += 1;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

function misspelled(bySurname: Map<string, Person>, key: string): Person | undefined {
  if (key.length < MIN_FUZZY_SURNAME_LENGTH) return undefined;
  for (const [surname, person] of bySurname) {
    if (withinOneEdit(surname, key)) return person;
  }
  return undefined;
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
export function collectPeople(mentions: NameMention[], knownSpeakers: Set<string>, subjectPronouns: SubjectPronoun[] = []): People {
  const bySurname = new Map<string, Person>();
  const byFullName = new Map<string, Person>();
  const byFirstWord = new Map<string, Person>();
  const linked: People['mentions'] = [];
  for (const mention of mentions) {
    if (!mention.canBePerson) continue;
    const key = surnameKey(mention.name);
    const single = wordCount(mention.name) === 1;
    const isPerson = mention.isPerson || knownSpeakers.has(mention.name);
    let person = single ? bySurname.get(key) ?? byFirstWord.get(key) ?? misspelled(bySurname, key) : byFullName.get(mention.name.toLowerCase());
    if (!person && !single) {
      const namesake = bySurname.get(key);
      const sameGiven = namesake && firstWord(namesake.fullName) === firstWord(mention.name);
      person = sameGiven ? namesake : undefined;
    }
    if (!person && !isPerson) continue;
    person ??= newPerson(mention);
    // A surname alone names the first person introduced with it, not a relative named later.
    if (!bySurname.has(key)) bySurname.set(key, person);
    if (!single) {
      byFullName.set(mention.name.toLowerCase(), person);
      byFirstWord.set(firstWord(mention.name), person);
    }
    enrich(person, mention);
    linked.push({ mention, person });
  }
  return { bySurname, mentions: linked, subjectPronouns };
}

function describe(person: Person): ResolvedSpeaker {
  return { name: person.fullName, role: person.role };
}

/** The person's gender: an honorific's, else the given name's, else the pronouns' that follow the name. */
export function genderOf(person: Person): Gender | null {
  const known = person.titleGender ?? person.nameGender;
  if (known) return known;
  const { male, female } = person.pronounVotes;
  if (male === female) return null;
  return male > female ? 'male' : 'female';
}

interface Antecedent {
  person: Person;
  /** Where the text refers to them. */
  at: number;
}

/**
 * The person a pronoun or description before `offset` most likely refers to, among those
 * `accepts` takes: in the last sentence with a prominent mention of one (not after a
 * preposition, not possessive), its subject, else a person introduced there with a role
 * (`Henry Crespo, president of …`), else its first prominent mention; failing all, the last
 * mention.
 */
function lastPersonBefore(people: People, offset: number, accepts: (person: Person) => boolean): Antecedent | null {
  let sentence: LinkedMention[] = [];
  let last: LinkedMention | null = null;
  for (const linked of people.mentions) {
    if (linked.mention.start >= offset) break;
    if (!accepts(linked.person)) continue;
    last = linked;
    if (!linked.mention.isProminent) continue;
    if (sentence[0] && sentence[0].mention.sentence !== linked.mention.sentence) sentence = [];
    sentence.push(linked);
  }
  const chosen = sentence.find(({ mention }) => mention.isSubject)
    ?? sentence.findLast(({ mention }) => mention.role !== null && mention.name.includes(' '))
    ?? sentence[0] ?? last;
  return chosen ? { person: chosen.person, at: chosen.mention.start } : null;
}

/** The person named last before `offset`: what `who` right after a name refers to. */
function personJustBefore(people: People, offset: number): Person | null {
  return people.mentions.findLast(({ mention }) => mention.start < offset)?.person ?? null;
}

function isGenderCompatible(person: Person, gender: Gender): boolean {
  const known = genderOf(person);
  return known === null || known === gender;
}

// How many sentence-opening pronouns a chain of references may run back through.
const MAX_PRONOUN_CHAIN = 20;

/** The position of the last subject (or newly introduced) mention before `offset` that fits. */
function lastSubjectBefore(people: People, offset: number, fits: (person: Person) => boolean): number {
  let at = -1;
  for (const { mention, person } of people.mentions) {
    if (mention.start >= offset) break;
    if (fits(person) && (mention.isSubject || mention.role !== null)) at = mention.start;
  }
  return at;
}

/**
 * The antecedent of a `gender` pronoun at `offset`. A sentence opening on a pronoun of that
 * gender after the last subject naming a fitting person continues that person's chain
 * (`Lynch said. … She has faced … over Hillary Clinton's emails. She said …`): follow it back.
 */
function pronounAntecedent(people: People, offset: number, gender: Gender, depth = 0): Antecedent | null {
  const fits = (candidate: Person): boolean => isGenderCompatible(candidate, gender);
  const named = lastPersonBefore(people, offset, fits);
  const link = people.subjectPronouns.findLast((pronoun) => pronoun.at < offset && pronoun.gender === gender);
  if (!link || depth >= MAX_PRONOUN_CHAIN || link.at < lastSubjectBefore(people, offset, fits)) return named;
  const chained = pronounAntecedent(people, link.at, gender, depth + 1);
  return chained ? { person: chained.person, at: link.at } : named;
}

/**
 * `he` / `she`: the last person referred to who fits, counting the speakers of earlier
 * quotations where their attributions refer to them (`"…," he said` refers to its speaker).
 */
function resolvePronoun(people: People, mention: SpeakerMention, previous: Antecedent | null): Person | null {
  const word = mention.text.toLowerCase();
  if (word === 'who') return personJustBefore(people, mention.start);
  const gender = PRONOUNS.get(word);
  if (gender !== 'male' && gender !== 'female') return null;
  const named = pronounAntecedent(people, mention.start, gender);
  const speakerFits = previous !== null && isGenderCompatible(previous.person, gender);
  if (speakerFits && (!named || previous.at > named.at)) return previous.person;
  return named?.person ?? null;
}

/** `the mayor`: the last person the text gave that title, else the last person named. */
function resolveDescription(people: People, mention: SpeakerMention): Person | null {
  const words = mention.text.toLowerCase().split(/\s+/);
  const head = words.find((word) => ROLE_NOUNS.has(word)) ?? null;
  if (!head) return null;
  const antecedent = lastPersonBefore(people, mention.start, (person) => person.roleWords.has(head))
    ?? lastPersonBefore(people, mention.start, () => true);
  return antecedent?.person ?? null;
}

function resolvePerson(people: People, mention: SpeakerMention, previous: Antecedent | null): Person | null {
  switch (mention.kind) {
    case 'name': return people.bySurname.get(surnameKey(mention.text)) ?? null;
    case 'pronoun': return resolvePronoun(people, mention, previous);
    case 'description': return resolveDescription(people, mention);
  }
}

/**
 * Resolves the speaker mentions of an article's quotations, in text order (`null` for a
 * quotation without one), to the fullest names and the roles the article gives.
 */
export function resolveSpeakers(people: People, mentions: Array<SpeakerMention | null>): ResolvedSpeaker[] {
  let previous: Antecedent | null = null;
  return mentions.map((mention) => {
    if (!mention) return NOBODY;
    const person = resolvePerson(people, mention, previous);
    if (person) previous = { person, at: mention.start };
    if (person) return describe(person);
    return mention.kind === 'name' ? { name: mention.text, role: null } : NOBODY;
  });
}
