/**
 * Finds the names of people in a text: runs of capitalized words with the titles written
 * before them, the gender those titles and given names imply, and the role the text gives.
 */
import { isBlankUnit, isSpaceUnit } from '../text/characters.js';
import { genderOfFirstName, isKnownFirstName } from '../text/first-names.js';
import { CUE_VERBS, DOTTED_OFFICES, HONORIFICS, KINSHIP_NOUNS, NAME_PARTICLES, NAME_SUFFIXES, NO_WORDS, PAST_MARKERS, SENTENCE_OPENERS, SUBORDINATORS, type Gender } from '../text/lexicon.js';
import { bareLower, bareWord, isAcronym, isHonorific, isInitial, isNamePart, isPostNominal, isTitleWord, isVerbLike, seatAfterName } from './name-tokens.js';
import { isListedPersonNoun, isPersonNoun, isPluralOfPersonNoun } from './person-nouns.js';
import { clauseRoleWords, pastAge, pastOrigin, placesNamed } from './role-clauses.js';
import { findRole, isSetOffAsOrganization } from './roles.js';
import { hasLineBreak, isCapitalized, isComma, isPluralPossessive, isSentenceEnd, pastParenthesis, possessiveLength, type Token } from '../text/tokens.js';
import { isBodyWordSurname, isWordName, SURNAMES_OF_PLACES } from './word-names.js';
import { CLOSING_QUOTE_MARKS } from '../text/quote-marks.js';

export interface NameMention {
  /** Offsets of the whole mention, titles included (`Sen. Rand Paul`). */
  start: number;
  end: number;
  /** The name without titles or a possessive ending (`Rand Paul`). */
  name: string;
  /** Lowercase titles written before the name (`sen.`, `president`). */
  titles: readonly string[];
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
  /** The places the text says the person is from (`of Columbus, Ohio`): see `placesNamed`. */
  places: readonly string[];
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
  /** Whether it stands in a clause of time or reason (`until Ness was booked`, `after top scorer Kyle Brannigan was sold`): no main subject. */
  isSubordinate: boolean;
  /** Whether it opens its sentence, titles included, outside a headline: `Eoin Fennessy, who …, was the difference`. */
  opensSentence: boolean;
  /** Whether it opens a clause set against the one before (`Marchetti declined to comment, but Soderlund was optimistic`). */
  opensContrast: boolean;
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

// A past participle before `by`, lowercase: regular, or an irregular one news uses of people.
const PASSIVE_PARTICIPLE = /^[a-z]+ed$|^(?:led|run|held|made|kept|built|sold|won|taken|given|written|seen|shown|chosen|beaten|brought|bought|caught|taught|found|sent|told|paid|met|left|struck|hit|set|heard|known|drawn|driven|grown|thrown|spoken|sworn|begun|done)$/;

// The pronouns that say a name's gender when they follow it. Objects are left out: after a name
// they mostly refer to someone else (`Obama backed her up`), and `her` may be either.
const GENDERED_PRONOUNS = new Map<string, Gender>([
  ['he', 'male'], ['his', 'male'], ['himself', 'male'],
  ['she', 'female'], ['hers', 'female'], ['herself', 'female'],
]);
// Words that follow `her` as an object (`thanked her for`, `gave her a`, `told her that`, `asked her
// to`): what follows a possessive `her` is the rest of a noun phrase (`her father`, `her 81-year-old
// son`, `her own`).
const AFTER_OBJECT_HER = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'some', 'any', 'no', 'all', 'every', 'each',
  'to', 'for', 'with', 'about', 'at', 'in', 'on', 'into', 'onto', 'from', 'of', 'by', 'as', 'after',
  'before', 'over', 'under', 'through', 'around', 'up', 'out', 'down', 'off', 'back', 'away', 'again',
  'and', 'or', 'but', 'nor', 'so', 'if', 'whether', 'when', 'where', 'why', 'how', 'what', 'who',
  'which', 'not', 'too', 'very', 'more', 'most', 'just', 'only', 'once', 'twice', 'because', 'until',
  'since', 'while', 'than', 'then', 'there', 'here', 'now', 'today', 'yesterday', 'tomorrow',
  'himself', 'herself', 'is', 'was', 'be', 'been', 'being', 'are', 'were', 'had', 'has', 'have', 'would',
  'could', 'should', 'will', 'can', 'might', 'must', 'may', 'do', 'did', 'does', 'go', 'come', 'know',
  'feel', 'think', 'see', 'get', 'make', 'take', 'give', 'tell', 'say', 'leave', 'stay', 'win', 'lose',
]);
const ASKING_VERBS = new Set(['asked', 'asks', 'asking', 'questioned']);
const MAX_APPOSITIVE_TOKENS = 20;
// The longest parenthesis read past after a name: a party label (`(R-Texas)`), not an aside.
const MAX_PARENTHESIS_TOKENS = 8;
const PRONOUN_LOOKAHEAD_TOKENS = 40;
const MAX_PRONOUN_LENGTH = 'himself'.length;
const MAX_NAME_WORDS = 3;

// Words that make a capitalized run an organization, a place or an event, not a person (`Hurricane
// Katrina` is named like a woman).
const ORGANIZATION_WORDS = new Set([
  'hurricane', 'hurricanes', 'typhoon', 'cyclone', 'springs', 'falls', 'heights', 'hills', 'creek', 'arbor', 'rapids', 'junction', 'township', 'borough', 'opposition',
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
  'administration', 'street', 'avenue', 'road', 'lane', 'drive', 'crescent', 'terrace', 'boulevard',
  'highway', 'motorway', 'gardens', 'mews', 'city', 'union', 'republic', 'kingdom', 'press', 'media',
  'magazine', 'review', 'today', 'tribune', 'herald', 'fox', 'cnn', 'msnbc', 'nbc', 'abc', 'cbs',
  'gop', 'dnc', 'rnc', 'fbi', 'cia', 'us', 'u.s.', 'un', 'eu', 'nato', 'inc.', 'corp.',
  'commission', 'board', 'forces', 'army', 'navy', 'guard', 'police', 'airport', 'park', 'hall',
  'world', 'global', 'national', 'international', 'federal', 'democratic', 'republican', 'affairs',
  // A party member by the party (`the New Mexico Democrat`), and the first words of parties named
  // in their own language (`Plaid Cymru`, `Sinn Féin`, `Fianna Fáil`): never a person's. Not `Fein`
  // nor `Gael`, a surname and a given name too.
  'democrat', 'plaid', 'sinn', 'fianna',
  'policy', 'public', 'force', 'ministry', 'assembly', 'parliament', 'square', 'tower',
  // Companies, teams, competitions and institutions of business, sport and culture pages
  // (`Pellham Foods`, `Asholt Town`, `the Challenge Shield`): words no person's name ends in.
  'foods', 'games', 'holdings', 'industries', 'ventures', 'labs', 'systems', 'solutions', 'technologies',
  'technology', 'software', 'motors', 'airlines', 'airways', 'energy', 'pharmaceuticals', 'pharma',
  'therapeutics', 'biosciences', 'records', 'pictures', 'films', 'publishing', 'brewery', 'brewing',
  'bakery', 'farms', 'dairy', 'markets', 'stores', 'supermarkets', 'logistics', 'rail', 'railway',
  'railways', 'utilities', 'insurance', 'financial', 'healthcare', 'clinic', 'ltd', 'llc', 'plc',
  'limited', 'borough', 'district', 'region', 'province', 'town', 'rovers', 'wanderers', 'athletic',
  'albion', 'shield', 'cup', 'trophy', 'championship', 'orchestra', 'choir', 'gallery', 'opera',
  'ballet', 'academy', 'gymnasium', 'gimnasium', 'observatory', 'laboratory', 'securities', 'associates', 'consulting', 'advisors',
  'advisers',
]);

