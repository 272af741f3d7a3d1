/**
 * The words of a quotation as a reader sees them, out of the sentence that reported them: a
 * quotation interrupted by its attribution reads as one (`"…shut down," said X. "This winter…"`
 * gives `…shut down. This winter…`), and one that broke off for its attribution ends as a
 * sentence (`…the first half of it,` gives `…the first half of it.`).
 */
import type { QuotedPiece } from '../text/quote-marks.js';

// Closing quote marks of a quotation within the quotation, after its last word.
const INNER_CLOSING = `["”'’]*`;
// A comma, semicolon, colon or dash that handed over to the attribution: not the speaker's stop.
const HANDOVER = new RegExp(`\\s*(?:[,;:]|\\s[-\u2013\u2014]+|-{2,}|[\u2013\u2014])(${INNER_CLOSING})$`, 'u');
// The attribution between two pieces ended its sentence (`said X.`), so the first piece did too.
const CLAUSE_ENDS_SENTENCE = /[.?!]["”'’]*$/;

/** The quoted words of one piece, its paragraphs joined by a space. */
function pieceWords(text: string, piece: QuotedPiece): string {
  // A plain loop over the segments rather than map, filter and join: the optimized code was thrown
  // away when the mapped list came in another array layout than the one it was built for.
  let words = '';
  for (const [start, end] of piece.segments) {
    const segment = text.slice(start, end).trim();
    if (segment === '') continue;
    words = words === '' ? segment : `${words} ${segment}`;
  }
  return words;
}

const isInnerClosingMark = (code: number): boolean => code === 0x22 || code === 0x201d || code === 0x27 || code === 0x2019;
const isHandoverEnding = (code: number): boolean => code === 0x2c || code === 0x3b || code === 0x3a || code === 0x2d || code === 0x2013 || code === 0x2014;

/**
 * Whether HANDOVER can match: its mark is the last character before the closing quote marks.
 * Most quotations end with a stop and are answered here, without running the expression over
 * the whole quotation (it has no start to anchor on).
 */
function mayEndWithHandover(words: string): boolean {
  let end = words.length;
  while (end > 0 && isInnerClosingMark(words.charCodeAt(end - 1))) end -= 1;
  return end > 0 && isHandoverEnding(words.charCodeAt(end - 1));
}

// A dash after a word no sentence ends on: the speaker broke off (`because —`), or was cut off.
const BROKEN_OFF = new RegExp(`\\b(?:${[
  'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'so', 'because', 'if', 'unless', 'although', 'though', 'while', 'when', 'that',
  'which', 'who', 'whose', 'to', 'of', 'for', 'with', 'from', 'by', 'in', 'on', 'at', 'as', 'than', 'my', 'our', 'your',
  'his', 'her', 'their', 'its', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'should', 'not', 'just', 'very',
  'i', 'we', 'you', 'he', 'she', 'they',
].join('|')})\\s*(?:[-\u2013\u2014]+)(${INNER_CLOSING})$`, 'iu');

// A dash ending the words, before any closing marks of a quotation within them.
const FINAL_DASH = new RegExp(`[-\u2013\u2014]+${INNER_CLOSING}$`, 'u');

/**
 * The words ended as a sentence: a handover mark becomes a period; `?`, `!`, `.` and `…` stay,
 * and so does a dash where the speaker broke off mid-sentence (`I will not vote for it, because —`)
 * or where no attribution follows for it to hand over to (`she said as she left. "Not by a long —"`).
 */
function endAsSentence(words: string, handsOver = true): string {
  if (!mayEndWithHandover(words) || !HANDOVER.test(words) || BROKEN_OFF.test(words)) return words;
  return handsOver || !FINAL_DASH.test(words) ? words.replace(HANDOVER, '.$1') : words;
}

/**
 * Joins a piece to the one before it across the attribution between them: after a clause that
 * ends a sentence the first piece ended one too; after one ending in a comma the sentence goes on
 * (`"I have a vision," he said, "because…"`).
 */
function join(before: string, clause: string, after: string): string {
  if (!before) return after;
  if (!after) return before;
  const sentenceBreak = CLAUSE_ENDS_SENTENCE.test(clause.trim()) || /^[^\p{L}\p{N}]*\p{Lu}/u.test(after) && !/,\s*$/.test(clause.trim());
  if (sentenceBreak) return `${endAsSentence(before)} ${after}`;
  return `${splitsSubject(before, after) ? before.replace(TRAILING_COMMA, '$1') : before} ${after}`;
}

// A comma ending a piece, before any closing marks of a quotation within it.
const TRAILING_COMMA = new RegExp(`,(${INNER_CLOSING})$`, 'u');
// Words a sentence's subject opens on: a determiner or a personal pronoun (`The door`, `We`).
const SUBJECT_OPENING = /^[^\p{L}\p{N}]*(?:the|a|an|this|that|these|those|my|our|your|his|her|its|their|i|we|you|he|she|it|they)\s/iu;
// The most words of a subject a writer breaks off after for the attribution (`The door,` he said,).
const MAX_SPLIT_SUBJECT_WORDS = 4;
// Words that open a clause of its own after the comma (`"We tried," she said, "and we failed."`).
const CLAUSE_OPENING = /^[^\p{L}\p{N}]*(?:and|but|or|nor|so|yet|because|which|who|whose|where|when|while|though|although|if|unless|as|since|then|including|like|especially|not|even)\b/iu;

/**
 * Whether the writer broke the speaker's sentence between its subject and its verb (`"The door,"
 * said Keld Brauner, "is not closed."`): the comma was the attribution's, and the sentence reads
 * `The door is not closed.` A piece that is more than a short subject, or a second piece opening a
 * clause of its own, keeps it (`If we lose, we go home`, `We tried, and we failed`).
 */
function splitsSubject(before: string, after: string): boolean {
  if (!TRAILING_COMMA.test(before) || CLAUSE_OPENING.test(after) || OWN_SUBJECT.test(after) || !/^[^\p{L}\p{N}]*\p{Ll}/u.test(after)) return false;
  const words = before.replace(TRAILING_COMMA, '$1').trim();
  if (LONE_SUBJECT.test(words)) return true;
  return SUBJECT_OPENING.test(`${words} `) && !ADDRESS.test(words) && words.split(/\s+/).length <= MAX_SPLIT_SUBJECT_WORDS;
}

// A second piece opening on a subject of its own is a clause of its own (`"The door," she said, "we never lock it."`).
const OWN_SUBJECT = /^[^\p{L}\p{N}]*(?:i|we|you|he|she|they|it|there)\b/iu;
// A subject of one word (`"He," she said, "was my brother."`, `"Nobody," …`).
const LONE_SUBJECT = /^[^\p{L}\p{N}]*(?:he|she|it|they|we|i|everyone|everybody|nobody|someone|somebody|this|that)$/iu;
// Words that address someone or cry out (`My friends`, `My God`, `Your honour`): the comma is the address's.
const ADDRESS = /^[^\p{L}\p{N}]*(?:my|your|our)\s+(?:friends?|god|lord|dear|love|darling|honou?r|majesty|son|boy|girl|child|children|brothers?|sisters?|people|colleagues|fellow)\b/iu;

/**
 * What a reader is shown of the quotation made of these pieces (in text order); `handsOver` says
 * whether its attribution follows the last piece, which a final mark may have handed over to.
 */
export function quotedWords(text: string, pieces: readonly QuotedPiece[], handsOver = true): string {
  let words = '';
  pieces.forEach((piece, index) => {
    const previous = pieces[index - 1];
    const clause = previous ? text.slice(previous.end, piece.start) : '';
    words = join(words, clause, pieceWords(text, piece));
  });
  return endAsSentence(words, handsOver);
}
