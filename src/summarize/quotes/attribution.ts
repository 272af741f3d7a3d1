/**
 * Finds who a quoted piece is attributed to, from the clause right after it
 * (`"…," he said`, `"…," said Donna Brazile`, `"…," according to X`) or the one right before
 * it (`X said: "…"`, `X told reporters, "…"`).
 */
import { CUE_MODIFIERS, CUE_PHRASES, CUE_VERBS, DETERMINERS, PRONOUNS, ROLE_NOUNS, SUBORDINATORS } from '../text/lexicon.js';
import { pastDateline, readDescription } from '../speakers/descriptions.js';
import { readNameSpan } from '../speakers/names.js';
import { pastOrigin } from '../speakers/role-clauses.js';
import { isPersonNoun, isPluralOfPersonNoun } from '../speakers/person-nouns.js';
import type { SpeakerMention } from '../speakers/speakers.js';
import { isCapitalized, closesPluralPossessive, isComma, isSentenceEnd, isThenOfTitle, pastParenthesis, possessiveLength, tokenize, type Token } from '../text/tokens.js';

export interface Attribution {
  mention: SpeakerMention;
  /** Offsets of the attribution clause. */
  start: number;
  end: number;
}

// Punctuation that may open a clause after a quotation, stray quote marks (`'''`) included.
const CLAUSE_PUNCTUATION = new Set([',', '—', '–', '-', '―', ':', ';', "'", '’', '"', '”']);
const LEADING_CONJUNCTIONS = new Set(['but', 'and', 'as', 'so', 'yet']);
const DASHES = new Set(['―', '—', '–', '-']);
// Prepositions that attach a modifier to the name heading a subject (`Mr. Morgan of the Sierra Club`).
const HEAD_MODIFIER_PREPOSITIONS = new Set(['of', 'at', 'for', 'from', 'with']);
// Words that open an appositive describing a person (`Jane Doe, then senior pastor at …`).
const ROLE_OPENERS = new Set(['then', 'former', 'who', 'whose', 'now', 'chief', 'senior', 'deputy', 'executive', 'director', 'president']);
// How far the cue verb may sit from the quotation: a subject with premodifiers, or a name with an
// appositive (`Harry Bond, 30, of Raleigh, N.C., who was among those polled, said`).
const MAX_SUBJECT_TOKENS = 8;
const MAX_APPOSITIVE_SUBJECT_TOKENS = 40;
const MAX_DESCRIPTION_TOKENS = 8;
// Words of an introductory phrase after its opening word (`Back in 2013,`, `Hours later,`).
const MAX_INTRODUCTORY_TOKENS = 4;
// Words after a preposed cue verb before the quotation
// (`told the Washington Post in a written statement,`).
const MAX_CUE_TAIL_TOKENS = 12;
// Words after the cue verb of a sentence that attributes the next one (`said in a statement.`).
const MAX_SENTENCE_TAIL_TOKENS = 5;

function lower(token: Token | undefined): string {
  return token?.lower ?? '';
}

/** A word between a speaker and the cue (`he later said`), in lowercase: `"…," Still said` names Tom Still. */
function isCueModifier(token: Token | undefined): boolean {
  return token !== undefined && !token.capitalized && CUE_MODIFIERS.has(token.lower);
}

// Nouns and adjectives ending in `ly` that may stand between a name and a verb (`the Smith family said`).
const LY_NOUNS = new Set(['family', 'ally', 'rally', 'assembly', 'supply', 'reply', 'daily', 'weekly', 'monthly', 'quarterly', 'monopoly', 'anomaly', 'bully']);

/** An adverb of manner right before the cue (`Clinton emphatically proclaimed`, `she quietly added`), by its ending. */
function isMannerAdverb(token: Token | undefined): boolean {
  return token !== undefined && !token.capitalized && token.isWord && token.text.length > 4 && token.text.endsWith('ly') && !LY_NOUNS.has(token.lower);
}

/** A cue verb in any case: it ends a description (`a spokesman said`). */
function isCue(token: Token | undefined): boolean {
  return token !== undefined && token.isWord && CUE_VERBS.has(token.lower);
}

/** A lowercase cue verb at `index`, alone or with its particle (`went on`). */
function isCueAt(tokens: Token[], index: number): boolean {
  const token = tokens[index];
  if (!token?.isWord) return false;
  // The lists are lowercase: a word found in them as written is lowercase, and one not found
  // needs no lowercased copy (this is asked of most words of every clause).
  if (CUE_VERBS.has(token.text)) return true;
  const particle = CUE_PHRASES.get(token.text);
  // Not read past the last token: a read out of bounds threw the optimized code away.
  return particle !== undefined && index + 1 < tokens.length && particle === lower(tokens[index + 1]);
}

/**
 * The index after the cue at `index` and its particle: the subject of an inverted cue comes after
 * both (`shot back Ms. Ruiz`), and `it` in `put it` is the cue's object, never its subject.
 */
function pastCue(tokens: Token[], index: number): number {
  const particle = CUE_PHRASES.get(lower(tokens[index]));
  return particle !== undefined && particle === lower(tokens[index + 1]) ? index + 2 : index + 1;
}

/** Whether a mention can start with this word: a pronoun, a determiner, a name or a role (`screenwriter`). */
function startsMention(token: Token | undefined): boolean {
  return token !== undefined && (isPronoun(token) || DETERMINERS.has(lower(token)) || isCapitalized(token) || ROLE_NOUNS.has(lower(token)));
}

function isPronoun(token: Token | undefined): boolean {
  return token !== undefined && PRONOUNS.has(lower(token));
}

function pronounMention(token: Token): SpeakerMention {
  return { start: token.start, end: token.end, kind: 'pronoun', text: token.text };
}

function nameMention(text: string, tokens: Token[], index: number): SpeakerMention | null {
  const read = readNameSpan(text, tokens, index);
  if (!read) return null;
  return { start: read.mention.start, end: read.mention.end, kind: 'name', text: read.mention.name };
}

/**
 * The person named from token `index` on, past premodifiers that name no one
 * (`MSNBC host Chris Matthews`, `Democratic nominee Hillary Clinton`).
 */
