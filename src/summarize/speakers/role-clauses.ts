/**
 * What a clause around a name says the person is or does, as role words for a later description
 * to match: a relative clause (`Maria Lopez, who coaches the team,` → coach; `Lopez, who is the
 * team's captain,` → captain; `who served as treasurer` → treasurer), one on the head of an
 * appositive (`Velde, a nephrologist who led the trial` → leader, trial), a predicate naming a
 * role (`Ruth Adler is the town's mayor.` → mayor), an age (`Lopez, 52,` → 52-year-old) or a
 * passive the name is the agent of (`The committee was chaired by Facey` → chairman, committee).
 */
import { agentNounsOf } from './agent-nouns.js';
import { isKnownFirstName } from '../text/first-names.js';
import { DETERMINERS, NO_WORDS } from '../text/lexicon.js';
import { isPersonNoun, joinSecondOffices } from './person-nouns.js';
import { isComma, possessiveLength, type Token } from '../text/tokens.js';

// Words between the subject and its verb that say nothing of what the person does.
const AUXILIARIES = new Set([
  'has', 'had', 'have', 'also', 'now', 'still', 'long', 'once', 'previously', 'currently',
  'recently', 'already', 'later', 'then', 'since', 'formerly', 'briefly', 'will', 'would',
]);
// Verbs after which a noun phrase says what the person is (`is the coach`, `served as mayor`).
const COPULAS = new Set(['is', 'was', 'be', 'became', 'becomes', 'remains', 'remained', 'been']);
const AS_VERBS = new Set([
  'serves', 'served', 'serving', 'works', 'worked', 'working', 'acts', 'acted', 'doubles', 'doubled',
  'poses', 'posed', 'started', 'starts', 'began', 'begins', 'joined', 'joins', 'returned', 'returns',
]);
// Words that end the noun phrase naming the role (`the coach of the team`).
const PHRASE_ENDS = new Set(['of', 'for', 'at', 'in', 'on', 'with', 'from', 'since', 'and', 'who', 'that', 'which', 'when', 'until', 'after', 'before', 'to']);
const MAX_ROLE_TOKENS = 8;
// A verb form of the clause: lowercase, `-s`, `-es`, `-ed` or an irregular past.
const VERB_FORM = /^[a-z]+(?:s|ed)$|^(?:taught|led|ran|run|wrote|written|oversaw|overseen|kept|built|held|grew|grown|drove|driven|flew|flown|sang|sung|sold|made)$/;

function lower(token: Token | undefined): string {
  return token?.lower ?? '';
}

/** The word lowercased, without a possessive ending (`team's` → team). */
function bareLower(token: Token): string {
  const word = lower(token);
  return word.slice(0, word.length - possessiveLength(word));
}

/** The person nouns of the noun phrase from token `from` on, up to what it is of. */
function rolePhraseNouns(tokens: Token[], from: number): readonly string[] {
  const nouns: string[] = [];
  for (let cursor = from; cursor < tokens.length && cursor - from < MAX_ROLE_TOKENS; cursor += 1) {
    const token = tokens[cursor] as Token;
    const word = bareLower(token);
    if (!token.isWord || PHRASE_ENDS.has(word)) break;
    // `will be the next mayor`: the one chosen, `the mayor-elect`, not the mayor.
    if (isPersonNoun(word)) nouns.push(cursor > from && TO_COME.has((tokens[cursor - 1] as Token).lower) ? `${word}-elect` : word);
  }
  // `was deputy minister of transportation`: the deputy minister, no minister (as a role phrase reads it).
  return joinSecondOffices(nouns);
}

// Words before an office that say it is yet to be taken up.
const TO_COME = new Set(['next', 'incoming', 'future']);

// Verbs that give the name after them the office `as` introduces (`named Ana Ruiz as its chief executive`).
const APPOINTING_VERBS = new Set([
  'appoint', 'appoints', 'appointed', 'name', 'names', 'named', 'elect', 'elects', 'elected', 'hire', 'hires', 'hired',
  'select', 'selects', 'selected', 'choose', 'chooses', 'chose', 'chosen', 'confirm', 'confirms', 'confirmed',
  'nominate', 'nominates', 'nominated', 'install', 'installs', 'installed', 'tap', 'taps', 'tapped',
]);

// Words that may stand before an age set off after a name (`Petrakis, now 80,`).
const AGE_WORDS = new Set(['now', 'aged']);
// What may follow an age set off after a name: a comma, or the end of the sentence.
const AFTER_AGE = new Set([',', '.', ';']);

