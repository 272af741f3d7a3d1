import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import mjml2html from 'mjml';
import type { MjmlNode } from '../src/render/mjml-tree.js';
import { describe, expect, it, vi } from 'vitest';
import { buildDigest } from '../src/build.js';
import { compileMjml, compileWhole } from '../src/render/compile-mjml.js';
import { mjmlTree } from '../src/render/mjml-tree.js';
import { article, makeWorkspace, REPO } from './support/workspace.js';

// Look at what MJML is asked to compile, with the real compiler.
vi.mock('mjml', async (importOriginal) => {
  const original = (await importOriginal()) as { default: typeof mjml2html };
  return { default: vi.fn(original.default) };
});

/** Articles that vary in everything a card shows: escaped text, links, images, authors, odd whitespace. */
function variedArticles(count: number): Record<string, string> {
  const titles = ['Tom & Jerry’s “big” day', 'Prices rise 5% <again>', 'Café   owners  split', 'A\u00a0non-breaking\u00a0title', '{{subscriber.email}} and {{#if x}}', 'Zürich’s 北京 deal', "It's 'single' and \"double\"", '=`back`ticks= & <b>bold</b>'];
  const bodies = [
    'The council said on Monday that the **new plan** for [the harbour](https://example.com/h?a=1&b=2) would cost more. "We will not  stop now," said Ana Ruiz, the deputy mayor. Work could begin in spring.\n\n![A harbour](https://example.com/img/h.jpg)\n\nThe vote is due next week, the council said.',
    'Researchers reported record numbers of visitors.\r\nThe study found that 40% came from abroad.\r\n\r\nThe team called the results "encouraging but early". More work is planned.',
    'A short item with {{braces}} and <script>alert(1)</script> in it. Another sentence follows it here. A third sentence closes the item.',
  ];
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => {
      const extra = [
        i % 2 ? `url: "https://example.com/story/${i}?ref=a&x=<y>"\n` : '',
        i % 3 === 0 ? 'author: "Jo  O’Neil & Co"\n' : '',
        i % 4 === 0 ? 'source: "Harbour\u00a0Daily"\n' : '',
        i % 5 === 0 ? `image: "https://example.com/i/${i}.png"\nimage_alt: 'A  pier & its "lamps"'\n` : '',
      ].join('');
      return [`a-${i}.md`, article(`${titles[i % titles.length]} ${i}`, `2024-01-${29 + (i % 3)}`, bodies[i % bodies.length], extra)];
    }),
  );
}

async function issueMjml(root: string): Promise<string> {
  return (await buildDigest({ root })).email.mjml;
}

/** The body blocks of each document MJML was handed since the mock was last cleared. */
function compiledBlockCounts(): number[] {
  return vi.mocked(mjml2html).mock.calls.map(([tree]) => ((tree as unknown as MjmlNode).children?.find((node) => node.tagName === 'mj-body')?.children ?? []).length);
}