const POSSESSIVE_END = /\p{L}['’]s?$/u;
/**
 * The last element of `list`, undefined when it is empty. Read by length rather than as
 * `list[list.length - 1]`: on an empty list that is index -1, a property looked up by name along
 * the prototype chain (a slow, megamorphic load), and most capitalized words have no titles.
 */
function lastOf<T>(list: readonly T[]): T | undefined {
  return list.length > 0 ? list[list.length - 1] : undefined;
}

/** Only spaces (no line break, no punctuation) between two tokens: `/^[ \t\u00a0]+$/`. */
function adjacent(text: string, left: Token, right: Token): boolean {
  if (right.start <= left.end) return false;
  for (let index = left.end; index < right.start; index++) {
    const code = text.charCodeAt(index);
    if (!isBlankUnit(code)) return false;
  }
  return true;
}

/**
 * Whether the known given name at `index` of `named` opens the name: not after another given name,
 * nor after an initial that opens the run or follows a given name (`J. Gerald Hebert`,
 * `Robert P. Casey Jr.`); after one that follows another word it does (`Elder L. Whitney Clayton`).
 */
function opensNameAt(named: readonly Token[], index: number): boolean {
  const previous = named[index - 1] as Token;
  // A given name that is also a role before one (`Marine John Tiegen`) is the role.
  if (isKnownFirstName(previous.text)) return isListedPersonNoun(previous.lower);
  if (!isInitial(previous)) return true;
  return index > 1 && !isKnownFirstName((named[index - 2] as Token).text);
}

/**
 * The name words of a run, starting after its last organization word (`Public Security Wang
 * Xiaohong`) or after a title inside it followed by two words or more (`Local MLA Pradip Doley`,
 * `Labour MP Jo Hale`: the capitalized word that opens the sentence is no given name).
 */
function personPart(parts: Token[], opensSentence = false): Token[] {
  let from = 0;
  // The last word is never looked up: it is the name, whatever it is. Nor is a title word with
  // one word after it (`Martin Luther King Jr.`).
  for (let index = 0; index < parts.length - 1; index++) {
    const part = parts[index] as Token;
    if (ORGANIZATION_WORDS.has(bareLower(part)) || (index < parts.length - 2 && isTitleWord(part))) from = index + 1;
    // A sentence may open on the person's role, capitalized (`Trader Faith Snow said`); inside
    // one that is a name's word (`the Cook Political Report`).
    else if (index === 0 && opensSentence && parts.length > 2 && isPersonNoun(part.lower) && !isKnownFirstName(part.text)) from = 1;
  }
  const named = parts.slice(from);
  // The last known given name inside a run starts the name: `Wyoming GOP John Smith`,
  // `Chris Christie Calls Hillary Clinton` in a headline; a second given name does not
  // (`Martin Luther King Jr.`, `Mary Ann Shaw`), nor, mostly, one after an initial.
  // A given name right before a suffix is the surname (`Dwayne Otis Jr.`).
  // Nor does a father's given name after `bin` or `ibn` (`Khalid bin Rashid al-Mansouri`).
  const given = named.findLastIndex((token, index) => index > 0 && isKnownFirstName(token.text) && index < named.length - 1
    && !NAME_SUFFIXES.has((named[index + 1] as Token).lower) && !PATRONYMIC_PARTICLES.has((named[index - 1] as Token).lower) && opensNameAt(named, index));
  return given > 0 ? named.slice(given) : named;
}

// Particles before a father's name in a patronymic (`bin Rashid`, `ibn Saud`, `bint Khalid`, `ben Ali`).
const PATRONYMIC_PARTICLES = new Set(['bin', 'ibn', 'bint', 'ben']);

// Titles printed as part of a speaker's name. Abbreviated professional, academic, clerical,
// military and elected titles say what the person is, and news style keeps them before a full
// name (`Dr. Helen Marsh`, `Sen. Tom Carper`, `Gen. Ann Cole`); the social ones (`Mr.`, `Mrs.`,
// `Ms.`, `Miss`) are dropped once the full name is given. A title written out (`Senator`,
// `Judge`, `President`) is read as the person's role instead (roles.ts), so it is not repeated.
const PRINTED_TITLES = new Set([
  'dr.', 'atty.', ...DOTTED_OFFICES,
  // A knighthood or damehood stays with the name in British style (`Sir Geoffrey Palliser`).
  'sir', 'dame',
  // Without a period, as British and Irish style writes them (`Dr Helen Marsh`, `Cllr Ann Rees`).
  'dr', 'prof', 'rev', 'revd', 'cllr', 'sgt', 'insp', 'supt', 'det', 'capt', 'lt', 'maj', 'cpl', 'pc',
  'fr', 'fr.', 'di', 'ds', 'dci', 'dsi', 'cr',
  // A priest's or a nun's, by which the parish knows them (`Father Michael Dunne`, `Sister Bernadette Kelly`).
  'father', 'sister',
]);
// A word that says the person no longer holds the title (`former Texas Gov. Rick Perry`) is
// looked for among the titles and the few words before them.
const PAST_MARKER_REACH = 3;

/** Whether the person still holds the titles of the name starting at token `index`. */
function holdsTitles(tokens: Token[], index: number, titleTokens: Token[]): boolean {
  const lead = tokens.slice(Math.max(0, index - PAST_MARKER_REACH), index);
  return [...lead, ...titleTokens].every((token) => !PAST_MARKERS.has(token.lower));
}

/**
 * The title to print with the name: the last title, if printed and still held, with the
 * abbreviated titles right before it that qualify it (`Lt. Gov. Ana Ruiz` is not the governor,
 * `Det. Sgt. Maya Quint` is a detective).
 */
function printedTitle(titleTokens: Token[], held: boolean): string | null {
  const last = titleTokens[titleTokens.length - 1];
  if (!last || !held || !PRINTED_TITLES.has(last.lower)) return null;
  let first = titleTokens.length - 1;
  while (first > 0 && (titleTokens[first - 1] as Token).text.endsWith('.') && PRINTED_TITLES.has((titleTokens[first - 1] as Token).lower)) first -= 1;
  return titleTokens.slice(first).map((token) => token.text).join(' ');
}

/**
 * The gender of the first title that gives one (`Mrs.`). The titles are joined and split again (a
 * token holds no space), giving one empty word when there are none: every name takes the same
 * steps, where a loop over the titles alone was entered only for titled names, had not run when
 * describe was optimized (the first articles may have none), and threw its code away on the first.
 */
function genderOfTitles(titles: readonly string[]): Gender | null {
  for (const title of titles.join(' ').split(' ')) {
    const gender = HONORIFICS.get(title);
    if (gender) return gender;
  }
  return null;
}

/**
 * Whether a verb follows the name ending before token `nameEnd`, past a party label and an
 * appositive, and past where the person is from when a comma closes it (`Rep. Keisha Monroe of
 * Louisville, waited`; not `… of Road Policing Dave Cliff said`, where the name is another's).
 */
function followedByVerb(tokens: Token[], nameEnd: number): boolean {
  const label = pastParenthesis(tokens, nameEnd, MAX_PARENTHESIS_TOKENS);
  const origin = pastOrigin(tokens, label);
  if (origin > label && isComma(tokens[origin]) && isVerbLike(tokens[origin + 1])) return true;
  const next = isComma(tokens[origin]) ? origin : label;
  if (!isComma(tokens[next])) return isVerbLike(tokens[next]);
  const limit = Math.min(tokens.length, next + MAX_APPOSITIVE_TOKENS);
  for (let cursor = next + 1; cursor < limit; cursor += 1) {
    const token = tokens[cursor];
    if (!token || isSentenceEnd(token) || token.text === ';') return false;
    // Past an appositive and any aside after it: `Brian Murphy, the chairman …, for example, said`.
    if (isComma(token) && isVerbLike(tokens[cursor + 1])) return true;
  }
  return false;
}

/** Whether the word starts like a gendered pronoun (`h`, `s`): the others need no lowercased copy. */
function opensLikePronoun(word: string): boolean {
  const first = word.charCodeAt(0) | 0x20;
  return first === 0x68 || first === 0x73;
}
// A capitalized word after these may open a sentence or a quotation rather than name someone else.
const NAME_OPENERS_NOT_FOLLOWING = new Set(['.', '“', '"']);

/**
 * The gender token `index` says as a pronoun of the one just named: `her` only as a possessive
 * (AFTER_OBJECT_HER) and not inside a phrase set off after the name, which may be about someone else
 * (`Emyr Gethin, a retired ferryman who sat at her table, said`).
 */
function genderOfPronoun(tokens: Token[], index: number, setOff: boolean): Gender | undefined {
  const { lower } = tokens[index] as Token;
  if (lower !== 'her') return GENDERED_PRONOUNS.get(lower);
  if (setOff) return undefined;
  const following = tokens[index + 1];
  return following?.isWord && following.text === following.lower && !AFTER_OBJECT_HER.has(following.text) ? 'female' : undefined;
}

/**
 * The gender of the first he/she-type pronoun after token `next`, until another name comes, outside
 * quotations: in `Hollis said her son loved it. "He told me …"` the quoted `He` is the son.
 */
function genderOfNextPronoun(text: string, tokens: Token[], next: number): Gender | null {
  const limit = Math.min(tokens.length, next + PRONOUN_LOOKAHEAD_TOKENS);
  let quoted = false;
  // Inside the phrase set off by a comma right after the name, until the next comma.
  let setOff = false;
  for (let cursor = next; cursor < limit; cursor += 1) {
    const token = tokens[cursor];
    if (!token) break;
    if (isComma(token)) setOff = cursor === next;
    // A straight mark opens a quotation as often as it closes one: read as whichever it toggles to,
    // but one opening a paragraph opens (a quotation running on from the paragraph before).
    const opensParagraph = cursor > 0 && hasLineBreak(text, (tokens[cursor - 1] as Token).end, token.start);
    if (token.text === '"') quoted = opensParagraph || !quoted;
    else if (token.text === '“' || token.text === '‘') quoted = true;
    else if (token.text === '”' || token.text === '’') quoted = false;
    // A straight single mark opens where a word follows it after a space (`said: 'He was …`) and
    // closes after a word (`… my name.'`, or the plural possessive `the players' bus`).
    else if (token.text === "'") quoted = token.start === 0 || isBlankUnit(text.charCodeAt(token.start - 1)) || opensParagraph;
    const gender = !quoted && token.isWord && token.text.length <= MAX_PRONOUN_LENGTH && opensLikePronoun(token.text) ? genderOfPronoun(tokens, cursor, setOff) : undefined;
    // `introduced Casey Marsh, the new coach. "He …," she said`: the pronoun of a quotation's
    // attribution is its speaker's, whom it may not be.
    if (gender && CLOSING_QUOTE_MARKS.has(tokens[cursor - 1]?.text ?? '')) return null;
    if (gender) return gender;
    if (token.capitalized && cursor > next && isNamePart(token) && !NAME_OPENERS_NOT_FOLLOWING.has(tokens[cursor - 1]?.text ?? '')) return null;
  }
  return null;
}

// An ordinal of a military grade (`1st Lt.`, `2nd Lt.`, `Sgt. 1st Class`), read with the titles around it.
const GRADE_ORDINAL = /^[1-9](?:st|nd|rd|th)$/;

/** Whether the token may be a grade's ordinal (GRADE_ORDINAL); most tokens fail on their first character. */
function isGradeOrdinal({ text }: Token): boolean {
  const first = text.charCodeAt(0);
  return first >= 0x31 && first <= 0x39 && GRADE_ORDINAL.test(text);
}

/**
 * Titles from token `index` on (`Sen.`, `Vice President`, `1st Lt.`), each followed by more of the
 * name. An ordinal counts when a title comes right after it (`Air Force 1st Lt. Tyler Livingston`).
 */
function readTitles(text: string, tokens: Token[], index: number): Token[] {
  const titles: Token[] = [];
  // A title needs a token after it: the last token is not read as one (nor past it).
  for (let cursor = index; cursor + 1 < tokens.length; cursor += 1) {
    const token = tokens[cursor];
    const following = tokens[cursor + 1];
    if (!token || !following || !adjacent(text, token, following)) break;
    const isTitle = isHonorific(token) || isTitleWord(token) || (isGradeOrdinal(token) && (isHonorific(following) || isTitleWord(following) || following.text === 'Class'));
    if (!isTitle) break;
    titles.push(token);
  }
  return titles;
}

/**
 * How many of the name words read end in post-nominal letters (`MP`, `KC OBE`, `QPM`) after a
 * person's name: two name words or more, or a titled one (`Jane Foster MP`, `Dr Obi MD`). Not after
 * a party or a lone word (`the Sinn Féin TD`, `the Independent TD`), which name no one.
 */
function postNominalCount(parts: readonly Token[], titled: boolean): number {
  // Every word is read alike, counted or not: a count made only after post-nominal letters (rare)
  // had not run when the callers were optimized, and its first run threw their code away.
  let count = 0;
  let trailing = true;
  for (let index = parts.length - 1; index >= 0; index -= 1) {
    trailing = trailing && isPostNominal(parts[index] as Token);
    count += trailing ? 1 : 0;
  }
  const named = parts.length - count;
  const person = named > 0 && count > 0 ? personPart(parts.slice(0, named)).length : 0;
  // Not after a headline's run of capitalized words (`Elizabeth Warren Hammers Wells Fargo CEO`);
  // a role may open the run (`Nurse Gemma Hollis RN`).
  const fullName = person >= 2;
  const shortName = person <= MAX_NAME_WORDS;
  const titledName = person === 1 && titled;
  const oneRun = named <= MAX_NAME_WORDS + 1;
  return oneRun && ((fullName && shortName) || titledName) ? count : 0;
}

/** Name words from token `index` on: capitalized words, particles, initials, suffixes. */
function readNameParts(text: string, tokens: Token[], index: number, previous: Token | undefined): Token[] {
  // The name words are counted, then listed at once, and every word is read alike: the steps
  // taken only for a particle or a suffix (and popping a particle off the end of the list) had
  // not run when this function was optimized, and each first run threw its code away.
  let read = 0;
  // A name never ends on a particle (`Bill de` before a line break): the words up to the last other.
  let named = 0;
  for (let cursor = index; cursor < tokens.length; cursor += 1) {
    const token = tokens[cursor] as Token;
    const before = read > 0 ? tokens[cursor - 1] : previous;
    if (before && !adjacent(text, before, token)) break;
    const { lower } = token;
    const extendsName = read > 0;
    const isParticleWord = NAME_PARTICLES.has(lower);
    const next = cursor + 1 < tokens.length ? (tokens[cursor + 1] as Token) : token;
    const afterNext = cursor + 2 < tokens.length ? (tokens[cursor + 2] as Token) : token;
    // `van der Merwe`, `de la Cruz`: particles run on to the capitalized word they open.
    const nextCapitalized = isCapitalized(next) || (NAME_PARTICLES.has(next.lower) && isCapitalized(afterNext));
    const particle = extendsName && isParticleWord && nextCapitalized;
    const suffix = extendsName && NAME_SUFFIXES.has(lower);
    if (!(isNamePart(token) || particle || suffix) && !(token.capitalized && isWordName(tokens, cursor, !extendsName))) break;
    read += 1;
    if (!isParticleWord) named = read;
    // A possessive ends the name: `Trump's plan`.
    if (possessiveLength(token.text) > 0) break;
  }
  return tokens.slice(index, index + named);
}

function canNamePerson(person: Token[]): boolean {
  // A suffix in capitals (`Joseph R. Murray II`) is no acronym.
  return person.every((token, index) => (!ORGANIZATION_WORDS.has(bareLower(token)) || isBodyWordSurname(person, index)) && (!isAcronym(bareWord(token)) || NAME_SUFFIXES.has(token.lower)));
}

const MAX_SURNAME_APPOSITIVE_TOKENS = 6;

/**
 * Whether a name ending in a word that also ends a place's name (`Park`) is a person's by what
 * surrounds it: a verb of saying after it (`Park said`), a role before it (`designer Theo Park`), an
 * appositive after it naming a person (`Theo Park, a designer,`) or an age (`Park, 31,`), or an
 * honorific (`Ms. Park`).
 */
function isSurnameOfPlaceUsedForPerson(tokens: Token[], shape: NameShape): boolean {
  const last = lastOf(shape.person) as Token;
  if (!SURNAMES_OF_PLACES.has(bareLower(last)) || !canNamePerson(shape.person.slice(0, -1))) return false;
  const before = tokens[shape.index - 1];
  const after = tokens[shape.next];
  if (shape.hasTitles || (after !== undefined && CUE_VERBS.has(after.lower))) return true;
  if (before !== undefined && !before.capitalized && before.isWord && isPersonNoun(before.lower)) return true;
  if (!isComma(after)) return false;
  // `Park, 31, said`: an age set off after it.
  if (pastAge(tokens, shape.next) !== shape.next) return true;
  for (let cursor = shape.next + 2; cursor < tokens.length && cursor - shape.next <= MAX_SURNAME_APPOSITIVE_TOKENS; cursor += 1) {
    const token = tokens[cursor] as Token;
    if (!token.isWord) return false;
    if (isPersonNoun(token.lower)) return true;
  }
  return false;
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
  // The ending is read first: most words have neither, and need not be matched against the whole pattern.
  const hasEnding = word.endsWith('ing') || word.endsWith('ed');
  return hasEnding && /^\p{Lu}\p{Ll}+(?:ing|ed)$/u.test(word) && next !== undefined && AFTER_PARTICIPLE.has(next.text);
}

/**
 * A capitalized word right after a lowercase `the` names a body, a place or a kind of person
 * (`the Pentagon`, `the Texan`, `the Kremlin`), not one person: English puts no article before a
 * person's name, only before a title (`the Rev. Al Sharpton`, read as a title here). Nor a
 * possessive one: after `his` or `their` comes a thing (`sits his Leaving Cert`, `their Honda`).
 */
function afterArticle(before: Token | undefined, titles: Token[], beforeThat: Token | undefined): boolean {
  if (titles.length > 0 || before === undefined) return false;
  // `her first play, The Suitcase Room, which …`: a capital `The` inside a sentence opens a title.
  return ARTICLES_BEFORE_NO_NAME.has(before.text) || (before.text === 'The' && beforeThat !== undefined && (beforeThat.isWord || isComma(beforeThat)));
}

const ARTICLES_BEFORE_NO_NAME = new Set(['the', 'his', 'her', 'its', 'their', 'my', 'our', 'your']);

// Prepositions of place: a name of two words or more after one is a place's (`in Upper Stone`,
// `at Chez Vachon`) unless it opens on a known given name or is a possessive (`in Xi Jinping's
// view`). Not `near` or `around`: people gather around a person too (`rallied around Tamsin Orley`).
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'outside', 'throughout', 'into']);

