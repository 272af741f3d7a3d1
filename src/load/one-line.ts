/**
 * Line breaks, tabs and runs of spaces, as the HTML shows them: one space. Not `\s`, which
 * takes in the no-break spaces an author writes (10 000, « Bonjour ») so that a line is never
 * broken there: those stay.
 */
const BREAKING_WHITESPACE = /[\t\n\v\f\r \u0085\u2028\u2029]+/g;

/** A value shown on one line (a heading, a byline, a key point, a greeting), with its no-break spaces kept. */
export function oneLine(text: string): string {
  return text.replace(BREAKING_WHITESPACE, ' ');
}