/** The index of the age set off after the name ending before token `next` (`Lopez, 52,`, `Petrakis, now 80.`), or -1. */
function ageIndex(tokens: Token[], next: number): number {
  if (!isComma(tokens[next])) return -1;
  const age = AGE_WORDS.has(tokens[next + 1]?.text ?? '') ? next + 2 : next + 1;
  return /^\d{1,3}$/.test(tokens[age]?.text ?? '') && AFTER_AGE.has(tokens[age + 1]?.text ?? '') ? age : -1;
}

/** The punctuation after an age set off after a name (`Maria Lopez, 52, the coach`), else `next`. */
export function pastAge(tokens: Token[], next: number): number {
  const age = ageIndex(tokens, next);
  return age < 0 ? next : age + 1;
}

/**
 * Role words the clause after the name ending before token `next` gives the person: the person
 * nouns a copula or `as` puts after the name (`, who is the team's coach`, `is the town's mayor`,
 * `, who served as treasurer`), or the nouns for the doer of the verb of a relative clause
 * (`, who coaches the team` → coach); and the epithet of an age set off after the name
 * (`Maria Lopez, 52,` → 52-year-old: news calls her `the 52-year-old` later); and what a passive
 * the name (starting at token `index`) is the agent of says it did; or the office a verb of
 * appointing gives it (`appointed Tom Fairclough as first-team captain`). Empty when there is none.
 */
export function clauseRoleWords(tokens: Token[], index: number, next: number): readonly string[] {
  // `have appointed Tom Fairclough as first-team captain`: the office the name is given (not
  // `celebrating Hillary Clinton as the next president`).
  if (tokens[next]?.text === 'as' && APPOINTING_VERBS.has(tokens[index - 1]?.lower ?? '')) return rolePhraseNouns(tokens, next + 1);
  // `Maria Lopez, 52, who coaches the team`: past the age, and past where she is from (`Abena
  // Mensah-Holt of Minneapolis, 39,`).
  const age = ageIndex(tokens, pastOrigin(tokens, next));
  const words = roleWordsOfClauseAt(tokens, age < 0 ? next : age + 1);
  const agent = passiveAgentWords(tokens, index);
  if (age < 0 && agent.length === 0) return words;
  // Joined by concat, not spread: spreading iterates each list, compiled for the layout of the
  // lists met first, and a list of another layout (an empty `[]`) threw describe's code away.
  const joined = words.concat(agent);
  if (age >= 0) joined.push(`${(tokens[age] as Token).text}-year-old`);
  return joined;
}

/**
 * The token after where the person named before token `next` is from or of (`Marisol Quintero of
 * New Mexico`, `Brent Oakes from Peoria`): a preposition and capitalized words. `next` when there is none.
 */
export function pastOrigin(tokens: Token[], next: number): number {
  const preposition = tokens[next]?.text;
  if (preposition !== 'of' && preposition !== 'from') return next;
  let cursor = next + 1;
  while (tokens[cursor]?.capitalized) cursor += 1;
  return cursor > next + 1 ? cursor : next;
}

const MAX_PLACE_WORDS = 4;

/**
 * The words of the place a name is said to be from, after it (`Brett Kowalski, of Columbus, Ohio,`,
 * `Paolo Serra of Turin`, `Ann Rees, from Ballinroe,`), lowercased: `the Ohioan`, `the Ballinroe woman`.
 */
function placeWords(tokens: Token[], next: number): readonly string[] {
  const from = isComma(tokens[next]) ? next + 1 : next;
  const preposition = tokens[from]?.text;
  if (preposition !== 'of' && preposition !== 'from') return NO_WORDS;
  const words: string[] = [];
  let runs = 1;
  let runWords = 0;
  for (let cursor = from + 1; cursor < tokens.length && words.length < MAX_PLACE_WORDS; cursor += 1) {
    const token = tokens[cursor] as Token;
    // `Columbus, Ohio`: a state after its town.
    if (isComma(token) && tokens[cursor + 1]?.capitalized) {
      runs += 1;
      continue;
    }
    if (!token.isWord || !token.capitalized) break;
    words.push(token.lower);
    if (runs === 1) runWords += 1;
  }
  // After `of`, one word (`of Turin`) or a town and its state: `of Ohio State`, `of Ohio Power`
  // and `of Scotland Yard` name what the person works for.
  if (preposition === 'of' && runs === 1 && runWords > 1) return NO_WORDS;
  return words.length > 0 ? words : NO_WORDS;
}