function isPlaceAfterPreposition(tokens: Token[], shape: NameShape): boolean {
  const { person, parts, hasTitles } = shape;
  const before = tokens[shape.index - 1];
  if (hasTitles || person.length < 2 || person.length !== parts.length || before === undefined) return false;
  // `Rep. Delfina Saucedo of El Paso`: what a name is of is where the person is from or works.
  const ofAName = before.text === 'of' && (tokens[shape.index - 2]?.capitalized ?? false);
  if (!PLACE_PREPOSITIONS.has(before.text) && !ofAName) return false;
  return !isKnownFirstName((person[0] as Token).text) && possessiveLength((person[person.length - 1] as Token).text) === 0;
}

/** Where a name is and what it can be: all the attribution finder asks of a name, cheap to read. */
export interface NameSpan {
  start: number;
  end: number;
  name: string;
  canBePerson: boolean;
}

/** A name as its words were read, before its role and the text around it are. */
interface NameShape {
  /** The token the name's titles or words start at (the titled name's, past a place before it). */
  index: number;
  titleTokens: Token[];
  parts: Token[];
  /** The name words of `parts` (after any organization words). */
  person: Token[];
  /** Whether `titleTokens` are the name's titles: not when an organization word stands between them and the name. */
  hasTitles: boolean;
  start: number;
  end: number;
  next: number;
}

