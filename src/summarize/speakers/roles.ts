/**
 * The role a text gives a named person: a premodifier (`US National Security Council spokesman
 * John Kirby`), an appositive after the name (`Donna Brazile, the interim chairwoman of the
 * DNC,`) or before it (`the team's coach, Maria Lopez,`), a party label (`Sen. Rand Paul
 * (R-Ky.)`) or a title (`President Obama`).
 */
import { isBlankUnit } from '../text/characters.js';
import { isPartyLabel, isVerbLike } from './name-tokens.js';
import { ABBREVIATED_OFFICES, CUE_VERBS, DETERMINERS, HONORIFICS, KINSHIP_NOUNS, NO_WORDS, PAST_MARKERS, RELATIVE_WORDS, ROLE_NOUNS, SUBORDINATORS } from '../text/lexicon.js';
import { isListedPersonNoun, isPersonNoun } from './person-nouns.js';
import { pastAge, pastOrigin } from './role-clauses.js';
import { closesPluralPossessive, hasLineBreak, isCapitalized, isComma, isPluralPossessive, isSentenceEnd, isThenOfTitle, pastParenthesis, possessiveLength, type Token } from '../text/tokens.js';
import { CLOSING_QUOTE_MARKS } from '../text/quote-marks.js';

// Words of a style of address after `His`, `Her` or `Your` (`Her Honour Judge …`, `His Excellency`).
const STYLES_OF_ADDRESS = new Set(['honour', 'honor', 'excellency', 'worship', 'grace', 'lordship', 'ladyship', 'eminence', 'holiness']);
// Lowercase words that may qualify a role before a name (`former campaign strategist`).
const ROLE_MODIFIERS = new Set([
  'former', 'senior', 'top', 'chief', 'deputy', 'longtime', 'acting', 'interim', 'campaign', 'press',
  'foreign', 'national', 'policy', 'security', 'communications', 'political', 'state', 'federal',
  'retired', 'vice', 'assistant', 'executive', 'general', 'special', 'lead', 'principal', 'associate',
  'managing', 'ranking', 'presidential', 'then', 'minority', 'majority', 'party', 'city', 'county',
  'republican', 'democratic', 'conservative', 'liberal', 'independent', 'veteran', 'prominent',
]);
// Lowercase words before an abbreviated title that say which office it is (`state Sen.`, `then-Gov.`).
const OFFICE_QUALIFIERS = new Set(['state', 'former', 'then', 'acting', 'interim', 'retired']);
const CONNECTORS = new Set(['of', 'for', 'and', 'on', 'at']);
const ROLE_STOPS = new Set([',', '.', ';', ':', '(', ')', '"', '“', '”', "'", '‘', '’', '?', '!', '—', '–']);
const EXPANDED_TITLES = new Map([...ABBREVIATED_OFFICES].map(([office, word]) => [`${office}.`, word]));
const MAX_APPOSITIVE_TOKENS = 16;
// Words of a parenthesis after a name that a role set off after it may follow (`(Conservative)`, `(R-Ky.)`).
const MAX_PARENTHESIS_TOKENS = 6;
// Auxiliaries and verbs of saying that no role phrase holds.
const FINITE_VERBS = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'said', 'says', 'told', 'tells']);
// Words of a role before a name (`former Deputy Secretary of State for Economic Affairs`): read no
// further back, a run of capitalized words before each name of a run made it quadratic.
const MAX_PREMODIFIER_TOKENS = 10;

/** The word lowercased, without a possessive ending or a final period. */
function lower(token: Token): string {
  const word = token.lower;
  if (word.endsWith("'s") || word.endsWith('’s')) return word.slice(0, -2);
  return word.endsWith('.') ? word.slice(0, -1) : word;
}

/** A noun for a person's role; capitalized, a listed one (`Zionist`, `Comedian` by their endings may be adjectives or names). */
function namesRole(token: Token): boolean {
  return token.capitalized ? isListedPersonNoun(lower(token)) : isPersonNoun(lower(token));
}

/**
 * Nothing but spaces and tabs between the tokens, if anything: `/^[ \t\u00a0]*$/`; or the hyphen
 * of `then-` (tokens.ts splits `then-Gov.` in two), which qualifies the title as `former` does.
 */
function onlySpacesBetween(text: string, left: Token, right: Token): boolean {
  if (right.start === left.end + 1 && isThenOfTitle(text, left)) return true;
  for (let index = left.end; index < right.start; index++) {
    const code = text.charCodeAt(index);
    if (!isBlankUnit(code)) return false;
  }
  return true;
}

function canPremodify(token: Token): boolean {
  return isCapitalized(token) || namesRole(token) || ROLE_MODIFIERS.has(lower(token));
}

/**
 * Where the name starting at token `index` begins with its titles: `Dr.`, `Mr.`, `Sen.` written
 * before a name are part of how it is written, not what the text says the person is.
 */
function titlesStart(text: string, tokens: Token[], index: number): number {
  let start = index;
  for (let token = tokens[start - 1]; token && HONORIFICS.has(token.lower); token = tokens[start - 1]) {
    const right = tokens[start];
    if (!right || !onlySpacesBetween(text, token, right)) break;
    start -= 1;
  }
  return start;
}

// Lowercase nouns a role noun before a name may have before it (`nurses' union rep`).
const MAX_NOUNS_BEFORE_ROLE = 2;
// Lowercase words that end a role read back from a name: verbs and what opens a clause or a phrase.
const NOT_ROLE_NOUNS = new Set([
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'with', 'by',
  'from', 'to', 'in', 'on', 'at', 'of', 'for', 'and', 'or', 'but', 'as', 'than', 'who', 'whom', 'whose', 'which',
  'is', 'was', 'are', 'were', 'be', 'been', 'has', 'had', 'have', 'will', 'would', 'can', 'could', 'may', 'might',
  'not', 'also', 'then', 'when', 'after', 'before', 'about', 'says', 'told', 'asked', 'thanked', 'met', 'called',
  'named', 'hired', 'put', 'let', 'got', 'gave', 'made', 'took', 'saw', 'like', 'including', 'some', 'many', 'dear',
  'between', 'among', 'into', 'over', 'under', 'against', 'without', 'within', 'through', 'during', 'since', 'until',
  'upon', 'via', 'per', 'appears', 'seems', 'becomes', 'remains',
  // Opening a clause: `Although coach Ray Dobbs said little`.
  ...SUBORDINATORS, 'whereas', 'whether', 'yet', 'if',
  // Opening a sentence without a comma: `Meanwhile striker Jamal Osei`, `Later Senator Dana Holt`.
  // (Not `Today` or `Tonight`: `Today show host`, `Tonight Show host` name a programme.)
  'meanwhile', 'later', 'earlier', 'afterwards', 'afterward', 'instead', 'still', 'now', 'yesterday', 'again',
]);

// Words after which a word is a verb (`will face challenger Paul Nehlen`, `to offend`).
const BEFORE_VERBS = new Set(['to', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'shall', 'did', 'does', 'do', "won't", 'not']);

