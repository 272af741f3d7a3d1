/**
 * Resolves the mention a quotation is attributed to (`he`, `Trump`, `the mayor`) to the fullest
 * name the article gives that person, and to the role it gives them.
 */
import { countBefore } from '../../count-before.js';
import { partyOfWord, readDescription, type Description, type SubjectDescription, type UnnamedSubject } from './descriptions.js';
import { isPastRole, KINSHIP_NOUNS, PRONOUNS, type Gender } from '../text/lexicon.js';
import { surnameKey, type NameMention } from './names.js';
import { findPerson, genderOf, learnGenderFromPronoun, printedName, suffixOf, type LinkedMention, type People, type Person, type SubjectPronoun } from './people.js';
import { isListedPersonNoun } from './person-nouns.js';
import { statesAmong } from './roles.js';

export type MentionKind = 'name' | 'pronoun' | 'description';

/** The words an attribution rests on, next to the quotation. */
export interface SpeakerMention {
  start: number;
  end: number;
  kind: MentionKind;
  /** For names, the name without titles; otherwise the words as written. */
  text: string;
}

export interface ResolvedSpeaker {
  name: string | null;
  role: string | null;
}

const NOBODY: ResolvedSpeaker = { name: null, role: null };

function describe(person: Person): ResolvedSpeaker {
  return { name: printedName(person), role: person.role === null ? null : shownRole(person.role) };
}

// `its director`: the organization `its` stands for is named in another sentence, and a reader
// shown the quotation alone learns only `director` from it.
const ORGANIZATION_POSSESSIVE = /^its\s+/i;

/** The role as a reader is shown it beside the quotation, away from the sentence it was read in. */
function shownRole(role: string): string {
  return role.replace(ORGANIZATION_POSSESSIVE, '');
}

function mentionStart(linked: LinkedMention): number {
  return linked.mention.start;
}

interface Antecedent {
  person: Person;
  /** Where the text refers to them, and in which sentence. */
  at: number;
  sentence: number;
}

/** The speaker of the last quotation, where its attribution refers to them. */
interface PreviousSpeaker extends Pick<Antecedent, 'person' | 'at'> {
  /** Whether their quotation was a question: the next may be someone else's answer. */
  asked: boolean;
}

/**
 * The person a pronoun or description before `offset` most likely refers to, among those
 * `accepts` takes: in the last sentence with a prominent mention of one (not after a
 * preposition, not possessive), the one asked a question, else the subject of a clause set
 * against the one before (`…, but Soderlund was optimistic`), else its subject (of a main clause
 * first), else a person
 * introduced there with a role
 * (`Henry Crespo, president of …`), else its first prominent mention; failing all, the last
 * mention.
 */
function lastPersonBefore(people: People, offset: number, accepts: (person: Person) => boolean): Antecedent | null {
  // Walk back from the offset: the cost is the distance to the antecedent, not the text length,
  // up to MAX_ANTECEDENT_MENTIONS names back.
  let last: LinkedMention | null = null;
  const sentence: LinkedMention[] = [];
  const from = countBefore(people.mentions, offset, mentionStart) - 1;
  for (let index = from; index >= 0 && from - index < MAX_ANTECEDENT_MENTIONS; index -= 1) {
    const linked = people.mentions[index] as LinkedMention;
    if (sentence[0] && sentence[0].mention.sentence !== linked.mention.sentence) break;
    if (!accepts(linked.person)) continue;
    last ??= linked;
    if (linked.mention.isProminent) sentence.unshift(linked);
  }
  // The one asked answers (`Conroy asked Sanders whether …. "…," he said`).
  // A clause set against the first moves the story on to its subject (`Marchetti declined to
  // comment, but Soderlund was optimistic. "…," she said`); a main clause's subject stands before
  // one of a clause of time or concession (`Although coach Ray Dobbs said little, Trent Lyle was blunt`).
  const chosen = sentence.find(({ mention }) => mention.isAsked)
    ?? sentence.findLast(({ mention }) => mention.isSubject && mention.opensContrast)
    ?? sentence.find(({ mention }) => mention.isSubject && !mention.isSubordinate)
    ?? sentence.find(({ mention }) => mention.isSubject)
    ?? sentence.findLast(({ mention }) => mention.role !== null && mention.name.includes(' '))
    ?? sentence[0] ?? last;
  return chosen ? { person: chosen.person, at: chosen.mention.start, sentence: chosen.mention.sentence } : null;
}

// How many names back a pronoun or a description is looked for: no story refers so far back
// (the longest article of the evaluation sets names 530 people and places in all). Without a
// bound, one nobody fits was looked for through every earlier name, and text made of such
// quotations took time growing with the square of its length.
const MAX_ANTECEDENT_MENTIONS = 150;

// How far `who` may stand from the name it takes up: a comma, or a party label (`(R-Texas), who`).
const MAX_RELATIVE_GAP = 16;

/**
 * The person named right before `offset`: what `who` after a name refers to. Null when the name
 * is further off: then `who` takes up a description (`an intelligence source, who …`).
 */
function personJustBefore(people: People, offset: number): Person | null {
  const linked = people.mentions[countBefore(people.mentions, offset, mentionStart) - 1];
  return linked && offset - linked.mention.end <= MAX_RELATIVE_GAP ? linked.person : null;
}

function isGenderCompatible(person: Person, gender: Gender): boolean {
  const known = genderOf(person);
  return known === null || known === gender;
}

// How many sentence-opening pronouns a chain of references may run back through.
const MAX_PRONOUN_CHAIN = 20;

/** The sentence of the last subject (or newly introduced) mention before `offset` that fits. */
function lastSubjectSentenceBefore(people: People, offset: number, fits: (person: Person) => boolean): number {
  for (let index = countBefore(people.mentions, offset, mentionStart) - 1; index >= 0; index -= 1) {
    const { mention, person } = people.mentions[index] as LinkedMention;
    if (fits(person) && (mention.isSubject || mention.role !== null)) return mention.sentence;
  }
  return -1;
}

/**
 * The antecedent of a `gender` pronoun at `offset`. A sentence opening on a pronoun of that
 * gender, no earlier than the sentence of the last subject naming a fitting person, continues
 * that person's chain (`Lynch said. … She has faced … over Hillary Clinton's emails. She said …`;
 * `Mr. Lou said …. But he suggested that Mr. Lew had …`): follow it back.
 */
