/** A word or punctuation character of a text, with its offsets (end exclusive). */
export interface Token {
  text: string;
  start: number;
  end: number;
  isWord: boolean;
}

// Words keep inner apostrophes, hyphens and periods (`don't`, `Xi's`, `U.S`); a final period is
// split off later unless the word is an abbreviation.
const TOKEN = /[\p{L}\p{N}]+(?:['’.\-&][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm',
  'maj', 'pres', 'supt', 'rev', 'prof', 'st', 'jr', 'sr', 'messrs', 'atty', 'amb', 'gens', 'sens',
  'reps', 'no', 'vs', 'inc', 'corp', 'co', 'ltd', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec',
  'ft', 'mt', 'ave', 'blvd',
  // US state abbreviations as newspapers write them (`of Raleigh, N.C.` keeps its dots anyway).
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la',
  'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex',
  'va', 'vt', 'wash', 'wis', 'wyo',
]);

/** Whether a word ending in a period keeps it: titles, initials (`R.`) and dotted acronyms (`U.S.`). */
function keepsFinalPeriod(word: string): boolean {
  const bare = word.slice(0, -1);
  return ABBREVIATIONS.has(bare.toLowerCase()) || /^\p{Lu}$/u.test(bare) || bare.includes('.');
}

/** Splits `text[from, to)` into tokens; offsets are into `text`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  for (const match of slice.matchAll(TOKEN)) {
    const start = from + (match.index ?? 0);
    const word = match[0];
    const isWord = /^[\p{L}\p{N}]/u.test(word);
    if (isWord && word.length > 1 && word.endsWith('.') && !keepsFinalPeriod(word)) {
      tokens.push({ text: word.slice(0, -1), start, end: start + word.length - 1, isWord: true });
      tokens.push({ text: '.', start: start + word.length - 1, end: start + word.length, isWord: false });
    } else {
      tokens.push({ text: word, start, end: start + word.length, isWord });
    }
  }
  return tokens;
}

export function isCapitalized(token: Token): boolean {
  return token.isWord && /^\p{Lu}/u.test(token.text);
}