// Nouns in -ing that qualify roles (`housing officer`, `marketing director`); other words in -ing
// before a role noun are verbs (`after meeting officer Nia Rhodes`).
const ING_NOUNS = new Set([
  'housing', 'training', 'marketing', 'planning', 'nursing', 'banking', 'publishing', 'fundraising',
  'engineering', 'accounting', 'licensing', 'parking', 'building', 'policing', 'teaching', 'coaching',
  'lending', 'mining', 'shipping', 'farming', 'fishing', 'polling', 'counselling', 'counseling',
  'consulting', 'programming', 'broadcasting', 'advertising', 'catering', 'lettings', 'recruiting',
]);

/** A lowercase word that may be a noun qualifying a role (`union`, `radio`): no verb, adverb or function word. */
function isPlainNoun(token: Token, before: Token | undefined): boolean {
  const word = token.lower;
  if (token.capitalized || word.length < 3 || NOT_ROLE_NOUNS.has(word) || CUE_VERBS.has(word)) return false;
  if (/(?:ed|ing|ly)$/.test(word) && !ING_NOUNS.has(word)) return false;
  return before === undefined || !BEFORE_VERBS.has(before.lower);
}

/** `US National Security Council spokesman` before the name and its titles, starting at token `nameStart`. */
function premodifierRole(text: string, tokens: Token[], nameStart: number): string | null {
  let first = nameStart;
  // `Student union president Ray Young`, `kennel club secretary Tom Page`: a role noun right before
  // the name may have nouns of its own before it.
  const head = tokens[nameStart - 1];
  let nouns = head !== undefined && !head.capitalized && namesRole(head) ? MAX_NOUNS_BEFORE_ROLE : 0;
  for (let cursor = nameStart - 1; cursor >= 0 && nameStart - cursor <= MAX_PREMODIFIER_TOKENS; cursor -= 1) {
    const token = tokens[cursor];
    const right = tokens[cursor + 1];
    if (!token || !right || !onlySpacesBetween(text, token, right)) break;
    // `Secretary of State John Kerry`; not `friend of Clinton`, where the name itself follows.
    // `and` joins two roles (`Chairman and Chief Executive Ann Li`), not a name to the next one's
    // role (`Conservative MP Helen Archer and Labour MP Tom Pike`).
    const joinsRoles = token.text !== 'and' || (cursor > 0 && namesRole(tokens[cursor - 1] as Token));
    // A preposition joins a capitalized title on both sides (`Secretary of State`): `agent for
    // President Bill Clinton` is someone else's role, not the president's.
    const joinsTitle = token.text === 'and' || (cursor > 0 && (tokens[cursor - 1] as Token).capitalized);
    const connects = CONNECTORS.has(token.text) && isCapitalized(right) && cursor > 0 && cursor + 1 < nameStart && joinsRoles && joinsTitle;
    const noun = !canPremodify(token) && !connects && nouns > 0 && isPlainNoun(token, tokens[cursor - 1]);
    if (!token.isWord || !(canPremodify(token) || connects || noun)) break;
    // The nouns come right before the role noun: past a capitalized word or a modifier a
    // lowercase word is a verb or a phrase of the sentence's (`to offend Republican front-runner`).
    if (!noun && cursor < nameStart - 1) nouns = 0;
    else if (noun) nouns -= 1;
    first = cursor;
  }
  // Sentence-initial function words and dangling connectors are not part of the role, nor the
  // style of a title after them (`Her Honour Judge Fenella Marsh`).
  while (first < nameStart) {
    const token = tokens[first];
    // (The connectors are among the words that are no role.)
    const style = first > 0 && STYLES_OF_ADDRESS.has(lower(token as Token)) && POSSESSIVE_DETERMINERS.has(lower(tokens[first - 1] as Token));
    if (!token || !(DETERMINERS.has(lower(token)) || (NOT_ROLE_NOUNS.has(lower(token)) && !isThenOfTitle(text, token)) || style)) break;
    first += 1;
  }
  const words = tokens.slice(first, nameStart);
  if (!words.some(namesRole)) return null;
  const start = words[0]?.start;
  const end = words[words.length - 1]?.end;
  return start === undefined || end === undefined ? null : text.slice(start, end);
}

/** Whether a noun at token `index` opens a role whose noun follows within two words (`cabinet member for highways`). */
function opensNounRole(tokens: Token[], index: number): boolean {
  const first = tokens[index] as Token;
  if (!isPlainNoun(first, undefined)) return false;
  for (let cursor = index + 1; cursor < tokens.length && cursor <= index + MAX_NOUNS_BEFORE_ROLE; cursor += 1) {
    const token = tokens[cursor] as Token;
    if (namesRole(token)) return true;
    if (!isPlainNoun(token, undefined)) return false;
  }
  return false;
}

/** `, the interim chairwoman of the Democratic National Committee,` after the name ending before `next`. */
function appositiveRole(text: string, tokens: Token[], next: number, nameOpensSentence = true): string | null {
  const comma = pastAge(tokens, next);
  if (!isComma(tokens[comma]) || (!nameOpensSentence && opensClauseOfItsOwn(tokens, comma + 1)) || introducesNextRelative(tokens, comma + 1)) return null;
  return rolePhraseAt(text, tokens, comma + 1);
}

/**
 * `survived by Isobel Torrance, their son, Callum Torrance, their daughter, Eilidh Ross`: a
 * relative by a possessive, set off between two names, is the name's after it (read by
 * precedingAppositiveRole), as families are listed in obituaries; not the name's before it.
 */
function introducesNextRelative(tokens: Token[], start: number): boolean {
  const opening = tokens[start];
  if (opening === undefined || !POSSESSIVE_DETERMINERS.has(opening.lower)) return false;
  for (let cursor = start + 1; cursor < tokens.length && cursor - start <= MAX_APPOSITIVE_TOKENS; cursor += 1) {
    const token = tokens[cursor] as Token;
    if (isComma(token)) return KINSHIP_NOUNS.has((tokens[cursor - 1] as Token).lower) && (tokens[cursor + 1]?.capitalized ?? false);
    if (!token.isWord) return false;
  }
  return false;
}

/**
 * `Speaking through interpreter Sofia Lindqvist, the minister said: …`: after a name inside an
 * opening phrase, a phrase opening on `the` after the comma and running into a verb with no comma
 * to close it is the subject of the sentence's own clause, not an appositive of the name (which the
 * writer closes with a comma: `Sofia Lindqvist, the interpreter, said`). After a name opening the
 * sentence, it is one the writer left open (`Sam Lau, the communications director for the party said`).
 */
function opensClauseOfItsOwn(tokens: Token[], start: number): boolean {
  const opening = tokens[start];
  if (opening === undefined || opening.lower !== 'the') return false;
  for (let cursor = start + 1; cursor < tokens.length && cursor - start <= MAX_APPOSITIVE_TOKENS; cursor += 1) {
    const token = tokens[cursor] as Token;
    if (FINITE_VERBS.has(token.text)) return true;
    if (!token.isWord || RELATIVE_WORDS.has(token.lower)) return false;
  }
  return false;
}

/**
 * The role phrase opening at token `start` (`the interim chairwoman of the Democratic National
 * Committee`), after the comma of an appositive or a copula (`who is`, `is`): it opens on a
 * determiner, a word that qualifies a role or a noun for one, and ends at punctuation, a relative
 * word or a finite verb, on a word that names a role. Null when it does not.
 */
