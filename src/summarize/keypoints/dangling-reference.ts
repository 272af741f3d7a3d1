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

// The referring word opens the sentence (an opening quote mark aside), is the subject after a
// short lead-in phrase (`At 74, he bought …`, `Two days later, they …`), or is the source the
// sentence is according to (`According to her, 60 percent …`, `According to his lawyer, …`).
const OPENING_REFERENCE = new RegExp(
  `^["“‘']?(?:(${REFERRING_WORDS})\\b|according to (?:him|her|them|his|their|its)\\b|(?:[\\p{L}\\p{N}'’-]+\\s+){0,5}[\\p{L}\\p{N}'’-]+,\\s+(?:he|she|they)\\b)`,
  'iu',
);

const isOpeningMark = (code: number): boolean => code === 0x22 || code === 0x201c || code === 0x2018 || code === 0x27;

/** Whether the ASCII character may start a referring word (`he`, `she`, `it`, `this`, …) in any case. */
const startsReferringWord = (code: number): boolean => {
  const lower = code | 0x20;
  return lower === 0x68 || lower === 0x73 || lower === 0x74 || lower === 0x69;
};

/** A letter, digit, apostrophe or hyphen of ASCII: a character of OPENING_REFERENCE's lead-in words. */
const isAsciiWordCharacter = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x27 || code === 0x2d;

const isAsciiSpace = (code: number): boolean => code === 0x20 || (code >= 0x09 && code <= 0x0d);

// The lead-in words before a comma: at most six (OPENING_REFERENCE's `{0,5}` and one more), as in
// `In a statement Monday afternoon, he said …`.
const MAX_LEAD_IN_WORDS = 6;

/**
 * Whether OPENING_REFERENCE can match: a referring word's first letter at the start (past an
 * opening mark), or at most four words and then a comma. Most sentences fail both at once, and
 * are spared the expression, whose lead-in words backtrack letter by letter. Any character
 * beyond ASCII is taken as one that could match (case folding in Unicode has surprises: `ſ` is
 * an `s`), so that only sentences the expression must reject are turned away here.
 */
function mayOpenWithReference(sentence: string): boolean {
  const first = sentence.charCodeAt(0);
  const afterMark = isOpeningMark(first) ? 1 : 0;
  for (let index = 0; index <= afterMark; index++) {
    const code = sentence.charCodeAt(index);
    if (code >= 0x80 || startsReferringWord(code)) return true;
  }
  // An apostrophe is a word character: only the other marks are skipped before the lead-in.
  let words = 0;
  let inWord = false;
  for (let index = afterMark === 1 && first !== 0x27 ? 1 : 0; index < sentence.length; index++) {
    const code = sentence.charCodeAt(index);
    if (code >= 0x80 || isAsciiWordCharacter(code)) {
      if (!inWord && ++words > MAX_LEAD_IN_WORDS) return false;
      inWord = true;
    } else if (isAsciiSpace(code)) {
      inWord = false;
    } else {
      return code === 0x2c;
    }
  }
  return false;
}

/** Whether the sentence opens with a pronoun or demonstrative whose referent comes before it. */
export function opensWithDanglingReference(sentence: string): boolean {
  if (!mayOpenWithReference(sentence)) return false;
  const match = OPENING_REFERENCE.exec(sentence);
  if (match === null) return false;
  const word = match[1]?.toLowerCase();
  const rest = sentence.slice(match[0].length);
  if (word === 'it') return !EXPLETIVE_IT.test(rest);
  return !((word === 'this' || word === 'these') && PRESENT_TIME.test(rest));
}