describe('compiling each shape of body block once', () => {
  it('gives the HTML one compile of the whole sample issue gives', async () => {
    const root = await makeWorkspace({});
    await cp(path.join(REPO, 'articles'), path.join(root, 'articles'), { recursive: true });
    const mjml = await issueMjml(root);
    expect((await compileMjml(mjml)).html).toBe((await compileWhole(mjmlTree(mjml))).html);
  });

  it('gives the same HTML for cards full of entities, odd whitespace, braces, links and images, compiling only their shapes', async () => {
    const mjml = await issueMjml(await makeWorkspace(variedArticles(40), { name: 'Varied Weekly', base_url: 'https://example.com/news/', max_html_bytes: 1e8 }));
    const whole = await compileWhole(mjmlTree(mjml));
    vi.mocked(mjml2html).mockClear();
    const shared = await compileMjml(mjml);
    expect(shared.html).toBe(whole.html);
    expect(shared.html).toContain('Tom &amp; Jerry’s “big” day 0');
    // Each value with a double space or an edge of whitespace stays in its shape: those cards share nothing.
    expect(compiledBlockCounts()).toHaveLength(1);
  });

  it('hands MJML one block per shape: forty ordinary cards are a handful', async () => {
    const articles = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`s-${i}.md`, article(`Story ${i}`, '2024-01-30', undefined, i % 2 ? `url: "https://example.com/s/${i}"\n` : '')]));
    const mjml = await issueMjml(await makeWorkspace(articles, { name: 'Plain Weekly', base_url: 'https://example.com/news/', max_html_bytes: 1e8 }));
    vi.mocked(mjml2html).mockClear();
    const shared = await compileMjml(mjml);
    expect(shared.html).toBe((await compileWhole(mjmlTree(mjml))).html);
    const [handed] = compiledBlockCounts();
    // Header, lead, the first card and the others (each with a link or without), footer: each after a separator, and one at the end.
    expect(handed).toBe(2 * 7 + 1);
  });

  it('reports a problem in a repeated block at every block, as one compile does', async () => {
    const root = await makeWorkspace(variedArticles(6));
    const partial = path.join(root, 'templates/partials/article.mjml');
    await writeFile(partial, (await readFile(partial, 'utf8')).replace('<mj-column>', '<mj-column colour="red">'));
    const mjml = await issueMjml(root);
    const lines = (errors: { line: number; message: string }[]) => errors.map((error) => `${error.line}: ${error.message}`);
    const whole = await compileWhole(mjmlTree(mjml));
    expect(whole.errors).toHaveLength(6);
    expect(lines((await compileMjml(mjml)).errors)).toEqual(lines(whole.errors));
  });

  it('compiles the whole document when the inlined CSS can tell blocks apart by their place', async () => {
    const root = await makeWorkspace(variedArticles(6));
    const layout = path.join(root, 'templates/layout.mjml');
    await writeFile(layout, (await readFile(layout, 'utf8')).replace('a { color: #a63d2a; }', 'a { color: #a63d2a; }\n      .card + .card h2 { letter-spacing: 1px; }'));
    const mjml = await issueMjml(root);
    vi.mocked(mjml2html).mockClear();
    const shared = await compileMjml(mjml);
    expect(compiledBlockCounts()).toEqual([mjmlTree(mjml).children?.find((node) => node.tagName === 'mj-body')?.children?.length]);
    expect(shared.html).toBe((await compileWhole(mjmlTree(mjml))).html);
  });

  it('hands MJML a long list as its first item, one standing for the middle ones, and its last', async () => {
    const items = Array.from({ length: 40 }, (_, i) => `<li><a href="#s-${i}">Story ${i}</a></li>`).join('');
    const mjml = `<mjml><mj-head><mj-style inline="inline">a { color: red; }</mj-style></mj-head><mj-body><mj-section><mj-column><mj-text><ol>${items}</ol></mj-text></mj-column></mj-section></mj-body></mjml>`;
    vi.mocked(mjml2html).mockClear();
    const shared = await compileMjml(mjml);
    expect(shared.html).toBe((await compileWhole(mjmlTree(mjml))).html);
    const handed = JSON.stringify(vi.mocked(mjml2html).mock.calls[0]![0]);
    expect(handed.match(/<li>/g)).toHaveLength(3);
    expect(shared.html.match(/<li>/g) ?? shared.html.match(/<li /g)).toHaveLength(40);
    expect(shared.html).toContain('Story 39</a>');
  });

  describe('gives what one compile gives where an outside tester found it did not', () => {
    const doc = (head: string, ...blocks: string[]) => `<mjml>\n<mj-head>${head}</mj-head>\n<mj-body>\n${blocks.join('\n')}\n</mj-body>\n</mjml>`;
    const text = (content: string, attributes = '') => `<mj-section><mj-column><mj-text${attributes}>${content}</mj-text></mj-column></mj-section>`;
    const cases: Record<string, string> = {
      'braces juice reads as a template, across text runs': doc('<mj-style inline="inline">p { color: red; }</mj-style>', text('<p>{{</p><p>x</p><p>}}</p>'), text('<p>y</p>')),
      'a brace opened in the title and closed in the body': doc('<mj-title>Why {{ opens</mj-title><mj-style inline="inline">p { color: red; }</mj-style>', text('<p>a</p>'), text('<p>b }} c</p>'), text('<p>d</p>')),
      'an empty raw block between cards, first and last': doc('', '<mj-raw></mj-raw>', text('a'), '<mj-raw> </mj-raw>', text('b'), '<mj-raw/>'),
      'a quote in a single-quoted or unquoted value': doc('', text(`<a href='a"b'>q</a> <img alt='say "hi"' src=x.png title=x"y>`), text(`<a href='c"d'>r</a>`), '<mj-section><mj-column><mj-button href=\'e"f\'>Go</mj-button></mj-column></mj-section>'),
      'an inline SVG whose id a use refers to': doc('', text('<svg width="8" height="8"><defs><circle id="c" r="4"/></defs><use href="#c"/></svg>'), text('<svg width="8" height="8"><defs><circle id="d" r="4"/></defs><use href="#d"/></svg>')),
      'a web font the text names': doc('<mj-font name="Raleway" href="https://fonts.example.com/raleway.css"></mj-font>', text('font-family:Raleway'), text('plain')),
      'a long list whose items differ only in their words and links': doc(
        '<mj-style inline="inline">li { margin: 0 0 6px; } a { color: #a63d2a; }</mj-style>',
        text(`<ol class="toc">\n  ${Array.from({ length: 12 }, (_, i) => `<li><a href="#s-${i}">Story &amp; ${i}</a></li>`).join('')}\n</ol>`),
        text('<p>after</p>'),
      ),
      'list items with whitespace, an item of another shape, and items with nothing to set aside': doc(
        '<mj-style inline="inline">li { color: red; } b { font-weight: 700; }</mj-style>',
        text(`<ul>\n${Array.from({ length: 6 }, (_, i) => `  <li>item ${i}</li>`).join('\n')}\n</ul>`),
        text(`<ul>${Array.from({ length: 9 }, (_, i) => (i === 4 ? `<li><b>odd</b> ${i}</li>` : `<li>item ${i}</li>`)).join('')}</ul>`),
        text(`<ul>${'<li>same</li>'.repeat(6)}</ul><p>${'<br>'.repeat(5)}</p><p>${'<br/>'.repeat(5)}</p>`),
      ),
      'nested lists, table rows, images and a run from the first character to the last': doc(
        '<mj-style inline="inline">td { padding: 2px; } img { border: 0; } span { color: blue; }</mj-style>',
        text(`<ul>${Array.from({ length: 5 }, (_, i) => `<li>group ${i}<ul>${Array.from({ length: 5 }, (_, j) => `<li><a href="https://example.com/${i}/${j}">link ${j}</a></li>`).join('')}</ul></li>`).join('')}</ul>`),
        text(`<table><tbody>${Array.from({ length: 7 }, (_, i) => `<tr><td>${i}</td><td><img src="https://example.com/${i}.png" alt="picture ${i}"/></td></tr>`).join('')}</tbody></table>`),
        text(Array.from({ length: 8 }, (_, i) => `<span>word ${i}</span>`).join('')),
      ),
      'long lists of different lengths in blocks of one shape, and HTML a parser repairs': doc(
        '<mj-style inline="inline">li { margin: 0; } p { margin: 0; }</mj-style>',
        text(`<ol>${Array.from({ length: 5 }, (_, i) => `<li>${i}</li>`).join('')}</ol>`),
        text(`<ol>${Array.from({ length: 7 }, (_, i) => `<li>${i}</li>`).join('')}</ol>`),
        text(`<ol>${Array.from({ length: 5 }, (_, i) => `<li>x${i}</li>`).join('')}</ol>`),
        text(`<ol>${Array.from({ length: 6 }, (_, i) => `<li>open ${i}`).join('')}</ol><p>a<p>b<p>c<p>d<p>e`),
        text(`<div>${'<div>'.repeat(3)}${Array.from({ length: 6 }, (_, i) => `<i>${i}</i>`).join('')}</div>`),
      ),
      // bgsound is void to the tokenizer that reads runs, but posthtml and cheerio nest each one in the one before: six closing tags, not three.
      'a run of bgsound elements, void only to the run reader': doc('', text('<p><bgsound><bgsound><bgsound><bgsound>x</p>')),
      // A string holding "/*" hides the positional selector from sharesShapes; juice still inlines it on the third item.
      'a positional selector after a string that looks like a comment opener': doc('<mj-style inline="inline">a { content: "/*"; } li:nth-child(3) { color: red; } b { content: "*/"; }</mj-style>', text('<ul><li>0</li><li>1</li><li>2</li><li>3</li></ul>')),
      // MJML pairs htmlmin:ignore comments across the whole document; blocks of one shape are one block in the skeleton.
      'htmlmin:ignore comments in two blocks of one shape': doc('', text('<!-- htmlmin:ignore -->'), text('<p>a  b</p>'), text('<!-- htmlmin:ignore -->')),
      // htmlparser2 12 reads xmp (and iframe, noembed, noframes) as raw text, a value to set aside; juice's and htmlnano's parsers read elements in it.
      'elements inside xmp, text to the shape reader only': doc('<mj-style inline="inline">p { color: red; }</mj-style>', text('<xmp><p>a</p></xmp>')),
      // Closed in order as written, but a parser closes the outer td at the inner one: each item's last </td> then closes one more of MJML's own cells.
      'a run of cells each holding a cell': doc('', text('<td>0<td>x</td></td><td>1<td>x</td></td><td>2<td>x</td></td><td>3<td>x</td></td>')),
      'a run of list items each holding a list item, inside nested lists': doc('', text(`<ul><li><ul><li><ul><li><ul>${Array.from({ length: 6 }, (_, i) => `<li>${i}<li>x</li></li>`).join('')}</ul></li></ul></li></ul></li></ul>`)),
      // The run reader matches </A> to <a>; the minifier's parser does not, so each link stays open and nests the next: six closing tags, not three.
      'a run of links closed by upper-case closing tags': doc('', text('<p><a href="#0">0</A><a href="#1">1</A><a href="#2">2</A><a href="#3">3</A></p>')),
      // A row opened in a cell closes the cell for a parser: the cell's own closing tag then closes one of MJML's.
      'a run of cells each holding a row': doc('', text('<td>0<tr><td>x</td></tr></td><td>1<tr><td>x</td></tr></td><td>2<tr><td>x</td></tr></td><td>3<tr><td>x</td></tr></td>')),
      // htmlparser2 12 reads </i/> as a closing tag; juice's parser does not, and nests each item in the one before.
      'a run of items closed by a closing tag with a slash before its >': doc('<mj-style inline="inline">i { color: red; }</mj-style>', text('<p><i>0</i/><i>1</i/><i>2</i/><i>3</i/></p>')),
      // Content ending in "</": in the whole document the next tag MJML writes follows it, and the parsers read them together.
      'content that ends with the start of a closing tag': doc('', text('a</')),
      // Braces inside CSS strings: sharesShapes's brace stripping swallows the selector between them (a workspace build with this in layout.mjml striped every middle contents item).
      'a positional selector between two strings holding braces': doc('<mj-style inline="inline">.code-open { content: "{"; } li:nth-child(even) { color: red; } .code-close { content: "}"; }</mj-style>', text('<ol><li>0</li><li>1</li><li>2</li><li>3</li><li>4</li></ol>')),
      // The same with other tags a parser closes on opening (tbody in tbody, dt in dd): with nested dl of its own, the content needs none of MJML's tags to differ.
      'a run of table bodies each holding a table body': doc('', text('<tbody>0<tbody>x</tbody></tbody><tbody>1<tbody>x</tbody></tbody><tbody>2<tbody>x</tbody></tbody><tbody>3<tbody>x</tbody></tbody>')),
      'a run of definitions each holding a term, inside nested definition lists': doc('', text('<dl><dd><dl><dd><dl><dd>0<dt>x</dt></dd><dd>1<dt>x</dt></dd><dd>2<dt>x</dt></dd><dd>3<dt>x</dt></dd></dl></dd></dl></dd></dl>')),
      'problems in blocks written on one line and on several': doc('', `${text('a', ' foo="1"')}${'<mj-section><mj-column><mj-image bogus="1" src="https://example.com/i.png"></mj-image></mj-column></mj-section>'}`, text('b'), '<mj-section>\n<mj-column>\n<mj-text>c</mj-text>\n<mj-text foo="1">d</mj-text>\n</mj-column>\n</mj-section>', text('e', ' foo="1" bar="2"')),
    };
    for (const [name, mjml] of Object.entries(cases)) {
      it(name, async () => {
        const whole = await compileWhole(mjmlTree(mjml));
        const shared = await compileMjml(mjml);
        expect(shared.html).toBe(whole.html);
        const problems = (errors: { line: number; message: string; formattedMessage: string }[]) => errors.map((error) => [error.line, error.message, error.formattedMessage]);
        expect(problems(shared.errors)).toEqual(problems(whole.errors));
      });
    }
  });
});