function rolePhraseAt(text: string, tokens: Token[], start: number): string | null {
  const opening = tokens[start];
  if (!opening || !(DETERMINERS.has(lower(opening)) || canPremodify(opening) || opensNounRole(tokens, start))) return null;
  const words: Token[] = [];
  for (let cursor = start; cursor < tokens.length && words.length < MAX_APPOSITIVE_TOKENS; cursor += 1) {
    const token = tokens[cursor];
    const previous = words[words.length - 1];
    if (!token || hasLineBreak(text, previous?.end ?? token.start, token.start)) break;
    // `the Tigers' coach`: the apostrophe right after a plural is the possessive's. Whether the word
    // follows a plural is asked of every word: asked only after an apostrophe (rare), the tests had
    // not run when appositiveRole was optimized, and their first run threw its code away.
    const possessive = closesPluralPossessive(previous, token);
    // `a Clinton supporter who has accused …`: the relative clause says what they did, not what they are.
    // `Marina Pacheco, chief executive of the Mammal Society told CNN`: a finite verb ends a phrase
    // its writer did not close with a comma.
    // A hyphen set off by a space is a dash (`firms - Black, Manafort …`); one inside a word is not (`D.C.-based`).
    const dash = token.text === '-' && previous !== undefined && previous.end < token.start;
    if ((ROLE_STOPS.has(token.text) && !possessive) || dash || RELATIVE_WORDS.has(token.text) || FINITE_VERBS.has(token.text)) {
      // `the producer of "Glass Harbour"`: a title in quote marks is what the role is of.
      // After the kind of work too (`producer of the documentary "Salt: A Love Story"`).
      const ofWork = previous !== undefined && (CONNECTORS.has(previous.lower) || (previous.isWord && !previous.capitalized && words.some((word) => CONNECTORS.has(word.lower))));
      const title = ofWork ? quotedTitleAt(text, tokens, cursor) : null;
      if (title !== null) return roleOfTitle(text, words, title);
      break;
    }
    words.push(token);
  }
  // A connector the phrase stopped after has lost what it connects to: the role ends before it.
  while (words.length > 0 && DANGLING_ENDINGS.has(words[words.length - 1]?.lower ?? '')) words.pop();
  const head = words.findLastIndex(namesRole);
  if (head < 0) return null;
  if (opensClauseAfterRole(words, head)) return null;
  return phraseText(text, words);
}

// Words a role phrase cannot end on: they lead to what the phrase stopped before (`author of`,
// `the only contender here to`).
const DANGLING_ENDINGS = new Set([...CONNECTORS, 'to', 'the', 'a', 'an', 'in', 'by', 'with', 'from', 'as', 'known', 'called', 'nicknamed', 'dubbed', 'named']);

// The most words of a title in quote marks a role may end on (`producer of "The Long Field"`).
const MAX_QUOTED_TITLE_WORDS = 6;
const OPENING_MARKS = new Set(['"', '“', "'", '‘']);

/** Where a title in quote marks opens and closes: its marks as written, and its words. */
interface QuotedTitle {
  open: string;
  words: string;
  close: string;
}

/**
 * The number of tokens of the quote mark at token `index`: one, or two for a mark doubled (the
 * New York Times writes `''` for a double mark); 0 when there is none.
 */
function markLength(tokens: Token[], index: number, marks: ReadonlySet<string>): number {
  const mark = tokens[index];
  if (mark === undefined || !marks.has(mark.text)) return 0;
  const next = tokens[index + 1];
  return next !== undefined && next.start === mark.end && (next.text === "'" || next.text === '’') && mark.text === next.text ? 2 : 1;
}

/** A short capitalized title in quote marks opening at token `index`, on one line (`''Destiny and Power,''`), or null. */
function quotedTitleAt(text: string, tokens: Token[], index: number): QuotedTitle | null {
  const opening = markLength(tokens, index, OPENING_MARKS);
  const first = tokens[index + opening];
  if (opening === 0 || first === undefined || !first.capitalized) return null;
  let last: Token = first;
  for (let cursor = index + opening + 1; cursor < tokens.length && cursor - index <= MAX_QUOTED_TITLE_WORDS + opening + 1; cursor += 1) {
    const token = tokens[cursor] as Token;
    const closing = markLength(tokens, cursor, CLOSING_QUOTE_MARKS);
    if (closing > 0) {
      const open = text.slice((tokens[index] as Token).start, first.start);
      const close = text.slice(token.start, (tokens[cursor + closing - 1] as Token).end);
      return hasLineBreak(text, first.start, token.start) ? null : { open, words: text.slice(first.start, last.end), close };
    }
    // A comma or a period inside the marks ends the sentence around the title, not the title; a
    // question or an exclamation mark is the title's (`"Who Killed Ada Frost?"`).
    if (token.isWord || token.text === '?' || token.text === '!') last = token;
  }
  return null;
}

/** The role phrase `words` ending on a title in quote marks, with the marks as written. */
function roleOfTitle(text: string, words: Token[], title: QuotedTitle): string | null {
  const phrase = words.some(namesRole) ? phraseText(text, words) : null;
  return phrase === null ? null : `${phrase} ${title.open}${title.words}${title.close}`;
}

/**
 * `Cllr Martin Holloway (Conservative), leader of the opposition,`: an appositive past a short
 * parenthesis after the name, opening on an article or a lowercase word. A capitalized word there
 * more often opens a list of other people (`Sen. Marco Rubio (R-Fla.), Donald Trump and Senator
 * Ted Cruz`) than a role.
 */
function roleAfterParenthesis(text: string, tokens: Token[], next: number): string | null {
  const comma = pastParenthesis(tokens, next, MAX_PARENTHESIS_TOKENS);
  const opening = tokens[comma + 1];
  if (comma === next || !opening || (opening.capitalized && !DETERMINERS.has(opening.lower))) return null;
  const phrase = appositiveRole(text, tokens, comma);
  return phrase === null || namesOthers(phrase) ? null : phrase;
}

/**
 * Whether a phrase names people of its own, a role right before a name (`Martin Holloway
 * (pictured), his wife Ana and their two sons moved in`, `chief executive Ana Pereira and …`):
 * the sentence goes on about others, the phrase is no role of the name before it.
 */
function namesOthers(phrase: string): boolean {
  const words = phrase.split(' ');
  return words.some((word, index) => isPersonNoun(word.toLowerCase()) && /^\p{Lu}/u.test(words[index + 1] ?? ''));
}

/**
 * `… her relationship with Pike, the mayor shrugged.`: a verb right after the role, with nothing
 * it governs, makes the phrase a clause of its own whose subject the role is; the name closed the
 * phrase before it. A participle that goes on (`governor challenged by Sanders`, `broker based in
 * Tampa`) still describes the named person.
 */
function opensClauseAfterRole(words: Token[], head: number): boolean {
  const verb = words[head + 1];
  if (!verb || verb.text !== verb.lower || !(CUE_VERBS.has(verb.lower) || /[^e]ed$/.test(verb.lower))) return false;
  return head + 2 >= words.length;
}