/**
 * Reads the words of a name starting at `index`: titles, then name words, particles, initials and
 * suffixes. A place or body written before a titled name is part of its role, not a name: the
 * mention is the titled name, from the place on (`New Jersey Gov. Chris Christie`).
 */
function readShape(text: string, tokens: Token[], index: number): NameShape | null {
  // The titled name is read by the loop's one call, not by a call of its own: made only after a
  // place (rare), such a call had not run when findNameMentions (which inlines this) was
  // optimized, and its first run threw that code away.
  let shape: NameShape | null = null;
  for (let at = index; at >= 0; ) {
    const read = readNameWords(text, tokens, at);
    // The titled name after a place wins; failing to read one, the words before it are the name.
    shape = read ?? shape;
    at = -1;
    if (read === null) continue;
    const lastPart = lastOf(read.parts);
    const { next } = read;
    // `Former Texas Gov. Rick Perry` opening a sentence: `Former` says when, and is no title of a name `Texas`.
    const untitled = read.titleTokens.every((token) => PAST_MARKERS.has(token.lower));
    if (lastPart && untitled && next < tokens.length && adjacent(text, lastPart, tokens[next] as Token) && readTitles(text, tokens, next).length > 0) at = next;
  }
  if (shape === null) return null;
  shape = nameAfterOffice(text, tokens, shape) ?? shape;
  // Set for every shape, the same steps whether or not it was read past a place.
  const opening = (tokens[index] as Token).start;
  shape.start = shape.index === index ? shape.start : opening;
  return shape;
}

