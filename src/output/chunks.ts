/**
 * Text written in slices: a large issue's files (a 10,000-article email is 44 MB of HTML, and
 * email.json holds it again with the MJML and the text) are never turned into one more string
 * or buffer as large as the whole.
 */

/**
 * Small enough that each slice, and the buffer it is written from, is garbage V8 collects young
 * (not a large object kept until a full collection), large enough that writing costs no more.
 */
const SLICE_LENGTH = 1 << 15;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Whether text cut at `at` would halve a surrogate pair or a CRLF line end. */
const halves = (text: string, at: number) =>
  (isHighSurrogate(text.charCodeAt(at - 1)) && isLowSurrogate(text.charCodeAt(at))) || (text.charCodeAt(at - 1) === 0x0d && text.charCodeAt(at) === 0x0a);

/**
 * The text in slices of about `length` UTF-16 units, never cut between the two halves of a
 * surrogate pair or of a CRLF: each slice encodes (as UTF-8, escaped as JSON, or with its line
 * ends made CRLF) to exactly what it adds to the whole.
 */
export function* textSlices(text: string, length = SLICE_LENGTH): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + length, text.length);
    if (end < text.length && halves(text, end)) end += 1;
    yield text.slice(start, end);
    start = end;
  }
}

/** `JSON.stringify(value)` of an object of plain values, in pieces: its long strings escaped slice by slice. */
export function* jsonPieces(value: Readonly<Record<string, unknown>>, length = SLICE_LENGTH): Generator<string> {
  let separator = '{';
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    yield `${separator}${JSON.stringify(key)}:`;
    separator = ',';
    if (typeof field !== 'string' || field.length <= length) {
      yield JSON.stringify(field);
      continue;
    }
    yield '"';
    for (const slice of textSlices(field, length)) yield JSON.stringify(slice).slice(1, -1);
    yield '"';
  }
  yield separator === '{' ? '{}' : '}';
}
