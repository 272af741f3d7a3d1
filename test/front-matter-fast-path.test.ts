import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseArticle, parseArticleWithYaml, parseSimpleArticle } from '../src/load/articles.js';
import { readSimpleFrontMatter } from '../src/load/simple-front-matter.js';
import { normalizeNewlines } from '../src/load/text-file.js';
import { mutatedArticles } from './support/front-matter-mutations.js';

const FILE = 'articles/a.md';
const TODAY = '2024-01-30';

/** What gray-matter and `yaml` make of a file: the data, the body, and whether `yaml` found errors. */
function readByYaml(content: string): { data: unknown; body: string; errors: number } {
  let errors = 0;
  const parsed = matter(content, {
    engines: {
      yaml: (source: string) => {
        const document = parseDocument(source, { uniqueKeys: true });
        errors = document.errors.length;
        return (document.toJS() ?? {}) as object;
      },
    },
  });
  return { data: parsed.data, body: parsed.content, errors };
}

/**
 * The fast path's article, after checking it is exactly the full path's, with no message; and,
 * whenever the reader takes a header (even one the schema then refuses), that its data and body
 * are what gray-matter and `yaml` make of it.
 */
function fastArticle(content: string) {
  // The reader sees text with LF line breaks, as parseArticle hands it over.
  const simple = readSimpleFrontMatter(normalizeNewlines(content));
  if (simple) {
    const byYaml = readByYaml(normalizeNewlines(content));
    expect(byYaml.errors).toBe(0);
    expect(simple).toStrictEqual({ data: byYaml.data, body: byYaml.body });
  }
  const article = parseSimpleArticle({ file: FILE, content }, { today: TODAY });
  if (article) {
    const full = parseArticleWithYaml({ file: FILE, content }, { today: TODAY });
    expect(full.diagnostics).toEqual([]);
    expect(article).toStrictEqual(full.article);
  }
  return article;
}