function pronounAntecedent(people: People, offset: number, gender: Gender, excluded: ReadonlySet<Person>, depth = 0): Antecedent | null {
  const fits = (candidate: Person): boolean => isGenderCompatible(candidate, gender) && !excluded.has(candidate);
  const lastNamed = lastPersonBefore(people, offset, fits);
  // A sentence about someone by a description (`The judge would have none of it.`) after the last
  // one naming a fitting person is more recent: the pronoun refers to the one described.
  const named = describedSubjectBefore(people, offset, lastNamed, fits) ?? lastNamed;
  const link = lastSubjectPronoun(people, offset, gender);
  if (!link || depth >= MAX_PRONOUN_CHAIN || link.sentence < lastSubjectSentenceBefore(people, offset, fits)) return named;
  // A person named in a sentence after the link's is more recent than the chain: it takes over
  // (`He …. Kasich, who brags …, doesn't pretend …. "…," he told reporters`); a name later in
  // the link's own sentence does not (`But he suggested that Mr. Lew had …`).
  if (named && named.sentence > link.sentence) return named;
  const chained = pronounAntecedent(people, link.at, gender, excluded, depth + 1);
  return chained ? { person: chained.person, at: link.at, sentence: link.sentence } : named;
}

/** The last sentence before `offset` that opens on a description of a person (`The judge …`). */
function lastDescribedSubject(people: People, offset: number): SubjectDescription | undefined {
  const subjects = people.subjectDescriptions();
  return subjects[countBefore(subjects, offset, subjectStart) - 1];
}

/**
 * The person the last sentence before `offset` that opens on a description (`The judge …`, `His
 * father …`) is about, when that description comes after the antecedent named last (`after`): in a
 * later sentence, or later in its sentence, as its subject (`Asked whether Mrs. Truitt would vote,
 * the lawyer smiled`); and the text named before it a person `fits` takes who has that role or is
 * that relative. An earlier such sentence is not looked for: the last one is about someone else.
 */
function describedSubjectBefore(people: People, offset: number, after: Antecedent | null, fits: (person: Person) => boolean): Antecedent | null {
  const subject = lastDescribedSubject(people, offset);
  // A name later in the sentence is more recent only as the subject of its main clause, not in a
  // clause of time or reason (`The Rovers manager said he had not planned to use him until Ness was booked`).
  if (!subject) return null;
  const laterInSentence = after !== null && subject.sentence === after.sentence && subject.start < after.at && !isSubordinateAt(people, after.at);
  if (after && (subject.sentence < after.sentence || laterInSentence)) return null;
  const { description } = subject;
  const fitting = (person: Person) => fits(person) && fitsDescription(person, description);
  const mention: SpeakerMention = { start: subject.start, end: subject.end, kind: 'description', text: subject.text };
  // Only someone named before: the one a pronoun after the sentence can refer to.
  const relative = relativeOf(people, mention, description, fitting);
  const person = relative === NOT_KINSHIP ? lastHolderBefore(people, subject.start, description, holdsRoleOf(description, fitting), fitting) : relative;
  return person ? { person, at: subject.start, sentence: subject.sentence } : null;
}

/** The name mention that starts at offset `at`, if one does. */
function mentionAt(people: People, at: number): NameMention | undefined {
  const linked = people.mentions[countBefore(people.mentions, at + 1, mentionStart) - 1];
  return linked !== undefined && linked.mention.start === at ? linked.mention : undefined;
}

/** Whether the name mention at offset `at` stands in a clause of time or reason. */
function isSubordinateAt(people: People, at: number): boolean {
  return mentionAt(people, at)?.isSubordinate ?? false;
}

/**
 * Whether the name at `at` was said in the sentence that named the last quotation's speaker,
 * not as its subject (`"…," said Tom Reyes, an aide to Governor Mark Hale.`, `… told Ana Ruiz.`):
 * the sentence is about the speaker, and a pronoun after it still refers to them. Not after a
 * question, which the one it was put to may answer (`"Will you run?" asked Tom Conroy of Mark Hale`).
 */
function namedBesideSpeaker(people: People, at: number, previous: PreviousSpeaker): boolean {
  if (previous.asked) return false;
  const speaker = mentionAt(people, previous.at);
  const named = mentionAt(people, at);
  return speaker !== undefined && named !== undefined && named.sentence === speaker.sentence && !named.isSubject && !named.isAsked;
}

function subjectStart(subject: SubjectDescription): number {
  return subject.start;
}

function lastSubjectPronoun(people: People, offset: number, gender: Gender): SubjectPronoun | null {
  for (let index = countBefore(people.subjectPronouns, offset, (pronoun) => pronoun.at) - 1; index >= 0; index -= 1) {
    const pronoun = people.subjectPronouns[index] as SubjectPronoun;
    if (pronoun.gender === gender) return pronoun;
  }
  return null;
}

/**
 * `he` / `she`: the last person referred to who fits, counting the speakers of earlier
 * quotations where their attributions refer to them (`"…," he said` refers to its speaker).
 * `they` is one person where the quotation says `I` (`Makowsky, the rink's manager, let out a
 * breath. "I've been running this place …," they said`): the last person referred to.
 */
function resolvePronoun(people: People, mention: SpeakerMention, previous: PreviousSpeaker | null, excluded: ReadonlySet<Person>, speaksAsOne: boolean): Person | null {
  const word = mention.text.toLowerCase();
  if (word === 'who') return personJustBefore(people, mention.start);
  if (word === 'they') return speaksAsOne ? lastPersonBefore(people, mention.start, (person) => !excluded.has(person))?.person ?? null : null;
  const gender = PRONOUNS.get(word);
  if (gender !== 'male' && gender !== 'female') return null;
  const named = pronounAntecedent(people, mention.start, gender, excluded);
  const speakerFits = previous !== null && isGenderCompatible(previous.person, gender) && !excluded.has(previous.person);
  // A sentence about someone by a description after the last quotation (`The young mother …
  // said she …`) is about someone else than its speaker, found or not.
  const describedSince = previous !== null && (lastDescribedSubject(people, mention.start)?.start ?? -1) > previous.at;
  if (speakerFits && !describedSince && (!named || previous.at > named.at || namedBesideSpeaker(people, named.at, previous))) return previous.person;
  return named?.person ?? null;
}

/** The first person named after `offset` whom `accepts` takes: one the text names only later (`the judge …. Judge Berman`). */
function firstPersonAfter(people: People, offset: number, accepts: (person: Person) => boolean): Person | null {
  for (let index = countBefore(people.mentions, offset, mentionStart); index < people.mentions.length; index += 1) {
    const { person } = people.mentions[index] as LinkedMention;
    if (accepts(person)) return person;
  }
  return null;
}