// Participles whose agent holds a role over what the passive is about (`was chaired by`): not
// `arrested by`, `conducted by` or `treated by`, whose doers are called otherwise.
const ROLE_PARTICIPLES = new Set([
  'led', 'run', 'chaired', 'headed', 'managed', 'coached', 'founded', 'co-founded', 'owned',
  'directed', 'organised', 'organized', 'hosted', 'edited', 'produced', 'written', 'designed',
  'captained', 'overseen', 'presented', 'curated', 'trained', 'taught', 'represented',
]);
// Words between a passive's subject and its participle (`was chaired by`, `has been run by`).
const PASSIVE_AUXILIARIES = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had']);
// Capitalized words a name may have before it that are not its own (`Sister`, `Coach`).
const MAX_WORDS_BEFORE_NAME = 2;
const MAX_SUBJECT_WORDS = 4;
// The most words of when or where between a participle and its `by` (`founded in 1987 by`).
const MAX_WORDS_BEFORE_BY = 4;

/**
 * The role words a passive gives the name starting at token `index` as its agent: the doer's
 * nouns and the words of what was done (`The restoration committee was chaired by Sister Hyacinth
 * Morrison` → chair, chairman, …, restoration, committee: `the committee chairman`).
 */
function passiveAgentWords(tokens: Token[], index: number): readonly string[] {
  let by = index - 1;
  while (by > 0 && index - by <= MAX_WORDS_BEFORE_NAME && (tokens[by] as Token).capitalized) by -= 1;
  if (tokens[by]?.text !== 'by') return NO_WORDS;
  // `founded in 1987 by Tom Atherley`: a few words of when or where may stand between.
  let at = by - 1;
  while (at > 0 && by - at <= MAX_WORDS_BEFORE_BY && (tokens[at] as Token).isWord && !ROLE_PARTICIPLES.has((tokens[at] as Token).text)) at -= 1;
  const participle = tokens[at];
  if (!participle || !ROLE_PARTICIPLES.has(participle.text)) return NO_WORDS;
  const words = agentNounsOf(participle.text);
  let cursor = at - 1;
  while (cursor >= 0 && PASSIVE_AUXILIARIES.has((tokens[cursor] as Token).text)) cursor -= 1;
  for (let read = 0; cursor >= 0 && read < MAX_SUBJECT_WORDS; cursor -= 1, read += 1) {
    const token = tokens[cursor] as Token;
    if (!token.isWord || DETERMINERS.has(token.lower) || token.capitalized) break;
    // `The driver was arrested by PC Jane Cole`: the driver is someone else.
    if (!isPersonNoun(token.lower)) words.push(token.lower);
  }
  return words;
}

// How far after the name's comma the `who` of an appositive's relative clause may stand.
const MAX_APPOSITIVE_TOKENS = 12;

/**
 * The index of the `who` that opens a relative clause on the head of an appositive set off by
 * the comma at `comma` (`Dr. Annika Velde, a nephrologist at Bransford Medical Center who led
 * the trial`), or -1. The appositive must name one person, its head: in `the wife of a farmer who
 * led the protest` the farmer led it.
 */
function appositiveRelativeAt(tokens: Token[], comma: number): number {
  // Found first, the words before it read only then: most appositives have no `who`.
  let who = -1;
  for (let cursor = comma + 1; who < 0 && cursor < tokens.length && cursor - comma <= MAX_APPOSITIVE_TOKENS; cursor += 1) {
    const token = tokens[cursor] as Token;
    if (!token.isWord) return -1;
    if (token.text === 'who') who = cursor;
  }
  if (who <= comma + 1) return -1;
  let personNouns = 0;
  for (let cursor = comma + 1; cursor < who; cursor += 1) {
    const token = tokens[cursor] as Token;
    // `a lawyer for Kenneth Abbot who organised the march`: the clause is the name's.
    if (isPersonNoun(bareLower(token)) || (token.capitalized && isKnownFirstName(token.text))) personNouns += 1;
  }
  return personNouns === 1 ? who : -1;
}

/**
 * The index of the `who` of a relative clause on the name ending before token `from`: `, who …`;
 * `a lawyer for Kenneth Abbot who organised the march`; `, a nephrologist who led …`. Else -1.
 */
function relativeAt(tokens: Token[], from: number): number {
  const after = tokens[from];
  if (!after) return -1;
  if (!isComma(after)) return after.text === 'who' ? from : -1;
  return tokens[from + 1]?.text === 'who' ? from + 1 : appositiveRelativeAt(tokens, from);
}