// Nouns for a body, not a person: what an appositive may say a name is (`Hebrides Link, a company
// owned by the council`), or what says the capitalized name after it is a body's (`the digital
// rights group OpenWire`).
const ORGANIZATION_NOUNS = new Set([
  'company', 'firm', 'business', 'charity', 'group', 'organisation', 'organization', 'operator',
  'agency', 'school', 'club', 'band', 'team', 'chain', 'brand', 'startup', 'start-up', 'subsidiary',
  'cooperative', 'co-operative', 'manufacturer', 'airline', 'carrier', 'bank', 'lender', 'insurer',
  'supermarket', 'restaurant', 'pub', 'hotel', 'gallery', 'museum', 'newspaper', 'magazine',
  'website', 'app', 'platform', 'service', 'network', 'society', 'association', 'union', 'council',
  'authority', 'trust', 'foundation', 'institute', 'university', 'college', 'hospital', 'clinic',
  'church', 'parish', 'ministry', 'department', 'party', 'outlet', 'publication', 'broadcaster',
  'co-op', 'nonprofit', 'campaign', 'coalition', 'bakery', 'cafe', 'café', 'shop', 'farm', 'vineyard', 'brewery',
  'practice', 'studio', 'theatre', 'theater', 'label', 'publisher',
]);
const MAX_ORGANIZATION_APPOSITIVE_WORDS = 8;

/**
 * Whether an appositive after the name ending before token `next` says it names a body
 * (`Hebrides Link, a company owned by the local authority`, `Earlark, the Dublin startup,`): a
 * phrase opening on an article whose head, its last noun before what it is of or what is said of
 * it, names an organization, with no noun for a person before it (`a hotel guest`, `a bank teller`
 * and `the choice of many party insiders` are people).
 */
export function isSetOffAsOrganization(tokens: Token[], next: number): boolean {
  const article = tokens[next + 1];
  if (!isComma(tokens[next]) || !article || !['a', 'an', 'the'].includes(article.lower)) return false;
  let head: Token | undefined;
  for (let cursor = next + 2; cursor < tokens.length && cursor - next - 2 < MAX_ORGANIZATION_APPOSITIVE_WORDS; cursor += 1) {
    const token = tokens[cursor] as Token;
    if (!token.isWord || RELATIVE_WORDS.has(token.lower) || CONNECTORS.has(token.lower) || /(?:ing|ed)$/.test(token.lower)) break;
    // `the school's principal`: a possessive only qualifies the noun after it.
    if (possessiveLength(token.text) > 0) continue;
    // `the two million members of the union`: people, one or many.
    if (namesRole(token) || (token.lower.endsWith('s') && isPersonNoun(token.lower.slice(0, -1)))) return false;
    head = token;
  }
  return head !== undefined && ORGANIZATION_NOUNS.has(head.lower);
}

// Words of an organization's name that a person may be said to be of (`Sofia Lindahl of Brennan
// Capital`, `Chris Wallace of Fox News`), beyond the nouns for a body above: a place is written the
// same way (`Bernie Sanders of Vermont`).
const ORGANIZATION_NAME_WORDS = new Set([
  'capital', 'securities', 'equities', 'investors', 'research', 'partners', 'associates', 'holdings', 'investments', 'ventures',
  'advisers', 'advisors', 'analytics', 'economics', 'consulting', 'management', 'fund', 'police', 'times',
  'post', 'news', 'press', 'journal', 'committee', 'commission', 'center', 'centre', 'federation',
  'bureau', 'office', 'watch', 'labs', 'inc', 'ltd', 'llc', 'plc', 'corp', 'corporation',
]);
const MAX_AFFILIATION_TOKENS = 10;
// Words that join the capitalized words of an organization's name (`Center for Child Rights and
// Corporate Responsibility`, `Larch & Finney`).
const NAME_JOINERS = new Set(['of', 'for', 'and', '&', 'on']);

/**
 * `Sofia Lindahl of Brennan Capital`, `Marcus Delgado of the Democratic Congressional Campaign
 * Committee`: the organization a person is said to be of, right after the name ending before
 * `next` (or a comma), or to work at in a clause after it.
 */
function affiliation(text: string, tokens: Token[], next: number): string | null {
  const of = isComma(tokens[next]) ? next + 1 : next;
  return tokens[of]?.lower === 'of' ? organizationNameAt(text, tokens, of + 1) : affiliationInClause(text, tokens, next);
}

// Verbs of a relative clause that say where a person works (`who teaches at Georgia Southern
// University`, `who heads a project on government secrecy for the Federation of American Scientists`).
const WORK_VERBS = new Set([
  'teaches', 'taught', 'works', 'worked', 'heads', 'headed', 'chairs', 'chaired', 'runs', 'ran', 'manages',
  'managed', 'leads', 'led', 'directs', 'directed', 'oversees', 'oversaw', 'covers', 'covered', 'studies',
  'studied', 'researches', 'edits', 'edited',
]);
// Words of such a clause before the preposition (`teaches constitutional law and legal institutions at`).
const MAX_CLAUSE_WORDS = 8;
const WORK_PREPOSITIONS = new Set(['at', 'for', 'with']);

/**
 * `Harriet Mbeki, who manages a food and beverage fund at Castlegate Investors,`: the organization
 * a relative clause after the name says the person works at or for, when nothing else gives a role.
 */
function affiliationInClause(text: string, tokens: Token[], next: number): string | null {
  if (!isComma(tokens[next]) || tokens[next + 1]?.lower !== 'who') return null;
  // `who now heads`, `who also teaches`: one adverb before the verb.
  const verb = WORK_VERBS.has(tokens[next + 2]?.lower ?? '') ? next + 2 : WORK_VERBS.has(tokens[next + 3]?.lower ?? '') ? next + 3 : -1;
  if (verb < 0) return null;
  for (let cursor = verb + 1; cursor < tokens.length && cursor - verb <= MAX_CLAUSE_WORDS; cursor += 1) {
    const token = tokens[cursor] as Token;
    if (!token.isWord) return null;
    if (WORK_PREPOSITIONS.has(token.lower) && tokens[cursor + 1]?.capitalized !== false) return organizationNameAt(text, tokens, cursor + 1);
  }
  return null;
}

/**
 * The organization named from token `first` on (`Brennan Capital`, `the Democratic Congressional
 * Campaign Committee`), as written (`The Associated Press` keeps its capitalized article). A word of
 * it must say it is a body: places are written the same way (`of Vermont`, `of the Bronx`, `of the
 * Isle of Wight`), and so are ships and works.
 */
function organizationNameAt(text: string, tokens: Token[], from: number): string | null {
  let first = from;
  const article = tokens[first];
  const hasArticle = article?.lower === 'the';
  if (hasArticle && !article.capitalized) first += 1;
  let last = -1;
  for (let cursor = first; cursor < tokens.length && cursor - first < MAX_AFFILIATION_TOKENS; cursor += 1) {
    const token = tokens[cursor] as Token;
    const right = tokens[cursor + 1];
    if (token.capitalized && token.isWord) last = cursor;
    else if (!(NAME_JOINERS.has(token.lower) && right?.capitalized && last >= 0)) break;
    if (!right || !onlySpacesBetween(text, token, right)) break;
  }
  // `of Castlebridge Police's economic crime unit`: the name is only whose unit it is.
  if (last < first || possessiveLength((tokens[last] as Token).text) > 0) return null;
  const words = tokens.slice(first, last + 1);
  // `of the House Representative Paul Ryan`: a title and a name are a person, not a body.
  if (words.some((token, index) => token.capitalized && namesRole(token) && words[index + 1]?.capitalized)) return null;
  return words.some(isOrganizationWord) && !isCompassPlace(words) ? text.slice((tokens[first] as Token).start, (tokens[last] as Token).end) : null;
}

