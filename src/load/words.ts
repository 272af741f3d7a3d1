/** Han characters and kana: scripts written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const UNSPACED_ALL = new RegExp(UNSPACED.source, 'gu');
/** Japanese and Chinese run about two characters to an English word (reading speeds in characters and words agree at that). */
const CHARACTERS_PER_WORD = 2;
/** A word: a run without spaces that holds a letter or a digit. */
const WORD = /[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu;

/**
 * The one word count of Gazette (reading time, how many key points, how long a quote is):
 * whitespace-separated runs that hold a letter or a digit, so a lone dash or quote mark is no
 * word and "don't" or "U.S." is one. Text in scripts written without spaces (Chinese, Japanese)
 * counts one word per two characters, or a whole article would be a handful of "words".
 */
export function countWords(text: string): number {
  let unspaced = 0;
  const spaced = UNSPACED.test(text)
    ? text.replace(UNSPACED_ALL, () => {
        unspaced++;
        return ' ';
      })
    : text;
  let words = 0;
  // Counted without collecting the matches: names and sentences are counted many times an article.
  for (WORD.lastIndex = 0; WORD.exec(spaced) !== null; ) words++;
  return words + Math.ceil(unspaced / CHARACTERS_PER_WORD);
}