/** The role words of the clause opening at token `from` (see clauseRoleWords). */
function roleWordsOfClauseAt(tokens: Token[], from: number): readonly string[] {
  // The words read here are lowercase in running text: compared as written, most names are
  // passed over without a lowercased copy (most are followed by punctuation or another word).
  const after = tokens[from];
  if (!after) return NO_WORDS;
  const who = relativeAt(tokens, from);
  const relative = who >= 0;
  if (!relative && !(COPULAS.has(after.text) || AUXILIARIES.has(after.text) || AS_VERBS.has(after.text))) return NO_WORDS;
  let cursor = relative ? who + 1 : from;
  while (AUXILIARIES.has(tokens[cursor]?.text ?? '')) cursor += 1;
  const verb = tokens[cursor]?.text ?? '';
  // `Walter Beck, who turned 80 in March,`: an age, as `Walter Beck, 80,` gives it.
  const age = relative && AGE_VERBS.has(verb) ? ageAfterVerb(tokens, cursor + 1) : null;
  if (age !== null) return [`${age}-year-old`];
  // The words of the verb before the role: `is` one, `served as` two. One call, its offset added
  // alike for both: the second call, and its `cursor + 2`, ran so rarely that they had not run
  // when describe (which inlines this) was optimized, and their first run threw the code away.
  const verbWords = COPULAS.has(verb) ? 1 : AS_VERBS.has(verb) && tokens[cursor + 1]?.text === 'as' ? 2 : timeAsWords(tokens, cursor, verb);
  if (verbWords > 0) return rolePhraseNouns(tokens, cursor + verbWords);
  if (relative && VERB_FORM.test(verb)) {
    const agents = agentNounsOf(verb);
    const objects = objectWords(tokens, cursor + 1);
    // `who leads the Appropriations Committee`: its chair (`the appropriations chairwoman`).
    const chairs = agents.includes('head') && headsChairedBody(tokens, cursor + 1);
    return chairs ? [...agents, ...agentNounsOf('chair'), ...objects] : [...agents, ...objects];
  }
  return NO_WORDS;
}

// Bodies whose head is their chair (a council's leader is not its chairman).
const CHAIRED_BODIES = new Set(['committee', 'subcommittee', 'panel', 'board', 'commission', 'caucus']);
// Words that may follow the body a verb is done to, its phrase ended.
const AFTER_CHAIRED_BODY = new Set(['that', 'which', 'who', 'and', 'since', 'until']);

/**
 * Whether what the verb before token `from` is done to is a body with a chair, as the head of its
 * phrase (`leads the Appropriations Committee`): not a part of one (`heads the commission's legal
 * unit`), nor what the person leads it in (`leads the caucus in fundraising`).
 */
function headsChairedBody(tokens: Token[], from: number): boolean {
  for (let cursor = from; cursor < tokens.length && cursor - from < MAX_ROLE_TOKENS; cursor += 1) {
    const token = tokens[cursor] as Token;
    const word = bareLower(token);
    if (!token.isWord || OBJECT_ENDS.has(word)) return false;
    if (!CHAIRED_BODIES.has(word)) continue;
    const next = tokens[cursor + 1];
    return possessiveLength(token.text) === 0 && (next === undefined || !next.isWord || AFTER_CHAIRED_BODY.has(next.lower));
  }
  return false;
}

// Verbs an age follows in a relative clause (`who turned 80 in March`, `who is 44`).
const AGE_VERBS = new Set(['turned', 'turns', 'is', 'was']);

/** The age written at token `index` (`80`, `44 years old`), not a count of something (`is 80 miles`), or null. */
function ageAfterVerb(tokens: Token[], index: number): string | null {
  const number = tokens[index];
  if (number === undefined || !/^\d{1,3}$/.test(number.text)) return null;
  const next = tokens[index + 1];
  const yearsOld = next?.lower === 'years' && tokens[index + 2]?.lower === 'old';
  return next === undefined || !next.isWord || yearsOld || AFTER_AGE_WORDS.has(next.lower) ? number.text : null;
}

// Words after an age that end it (`who turned 80 in March`, `who is 44 and lives in Leeds`).
const AFTER_AGE_WORDS = new Set(['in', 'on', 'last', 'this', 'and', 'but', 'when', 'next']);

// Verbs of time spent in a role (`who spent 15 years as a public defender`).
const SPENT_VERBS = new Set(['spent', 'spends', 'spending']);
// The most words of how long between such a verb and its `as` (`the next two decades`).
const MAX_TIME_WORDS = 4;