/** A word that says a name is a body's (`Capital`, `Institute`, `Police`) or joins a firm's (`&`). */
function isOrganizationWord(token: Token): boolean {
  const word = lower(token);
  return ORGANIZATION_NAME_WORDS.has(word) || ORGANIZATION_NOUNS.has(word) || word === '&';
}

const COMPASS_WORDS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western']);

/** `the West Bank`: a point of the compass and one word name a place. */
function isCompassPlace(words: readonly Token[]): boolean {
  return words.length === 2 && COMPASS_WORDS.has(lower(words[0] as Token));
}

// Articles a role is printed without (`a spokeswoman for the agency` → `spokeswoman for the agency`).
const DROPPED_ARTICLES = new Set(['a', 'an', 'the', 'another']);

/**
 * The words of a role phrase as written. `the interim chairwoman` reads as `interim
 * chairwoman`; `the station's chief` needs its article (lowercase, as it opens no sentence here).
 */
function phraseText(text: string, words: Token[]): string | null {
  const opening = words[0];
  if (!opening) return null;
  const possessive = opensOnPossessive(words);
  const article = DROPPED_ARTICLES.has(lower(opening));
  const content = article && !possessive ? words.slice(1) : words;
  const start = content[0]?.start;
  const end = content[content.length - 1]?.end;
  if (start === undefined || end === undefined) return null;
  const phrase = text.slice(start, end);
  // Capitalized only to open its sentence (`His daughter, Rachel Hebden,`): printed after a name, lowercase.
  const lowercased = (article && possessive) || POSSESSIVE_DETERMINERS.has(lower(opening));
  return lowercased ? phrase.charAt(0).toLowerCase() + phrase.slice(1) : phrase;
}

/**
 * Whether the words after the first open on a possessive (`the station's`, `the Tigers'`, `the
 * Wren Rivers Trust's`): a lowercase word or a run of capitalized ones ending in one.
 */
function opensOnPossessive(words: Token[]): boolean {
  for (let index = 1; index < words.length; index += 1) {
    const word = words[index] as Token;
    if (possessiveLength(word.text) > 0 || isPluralPossessive(word)) return true;
    // A lowercase word is the possessive's only word (`the station's`, `the parents' club`).
    if (!word.capitalized) return isPluralPossessive(words[index + 1]);
  }
  return false;
}

const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

// Words that may join a role to what it is of (`a spokeswoman for the agency`).
const ROLE_PREPOSITIONS = new Set(['of', 'for', 'at', 'in', 'on', 'with', 'from']);
// Determiners that open a role set off before a name (`the team's coach, Maria Lopez,`, `Another
// nurse, Sister Thandeka Mkhize,`).
const ROLE_ARTICLES = new Set(['the', 'a', 'an', 'another', 'his', 'her', 'its', 'their', 'our']);
const MAX_PRECEDING_APPOSITIVE_TOKENS = 10;

/**
 * `the team's coach, ` or `a spokeswoman for the agency, ` set off before the name (and its
 * titles) spanning tokens `[nameStart, next)`: a phrase from an article to a comma, naming a role,
 * with the name set off after it too (a comma or the end of the sentence follows, past where the
 * person is from: `the House minority leader, Marisol Quintero of New Mexico,`), so that
 * `After the coach, Lopez spoke` is not read as one.
 */
function precedingAppositiveRole(text: string, tokens: Token[], nameStart: number, next: number): string | null {
  const after = tokens[pastAffiliation(tokens, pastOrigin(tokens, next))]?.text ?? '.';
  if (!isComma(tokens[nameStart - 1]) || ![',', '.', ';', ')'].includes(after)) return null;
  let first = -1;
  // The phrase from the article nearest the name (`the club's chairman`), before any reading further back.
  let nearest = -1;
  for (let cursor = nameStart - 2; cursor >= 0 && nameStart - cursor <= MAX_PRECEDING_APPOSITIVE_TOKENS; cursor -= 1) {
    const token = tokens[cursor] as Token;
    if (!(token.isWord || isPluralPossessive(token)) || hasLineBreak(text, token.end, (tokens[cursor + 1] as Token).start)) break;
    // `a strategist whose agency, Fenton,`: the name is what the relative clause speaks of, not the one the role is.
    if (RELATIVE_WORDS.has(token.lower)) break;
    // `Fuller's star forward, Simone Adeyemi,`: a name's possessive opens the phrase as an article does.
    if (!ROLE_ARTICLES.has(lower(token)) && !(token.capitalized && possessiveLength(token.text) > 0)) continue;
    first = cursor;
    if (nearest < 0) nearest = cursor;
    // `a spokeswoman for the agency`: the article of what the role is of; go on to the role's.
    if (!ROLE_PREPOSITIONS.has(lower(tokens[cursor - 1] ?? token))) break;
  }
  // `Pershing Square's founder, William Ackman,`, `The Wren Rivers Trust's science officer, Léa
  // Dubois-Marchand,`: the possessive name is all its capitalized words, to the article or the
  // word opening the sentence before them (`After Pershing Square's …`).
  const possessiveName = first > 0 && possessiveLength((tokens[first] as Token).text) > 0;
  while (possessiveName && first > 0 && extendsNameBack(text, tokens[first - 1] as Token, tokens[first] as Token)) first -= 1;
  // `the Senate's leading Democrat`: the article is the phrase's (printed with it, see phraseText).
  if (possessiveName && first > 0 && lower(tokens[first - 1] as Token) === 'the') first -= 1;
  const phrase = rolePhraseFrom(text, tokens, first, nameStart);
  // `a victim impact statement from the club's chairman, Liam O'Driscoll,`: the statement is no
  // role, the phrase after its preposition is.
  return phrase ?? (nearest > first ? rolePhraseFrom(text, tokens, nearest, nameStart) : null);
}

/** Whether `word` right before `right` is a word of the same capitalized name (not `The` or `After`). */
function extendsNameBack(text: string, word: Token, right: Token): boolean {
  return word.capitalized && !NOT_ROLE_NOUNS.has(word.lower) && onlySpacesBetween(text, word, right);
}

/** The words from token `first` to the comma before the name at `nameStart`, when their head names a role; else null. */
function rolePhraseFrom(text: string, tokens: Token[], first: number, nameStart: number): string | null {
  // `A third analyst, Helena Strom,`, `Another reviewer, …`: which one of them the text has come
  // to is no part of what they are.
  const counted = first >= 0 && INDEFINITE_ARTICLES.has(lower(tokens[first] as Token)) && COUNTING_WORDS.has(lower(tokens[first + 1] ?? (tokens[first] as Token)));
  const opening = first >= 0 && ANOTHER.has(lower(tokens[first] as Token)) ? first + 1 : counted ? first + 2 : first;
  const words = first < 0 ? [] : tokens.slice(opening, nameStart - 1);
  const ofWhat = words.findIndex((token) => ROLE_PREPOSITIONS.has(lower(token)));
  const head = words[(ofWhat < 0 ? words.length : ofWhat) - 1];
  return head && namesRole(head) ? phraseText(text, words) : null;
}

