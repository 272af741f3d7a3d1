/**
 * Sentences that lean on the one before them: they open with a pronoun or a demonstrative
 * (`He said …`, `That split …`, `At 74, she bought …`) whose referent the reader of a lone key
 * point has not seen. Pure text tests, no outlet-specific rules.
 */

/** Pronouns and demonstratives that point back to something already named. */
const REFERRING_WORDS = 'he|she|they|him|them|his|her|their|its|it|this|that|these|those|such';

/**
 * `It is unclear whether …`, `It was not clear what …`: an `it` that stands for the clause after
 * it, not for anything before, so the sentence stands on its own.
 */
const EXPLETIVE_IT = /^(?:'s|’s| is| was| has been| had been| will be| would be| may be| might be| remains| seems| appears)(?: [\p{L}-]+){0,3} (?:that|to|whether|when|how|why|if|what|who)\b/u;

/** `This week …`, `These days …`: a demonstrative that points at the present, not back. */
const PRESENT_TIME = /^\s+(?:week|weekend|month|year|season|spring|summer|autumn|fall|winter|morning|afternoon|evening|days|time)\b/i;

// The referring word opens the sentence (an opening quote mark aside) or is the subject after a
// short lead-in phrase: `At 74, he bought …`, `Two days later, they …`.
const OPENING_REFERENCE = new RegExp(
  `^["“‘']?(?:(${REFERRING_WORDS})\\b|(?:[\\p{L}\\p{N}'’-]+\\s+){0,3}[\\p{L}\\p{N}'’-]+,\\s+(?:he|she|they)\\b)`,
  'iu',
);

/** Whether the sentence opens with a pronoun or demonstrative whose referent comes before it. */
export function opensWithDanglingReference(sentence: string): boolean {
  const match = OPENING_REFERENCE.exec(sentence);
  if (match === null) return false;
  const word = match[1]?.toLowerCase();
  const rest = sentence.slice(match[0].length);
  if (word === 'it') return !EXPLETIVE_IT.test(rest);
  return !((word === 'this' || word === 'these') && PRESENT_TIME.test(rest));
}