/** The words from `spent` to its `as` (`spent 15 years as`), 0 when the verb at `cursor` is no such verb or none follows. */
function timeAsWords(tokens: Token[], cursor: number, verb: string): number {
  if (!SPENT_VERBS.has(verb)) return 0;
  for (let at = cursor + 1; at < tokens.length && at - cursor <= MAX_TIME_WORDS + 1; at += 1) {
    const token = tokens[at] as Token;
    if (token.text === 'as') return at - cursor + 1;
    if (!token.isWord) return 0;
  }
  return 0;
}

/**
 * Where the name of the place the verb `verb` (ending before token `from`) says the person lives
 * or comes from starts (`lives in Ballinroe`, `grew up in Ballinroe`, `comes from Ballinroe`), or -1.
 */
function placeAfterVerb(tokens: Token[], verb: string, from: number): number {
  const first = tokens[from]?.text === 'up' ? from + 1 : from;
  const preposition = tokens[first]?.text ?? '';
  return PLACE_PREPOSITIONS.has(preposition) || (preposition === 'from' && ORIGIN_VERBS.has(verb)) ? first + 1 : -1;
}

/**
 * The places the text says the person whose name ends before token `next` is from, lowercased:
 * `Brett Kowalski, of Columbus, Ohio,`, `Ann Rees, from Ballinroe,`, `Siobhan Ferris, who lives
 * in Ballinroe,`. What `the Ohioan` or `the Dubliner` is matched with.
 */
export function placesNamed(tokens: Token[], next: number): readonly string[] {
  const age = ageIndex(tokens, next);
  const from = age < 0 ? next : age + 1;
  const after = placeWords(tokens, from);
  const who = relativeAt(tokens, from);
  let verb = who + 1;
  // `who was born in Chile`, `who is based in Ohio`.
  while (who >= 0 && (AUXILIARIES.has(tokens[verb]?.text ?? '') || COPULAS.has(tokens[verb]?.text ?? ''))) verb += 1;
  const start = who < 0 ? -1 : placeAfterVerb(tokens, tokens[verb]?.text ?? '', verb + 1);
  if (start < 0) return after;
  const lived: string[] = [];
  for (let cursor = start; cursor < tokens.length && lived.length < MAX_PLACE_WORDS && (tokens[cursor] as Token).capitalized; cursor += 1) {
    lived.push((tokens[cursor] as Token).lower);
  }
  return [...after, ...lived];
}

// Prepositions after a verb that say where the person lives (`who lives in Ballinroe`).
const PLACE_PREPOSITIONS = new Set(['in', 'near']);
// Verbs after which `from` says where the person is from (`who comes from Ballinroe`), not where
// they left (`who moved from Ballinroe`).
const ORIGIN_VERBS = new Set(['comes', 'came', 'hails', 'hailed']);
// Words that end what a verb is done to, beside those that end a role's phrase.
const OBJECT_ENDS = new Set([...PHRASE_ENDS, 'into', 'onto', 'through', 'across', 'over', 'under', 'about', 'against', 'toward', 'towards', 'around', 'past', 'by', 'as']);

/**
 * The words of what the verb ending before token `from` is done to, lowercased, its determiner
 * left out: `led the trial` makes the person `the trial's leader`, `runs the Harbour Hotel` the
 * hotel's keeper, beside the other leaders and keepers of the article. A person it is done to is
 * someone else (`who treated the victim`): their noun is left out. (Where the person lives is
 * read by placesNamed.)
 */
function objectWords(tokens: Token[], from: number): string[] {
  const words: string[] = [];
  for (let cursor = from; cursor < tokens.length && cursor - from < MAX_ROLE_TOKENS; cursor += 1) {
    const token = tokens[cursor] as Token;
    const word = bareLower(token);
    if (!token.isWord || OBJECT_ENDS.has(word)) break;
    // Its common nouns, its head (`the Harbour Hotel`) and whose it is (`manages Ellen Marchetti's
    // campaign`: Marchetti's manager): `accused Sanders supporters` does not make one a Sanders supporter.
    const head = !(tokens[cursor + 1]?.isWord ?? false) || OBJECT_ENDS.has(lower(tokens[cursor + 1]));
    const whose = token.capitalized && possessiveLength(token.text) > 0;
    if (!DETERMINERS.has(word) && !isPersonNoun(word) && (head || whose || !token.capitalized)) words.push(word);
  }
  return words;
}
