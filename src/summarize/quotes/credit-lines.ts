/**
 * Picture credits left in an article's text by the page it was taken from (`Jane Roe via Wire
 * Images.`, `Jane Roe/Wire.`, `(Photo by Jane Roe)`): the people they name took or handed out a
 * picture, they are not in the story, so no pronoun or description may refer to them.
 */

// Credit lines are short: a photographer and an agency or two.
const MAX_CREDIT_LINE_WORDS = 8;
// `Jane Roe via Wire Images.`, `Jane Roe/Wire.`, `Handout/Wire.`: a name, then `via` or a slash
// and the agency, alone on its line.
const NAME_THEN_AGENCY = /^\p{Lu}[\p{L}.'’ -]*(?:\s+via\s+\p{Lu}|\/\s*\p{Lu})[\p{L}.'’ /-]*$/u;
// `Photo: …`, `Photograph by …`, `Image credit: …`, `Credit: …` opening a line.
const LABELLED = /^(?:photo(?:graph)?s?|images?|credits?|image credit|photo credit)(?:\s+by\b|\s*:)/iu;
// A parenthesis holding a credit inside a caption: `(Photo by Jane Roe)`, `(JANE ROE/WIRE)`.
const PARENTHESIZED = /\((?:\s*(?:[Pp]hoto(?:graph)?|[Ii]mage|[Cc]redit)s?\b[^()]*|\s*\p{Lu}[^()]*\/\s*\p{Lu}[^()]*)\)/gu;

// More than MAX_CREDIT_LINE_WORDS words in a trimmed line: asked of every paragraph, so tested
// without splitting it into a list of its words.
const LONGER_THAN_CREDIT = new RegExp(`^(?:\\S+\\s+){${MAX_CREDIT_LINE_WORDS}}`);

function isCreditLine(line: string): boolean {
  const words = line.trim().replace(/\.$/, '');
  if (words === '' || LONGER_THAN_CREDIT.test(words)) return LABELLED.test(words);
  return NAME_THEN_AGENCY.test(words) || LABELLED.test(words);
}

/** The ranges of the text (start, end exclusive, in order) that are picture credits. */
export function findCreditRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const lines = /[^\n]+/g;
  for (let line = lines.exec(text); line; line = lines.exec(text)) {
    const start = line.index;
    const end = start + line[0].length;
    if (isCreditLine(line[0])) {
      ranges.push([start, end]);
      continue;
    }
    for (const credit of line[0].matchAll(PARENTHESIZED)) ranges.push([start + credit.index, start + credit.index + credit[0].length]);
  }
  return ranges;
}
