import { expect, it } from 'vitest';
import { summarizeText } from '../src/summarize/index.js';
import { codeTexts, lexedParagraphs, markdownToText, paragraphsText, plainParagraphs } from '../src/load/markdown.js';
import { pickFrom, seededRandom } from '../bench/seeded-random.js';

it('keeps the prose of headings, lists, links and emphasis as paragraphs', () => {
  const text = markdownToText('# The *big* news\n\nRead [the report](https://example.com) &amp; **act** now.\n\n- first item\n- second item\n');
  expect(text).toBe('The big news\n\nRead the report & act now.\n\nfirst item\n\nsecond item');
});

it('skips code blocks, images and HTML comments', () => {
  const text = markdownToText('Before.\n\n```js\nconst secret = 1;\n```\n\n![A chart](chart.png)\n\n<!-- editor note -->\n\nAfter, with `inline code`.\n');
  expect(text).toBe('Before.\n\nAfter, with inline code.');
});

it('leaves out footnotes, their references and their definitions, as notes on the article rather than its story', () => {
  const markdown = 'The council approved a new ferry pier[^1] for the island.\n\n[^1]: "A note," said Foot Note.\n[^long-note]: Another note,\n    continued here.\n';
  expect(markdownToText(markdown)).toBe('The council approved a new ferry pier for the island.');
});

it('leaves out a footnote mark written as a number in brackets, a superscript or <sup>, and keeps the sentence it hid the end of', () => {
  for (const mark of ['.[1]', '[1].', '.¹', '.<sup>2</sup>', '.†']) {
    expect(markdownToText(`The board approved the $48 million expansion of the county jail${mark}`), mark).toBe('The board approved the $48 million expansion of the county jail.');
  }
  // Not a unit's or a power's superscript, an ordinal's ending, a subsection: these are words of the text.
  for (const text of ['It covers 40 km² of land.', 'It is 2³ times larger.', 'See Section 12[3] of the act.']) expect(markdownToText(text)).toBe(text);
  expect(markdownToText('She finished 1<sup>st</sup> of 30.')).toBe('She finished 1st of 30.');
  // A number in brackets set apart by a space is the text's own (`[1] is the first item`).
  expect(markdownToText('The options are listed as [1] and [2] in the report.')).toBe('The options are listed as [1] and [2] in the report.');
});

it('leaves out a caption known by the credit that ends it or by its label, and a placeholder for a graphic', () => {
  const body = [
    'A four-alarm fire destroyed the Mill Street warehouse early Sunday.',
    'Firefighters spray water on the burning warehouse early Sunday. (Photo: Jonah Fairweather/Dunmore Courier)',
    'Crews work through the night. (AP Photo/Ana Ruiz)',
    'Residents watch from across the river. Photograph: Jo Lee/Wire',
    'Caption: The warehouse before the fire.',
    'Traffic crosses the Harmon Street bridge. (Reuters/Dana Kim)',
    'The old mill in 1910. (Getty Images)',
    'Smoke over the river. Credit: Dana Kim for The Example Times',
    '[Chart: New housing units vs. median one-bedroom rent, 2019–2024]',
    'No one was seriously injured, according to the fire department.',
  ].join('\n\n');
  expect(markdownToText(body)).toBe('A four-alarm fire destroyed the Mill Street warehouse early Sunday.\n\nNo one was seriously injured, according to the fire department.');
});

