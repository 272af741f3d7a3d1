import { expect, it } from 'vitest';
import { codeTexts, markdownToText } from '../src/load/markdown.js';

it('keeps the prose of headings, lists, links and emphasis as paragraphs', () => {
  const text = markdownToText('# The *big* news\n\nRead [the report](https://example.com) &amp; **act** now.\n\n- first item\n- second item\n');
  expect(text).toBe('The big news\n\nRead the report & act now.\n\nfirst item\n\nsecond item');
});

it('skips code blocks, images and HTML comments', () => {
  const text = markdownToText('Before.\n\n```js\nconst secret = 1;\n```\n\n![A chart](chart.png)\n\n<!-- editor note -->\n\nAfter, with `inline code`.\n');
  expect(text).toBe('Before.\n\nAfter, with inline code.');
});

it('keeps the text of block quotes', () => {
  expect(markdownToText('> Quoted words stay.\n')).toBe('Quoted words stay.');
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