function personMention(text: string, tokens: Token[], index: number): SpeakerMention | null {
  let cursor = index;
  // A name before a role noun may be a place or body premodifying it (`Texas delegate Bill
  // Eastland`): kept only if no name follows the role.
  let beforeRole: SpeakerMention | null = null;
  // `said Mr Ashdown's sister`: with no name after it (`Buhari's spokesman Yinka Odumakin`), the
  // speaker is the relative or aide, described by whose they are.
  let possessor = -1;
  // Whether the name read last was a possessive right before a capitalized word.
  let afterPossessive = false;
  while (cursor < tokens.length && cursor - index < MAX_DESCRIPTION_TOKENS) {
    const read = readNameSpan(text, tokens, cursor);
    // Where reading goes on after a name that qualifies what follows it: its role noun.
    let roleNoun = -1;
    // Past the name and a plural's possessive apostrophe after it (`Texas' governor`).
    let after = read ? read.next : cursor + 1;
    // `said Kestrel Partners' chief executive Dana Reiss`: a body's possessive name qualifies too.
    const apostrophe = read !== null && closesPluralPossessive(tokens[read.next - 1], tokens[read.next]);
    const possessive = read !== null && (apostrophe || possessiveLength((tokens[read.next - 1] as Token).text) > 0);
    if (apostrophe) after += 1;
    if (read && !read.mention.canBePerson && possessive) {
      roleNoun = roleNounAhead(tokens, after);
      if (roleNoun < 0 && !(tokens[after] !== undefined && isCapitalized(tokens[after] as Token))) break;
    } else if (read?.mention.canBePerson) {
      const found: SpeakerMention = { start: read.mention.start, end: read.mention.end, kind: 'name', text: read.mention.name };
      // `Bush's Facebook post`: one word after a possessive name is a thing of theirs, not a person.
      if (afterPossessive && !read.mention.name.includes(' ')) return beforeRole;
      // `said Velmont's finance director Ruben Castellanos`, `Clinton campaign chairman John
      // Podesta`: a name qualifying a role. `said Labour's Simon Kettering`: a possessive name
      // qualifies the name after it.
      roleNoun = roleNounAhead(tokens, after);
      const nameAfter = tokens[after];
      afterPossessive = possessive && roleNoun < 0 && nameAfter !== undefined && isCapitalized(nameAfter);
      if (roleNoun < 0 && !afterPossessive) return found;
      // The possessive's role is the speaker's description where its noun comes right after it or
      // ends the phrase (`said Orchard's iPhone chief.`). (`Mr Ashworth-Kemp's climbing partner that
      // day, Oliver Strand,`: with words after, the possessive name stands.)
      const endsPhrase = roleNoun >= 0 && tokens[roleNoun + 1]?.isWord !== true;
      if (beforeRole === null && possessive && (roleNoun === after || endsPhrase)) possessor = cursor;
      beforeRole ??= found;
    }
    const next = read ? read.next : cursor + 1;
    const premodifies = tokens.slice(cursor, next).every((token) => token.isWord) && (read !== null || isPersonNoun(lower(tokens[cursor])));
    if (!premodifies) break;
    cursor = roleNoun >= 0 ? roleNoun : after;
  }
  return possessor >= 0 ? descriptionMention(text, tokens, possessor) : beforeRole;
}

// Lowercase words a role may have before its noun (`retired primary school teacher`).
const MAX_ROLE_MODIFIERS = 3;

/** The index of a person noun at `index` or after a few lowercase words (`retired teacher`), or -1. */
function roleNounAhead(tokens: readonly Token[], index: number): number {
  for (let cursor = index; cursor <= index + MAX_ROLE_MODIFIERS; cursor += 1) {
    const token = tokens[cursor];
    if (!token?.isWord || isCapitalized(token)) return -1;
    if (isPersonNoun(token.lower)) return cursor;
  }
  return -1;
}

/**
 * `a spokesman for the campaign`: from the determiner to the first punctuation, relative word or
 * cue, a cue of two words included (`as the mayor put it`: `it` is the object of `put`).
 */
function descriptionMention(text: string, tokens: Token[], index: number): SpeakerMention | null {
  const first = tokens[index];
  if (!first) return null;
  let last = first;
  for (let cursor = index + 1; cursor < tokens.length && cursor - index < MAX_DESCRIPTION_TOKENS; cursor += 1) {
    const token = tokens[cursor];
    // `the parents' club president`: the apostrophe of a plural possessive, right after its word.
    if (closesPluralPossessive(last, token)) continue;
    if (!token?.isWord || ['who', 'which', 'that'].includes(lower(token)) || isCue(token) || isCueAt(tokens, cursor)) break;
    last = token;
  }
  return { start: first.start, end: last.end, kind: 'description', text: text.slice(first.start, last.end) };
}

const AGE_COMPARATIVES = new Set(['younger', 'elder', 'older']);

/**
 * Whether `the younger` (`elder`, `older`) opens at token `index`, before a name: a description of
 * which of two namesakes is meant (`the younger Mr. Trump`; speakers.ts namesakeByAge), not the name.
 */
function opensNamesakeDescription(tokens: Token[], index: number): boolean {
  return index >= 0 && lower(tokens[index]) === 'the' && AGE_COMPARATIVES.has(lower(tokens[index + 1])) && tokens[index + 2]?.capitalized === true;
}

/**
 * `said Secretary of State John Kerry`: a capitalized office with `of` after it, then a name (read
 * by names.ts as one titled name), is that person; null for anything else (`the Secretary of State`).
 */
function officeHolderMention(text: string, tokens: Token[], index: number): SpeakerMention | null {
  const office = tokens[index] as Token;
  if (!isCapitalized(office) || lower(tokens[index + 1]) !== 'of') return null;
  const read = readNameSpan(text, tokens, index);
  return read?.mention.canBePerson && read.mention.name !== office.text ? nameMention(text, tokens, index) : null;
}

// Prepositions after which a description's noun phrase, once past a capitalized word, has ended.
const ENDS_NOUN_PHRASE = new Set(['of', 'for', 'to', 'at', 'from', 'with', 'in', 'on', 'about', 'against', 'like', 'as']);

/**
 * The name a description opening at token `index` ends on (`the Vermont senator Bernie Sanders`,
 * `former Obama adviser David Axelrod`: past a name qualifying the role), which is then the
 * speaker; null when none ends it.
 */