it('leaves out a note in italics opening or closing the article, on its writer or on the article, not its story', () => {
  const markdown = [
    '*Margit Szabó-Halloran was head librarian at Eastbrook Central Library from 2002 to 2022.*',
    'The council wants to close the library. *Closing it* would be a mistake.',
    '*Nobody asks you to buy anything there.*',
    '_This article was amended on 4 March to correct the year the library opened._',
  ].join('\n\n');
  expect(markdownToText(markdown)).toBe('The council wants to close the library. Closing it would be a mistake.\n\nNobody asks you to buy anything there.');
  const bio = 'The tunnel will close for six weeks.\n\n*Jonas Ferreira covers transport for the Kessock Courier.*';
  expect(markdownToText(bio)).toBe('The tunnel will close for six weeks.');
  // A standfirst in italics, or a quotation, is the story's.
  const standfirst = "*Tolbury's only ferry will stop running on Friday.*\n\nThe operator had run it since 1987.";
  expect(markdownToText(standfirst)).toBe("Tolbury's only ferry will stop running on Friday.\n\nThe operator had run it since 1987.");
  const quotation = 'The board withdrew the licence.\n\n*"We have let the islanders down," said Dana Reiss.*';
  expect(markdownToText(quotation)).toBe('The board withdrew the licence.\n\n"We have let the islanders down," said Dana Reiss.');
  // A paragraph that is only partly in italics is the story's.
  expect(markdownToText('*Note:* the library opens at nine.')).toBe('Note: the library opens at nine.');
  // An article all in italics is its own story.
  expect(markdownToText('*The library opens at nine.*')).toBe('The library opens at nine.');
  expect(markdownToText('*The library opens at nine.*\n\n*It closes at six.*')).toBe('The library opens at nine.\n\nIt closes at six.');
});

it('leaves out a heading that is only a quotation, a pull quote, and keeps one that says who said it', () => {
  expect(markdownToText("## 'The wind made the decision for us'\n\nThe fire crossed the ridge.")).toBe('The fire crossed the ridge.');
  expect(markdownToText('### “We’re not done yet.”\n\nThe fire crossed the ridge.')).toBe('The fire crossed the ridge.');
  expect(markdownToText('## "We will rebuild," says mayor\n\nThe fire crossed the ridge.')).toBe('"We will rebuild," says mayor\n\nThe fire crossed the ridge.');
  expect(markdownToText('## The "safe" route\n\nThe fire crossed the ridge.')).toBe('The "safe" route\n\nThe fire crossed the ridge.');
});

it("leaves out an image's caption, below it or in italics after it", () => {
  const below = '![Firefighters on Marlow Street](https://example.com/fire.jpg)\n*Firefighters work to contain the blaze.*\n\nNo one was injured.';
  expect(markdownToText(below)).toBe('No one was injured.');
  const after = '![Firefighters](https://example.com/fire.jpg)\n\n*Firefighters work to contain the blaze.*\n\nNo one was injured.';
  expect(markdownToText(after)).toBe('No one was injured.');
});

it('drops emoji, arrows and smileys after the end of a sentence, which ended none', () => {
  expect(markdownToText('Fares rise by $6, the first increase since 2019. 🚢\n\nChildren travel free! 🎉✅ Tickets go on sale today. 👉')).toBe(
    'Fares rise by $6, the first increase since 2019.\n\nChildren travel free! Tickets go on sale today.',
  );
  // Inside a sentence or a quotation they stay.
  expect(markdownToText('"I love it ❤️," said Ana. The route → opens in May.')).toBe('"I love it ❤️," said Ana. The route → opens in May.');
});

it("leaves out the bold headline of a roundup's item, which the sentence after it says again, and keeps a bold label", () => {
  expect(markdownToText('**New bus route starts June 3.** The 27A will link the estate with the station.')).toBe('The 27A will link the estate with the station.');
  expect(markdownToText('**Tickets:** Day tickets are £18.')).toBe('Tickets: Day tickets are £18.');
  expect(markdownToText('**The bridge is closed.**')).toBe('The bridge is closed.');
});

it('composes accents written as combining marks, so that a name typed on a Mac reads as letters', () => {
  expect(markdownToText('Zoe\u0301 Bjo\u0308rk spoke.')).toBe('Zoé Björk spoke.');
});

it('keeps the text of block quotes, in quote marks as the quotation it is, unless it sets its words in marks itself', () => {
  expect(markdownToText('> Quoted words stay.\n')).toBe('“Quoted words stay.”');
  expect(markdownToText('> I was not a good student.\n>\n> My father cut the stitching.\n')).toBe('“I was not a good student.”\n\n“My father cut the stitching.”');
  expect(markdownToText('> "We will rebuild," Ms Pellow said.\n')).toBe('"We will rebuild," Ms Pellow said.');
  expect(markdownToText("> 'We will rebuild,' Ms Pellow said.\n")).toBe("'We will rebuild,' Ms Pellow said.");
  expect(markdownToText("> I'm not a good student, and my father's patience was short.\n")).toBe("“I'm not a good student, and my father's patience was short.”");
});

