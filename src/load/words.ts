/** Han characters and kana: scripts written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Japanese and Chinese run about two characters to an English word (reading speeds in characters and words agree at that). */
const CHARACTERS_PER_WORD = 2;
const WHITESPACE = /\s/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

// What a character is to the word count.
const SPACE = 0;
/** A letter or a digit: makes the run of characters around it a word. */
const WORD = 1;
/** Punctuation and symbols: part of a run, no word on their own (`—`, `"`). */
const OTHER = 2;
/** Han or kana: a word per CHARACTERS_PER_WORD of them, and a break between runs. */
const UNSPACED_CHARACTER = 3;
type Kind = typeof SPACE | typeof WORD | typeof OTHER | typeof UNSPACED_CHARACTER;

function classify(character: string): Kind {
  if (UNSPACED.test(character)) return UNSPACED_CHARACTER;
  if (WHITESPACE.test(character)) return SPACE;
  return LETTER_OR_DIGIT.test(character) ? WORD : OTHER;
}

/** Kinds of the characters of the Basic Multilingual Plane met so far, plus one (0: not yet known). */
const knownKinds = new Uint8Array(0x10000);

/** A character's kind, tested once per character rather than once per word with a regular expression. */
function kindOf(codePoint: number): Kind {
  if (codePoint > 0xffff) return classify(String.fromCodePoint(codePoint));
  const known = knownKinds[codePoint] as number;
  if (known !== 0) return (known - 1) as Kind;
  const kind = classify(String.fromCodePoint(codePoint));
  knownKinds[codePoint] = kind + 1;
  return kind;
}

// ASCII is classified up front through kindOf itself: its step for a character not met yet has
// then run before countWords is optimized, where the first new character of an article (a curly
// quote) otherwise threw countWords' optimized code away.
for (let code = 0; code < 128; code++) kindOf(code);

/** Called with `call` on each text (see countWords). */
const codePointAt = String.prototype.codePointAt;

/**
 * The one word count of Gazette (reading time, how many key points, how long a quote is):
 * whitespace-separated runs that hold a letter or a digit, so a lone dash or quote mark is no
 * word and "don't" or "U.S." is one. Text in scripts written without spaces (Chinese, Japanese)
 * counts one word per two characters, or a whole article would be a handful of "words".
 */
export function countWords(text: string): number {
  // One pass over the characters, no regular expression per word: names and sentences are
  // counted many times an article. Han and kana split runs as a space would.
  let words = 0;
  let unspaced = 0;
  let runIsWord = false;
  // The text comes as strings of many layouts (sliced, joined, one or two bytes a character): a
  // property read on it per character (`text.codePointAt`) is a slow generic look-up once the
  // function is optimized, and the string's iterator makes a string of every character. The
  // length is read once, and codePointAt is called through `call` on the one function, which the
  // optimizing compiler turns into a direct read of the character whatever the string's layout.
  const length = text.length;
  for (let index = 0; index < length; ) {
    const codePoint = codePointAt.call(text, index) as number;
    // A surrogate pair is one character, as the iterator reads it; a lone surrogate is one alone.
    index += codePoint > 0xffff ? 2 : 1;
    const kind = kindOf(codePoint);
    if (kind === WORD) {
      if (!runIsWord) words++;
      runIsWord = true;
    } else if (kind !== OTHER) {
      runIsWord = false;
      if (kind === UNSPACED_CHARACTER) unspaced++;
    }
  }
  return words + Math.ceil(unspaced / CHARACTERS_PER_WORD);
}