function nameEndingDescription(text: string, tokens: Token[], index: number): SpeakerMention | null {
  let pastCapitalized = false;
  for (let nameIndex = index + 1; nameIndex < index + MAX_DESCRIPTION_TOKENS; nameIndex += 1) {
    const word = tokens[nameIndex];
    // Words of the description only, up to its cue; past a name, a preposition ends the phrase
    // (`a Wednesday editorial in The Des Moines Register`).
    if (!word?.isWord || isCue(word) || (pastCapitalized && ENDS_NOUN_PHRASE.has(word.text))) return null;
    if (!isCapitalized(word) || DETERMINERS.has(lower(word))) continue;
    // Not a name the description is of (`a lawyer for Tom Ashe`, `the family of Tom Ashe`): its object.
    if (isDescribedAsOf(tokens, nameIndex)) return null;
    const read = readNameSpan(text, tokens, nameIndex);
    // The name must end the phrase, where the person is from aside (`Representative Peter T.
    // King of New York,`): `the New York businessman` is a description.
    const next = read ? pastOrigin(tokens, read.next) : 0;
    const after = read ? tokens[next] : undefined;
    const endsPhrase = !after?.isWord || isCueAt(tokens, next) || isCueModifier(after);
    if (read?.mention.canBePerson && endsPhrase && /\s/.test(read.mention.name)) return nameMention(text, tokens, nameIndex);
    // Read on past the whole name that qualified the role, not from inside it.
    pastCapitalized = true;
    if (read) nameIndex = read.next - 1;
  }
  return null;
}

/** The speaker mention starting at token `index`: a pronoun, a name or a description. */
function mentionAt(text: string, tokens: Token[], index: number): SpeakerMention | null {
  const token = tokens[index];
  if (!token?.isWord) return null;
  if (isPronoun(token)) return pronounMention(token);
  if (DETERMINERS.has(lower(token)) || ROLE_NOUNS.has(lower(token))) {
    const officeHolder = officeHolderMention(text, tokens, index);
    if (officeHolder !== null) return officeHolder;
    return (opensNamesakeDescription(tokens, index) ? null : nameEndingDescription(text, tokens, index)) ?? descriptionMention(text, tokens, index);
  }
  if (isCapitalized(token)) return personMention(text, tokens, index) ?? nameMention(text, tokens, index);
  return null;
}

/** Whether the clause opens with a name followed by a comma: `Leonard E. Burman, director of …`. */
function namedWithAppositive(text: string, tokens: Token[], index: number): boolean {
  const read = readNameSpan(text, tokens, index);
  if (read === null) return false;
  // A party label may stand between the name and its comma: `Rep. Jim Jordan (R-Ohio), a member`.
  const comma = pastParenthesis(tokens, read.next);
  if (!isComma(tokens[comma])) return false;
  if (opensWithIntroductoryWord(text, tokens, index)) return false;
  // `Perhaps, he said` is no appositive: one describes the person (`a writer`, `30`, `Sen.`).
  const next = tokens[comma + 1];
  if (next === undefined) return false;
  const describes = DETERMINERS.has(lower(next)) || ROLE_NOUNS.has(lower(next)) || /^\d/.test(next.text) || isCapitalized(next) || ROLE_OPENERS.has(lower(next));
  return describes || closesBeforeCue(tokens, comma);
}

/**
 * Whether the clause opening at `index` opens with an introductory phrase headed by one
 * capitalized word, set off by a comma before its subject (`Additionally, Clinton said`, `Hours
 * later, Trump told reporters`, `Back in 2013, he said`, `Speaking through an interpreter, the
 * farmer said`): a word capitalized only because it opens
 * the sentence, not a name. A one-word name is kept when what follows its comma describes it
 * (`Trump, a businessman, said`, `Smith, 30, said`).
 */
function opensWithIntroductoryWord(text: string, tokens: Token[], index: number): boolean {
  const read = readNameSpan(text, tokens, index);
  const first = tokens[index];
  if (!read || !first || read.next !== index + 1 || read.mention.start !== first.start) return false;
  let comma = read.next;
  while (comma < tokens.length && comma - index <= MAX_INTRODUCTORY_TOKENS && tokens[comma]?.isWord && !isCapitalized(tokens[comma] as Token) && !isCueAt(tokens, comma)) comma += 1;
  if (!isComma(tokens[comma])) return false;
  const subject = tokens[comma + 1];
  if (!subject) return false;
  if (isPronoun(subject) && lower(subject) !== 'who') return true;
  const name = isCapitalized(subject) ? readNameSpan(text, tokens, comma + 1) : null;
  // `Speaking through an interpreter, the farmer, Ana Pires, said`: a phrase of several words, then a subject of its own.
  return name !== null && isCueAt(tokens, skipLeading(tokens, name.next, isCueModifier))
    || (comma > read.next && (name !== null || DETERMINERS.has(lower(subject))));
}

/**
 * Whether the appositive opened by the comma at `comma` is closed by another comma right before
 * a cue verb (`Robert Peck, managing director and analyst at SunTrust, told me`): whatever it
 * opens with, a phrase set off between the name and its verb describes the name.
 */
function closesBeforeCue(tokens: Token[], comma: number): boolean {
  const last = Math.min(tokens.length - 1, comma + MAX_APPOSITIVE_SUBJECT_TOKENS);
  for (let index = comma + 1; index < last; index += 1) {
    const token = tokens[index];
    if (!token || isSentenceEnd(token)) return false;
    if (isComma(token) && isCueAt(tokens, skipLeading(tokens, index + 1, isCueModifier))) return true;
  }
  return false;
}

/**
 * The first pronoun or name in `tokens[from, to)`: the subject of most clauses. One opening the
 * clause or a stretch set off by commas comes first: a clause may open with a phrase that names
 * a place, a date or an outlet before its subject (`In a series of Twitter posts Sunday, Mr. Frum,
 * a former speechwriter, wrote:`).
 */