// Words that end the name of an office after `of` (`Secretary of State`, `of Homeland Security`,
// `Chief of Staff`): a name after one starts there, whether or not its first word is a known given name.
const OFFICE_LAST_WORDS = new Set([
  'state', 'security', 'defense', 'defence', 'staff', 'treasury', 'commerce', 'energy', 'labor', 'labour', 'interior',
  'agriculture', 'transportation', 'education', 'justice', 'intelligence', 'affairs', 'services', 'development',
  'health', 'finance', 'house', 'senate', 'representatives', 'police', 'schools',
]);

/**
 * `Secretary of State John Kerry`, `Director of National Intelligence James Clapper`, `Speaker of
 * the House Paul Ryan`: a title word read as the name or its last word, then `of`, the office's capitalized
 * words and a name. The name after the office, when personPart finds where it starts; else null.
 */
function nameAfterOffice(text: string, tokens: Token[], shape: NameShape): NameShape | null {
  // The title may follow a place it is the office of (`Ohio Secretary of State Rosa Mendez`), not
  // a given name (`Peter T. King of New York`: a surname).
  const { person } = shape;
  const title = lastOf(person) as Token;
  if (person.length > MAX_NAME_WORDS || !isTitleWord(title) || tokens[shape.next]?.lower !== 'of' || isKnownFirstName((person[0] as Token).text)) return null;
  const of = tokens[shape.next] as Token;
  const article = tokens[shape.next + 1]?.lower === 'the' ? 1 : 0;
  const at = shape.next + 1 + article;
  const office = tokens[at];
  if (office === undefined || !adjacent(text, title, of) || !adjacent(text, of, tokens[shape.next + 1] as Token) || (article === 1 && !adjacent(text, tokens[shape.next + 1] as Token, office))) return null;
  const read = readNameWords(text, tokens, at);
  if (read === null) return null;
  // The office's last word (`State`, `Defense`) or a given name marks where the name starts; else
  // the run is the office's or a place's (`Speaker of the House`, `King of New York`).
  const { parts } = read;
  const officeEnd = parts.findLastIndex((part, index) => index < parts.length - 1 && OFFICE_LAST_WORDS.has(bareLower(part)));
  if (officeEnd >= 0) return nameShape(read.index, read.titleTokens, parts, parts.slice(officeEnd + 1), read.hasTitles, read.start, read.end, read.next);
  const first = read.person[0] as Token;
  return first !== office && isKnownFirstName(first.text) ? read : null;
}

/** The titles and name words from `index` on, read as one name. */
function readNameWords(text: string, tokens: Token[], index: number): NameShape | null {
  // Titles and names alike start with a capital: most tokens are rejected here, cheaply. (The
  // index is checked rather than the token read past the end: a read out of bounds throws away
  // the compiled code the first time it happens.)
  if (index >= tokens.length || !((tokens[index] as Token).capitalized || isGradeOrdinal(tokens[index] as Token))) return null;
  const titleTokens = readTitles(text, tokens, index);
  // An ordinal opens a name only as a grade's (`1st Lt.`).
  if (titleTokens.length === 0 && !(tokens[index] as Token).capitalized) return null;
  const read = readNameParts(text, tokens, index + titleTokens.length, lastOf(titleTokens));
  const next = index + titleTokens.length + read.length;
  // The post-nominal letters are read past, not into the name: what follows the name (a cue, an
  // appositive) follows them.
  const parts = read.slice(0, read.length - postNominalCount(read, titleTokens.length > 0));
  // A title word with no name after it is the name: `Mr. King`.
  const lastTitle = lastOf(titleTokens);
  if (parts.length === 0 && lastTitle && !isHonorific(lastTitle)) parts.push(titleTokens.pop() as Token);
  // Asked only of a run that may open on a role (three words or more, no title).
  const opensSentence = parts.length > 2 && titleTokens.length === 0 && (index === 0 || endsSentence(text, tokens, index - 1));
  const person = personPart(parts, opensSentence);
  const first = person[0];
  const last = lastOf(person);
  if (!first || !last) return null;
  const hasTitles = person.length === parts.length && titleTokens.length > 0;
  const start = hasTitles ? (titleTokens[0] as Token).start : first.start;
  const end = last.end - possessiveLength(last.text);
  return nameShape(index, titleTokens, parts, person, hasTitles, start, end, next);
}

// Every shape is made here, so that all have one layout (a spread copy may not, and code
// compiled for one layout is thrown away when it meets another).
function nameShape(index: number, titleTokens: Token[], parts: Token[], person: Token[], hasTitles: boolean, start: number, end: number, next: number): NameShape {
  return { index, titleTokens, parts, person, hasTitles, start, end, next };
}

function nameOf(text: string, shape: NameShape): string {
  return writtenName(text, (shape.person[0] as Token).start, shape.end);
}

/** The name written at `[start, end)`, one space between its words where a nickname was written over (see findQuotes). */
function writtenName(text: string, start: number, end: number): string {
  const name = text.slice(start, end);
  return name.includes('  ') ? name.replace(/ {2,}/g, ' ') : name;
}

/**
 * Whether the name is a body's or a place's: one word after an acronym (`U.S. Steel`, `BBC
 * Scotland`), where `Wyoming GOP John Smith` leaves a full name after it; the words after a
 * place's first word (`West Des Moines`, `Fort Worth`).
 */