const INDEFINITE_ARTICLES = new Set(['a', 'an']);
const ANOTHER = new Set(['another']);
const COUNTING_WORDS = new Set(['second', 'third', 'fourth', 'fifth', 'sixth', 'further', 'final', 'last']);

/**
 * The index past `of` (or `at`) and the capitalized words of a body after the name ending before
 * `next` (`Yvette Marchetti of the University of Harwick`), or `next` when none follows.
 */
function pastAffiliation(tokens: Token[], next: number): number {
  if (tokens[next]?.lower !== 'of' && tokens[next]?.lower !== 'at') return next;
  let cursor = tokens[next + 1]?.lower === 'the' ? next + 2 : next + 1;
  // `of the firm Lund & Castellanos`: the noun saying what the body is, before its name.
  if (ORGANIZATION_NOUNS.has(tokens[cursor]?.lower ?? '') && tokens[cursor + 1]?.capitalized) cursor += 1;
  const first = cursor;
  while (tokens[cursor]?.capitalized || ((NAME_JOINERS.has(tokens[cursor]?.lower ?? '') || tokens[cursor]?.text === '&') && tokens[cursor + 1]?.capitalized)) cursor += 1;
  if (cursor === first) return next;
  // `of Harwick General Hospital in Tolbury`: and the place it is in.
  if (tokens[cursor]?.lower === 'in' && tokens[cursor + 1]?.capitalized) {
    cursor += 1;
    while (tokens[cursor]?.capitalized) cursor += 1;
  }
  return cursor;
}

/**
 * `Katarzyna Dunmore is general secretary of the rail union.`: a sentence opening on the name and
 * saying, by `is`, what the person is. (Not `was`: what someone was is no role they hold.)
 */
function roleAfterCopula(text: string, tokens: Token[], nameStart: number, next: number): string | null {
  if (tokens[next]?.lower !== 'is') return null;
  const before = tokens[nameStart - 1];
  const opensSentence = before === undefined || isSentenceEnd(before) || hasLineBreak(text, before.end, (tokens[nameStart] as Token).start);
  return opensSentence ? roleAfterIs(text, tokens, next + 1) : null;
}

// Words after `is` that make what follows a judgement or a ranking, not an office (`is a stiff
// campaigner`, `is one of six incumbents`, `is the only sitting governor running …`).
const NOT_AN_OFFICE_AFTER_IS = new Set(['a', 'an', 'one', 'only', 'first', 'last', 'sole', 'best', 'most', 'least', 'latest', 'biggest', 'just', 'also', 'not', 'still', 'now']);
// An office is said in a few words (`general secretary of the rail union`); more is a description.
const MAX_ROLE_AFTER_IS_WORDS = 10;

/** The office a sentence says someone holds after `is`, at token `start` (`general secretary of the rail union`, `the chief executive of OpenWire`). */
function roleAfterIs(text: string, tokens: Token[], start: number): string | null {
  const first = tokens[start];
  const second = first?.lower === 'the' ? tokens[start + 1] : first;
  if (first === undefined || NOT_AN_OFFICE_AFTER_IS.has(first.lower) || NOT_AN_OFFICE_AFTER_IS.has(second?.lower ?? '')) return null;
  // `is head and shoulders above the rest`, `is head over heels`: a figure of speech, no office.
  if (first.lower === 'head' && (tokens[start + 1]?.lower === 'and' || tokens[start + 1]?.lower === 'over')) return null;
  const role = rolePhraseAt(text, tokens, start);
  return role !== null && role.split(' ').length <= MAX_ROLE_AFTER_IS_WORDS ? role : null;
}

// Verbs of a relative clause that say someone is at the head of a body, and the role that makes
// them (`who runs the Brindle Fleece Cooperative`: head of it).
const HEADING_VERBS = new Map([
  ['runs', 'head'], ['heads', 'head'], ['leads', 'head'], ['chairs', 'chair'], ['directs', 'director'],
  ['manages', 'manager'], ['owns', 'owner'], ['founded', 'founder'], ['co-founded', 'co-founder'], ['cofounded', 'co-founder'],
]);
// Bodies of members that have a head, named by their kind alone (`the harbour users' association`).
const HEADED_BODIES = new Set(['group', 'association', 'union', 'society', 'club', 'cooperative', 'co-op', 'trust', 'foundation', 'campaign', 'network', 'coalition', 'charity', 'institute']);
// Lowercase words before a body's name (`the digital rights group`).
const MAX_BODY_DESCRIPTION_WORDS = 4;

/**
 * `Rhiannon Castell, who is the chief executive of OpenWire,`: the role a relative clause after the
 * name gives by `who is`; or the head of a body it says the person runs (`who runs the Brindle
 * Fleece Cooperative`: head of the Brindle Fleece Cooperative).
 */
function roleInRelativeClause(text: string, tokens: Token[], next: number): string | null {
  if (!isComma(tokens[next]) || tokens[next + 1]?.lower !== 'who') return null;
  const verb = tokens[next + 2];
  if (verb?.lower === 'is') return roleAfterIs(text, tokens, next + 3);
  const role = HEADING_VERBS.get(verb?.lower ?? '');
  if (role === undefined) return null;
  const body = organizationNameAt(text, tokens, next + 3) ?? describedBodyAt(text, tokens, next + 3);
  // `who runs the Harwick Food Bank's Christmas appeal`, `the Tenants Union Facebook page`: the
  // name only says whose the thing run is.
  if (body === null || wordFollows(text, tokens, next + 3, body)) return null;
  const article = tokens[next + 3]?.lower === 'the' && !body.startsWith('the ') && !body.startsWith('The ') ? 'the ' : '';
  return `${role} of ${article}${body}`;
}

/** Whether a lowercase word follows the `body` read from token `from` (`… Union Facebook page`). */
function wordFollows(text: string, tokens: Token[], from: number, body: string): boolean {
  const end = text.indexOf(body, (tokens[from] as Token).start) + body.length;
  const after = tokens.find((token) => token.start >= end);
  return after !== undefined && after.isWord && !after.capitalized && !RELATIVE_WORDS.has(after.lower) && !FUNCTION_WORDS.has(after.lower) && !isVerbLike(after);
}

// Words after a body's name that go on with the sentence, not a noun the name qualifies (`the Center … in Mexico City`).
const FUNCTION_WORDS = new Set(['of', 'for', 'and', 'on', 'at', 'in', 'to', 'with', 'from', 'by', 'near', 'since', 'until', 'or', 'but', 'as', 'than', 'so']);

/**
 * `the digital rights group OpenWire`, `the bakery Crumb & Co`: a body's name after a lowercase noun
 * saying it is one, from that noun's first word (without the article) to the end of the name.
 */
function describedBodyAt(text: string, tokens: Token[], from: number): string | null {
  const start = tokens[from]?.lower === 'the' ? from + 1 : from;
  let cursor = start;
  // `the harbour users' association`: a plural possessive's apostrophe is one of its words.
  while (cursor < tokens.length && cursor - start < MAX_BODY_DESCRIPTION_WORDS
    && ((tokens[cursor]?.isWord && !tokens[cursor]?.capitalized) || closesPluralPossessive(tokens[cursor - 1], tokens[cursor]))) cursor += 1;
  if (cursor === start || !ORGANIZATION_NOUNS.has(tokens[cursor - 1]?.lower ?? '')) return null;
  let last = cursor - 1;
  while (tokens[last + 1]?.capitalized && tokens[last + 1]?.isWord) last += 1;
  // No name after the noun (`the harbour users' association`): the body is the one the article names
  // by its kind, with its article; a kind of body one is at the head of (`the cafe` is run, not headed).
  if (last < cursor) return start > from && HEADED_BODIES.has(tokens[cursor - 1]?.lower ?? '') ? text.slice((tokens[from] as Token).start, (tokens[cursor - 1] as Token).end) : null;
  return text.slice((tokens[start] as Token).start, (tokens[last] as Token).end);
}

