import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../src/build.js';
import { createPersonalizer } from '../src/message/personalize.js';
import { htmlToText } from '../src/render/text-part.js';
import { article, makeWorkspace } from './support/workspace.js';

describe('the plain-text part', () => {
  it('is never cut short, even past the 16 MB html-to-text stops at by default', () => {
    const paragraph = `<p>${'word '.repeat(200)}</p>`;
    const html = `<html><body>${paragraph.repeat(Math.ceil((1 << 24) / paragraph.length) + 10)}<p>The last paragraph.</p></body></html>`;
    expect(html.length).toBeGreaterThan(1 << 24);
    expect(htmlToText(html).trimEnd().endsWith('The last paragraph.')).toBe(true);
  });

  it('names the articles that make an issue too big, not the whole page', async () => {
    const long = (topic: string) => Array.from({ length: 40 }, (_, i) => `The ${topic} report adds fact number ${i} to the story, with a figure of ${i * 7} per cent.`).join(' ');
    const key = (topic: string) => `key_points: [${Array.from({ length: 30 }, (_, i) => JSON.stringify(`${topic} point ${i}: ${'a long and detailed sentence about it '.repeat(4)}.`)).join(', ')}]\n`;
    const root = await makeWorkspace(
      {
        'a.md': article('Heavy harbour story', '2024-03-05', long('harbour'), key('harbour')),
        'b.md': article('Light note', '2024-03-06'),
      },
      { name: 'T', base_url: 'https://example.com/', max_html_bytes: 20_000 },
    );
    const { diagnostics } = await buildDigest({ root });
    const size = diagnostics.find((d) => d.rule === 'html/size');
    expect(size?.message).toMatch(/Largest parts: "Heavy harbour story" \d+\.\d KB/);
  });

  it('keeps a title, byline, key point or quote written over several lines in the front matter on one line', async () => {
    const extra = [
      'author: "Jane\\nDoe"',
      'source: "The\\tTabbed Times"',
      'key_points: ["Line one\\nof a point that goes on", "Another point"]',
      'quotes: [{ text: "A quote\\nbroken in two", speaker: "Ann\\nLee", role: "mayor" }]',
      '',
    ].join('\n');
    const root = await makeWorkspace({ 'a.md': article('A title\n* that looks like a bullet', '2024-03-05', undefined, extra) });
    const { preview, digest } = await buildDigest({ root });
    const lines = preview.text.split('\n');
    expect(lines).toContain('A title * that looks like a bullet');
    expect(lines).toContain('By Jane Doe');
    expect(lines).toContain(' * Line one of a point that goes on');
    expect(lines).toContain('“A quote broken in two”');
    expect(lines).toContain('— Ann Lee, mayor');
    expect(lines.some((line) => line.startsWith('The Tabbed Times · '))).toBe(true);
    expect(digest.articles[0]).toMatchObject({ title: 'A title * that looks like a bullet', author: 'Jane Doe', source: 'The Tabbed Times' });
  });

  it('gives the intro in the text part with its links as text [url], its list as bullets and no run of blank lines where an image was', async () => {
    const intro = 'Hello: a [link](https://example.com/x) and a list:\n\n- one item long enough to need a second line of text in the plain-text part of the email\n- two\n\n![a chart](https://example.com/chart.png)\n\nThe end.\n';
    const root = await makeWorkspace({ 'a.md': article('Story', '2024-03-05'), '_intro.md': intro });
    const { text } = (await buildDigest({ root })).preview;
    expect(text).toContain('Hello: a link [https://example.com/x] and a list:\n\n * one item long enough to need a second line of text in the plain-text part\n   of the email\n * two\n\nThe end.\n');
    expect(text).not.toMatch(/\n{4,}/);
  });

  it('keeps a quotation in the intro marked with > on every line it wraps to', async () => {
    const intro = '> A quotation in the intro, long enough that the plain-text part has to wrap it onto a second line.\n';
    const root = await makeWorkspace({ 'a.md': article('Story', '2024-03-05'), '_intro.md': intro });
    const { text } = (await buildDigest({ root })).preview;
    expect(text).toContain('> A quotation in the intro, long enough that the plain-text part has to wrap\n> it onto a second line.\n');
  });

  it('explains a {{wrap}} written without its block, naming the text template', async () => {
    const root = await makeWorkspace({ 'a.md': article('Story', '2024-03-05') });
    await writeFile(path.join(root, 'templates', 'text.hbs'), '{{wrap}}{{unsubscribe_url}}\n');
    await expect(buildDigest({ root })).rejects.toMatchObject({ diagnostics: [expect.objectContaining({ rule: 'template/render', file: expect.stringMatching(/text\.hbs$/), message: expect.stringMatching(/wrap: is a block/) })] });
  });

  it('says a text helper was given nothing when its argument is left out, instead of printing the whole issue', async () => {
    const root = await makeWorkspace({ 'a.md': article('Story', '2024-03-05') });
    await writeFile(path.join(root, 'templates', 'text.hbs'), '{{#each contents}}{{add @index}}. {{title}}\n{{/each}}{{unsubscribe_url}}\n');
    const failure = await buildDigest({ root }).then(
      () => null,
      (error: { diagnostics: { message: string }[] }) => error.diagnostics,
    );
    expect(failure).toEqual([expect.objectContaining({ message: expect.stringMatching(/add: needs a number, got nothing/) })]);
    expect(failure![0]!.message).not.toContain('Story');
  });

  it('refuses a theme with a text partial named like an HTML one (quote.hbs beside quote.mjml), which would put MJML in the text part', async () => {
    const root = await makeWorkspace({ 'a.md': article('Story', '2024-03-05', undefined, 'quotes: [{ text: "We will build it.", speaker: "Ann Lee" }]\n') });
    await writeFile(path.join(root, 'templates', 'partials', 'quote.hbs'), '“{{text}}” — {{speaker}}\n');
    const textPartial = path.join(root, 'templates', 'partials', 'article-text.hbs');
    await writeFile(textPartial, (await readFile(textPartial, 'utf8')).replace(/\{\{#each quotes\}\}[\s\S]*?\{\{\/each\}\}/, '{{#each quotes}}\n{{> quote}}\n{{/each}}'));
    const failure = await buildDigest({ root }).then(
      (result) => result.preview.text,
      (error: { diagnostics: { rule: string; file: string; message: string }[] }) => error.diagnostics,
    );
    expect(failure).toEqual([expect.objectContaining({ rule: 'theme/duplicate-partial', file: expect.stringMatching(/partials\/quote\.hbs$/), message: expect.stringContaining('quote.mjml') })]);
  });

  it('places a helper misused in text.hbs at that call, not at an earlier use of the helper in a partial', async () => {
    const root = await makeWorkspace({ 'a.md': article('Story', '2024-03-05') });
    const text = path.join(root, 'templates', 'text.hbs');
    const source = (await readFile(text, 'utf8')).replace('In this issue\n', 'In this issue, from {{formatDate issue.form}}\n');
    await writeFile(text, source);
    const line = source.split('\n').findIndex((row) => row.includes('{{formatDate issue.form}}')) + 1;
    const failure = await buildDigest({ root }).then(
      () => null,
      (error: { diagnostics: { rule: string; file: string; line: number; message: string }[] }) => error.diagnostics,
    );
    expect(failure).toContainEqual(expect.objectContaining({ rule: 'template/render', file: text, line, message: expect.stringMatching(/formatDate: needs a date/) }));
  });

  it('shows a recipient\'s name on one line, as the HTML and the To header do, whatever line breaks its list cell holds', async () => {
    const root = await makeWorkspace({ 'a.md': article('Story', '2024-03-05') });
    const { email } = await buildDigest({ root });
    const copy = createPersonalizer(email)({ subscriber: { email: 'mary@example.com', name: 'Mary\nAnn   Lee' }, unsubscribe_url: 'https://example.com/u' });
    expect(copy.text.split('\n')).toContain('Hello Mary Ann Lee,');
  });

  it('keeps the no-break spaces an author wrote (10\u00a0000, « Bonjour »), which a line break must not split, while collapsing line breaks', async () => {
    const extra = 'key_points: ["La ville compte 10\u00a0000 habitants\\net dit «\u202fBonjour\u202f»."]\n';
    const root = await makeWorkspace({ 'a.md': article('Un budget de 10\u00a0000\u00a0euros', '2024-03-05', undefined, extra) });
    const { digest, preview } = await buildDigest({ root });
    expect(digest.articles[0]).toMatchObject({ title: 'Un budget de 10\u00a0000\u00a0euros', keyPoints: ['La ville compte 10\u00a0000 habitants et dit «\u202fBonjour\u202f».'] });
    expect(preview.text).toContain(' * La ville compte 10\u00a0000 habitants et dit «\u202fBonjour\u202f».\n');
    const copy = createPersonalizer((await buildDigest({ root })).email)({ subscriber: { email: 'jp@example.com', name: 'Jean-Pierre\u00a0II' }, unsubscribe_url: 'https://example.com/u' });
    expect(copy.text.split('\n')).toContain('Hello Jean-Pierre\u00a0II,');
  });

  it('leaves the lines of a code block in the intro as written, however long, as the HTML shows them', async () => {
    const code = 'curl --silent --header "Accept: application/json" https://example.com/api/v1/weekly/issues/latest';
    const intro = `Fetch the latest issue yourself:\n\n\`\`\`\n${code}\n  --output issue.json\n\`\`\`\n\nA paragraph after the code that is long enough to be wrapped at seventy-eight columns.\n`;
    const root = await makeWorkspace({ 'a.md': article('Story', '2024-03-05'), '_intro.md': intro });
    const { text } = (await buildDigest({ root })).preview;
    expect(code.length).toBeGreaterThan(78);
    expect(text).toContain(`Fetch the latest issue yourself:\n\n${code}\n  --output issue.json\n\nA paragraph after the code that is long enough to be wrapped at seventy-eight\ncolumns.\n`);
  });
});
