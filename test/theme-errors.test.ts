import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gazette } from './support/cli.js';
import { article, makeWorkspace } from './support/workspace.js';

/** A workspace whose default theme has one file changed by `edit`. */
async function brokenTheme(file: string, edit: (source: string) => string): Promise<string> {
  const root = await makeWorkspace({ 'a.md': article('Theme trouble', '2024-03-05') });
  const target = path.join(root, 'templates', file);
  await writeFile(target, edit(await readFile(target, 'utf8')));
  return root;
}

const NO_STACK = /\n\s+at |unexpected error/;

describe('a broken theme', () => {
  it('names the file, line and column of a Handlebars syntax error, and exits 1', async () => {
    const root = await brokenTheme('partials/footer.mjml', (source) => source.replace('{{newsletter.name}}', '{{newsletter.name'));
    const source = await readFile(path.join(root, 'templates', 'partials', 'footer.mjml'), 'utf8');
    const line = source.split('\n').findIndex((text) => text.includes('{{newsletter.name')) + 1;
    const run = await gazette(['build'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`templates/partials/footer\\.mjml:${line}:\\d+ error Handlebars syntax error.*\\(template/syntax\\)`));
    expect(run.stderr).not.toMatch(NO_STACK);
  });

  it('names the file, line and column of a call to a partial that does not exist', async () => {
    const root = await brokenTheme('layout.mjml', (source) => source.replace('{{> footer}}', '\n      {{> footnote}}'));
    const source = await readFile(path.join(root, 'templates', 'layout.mjml'), 'utf8');
    const line = source.split('\n').findIndex((text) => text.includes('{{> footnote}}')) + 1;
    const run = await gazette(['build'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`templates/layout.mjml:${line}:7 error the partial "footnote" does not exist`);
    expect(run.stderr).toContain('(template/missing-partial)');
    expect(run.stderr).not.toMatch(NO_STACK);
  });

  it('reports a helper misused at render time as a theme error with its place, not a crash', async () => {
    const root = await brokenTheme('partials/article.mjml', (source) => source.replace('{{#each keyPoints}}', '{{#each}}'));
    const run = await gazette(['build', '--json'], root);
    expect(run.code).toBe(1);
    const source = await readFile(path.join(root, 'templates', 'partials', 'article.mjml'), 'utf8');
    const line = source.split('\n').findIndex((text) => text.includes('{{#each}}')) + 1;
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { rule: string; file: string; line: number; message: string }[] };
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'template/render', file: expect.stringMatching(/partials\/article\.mjml$/), line, message: expect.stringContaining('Must pass iterator to #each') })]);
    expect(run.stderr).not.toMatch(NO_STACK);
  });

  it('places a helper misused in the text template at its call in the text partial, not at the HTML partial calling it too', async () => {
    const root = await brokenTheme('partials/article-text.hbs', (source) => source.replace('{{formatDate date "short"}}', '{{formatDate dat "short"}}'));
    const run = await gazette(['build', '--json'], root);
    expect(run.code).toBe(1);
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { rule: string; file: string; line: number; message: string }[] };
    expect(diagnostics).toContainEqual(expect.objectContaining({ rule: 'template/render', file: expect.stringMatching(/partials\/article-text\.hbs$/), line: 1, message: expect.stringMatching(/formatDate: needs a date/) }));
    expect(run.stderr).not.toMatch(NO_STACK);
  });

  it.each([
    ['a helper given a misspelt variable', '{{formatDate date "short"}}', '{{formatDate dat "short"}}', /formatDate: needs a date written as YYYY-MM-DD, got nothing/],
    ['a helper that does not exist', '{{readingTime readingMinutes}}', '{{readingTme readingMinutes}}', /Missing helper: "readingTme"/],
  ])('places %s at its call in the partial', async (_what, original, broken, message) => {
    const root = await brokenTheme('partials/article.mjml', (source) => source.replace(original, broken));
    const source = await readFile(path.join(root, 'templates', 'partials', 'article.mjml'), 'utf8');
    const line = source.split('\n').findIndex((text) => text.includes(broken)) + 1;
    const run = await gazette(['build', '--json'], root);
    expect(run.code).toBe(1);
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { rule: string; file: string; line: number; message: string }[] };
    expect(diagnostics).toContainEqual(expect.objectContaining({ rule: 'template/render', file: expect.stringMatching(/partials\/article\.mjml$/), line, message: expect.stringMatching(message) }));
    expect(run.stderr).not.toMatch(NO_STACK);
  });

  it('reports every misspelt variable with its file and line, not only the first, and still builds', async () => {
    const root = await makeWorkspace({ 'a.md': article('Theme trouble', '2024-03-05') });
    const edit = async (file: string, from: string, to: string) => {
      const target = path.join(root, 'templates', file);
      await writeFile(target, (await readFile(target, 'utf8')).replace(from, to));
    };
    await edit('layout.mjml', '{{issue.title}}', '{{issue.titl}}');
    await edit('partials/footer.mjml', '{{newsletter.name}}', '{{newsletter.nam}}');
    await edit('partials/footer.mjml', '{{unsubscribe_url}}', '{{unsubscribe_ur}}');
    const run = await gazette(['build', '--json'], root);
    expect(run.code).toBe(0);
    const { warnings } = JSON.parse(run.stdout) as { warnings: { rule: string; file: string; message: string }[] };
    const unknown = warnings.filter((d) => d.rule === 'template/unknown-variable');
    expect(unknown.map((d) => [path.basename(d.file), d.message])).toEqual([
      ['layout.mjml', 'unknown template variable "issue.titl"'],
      ['footer.mjml', 'unknown template variable "newsletter.nam"'],
      ['footer.mjml', 'unknown template variable "unsubscribe_ur"'],
    ]);
    expect(run.stderr).not.toMatch(NO_STACK);
  });

  it('reports a misspelt variable handed to a helper ({{#if}}, {{#each}}, a partial), which Handlebars would quietly treat as empty', async () => {
    const root = await makeWorkspace({ 'a.md': article('Theme trouble', '2024-03-05', undefined, 'image: "https://example.com/a.png"\nimage_alt: "A pier"\n') });
    const edit = async (file: string, from: string, to: string) => {
      const target = path.join(root, 'templates', file);
      const source = await readFile(target, 'utf8');
      expect(source).toContain(from);
      await writeFile(target, source.replace(from, to));
    };
    await edit('partials/article.mjml', '{{#if image}}', '{{#if imgae}}');
    await edit('partials/article.mjml', '{{#each keyPoints}}', '{{#each keyPionts}}');
    await edit('layout.mjml', '{{> article lead=false', '{{> article lead=flase');
    const run = await gazette(['build', '--json'], root);
    expect(run.code).toBe(0);
    const { warnings } = JSON.parse(run.stdout) as { warnings: { rule: string; file: string; line: number; message: string }[] };
    const unknown = warnings.filter((d) => d.rule === 'template/unknown-variable');
    expect(unknown.map((d) => [path.basename(d.file), d.message])).toEqual(
      expect.arrayContaining([
        ['article.mjml', 'unknown template variable "imgae"'],
        ['article.mjml', 'unknown template variable "keyPionts"'],
        ['layout.mjml', 'unknown template variable "flase"'],
      ]),
    );
    expect(unknown).toHaveLength(3);
    expect(unknown.every((d) => d.line > 0)).toBe(true);
    expect(run.stderr).not.toMatch(NO_STACK);
  });

  it('leaves alone a name a partial is handed by some callers only: {{#if rule}} asks whether it was', async () => {
    const root = await makeWorkspace({ 'a.md': article('One', '2024-03-05'), 'b.md': article('Two', '2024-03-04') });
    const run = await gazette(['build', '--json'], root);
    expect(run.code).toBe(0);
    const { warnings } = JSON.parse(run.stdout) as { warnings: { rule: string }[] };
    expect(warnings.filter((d) => d.rule === 'template/unknown-variable')).toEqual([]);
  });

  it('refuses an unclosed {{{{recipient}}}} block with the theme named', async () => {
    const root = await brokenTheme('partials/header.mjml', (source) => source.replace('{{{{/recipient}}}}', ''));
    const run = await gazette(['build'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/templates\/partials\/header\.mjml:\d+:\d+ error Handlebars syntax error/);
    expect(run.stderr).not.toMatch(NO_STACK);
  });
});

