/**
 * Finds who a quoted piece is attributed to, from the clause right after it
 * (`"…," he said`, `"…," said Donna Brazile`, `"…," according to X`) or the one right before
 * it (`X said: "…"`, `X told reporters, "…"`).
 */
import { CUE_MODIFIERS, CUE_VERBS, DETERMINERS, PRONOUNS } from './lexicon.js';
import { readName } from './names.js';
import type { SpeakerMention } from './speakers.js';
import { isCapitalized, tokenize, type Token } from './tokens.js';

export interface Attribution {
  mention: SpeakerMention;
  /** Offsets of the attribution clause. */
  start: number;
  end: number;
}

const SENTENCE_END = new Set(['.', '?', '!']);
const CLAUSE_PUNCTUATION = new Set([',', '—', '–', '-', '―', ':', ';']);
const LEADING_CONJUNCTIONS = new Set(['but', 'and', 'as', 'so', 'yet']);
// How far the cue verb may sit from the quotation: past `Vann R. Newkirk II, a writer for The Atlantic,`.
const MAX_SUBJECT_TOKENS = 14;
const MAX_DESCRIPTION_TOKENS = 8;
// Words after a preposed cue verb before the quotation (`told reporters on Tuesday:`).
const MAX_CUE_TAIL_TOKENS = 8;

function lower(token: Token | undefined): string {
  return token?.text.toLowerCase() ?? '';
}

function isCue(token: Token | undefined): boolean {
  return token !== undefined && token.isWord && CUE_VERBS.has(token.text.toLowerCase());
}

function isPronoun(token: Token | undefined): boolean {
  return token !== undefined && PRONOUNS.has(lower(token));
}

function pronounMention(token: Token): SpeakerMention {
  return { start: token.start, end: token.end, kind: 'pronoun', text: token.text };
}

function nameMention(text: string, tokens: Token[], index: number): SpeakerMention | null {
  const read = readName(text, tokens, index);
  if (!read) return null;
  return { start: read.mention.start, end: read.mention.end, kind: 'name', text: read.mention.name };
}

/** `a spokesman for the campaign`: from the determiner to the first punctuation or relative word. */
function descriptionMention(text: string, tokens: Token[], index: number): SpeakerMention | null {
  const first = tokens[index];
  if (!first) return null;
  let last = first;
  for (let cursor = index + 1; cursor < tokens.length && cursor - index < MAX_DESCRIPTION_TOKENS; cursor += 1) {
    const token = tokens[cursor];
    if (!token?.isWord || ['who', 'which', 'that'].includes(lower(token)) || isCue(token)) break;
    last = token;
  }
  return { start: first.start, end: last.end, kind: 'description', text: text.slice(first.start, last.end) };
}

/** The speaker mention starting at token `index`: a pronoun, a name or a description. */
function mentionAt(text: string, tokens: Token[], index: number): SpeakerMention | null {
  const token = tokens[index];
  if (!token?.isWord) return null;
  if (isPronoun(token)) return pronounMention(token);
  if (DETERMINERS.has(lower(token))) {
    // `the Vermont senator Bernie Sanders`: a name inside a description wins.
    const named = tokens.slice(index + 1, index + MAX_DESCRIPTION_TOKENS).findIndex((word) => isCapitalized(word));
    const nameIndex = index + 1 + named;
    const between = tokens.slice(index + 1, nameIndex);
    if (named >= 0 && between.every((word) => word.isWord && !isCue(word))) {
      const name = nameMention(text, tokens, nameIndex);
      if (name && /\s/.test(name.text)) return name;
    }
    return descriptionMention(text, tokens, index);
  }
  if (isCapitalized(token)) return nameMention(text, tokens, index);
  return null;
}

/**
 * The subject of a clause in `tokens[from, to)`, the cue verb at `to`: the name or pronoun right
 * before the verb, or, past an appositive (`X, a writer for Y, said`), the clause's first mention.
 */
