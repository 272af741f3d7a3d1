import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFeed, firstDaySince, itemsToAdd, type FeedAddOptions } from '../src/collect/add.js';
import { parseFeed } from '../src/collect/feed.js';
import { Fetcher } from '../src/collect/fetcher.js';
import { startWebFixtures, type WebFixtures } from './support/web-fixtures.js';

let web: WebFixtures;
beforeAll(async () => {
  web = await startWebFixtures();
});
afterAll(() => web.close());

async function addFrom(feed: string, options: Partial<FeedAddOptions> = {}) {
  const articlesDir = options.articlesDir ?? (await mkdtemp(path.join(tmpdir(), 'gazette-feed-')));
  const report = await addFeed(web.url(feed), { fetcher: new Fetcher({ hostDelayMs: 0 }), today: '2024-03-06', ...options, articlesDir });
  return { articlesDir, report };
}

const fetchedPages = (since: number) => web.requests.slice(since).map((request) => request.path).filter((pathname) => !pathname.startsWith('/feeds/') && pathname !== '/robots.txt');

describe('adding from a feed', () => {
  it('RSS with full content: each item written from its content:encoded, no page fetched', async () => {
    const before = web.requests.length;
    const { report } = await addFrom('/feeds/rss-full.xml');
    expect(report.feed).toMatchObject({ title: 'Valley Cycling Notes', items: 3, considered: 3 });
    expect(report.results.map((result) => [result.status, 'title' in result && result.title, 'date' in result && result.date, 'author' in result && result.author])).toEqual([
      ['added', 'The river path reopens after the floods', '2024-03-05', 'Jonas Herle'],
      ['added', 'Fixing a creaking bottom bracket in an evening', '2024-02-28', 'Jonas Herle'],
      ['added', 'Winter lights: what we learned from a dark January', '2024-01-10', 'Ruth Amsel'],
    ]);
    expect(report.results[1]).toMatchObject({ source: 'Valley Cycling Notes', url: web.url('/cycling/creaking-bottom-bracket') });
    expect(fetchedPages(before)).toEqual([]);
  });

  it('RSS with summaries only: each page fetched and read; a dead link fails alone', async () => {
    const before = web.requests.length;
    const { report } = await addFrom('/feeds/rss-summary.xml');
    expect(report.results.map((result) => result.status)).toEqual(['added', 'failed', 'added', 'added']);
    expect(report.results[1]!.diagnostics[0]).toMatchObject({ rule: 'collect/http-status', file: web.url('/missing') });
    expect(report.results[0]).toMatchObject({ title: 'Council approves harbour budget: what changes for ferries', author: 'Mara Quill, Tobias Fenn' });
    expect(fetchedPages(before).sort()).toEqual(['/blog/sourdough', '/cluttered/library-hours', '/missing', '/news/harbour-budget']);
  });

  it('Atom with full content keeps {{ }} as text; an entry too short to be an article is fetched as a page instead', async () => {
    const { report } = await addFrom('/feeds/atom-full.xml');
    expect(report.results[0]).toMatchObject({ status: 'added', title: 'Template night: {{ name }} placeholders explained', author: 'Lea Vornholt', imageAlt: 'A template with two placeholders highlighted in yellow' });
    expect(report.results[1]).toMatchObject({ status: 'failed', diagnostics: [{ rule: 'collect/http-status', file: web.url('/workshop/easter') }] });
  });

  it('Atom with summaries only: pages fetched, a non-UTF-8 page and a redirect included', async () => {
    const { report } = await addFrom('/feeds/atom-summary.xml');
    expect(report.results).toMatchObject([
      { status: 'added', title: 'Café de la Gare : l’été des concerts' },
      { status: 'added', url: web.url('/redirect/1'), title: 'Council approves harbour budget: what changes for ferries' },
    ]);
  });

  it('JSON Feed 1.1: an item with content_html written from it, a summary-only item fetched as a page', async () => {
    const before = web.requests.length;
    const { report } = await addFrom('/feeds/feed.json');
    expect(report.feed).toMatchObject({ title: 'Mill Lane Allotments', items: 2 });
    expect(report.results).toMatchObject([
      { status: 'added', title: 'A seed library opens in the potting shed', date: '2024-03-02', author: 'Tom Ashdown', source: 'Mill Lane Allotments' },
      { status: 'added', title: 'Why my sourdough starter sulks in winter', author: 'Ines Marrow' },
    ]);
    expect(fetchedPages(before)).toEqual(['/blog/sourdough']);
  });

  it('finds the feed a home page names', async () => {
    const { report } = await addFrom('/');
    expect(report.feed?.url).toBe(web.url('/'));
    expect(report.results).toHaveLength(4);
  });

  it('keeps items since a day and at most the newest n', async () => {
    const { report } = await addFrom('/feeds/rss-full.xml', { since: '2024-02-01' });
    expect(report.results.map((result) => 'date' in result && result.date)).toEqual(['2024-03-05', '2024-02-28']);
    const limited = await addFrom('/feeds/rss-full.xml', { limit: 1 });
    expect(limited.report.results.map((result) => 'date' in result && result.date)).toEqual(['2024-03-05']);
    expect(limited.report.feed).toMatchObject({ items: 3, considered: 1 });
  });

  it('adds only what is new on the next run, so a daily cron is safe; force replaces', async () => {
    const first = await addFrom('/feeds/rss-full.xml', { limit: 2 });
    const before = web.requests.length;
    const second = await addFrom('/feeds/rss-full.xml', { articlesDir: first.articlesDir });
    expect(second.report.results.map((result) => result.status)).toEqual(['skipped', 'skipped', 'added']);
    expect(fetchedPages(before)).toEqual([]);
    expect(await readdir(first.articlesDir)).toHaveLength(3);
    const forced = await addFrom('/feeds/rss-full.xml', { articlesDir: first.articlesDir, force: true });
    expect(forced.report.results.map((result) => result.status === 'added' && result.replaced)).toEqual([true, true, true]);
    expect(await readdir(first.articlesDir)).toHaveLength(3);
  });

  it('reports a feed that is not one, and a page where a feed was expected', async () => {
    const broken = await addFrom('/blog/sourdough');
    expect(broken.report.diagnostics).toMatchObject([{ rule: 'collect/not-feed', file: web.url('/blog/sourdough') }]);
    const pdf = await addFrom('/report.pdf');
    expect(pdf.report.diagnostics).toMatchObject([{ rule: 'collect/not-html' }]);
  });
});