function isBodyNamed(person: readonly Token[], parts: readonly Token[]): boolean {
  const before = parts[parts.length - person.length - 1];
  if (before === undefined) return false;
  if (PLACE_OPENERS.has(before.lower)) return true;
  if (person.length !== 1 || isKnownFirstName((person[0] as Token).text)) return false;
  return isAcronym(bareWord(before));
}

// Words that open the names of places (`West Des Moines`, `Fort Worth`, `San Luis Obispo`).
const PLACE_OPENERS = new Set(['east', 'west', 'north', 'south', 'new', 'san', 'santa', 'los', 'las', 'fort', 'port']);

// Plural nouns for people that are no single one's name when they open a sentence (`Residents said`).
/**
 * Whether the one word of a name is no person's: plural people (`Residents said`), or a saint's
 * name, which names a church, a school or a street (`St Brigid's Hospital`, `St Mary's`).
 */
function isNoOnesWord(person: readonly Token[], hasTitles: boolean): boolean {
  const first = bareLower(person[0] as Token);
  const saint = first === 'st' || first === 'st.' || first === 'saint';
  return saint || (person.length === 1 && !hasTitles && isPluralOfPersonNoun(first));
}

/**
 * Whether the one word of a name is an office or a noun for a person after an article, past any
 * capitalized words before it (`The President added`, `the Prime Minister insisted`): a description
 * of someone, not their name. (A surname that is such a word, `King said`, has no article.)
 */
function isOfficeAfterArticle(tokens: Token[], shape: NameShape): boolean {
  const { person, index } = shape;
  const word = person[0] as Token;
  if (person.length !== 1 || !(isTitleWord(word) || isListedPersonNoun(bareLower(word)))) return false;
  let before = index - 1;
  while (before >= 0 && (tokens[before] as Token).capitalized && (tokens[before] as Token).lower !== 'the') before -= 1;
  return tokens[before]?.lower === 'the';
}

function canShapeBePerson(tokens: Token[], shape: NameShape): boolean {
  const { person, parts, titleTokens, hasTitles } = shape;
  return (canNamePerson(person) || isSurnameOfPlaceUsedForPerson(tokens, shape)) && !(person.length === parts.length && afterArticle(tokens[shape.index - 1], titleTokens, tokens[shape.index - 2]))
    && !(!hasTitles && isParticiple(person, shape.next < tokens.length ? tokens[shape.next] : undefined))
    && !opensPluralPossessiveName(tokens, shape)
    && !isBodyNamed(person, parts) && !isPlaceAfterPreposition(tokens, shape) && !isNoOnesWord(person, hasTitles)
    && !isOfficeAfterArticle(tokens, shape) && !isLoneLetter(person, hasTitles);
}

/** One letter on its own, no title before it: a platform, a grade or a label (`on X`, `Plan B`), not a person (`Mr. X` may be). */
function isLoneLetter(person: readonly Token[], hasTitles: boolean): boolean {
  return !hasTitles && person.length === 1 && (person[0] as Token).text.length === 1;
}

/**
 * `Matatu Owners' Welfare Association`, `the Farmers' Union`: a plural possessive running on into
 * more capitalized words is part of an organization's name.
 */
function opensPluralPossessiveName(tokens: Token[], shape: NameShape): boolean {
  const last = lastOf(shape.person) as Token;
  const apostrophe = tokens[shape.next];
  const after = tokens[shape.next + 1];
  return (apostrophe?.text === "'" || apostrophe?.text === '’') && apostrophe.start === last.end && /s$/.test(last.text) && after !== undefined && after.capitalized;
}

/**
 * Two or three capitalized words that name no organization or place are taken for a person, and
 * one with an age set off after it (`a Grade 6 student, Theo, 11,`: features name children and
 * relatives by their given name alone).
 */
function isShapePerson(tokens: Token[], shape: NameShape): boolean {
  // A suffix or a lowercase particle is no name word of the count (`Joseph R. Murray II`,
  // `Chanté van der Merwe`); a capitalized one is (`Duc Le`).
  let words = 0;
  for (const token of shape.person) if (!NAME_SUFFIXES.has(token.lower) && !(NAME_PARTICLES.has(token.text))) words += 1;
  // An age after one word makes it a person's name (`Theo, 11,`), but not after `of` or `from`,
  // where the word is where someone is from (`Abena Mensah-Holt of Minneapolis, 39,`).
  const fromPlace = shape.index > 0 && ORIGIN_PREPOSITIONS.has((tokens[shape.index - 1] as Token).text);
  // `María José Ortega Salas`, `Carlos Eduardo Méndez Ruiz`: two given names and two surnames.
  const doubleGiven = words === MAX_NAME_WORDS + 1 && isKnownFirstName((shape.person[0] as Token).text) && isKnownFirstName((shape.person[1] as Token).text);
  return shape.hasTitles || (words > 1 && words <= MAX_NAME_WORDS) || doubleGiven || (!fromPlace && pastAge(tokens, shape.next) !== shape.next)
    || isRelativeByGivenName(tokens, shape) || isGivenNameSetOff(tokens, shape);
}

// How far a clause after a given name is read for what it says of the name (`who asked that her surname not be used`).
const MAX_WITHHELD_NAME_TOKENS = 10;
// How many lowercase words may qualify a person noun set off after a given name (`a retired nurse`).
const MAX_SET_OFF_MODIFIERS = 3;

/**
 * `Rukhsana, who asked that her surname not be published,`, `Maria, a retired nurse,`: a given name
 * alone, set off before a clause saying it is all the text will print, or before a noun for a person,
 * is someone's, as features name people who keep their surname out of the paper.
 */
function isGivenNameSetOff(tokens: Token[], shape: NameShape): boolean {
  const { next } = shape;
  if (shape.person.length !== 1 || !isComma(tokens[next])) return false;
  const after = tokens[next + 1];
  if (after?.lower === 'who') {
    for (let cursor = next + 2; cursor < tokens.length && cursor - next <= MAX_WITHHELD_NAME_TOKENS; cursor += 1) {
      const word = (tokens[cursor] as Token).lower;
      if (word === 'surname' || (word === 'name' && ['last', 'full', 'family'].includes(tokens[cursor - 1]?.lower ?? ''))) return true;
    }
    return false;
  }
  if (after?.lower !== 'a' && after?.lower !== 'an') return false;
  for (let cursor = next + 2; cursor < tokens.length && cursor - next - 2 <= MAX_SET_OFF_MODIFIERS; cursor += 1) {
    const token = tokens[cursor] as Token;
    if (!token.isWord || token.capitalized) return false;
    if (isListedPersonNoun(token.lower)) return true;
  }
  return false;
}

/**
 * `She is survived by their son, Callum.`, `his wife, Aoife; their daughter, …`: a given name set
 * off after a word for a relative is that relative, as families are named in obituaries and features.
 */
