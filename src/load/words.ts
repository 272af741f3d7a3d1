/** Han characters and kana: scripts written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const UNSPACED_ALL = new RegExp(UNSPACED.source, 'gu');
/** Japanese and Chinese run about two characters to an English word (reading speeds in characters and words agree at that). */
const CHARACTERS_PER_WORD = 2;

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
  return (spaced.match(/[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu)?.length ?? 0) + Math.ceil(unspaced / CHARACTERS_PER_WORD);
}
