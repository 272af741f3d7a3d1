import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDigest, type BuildResult } from '../src/build.js';
import { decodeText } from '../src/load/text-file.js';
import { gazette } from './support/cli.js';
import { article, makeWorkspace } from './support/workspace.js';

const NOW = () => new Date('2024-02-05T12:00:00Z');
const BODY = 'The council met on Tuesday to agree the budget. It approved new bus lanes for the centre.\n\nA second paragraph explains the cost. The work starts in the spring.';
const FRONT = 'featured: true\ntags: [a, b]\n';

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

/** What a reader receives, without the parts that name the moment of the build. */
function visible(result: BuildResult) {
  return { digest: result.digest, html: result.preview.html, text: result.preview.text, mjml: result.email.mjml };
}

async function build(root: string): Promise<BuildResult> {
  return buildDigest({ root, now: NOW, env: {} });
}

describe('line endings', () => {
  it('builds a CRLF article (featured, a tag list, several paragraphs) exactly as its LF twin', async () => {
    const text = article('Council agrees the budget', '2024-01-30', BODY, FRONT);
    const lf = await build(await makeWorkspace({ 'budget.md': text }));
    const windows = await build(await makeWorkspace({ 'budget.md': crlf(text) }));
    expect(windows.digest.articles[0]).toMatchObject({ featured: true, tags: ['a', 'b'] });
    expect(visible(windows)).toEqual(visible(lf));
  });

  it('reads an article saved with old Mac line endings (CR alone)', async () => {
    const text = article('Council agrees the budget', '2024-01-30', BODY, FRONT);
    const lf = await build(await makeWorkspace({ 'budget.md': text }));
    const mac = await build(await makeWorkspace({ 'budget.md': text.replace(/\n/g, '\r') }));
    expect(visible(mac)).toEqual(visible(lf));
  });

  it('reads a CRLF JSON config, YAML config, _intro.md and theme as their LF twins', async () => {
    const files = { 'budget.md': article('Council agrees the budget', '2024-01-30', BODY), '_intro.md': 'Hello **readers**.\n\nA second line.\n' };
    const lf = await makeWorkspace(files, { name: 'Line Weekly', base_url: 'https://example.com/', send: { rate: 2 } });
    const windows = await makeWorkspace({ ...files, '_intro.md': crlf(files['_intro.md']) }, null);
    await writeFile(path.join(windows, 'gazette.config.json'), crlf(JSON.stringify({ name: 'Line Weekly', base_url: 'https://example.com/', send: { rate: 2 } }, null, 2)));
    const yaml = await makeWorkspace(files, null);
    await writeFile(path.join(yaml, 'gazette.config.yaml'), crlf('name: Line Weekly\nbase_url: https://example.com/\nsend:\n  rate: 2\n'));
    for (const root of [windows, yaml]) {
      for (const file of await templateFiles(path.join(root, 'templates'))) await writeFile(file, crlf(await readFile(file, 'utf8')));
    }
    const expected = visible(await build(lf));
    expect(visible(await build(windows))).toEqual(expected);
    expect(visible(await build(yaml))).toEqual(expected);
  });
});

async function templateFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('encodings', () => {
  const text = article('Café crème on the menu', '2024-01-30', 'The café reopened on Monday with crème brûlée. Its owner said the queue was long.');

  it('reads UTF-8 with a BOM, UTF-16 LE and BE (with a BOM) and UTF-16 LE without one as the same article', async () => {
    const utf16be = Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
    const variants = [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      Buffer.from(`\uFEFF${text}`, 'utf16le'),
      utf16be,
      Buffer.from(text, 'utf16le'),
    ];
    const expected = visible(await build(await makeWorkspace({ 'cafe.md': text })));
    for (const bytes of variants) {
      const root = await makeWorkspace({});
      await writeFile(path.join(root, 'articles', 'cafe.md'), bytes);
      const result = await build(root);
      expect(result.digest.articles[0]!.title).toBe('Café crème on the menu');
      expect(result.diagnostics.filter((d) => d.rule.startsWith('input/'))).toEqual([]);
      expect(visible(result)).toEqual(expected);
    }
  });

  it('reads Latin-1 bytes as Windows-1252 with a warning naming the file and the line, never U+FFFD', async () => {
    const root = await makeWorkspace({});
    await writeFile(path.join(root, 'articles', 'cafe.md'), Buffer.from(text, 'latin1'));
    const result = await build(root);
    expect(result.digest.articles[0]!.title).toBe('Café crème on the menu');
    expect(result.preview.html).not.toContain('\uFFFD');
    expect(result.preview.html).toContain('Café crème');
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ rule: 'input/not-utf8', severity: 'warning', file: expect.stringMatching(/cafe\.md$/), line: 2 }),
    );
  });

  it('decodes Windows-1252 punctuation (curly quotes, dashes) rather than control characters', () => {
    const bytes = Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x80]);
    expect(decodeText(bytes, 'x.md').text).toBe('“Hi” – €');
  });

  it('keeps NUL bytes off the terminal and out of the email, with a warning', async () => {
    const root = await makeWorkspace({ 'nul.md': `---\ntitle: Budget\0 day\ndate: 2024-01-30\n---\n\nLine one of the story.\0 ${BODY}\n` });
    const run = await gazette(['build', '--week', '2024-W05'], root);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain('\0');
    expect(run.stdout).toContain('Budget day');
    expect(run.stdout + run.stderr).toMatch(/articles\/nul\.md:2 warning contains NUL bytes.*\(input\/nul-bytes\)/);
    expect(await readFile(path.join(root, 'out', '2024-W05', 'email.html'), 'utf8')).not.toContain('\0');
  });

  it('refuses control characters written as YAML escapes, naming the field, without printing them', async () => {
    const root = await makeWorkspace({ 'escape.md': '---\ntitle: "Budget\\u0000 day \\e[31m"\ndate: 2024-01-30\n---\n\nThe council met.\n' });
    const run = await gazette(['build', '--week', '2024-W05'], root);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(/[\u0000\u001B]/);
    expect(run.stderr).toMatch(/articles\/escape\.md:2:8 error title: must not contain control characters \(front-matter\/invalid\)/);
  });

  it('leaves valid UTF-8 (a literal U+FFFD included) untouched and silent', () => {
    expect(decodeText(Buffer.from('a\uFFFDb\r\nc'), 'x.md')).toEqual({ text: 'a\uFFFDb\nc', diagnostics: [] });
  });
});