function isRelativeByGivenName(tokens: Token[], shape: NameShape): boolean {
  const [name] = shape.person;
  const relative = tokens[shape.index - 2];
  const after = tokens[shape.next];
  return shape.person.length === 1 && name !== undefined && isComma(tokens[shape.index - 1])
    && relative !== undefined && KINSHIP_NOUNS.has(relative.lower) && (after === undefined || isComma(after) || after.text === ';' || isSentenceEnd(after));
}

const ORIGIN_PREPOSITIONS = new Set(['of', 'from']);

/**
 * The whole reading of a name in sentence `sentence`: its role, and what the words around it say
 * of the person. Of a name in a headline, the name alone: the words around it are the headline's
 * (`Donald Trump Praises Breitbart's Washington Political Editor Matthew Boyle`), neither a role nor
 * a sentence it is the subject of. (Either way one object literal: objects of two layouts threw away
 * the compiled code of the functions reading them.)
 */
function describe(text: string, tokens: Token[], shape: NameShape, sentence: number, inHeadline: boolean): NameMention {
  const { index, titleTokens, parts, person, hasTitles, start, end, next } = shape;
  const titles = hasTitles ? titleTokens.map((token) => token.lower) : NO_WORDS;
  const first = person[0] as Token;
  const last = person[person.length - 1] as Token;
  // Counted from the name's words: post-nominal letters may stand between them and `next`.
  const afterParts = index + titleTokens.length + parts.length;
  const read = findRole(text, tokens, afterParts - person.length, next);
  // `Jane Foster MP said`: her seat is what the text says she is, when it says nothing else.
  const seat = read.role === null ? seatAfterName(tokens, afterParts, next) : null;
  const role = read.role ?? seat;
  const rolePhrases = seat === null ? read.phrases : [seat];
  const titlesHeld = !hasTitles || holdsTitles(tokens, index, titleTokens);
  const before = tokens[index - 1];
  // A role in front makes the name the head of its phrase, whatever comes before the role.
  // `…, and Ms. Varga seems unsure`: after a comma, `and` or `or` opens a clause the name may be
  // the subject of. `according to Ms. Ruiz`: the name is the source of what the sentence says.
  const opensClause = index > 1 && (before?.lower === 'and' || before?.lower === 'or') && isComma(tokens[index - 2]);
  const isSource = index > 1 && before?.lower === 'to' && tokens[index - 2]?.lower === 'according';
  // `The findings were welcomed by Karen Osterhout`: the agent of a passive is who acts.
  const isAgent = index > 1 && before?.lower === 'by' && PASSIVE_PARTICIPLE.test(tokens[index - 2]?.text ?? '');
  const afterPreposition = before !== undefined && BEFORE_NON_SUBJECT.has(before.lower) && role === null && !opensClause && !isSource && !isAgent;
  // A possessive opening its sentence names whom the sentence is about (`Suu Kyi's fate is
  // unclear, but she said …`); elsewhere it only qualifies a noun (`one of Trump's messages`).
  const opensSentence = index === 0 || endsSentence(text, tokens, index - 1);
  const isProminent = (opensSentence || !POSSESSIVE_END.test(last.text)) && !afterPreposition;
  return {
    start,
    end,
    name: writtenName(text, first.start, end),
    titles,
    printedTitle: hasTitles ? printedTitle(titleTokens, titlesHeld) : null,
    titlesHeld,
    titleGender: genderOfTitles(titles),
    // A lone given name (`Melanie`) carries its gender too.
    nameGender: genderOfFirstName(first.text, first !== last),
    role: inHeadline ? null : role,
    rolePhrases: inHeadline ? NO_WORDS : rolePhrases,
    clauseRoleWords: inHeadline ? NO_WORDS : clauseRoleWords(tokens, index, next),
    places: inHeadline ? NO_WORDS : placesNamed(tokens, next),
    isPerson: isShapePerson(tokens, shape),
    canBePerson: canShapeBePerson(tokens, shape),
    isProminent: isProminent && !inHeadline,
    isAsked: (before !== undefined && ASKING_VERBS.has(before.text) || isAskedInApposition(tokens, index)) && !inHeadline,
    isSubject: isProminent && !inHeadline && followedByVerb(tokens, next),
    isSubordinate: opensSubordinateClause(tokens, index),
    opensContrast: !inHeadline && opensContrastingClause(tokens, index),
    opensSentence: opensSentence && !inHeadline,
    pronounGender: inHeadline ? null : genderOfNextPronoun(text, tokens, next),
    sentence,
  };
}

const CONTRASTING_CONJUNCTIONS = new Set(['but', 'yet', 'while', 'whereas']);
// The most lowercase words of a role between the conjunction and the name (`, but starting quarterback Trent Lyle`).
const MAX_ROLE_WORDS_AFTER_CONJUNCTION = 3;

/**
 * Whether the name at token `index` (its titles included) follows `, but` (`yet`, `while`,
 * `whereas`; after a comma or semicolon), past a lowercase role before it: a person noun right
 * before the name, no verb (`, but suggested Trump went too far` is no new subject's clause).
 */
function opensContrastingClause(tokens: Token[], index: number): boolean {
  let cursor = index - 1;
  const roleNoun = tokens[cursor];
  if (roleNoun !== undefined && !roleNoun.capitalized && isPersonNoun(roleNoun.lower)) {
    for (; cursor >= index - MAX_ROLE_WORDS_AFTER_CONJUNCTION && cursor > 0; cursor -= 1) {
      const token = tokens[cursor] as Token;
      if (!token.isWord || token.capitalized || isVerbLike(token) || CONTRASTING_CONJUNCTIONS.has(token.lower)) break;
    }
  }
  const before = tokens[cursor - 1];
  return cursor > 0 && CONTRASTING_CONJUNCTIONS.has(tokens[cursor]?.lower ?? '') && (isComma(before) || before?.text === ';');
}

// The most words of a description between an asking verb and the name set off after it.
const MAX_ASKED_DESCRIPTION_TOKENS = 6;

/**
 * Whether the name at token `index` is set off after a description of the one asked (`asked the
 * county's chief executive, Declan Moran, whether …`): the name of the one asked.
 */
function isAskedInApposition(tokens: Token[], index: number): boolean {
  if (!isComma(tokens[index - 1])) return false;
  for (let cursor = index - 2; cursor >= 0 && index - cursor <= MAX_ASKED_DESCRIPTION_TOKENS + 1; cursor -= 1) {
    const token = tokens[cursor] as Token;
    if (ASKING_VERBS.has(token.text)) return cursor < index - 2;
    if (!token.isWord && !isPluralPossessive(token)) return false;
  }
  return false;
}

// How far back a word opening a clause of time or reason (SUBORDINATORS) is looked for, past a
// role before the name (`after top scorer Kyle Brannigan`).
const SUBORDINATOR_REACH = 4;

/** Whether the name starting at token `index` opens a clause of time, reason or condition, past a role before it. */
function opensSubordinateClause(tokens: Token[], index: number): boolean {
  for (let cursor = index - 1; cursor >= 0 && index - cursor <= SUBORDINATOR_REACH; cursor -= 1) {
    const token = tokens[cursor] as Token;
    if (!token.isWord) return false;
    if (SUBORDINATORS.has(token.lower)) return true;
  }
  return false;
}