// An indefinite article brings in someone new (`"…," a spokeswoman for the agency said`).
const INDEFINITE = /^(?:a|an|one)\s/i;
const ANOTHER = /^another\s/i;
// `my old headmistress`, `our neighbour`: someone of the writer's, whom the text does not name.
const THE_WRITERS = /^(?:my|our)\s/i;
// `his spokesman`, `her aide`, `their lawyer`: a description of someone by whose they are.
const OF_A_PRONOUN = /^(?:his|her|their)\s/i;
// Heads of a description of one who speaks for someone else (`his spokesman`, `her press secretary`, `his chief of staff`).
const SPEAKS_FOR_ANOTHER = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'aide', 'secretary', 'manager', 'director', 'lawyer', 'attorney', 'adviser',
  'advisor', 'staffer', 'assistant', 'publicist', 'agent', 'representative', 'strategist', 'chief',
]);

const POSSESSIVE_GENDERS = new Map<string, Gender>([['his', 'male'], ['her', 'female']]);

// A relative's word for one the text called another while the one the possessive is of lived
// (`his wife, Aoife`, then `his widow said`).
const KIN_CALLED_BEFORE = new Map([['widow', 'wife'], ['widower', 'husband']]);

// A relative's word after a possessive noun for someone unnamed (`a steelworker's son`).
const KIN_OF_DESCRIBED = /(?:^|\s)\p{Ll}[\p{L}-]*['’]s\s+(\p{Ll}+)/u;

/**
 * Whether the text called the person that relative of someone it only describes (`Declan Keane, a
 * steelworker's son`): then `his son` is not the person, whom `his` refers to.
 */
function isKinOfSomeoneDescribed(person: Person, kin: string): boolean {
  return person.role !== null && KIN_OF_DESCRIBED.exec(person.role)?.[1] === kin;
}

// What `relativeOf` answers for a description that is no possessive and a word for a relative.
const NOT_KINSHIP = undefined;

// The surnames of each article's people, made once an article (namesWhose is asked of many people).
const surnamesOfPeople = new WeakMap<People, ReadonlySet<string>>();

/** Whether the person's role words hold the surname of someone the text names, themselves included (`Nora Quill's husband`). */
function namesWhose(people: People, person: Person): boolean {
  let surnames = surnamesOfPeople.get(people);
  if (!surnames) {
    surnames = new Set(people.mentions.map((linked) => surnameKey(linked.person.fullName)));
    surnamesOfPeople.set(people, surnames);
  }
  for (const word of person.roleWords) if (surnames.has(word)) return true;
  return false;
}

/**
 * `her husband`, `his son`: the person the text names with the surname of the one the possessive
 * refers to, of the gender the noun gives, or one it called that relative of theirs (`Her
 * husband, Tom Quill,`); the one named last when the text already called them so (`Fennelly's
 * father, Mick Fennelly, coached him. His father …`). Failing those, the last one the text called
 * that relative of someone it does not name (`The winner's mother, Esther Maritim, …. "…," his
 * mother said`: `his` is the winner's). Null when there is none: `her husband` is not another
 * named woman's (`Nora Quill's husband`). Undefined (NOT_KINSHIP) for any other description.
 */
function relativeOf(people: People, mention: SpeakerMention, description: Description, fits: (person: Person) => boolean): Person | null | undefined {
  const possessive = mention.text.slice(0, mention.text.indexOf(' ')).toLowerCase();
  const ownerGender = POSSESSIVE_GENDERS.get(possessive);
  if (ownerGender === undefined || !KINSHIP_NOUNS.has(description.head)) return NOT_KINSHIP;
  // Whom `her` refers to, as a pronoun would: through a chain of sentences opening on `she` (`She
  // met Lionel Greer …. "…," her husband said` is the woman the chain is about).
  const owner = pronounAntecedent(people, mention.start, ownerGender, NO_ONE)?.person;
  const kin = KIN_CALLED_BEFORE.get(description.head) ?? description.head;
  const calledKin = (person: Person) => person.roleWords.has(description.head) || person.roleWords.has(kin);
  // Called that relative of someone the text does not name: no name's surname among the role's words (`Nora Quill's husband` is hers).
  const calledThat = (person: Person) => person !== owner && fits(person) && calledKin(person) && !namesWhose(people, person);
  const anyoneCalledThat = () => lastPersonBefore(people, mention.start, calledThat)?.person ?? null;
  if (!owner) return anyoneCalledThat();
  if (fits(owner) && calledKin(owner) && !isKinOfSomeoneDescribed(owner, description.head)) return owner;
  const family = surnameKey(owner.fullName);
  // Called that relative of the owner's: of their family, or by the same possessive (`Her husband,
  // Tom Quill`) or the couple's (`survived by his wife, Aoife; their son, Kerry`).
  const calledSo = (person: Person) => calledKin(person) && (person.roleWords.has(family) || person.roleWords.has(possessive) || person.roleWords.has('their'));
  const isRelative = (person: Person) => person !== owner && fits(person) && (surnameKey(person.fullName) === family || calledSo(person));
  // Failing those, one who shares a surname with someone else the text names, a family the
  // possessive may be of, and whom the text made no named person's relative (`Declan Furlong ….
  // Devane handed in a letter from Catherine Furlong. "…," his wife wrote`).
  const ofAFamily = (person: Person) => person !== owner && fits(person) && !namesWhose(people, person) && hasNamesake(people, person);
  // One of the family the text called that relative first (`Tom Cole, her husband …; Robin Cole, their son`).
  const calledRelative = (person: Person) => isRelative(person) && calledKin(person);
  return lastPersonBefore(people, mention.start, calledRelative)?.person ?? lastPersonBefore(people, mention.start, isRelative)?.person
    ?? firstPersonAfter(people, mention.end, isRelative) ?? anyoneCalledThat()
    ?? lastPersonBefore(people, mention.start, ofAFamily)?.person ?? null;
}

/** Whether the text names someone else with the person's surname. */
function hasNamesake(people: People, person: Person): boolean {
  return (namesakeIndex(people).bySurname.get(surnameKey(person.fullName)) ?? []).some((other) => other !== person);
}

/**
 * Whether the antecedent lastPersonBefore found is named there for the first time, prominently
 * (not after a preposition, not possessive), after `since` (the previous quotation's attribution):
 * news names a new speaker and then quotes them by a role it had not given them (`Priya Natarajan
 * of Halvorsen Securities said …. "…," the analyst said`).
 */
function isIntroducedSince(antecedent: Antecedent, since: number): boolean {
  const { introduction } = antecedent.person;
  return antecedent.at > since && introduction.start === antecedent.at && introduction.isProminent;
}

/**
 * `the coach`: the last person the text gave that role (or one it stands for: `the senator` is
 * `Sen. X`), of the gender the noun implies, or one tied to its proper names named since
 * (holderOrTiedBefore: `the Idaho Republican`); else the person just introduced
 * (isIntroducedSince); else the first given that role later; else, for a definite description,
 * the last person of that gender referred to, by name or by a sentence about them by a
 * description since the last quotation (`The founder, who …, has given the sale his blessing. The
 * 72-year-old said`), as news writing calls the person it is about by a new epithet (`the
 * 46-year-old`, `the real estate developer`). A later holder of the role is not taken over someone
 * just introduced: that is a second one (`Jasmine Okoro, an analyst at …, was more cautious`). An
 * indefinite description (`a spokeswoman for the agency`) is someone the text has not named,
 * unless it gave someone that very role, in the same words.
 */
function resolveDescription(people: People, mention: SpeakerMention, excluded: ReadonlySet<Person>, previous: PreviousSpeaker | null): Person | null {
  const byAge = AGE_COMPARISON.exec(mention.text);
  if (byAge) return personByAge(people, mention.start, byAge[1]?.toLowerCase() === 'younger', excluded);
  const namesake = NAMESAKE_BY_AGE.exec(mention.text);
  if (namesake) {
    // Else the name alone, as when it stands without `the younger`.
    const name = namesake[2] as string;
    const named: SpeakerMention = { start: mention.end - name.length, end: mention.end, kind: 'name', text: name };
    return namesakeByAge(people, namesake[3] as string, namesake[1] === 'younger', excluded) ?? linkedPersonAt(people, named) ?? findPerson(people, name) ?? null;
  }
  const description = readDescription(mention.text);
  if (!description) return null;
  const named = nameSetOffAfter(people, mention);
  if (named && !excluded.has(named) && fitsDescription(named, description)) return named;
  const possessors = possessorsOf(people, mention.text);
  const fits = (person: Person) => !excluded.has(person) && fitsDescription(person, description) && !isOfSomeoneElse(people, person, possessors);
  // `another supporter`: by its word, not the one the text named.
  if (ANOTHER.test(mention.text) || THE_WRITERS.test(mention.text)) return null;
  if (INDEFINITE.test(mention.text)) {
    // Someone new, unless the text gave someone this very role (`Ana Ruiz, a spokeswoman for the
    // agency,`): `a Twitter spokesman` is not the White House's.
    const repeats = (person: Person) => fits(person) && description.words.every((word) => person.roleWords.has(word));
    return lastPersonBefore(people, mention.start, repeats)?.person ?? null;
  }
  const relative = relativeOf(people, mention, description, fits);
  if (relative !== NOT_KINSHIP) return relative;
  const holds = holdsRoleOf(description, fits);
  const said = saidBefore(people, mention.start, description, holds, fits);
  if (said) return said;
  const qualified = preferredHolder(description, holds, fits);
  // `his spokesman`, `her press secretary`: one who speaks for the person the pronoun names. Only
  // one the text gave the role is them: the last person named is most often the one spoken for.
  if (SPEAKS_FOR_ANOTHER.has(description.head) && OF_A_PRONOUN.test(mention.text)) {
    return (qualified && lastPersonBefore(people, mention.start, qualified)?.person) ?? holderBefore(people, mention.start, description, holds, fits)?.person ?? null;
  }
  const lastFitting = lastPersonBefore(people, mention.start, fits);
  const introduced = lastFitting && isIntroducedSince(lastFitting, previous?.at ?? -1) ? lastFitting.person : null;
  const namedLater = (accepts: (person: Person) => boolean) => (introduced ? null : firstPersonAfter(people, mention.end, accepts));
  const holder = holderBefore(people, mention.start, description, holds, fits);
  return (qualified && (lastPersonBefore(people, mention.start, qualified)?.person ?? namedLater(qualified)))
    ?? (holder && misfits(holder.person, description, possessors) ? namedSince(holder, lastFitting) : null) ?? holder?.person ?? introduced ?? namedLater(holds)
    ?? describedSince(people, mention.start, lastFitting, fits, previous)?.person ?? lastFitting?.person ?? null;
}

/**
 * The person an earlier sentence was about by the same description, qualified (`The Russian leader
 * was alternately pugnacious and conciliatory. … "…," the Russian leader said`): the holder it
 * referred to where it stood, before people named since (`Sepp Blatter, the embattled president of
 * FIFA`) could take it over. Null for a bare role (`the senator`), which may be another holder by then.
 */
function saidBefore(people: People, offset: number, description: Description, holds: (person: Person) => boolean, fits: (person: Person) => boolean): Person | null {
  if (description.words.length < 2) return null;
  const same = (subject: SubjectDescription) => subject.description.words.join(' ') === description.words.join(' ');
  const subjects = people.subjectDescriptions();
  const last = countBefore(subjects, offset, subjectStart) - 1;
  for (let index = last; index >= 0 && last - index < MAX_EARLIER_DESCRIPTIONS; index -= 1) {
    const subject = subjects[index] as SubjectDescription;
    if (same(subject)) return lastHolderBefore(people, subject.start, description, holds, fits) ?? null;
  }
  return null;
}

// How many sentences about someone by a description saidBefore looks back over: news repeats an
// epithet within a few paragraphs, and a search of all of them made each description's reading
// grow with the text.
const MAX_EARLIER_DESCRIPTIONS = 12;

// The most characters between a description and the name set off after it (`, `).
const MAX_APPOSITION_GAP = 2;

/** `said the moderator, Gina Albrecht`: the person the text names right after the description, set off by a comma. */
function nameSetOffAfter(people: People, mention: SpeakerMention): Person | null {
  const next = people.mentions[countBefore(people.mentions, mention.end, mentionStart)];
  const gap = next === undefined ? Infinity : next.mention.start - mention.end;
  return next !== undefined && gap > 0 && gap <= MAX_APPOSITION_GAP ? next.person : null;
}

// `the younger of the two executives`, `the elder of the two brothers`: one of the last two people
// the text gave an age, told apart by it.
const AGE_COMPARISON = /^the (younger|older|elder) of the two\b/i;
const AGE_WORD = /^(\d+)-year-old$/;

/** The younger (or older) of the last two people named before `offset` whose ages the text gave; null when they are of one age. */
function personByAge(people: People, offset: number, younger: boolean, excluded: ReadonlySet<Person>): Person | null {
  const aged: Array<{ person: Person; age: number }> = [];
  for (let index = countBefore(people.mentions, offset, mentionStart) - 1; index >= 0 && aged.length < 2; index -= 1) {
    const { person } = people.mentions[index] as LinkedMention;
    const age = ageOf(person);
    if (age !== null && !aged.some((other) => other.person === person)) aged.push({ person, age });
  }
  const chosen = youngerOrElderOf(aged, younger);
  return chosen && !excluded.has(chosen) ? chosen : null;
}

/** Of exactly two people with their ages, the younger (or the elder); null when they are of one age. */
function youngerOrElderOf(aged: ReadonlyArray<{ person: Person; age: number }>, younger: boolean): Person | null {
  const [first, second] = aged;
  if (aged.length !== 2 || !first || !second || first.age === second.age) return null;
  return (first.age < second.age) === younger ? first.person : second.person;
}

// `the younger Mr. Trump`, `the elder Mr Ong`: one of two namesakes, told apart by a suffix or their ages.
const NAMESAKE_BY_AGE = /^[Tt]he (younger|elder|older) ((?:(?:Mr|Mrs|Ms|Dr)\.? )?(\p{Lu}[\p{L}'’-]+))$/u;

/**
 * Of the people with the surname the text named, with a junior's suffix (`Donald Trump Jr.`) and
 * without, the one with it (`younger`) or the one without; of two it gave ages, the younger or the
 * elder; else null.
 */
function namesakeByAge(people: People, surname: string, younger: boolean, excluded: ReadonlySet<Person>): Person | null {
  const key = surname.toLowerCase();
  const { bySurname, byFirstWord } = namesakeIndex(people);
  const withSurname = bySurname.get(key) ?? [];
  // A name written surname first (`Ong Kah Hock`) shares its first word; looked for only where
  // the surname does not name two (`Pruett Ford`, a dealership, beside two Harlan Pruetts).
  const namesakes = withSurname.length >= 2 ? withSurname : [...withSurname, ...(byFirstWord.get(key) ?? [])];
  const junior = namesakes.find((person) => isJunior(person.fullName));
  const senior = namesakes.find((person) => !isJunior(person.fullName));
  const aged = namesakes.flatMap((person) => {
    const age = ageOf(person);
    return age === null ? [] : [{ person, age }];
  });
  const chosen = junior && senior ? (younger ? junior : senior) : youngerOrElderOf(aged, younger);
  return chosen && !excluded.has(chosen) ? chosen : null;
}

/** The people of a text by surname and by the first word of their names, lowercase. */
interface NamesakeIndex {
  bySurname: Map<string, Person[]>;
  byFirstWord: Map<string, Person[]>;
}

// Made once a text, when a description first asks: a search of every person for each
// `the younger Mr. X` grew with the square of the text.
const NAMESAKE_INDEXES = new WeakMap<People, NamesakeIndex>();

function namesakeIndex(people: People): NamesakeIndex {
  let index = NAMESAKE_INDEXES.get(people);
  if (index === undefined) {
    index = { bySurname: new Map(), byFirstWord: new Map() };
    for (const person of people.byFullName.values()) {
      const name = person.fullName.toLowerCase();
      listUnder(index.bySurname, surnameKey(person.fullName), person);
      const space = name.indexOf(' ');
      if (space > 0) listUnder(index.byFirstWord, name.slice(0, space), person);
    }
    NAMESAKE_INDEXES.set(people, index);
  }
  return index;
}

function listUnder(map: Map<string, Person[]>, key: string, person: Person): void {
  const listed = map.get(key);
  if (listed) listed.push(person);
  else map.set(key, [person]);
}

/** Whether the full name ends in a junior's suffix (`Jr.`, `II`), not a senior's or none. */
function isJunior(fullName: string): boolean {
  const suffix = suffixOf(fullName);
  return suffix !== '' && !suffix.startsWith('sr');
}

/** The age the text gave the person (`Neil Abernethy, 44,` → 44), or null. */
function ageOf(person: Person): number | null {
  for (const word of person.roleWords) {
    const age = AGE_WORD.exec(word)?.[1];
    if (age !== undefined) return Number(age);
  }
  return null;
}

// Words that say a role was taken up only now (`the new MP`, `the first-term MP`, `the caretaker boss`).
const NEWLY_IN_ROLE = new Set(['new', 'first-time', 'first-term', 'freshman', 'rookie', 'incoming', 'caretaker', 'interim', 'acting', 'newest']);

/**
 * Whether the holder of a description's role is one its other words do not fit: it is someone's
 * (`Okafor's manager`) and nothing ties the holder to them, or it says the role is new (`the new
 * MP`, `the caretaker boss`) and the text did not say so of the holder.
 */
function misfits(holder: Person, description: Description, possessors: readonly string[]): boolean {
  if (possessors.length > 0 && !possessors.some((name) => holder.roleWords.has(name))) return true;
  const newly = description.words.filter((word) => NEWLY_IN_ROLE.has(word));
  return newly.length > 0 && !newly.some((word) => holder.roleWords.has(word));
}

/**
 * The last person who fits, if named since the holder: the one the text turned to (`Renata Szabo
 * was not buying it. "…," Okafor's manager shot back`; `Ms Jolene Ang, who …, gave one of the most
 * personal speeches. "…," the first-term MP said`).
 */
function namedSince(holder: Antecedent, lastFitting: Antecedent | null): Person | null {
  return lastFitting && lastFitting.person !== holder.person && lastFitting.at > holder.at ? lastFitting.person : null;
}

// A capitalized word with a possessive ending: whose the description says the person is (`Okafor's manager`).
const POSSESSOR = /(\p{Lu}[\p{L}-]*)['’]s?(?=\s)/gu;

/** The surnames of known people a description makes possessive (`Okafor's manager` → okafor). */
function possessorsOf(people: People, text: string): readonly string[] {
  if (!text.includes("'") && !text.includes('’')) return NO_NAMES;
  return [...text.matchAll(POSSESSOR)].map((match) => (match[1] as string).toLowerCase()).filter((name) => people.bySurname.has(name));
}

const NO_NAMES: readonly string[] = [];

/**
 * Whether the text gave the person a role of someone other than the people the description says
 * they are of (`Okafor's manager` is not `Dana Whitlow, who manages Sen. Ellen Marchetti's campaign`).
 */
function isOfSomeoneElse(people: People, person: Person, possessors: readonly string[]): boolean {
  if (possessors.length === 0) return false;
  for (const word of person.roleWords) {
    const named = possessors.includes(word) ? undefined : people.bySurname.get(word);
    if (named !== undefined && named !== person) return true;
  }
  return false;
}

/** describedSubjectBefore, when that sentence comes after the last quotation (`previous`): before it, it led to that quotation's speaker. */
function describedSince(people: People, offset: number, after: Antecedent | null, fits: (person: Person) => boolean, previous: PreviousSpeaker | null): Antecedent | null {
  const described = describedSubjectBefore(people, offset, after, fits);
  return described && described.at > (previous?.at ?? -1) ? described : null;
}

/**
 * `the Toronto doctor`, `the trial's leader`: a test of whether a person `holds` the role and the
 * text also tied them to the description's other words; null when it has none. For a generic head
 * (`the Ballinroe woman`), whether a person who `fits` was tied to them.
 */
function qualifiedHolder(description: Description, holds: (person: Person) => boolean, fits: (person: Person) => boolean): ((person: Person) => boolean) | null {
  const qualifiers = description.words.filter((word) => !description.roleWords.has(word));
  const candidate = description.generic ? fits : holds;
  return qualifiers.length > 0 ? (person) => candidate(person) && qualifiers.every((word) => person.roleWords.has(word)) : null;
}

// The shortest place a demonym is matched with by its letters.
const MIN_PLACE_LENGTH = 4;

/**
 * Whether `demonym` is what the people of `place` are called, by their letters: the demonym opens
 * on the place less its last letter (`Ohio`, `Ohioan`; `Texas`, `Texan`; `Chile`, `Chilean`; not
 * `Texarkana`) or the place on the demonym (`Scotland`, `Scot`).
 */
function isDemonymOf(demonym: string, place: string): boolean {
  return place.length >= MIN_PLACE_LENGTH && (demonym.startsWith(place.slice(0, -1)) || place.startsWith(demonym));
}

/**
 * `the Ohioan`: a test of whether a person `fits` and the text said they are from the place the
 * description's head is of (`who lives in Ohio`, `of Columbus, Ohio`); null for any other description.
 */
function tiedToPlace(description: Description, fits: (person: Person) => boolean): ((person: Person) => boolean) | null {
  if (!description.demonym) return null;
  return (person) => fits(person) && [...person.places].some((place) => isDemonymOf(description.head, place));
}

/**
 * `the Idaho Republican`, `the Tasmanian senator`: a test of whether a person `fits` and the text
 * tied them to every proper name of the description, by a role word, a place or the place a
 * demonym is of (`Rep. Caleb Strand, a freshman from Idaho`, `Bronwyn Keats of Tasmania`), whether
 * or not it gave them the role; null when the description has no proper name.
 */
function tiedToNames(description: Description, fits: (person: Person) => boolean): ((person: Person) => boolean) | null {
  if (description.names.length === 0) return null;
  const tied = (person: Person, name: string) => person.roleWords.has(name) || [...person.places].some((place) => place === name || isDemonymOf(name, place));
  return (person) => fits(person) && description.names.every((name) => tied(person, name));
}

/**
 * The last person before `offset` who `holds` the role, or one the text tied to the description's
 * proper names (`tied`) if named since: the text may not have given the role to the one it calls
 * by it (`House Speaker Leland Voss, an Indiana Republican, …. Rep. Caleb Strand, a freshman from
 * Idaho, …. "…," said the Idaho Republican`), and a holder named since is the one meant (`Janet
 * Ridley … from Middlesbrough …. Labour MP Daniel Fairweather … "…," the Middlesbrough MP said`).
 */
function holderOrTiedBefore(people: People, offset: number, holds: (person: Person) => boolean, tied: ((person: Person) => boolean) | null): Antecedent | null {
  const holder = lastPersonBefore(people, offset, holds);
  const tiedOne = tied ? lastPersonBefore(people, offset, tied) : null;
  return tiedOne && (!holder || tiedOne.at > holder.at) ? tiedOne : holder;
}

/** Who a description goes to first among those who fit: one its other words qualify, or one from the place it names. */
function preferredHolder(description: Description, holds: (person: Person) => boolean, fits: (person: Person) => boolean): ((person: Person) => boolean) | null {
  return qualifiedHolder(description, holds, fits) ?? tiedToPlace(description, fits);
}

/**
 * The last person named before `offset` who `holds` the description's role, the preferred one
 * first (preferredHolder), or one tied to its proper names if named since (holderOrTiedBefore).
 */
function lastHolderBefore(people: People, offset: number, description: Description, holds: (person: Person) => boolean, fits: (person: Person) => boolean): Person | undefined {
  const qualified = preferredHolder(description, holds, fits);
  const holder = holderBefore(people, offset, description, holds, fits);
  // `the new champion`: not the holder the text did not call new, but one named since (misfits).
  const turnedTo = holder && misfits(holder.person, description, NO_NAMES) ? namedSince(holder, lastPersonBefore(people, offset, fits)) : null;
  return (qualified && lastPersonBefore(people, offset, qualified)?.person) || turnedTo || holder?.person;
}

/**
 * The last holder of the description's role before `offset` (holderOrTiedBefore), one the text said
 * held it before first when the description says so (`the former governor`, `the ex-boss`: `Former
 * Gov. Ellen Marsh` over a governor still in office named since).
 */
function holderBefore(people: People, offset: number, description: Description, holds: (person: Person) => boolean, fits: (person: Person) => boolean): Antecedent | null {
  const past = [...description.roleWords].filter(isPastRole);
  const heldBefore = (person: Person) => holds(person) && past.some((word) => person.roleWords.has(word));
  return (past.length > 0 ? lastPersonBefore(people, offset, heldBefore) : null) ?? holderOrTiedBefore(people, offset, holds, tiedToNames(description, fits));
}

/**
 * Whether the person is of the gender the description's noun implies, where it implies one, does
 * not hold the office it says someone else holds (`the mayor-elect` is not the mayor, `the deputy
 * secretary` not the secretary), and is of no other party than one it names (`the Liberal candidate` is not `Labor's candidate`).
 */
function fitsDescription(person: Person, description: Description): boolean {
  const { gender, officeOfAnother } = description;
  return (gender === null || isGenderCompatible(person, gender)) && (officeOfAnother === null || !person.roleWords.has(officeOfAnother))
    && !isOfOtherParty(person, description) && !isOfOtherState(person, description) && !isBasedElsewhere(person, description);
}

/**
 * Whether the description says where the person is based (`the Enugu-based writer`) and the text
 * said the person is based somewhere else (`Temiloluwa Bankole, a Lagos-based writer`).
 */
function isBasedElsewhere(person: Person, { names }: Description): boolean {
  const based = names.find((name) => name.endsWith(BASED));
  if (based === undefined) return false;
  for (const word of person.roleWords) {
    if (word !== based && word.endsWith(BASED)) return true;
  }
  return false;
}

const BASED = '-based';

/**
 * Whether the description names a US state (`the Indiana Republican`) and the text tied the person
 * only to other ones (`Rep. Cody Rasmusson (R-Idaho)`).
 */
function isOfOtherState(person: Person, { states }: Description): boolean {
  if (states.length === 0) return false;
  const tied = statesTiedTo(person);
  return tied.length > 0 && !tied.some((state) => states.includes(state));
}

// The states the text tied each person to, read once a person: a description is tried on many.
const TIED_STATES = new WeakMap<Person, readonly string[]>();

function statesTiedTo(person: Person): readonly string[] {
  let tied = TIED_STATES.get(person);
  if (tied === undefined) {
    tied = [...statesAmong(person.roleWords), ...statesAmong(person.places)];
    TIED_STATES.set(person, tied);
  }
  return tied;
}

/** Whether the description names a party (by a capitalized word or its head) and the text gave the person only other ones. */
function isOfOtherParty(person: Person, { parties }: Description): boolean {
  if (parties.length === 0) return false;
  let other = false;
  for (const word of person.roleWords) {
    const party = partyOfWord(word);
    if (party === undefined) continue;
    if (parties.includes(party)) return false;
    other = true;
  }
  return other;
}

/**
 * A test of whether a person `fits` takes and the text gave a role of the description
 * (`Judge Simon Achterberg` for `the judge`), answered once a person, not once a mention: a search
 * may pass every mention of the article.
 */
function holdsRoleOf(description: Description, fits: (person: Person) => boolean): (person: Person) => boolean {
  const holders = new Map<Person, boolean>();
  return (person) => {
    let holds = holders.get(person);
    if (holds === undefined) {
      holds = fits(person) && !description.generic && sharesRoleWord(description, person.roleWords);
      holders.set(person, holds);
    }
    return holds;
  };
}

const NO_ONE: ReadonlySet<Person> = new Set();

/**
 * The people the attribution clause names after its speaker mention, up to `clauseEnd`
 * (`"…," the developer said of Mr. Clinton`, `she told Ms. Ruiz`): a pronoun or a description
 * cannot refer to a person its own clause names as someone else (the hearer, the one spoken of).
 */
function namedLaterInClause(people: People, mention: SpeakerMention, clauseEnd: number): ReadonlySet<Person> {
  let named: Set<Person> | null = null;
  for (let index = countBefore(people.mentions, mention.end, mentionStart); index < people.mentions.length; index += 1) {
    const linked = people.mentions[index] as LinkedMention;
    if (linked.mention.start >= clauseEnd) break;
    (named ??= new Set()).add(linked.person);
  }
  return named ?? NO_ONE;
}

/**
 * The person a name mention was linked to when the text's names were read, where the speaker
 * mention is one of them: that reading saw its titles (`Mrs Mulvey` is not `Ciarán Mulvey`).
 */
function linkedPersonAt(people: People, mention: SpeakerMention): Person | undefined {
  const linked = people.mentions[countBefore(people.mentions, mention.end, mentionStart) - 1];
  return linked && linked.mention.start <= mention.start && linked.mention.end >= mention.end ? linked.person : undefined;
}

function resolvePerson(people: People, { mention, end, speaksAsOne, spokenOf, replies }: SpeakerClause, previous: PreviousSpeaker | null, question: Question | null): Person | null {
  // `"Governor Castellow, why should voters …?" asked the moderator. "…," the 71-year-old replied`:
  // the one a question was put to replies, unless the text named anyone since (`Commissioner Varga
  // turned to the parks director, Ann Lutz`) or the reply's words are someone else's role.
  if (replies && question && mention.kind !== 'name' && question.to !== previous?.person && !namedBetween(people, question.end, mention.start) && fitsMention(people, question.to, mention)) return question.to;
  switch (mention.kind) {
    case 'name': return linkedPersonAt(people, mention) ?? findPerson(people, mention.text) ?? null;
    case 'pronoun': return resolvePronoun(people, mention, previous, notTheSpeaker(people, mention, end, spokenOf), speaksAsOne);
    case 'description': return resolveDescription(people, mention, notTheSpeaker(people, mention, end, spokenOf), previous);
  }
}

/** Who a pronoun or a description cannot be: the people named later in its clause, and those the quotation speaks of (spokenOf). */
function notTheSpeaker(people: People, mention: SpeakerMention, clauseEnd: number, spokenOf: readonly string[]): ReadonlySet<Person> {
  const named = namedLaterInClause(people, mention, clauseEnd);
  if (spokenOf.length === 0) return named;
  const excluded = new Set(named);
  for (const name of spokenOf) {
    const person = findPerson(people, name);
    if (person) excluded.add(person);
  }
  return excluded;
}

/** The speaker mention of a quotation's attribution, and where its clause ends. */
export interface SpeakerClause {
  mention: SpeakerMention;
  end: number;
  /** Whether the quotation speaks of its speaker as `I`: a `they` who says it is one person (see resolvePronoun). */
  speaksAsOne: boolean;
  /** False for a name mention that may be a mere word (`Sure, …`, `Question: "…"`): the quotation then has no speaker. */
  namesSomeone: boolean;
  /** Names of people the quotation speaks of in the third person (`Senator Sanders's message`, `Rosa is a star`): not its speaker. */
  spokenOf: readonly string[];
  /**
   * A question's form of address, the name it opens on set off by a comma (`Governor Castellow,
   * why …?`): whom it is put to, and where its attribution ends (`asked the moderator, Gina Albrecht.`).
   */
  question: { to: string; end: number } | null;
  /** Whether its cue answers what was put to the speaker (`replied`, `answered`, `shot back`). */
  replies: boolean;
  /** Whether the quotation is a question (ends in `?`). */
  asks: boolean;
}

/** A question put to someone by name (`"Governor Castellow, why …?" asked the moderator`), and where its attribution ends. */
interface Question {
  to: Person;
  end: number;
}

/** Whether the text names anyone between `from` and `to`, outside quotations. */
function namedBetween(people: People, from: number, to: number): boolean {
  return countBefore(people.mentions, to, mentionStart) > countBefore(people.mentions, from, mentionStart);
}

/**
 * Whether a person may be who the pronoun (by its gender) or the description says: of its noun's
 * gender, and no one else the text gave that role (`the challenger` is Luis Kemp, whom the text
 * called so, not the senator a question was put to).
 */
function fitsMention(people: People, person: Person, mention: SpeakerMention): boolean {
  if (mention.kind === 'pronoun') {
    const gender = PRONOUNS.get(mention.text.toLowerCase());
    return (gender === 'male' || gender === 'female') && isGenderCompatible(person, gender);
  }
  const description = readDescription(mention.text);
  if (description === null || !fitsDescription(person, description)) return false;
  const holds = (other: Person) => sharesRoleWord(description, other.roleWords);
  return holds(person) || ![...people.byFullName.values()].some(holds);
}

/**
 * Resolves the speaker mentions of an article's quotations, in text order (`null` for a
 * quotation without one), to the fullest names and the roles the article gives.
 */
export function resolveSpeakers(people: People, clauses: Array<SpeakerClause | null>): ResolvedSpeaker[] {
  let previous: PreviousSpeaker | null = null;
  // The question the last quotation put to someone by name (`Governor Castellow, …?`).
  let question: Question | null = null;
  return clauses.map((clause) => {
    if (!clause) {
      question = null;
      return NOBODY;
    }
    const { mention } = clause;
    const person = resolvePerson(people, clause, previous, question);
    const to = clause.question && findPerson(people, clause.question.to);
    question = clause.question && to ? { to, end: clause.question.end } : null;
    // `Sure, …`: no one but the word itself, which the text names no one else by.
    if (!clause.namesSomeone && (!person || person.fullName === mention.text)) return NOBODY;
    const introduced = mention.kind === 'name' ? null : introducedWithoutName(people, mention, previous);
    // Read as a person's description already: its words are the role (`spokeswoman for the Ministry of Transport`).
    if (introduced) return { name: null, role: roleOfDescription(introduced.text) };
    if (person) previous = { person, at: mention.start, asked: clause.asks };
    const pronounGender = person && mention.kind === 'pronoun' ? PRONOUNS.get(mention.text.toLowerCase()) : undefined;
    if (person && (pronounGender === 'male' || pronounGender === 'female')) learnGenderFromPronoun(person, pronounGender);
    if (person) return describe(person);
    if (mention.kind === 'name') return { name: mention.text, role: null };
    return mention.kind === 'description' ? unnamed(mention.text) : NOBODY;
  });
}

/**
 * The person the text last brought in by an indefinite description (`A spokeswoman for the
 * ministry urged both sides to talk.`), when the pronoun or description `mention` refers to them
 * (`she`, `the spokeswoman`) and the text has referred to no one it could mean since: no name set
 * off after the description (`A spokeswoman, Ana Ruiz, said`), no one named in a later sentence
 * (for a description, no one given its role), no sentence about someone by a definite
 * description (`The general secretary was defiant.`), no other quotation's speaker. A reader
 * takes the speaker for the one just brought in, whom the text never names.
 */
function introducedWithoutName(people: People, mention: SpeakerMention, previous: PreviousSpeaker | null): UnnamedSubject | null {
  const subjects = people.unnamedSubjects();
  const last = subjects[countBefore(subjects, mention.start, subjectStart) - 1];
  const description = mention.kind === 'description' ? readDescription(mention.text) : null;
  if (last === undefined || !refersTo(mention, description, last)) return null;
  const described = lastDescribedSubject(people, mention.start);
  if (Math.max(described?.start ?? -1, previous?.at ?? -1) > last.start) return null;
  for (let index = countBefore(people.mentions, mention.start, mentionStart) - 1; index >= 0; index -= 1) {
    const { mention: named, person } = people.mentions[index] as LinkedMention;
    if (named.start < last.start) break;
    // A pronoun may mean anyone named since (`A reporter asked Sanders how he felt. He replied: …`).
    if (description === null) return null;
    // A description means one named since only if given its role, or set off after the newcomer's
    // (`A spokeswoman for the agency, Ana Ruiz, said`): not one the newcomer spoke of (`A spokeswoman
    // said the injured cyclist, Rosa Lind, was stable`) nor another (`The prime minister, Oskar Dahl, …`).
    const apposed = named.start - last.end <= MAX_NEWCOMER_APPOSITION_GAP;
    if (apposed || sharesRoleWord(description, person.roleWords)) return null;
  }
  return last;
}

// What may stand between a newcomer's description and a name set off after it: a comma and a space.
const MAX_NEWCOMER_APPOSITION_GAP = 2;

/**
 * Whether a pronoun (by its gender, and no one else of it addressed in the subject's sentence) or a
 * definite description (`description`, read from the mention, by its noun) can refer to the one brought in.
 */
function refersTo(mention: SpeakerMention, description: Description | null, { description: described, othersAddressed }: UnnamedSubject): boolean {
  if (mention.kind === 'pronoun') {
    const gender = PRONOUNS.get(mention.text.toLowerCase());
    return (gender === 'male' || gender === 'female') && (described.gender === null || described.gender === gender) && !othersAddressed.includes(gender);
  }
  if (INDEFINITE.test(mention.text) || ANOTHER.test(mention.text)) return false;
  return description !== null && (description.head === described.head || sharesRoleWord(description, described.roleWords));
}

/** Whether one of the description's role words is among `roleWords` (a person's, or another description's). */
function sharesRoleWord(description: Description, roleWords: ReadonlySet<string>): boolean {
  return [...description.roleWords].some((word) => roleWords.has(word));
}

// A description of someone by whom they act for or belong to (`a lawyer for Tom Ashe`).
const OF_SOMEONE = /\s(?:for|of|representing)\s+\p{Lu}/u;

// The article a description of someone unnamed is shown without (`the fire chief` → `fire chief`).
const OPENING_ARTICLE = /^(?:the|a|an|another|one)\s+/i;

/**
 * Someone the text describes and does not name (`the fire chief`, `a spokesman for the company`):
 * no name, and the description as the role, as a reader is shown it beside the quotation.
 */
function unnamed(description: string): ResolvedSpeaker {
  if (readDescription(description) === null || !ENDS_AS_NOUN_PHRASE.test(description) || HAS_VERB.test(description)) return NOBODY;
  // `the Australian Red Cross`, `Lufthansa CEO Carsten Spohr`: a body's name, or a person's; not
  // the one a description is of (`a lawyer for Tom Ashe`).
  const last = description.slice(description.lastIndexOf(' ') + 1);
  if (/^\p{Lu}/u.test(last) && !isListedPersonNoun(last.toLowerCase()) && !OF_SOMEONE.test(description)) return NOBODY;
  return { name: null, role: roleOfDescription(description) };
}

/** A description of someone unnamed as the role shown beside their quotation: without its article. */
function roleOfDescription(description: string): string {
  return shownRole(description.replace(OPENING_ARTICLE, '').replace(OPENING_POSSESSIVE, (word) => word.toLowerCase()));
}

// `His spokeswoman said`: capitalized only to open the sentence; printed after a dash, lowercase.
const OPENING_POSSESSIVE = /^(?:His|Her|Their|Its)(?= )/;

// A description read to its noun or to what it is of (`fire chief`, `spokesman for the company`), not
// into the clause after it (`a German user from Hanover going by the`, `my father often`, `a
// reporter can be heard`): it ends on no function word, adverb, participle or possessive, and has no verb.
const HAS_VERB = /\b(?:can|could|will|would|is|was|are|were|has|have|had)\b/i;
const ENDS_AS_NOUN_PHRASE = /(?<!\b(?:the|a|an|as|by|of|for|to|in|on|at|with|from|often|also|then|once|later|before|after|ago|again|still|now|can|be|who|that|and|or|[\p{L}]+ly|[\p{L}]+ed|[\p{L}]+['’]s?))$/iu;
