/**
 * The people of an article: name mentions grouped into persons by surname and given name, with
 * the fullest name, the gender and the role the article gives each.
 */
import { countWords } from '../../load/words.js';
import { genderOfRole, type SubjectDescription, type UnnamedSubject } from './descriptions.js';
import { genderOfFirstName, isKnownFirstName } from '../text/first-names.js';
import { NAME_PARTICLES, NAME_SUFFIXES, PAST_MARKERS, pastRole, splitPastPrefix, type Gender } from '../text/lexicon.js';
import { surnameKey, type FoundName, type NameMention } from './names.js';
import { joinSecondOffices } from './person-nouns.js';
import { partyLabelWords } from './roles.js';

export interface Person {
  fullName: string;
  /** A title printed with the name (`Dr.`), from the first mention that gives one. */
  title: string | null;
  /** What says the gender, strongest first: an honorific, the given name, the role's noun, the pronouns after the name (genderOf). */
  titleGender: Gender | null;
  nameGender: Gender | null;
  /** The gender of the noun the text calls the person by (`his daughter`, `a spokeswoman for …`). */
  roleGender: Gender | null;
  pronounVotes: { male: number; female: number };
  role: string | null;
  /** Lowercase words of the person's titles and roles, to resolve `the senator`; roles held no more as `pastRole` gives them. */
  roleWords: Set<string>;
  /** Lowercase words of the places the text says the person is from, to resolve `the Ohioan`. */
  places: Set<string>;
  /** The mention that brought the person into the text: their first. */
  introduction: NameMention;
}

export interface LinkedMention {
  mention: NameMention;
  person: Person;
}

/** A `He` or `She` opening a sentence: a link in a chain of references to one person. */
export interface SubjectPronoun {
  at: number;
  gender: Gender;
  /** Index of its sentence, counted as for name mentions. */
  sentence: number;
}

/** The people of an article, and where the text names them. */
export interface People {
  /** By lowercase surname: the first person introduced with it. */
  bySurname: Map<string, Person>;
  /** By lowercase full name as written. */
  byFullName: Map<string, Person>;
  /** By lowercase given name (`Wang` of `Wang Xiaohong`, where the surname comes first). */
  byFirstWord: Map<string, Person>;
  /** Name mentions outside quotations, in text order, each with its person. */
  mentions: LinkedMention[];
  /** Sentence-opening `He` / `She` outside quotations, in text order. */
  subjectPronouns: SubjectPronoun[];
  /**
   * Sentence-opening descriptions of a person outside quotations (`The judge …`), in text order:
   * found when first asked for, as only a pronoun's antecedent needs them.
   */
  subjectDescriptions: () => readonly SubjectDescription[];
  /**
   * Sentence-opening indefinite descriptions of a person (`A spokeswoman for the ministry …`), in
   * text order: someone brought in without a name. Found when first asked for.
   */
  unnamedSubjects: () => readonly UnnamedSubject[];
}

/**
 * Adds the lowercase words of a title or role phrase to `roleWords`, with what follows `former`
 * marked as past (`former governor`). Built with plain loops into one set: run for most mentions
 * of every article, and a chain of array methods and spreads made a large function to compile,
 * compiled again whenever it met an array of another kind.
 */
