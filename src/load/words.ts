/**
 * The one word count of Gazette (reading time, how many key points, how long a quote is):
 * whitespace-separated runs that hold a letter or a digit, so a lone dash or quote mark is no
 * word and "don't" or "U.S." is one.
 */
export function countWords(text: string): number {
  return text.match(/[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu)?.length ?? 0;
}
