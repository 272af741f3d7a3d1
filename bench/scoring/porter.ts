/**
 * The Porter stemmer as NLTK implements it in its default `NLTK_EXTENSIONS` mode, so that our
 * ROUGE scores equal those of Google's `rouge-score` (which stems with NLTK). The NLTK
 * departures from Porter's 1980 paper are marked where they occur: they change results.
 * Home-made because npm's Porter stemmers follow the paper, not NLTK, and would shift the scores.
 */

/** Words NLTK maps directly, before any rule runs. */
const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map([
  ['sky', 'sky'],
  ['skies', 'sky'],
  ['dying', 'die'],
  ['lying', 'lie'],
  ['tying', 'tie'],
  ['news', 'news'],
  ['innings', 'inning'],
  ['inning', 'inning'],
  ['outings', 'outing'],
  ['outing', 'outing'],
  ['cannings', 'canning'],
  ['canning', 'canning'],
  ['howe', 'howe'],
  ['proceed', 'proceed'],
  ['exceed', 'exceed'],
  ['succeed', 'succeed'],
]);

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** `true` at each consonant: a letter other than a vowel, and `y` only after a vowel or first. */
function consonantFlags(word: string): boolean[] {
  const flags: boolean[] = [];
  for (let i = 0; i < word.length; i++) {
    const letter = word[i] as string;
    if (VOWELS.has(letter)) flags.push(false);
    else if (letter === 'y') flags.push(i === 0 || !flags[i - 1]);
    else flags.push(true);
  }
  return flags;
}

function isConsonant(word: string, index: number): boolean {
  return consonantFlags(word)[index] ?? false;
}

/** Porter's m: the number of vowel-consonant sequences in `[C](VC){m}[V]`. */
function measure(stem: string): number {
  const flags = consonantFlags(stem);
  let count = 0;
  for (let i = 1; i < flags.length; i++) {
    if (flags[i] && !flags[i - 1]) count++;
  }
  return count;
}

const hasPositiveMeasure = (stem: string): boolean => measure(stem) > 0;
const hasMeasureAboveOne = (stem: string): boolean => measure(stem) > 1;

function containsVowel(stem: string): boolean {
  return consonantFlags(stem).some((isCons) => !isCons);
}

function endsWithDoubleConsonant(word: string): boolean {
  const n = word.length;
  return n >= 2 && word[n - 1] === word[n - 2] && isConsonant(word, n - 1);
}

/** Porter's *o; NLTK also accepts a two-letter vowel-consonant word. */
function endsConsonantVowelConsonant(word: string): boolean {
  const n = word.length;
  if (n >= 3) {
    return (
      isConsonant(word, n - 3) &&
      !isConsonant(word, n - 2) &&
      isConsonant(word, n - 1) &&
      !['w', 'x', 'y'].includes(word[n - 1] as string)
    );
  }
  return n === 2 && !isConsonant(word, 0) && isConsonant(word, 1);
}

interface Rule {
  suffix: string;
  replacement: string;
  condition?: (stem: string) => boolean;
}

/**
 * Applies the first rule whose suffix the word has. That rule decides alone: when its
 * condition fails the word comes back unchanged and later rules are not tried.
 */
function applyFirstMatchingRule(word: string, rules: readonly Rule[]): string {
  for (const { suffix, replacement, condition } of rules) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length);
    return !condition || condition(stem) ? stem + replacement : word;
  }
  return word;
}

function step1a(word: string): string {
  // NLTK: "ties" -> "tie", not Porter's "ti".
  if (word.length === 4 && word.endsWith('ies')) return word.slice(0, -3) + 'ie';
  return applyFirstMatchingRule(word, [
    { suffix: 'sses', replacement: 'ss' },
    { suffix: 'ies', replacement: 'i' },
    { suffix: 'ss', replacement: 'ss' },
    { suffix: 's', replacement: '' },
  ]);
}

/** After -ed or -ing is removed: restore an -e, or undouble a final consonant. */
function tidyAfterEdOrIng(stem: string): string {
  for (const ending of ['at', 'bl', 'iz']) {
    if (stem.endsWith(ending)) return stem + 'e';
  }
  if (endsWithDoubleConsonant(stem)) {
    return ['l', 's', 'z'].includes(stem.at(-1) as string) ? stem : stem.slice(0, -1);
  }
  if (measure(stem) === 1 && endsConsonantVowelConsonant(stem)) return stem + 'e';
  return stem;
}

function step1b(word: string): string {
  // NLTK: "died" -> "die", "cried" -> "cri".
  if (word.endsWith('ied')) return word.slice(0, -3) + (word.length === 4 ? 'ie' : 'i');
  if (word.endsWith('eed')) {
    const stem = word.slice(0, -3);
    return measure(stem) > 0 ? stem + 'ee' : word;
  }
  for (const suffix of ['ed', 'ing']) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if (containsVowel(stem)) return tidyAfterEdOrIng(stem);
  }
  return word;
}

/** NLTK: y -> i only after a consonant that is not the whole stem ("happy" but not "by"). */
function step1c(word: string): string {
  if (!word.endsWith('y')) return word;
  const stem = word.slice(0, -1);
  return stem.length > 1 && isConsonant(stem, stem.length - 1) ? stem + 'i' : word;
}

const STEP2_RULES: readonly Rule[] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  // NLTK (like Porter's later versions) uses -bli where the paper had -abli.
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['fulli', 'ful'],
].map(([suffix, replacement]) => ({
  suffix: suffix as string,
  replacement: replacement as string,
  condition: hasPositiveMeasure,
}));

function step2(word: string): string {
  // NLTK: -alli becomes -al and step 2 runs again on the result.
  if (word.endsWith('alli') && hasPositiveMeasure(word.slice(0, -4))) {
    return step2(word.slice(0, -4) + 'al');
  }
  return applyFirstMatchingRule(word, [
    ...STEP2_RULES,
    // NLTK measures the stem with its "l" kept: "geologi" -> "geolog".
    { suffix: 'logi', replacement: 'log', condition: () => hasPositiveMeasure(word.slice(0, -3)) },
  ]);
}

const STEP3_RULES: readonly Rule[] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
].map(([suffix, replacement]) => ({
  suffix: suffix as string,
  replacement: replacement as string,
  condition: hasPositiveMeasure,
}));

const STEP4_RULES: readonly Rule[] = [
  'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion',
  'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize',
].map((suffix) => ({
  suffix,
  replacement: '',
  condition:
    suffix === 'ion'
      ? (stem: string) => hasMeasureAboveOne(stem) && /[st]$/.test(stem)
      : hasMeasureAboveOne,
}));

function step5a(word: string): string {
  if (!word.endsWith('e')) return word;
  const stem = word.slice(0, -1);
  const m = measure(stem);
  return m > 1 || (m === 1 && !endsConsonantVowelConsonant(stem)) ? stem : word;
}

function step5b(word: string): string {
  return word.endsWith('ll') && hasMeasureAboveOne(word.slice(0, -1)) ? word.slice(0, -1) : word;
}

/** Stems one word (lowercased first), e.g. "running" -> "run", "abilities" -> "abil". */
export function porterStem(word: string): string {
  const lower = word.toLowerCase();
  const irregular = IRREGULAR_FORMS.get(lower);
  if (irregular !== undefined) return irregular;
  if (word.length <= 2) return lower;
  const afterStep1 = step1c(step1b(step1a(lower)));
  const afterStep3 = applyFirstMatchingRule(step2(afterStep1), STEP3_RULES);
  return step5b(step5a(applyFirstMatchingRule(afterStep3, STEP4_RULES)));
}