it('gives a block quote to the quotation finder, not to the key points', () => {
  const text = markdownToText([
    'Samuel Okonkwo learned the trade at a bench that still stands in the back room of the shop.',
    '> I was not a good student. My father would take a shoe I had finished, look at it for a long time, and then cut the stitching and hand it back to me.',
  ].join('\n\n'));
  const summary = summarizeText(text, { points: 3, allQuotes: true });
  expect(summary.keyPoints).toEqual(['Samuel Okonkwo learned the trade at a bench that still stands in the back room of the shop.']);
  expect(summary.quotes.map((quote) => quote.text)).toEqual([
    'I was not a good student. My father would take a shoe I had finished, look at it for a long time, and then cut the stitching and hand it back to me.',
  ]);
});

it('decodes every HTML entity the way a browser would, named and numeric, and leaves unknown ones as written', () => {
  expect(markdownToText('It&rsquo;s a caf&eacute; &mdash; &#8217;&#x2019; &hellip; &amp;lt; AT&T &notanentity;')).toBe('It’s a café — ’’ … &lt; AT&T &notanentity;');
});

it('finds code wherever Markdown allows it: spans, fences of either kind, indented blocks in lists and quotes', () => {
  const found = (markdown: string) => [...new Set(codeTexts(markdown))];
  expect(found('Run `make issue` first.')).toEqual(['make issue']);
  expect(found('~~~\ntilde fence\n~~~')).toEqual(['tilde fence']);
  expect(found('> quoted prose\n>\n>     indented in a quote')).toEqual(['indented in a quote']);
  expect(found('-     indented in a list item')).toEqual(['indented in a list item']);
  expect(found('Prose.\n\n\tindented by a tab')).toEqual(['indented by a tab']);
  expect(codeTexts('Prose with “curly quotes”, braces {{like}} these, and  two spaces.\n\nNo code here.')).toEqual([]);
});

/** What a plain paragraph may hold: bare URLs and addresses (marked makes them links), curly quotes, no-break spaces, numbers, a heading mark mid-line, line breaks, two trailing spaces. */
const PLAIN = ['The council met', ' ', ' ', '\n', '\n\n', '\n   \n', '  \n', 'on 3 May.', '1984. ', 'See https://example.com/a_b?x=1.', ' www.example.org,', ' ann@example.com', '“Yes,” she said.', '\u00a0', 'No. 5 #1 ', 'C++ ', 'e=mc2 ', '(aside) ', 'Q: why? A: so.', "it's", '\n   indented', '-3 degrees', ' 2) '];
/** Markdown that sends a body to the Lexer: markers at a line's start, emphasis, links, entities, code, indentation, tabs. */
const SYNTAX = ['\n1984. ', '\n:--', '\n2) ', '\n# ', '\n- ', '\n+ ', '\n* ', '\n> ', '\n===', '\n---', '\n    code', '\n\tcode', '*em*', '_em_', '[link](https://example.com)', '`code`', '&amp;', 'a < b', '~~gone~~', '| a | b |', '\\', '\n  - '];

/** A body of one to two dozen pieces, mostly plain. */
function generatedProse(random: () => number): string {
  const piece = () => pickFrom(random, random() < 0.05 ? SYNTAX : PLAIN);
  return Array.from({ length: 1 + Math.floor(random() * 24) }, piece).join('');
}

it('reads prose without Markdown syntax as the Lexer does, and leaves everything else to the Lexer', () => {
  let plain = 0;
  const random = seededRandom(1);
  for (let sample = 0; sample < 10_000; sample++) {
    const markdown = generatedProse(random);
    const paragraphs = plainParagraphs(markdown);
    if (paragraphs === null) continue;
    plain++;
    expect(paragraphsText(paragraphs), JSON.stringify(markdown)).toBe(paragraphsText(lexedParagraphs(markdown)));
  }
  // Both kinds were generated: the comparison above ran on hundreds of plain bodies.
  expect(plain).toBeGreaterThan(700);
  expect(plain).toBeLessThan(9000);
  expect(plainParagraphs('Read [the report](https://example.com).')).toBeNull();
  expect(plainParagraphs('Prose.\n\n- a list')).toBeNull();
});
