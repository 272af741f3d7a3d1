import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../src/build.js';
import { GazetteError } from '../src/diagnostics/diagnostic.js';
import { article, makeWorkspace } from './support/workspace.js';

async function failure(promise: Promise<unknown>): Promise<GazetteError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GazetteError);
  return error as GazetteError;
}

describe('checks during build', () => {
  it('warns about HTML over the size budget, and fails with --strict', async () => {
    const long = Array.from({ length: 900 }, (_, i) => `Sentence number ${i} adds a little more text to this very long article.`).join(' ');
    const points = Array.from({ length: 1000 }, (_, i) => `  - Point ${i} is a deliberately long key point written to inflate the size of the email well beyond the budget.`).join('\n');
    const root = await makeWorkspace({ 'big.md': article('Big', '2024-03-05', long, `key_points:\n${points}\n`) });
    const { diagnostics } = await buildDigest({ root });
    expect(diagnostics).toContainEqual(expect.objectContaining({ rule: 'html/size', severity: 'warning', file: expect.stringContaining('email.html') }));
    const error = await failure(buildDigest({ root, strict: true }));
    expect(error.diagnostics).toContainEqual(expect.objectContaining({ rule: 'html/size', severity: 'error' }));
  });

  it('warns about an unknown template variable with its file and line', async () => {
    const root = await makeWorkspace({ 'a.md': article('A', '2024-03-05') });
    const partial = path.join(root, 'templates', 'partials', 'footer.mjml');
    await writeFile(partial, (await readFile(partial, 'utf8')).replace("That's all for this week.", "That's all, {{reader.nickname}}."));
    const { diagnostics, preview } = await buildDigest({ root });
    const line = (await readFile(partial, 'utf8')).split('\n').findIndex((text) => text.includes('reader.nickname')) + 1;
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ rule: 'template/unknown-variable', file: expect.stringMatching(/footer\.mjml$/), line, message: expect.stringContaining('reader.nickname') }),
    );
    expect(preview.html).toContain("That's all, .");
  });

  it('reports a template syntax error as an error naming the file', async () => {
    const root = await makeWorkspace({ 'a.md': article('A', '2024-03-05') });
    await writeFile(path.join(root, 'templates', 'partials', 'quote.mjml'), '{{#if text}}unclosed');
    const error = await failure(buildDigest({ root }));
    expect(error.diagnostics[0]).toMatchObject({ rule: 'template/syntax', severity: 'error' });
  });

  it('reports broken MJML with the line in email.mjml', async () => {
    const root = await makeWorkspace({ 'a.md': article('A', '2024-03-05') });
    const footer = path.join(root, 'templates', 'partials', 'footer.mjml');
    await writeFile(footer, `${await readFile(footer, 'utf8')}\n<mj-section><mj-column><mj-bogus>hi</mj-bogus></mj-column>\n`);
    const { diagnostics, email } = await buildDigest({ root });
    const invalid = diagnostics.filter((d) => d.rule === 'mjml/invalid');
    expect(invalid.length).toBeGreaterThanOrEqual(2);
    const mjmlLines = email.mjml.split('\n');
    for (const finding of invalid) {
      expect(finding.file).toMatch(/email\.mjml$/);
      expect(mjmlLines[finding.line! - 1]).toMatch(/mj-bogus|mj-section|mj-column/);
    }
  });

  it('ignores a commented-out MJML tag, even with --strict', async () => {
    const root = await makeWorkspace({ 'a.md': article('A', '2024-03-05') });
    const footer = path.join(root, 'templates', 'partials', 'footer.mjml');
    await writeFile(footer, `<!-- <mj-section> kept for later -->\n${await readFile(footer, 'utf8')}`);
    const { diagnostics } = await buildDigest({ root, strict: true });
    expect(diagnostics.filter((d) => d.rule === 'mjml/invalid')).toEqual([]);
  });

  it('reports an unclosed MJML tag on the line it opens', async () => {
    const root = await makeWorkspace({ 'a.md': article('A', '2024-03-05') });
    const footer = path.join(root, 'templates', 'partials', 'footer.mjml');
    await writeFile(footer, `${await readFile(footer, 'utf8')}\n<mj-section><mj-column>\n<mj-divider />\n</mj-section>\n`);
    const { diagnostics, email } = await buildDigest({ root });
    const line = email.mjml.split('\n').findIndex((text) => text.includes('<mj-section><mj-column>')) + 1;
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ rule: 'mjml/invalid', file: expect.stringMatching(/email\.mjml$/), line, message: '<mj-column> is not closed before </mj-section>' }),
    );
    await failure(buildDigest({ root, strict: true }));
  });

  it('warns about relative links and images, and resolves them against base_url when set', async () => {
    const body = 'A sentence with a [relative link](/local/page) in it. Another sentence follows here. And a third.';
    const files = { 'a.md': article('A', '2024-03-05', body, 'image: pics/a.png\nimage_alt: A picture\nkey_points:\n  - See <a href="/about">about</a>.\n') };
    const withBase = await buildDigest({ root: await makeWorkspace(files) });
    expect(withBase.preview.html).toContain('src="https://example.com/news/pics/a.png"');
    const noBase = await buildDigest({ root: await makeWorkspace(files, { name: 'No base' }) });
    expect(noBase.diagnostics).toContainEqual(expect.objectContaining({ rule: 'html/relative-url', message: expect.stringContaining('pics/a.png') }));
  });
});