describe('the fast path for simple front matter', () => {
  it.each([
    ['the bench article', '---\ntitle: "Generated story 1"\ndate: 2024-01-30\nsource: Bench Daily\ntags: [bench]\n---\n\nBody text.\n'],
    ['plain words, booleans, an author', '---\ntitle: Council approves the budget\ndate: 2024-01-29\nauthor: Ann Lee\ndraft: true\nfeatured: false\n---\nBody.\n'],
    ['a single-quoted title with a colon, a URL', "---\ntitle: 'Budget: what changes'\ndate: 2024-01-28\nurl: https://example.com/a?b=1\n---\nBody.\n"],
    ['a double-quoted title with # and a colon', '---\ntitle: "No. #1: the plan"\ndate: 2024-01-28\n---\nBody.\n'],
    ['curly quotes, entities, commas', '---\ntitle: “Quoted” words &amp; Ann’s, too\ndate: 2024-01-28\nsource: The Weekly, page 3\n---\nBody.\n'],
    ['an image and its alt text, a list of several words', '---\ntitle: Park\ndate: 2024-01-28\nimage: /images/park.jpg\nimage_alt: Children in the park\ntags: [city hall, budget, 2024 plans]\n---\nBody.\n'],
    ['an empty list, trailing spaces, a blank line', '---\ntitle: Spaced out   \n\ndate: 2024-01-28  \ntags: [ ]\n---\nBody.\n'],
    ['a title starting with a number and containing a space', '---\ntitle: 3 ways to save\ndate: 2024-01-28\n---\nBody.\n'],
    ['a BOM', '\ufeff---\ntitle: T\ndate: 2024-01-28\n---\nBody.\n'],
    ['an empty body after the closing line', '---\ntitle: T\ndate: 2024-01-28\n---\n'],
    ['a closing line at the end of the file', '---\ntitle: T\ndate: 2024-01-28\n---'],
    ['a body starting with a blank line and a rule', '---\ntitle: T\ndate: 2024-01-28\n---\n\n---\nText.\n'],
    ['a future date on a draft', '---\ntitle: T\ndate: 2024-03-01\ndraft: true\n---\nBody.\n'],
  ])('reads %s as the full path does', (_name, content) => {
    const article = fastArticle(content);
    expect(article).not.toBeNull();
    expect(parseArticle({ file: FILE, content }, { today: TODAY })).toStrictEqual({ article, diagnostics: [] });
  });

  it('keeps the same body and fields as gray-matter and yaml, for example', () => {
    const article = fastArticle('---\ntitle: "  Spaces  "\ndate: 2024-01-28\ntags: [a b , c]\n---\n\nBody.\n')!;
    expect(article).toMatchObject({ title: 'Spaces', tags: ['a b', 'c'], markdown: '\nBody.\n' });
  });

  it.each([
    ['a block list', '---\ntitle: T\ndate: 2024-01-28\nkey_points:\n  - One\n---\nBody.\n'],
    ['a folded title', '---\ntitle: >\n  A title\ndate: 2024-01-28\n---\nBody.\n'],
    ['a quoted title continued on the next line', '---\ntitle: "A title\nwrapped"\ndate: 2024-01-28\n---\nBody.\n'],
    ['text after a quoted title', '---\ntitle: "A title" more\ndate: 2024-01-28\n---\nBody.\n'],
    ['text after a list', '---\ntitle: T\ndate: 2024-01-28\ntags: [a] b\n---\nBody.\n'],
    ['a list spread over lines', '---\ntitle: T\ndate: 2024-01-28\ntags: [a,\n  b]\n---\nBody.\n'],
    ['a tab', '---\ntitle:\tT\ndate: 2024-01-28\n---\nBody.\n'],
    ['an indented line', '---\ntitle: T\n date: 2024-01-28\n---\nBody.\n'],
    ['an escape', '---\ntitle: "A \\"title\\""\ndate: 2024-01-28\n---\nBody.\n'],
    ['a comment', '---\ntitle: T # note\ndate: 2024-01-28\n---\nBody.\n'],
    ['a colon and a space in a plain value', '---\ntitle: Budget: the plan\ndate: 2024-01-28\n---\nBody.\n'],
    ['a number', '---\ntitle: 1e3\ndate: 2024-01-28\n---\nBody.\n'],
    ['null', '---\ntitle: T\ndate: 2024-01-28\nauthor: ~\n---\nBody.\n'],
    ['a boolean in another case', '---\ntitle: T\ndate: 2024-01-28\ndraft: True\n---\nBody.\n'],
    ['an unknown field', '---\ntitle: T\ndate: 2024-01-28\ntitel: typo\n---\nBody.\n'],
    ['a repeated field', '---\ntitle: T\ntitle: U\ndate: 2024-01-28\n---\nBody.\n'],
    ['an empty value', '---\ntitle:\ndate: 2024-01-28\n---\nBody.\n'],
    ['a schema problem', '---\ntitle: T\ndate: 2024-02-30\n---\nBody.\n'],
    ['a future date', '---\ntitle: T\ndate: 2024-03-01\n---\nBody.\n'],
    ['a closing line with more on it', '---\ntitle: T\ndate: 2024-01-28\n--- \nBody.\n'],
    ['a closing line of dots', '---\ntitle: T\ndate: 2024-01-28\n...\nBody.\n'],
    ['no closing line', '---\ntitle: T\ndate: 2024-01-28\n'],
    ['an empty header', '---\n---\nBody.\n'],
    ['an anchor', '---\ntitle: &t T\ndate: 2024-01-28\n---\nBody.\n'],
  ])('leaves %s to the full path', (_name, content) => {
    expect(parseSimpleArticle({ file: FILE, content }, { today: TODAY })).toBeNull();
  });

  it('agrees with the full path on a few thousand mutated headers', () => {
    let accepted = 0;
    const cases = [...mutatedArticles(1, 1500), ...mutatedArticles(2, 1500)];
    for (const content of cases) if (fastArticle(content)) accepted++;
    // Both sides of the comparison must have been exercised for the agreement to mean something.
    expect(accepted).toBeGreaterThan(cases.length / 10);
    expect(cases.length - accepted).toBeGreaterThan(cases.length / 10);
  });
});