function firstMention(text: string, tokens: Token[], start: number, to: number): SpeakerMention | null {
  // `RALEIGH, N.C. — A federal judge …`: a dateline names where, not who.
  const from = pastDateline(tokens, start);
  let described: SpeakerMention | null = null;
  for (let index = from; index < to; index += 1) {
    if (index > from && !isComma(tokens[index - 1])) continue;
    if (index === from && opensWithIntroductoryWord(text, tokens, index)) continue;
    const token = tokens[index];
    if (isPronoun(token) && lower(token) !== 'who') return mentionAt(text, tokens, index);
    // `The Kilbride professor, for his part, said`: a description of a person, not the place
    // word in it, is the subject, unless a name follows it set off (`The former secretary, Tom Ridge,`).
    if (index === from && DETERMINERS.has(lower(token))) {
      const mention = mentionAt(text, tokens, index);
      if (mention?.kind === 'description' && readDescription(mention.text) !== null) described = mention;
    }
    // After the description's comma, the name may follow the role it is written after
    // (`Another passenger, retired teacher Bernard Lefèvre, said`).
    const roleNoun = described !== null && index > from ? roleNounAhead(tokens, index) : -1;
    if (token && (isCapitalized(token) || roleNoun >= 0)) {
      const name = personMention(text, tokens, roleNoun >= 0 ? roleNoun : index);
      // After a role, only a name: the role alone says no more than the description.
      const named = roleNoun >= 0 ? name?.kind === 'name' : name !== null;
      // A possessive qualifies the noun after it (`Google's chief executive, Laszlo Bock,`).
      if (name && named && !/^['’]/.test(text.charAt(name.end))) return name;
    }
  }
  if (described) return described;
  for (let index = from; index < to; index += 1) {
    const token = tokens[index];
    if (isPronoun(token)) return mentionAt(text, tokens, index);
    if (token && isCapitalized(token)) {
      const name = personMention(text, tokens, index);
      if (name) return name;
    }
  }
  return null;
}

// The most words naming who quoted the speaker (`was quoted by the Ledger as saying`).
const MAX_QUOTED_BY_TOKENS = 6;

/**
 * Where the passive before the cue at `to` starts (`Martin Vance was quoted as saying,`, `quoted by
 * the Ledger as saying`): its subject is the speaker, not whoever quoted them. `to` when there is none.
 */
function quotedAsAt(tokens: Token[], from: number, to: number): number {
  if (lower(tokens[to - 1]) !== 'as') return to;
  for (let cursor = to - 2; cursor > from && to - cursor <= MAX_QUOTED_BY_TOKENS + 2; cursor -= 1) {
    const token = tokens[cursor] as Token;
    if (token.lower === 'quoted') return cursor === to - 2 || lower(tokens[cursor + 1]) === 'by' ? cursor : to;
    if (!token.isWord) return to;
  }
  return to;
}

/**
 * The subject of a clause in `tokens[from, to)`, the cue verb at `to`: a name opening the clause
 * before an appositive (`X, a writer for Y, said`), else the mention right before the verb.
 */
function subjectBefore(text: string, tokens: Token[], clauseStart: number, to: number): SpeakerMention | null {
  // `RALEIGH, N.C. — A federal judge …`: a dateline names where, not who.
  const from = pastDateline(tokens, clauseStart);
  if (namedWithAppositive(text, tokens, from)) return nameMention(text, tokens, from);
  const linked = PREDICATE_LINKS.has(lower(tokens[to - 1])) ? subjectOfPredicate(text, tokens, from, to - 1) : null;
  if (linked) return linked;
  let end = quotedAsAt(tokens, from, to);
  while (end > from && isCueModifier(tokens[end - 1])) end -= 1;
  // One adverb of manner, after the subject: a pronoun or a name.
  const subjectBeforeAdverb = tokens[end - 2];
  if (end - 1 > from && isMannerAdverb(tokens[end - 1]) && subjectBeforeAdverb !== undefined && (isPronoun(subjectBeforeAdverb) || isCapitalized(subjectBeforeAdverb))) end -= 1;
  end = beforeParenthesis(tokens, from, end);
  const last = tokens[end - 1];
  if (!last || end <= from) return null;
  if (isPronoun(last)) return pronounMention(last);
  if (isComma(last)) return firstMention(text, tokens, from, end);
  // Walk back to where the subject phrase starts, then read it forwards.
  let start = end - 1;
  while (start > from && tokens[start - 1]?.isWord && !isCueAt(tokens, start - 1)) start -= 1;
  // Stopped by an earlier cue, the words are its object (`The senator emailed supporters saying:`):
  // the speaker is the subject of that cue, unless a clause of its own begins among them
  // (`Cruz said as the heckler yelled:`, `under a headline that said,`).
  // After a cue that reports a clause, a name is that clause's subject (`the prosecutor said Mr
  // Calloway told staff:`), not the cue's object.
  const opensClause = tokens.slice(start, end).some((token) => CLAUSE_OPENERS.has(token.text))
    || (CLAUSE_REPORTING_CUES.has(lower(tokens[start - 1])) && tokens.slice(start, end).every((token) => isCapitalized(token) && possessiveLength(token.text) === 0));
  if (start > from && isCueAt(tokens, start - 1) && !opensClause) {
    const earlier = subjectBefore(text, tokens, from, start - 1);
    if (earlier) return earlier;
  }
  // `residents in Colnebrook`, `many local residents in Ashby`, `Emergency crews`: people the text
  // does not name, not the place after them.
  const first = tokens[start];
  if (first !== undefined && opensOnGroup(tokens, start, end)) return { start: first.start, end: last.end, kind: 'description', text: text.slice(first.start, last.end) };
  for (let cursor = start; cursor < end; cursor += 1) {
    const token = tokens[cursor];
    if (!token) break;
    if (isCapitalized(token)) {
      const read = readNameSpan(text, tokens, cursor);
      // The name ends the subject (`Wyoming GOP chairman Matt Micheli`, `In an interview Trump`)
      // or heads it before a modifier (`Mr. Morgan of the Sierra Club`).
      const heads = read !== null && (read.next >= end || HEAD_MODIFIER_PREPOSITIONS.has(lower(tokens[read.next])))
        // `a lawyer for Tom Ashe said`: the name is what the description is of.
        && !(DETERMINERS.has(lower(tokens[start])) && isDescribedAsOf(tokens, cursor));
      if (read && heads && read.mention.canBePerson) return opensNamesakeDescription(tokens, cursor - 2) ? descriptionMention(text, tokens, cursor - 2) : nameMention(text, tokens, cursor);
      if (read) cursor = read.next - 1;
    }
  }
  for (let cursor = start; cursor < end; cursor += 1) {
    const token = tokens[cursor];
    if (token && (DETERMINERS.has(lower(token)) || isPronoun(token))) return mentionAt(text, tokens, cursor);
  }
  // `state Senate leader Phil Berger`, `Powell’s office`: the whole phrase. One that cannot open
  // a mention is the tail of the clause's own verb phrase (`Trump went on to say`, `as if to
  // say`): the subject is earlier, the first name or pronoun of the clause.
  if (!first) return null;
  const phrase: SpeakerMention = { start: first.start, end: last.end, kind: 'description', text: text.slice(first.start, last.end) };
  return startsMention(first) ? phrase : firstMention(text, tokens, from, end) ?? phrase;
}

// Words a plural noun for people may follow in its phrase (`many local residents`, `health
// officials`, `the two teams`): quantifiers and a few qualifying words.
const MAX_GROUP_MODIFIERS = 3;

/** Whether the subject phrase `tokens[start, end)` opens on a plural noun for people, past a few lowercase or opening modifiers. */
function opensOnGroup(tokens: Token[], start: number, end: number): boolean {
  for (let cursor = start; cursor < end && cursor - start <= MAX_GROUP_MODIFIERS; cursor += 1) {
    const token = tokens[cursor] as Token;
    if (!token.isWord) return false;
    // `nuclear experts David Albright and …`, `Tulsa police Chief Chuck Jordan`: named right after, they are the subject.
    // `the residents' spokeswoman`: a plural possessive qualifies the noun after it.
    if (isPluralOfPersonNoun(token.lower)) return !(tokens[cursor + 1]?.capitalized ?? false) && !closesPluralPossessive(token, tokens[cursor + 1]);
  }
  return false;
}

// Prepositions after which a name is what a description is of (`a spokesman for Tom Ashe`), not its head.
const OBJECT_PREPOSITIONS = new Set(['for', 'of', 'representing', 'to']);
// Words for those who act for someone or belong to them, that a person noun does not cover.
const OF_SOMEONE_NOUNS = new Set(['family', 'relatives', 'friends', 'colleagues', 'lawyers', 'attorneys', 'parents', 'children', 'supporters', 'camp']);

/**
 * Whether the name at token `nameIndex` is what a noun for a person right before it is of
 * (`a lawyer for Tom Ashe`, `the family of Tom Ashe`, `adviser to Bill Clinton`), not the head of
 * the phrase (`secretary of state Hillary Clinton`, `footage of Hillary Clinton`).
 */
function isDescribedAsOf(tokens: Token[], nameIndex: number): boolean {
  const preposition = tokens[nameIndex - 1];
  const noun = tokens[nameIndex - 2];
  if (!preposition || !noun || !OBJECT_PREPOSITIONS.has(lower(preposition))) return false;
  const word = lower(noun);
  return isPersonNoun(word) || isPluralOfPersonNoun(word) || OF_SOMEONE_NOUNS.has(word);
}

/** The group a subject phrase at `start` names (opensOnGroup), to the end of its words; null when it names none. */
function groupAt(text: string, tokens: Token[], start: number): SpeakerMention | null {
  if (!opensOnGroup(tokens, start, tokens.length)) return null;
  const first = tokens[start] as Token;
  let last = first;
  for (let cursor = start + 1; cursor < tokens.length && (tokens[cursor] as Token).isWord; cursor += 1) last = tokens[cursor] as Token;
  return { start: first.start, end: last.end, kind: 'description', text: text.slice(first.start, last.end) };
}

// Words that tie a cue to an earlier verb of the same subject: `he looked up, furrowed his brow
// and said`, `she responded to the post by saying`.
const PREDICATE_LINKS = new Set(['and', 'by']);
// Words that open a clause with a subject of its own.
const CLAUSE_OPENERS = new Set(['as', 'that', 'which', 'who', 'while', 'when', 'because', 'after', 'before', 'if', 'whether']);
// Cues followed by the clause they report, never by an object (`said`, unlike `told` or `emailed`).
const CLAUSE_REPORTING_CUES = new Set(['said', 'says', 'say', 'added', 'adds', 'claimed', 'claims', 'insisted', 'insists', 'argued', 'argues', 'noted', 'notes']);

/**
 * The subject of the verb phrase ending at `end` that a linked cue continues: the last pronoun
 * before it, or the last name followed by a verb; never the words of the phrase itself
 * (`his brow`, `one of Trump's messages`).
 */
function subjectOfPredicate(text: string, tokens: Token[], from: number, end: number): SpeakerMention | null {
  for (let index = end - 1; index >= from; index -= 1) {
    const token = tokens[index];
    if (!token) break;
    if (isPronoun(token) && lower(token) !== 'who') return pronounMention(token);
    if (!isCapitalized(token)) continue;
    const read = readNameSpan(text, tokens, index);
    // A possessive name qualifies a noun (`Trump's messages`), it is no subject.
    if (read && possessiveLength(tokens[read.next - 1]?.text ?? '') > 0) continue;
    const verb = read ? tokens[read.next] : undefined;
    if (read?.mention.canBePerson && (isCueAt(tokens, read.next) || looksLikeVerb(verb))) return nameMention(text, tokens, index);
  }
  return null;
}

/** `end`, or the start of a parenthesis closing right before it (`Rep. Gwen Moore (D-Wis.)`). */
function beforeParenthesis(tokens: Token[], from: number, end: number): number {
  if (tokens[end - 1]?.text !== ')') return end;
  for (let cursor = end - 2; cursor >= from; cursor -= 1) {
    if (tokens[cursor]?.text === '(') return cursor;
  }
  return end;
}

function skipLeading(tokens: Token[], from: number, skippable: (token: Token) => boolean): number {
  let index = from;
  while (index < tokens.length && skippable(tokens[index] as Token)) index += 1;
  return index;
}

/**
 * Whether the subject phrase opening at `begin` is followed, within a few words, by a stretch set
 * off by commas that closes right before a cue (`the White House press secretary, Josh Earnest,
 * said`, `Texas delegate Bill Eastland, wearing a cowboy hat, said`): the cue is that far away.
 */
function setOffBeforeCue(clause: Token[], begin: number): boolean {
  const limit = Math.min(clause.length, begin + MAX_SUBJECT_TOKENS);
  for (let index = begin + 1; index < limit; index += 1) {
    const token = clause[index] as Token;
    if (isSentenceEnd(token) || isCueAt(clause, index)) return false;
    if (isComma(token)) return closesBeforeCue(clause, index);
  }
  return false;
}

// Words after which an inverted cue goes on with something other than its subject (`said on
// Monday that Trump …`, `said of Trump`).
const NOT_PREMODIFIERS = new Set(['in', 'on', 'at', 'to', 'for', 'from', 'with', 'by', 'about', 'after', 'before', 'during', 'that', 'this', 'when', 'while', 'as', 'and', 'but', 'if']);

/**
 * The name an inverted cue's subject ends in past lowercase premodifiers the lexicon does not
 * list (`said retired neurosurgeon Ben Carson`, `said master of ceremonies Asab Al-Tabchi`).
 */
function nameAfterPremodifiers(text: string, clause: Token[], from: number): SpeakerMention | null {
  for (let index = from; index < clause.length && index - from < MAX_DESCRIPTION_TOKENS; index += 1) {
    const token = clause[index] as Token;
    // `said Then-Ohio Gov. Martin Vance`: capitalized or not, the `then` of a title premodifies.
    if (isCapitalized(token) && !isThenOfTitle(text, token)) {
      const read = readNameSpan(text, clause, index);
      return read?.mention.canBePerson ? nameMention(text, clause, index) : null;
    }
    const word = lower(token);
    const opensOtherPhrase = NOT_PREMODIFIERS.has(word) || DETERMINERS.has(word) || (word === 'of' && index === from);
    if (!token.isWord || opensOtherPhrase) return null;
  }
  return null;
}

/** The mention of a clause that directly follows a quotation, or null when it attributes nothing. */
function postposedMention(text: string, clause: Token[], begin: number): SpeakerMention | null {
  const first = clause[begin];
  if (!first) return null;
  if (lower(first) === 'according' && lower(clause[begin + 1]) === 'to') return mentionAt(text, clause, begin + 2);
  // `said X`, `added Ms. Moore`; participles (`adding that …`) never take an inverted subject.
  if (isCueAt(clause, begin)) {
    if (first.text.endsWith('ing')) return null;
    const subject = skipLeading(clause, pastCue(clause, begin), isCueModifier);
    // `said Colnebrook residents`, `said residents of Colnebrook`: people the text does not name.
    const group = groupAt(text, clause, subject);
    if (group) return group;
    return mentionAt(text, clause, subject) ?? nameAfterPremodifiers(text, clause, subject);
  }
  if (!first.isWord) return null;
  const reach = namedWithAppositive(text, clause, begin) || setOffBeforeCue(clause, begin) ? MAX_APPOSITIVE_SUBJECT_TOKENS : MAX_SUBJECT_TOKENS;
  const cue = cueWithinReach(clause, begin, reach);
  return cue > begin ? subjectBefore(text, clause, begin, cue) : null;
}

/**
 * The first cue after `begin` within `reach` tokens, not counting what stands in parentheses: a
 * party label lengthens no subject (`Harry M. Reid (D-Nev.) said`). -1 when there is none.
 */
function cueWithinReach(clause: Token[], begin: number, reach: number): number {
  let counted = 0;
  let depth = 0;
  for (let index = begin + 1; index < clause.length && counted < reach; index += 1) {
    const token = clause[index]?.text;
    if (token === '(') depth += 1;
    else if (token === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      counted += 1;
      if (isCueAt(clause, index)) return index;
    }
  }
  return -1;
}

/** `“…” ― Karen Bobadilla.`: a name alone after a dash, signing the quotation. */
function signature(text: string, clause: Token[]): SpeakerMention | null {
  if (!DASHES.has(clause[0]?.text ?? '')) return null;
  const read = readNameSpan(text, clause, 1);
  const rest = read ? clause.slice(read.next) : [];
  if (!read || !rest.every(isSentenceEnd)) return null;
  return { start: read.mention.start, end: read.mention.end, kind: 'name', text: read.mention.name };
}

/**
 * Whether a clause that attributes the quotation before it goes on to a cue of its own that
 * introduces the next one (`he said, adding, "…"`, `she wrote, arguing that if …, "…"`): the
 * speaker goes on to a second statement, not the rest of the first.
 */
export function introducesAnotherQuotation(text: string, from: number, to: number): boolean {
  const tokens = tokenize(text, from, to);
  let end = tokens.length;
  while (end > 0 && /^["”'’]$/.test(tokens[end - 1]?.text ?? '')) end -= 1;
  const clause = tokens.slice(0, end);
  if (!isComma(clause[clause.length - 1])) return false;
  const firstCue = clause.findIndex((_token, index) => isCueAt(clause, index));
  const lastCue = clause.findLastIndex((_token, index) => isCueAt(clause, index));
  return firstCue >= 0 && lastCue > firstCue;
}

/** A finite verb the cue list lacks (`questioned`, `concludes`), by its ending. */
function looksLikeVerb(token: Token | undefined): boolean {
  return token !== undefined && token.isWord && /^[a-z]{3,}(?:ed|es|ts|ds|ns|rs|ys|ks|ls|ms|ps|gs)$/.test(token.text) && !DETERMINERS.has(token.text);
}

/**
 * The speaker of a clause after a quotation's handover comma, when its verb is not a known cue:
 * `“…,” Beck questioned.`, `“…,” they conclude.`, `“…,” agrees Michelle Stevens.` The mention
 * must stand right before or right after a finite verb ending the clause or opening it.
 */
function handoverMention(text: string, clause: Token[], begin: number): SpeakerMention | null {
  if (looksLikeVerb(clause[begin])) {
    const mention = mentionAt(text, clause, begin + 1);
    return mention?.kind === 'name' ? mention : null;
  }
  const first = clause[begin];
  // `who proceeded to …` goes on with the sentence about someone the quotation named.
  if (isPronoun(first) && first && lower(first) !== 'who' && looksLikeVerb(clause[begin + 1])) return pronounMention(first);
  const read = first && isCapitalized(first) ? readNameSpan(text, clause, begin) : null;
  if (!read?.mention.canBePerson || !looksLikeVerb(clause[read.next])) return null;
  return nameMention(text, clause, begin);
}

// A quotation that ends its own sentence inside its closing marks (`…promise."`).
const QUOTED_SENTENCE_END = /[.?!]["”'’]+\s*$/;

/**
 * Whether the clause after a quotation that ended its sentence runs on to a colon with nothing
 * after it (`"… that promise." Opposition leader Tom Hale said: "…"`): it introduces what
 * follows, the next quotation, and says nothing of who spoke the one before.
 */
function introducesWhatFollows(text: string, from: number, clause: readonly Token[], tokens: number): boolean {
  return clause.length === tokens && clause[clause.length - 1]?.text === ':' && QUOTED_SENTENCE_END.test(text.slice(Math.max(0, from - 4), from));
}

/** The clause after a quoted piece, from `from` up to `limit` (next quotation or paragraph end). */
export function attributionAfter(text: string, from: number, limit: number): Attribution | null {
  const tokens = tokenize(text, from, limit);
  const sentenceEnd = tokens.findIndex(isSentenceEnd);
  const clause = sentenceEnd >= 0 ? tokens.slice(0, sentenceEnd + 1) : tokens;
  if (introducesWhatFollows(text, from, clause, tokens.length)) return null;
  // A clause may end inside a quoted title (`he said on ''This Week.''`): take in its closing marks.
  let clauseEnd = clause[clause.length - 1]?.end ?? from;
  while (clauseEnd < limit && /["”'’]/.test(text[clauseEnd] ?? '')) clauseEnd += 1;
  const begin = skipLeading(clause, 0, (token) => CLAUSE_PUNCTUATION.has(token.text) || LEADING_CONJUNCTIONS.has(lower(token)));
  // A partial quotation runs on in the sentence (`"…" that Sanders can win, said X`, `"…" for
  // Clinton, said Kunin`): the attribution is past the comma, and a name before it is no speaker.
  const comma = clause.findIndex(isComma);
  const runsOn = comma > begin && !startsMention(clause[begin]);
  const inverted = runsOn && isCueAt(clause, comma + 1) ? postposedMention(text, clause, comma + 1) : null;
  let mention = signature(text, clause) ?? inverted ?? postposedMention(text, clause, begin);
  // A quotation that handed its sentence over with a comma is followed by its attribution, whatever the verb.
  if (!mention && /,\s*["”'’]+$/.test(text.slice(Math.max(0, from - 4), from))) mention = handoverMention(text, clause, begin);
  if (!mention && runsOn) mention = postposedMention(text, clause, comma + 1);
  return mention ? { mention, start: from, end: clauseEnd } : null;
}

// Cues that open a sentence before their subject; others opening one are participles (`Asked
// which county was his favorite, he demurred:`).
const INVERTED_OPENING_CUES = new Set(['Said', 'Says', 'Added', 'Adds', 'Wrote', 'Writes']);

/** `Said Dorothy Poynter, who grew up with him, "…"`: a sentence opening on its cue, the subject after it. */
function invertedOpening(text: string, clause: Token[]): SpeakerMention | null {
  const first = clause[0];
  if (!first?.isWord || !INVERTED_OPENING_CUES.has(first.text)) return null;
  const mention = mentionAt(text, clause, 1) ?? nameAfterPremodifiers(text, clause, 1);
  return mention?.kind === 'pronoun' ? null : mention;
}

// Words that open a clause whose subject and verb may be left out before a participle (`when asked`, `if pressed`).
const SHORTENED_CLAUSE_OPENERS = new Set([...SUBORDINATORS, 'if', 'as']);

/**
 * `Lynch told Congress when asked about the inquiry:`: a participle after `when` or `if` is a
 * clause of its own with its subject left out, not the cue the clause's speaker is the subject of.
 */
function opensShortenedClause(clause: Token[], index: number): boolean {
  const token = clause[index] as Token;
  return token.text.endsWith('ed') && SHORTENED_CLAUSE_OPENERS.has(lower(clause[index - 1]));
}

/** The clause before a quoted piece starting at `to`, from `from` (sentence or paragraph start). */
export function attributionBefore(text: string, from: number, to: number): Attribution | null {
  const tokens = tokenize(text, from, to);
  const start = tokens.findLastIndex(isSentenceEnd) + 1;
  const clause = tokens.slice(start);
  const lastToken = clause[clause.length - 1];
  if (!lastToken) return null;
  const clauseStart = clause[0]?.start ?? to;

  const according = clause.findLastIndex((token, index) => lower(token) === 'according' && lower(clause[index + 1]) === 'to');
  // `According to court papers, Mr Calloway told staff: "…"`: the source of the account, not the
  // speaker the clause after it names with a cue of its own.
  const sourceEnds = according >= 0 ? clause.findIndex((token, index) => index > according && isComma(token)) : -1;
  const cueAfterSource = sourceEnds >= 0 && clause.some((_token, index) => index > sourceEnds && isCueAt(clause, index));
  if (according >= 0 && !cueAfterSource && clause.length - according <= MAX_CUE_TAIL_TOKENS) {
    const mention = mentionAt(text, clause, according + 2);
    return mention ? { mention, start: clauseStart, end: to } : null;
  }
  const inverted = invertedOpening(text, clause);
  if (inverted && [':', ','].includes(lastToken.text)) return { mention: inverted, start: clauseStart, end: to };
  const cue = clause.findLastIndex((_token, index) => isCueAt(clause, index) && !opensShortenedClause(clause, index));
  const introduces = [':', ','].includes(lastToken.text) || isCueAt(clause, clause.length - 1);
  if (cue >= 0 && introduces && clause.length - cue <= MAX_CUE_TAIL_TOKENS) {
    const begin = skipLeading(clause, 0, (token) => LEADING_CONJUNCTIONS.has(lower(token)) || CLAUSE_PUNCTUATION.has(token.text));
    const mention = subjectBefore(text, clause, begin, cue);
    // `The former candidate continued, saying, "…"`: no subject before the participle, but one
    // before the verb it hangs on.
    return mention ? { mention, start: clauseStart, end: to } : attributionOfParticiple(text, clause, to);
  }
  if (lastToken.text === ':') {
    const begin = skipLeading(clause, 0, (token) => LEADING_CONJUNCTIONS.has(lower(token)));
    // `The ruling, according to the lone dissenter, leaves Kansas courts with no role:`: its source.
    const mention = (according >= 0 ? mentionAt(text, clause, according + 2) : null) ?? firstMention(text, clause, begin, clause.length);
    return mention ? { mention, start: clauseStart, end: to } : null;
  }
  return null;
}

/**
 * A sentence that ends right before a quotation and attributes it: `X said in a statement.`
 * `to` is the offset just past the sentence's final period.
 */
export function attributionOfSentence(text: string, from: number, to: number): Attribution | null {
  const tokens = tokenize(text, from, to);
  if (!isSentenceEnd(tokens[tokens.length - 1])) return null;
  const sentence = tokens.slice(tokens.slice(0, -1).findLastIndex(isSentenceEnd) + 1, -1);
  const cue = sentence.findLastIndex((_token, index) => isCueAt(sentence, index));
  if (cue < 0 || sentence.length - cue > MAX_SENTENCE_TAIL_TOKENS) return null;
  const begin = skipLeading(sentence, 0, (token) => LEADING_CONJUNCTIONS.has(lower(token)) || CLAUSE_PUNCTUATION.has(token.text));
  const mention = subjectBefore(text, sentence, begin, cue);
  if (!mention || attributesOwnWords(sentence, mention)) return null;
  return { mention, start: sentence[0]?.start ?? from, end: to };
}

/**
 * `Marta Oyelaran, a union leader, said members had been patient.` closing the paragraph before a
 * quotation that opens its own and has no attribution: the quotation goes on from the speech the
 * sentence reports, in its speaker's words (how news writing hands a quotation to the speaker of
 * the paragraph before). The cue must be the sentence's first: in `After Ruiz said …, the crowd
 * cheered` the sentence reports no one's speech as its own. `to` is just past the final period.
 */
export function attributionOfReportedSpeech(text: string, from: number, to: number): Attribution | null {
  const tokens = tokenize(text, from, to);
  if (!isSentenceEnd(tokens[tokens.length - 1])) return null;
  const sentence = tokens.slice(tokens.slice(0, -1).findLastIndex(isSentenceEnd) + 1, -1);
  const cue = sentence.findIndex((_token, index) => isCueAt(sentence, index));
  if (cue < 0 || sentence.slice(0, cue).some((token) => CLAUSE_OPENERS.has(lower(token)))) return null;
  // `Oyelaran said a handwritten sign had appeared.`, `A sign held by Oyelaran said …`: the words
  // are the sign's. `Oyelaran said one driver had told her …`: they may be the driver's.
  if (sentence.some((token) => WRITTEN_OR_CHANTED.has(lower(token))) || sentence.slice(cue + 1).some((token) => SPEECH_VERBS.has(lower(token)))) return null;
  const begin = skipLeading(sentence, 0, (token) => LEADING_CONJUNCTIONS.has(lower(token)) || CLAUSE_PUNCTUATION.has(token.text));
  const mention = subjectBefore(text, sentence, begin, cue);
  return mention && isSomeone(mention) && (mention.kind !== 'name' || isNameOfSomeone(text, mention)) ? { mention, start: sentence[0]?.start ?? from, end: to } : null;
}

// Verbs of speaking or writing that, in what a sentence reports, bring in a third party's words.
const SPEECH_VERBS = new Set(['told', 'tells', 'wrote', 'written', 'writes', 'said', 'says', 'emailed', 'texted', 'messaged', 'put']);

/**
 * Whether a name mention is someone's: more than one word, or a word the text also writes where no
 * sentence opens (`Carter`, named in full elsewhere), not a word capitalized only to open its
 * sentence (`Management said …`).
 */
function isNameOfSomeone(text: string, mention: SpeakerMention): boolean {
  if (mention.text.includes(' ')) return true;
  for (let at = text.indexOf(mention.text); at >= 0; at = text.indexOf(mention.text, at + 1)) {
    if (at !== mention.start && !/(?:^|[.!?]["”’']?\s+|\n\s*)$/.test(text.slice(Math.max(0, at - 4), at))) return true;
  }
  return false;
}

// Words of a reported sentence that make the quotation after it a thing's words, written, posted or
// chanted, not the speaker's own (`said a sign had appeared`, `said the company had sent a text message`).
const WRITTEN_OR_CHANTED = new Set([
  'sign', 'signs', 'message', 'messages', 'text', 'letter', 'letters', 'email', 'e-mail', 'statement', 'notice', 'banner',
  'banners', 'placard', 'placards', 'poster', 'leaflet', 'flyer', 'memo', 'note', 'tweet', 'post', 'headline', 'petition',
  'slogan', 'chant', 'chanted', 'chanting', 'chants', 'sang', 'song', 'promise', 'pledge', 'report', 'document', 'filing',
]);

// Pronouns a reported speech's speaker may be (not `it`: `suffice it to say`).
const PERSONAL_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);

/** Whether the mention can be a speaker on its own reading: a name, a personal pronoun, or a description of a person. */
function isSomeone(mention: SpeakerMention): boolean {
  if (mention.kind === 'pronoun') return PERSONAL_PRONOUNS.has(mention.text.toLowerCase());
  return mention.kind === 'name' || readDescription(mention.text) !== null;
}

// Words before a comma that make a sentence's opening what its speaker said, not an adverb.
const MIN_REPORTED_WORDS = 2;

/**
 * Whether a sentence ending in its cue reports words of its own before the speaker (`The ACLU
 * will watch the case closely, Ruiz says.`): its cue attributes those words, not the quotation
 * that follows.
 */
function attributesOwnWords(sentence: Token[], mention: SpeakerMention): boolean {
  const comma = sentence.findLastIndex((token) => isComma(token) && token.end <= mention.start);
  return comma >= 0 && sentence.slice(0, comma).filter((token) => token.isWord).length >= MIN_REPORTED_WORDS;
}

/** A comma, dash, colon, semicolon or quote mark: what may stand between a clause's last word and the quotation. */
export function isClausePunctuation(token: Token): boolean {
  return CLAUSE_PUNCTUATION.has(token.text);
}

/** A participle cue (`adding`, `saying`): the last word of a clause attributionOfParticiple reads. */
export function isParticipleCue(token: Token): boolean {
  return token.isWord && token.lower.endsWith('ing') && CUE_VERBS.has(token.lower);
}

/**
 * `Ash described the move as a “breach of trust,” adding: “…”`: a quotation introduced by a
 * participle cue alone (`adding`, `saying`) is attributed to the subject of the sentence the
 * participle hangs on. `tokens` are the paragraph's tokens outside quoted pieces, up to `to`,
 * where the quotation opens.
 */
export function attributionOfParticiple(text: string, tokens: Token[], to: number): Attribution | null {
  let end = tokens.length;
  while (end > 0 && isClausePunctuation(tokens[end - 1] as Token)) end -= 1;
  const participle = tokens[end - 1];
  if (!participle || !isParticipleCue(participle)) return null;
  const sentence = tokens.slice(tokens.slice(0, end - 1).findLastIndex(isSentenceEnd) + 1, end - 1);
  const cue = sentence.findIndex((_token, index) => isCueAt(sentence, index));
  if (cue < 0) return null;
  const begin = skipLeading(sentence, 0, (token) => LEADING_CONJUNCTIONS.has(lower(token)) || CLAUSE_PUNCTUATION.has(token.text));
  const mention = subjectBefore(text, sentence, begin, cue);
  return mention ? { mention, start: sentence[0]?.start ?? to, end: to } : null;
}