// Words that open a sentence naming a role whose holder the copula after it names (`That coach is …`).
const COPULA_SUBJECT_OPENERS = new Set(['the', 'that', 'this', 'his', 'her', 'their', 'its']);
const COPULAS_BEFORE_NAME = new Set(['is', 'was']);
const MAX_COPULA_SUBJECT_TOKENS = 5;

/**
 * `That coach is Busisiwe Khoza`, `The winner was Jane Doe`: a sentence opening on a role whose
 * holder the copula names. The role without a demonstrative (`coach`); null when the name does not
 * follow such an opening.
 */
function roleBeforeCopula(text: string, tokens: Token[], nameStart: number): string | null {
  const copula = tokens[nameStart - 1];
  if (copula === undefined || !COPULAS_BEFORE_NAME.has(copula.text)) return null;
  const head = tokens[nameStart - 2];
  if (head === undefined || head.capitalized || !namesRole(head)) return null;
  let first = nameStart - 2;
  while (first > 0 && nameStart - first <= MAX_COPULA_SUBJECT_TOKENS && (tokens[first - 1] as Token).isWord) first -= 1;
  const opener = tokens[first] as Token;
  const before = tokens[first - 1];
  const opensSentence = before === undefined || isSentenceEnd(before) || hasLineBreak(text, before.end, opener.start);
  if (!opensSentence || !COPULA_SUBJECT_OPENERS.has(opener.lower)) return null;
  const demonstrative = opener.lower === 'that' || opener.lower === 'this';
  return phraseText(text, tokens.slice(demonstrative ? first + 1 : first, nameStart - 1));
}

// Words before an abbreviated title that say which rank of it (`Chief Insp.`, `Deputy Supt.`).
const RANK_QUALIFIERS = new Set(['chief', 'deputy', 'assistant', 'acting', 'senior', 'detective']);

// Words that say when or how an office is held, lowercase in news style wherever they stand (`former
// Governor`); capitalized only because they opened the sentence (`Former Gov. Martin Vance said`).
const OPENING_QUALIFIER = /^(?:Former|Then|Acting|Interim|Retired|Outgoing)(?= \p{Lu})/u;

// `then-Gov.`, `Then-Mayor`: the office the person held at the time, printed as news writes a past one (`former Governor`).
const THEN_BEFORE_TITLE = /^[Tt]hen-(?=\p{Lu})/u;

function lowercaseOpeningQualifier(role: string): string {
  return OPENING_QUALIFIER.test(role) ? role.charAt(0).toLowerCase() + role.slice(1) : role;
}

/** The role with abbreviated titles written out (`Sen.` → `Senator`). */
function expandTitles(role: string): string {
  // Every abbreviated title ends in a period: most roles have none to write out.
  if (!role.includes('.')) return role;
  // Joined word by word rather than `split(' ').map(…).join(' ')`: findRole's optimized code was
  // thrown away when the mapped list came in another array layout than the one it was built for.
  let expanded = '';
  let start = 0;
  for (;;) {
    const space = role.indexOf(' ', start);
    const word = space < 0 ? role.slice(start) : role.slice(start, space);
    expanded += EXPANDED_TITLES.get(word.toLowerCase()) ?? word;
    if (space < 0) return expanded;
    expanded += ' ';
    start = space + 1;
  }
}

const PARTIES = new Map([['d', 'democrat'], ['r', 'republican'], ['i', 'independent']]);
// The states as party labels abbreviate them, in news style (`R-Tex.`, `D-Vt.`) and by postal code
// (`R-TX`), lowercase without periods; the states the style never abbreviates are written out.
const STATE_ABBREVIATIONS = new Map([
  ['ala', 'alabama'], ['al', 'alabama'], ['ak', 'alaska'], ['ariz', 'arizona'], ['az', 'arizona'], ['ark', 'arkansas'],
  ['ar', 'arkansas'], ['calif', 'california'], ['ca', 'california'], ['colo', 'colorado'], ['co', 'colorado'],
  ['conn', 'connecticut'], ['ct', 'connecticut'], ['del', 'delaware'], ['de', 'delaware'], ['fla', 'florida'],
  ['fl', 'florida'], ['ga', 'georgia'], ['hi', 'hawaii'], ['ia', 'iowa'], ['id', 'idaho'], ['ill', 'illinois'],
  ['il', 'illinois'], ['ind', 'indiana'], ['in', 'indiana'], ['kan', 'kansas'], ['ks', 'kansas'], ['ky', 'kentucky'],
  ['la', 'louisiana'], ['me', 'maine'], ['md', 'maryland'], ['mass', 'massachusetts'], ['ma', 'massachusetts'],
  ['mich', 'michigan'], ['mi', 'michigan'], ['minn', 'minnesota'], ['mn', 'minnesota'], ['miss', 'mississippi'],
  ['ms', 'mississippi'], ['mo', 'missouri'], ['mont', 'montana'], ['mt', 'montana'], ['neb', 'nebraska'],
  ['ne', 'nebraska'], ['nev', 'nevada'], ['nv', 'nevada'], ['nh', 'new hampshire'], ['nj', 'new jersey'],
  ['nm', 'new mexico'], ['ny', 'new york'], ['nc', 'north carolina'], ['nd', 'north dakota'], ['oh', 'ohio'],
  ['okla', 'oklahoma'], ['ok', 'oklahoma'], ['ore', 'oregon'], ['or', 'oregon'], ['pa', 'pennsylvania'],
  ['ri', 'rhode island'], ['sc', 'south carolina'], ['sd', 'south dakota'], ['tenn', 'tennessee'], ['tn', 'tennessee'],
  ['tex', 'texas'], ['tx', 'texas'], ['ut', 'utah'], ['vt', 'vermont'], ['va', 'virginia'], ['wash', 'washington'],
  ['wa', 'washington'], ['wva', 'west virginia'], ['wv', 'west virginia'], ['wis', 'wisconsin'], ['wi', 'wisconsin'],
  ['wyo', 'wyoming'], ['wy', 'wyoming'],
]);

// Each US state by its lowercase words, listed under its last word (`york` → new york).
const STATES_BY_LAST_WORD = new Map<string, Array<readonly string[]>>();
for (const state of new Set(STATE_ABBREVIATIONS.values())) {
  const words = state.split(' ');
  const last = words[words.length - 1] as string;
  STATES_BY_LAST_WORD.set(last, [...(STATES_BY_LAST_WORD.get(last) ?? []), words]);
}

/**
 * The US states among `words` (`idaho`; `new` and `york` for New York), joined by spaces: where
 * `the Indiana Republican` is from, or a person the text labelled `(R-Idaho)`. Each word is
 * looked up once: asked of every person a description with a state is tried on.
 */