describe('article file names', () => {
  it('reads .markdown, .MD and .Markdown files as articles, their slug without the extension', async () => {
    const root = await makeWorkspace({
      'one.markdown': article('One', '2024-01-29'),
      'two.MD': article('Two', '2024-01-30'),
      'three.Markdown': article('Three', '2024-01-31'),
    });
    const result = await build(root);
    expect(result.digest.articles.map((a) => a.slug).sort()).toEqual(['one', 'three', 'two']);
  });

  it('names files that look like misnamed articles in a warning, and skips _ and dot files silently', async () => {
    const root = await makeWorkspace({
      'kept.md': article('Kept', '2024-01-30'),
      'notes.txt': article('Notes', '2024-01-30'),
      'draft.mdown': article('Mdown', '2024-01-30'),
      '_ideas.txt': 'not an article',
      '.hidden.md': article('Hidden', '2024-01-30'),
      'photo.jpg': 'not text',
    });
    const result = await build(root);
    expect(result.digest.articles.map((a) => a.slug)).toEqual(['kept']);
    const notRead = result.diagnostics.filter((d) => d.rule === 'articles/not-read');
    expect(notRead.map((d) => [path.basename(d.file!), d.severity, d.message])).toEqual([
      ['draft.mdown', 'warning', expect.stringMatching(/not read as an article: rename it to draft\.md/)],
      ['notes.txt', 'warning', expect.stringMatching(/not read as an article: rename it to notes\.md/)],
    ]);
  });

  it('names an article that cannot be read (a folder called x.md) with the reason, exit 1, and reads the rest', async () => {
    const root = await makeWorkspace({ 'kept.md': article('Kept', '2024-01-30') });
    await mkdir(path.join(root, 'articles', 'broken.md'));
    await expect(build(root)).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ rule: 'articles/unreadable', file: path.join(root, 'articles', 'broken.md'), message: expect.stringMatching(/^cannot read: /) })],
    });
    const run = await gazette(['build', '--week', '2024-W05'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.md.*cannot read/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a pipe called x.md as unreadable instead of waiting on it forever', async () => {
    const root = await makeWorkspace({ 'kept.md': article('Kept', '2024-01-30') });
    execFileSync('mkfifo', [path.join(root, 'articles', 'pipe.md')]);
    await expect(build(root)).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ rule: 'articles/unreadable', file: path.join(root, 'articles', 'pipe.md'), message: 'cannot read: not a regular file (a pipe, a socket or a device)' })],
    });
  });

  it('refuses two files that would share a slug', async () => {
    const root = await makeWorkspace({ 'same.md': article('A', '2024-01-30'), 'same.markdown': article('B', '2024-01-30') });
    await expect(build(root)).rejects.toMatchObject({ diagnostics: [expect.objectContaining({ rule: 'articles/duplicate-slug' })] });
  });
});

describe('articles dated after today', () => {
  it('are named in a warning with the date field, and do not choose the default issue', async () => {
    const root = await makeWorkspace({
      'past.md': article('Past', '2024-01-30'),
      'typo.md': article('Typo', '2042-01-30'),
    });
    const result = await build(root);
    expect(result.digest.issue).toMatchObject({ slug: '2024-W05', from: '2024-01-29', to: '2024-02-04' });
    expect(result.digest.articles.map((a) => a.slug)).toEqual(['past']);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ rule: 'articles/future-date', severity: 'warning', field: 'date', line: 3, file: expect.stringMatching(/typo\.md$/) }),
    );
  });

  it('take today from the injected clock', async () => {
    const root = await makeWorkspace({ 'a.md': article('A', '2024-01-30'), 'b.md': article('B', '2024-02-06') });
    const before = await buildDigest({ root, now: () => new Date('2024-02-05T12:00:00Z'), env: {} });
    const after = await buildDigest({ root, now: () => new Date('2024-02-07T12:00:00Z'), env: {} });
    expect(before.digest.issue.slug).toBe('2024-W05');
    expect(after.digest.issue.slug).toBe('2024-W06');
    expect(after.diagnostics.some((d) => d.rule === 'articles/future-date')).toBe(false);
  });

  it('leave an issue with nothing but future articles empty, saying why', async () => {
    const root = await makeWorkspace({ 'soon.md': article('Soon', '2024-03-01') });
    await expect(build(root)).rejects.toMatchObject({
      diagnostics: expect.arrayContaining([
        expect.objectContaining({ rule: 'articles/future-date' }),
        expect.objectContaining({ rule: 'issue/empty', message: expect.stringMatching(/today \(2024-02-05\) or earlier/) }),
      ]),
    });
  });
});
