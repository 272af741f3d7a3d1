/**
 * What a clause right after a name says the person is or does, as role words for a later
 * description to match: a relative clause (`Maria Lopez, who coaches the team,` → coach;
 * `Lopez, who is the team's captain,` → captain; `who served as treasurer` → treasurer) or a
 * predicate naming a role (`Ruth Adler is the town's mayor.` → mayor).
 */
import { agentNounsOf } from './agent-nouns.js';
import { isPersonNoun } from './person-nouns.js';
import type { Token } from './tokens.js';

// Words between the subject and its verb that say nothing of what the person does.
const AUXILIARIES = new Set([
  'has', 'had', 'have', 'also', 'now', 'still', 'long', 'once', 'previously', 'currently',
  'recently', 'already', 'later', 'then', 'since', 'formerly', 'briefly', 'will', 'would',
]);
// Verbs after which a noun phrase says what the person is (`is the coach`, `served as mayor`).
const COPULAS = new Set(['is', 'was', 'became', 'becomes', 'remains', 'remained', 'been']);
const AS_VERBS = new Set([
  'serves', 'served', 'serving', 'works', 'worked', 'working', 'acts', 'acted', 'doubles', 'doubled',
  'poses', 'posed', 'started', 'starts', 'began', 'begins', 'joined', 'joins', 'returned', 'returns',
]);
// Words that end the noun phrase naming the role (`the coach of the team`).
const PHRASE_ENDS = new Set(['of', 'for', 'at', 'in', 'on', 'with', 'from', 'since', 'and', 'who', 'that', 'which', 'when', 'until', 'after', 'before', 'to']);
const MAX_ROLE_TOKENS = 8;
// Most names are followed by no such clause: they share one empty list.
const NO_WORDS: readonly string[] = [];
// A verb form of the clause: lowercase, `-s`, `-es`, `-ed` or an irregular past.
const VERB_FORM = /^[a-z]+(?:s|ed)$|^(?:taught|led|ran|wrote|oversaw)$/;

function lower(token: Token | undefined): string {
  return token?.lower ?? '';
}

/** The person nouns of the noun phrase from token `from` on, up to what it is of. */
function rolePhraseNouns(tokens: Token[], from: number): readonly string[] {
  const nouns: string[] = [];
  for (let cursor = from; cursor < tokens.length && cursor - from < MAX_ROLE_TOKENS; cursor += 1) {
    const token = tokens[cursor] as Token;
    const word = lower(token).replace(/['’]s$/, '');
    if (!token.isWord || PHRASE_ENDS.has(word)) break;
    if (isPersonNoun(word)) nouns.push(word);
  }
  return nouns;
}

/** The comma after an age set off after a name (`Maria Lopez, 52, the coach`), else `next`. */
export function pastAge(tokens: Token[], next: number): number {
  const age = tokens[next + 1];
  return tokens[next]?.text === ',' && age && /^\d{1,3}$/.test(age.text) && tokens[next + 2]?.text === ',' ? next + 2 : next;
}

/**
 * Role words the clause after the name ending before token `next` gives the person: the person
 * nouns a copula or `as` puts after the name (`, who is the team's coach`, `is the town's mayor`,
 * `, who served as treasurer`), or the nouns for the doer of the verb of a relative clause
 * (`, who coaches the team` → coach); and the epithet of an age set off after the name
 * (`Maria Lopez, 52,` → 52-year-old: news calls her `the 52-year-old` later). Empty when no such
 * clause follows.
 */
export function clauseRoleWords(tokens: Token[], next: number): readonly string[] {
  // `Maria Lopez, 52, who coaches the team`: past the age.
  const from = pastAge(tokens, next);
  const words = roleWordsOfClauseAt(tokens, from);
  return from === next ? words : [...words, `${(tokens[next + 1] as Token).text}-year-old`];
}

/** The role words of the clause opening at token `from` (see clauseRoleWords). */
function roleWordsOfClauseAt(tokens: Token[], from: number): readonly string[] {
  // The words read here are lowercase in running text: compared as written, most names are
  // passed over without a lowercased copy (most are followed by punctuation or another word).
  const after = tokens[from];
  if (!after) return NO_WORDS;
  const relative = after.text === ',' && tokens[from + 1]?.text === 'who';
  if (!relative && !(COPULAS.has(after.text) || AUXILIARIES.has(after.text) || AS_VERBS.has(after.text))) return NO_WORDS;
  let cursor = relative ? from + 2 : from;
  while (AUXILIARIES.has(tokens[cursor]?.text ?? '')) cursor += 1;
  const verb = tokens[cursor]?.text ?? '';
  // The words of the verb before the role: `is` one, `served as` two. One call, its offset added
  // alike for both: the second call, and its `cursor + 2`, ran so rarely that they had not run
  // when describe (which inlines this) was optimized, and their first run threw the code away.
  const verbWords = COPULAS.has(verb) ? 1 : AS_VERBS.has(verb) && tokens[cursor + 1]?.text === 'as' ? 2 : 0;
  if (verbWords > 0) return rolePhraseNouns(tokens, cursor + verbWords);
  if (relative && VERB_FORM.test(verb)) return agentNounsOf(verb);
  return NO_WORDS;
}