export function statesAmong(words: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const word of words) {
    for (const state of STATES_BY_LAST_WORD.get(word) ?? []) {
      if (state.every((part) => words.has(part))) found.push(state.join(' '));
    }
  }
  return found;
}

/**
 * What a party label says, lowercase (`r-tex.` → republican, texas; `d-n.y.` → democrat, new,
 * york): `the Texas Republican` is the one labelled so. Empty for any other word.
 */
export function partyLabelWords(word: string): string[] {
  const match = /^([dri])-([a-z.]+)$/.exec(word);
  const party = match && PARTIES.get(match[1] as string);
  if (!match || !party) return [];
  const written = (match[2] as string).replace(/\./g, '');
  const state = STATE_ABBREVIATIONS.get(written) ?? written;
  return [party, ...state.split(' ')];
}

/**
 * The party label right after the name: `R-Ky.` of `(R-Ky.)`, or of `, R-Ky.` set off by a comma
 * (news agencies' style); null when there is none.
 */
function partyLabelAfter(tokens: Token[], next: number): Token | null {
  const label = tokens[next + 1];
  if (label === undefined || !isPartyLabel(label)) return null;
  return isComma(tokens[next]) || (tokens[next]?.text === '(' && tokens[next + 2]?.text === ')') ? label : null;
}

/** The index of the comma closing a party label set off by commas at `next` (`, R-Texas,`), or `next` when there is none. */
function pastPartyLabel(tokens: Token[], next: number): number {
  return isComma(tokens[next]) && isComma(tokens[next + 2]) && partyLabelAfter(tokens, next) !== null ? next + 2 : next;
}

/** What the text says a named person is. */
export interface RoleReading {
  /** The role to print with the name, abbreviated titles written out, with any party label. */
  role: string | null;
  /** Every role phrase set next to the name, as written: before it, after it, set off before it. */
  phrases: readonly string[];
}

/** Whether a phrase has a noun for a person besides a word of time (`former Colorado` has none). */
function hasRoleNoun(phrase: string): boolean {
  return phrase.toLowerCase().split(' ').some((word) => !PAST_MARKERS.has(word) && isPersonNoun(word));
}

function isLoneWord(phrase: string): boolean {
  return !phrase.includes(' ');
}

/**
 * The role the text gives the person whose name spans tokens `[index, next)`: words before the
 * name and its abbreviated titles (`President`, not `Sen.` or `Dr.`), or an appositive after it
 * or before it; null when the text gives none. A lone word before the name that is not one of
 * the usual titles yields to an appositive that says more (`Councillor Ruth Adair, the deputy
 * mayor,`); `Pope`, `Senator` do not.
 */
export function findRole(text: string, tokens: Token[], index: number, next: number): RoleReading {
  const nameStart = titlesStart(text, tokens, index);
  // `Ohio Sen. Curtis Bramwell`, `former Colorado Gov. Daniel Okafor`: words before a title that
  // name no role themselves qualify the office the title is; the role is read with it.
  const beforeTitles = premodifierRole(text, tokens, nameStart);
  // `Chief Insp. Rhys Evans`, `Deputy Supt. Ann Lee`: a word that ranks the title is read with it too.
  const ranksTitle = beforeTitles !== null && RANK_QUALIFIERS.has(beforeTitles.toLowerCase());
  // `state Sen. Lena Park`, `acting Gov. Ray Dunn`: a lowercase word that says which office the title is.
  const before = tokens[nameStart - 1];
  const qualifier = before !== undefined && (before.capitalized || OFFICE_QUALIFIERS.has(before.lower));
  const qualifiesTitle = nameStart < index && (beforeTitles === null ? qualifier : ranksTitle || !hasRoleNoun(beforeTitles));
  const withTitles = qualifiesTitle ? premodifierRole(text, tokens, index) : null;
  // Only with words of its own before the titles (`As Rep. Alan Grayson's`: the titles alone are no role).
  const premodifier = withTitles !== null && withTitles.length > (tokens[index - 1] as Token).end - (tokens[nameStart] as Token).start ? withTitles : beforeTitles;
  // `Rep. Delfina Saucedo of El Paso, the committee's ranking Democrat,`: past where the person is from.
  const origin = pastOrigin(tokens, next);
  const nameOpensSentence = before === undefined || isSentenceEnd(before) || hasLineBreak(text, before.end, (tokens[nameStart] as Token).start);
  // `Rep. Dana Holt, R-Texas, the committee chairwoman,`: past a party label set off by commas.
  const labelled = pastPartyLabel(tokens, next);
  const following = appositiveRole(text, tokens, next, nameOpensSentence) ?? (origin === next ? null : appositiveRole(text, tokens, origin, nameOpensSentence))
    ?? (labelled === next ? null : appositiveRole(text, tokens, labelled, nameOpensSentence)) ?? roleAfterParenthesis(text, tokens, next)
    ?? roleInRelativeClause(text, tokens, next);
  const preceding = precedingAppositiveRole(text, tokens, nameStart, next) ?? roleBeforeCopula(text, tokens, nameStart) ?? roleAfterCopula(text, tokens, nameStart, next);
  const appositive = following ?? preceding;
  // Most names come with no role: they share one empty list. A role set off on both sides (`her
  // granddaughter, Kayla Reyes, a nurse in Charlotte,`) gives both phrases; the one after is printed.
  const phrases = premodifier === null && appositive === null ? NO_WORDS : [premodifier, following, preceding].filter((phrase): phrase is string => phrase !== null);
  // Each test is made for every name, on an empty phrase where there is none: made only for a
  // lone premodifier beside an appositive (rare), they had not run when findRole was optimized,
  // and their first run threw the optimized code away.
  const premodifierWord = premodifier ?? '';
  const premodifierIsLone = isLoneWord(premodifierWord);
  const appositiveIsLone = isLoneWord(appositive ?? '');
  const premodifierIsRoleNoun = ROLE_NOUNS.has(premodifierWord.toLowerCase());
  const saysMore = premodifier !== null && appositive !== null && premodifierIsLone && !appositiveIsLone && !premodifierIsRoleNoun;
  const body = affiliation(text, tokens, next);
  // `A pollster, Yvette Marchetti of the University of Harwick,`: what the person is, and where.
  const withBody = following === null && preceding !== null && premodifier === null && body !== null ? `${preceding}, ${body}` : null;
  // `state Sen. Gloria Pettibone, a Cincinnati Democrat,`: the office a lowercase word qualifies
  // says which it is, the appositive says more; both are kept.
  const qualifiedOffice = beforeTitles === null && withTitles !== null && premodifier === withTitles && before?.capitalized === false;
  const bothSides = qualifiedOffice && appositive !== null ? `${expandTitles(premodifier)}, ${appositive}` : null;
  const described = withBody ?? bothSides ?? (saysMore ? appositive : premodifier ?? appositive) ?? body;
  const role = described ? lowercaseOpeningQualifier(expandTitles(described.replace(THEN_BEFORE_TITLE, 'former '))) : null;
  const party = partyLabelAfter(tokens, next)?.text ?? '';
  // Spelled out for every name, for the same reason. A label alone is the role as news style
  // writes it after a name (`Sen. Ruth Okafor, D-Minn.`).
  const withParty = role ? `${role} (${party})` : party;
  return { role: party === '' ? role : withParty, phrases };
}