describe('a broken {{{{recipient}}}} block, found at build time rather than half-way through a send', () => {
  const headerLine = async (root: string, text: string) =>
    (await readFile(path.join(root, 'templates', 'partials', 'header.mjml'), 'utf8')).split('\n').findIndex((line) => line.includes(text)) + 1;

  it.each([
    ['a misspelt field', '{{subscriber.nmae}}', /"subscriber\.nmae" is not a recipient field/],
    ['a column the config does not declare', '{{subscriber.city}}', /"subscriber\.city" is not a recipient field.*subscriber_fields/],
    ['an issue variable', '{{issue.title}}', /"issue\.title" is not a recipient field/],
    ['a partial', '{{> footer}}', /cannot run per recipient: The partial footer could not be found/],
    ['a theme helper', '{{formatDate subscriber.email}}', /"formatDate" is not a recipient field or helper/],
    ['unescaped output', '{{{subscriber.name}}}', /must be HTML-escaped/],
    ['a syntax error', '{{#if subscriber.name}', /Handlebars syntax error/],
  ])('reports %s with the header partial, line and column, exit 1', async (_what, inserted, message) => {
    const root = await brokenTheme('partials/header.mjml', (source) => source.replace('{{{{recipient}}}}', `{{{{recipient}}}}${inserted}`));
    const run = await gazette(['build', '--json'], root);
    expect(run.code).toBe(1);
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { file: string; line: number; column: number; message: string }[] };
    expect(diagnostics).toEqual([expect.objectContaining({ file: expect.stringMatching(/partials\/header\.mjml$/), line: await headerLine(root, inserted), column: expect.any(Number), message: expect.stringMatching(message) })]);
    expect(run.stderr).not.toMatch(NO_STACK);
  });
});
