import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFeed, addPages, firstDaySince, type AddOptions, type AddResult } from '../src/collect/add.js';
import { articleFileText, writeArticleFile } from '../src/collect/article-file.js';
import { Fetcher, type FetcherOptions } from '../src/collect/fetcher.js';
import { parseArticle } from '../src/load/articles.js';
import { startWebFixtures, type WebFixtures } from './support/web-fixtures.js';

let web: WebFixtures;
beforeAll(async () => {
  web = await startWebFixtures();
});
afterAll(() => web.close());

const TODAY = '2024-03-06';

async function add(paths: string[], fetcherOptions: Partial<FetcherOptions> = {}, options: Partial<AddOptions> = {}) {
  const articlesDir = options.articlesDir ?? (await mkdtemp(path.join(tmpdir(), 'gazette-collect-')));
  const fetcher = new Fetcher({ hostDelayMs: 0, ...fetcherOptions });
  const report = await addPages(paths.map((pathname) => web.url(pathname)), { fetcher, today: TODAY, ...options, articlesDir });
  return { articlesDir, report, results: report.results };
}

/** The written file, loaded by Gazette's own loader: it must load without a single diagnostic. */
async function loaded(result: AddResult | undefined) {
  expect(result?.status, JSON.stringify(result)).toBe('added');
  const file = (result as { file: string }).file;
  const content = await readFile(file, 'utf8');
  const { article, diagnostics } = parseArticle({ file, content });
  expect(diagnostics).toEqual([]);
  return { article: article!, content };
}

function failure(result: AddResult | undefined) {
  expect(result?.status).toBe('failed');
  return result!.diagnostics[0]!;
}