function addRoleWordsOfPhrase(roleWords: Set<string>, phrase: string, past: boolean): void {
  const words: string[] = [];
  for (const word of phrase.toLowerCase().split(/[\s,()]+/)) {
    if (word !== '') words.push(...splitPastPrefix(word.replace(/['’]s$|\.$/, '')));
  }
  let marked = past;
  let member = false;
  const joined = joinSecondOffices(words);
  for (let index = 0; index < joined.length; index += 1) {
    const word = joined[index] as string;
    // `retired` also says what the person is now (`the pensioner`, `the retiree`).
    if (word === 'retired') roleWords.add(word);
    if (PAST_MARKERS.has(word)) marked = true;
    roleWords.add(marked ? pastRole(word) : word);
    for (const labelled of partyLabelWords(word)) roleWords.add(labelled);
    // `a former member of the provincial legislature for a Halifax riding`: the former legislator;
    // not a member of `the Congress party's youth wing`.
    if (word === 'member') member = true;
    else if (member && LEGISLATURES.has(word) && endsBody(joined[index + 1])) roleWords.add(marked ? pastRole('legislator') : 'legislator');
  }
}

// Bodies whose members are legislators (`a member of the state assembly`).
const LEGISLATURES = new Set(['legislature', 'parliament', 'assembly', 'congress']);
// Words that may follow the name of a legislature in a role phrase, its name ended (`for a Halifax riding`).
const AFTER_LEGISLATURE = new Set(['for', 'from', 'in', 'since', 'until', 'and', 'representing']);

/** Whether the word after a body's name in a role phrase ends that name: none, or a preposition. */
function endsBody(next: string | undefined): boolean {
  return next === undefined || AFTER_LEGISLATURE.has(next);
}

/** Adds the role words of the mention's titles, role, role phrases and role clause to `roleWords`. */
function addRoleWords(roleWords: Set<string>, mention: NameMention): void {
  if (mention.titles.length === 0 && mention.role === null && mention.clauseRoleWords.length === 0) return;
  addRoleWordsOfPhrase(roleWords, mention.titles.join(' '), !mention.titlesHeld);
  // The role is mostly one of the phrases, titles written out; a party label is only in the role.
  addRoleWordsOfPhrase(roleWords, mention.role ?? '', false);
  for (const phrase of mention.rolePhrases) {
    if (phrase !== mention.role) addRoleWordsOfPhrase(roleWords, phrase, false);
  }
  for (const word of mention.clauseRoleWords) roleWords.add(word);
}

/** Whether `role` says what `known` says and more: `owner of Maison Roux` of `owner`. */
function extendsRole(role: string, known: string): boolean {
  return role.length > known.length && role.startsWith(known) && role.charCodeAt(known.length) === 0x20;
}

function enrich(person: Person, mention: NameMention, mentionWords: number): void {
  const knownWords = countWords(person.fullName);
  const fuller = mentionWords > knownWords;
  // Read and stored every time, the same name unless the mention is fuller: done only for a fuller
  // mention (rare), they had never run when enrich was optimized, and their first run threw the
  // code away.
  const { name } = mention;
  person.fullName = fuller ? name : person.fullName;
  const fullNameWords = fuller ? mentionWords : knownWords;
  person.titleGender ??= mention.titleGender;
  // A surname alone may stand for a namesake (`Scott` for her husband): it votes only for a
  // person the text never names in full. Nor is it a given name (`Jordan Blake`, then `Blake`).
  const votes = mentionWords > 1 || fullNameWords === 1;
  if (votes) person.nameGender ??= mention.nameGender;
  if (person.roleGender === null && mention.role !== null) person.roleGender = genderOfRole(mention.role);
  if (mention.pronounGender && votes) person.pronounVotes[mention.pronounGender] += 1;
  // A role met again with more said of it (`the owner`, then `the owner of Maison Roux`) is the fuller one.
  person.role = person.role === null || (mention.role !== null && extendsRole(mention.role, person.role)) ? mention.role : person.role;
  person.title ??= mention.printedTitle;
  addRoleWords(person.roleWords, mention);
  // A place is also a word a description may qualify the person by (`the Ballinroe woman`).
  for (const place of mention.places) {
    person.places.add(place);
    person.roleWords.add(place);
  }
}

function newPerson(mention: NameMention): Person {
  return {
    fullName: mention.name, title: null, titleGender: null, nameGender: null, roleGender: null, pronounVotes: { male: 0, female: 0 }, role: null, roleWords: new Set<string>(), places: new Set<string>(),
    introduction: mention,
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

/** The person a name refers to, if the article names them already. */
export function findPerson(people: People, name: string): Person | undefined {
  return findPersonByKey(people, name, surnameKey(name), countWords(name));
}

/** findPerson, given the name's surname key and word count. */
function findPersonByKey(people: People, name: string, key: string, words: number): Person | undefined {
  if (words === 1) return people.bySurname.get(key) ?? people.byFirstWord.get(key) ?? misspelled(people.bySurname, key);
  const known = people.byFullName.get(name.toLowerCase());
  if (known) return known;
  // `Donald J. Trump` is `Donald Trump`; `Ivanka Trump` is someone else, and so is `Donald Trump Jr.`.
  const namesake = people.bySurname.get(key);
  if (namesake && ((firstWord(namesake.fullName) === firstWord(name) && suffixOf(namesake.fullName) === suffixOf(name)) || completesSurname(namesake, name) || isSurnameOf(namesake, name))) return namesake;
  // `his two sons, Lachlan, 44, and James, 43`, then `James Murdoch`: one known so far by the given
  // name alone, when the text has named their family (`Fraser, 23,` is not the club chairman
  // `Fraser Doig` named next).
  const given = people.bySurname.get(firstWord(name));
  return given && namesake && given.fullName.toLowerCase() === firstWord(name) ? given : undefined;
}

/** The suffix a full name ends in, lowercase (`jr.` of `Garrett Vollmer Jr.`), or '' when none. */
export function suffixOf(name: string): string {
  const last = name.slice(name.lastIndexOf(' ') + 1).toLowerCase();
  return NAME_SUFFIXES.has(last) ? last : '';
}

/**
 * `De Niro`, `Ó Murchú`, `Ortega Bravo`: a surname of more than one word, opening with its particle
 * or of two names (Spanish and Portuguese write both the father's and the mother's), the last
 * words of the person's full name after a given name.
 */
function isSurnameOf(namesake: Person, name: string): boolean {
  const endsWithName = namesake.fullName.toLowerCase().endsWith(` ${name.toLowerCase()}`);
  return endsWithName;
}

/**
 * The first of two surnames ending a name of three words or more after a given name (`ortega` of
 * `Ana Ortega Salas`), lowercase; null when that word is a given name too (`Mary Ann Shaw`), a
 * particle or an initial.
 */
function paternalSurname(name: string): string | null {
  const words = name.split(/\s+/);
  const word = words[words.length - 2] as string;
  const lower = word.toLowerCase();
  if (!isKnownFirstName(words[0] as string) || isKnownFirstName(word) || NAME_PARTICLES.has(lower) || NAME_SUFFIXES.has((words[words.length - 1] as string).toLowerCase()) || word.endsWith('.')) return null;
  return lower;
}

/**
 * Whether a full name is the one a person known so far by the surname alone goes by: a text may
 * call someone `Mr. Putin` before it names `Vladimir V. Putin`. Not when the given name says
 * another gender than the title did (`Mr. Clinton`, then `Hillary Clinton`), nor when a suffix
 * sets a relative apart (`Donald Trump Jr.`).
 */
function completesSurname(namesake: Person, name: string): boolean {
  if (countWords(namesake.fullName) !== 1) return false;
  const words = name.toLowerCase().split(/\s+/);
  if (words.some((word) => NAME_SUFFIXES.has(word))) return false;
  const known = namesake.titleGender ?? namesake.nameGender;
  const given = genderOfFirstName(words[0] ?? '', words.length > 1);
  return known === null || given === null || known === given;
}

/**
 * `Mrs Mulvey` after `Ciarán Mulvey` and `Aoife Mulvey`: a surname alone names the first person
 * introduced with it unless its title is another than the one that person was introduced with and
 * a namesake was introduced with it, or its title says another gender than that person's; then it
 * names the namesake known to be of the title's gender that the text introduced last, if it has
 * one. (One of unknown gender is not taken: `Mr. Khan` is not the son the text names next, when
 * the father goes by his given name.)
 */
function namesakeOfTitle(people: People, first: Person, key: string, titleGender: Gender | null, title: string | null): Person {
  // `Prof. Marchetti` after `Dr. Elena Marchetti and Prof. Luca Marchetti`: the one of that title.
  if (title !== null && first.title !== null && first.title !== title) {
    for (const person of people.byFullName.values()) {
      if (person !== first && person.title === title && surnameKey(person.fullName) === key) return person;
    }
  }
  const firstGender = genderOf(first);
  if (titleGender === null || firstGender === null || firstGender === titleGender) return first;
  // The one of them the text brought in last: `Ms. Keane` after `the son of … Nora Keane`, then
  // `His survivors include a daughter, Siobhan Keane`, is the daughter.
  let namesake = first;
  for (const person of people.byFullName.values()) {
    if (person !== first && surnameKey(person.fullName) === key && genderOf(person) === titleGender) namesake = person;
  }
  return namesake;
}

/** What the text says of its people beside their names, read by the caller (all optional). */
export interface PeopleContext {
  subjectPronouns?: SubjectPronoun[];
  subjectDescriptions?: () => readonly SubjectDescription[];
  unnamedSubjects?: () => readonly UnnamedSubject[];
  /** The nickname written inside a name (`Danny "Bulldog" Brennan`), by the offset of the given name before it. */
  nicknames?: ReadonlyMap<number, string>;
}

const NO_NICKNAMES: ReadonlyMap<number, string> = new Map();

/**
 * Groups the names found (each one that can be a person's) into people. A mention that names
 * nobody known yet starts a new person when it can be one (`isPerson`, or a name quotations are
 * attributed to: `knownSpeakers`).
 * A surname alone (`Trump`, `Mr. Clyburn`) or a given name written first (`Wang`) joins the
 * person introduced with it.
 */
export function collectPeople(names: FoundName[], knownSpeakers: Set<string>, context: PeopleContext = {}): People {
  const { subjectPronouns = [], subjectDescriptions = () => [], unnamedSubjects = () => [], nicknames = NO_NICKNAMES } = context;
  const people: People = { bySurname: new Map(), byFullName: new Map(), byFirstWord: new Map(), mentions: [], subjectPronouns, subjectDescriptions, unnamedSubjects };
  // People by the nickname written inside their name, for a word that is no one's name on its own.
  const byNickname = new Map<string, Person>();
  for (const found of names) {
    const key = surnameKey(found.name);
    const words = countWords(found.name);
    let person = findPersonByKey(people, found.name, key, words);
    // `said Bulldog`: the nickname; not `His son, Ted,`, someone of that name in their own right.
    if (!person && words === 1 && !found.isPerson) person = byNickname.get(key);
    if (!person && !(found.isPerson || knownSpeakers.has(found.name))) continue;
    // Only now is the rest of the mention read: most names found are passed over above.
    const mention = found.mention();
    if (person && words === 1) person = namesakeOfTitle(people, person, key, mention.titleGender, mention.printedTitle);
    person ??= newPerson(mention);
    // A surname alone names the first person introduced with it, not a relative named later.
    if (!people.bySurname.has(key)) people.bySurname.set(key, person);
    // `Ana Ortega Salas … Ortega said`: the first of a double surname names the person too, where
    // the text says who they are or has them act (not a headline's run of words: `Mike Pence Calls for …`).
    const paternal = words > 2 && mention.isProminent && (mention.role !== null || mention.isSubject) ? paternalSurname(mention.name) : null;
    if (paternal !== null && !people.bySurname.has(paternal)) people.bySurname.set(paternal, person);
    if (words > 1) {
      people.byFullName.set(mention.name.toLowerCase(), person);
      people.byFirstWord.set(firstWord(mention.name), person);
    }
    enrich(person, mention, words);
    people.mentions.push({ mention, person });
    // `Danny "Bulldog" Brennan`, then `said Bulldog`: the nickname alone names the person too.
    for (const [at, nickname] of nicknames) {
      if (at >= mention.start && at < mention.end && !byNickname.has(surnameKey(nickname))) byNickname.set(surnameKey(nickname), person);
    }
  }
  return people;
}

/** The name to print: the fullest name, after the title the article gives (`Dr. Helen Marsh`). */
export function printedName(person: Person): string {
  return person.title ? `${person.title} ${person.fullName}` : person.fullName;
}

/** The person's gender: an honorific's, else the given name's, else the role noun's, else the pronouns' that follow the name. */
export function genderOf(person: Person): Gender | null {
  const known = person.titleGender ?? person.nameGender ?? person.roleGender;
  if (known) return known;
  const { male, female } = person.pronounVotes;
  if (male === female) return null;
  return male > female ? 'male' : 'female';
}

/**
 * A quotation's `he` or `she` resolved to someone the text gave no gender yet (`Rep. Dana Holt`,
 * `"Did not," she said.`): the pronoun tells the reader, and it counts like one after the name,
 * so that a later `he` is not taken for her too.
 */
export function learnGenderFromPronoun(person: Person, gender: Gender): void {
  if (genderOf(person) === null) person.pronounVotes[gender] += 1;
}
