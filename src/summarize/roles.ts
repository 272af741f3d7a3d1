/**
 * The role a text gives a named person: a premodifier (`US National Security Council spokesman
 * John Kirby`), an appositive (`Donna Brazile, the interim chairwoman of the DNC,`), a party
 * label (`Sen. Rand Paul (R-Ky.)`) or a title (`President Obama`).
 */
import { DETERMINERS, HONORIFICS, ROLE_NOUNS } from './lexicon.js';
import { hasLineBreak, isCapitalized, type Token } from './tokens.js';

// Lowercase words that may qualify a role before a name (`former campaign strategist`).
const ROLE_MODIFIERS = new Set([
  'former', 'senior', 'top', 'chief', 'deputy', 'longtime', 'acting', 'interim', 'campaign', 'press',
  'foreign', 'national', 'policy', 'security', 'communications', 'political', 'state', 'federal',
  'retired', 'vice', 'assistant', 'executive', 'general', 'special', 'lead', 'principal', 'associate',
  'managing', 'ranking', 'presidential', 'then', 'minority', 'majority', 'party', 'city', 'county',
  'republican', 'democratic', 'conservative', 'liberal', 'independent', 'veteran', 'prominent',
]);
const CONNECTORS = new Set(['of', 'for', 'and', 'on', 'at']);
const ROLE_STOPS = new Set([',', '.', ';', ':', '(', ')', '"', '“', '”', "'", '‘', '’', '?', '!', '—', '–']);
const EXPANDED_TITLES = new Map([
  ['sen.', 'Senator'], ['rep.', 'Representative'], ['gov.', 'Governor'], ['gen.', 'General'],
  ['adm.', 'Admiral'], ['amb.', 'Ambassador'], ['lt.', 'Lieutenant'], ['col.', 'Colonel'],
  ['capt.', 'Captain'], ['sgt.', 'Sergeant'], ['maj.', 'Major'], ['rev.', 'Reverend'], ['prof.', 'Professor'],
]);
const MAX_APPOSITIVE_TOKENS = 16;

/** The word lowercased, without a possessive ending or a final period. */
function lower(token: Token): string {
  const word = token.text.toLowerCase();
  if (word.endsWith("'s") || word.endsWith('’s')) return word.slice(0, -2);
  return word.endsWith('.') ? word.slice(0, -1) : word;
}

function namesRole(token: Token): boolean {
  return ROLE_NOUNS.has(lower(token));
}

function onlySpacesBetween(text: string, left: Token, right: Token): boolean {
  return /^[ \t\u00a0]*$/.test(text.slice(left.end, right.start));
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
  for (let token = tokens[start - 1]; token && HONORIFICS.has(token.text.toLowerCase()); token = tokens[start - 1]) {
    const right = tokens[start];
    if (!right || !onlySpacesBetween(text, token, right)) break;
    start -= 1;
  }
  return start;
}

/** `US National Security Council spokesman` before the name (and its titles) starting at token `index`. */
function premodifierRole(text: string, tokens: Token[], index: number): string | null {
  const nameStart = titlesStart(text, tokens, index);
  let first = nameStart;
  for (let cursor = nameStart - 1; cursor >= 0; cursor -= 1) {
    const token = tokens[cursor];
    const right = tokens[cursor + 1];
    if (!token || !right || !onlySpacesBetween(text, token, right)) break;
    const connects = CONNECTORS.has(token.text) && isCapitalized(right) && cursor > 0;
    if (!token.isWord || !(canPremodify(token) || connects)) break;
    first = cursor;
  }
  // Sentence-initial function words and dangling connectors are not part of the role.
  while (first < nameStart) {
    const token = tokens[first];
    if (!token || !(CONNECTORS.has(lower(token)) || DETERMINERS.has(lower(token)))) break;
    first += 1;
  }
  const words = tokens.slice(first, nameStart);
  if (!words.some(namesRole)) return null;
  const start = words[0]?.start;
  const end = words[words.length - 1]?.end;
  return start === undefined || end === undefined ? null : text.slice(start, end);
}

/** `, the interim chairwoman of the Democratic National Committee,` after the name ending before `next`. */
function appositiveRole(text: string, tokens: Token[], next: number): string | null {
  if (tokens[next]?.text !== ',') return null;
  const words: Token[] = [];
  for (let cursor = next + 1; cursor < tokens.length && words.length < MAX_APPOSITIVE_TOKENS; cursor += 1) {
    const token = tokens[cursor];
    if (!token || ROLE_STOPS.has(token.text) || hasLineBreak(text, words[words.length - 1]?.end ?? token.start, token.start)) break;
    words.push(token);
  }
  const opening = words[0];
  if (!opening || !(DETERMINERS.has(lower(opening)) || canPremodify(opening))) return null;
  if (['who', 'which', 'that'].includes(lower(opening)) || !words.some(namesRole)) return null;
  // `the interim chairwoman` reads as `interim chairwoman`; `the station's chief` needs its article.
  const possessive = /['’]s$/.test(words[1]?.text ?? '');
  const content = ['a', 'an', 'the'].includes(lower(opening)) && !possessive ? words.slice(1) : words;
  const start = content[0]?.start;
  const end = content[content.length - 1]?.end;
  return start === undefined || end === undefined ? null : text.slice(start, end);
}

/** The role with abbreviated titles written out (`Sen.` → `Senator`). */
function expandTitles(role: string): string {
  return role.split(' ').map((word) => EXPANDED_TITLES.get(word.toLowerCase()) ?? word).join(' ');
}

/** `(R-Ky.)` right after the name. */
function partyLabel(text: string, tokens: Token[], next: number): string | null {
  if (tokens[next]?.text !== '(') return null;
  const match = /^\(([DRI]-[A-Z][\w.]*)\)/.exec(text.slice(tokens[next]?.start ?? 0));
  return match?.[1] ?? null;
}

/**
 * The role the text gives the person whose name spans tokens `[index, next)`: words before the
 * name and its abbreviated titles (`President`, not `Sen.` or `Dr.`), or an appositive after it;
 * null when the text gives none.
 */
export function findRole(text: string, tokens: Token[], index: number, next: number): string | null {
  const described = premodifierRole(text, tokens, index) ?? appositiveRole(text, tokens, next);
  const role = described ? expandTitles(described) : null;
  const party = partyLabel(text, tokens, next);
  if (!party) return role;
  return role ? `${role} (${party})` : `(${party})`;
}