describe('a page becomes an article file', () => {
  it('news article with JSON-LD: headline, publisher day, both authors, canonical URL, image with its alt, a GFM table (gzip on the wire)', async () => {
    const { results } = await add(['/news/harbour-budget']);
    const { article, content } = await loaded(results[0]);
    expect(article).toMatchObject({
      title: 'Council approves harbour budget: what changes for ferries',
      date: '2024-03-04', // the publisher's day, although it is already 5 March in UTC
      url: 'https://harbour-times.example.com/news/2024/03/harbour-budget',
      source: 'Harbour Times',
      author: 'Mara Quill, Tobias Fenn',
      image: 'https://harbour-times.example.com/images/harbour.jpg',
      imageAlt: 'Two ferries moored at the east quay at dusk',
    });
    expect(path.basename(article.file)).toBe('2024-03-04-council-approves-harbour-budget-what-changes-for-ferries.md');
    expect(content).toContain('| Ticket | Now | From April |\n| --- | --- | --- |\n| Resident, single | 2.10 | 2.10 |');
    // What the front matter says is not said again in the body; the page's chrome is gone.
    expect(article.markdown).not.toMatch(/By Mara Quill|!\[|Related|Privacy/);
    expect(article.wordCount).toBeGreaterThan(200);
    expect(results[0]).toMatchObject({ keyPoints: expect.arrayContaining([expect.any(String)]) });
  });

  it('blog post with OpenGraph only: og tags, meta author, the image alt found on the page, a fenced code block (brotli)', async () => {
    const { results } = await add(['/blog/sourdough']);
    const { article } = await loaded(results[0]);
    expect(article).toMatchObject({
      title: 'Why my sourdough starter sulks in winter',
      date: '2024-02-27',
      url: 'https://crumb-and-kettle.example.org/2024/02/starter-in-winter/',
      source: 'Crumb & Kettle',
      author: 'Ines Marrow',
      imageAlt: 'A glass jar of bubbling starter on a cold windowsill',
    });
    expect(article.markdown).toContain('```python\nimport time\n\ndef log(read_sensor):\n    while True:');
    expect(article.markdown).not.toContain('comments');
  });

  it('cluttered page: no cookie banner, newsletter box or related links; date from <time>, source from the host, an image without alt left for the editor', async () => {
    const { results } = await add(['/cluttered/library-hours'], {}, { tags: ['local', 'libraries'], draft: true });
    const { article, content } = await loaded(results[0]);
    expect(article).toMatchObject({ title: 'Library extends "weekend" opening hours', date: '2024-03-01', source: '127.0.0.1', author: 'Priya Oduya', image: null, tags: ['local', 'libraries'], draft: true });
    expect(article.markdown).not.toMatch(/cookies|Sign up|Bus route 7|Advertisement|Share on/);
    expect(content).toContain(`# image: "${web.url('/media/library-front.jpg')}"`);
    expect(results[0]!.diagnostics).toMatchObject([{ rule: 'collect/image-alt', severity: 'warning', field: 'image_alt' }]);
  });

  it('windows-1252 page without a charset header: decoded by its <meta http-equiv>, curly quotes included', async () => {
    const { results } = await add(['/latin1/cafe']);
    const { article } = await loaded(results[0]);
    expect(article).toMatchObject({ title: 'Café de la Gare : l’été des concerts', author: 'Anaïs Bérard', source: 'La Gazette du Quai', date: '2024-02-20' });
    expect(article.markdown).toContain('« Nous voulions que la place redevienne un lieu où l’on se retrouve');
    expect(article.markdown).not.toContain('\uFFFD');
  });

  it('follows a short redirect chain and records the canonical URL; the date falls back to today only when the page has none', async () => {
    const { results } = await add(['/redirect/1']);
    const { article } = await loaded(results[0]);
    expect(article.url).toBe('https://harbour-times.example.com/news/2024/03/harbour-budget');
    const dated = await add(['/blog/sourdough'], {}, { date: '2024-03-10' });
    expect((await loaded(dated.results[0])).article.date).toBe('2024-03-10');
  });

  it('sends a descriptive User-Agent', async () => {
    await add(['/blog/sourdough'], { userAgent: 'Gazette/9.9 (test)' });
    expect(web.requests.at(-1)?.userAgent).toBe('Gazette/9.9 (test)');
  });
});

describe('pages that are not added', () => {
  it('reports each failure on its own URL and adds the others', async () => {
    const { results, articlesDir } = await add(['/missing', '/report.pdf', '/photo.jpg', '/', '/paywall/shipyard', '/chain/1', '/feeds/rss-full.xml', '/blog/sourdough']);
    expect(failure(results[0])).toMatchObject({ rule: 'collect/http-status', file: web.url('/missing'), message: expect.stringContaining('404') });
    expect(failure(results[1])).toMatchObject({ rule: 'collect/not-html', message: expect.stringContaining('PDF') });
    expect(failure(results[2])).toMatchObject({ rule: 'collect/not-html', message: expect.stringContaining('image') });
    expect(failure(results[3])).toMatchObject({ rule: 'collect/not-article' });
    expect(failure(results[4])).toMatchObject({ rule: 'collect/paywalled' });
    expect(failure(results[5])).toMatchObject({ rule: 'collect/redirects', message: expect.stringContaining('more than 5 redirects') });
    expect(failure(results[6])).toMatchObject({ rule: 'collect/not-html', message: expect.stringContaining('feed') });
    expect(results[7]!.status).toBe('added');
    expect(await readdir(articlesDir)).toEqual(['2024-02-27-why-my-sourdough-starter-sulks-in-winter.md']);
  });

  it('gives up on a slow server after the timeout, and on a page past the size cap', async () => {
    const started = Date.now();
    const { results } = await add(['/slow', '/huge'], { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(failure(results[0])).toMatchObject({ rule: 'collect/timeout', message: 'no complete answer within 0.3 s' });
    expect(failure(results[1])).toMatchObject({ rule: 'collect/too-large' });
    const capped = await add(['/blog/sourdough'], { maxBytes: 1000 });
    expect(failure(capped.results[0])).toMatchObject({ rule: 'collect/too-large', message: expect.stringContaining('1 KB') });
  });

  it('leaves nothing behind when a body stops half-way', async () => {
    const { results, articlesDir } = await add(['/stall'], { timeoutMs: 300 });
    expect(failure(results[0])).toMatchObject({ rule: 'collect/timeout' });
    expect(await readdir(articlesDir)).toEqual([]);
  });

  it("respects robots.txt (the * group and Gazette's own), unless told to ignore it", async () => {
    const { results } = await add(['/private/notes', '/no-gazette/page']);
    expect(failure(results[0])).toMatchObject({ rule: 'collect/robots', message: expect.stringContaining('/private/notes') });
    expect(failure(results[1])).toMatchObject({ rule: 'collect/robots' });
    const ignoring = await add(['/private/notes'], { ignoreRobots: true });
    expect(ignoring.results[0]!.status).toBe('added');
  });

  it('reports a host that cannot be reached as unreachable, not as closed by robots.txt', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const articlesDir = await mkdtemp(path.join(tmpdir(), 'gazette-collect-'));
    const report = await addPages([`http://127.0.0.1:${port}/story`], { fetcher: new Fetcher({ hostDelayMs: 0 }), today: TODAY, articlesDir });
    expect(failure(report.results[0])).toMatchObject({ rule: 'collect/network' });
  });

  it('refuses an address that is not http(s) without touching the network', async () => {
    const articlesDir = await mkdtemp(path.join(tmpdir(), 'gazette-collect-'));
    const report = await addPages(['ftp://example.com/a', 'not a url'], { fetcher: new Fetcher({ hostDelayMs: 0 }), today: TODAY, articlesDir });
    expect(report.results.map((result) => result.diagnostics[0]?.rule)).toEqual(['collect/invalid-url', 'collect/invalid-url']);
  });
});

describe('idempotency', () => {
  it('skips a URL already collected (by its canonical URL too), and replaces it in place when forced', async () => {
    const first = await add(['/news/harbour-budget']);
    const file = (first.results[0] as { file: string }).file;
    const before = web.requests.length;
    const again = await add(['/news/harbour-budget'], {}, { articlesDir: first.articlesDir });
    // The URL asked for is known: skipped without a request, so a daily run costs the site nothing.
    expect(again.results[0]).toMatchObject({ status: 'skipped', file, diagnostics: [{ rule: 'collect/duplicate', severity: 'info', file }] });
    expect(web.requests.length).toBe(before);
    // Another address of the same article is found out by its canonical URL.
    const redirected = await add(['/redirect/1'], {}, { articlesDir: first.articlesDir });
    expect(redirected.results[0]).toMatchObject({ status: 'skipped', file });
    const forced = await add(['/news/harbour-budget'], {}, { articlesDir: first.articlesDir, force: true, tags: ['harbour'] });
    expect(forced.results[0]).toMatchObject({ status: 'added', replaced: true, file });
    expect(await readdir(first.articlesDir)).toEqual([path.basename(file)]);
    expect((await loaded(forced.results[0])).article.tags).toEqual(['harbour']);
  });

  it('treats one page at two addresses, or twice in one run, as one article', async () => {
    const first = await add(['/blog/sourdough', '/blog/sourdough']);
    expect(first.results.map((result) => result.status)).toEqual(['added', 'skipped']);
    // The same page served under /private/ names the same og:url.
    const second = await add(['/private/notes'], { ignoreRobots: true }, { articlesDir: first.articlesDir });
    expect(second.results[0]!.status).toBe('skipped');
  });

  it('never overwrites another article of the same date and title: the new one gets -2', async () => {
    const articlesDir = await mkdtemp(path.join(tmpdir(), 'gazette-collect-'));
    const article = { title: 'Weekly roundup', date: '2024-03-01', source: null, author: null, image: null, imageAlt: null, tags: [], draft: false, markdown: 'Text.' };
    const one = await writeArticleFile(articlesDir, { ...article, url: 'https://a.example/roundup' });
    const two = await writeArticleFile(articlesDir, { ...article, url: 'https://b.example/roundup' });
    expect([one, two].map((written) => [path.basename(written.file), written.duplicate])).toEqual([
      ['2024-03-01-weekly-roundup.md', false],
      ['2024-03-01-weekly-roundup-2.md', false],
    ]);
    expect(await readFile(one.file, 'utf8')).toContain('https://a.example/roundup');
    // The same article again (another `add` running at the same moment wrote it): named, not written twice.
    const again = await writeArticleFile(articlesDir, { ...article, url: 'https://a.example/roundup#top' });
    expect(again).toEqual({ file: one.file, duplicate: true });
    expect((await readdir(articlesDir)).sort()).toEqual(['2024-03-01-weekly-roundup-2.md', '2024-03-01-weekly-roundup.md']);
  });

  it('is written once when two runs add the same page at the same moment', async () => {
    const articlesDir = await mkdtemp(path.join(tmpdir(), 'gazette-collect-'));
    const runs = await Promise.all([0, 1, 2].map(() => addPages([web.url('/news/harbour-budget')], { fetcher: new Fetcher({ hostDelayMs: 0 }), today: '2024-03-06', articlesDir })));
    expect(runs.flatMap((run) => run.results.map((result) => result.status)).sort()).toEqual(['added', 'skipped', 'skipped']);
    expect((await readdir(articlesDir)).filter((name) => name.endsWith('.md'))).toHaveLength(1);
  });

  it('clears the temporary files of a killed run, never those of a run still writing', async () => {
    const articlesDir = await mkdtemp(path.join(tmpdir(), 'gazette-collect-'));
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const abandoned = path.join(articlesDir, `.2024-02-27-a-story.md.${deadPid}-lq3x9a.tmp`);
    const recent = path.join(articlesDir, `.2024-02-27-b-story.md.${deadPid}-lq3x9b.tmp`);
    const running = path.join(articlesDir, `.2024-02-27-c-story.md.${process.pid}-lq3x9c.tmp`);
    for (const file of [abandoned, recent, running]) await writeFile(file, '---\ntitle: half\n');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(abandoned, hourAgo, hourAgo);
    await utimes(running, hourAgo, hourAgo);
    await add(['/blog/sourdough'], {}, { articlesDir });
    expect((await readdir(articlesDir)).sort()).toEqual([path.basename(recent), path.basename(running), '2024-02-27-why-my-sourdough-starter-sulks-in-winter.md'].sort());
  });

  it('writes titles with colons, quotes, braces and # as text the loader reads back unchanged', () => {
    const title = 'Re: "{{ name }}" #1 — {a: b} & [c]';
    const text = articleFileText({ title, date: '2024-03-01', url: 'https://a.example/x', source: 'A: B', author: null, image: null, imageAlt: null, tags: ['x: y'], draft: false, markdown: 'Body {{ kept }}.' });
    const { article, diagnostics } = parseArticle({ file: 'x.md', content: text });
    expect(diagnostics).toEqual([]);
    expect(article).toMatchObject({ title, source: 'A: B', tags: ['x: y'] });
    expect(article!.markdown.trim()).toBe('Body {{ kept }}.');
  });
});

describe('politeness', () => {
  it('sends one request at a time to a host, with the pause between them', async () => {
    const before = web.requests.length;
    await add(['/news/harbour-budget', '/blog/sourdough', '/cluttered/library-hours', '/latin1/cafe'], { hostDelayMs: 150 });
    const requests = web.requests.slice(before).sort((a, b) => a.start - b.start);
    expect(requests.map((request) => request.path)).toContain('/robots.txt');
    expect(requests.length).toBe(5);
    for (let index = 1; index < requests.length; index++) {
      expect(requests[index]!.start - requests[index - 1]!.end).toBeGreaterThanOrEqual(140);
    }
  });
});

describe('pages in scripts written without spaces', () => {
  it('reads a Japanese article as an article, its words counted two characters to a word', async () => {
    const articlesDir = await mkdtemp(path.join(tmpdir(), 'gazette-ja-'));
    const report = await addPages([web.url('/ja/harbour-budget')], { fetcher: new Fetcher({ hostDelayMs: 0 }), today: '2024-03-06', articlesDir });
    expect(report.results[0]).toMatchObject({ status: 'added', title: '港湾予算を承認、フェリー運賃は据え置き', date: '2024-03-04', source: 'エヴレン新聞' });
  });
});

describe('hostile requests', () => {
  it('refuses a URL carrying a password without ever showing it, and one line for an articles folder that is a file', async () => {
    const articlesDir = await mkdtemp(path.join(tmpdir(), 'gazette-creds-'));
    const report = await addPages(['http://reader:s3cret-pw@127.0.0.1:9/page'], { fetcher: new Fetcher({ hostDelayMs: 0 }), today: '2024-03-06', articlesDir });
    expect(report.results).toMatchObject([{ status: 'failed', url: 'http://***:***@127.0.0.1:9/page', diagnostics: [{ rule: 'collect/invalid-url' }] }]);
    expect(JSON.stringify(report)).not.toContain('s3cret');
    const feed = await addFeed('http://reader:s3cret-pw@127.0.0.1:9/feed.xml', { fetcher: new Fetcher({ hostDelayMs: 0 }), today: '2024-03-06', articlesDir });
    expect(JSON.stringify(feed)).not.toContain('s3cret');

    const file = path.join(articlesDir, 'not-a-folder');
    await writeFile(file, 'x');
    await expect(addPages(['http://127.0.0.1:9/page'], { fetcher: new Fetcher(), today: '2024-03-06', articlesDir: file })).rejects.toMatchObject({ diagnostics: [{ rule: 'collect/articles-folder' }] });
  });

  it('reads a --since far in the past as "every item", and refuses a day that does not exist', () => {
    expect(firstDaySince('999999999d', '2024-03-06')).toBe('0001-01-01');
    expect(firstDaySince('2024-02-30', '2024-03-06')).toBeNull();
    expect(firstDaySince('2w', '2024-03-06')).toBe('2024-02-21');
  });
});