describe('the window of items', () => {
  it('reads 7d, 2w and a date against today', () => {
    expect(firstDaySince('7d', '2024-03-06')).toBe('2024-02-28');
    expect(firstDaySince('2w', '2024-03-06')).toBe('2024-02-21');
    expect(firstDaySince('2024-01-01', '2024-03-06')).toBe('2024-01-01');
    expect(firstDaySince('soon', '2024-03-06')).toBeNull();
  });

  it('leaves out items whose link is missing or not http(s), and counts them', () => {
    const rss = (link: string) => `<item><title>Item</title>${link}<description>Short.</description></item>`;
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour notes</title><link>https://news.example.org/</link>${[
      rss('<link>https://news.example.org/ferry-timetable</link>'),
      rss('<link>javascript:alert(1)</link>'),
      rss('<link>data:text/html,hello</link>'),
      rss(''),
      rss('<link>/relative/dock-repairs</link>'),
    ].join('')}</channel></rss>`;
    const parsed = parseFeed(xml, 'xml', 'https://news.example.org/feed.xml');
    expect(parsed.ok && parsed.feed.items.map((item) => item.url)).toEqual(['https://news.example.org/ferry-timetable', 'https://news.example.org/relative/dock-repairs']);
    expect(parsed.ok && parsed.feed.unlinked).toBe(3);
  });

  it('keeps undated items, newest first', () => {
    const item = (url: string, published: string | null) => ({ url, title: url, published, author: null, contentHtml: null });
    expect(itemsToAdd([item('a', '2024-01-01'), item('b', null), item('c', '2024-03-01')], { since: '2024-02-01' }).map((kept) => kept.url)).toEqual(['c', 'b']);
  });
});
