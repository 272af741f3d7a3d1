import { describe, expect, it } from 'vitest';
import { parseArticle, parseArticles } from '../src/load/articles.js';

const parse = (content: string) => parseArticle({ file: 'articles/a.md', content });

describe('front matter errors name the file, the place and the field', () => {
  it('reports malformed YAML with its line and column', () => {
    const { article, diagnostics } = parse('---\ntitle: Fine\ndate: 2024-01-30\ntags: [one, two\n---\nBody.\n');
    expect(article).toBeNull();
    expect(diagnostics[0]).toMatchObject({ file: 'articles/a.md', rule: 'front-matter/yaml', severity: 'error' });
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(4);
    expect(diagnostics[0]!.column).toBeGreaterThan(0);
  });

  it('reports a missing title as a required field', () => {
    const { diagnostics } = parse('---\ndate: 2024-01-30\n---\nBody.\n');
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'front-matter/required', field: 'title', file: 'articles/a.md' })]);
  });

  it.each([
    ['2024-02-30', 'is not a real calendar date'],
    ['30/01/2024', 'YYYY-MM-DD'],
    ['yesterday', 'YYYY-MM-DD'],
  ])('rejects the date %s with the line of the field', (date, message) => {
    const { diagnostics } = parse(`---\ntitle: T\ndate: ${date}\n---\nBody.\n`);
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'front-matter/invalid', field: 'date', line: 3 })]);
    expect(diagnostics[0]!.message).toContain(message);
  });

  it('requires alt text for an image', () => {
    const { diagnostics } = parse('---\ntitle: T\ndate: 2024-01-30\nimage: https://example.com/a.png\n---\nBody.\n');
    expect(diagnostics).toEqual([expect.objectContaining({ field: 'image_alt', severity: 'error' })]);
  });

  it('points at the nested field of a bad quote override', () => {
    const { diagnostics } = parse('---\ntitle: T\ndate: 2024-01-30\nquotes:\n  - text: Fine words\n  - speaker: Nobody\n---\nBody.\n');
    expect(diagnostics).toEqual([expect.objectContaining({ field: 'quotes[1].text', rule: 'front-matter/invalid' })]);
  });

  it('rejects a relative article URL', () => {
    const { diagnostics } = parse('---\ntitle: T\ndate: 2024-01-30\nurl: /relative/path\n---\nBody.\n');
    expect(diagnostics).toEqual([expect.objectContaining({ field: 'url', line: 4 })]);
  });

  it('warns about an unknown field but keeps the article', () => {
    const { article, diagnostics } = parse('---\ntitle: T\ndate: 2024-01-30\ntitel: typo\n---\nBody.\n');
    expect(article?.title).toBe('T');
    expect(diagnostics).toEqual([expect.objectContaining({ field: 'titel', severity: 'warning', line: 4 })]);
  });

  it('rejects a file without front matter', () => {
    expect(parse('Just text.\n').diagnostics).toEqual([expect.objectContaining({ rule: 'front-matter/missing', line: 1 })]);
  });

  it('reports the errors of every file together, not only the first', () => {
    const { articles, diagnostics } = parseArticles([
      { file: 'articles/one.md', content: '---\ndate: 2024-01-30\n---\nx\n' },
      { file: 'articles/two.md', content: '---\ntitle: Two\ndate: soon\n---\nx\n' },
      { file: 'articles/three.md', content: '---\ntitle: Three\ndate: 2024-01-30\n---\nx\n' },
    ]);
    expect(articles.map((a) => a.title)).toEqual(['Three']);
    expect(diagnostics.map((d) => [d.file, d.field])).toEqual([
      ['articles/one.md', 'title'],
      ['articles/two.md', 'date'],
    ]);
  });

  it('keeps dates as written instead of letting YAML turn them into timestamps', () => {
    const { article } = parse('---\ntitle: T\ndate: 2024-01-30\ntags: solo\n---\nBody.\n');
    expect(article).toMatchObject({ date: '2024-01-30', tags: ['solo'] });
  });
});

describe('front matter values', () => {
  it('decode HTML entities in the words readers see, as the body does', () => {
    const { article } = parse(
      '---\ntitle: "It&rsquo;s here &mdash; the &#8217;test&#x2019;"\ndate: 2024-02-01\nauthor: "O&rsquo;Brien"\nsource: "Field &amp; Current"\nimage: https://images.example.com/a.jpg\nimage_alt: "A caf&eacute; at dawn"\nkey_points: ["Prices rose &ndash; again."]\nquotes: [{ text: "We&rsquo;re ready", speaker: "Jos&eacute; &Aacute;lvarez" }]\n---\nBody.\n',
    );
    expect(article).toMatchObject({ title: 'It’s here — the ’test’', author: 'O’Brien', source: 'Field & Current', imageAlt: 'A café at dawn', keyPoints: ['Prices rose – again.'] });
    expect(article?.quotes).toEqual([{ text: 'We’re ready', speaker: 'José Álvarez', role: null }]);
  });

  it.each(['http://[::1', 'javascript:alert(1)', 'data:image/png;base64,AAAA', 'ftp://example.com/a.jpg', 'a picture.jpg'])('rejects the image URL %j at its line', (image) => {
    const { article, diagnostics } = parse(`---\ntitle: T\ndate: 2024-02-01\nimage: ${JSON.stringify(image)}\nimage_alt: A picture\n---\nBody.\n`);
    expect(article).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'front-matter/invalid', field: 'image', line: 4, message: expect.stringContaining('http(s) URL') })]);
  });

  it.each(['https://images.example.com/a.jpg', 'images/a.jpg', '/media/a.jpg'])('accepts the image URL %j', (image) => {
    expect(parse(`---\ntitle: T\ndate: 2024-02-01\nimage: ${image}\nimage_alt: A picture\n---\nBody.\n`).article?.image).toBe(image);
  });
});