/**
 * Reads a name starting at `index` (titles, then name words, particles, initials and suffixes),
 * only where it is and whether it can be a person's: its role and the clauses around it are read
 * only for the names findNameMentions hands on.
 */
export function readNameSpan(text: string, tokens: Token[], index: number): { mention: NameSpan; next: number } | null {
  const shape = readShape(text, tokens, index);
  if (!shape) return null;
  return { mention: { start: shape.start, end: shape.end, name: nameOf(text, shape), canBePerson: canShapeBePerson(tokens, shape) }, next: shape.next };
}

function endsSentence(text: string, tokens: Token[], index: number): boolean {
  const token = tokens[index];
  const next = tokens[index + 1];
  if (!token) return false;
  return isSentenceEnd(token) || (next !== undefined && hasLineBreak(text, token.end, next.start));
}

/**
 * The index of each token's sentence, counting from 0: a sentence ends at a `.`, `?` or `!` token
 * or a line break. Read once for an article's names and its subject pronouns alike.
 */
export function sentenceIndexes(text: string, tokens: Token[]): Uint32Array {
  const sentences = new Uint32Array(tokens.length);
  let sentence = 0;
  for (let index = 0; index < tokens.length; index++) {
    sentences[index] = sentence;
    if (endsSentence(text, tokens, index)) sentence += 1;
  }
  return sentences;
}

/**
 * A name of the text that can be a person's, found before it is read whole: most turn out to
 * name nobody the article's people need (a surname of no one named in full, a one-word place),
 * so the role and the clauses around the name are read only when `mention()` is asked for.
 */
export interface FoundName {
  start: number;
  name: string;
  /** Taken for a person's name on its own: see NameMention.isPerson. */
  isPerson: boolean;
  /** The whole mention, read on the first call. */
  mention(): NameMention;
}

// A name in a headline runs into the headline's other capitalized words past this many.
const MAX_HEADLINE_NAME_WORDS = 3;

/**
 * Every capitalized run of the text read as a name that can be a person's (`canBePerson`), in
 * order, among those starting where `wanted` says.
 */
export function findNameMentions(
  text: string,
  tokens: Token[],
  wanted: (start: number) => boolean = () => true,
  sentences: Uint32Array = sentenceIndexes(text, tokens),
  inHeadline: (start: number) => boolean = () => false,
): FoundName[] {
  const found: FoundName[] = [];
  // Beside each found name, whether the text sets it off as a company, a charity, a school.
  const setOff: boolean[] = [];
  let index = 0;
  while (index < tokens.length) {
    const shape = readShape(text, tokens, index);
    if (shape && canShapeBePerson(tokens, shape)) {
      // A titled name or one opening on a known given name is a person's, whatever follows it.
      const personal = shape.hasTitles || isKnownFirstName((shape.person[0] as Token).text);
      const organization = !personal && isSetOffAsOrganization(tokens, shape.next);
      // In a headline every word is capitalized (`Council May Close Pool`): only a personal name
      // of a few words there is a name (not `Elizabeth Warren Hammers Wells Fargo`), and its
      // neighbours are no role.
      const headline = inHeadline(shape.start);
      const headlineName = personal && shape.person.length <= MAX_HEADLINE_NAME_WORDS;
      if (organization || (wanted(shape.start) && (headlineName || !headline))) {
        found.push(foundName(text, tokens, shape, sentences[index] as number, headline));
        setOff.push(organization);
      }
    }
    index = shape ? Math.max(shape.next, index + 1) : index + 1;
  }
  return withoutOrganizations(found, setOff);
}

/**
 * The names but those of organizations: no mention of a name the text once set off as a body
 * (`Hebrides Link, a company owned by the council`) is a person's. The same steps for every
 * article: a step taken only for one naming a company (rare) had not run when findNameMentions
 * was optimized, and its first run threw that code away.
 */
function withoutOrganizations(found: FoundName[], setOff: boolean[]): FoundName[] {
  const organizations = new Set(found.filter((_name, index) => setOff[index]).map((name) => name.name));
  return found.filter((name) => !organizations.has(name.name));
}

function foundName(text: string, tokens: Token[], shape: NameShape, sentence: number, inHeadline: boolean): FoundName {
  let whole: NameMention | undefined;
  return {
    start: shape.start,
    name: nameOf(text, shape),
    isPerson: isShapePerson(tokens, shape),
    mention: () => (whole ??= describe(text, tokens, shape, sentence, inHeadline)),
  };
}

/** The key people are grouped by: the surname, lowercased, suffixes dropped. */
export function surnameKey(name: string): string {
  // The last of the words `split(/\s+/)` gives that is no suffix ('' when all are), read in one
  // pass without splitting: asked of every name of every article. Every word is read alike: the
  // steps taken only after a suffix (`Jr.`, rare) had not run when collectPeople, which inlines
  // this, was optimized, and their first run threw its code away.
  const lower = name.toLowerCase().replaceAll('’', "'");
  let key = '';
  let wordStart = 0;
  for (let index = 0; index < lower.length; index += 1) {
    if (!isSpaceUnit(lower.charCodeAt(index))) continue;
    if (wordStart < index) {
      const word = lower.slice(wordStart, index);
      if (!NAME_SUFFIXES.has(word)) key = word;
    }
    wordStart = index + 1;
  }
  const last = lower.slice(wordStart);
  return withoutArabicArticle(NAME_SUFFIXES.has(last) ? key : last);
}

/** `al-mansouri` → `mansouri`: a surname is called by either (`Mansouri said`). */
function withoutArabicArticle(key: string): string {
  return (key.startsWith('al-') || key.startsWith('el-')) && key.length > 3 ? key.slice(3) : key;
}

/**
 * `He` / `She` opening a sentence outside the `quoted` ranges (ordered, end exclusive): the
 * subject of that sentence, a link in a chain of references to one person.
 */
export function findSubjectPronouns(
  text: string,
  tokens: Token[],
  quoted: Array<[number, number]>,
  sentences: Uint32Array = sentenceIndexes(text, tokens),
): Array<{ at: number; gender: Gender; sentence: number }> {
  const found: Array<{ at: number; gender: Gender; sentence: number }> = [];
  const opensSentence = (index: number) => index === 0 || sentences[index] !== sentences[index - 1];
  let range = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    const gender = token.lower === 'he' ? 'male' : token.lower === 'she' ? 'female' : null;
    if (!gender) continue;
    // `He said …` or, after a sentence-opening conjunction, `But he suggested …`.
    const opener = tokens[index - 1];
    const isSubject = opensSentence(index) || (opener !== undefined && SENTENCE_OPENERS.has(opener.text) && opensSentence(index - 1));
    if (!isSubject) continue;
    while (range < quoted.length && (quoted[range]?.[1] ?? 0) <= token.start) range += 1;
    const inQuote = (quoted[range]?.[0] ?? Infinity) <= token.start;
    if (!inQuote) found.push({ at: token.start, gender, sentence: sentences[index] as number });
  }
  return found;
}