function subjectBefore(text: string, tokens: Token[], from: number, to: number): SpeakerMention | null {
  let end = to;
  while (end > from && CUE_MODIFIERS.has(lower(tokens[end - 1]))) end -= 1;
  const last = tokens[end - 1];
  if (!last || end <= from) return null;
  if (isPronoun(last)) return pronounMention(last);
  if (last.text === ',') return mentionAt(text, tokens, from);
  // Walk back to where the subject phrase starts, then read it forwards.
  let start = end - 1;
  while (start > from && tokens[start - 1]?.isWord && !isCue(tokens[start - 1])) start -= 1;
  for (let cursor = start; cursor < end; cursor += 1) {
    const token = tokens[cursor];
    if (!token) break;
    if (DETERMINERS.has(lower(token)) || isPronoun(token)) return mentionAt(text, tokens, cursor);
    if (isCapitalized(token)) {
      const name = nameMention(text, tokens, cursor);
      // Premodifiers (`Wyoming GOP chairman Matt Micheli`): the name is the run that ends the subject.
      if (name && name.end >= (tokens[end - 1]?.end ?? 0) - 2) return name;
    }
  }
  return null;
}

function skipLeading(tokens: Token[], from: number, skippable: (token: Token) => boolean): number {
  let index = from;
  while (index < tokens.length && skippable(tokens[index] as Token)) index += 1;
  return index;
}

/** The clause after a quoted piece, from `from` up to `limit` (next quotation or paragraph end). */
export function attributionAfter(text: string, from: number, limit: number): Attribution | null {
  const tokens = tokenize(text, from, limit);
  const sentenceEnd = tokens.findIndex((token) => SENTENCE_END.has(token.text));
  const clause = sentenceEnd >= 0 ? tokens.slice(0, sentenceEnd + 1) : tokens;
  const begin = skipLeading(clause, 0, (token) => CLAUSE_PUNCTUATION.has(token.text) || LEADING_CONJUNCTIONS.has(lower(token)));
  const first = clause[begin];
  const clauseEnd = clause[clause.length - 1]?.end ?? from;
  if (!first) return null;

  let mention: SpeakerMention | null = null;
  if (lower(first) === 'according' && lower(clause[begin + 1]) === 'to') {
    mention = mentionAt(text, clause, begin + 2);
  } else if (isCue(first) && first.text === first.text.toLowerCase()) {
    mention = mentionAt(text, clause, skipLeading(clause, begin + 1, (token) => CUE_MODIFIERS.has(lower(token))));
  } else {
    const cue = clause.findIndex((token, index) => index > begin && index - begin <= MAX_SUBJECT_TOKENS && isCue(token) && token.text === lower(token));
    if (cue > begin && startsSubject(first)) mention = subjectBefore(text, clause, begin, cue);
  }
  return mention ? { mention, start: from, end: clauseEnd } : null;
}

function startsSubject(token: Token): boolean {
  return isPronoun(token) || DETERMINERS.has(lower(token)) || isCapitalized(token);
}

/** The clause before a quoted piece starting at `to`, from `from` (sentence or paragraph start). */
export function attributionBefore(text: string, from: number, to: number): Attribution | null {
  const tokens = tokenize(text, from, to);
  const start = tokens.findLastIndex((token) => SENTENCE_END.has(token.text)) + 1;
  const clause = tokens.slice(start);
  const lastToken = clause[clause.length - 1];
  if (!lastToken) return null;
  const clauseStart = clause[0]?.start ?? to;

  const according = clause.findLastIndex((token, index) => lower(token) === 'according' && lower(clause[index + 1]) === 'to');
  if (according >= 0 && clause.length - according <= MAX_CUE_TAIL_TOKENS) {
    const mention = mentionAt(text, clause, according + 2);
    return mention ? { mention, start: clauseStart, end: to } : null;
  }
  const cue = clause.findLastIndex((token) => isCue(token) && token.text === lower(token));
  const introduces = [':', ','].includes(lastToken.text) || lower(lastToken) === 'that' || isCue(lastToken);
  if (cue >= 0 && introduces && clause.length - cue <= MAX_CUE_TAIL_TOKENS) {
    const begin = skipLeading(clause, 0, (token) => LEADING_CONJUNCTIONS.has(lower(token)) || CLAUSE_PUNCTUATION.has(token.text));
    const mention = subjectBefore(text, clause, begin, cue);
    return mention ? { mention, start: clauseStart, end: to } : null;
  }
  if (lastToken.text === ':') {
    const begin = skipLeading(clause, 0, (token) => LEADING_CONJUNCTIONS.has(lower(token)));
    const mention = mentionAt(text, clause, begin);
    return mention ? { mention, start: clauseStart, end: to } : null;
  }
  return null;
}