describe('issue selection', () => {
  const files = {
    'old.md': article('Old news', '2024-01-10'),
    'mon.md': article('Monday', '2024-01-29'),
    'draft.md': article('Draft', '2024-01-31', undefined, 'draft: true\n'),
    'fri.md': article('Friday lead', '2024-02-02', undefined, 'featured: true\n'),
  };

  it('takes the week ending on the newest article, skips drafts and leads with the featured one', async () => {
    const { digest } = await buildDigest({ root: await makeWorkspace(files) });
    expect(digest.articles.map((a) => a.title)).toEqual(['Friday lead', 'Monday']);
  });

  it('includes drafts when asked and selects by --week', async () => {
    const root = await makeWorkspace(files);
    expect((await buildDigest({ root, drafts: true })).digest.articles).toHaveLength(3);
    expect((await buildDigest({ root, week: '2024-W02' })).digest.articles.map((a) => a.title)).toEqual(['Old news']);
  });

  it('fails clearly when no article falls in the window', async () => {
    const error = await failure(buildDigest({ root: await makeWorkspace(files), week: '2023-W10' }));
    expect(error.diagnostics[0]).toMatchObject({ rule: 'issue/empty' });
    expect(error.diagnostics[0]!.message).toMatch(/no articles between 2023-03-06 and 2023-03-12.*newest article is dated 2024-02-02/);
  });

  it('groups articles into configured sections by tag', async () => {
    const root = await makeWorkspace(
      { 'a.md': article('Tech one', '2024-03-05', undefined, 'tags: [tech]\n'), 'b.md': article('Other', '2024-03-06') },
      { name: 'Sections', base_url: 'https://example.com/', sections: [{ title: 'Technology', tag: 'tech' }] },
    );
    const { preview } = await buildDigest({ root });
    const html = preview.html;
    // Titles appear first in the "In this issue" list, then under their section.
    expect(html.indexOf('Technology')).toBeLessThan(html.lastIndexOf('Tech one'));
    expect(html.indexOf('More this week')).toBeLessThan(html.lastIndexOf('>Other<'));
    expect(html.lastIndexOf('Tech one')).toBeLessThan(html.indexOf('More this week'));
  });

  it('reports the errors of all articles together', async () => {
    const root = await makeWorkspace({ 'a.md': '---\ndate: 2024-01-01\n---\nx\n', 'b.md': '---\ntitle: B\ndate: 2024-13-01\n---\nx\n' });
    const error = await failure(buildDigest({ root }));
    expect(error.diagnostics.map((d) => [path.basename(d.file!), d.field])).toEqual([
      ['a.md', 'title'],
      ['b.md', 'date'],
    ]);
  });
});
