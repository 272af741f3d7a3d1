import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIssue, type PublishedBuild } from '../src/build.js';
import { configSchema } from '../src/config.js';
import type { SiteIssue } from '../src/site/manifest.js';
import { FEED_ISSUES, writeIndexes } from '../src/site/publish.js';
import { siteUrls } from '../src/site/urls.js';
import { filesUnder, sampleWorkspace, WEEK_SIX } from './support/site-workspace.js';
import { article, makeWorkspace } from './support/workspace.js';

const BASE = 'https://example.com/digest/';
const FEEDS = { atom: `${BASE}feed.xml`, rss: `${BASE}rss.xml`, json: `${BASE}feed.json` };
const FIRST = new Date('2024-02-12T08:00:00Z');
const REBUILT = new Date('2024-02-13T17:45:00Z');
/** RFC 3339, as Atom and JSON Feed date their entries. */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** RFC 822 as RSS 2.0 wants it (with a four-digit year, as the RSS profile recommends). */
const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

const read = (root: string, file: string) => readFile(path.join(root, 'site', file), 'utf8');

/** An XML document, refused unless well-formed (fast-xml-parser's validator), then parsed as XML by htmlparser2. */
function xml(source: string) {
  expect(XMLValidator.validate(source)).toBe(true);
  return parseDocument(source, { xmlMode: true });
}

const children = (parent: Element, name: string) => parent.children.filter((node): node is Element => node.type === 'tag' && node.name === name);
const child = (parent: Element, name: string) => {
  const found = children(parent, name);
  expect(found, `<${parent.name}> has one <${name}>`).toHaveLength(1);
  return found[0]!;
};
const text = (node: Element) => DomUtils.textContent(node).trim();
const absolute = (url: string | undefined) => expect(url && new URL(url).protocol).toBe('https:');

/** What a reader sees of an entry's HTML: its text, with every article headline of the issue in it. */
function expectWholeIssue(html: string, built: PublishedBuild) {
  const shown = DomUtils.textContent(parseDocument(html));
  for (const story of built.result.digest.articles) expect(shown).toContain(story.title);
  expect(shown).toContain('Hello,');
  expect(html).not.toMatch(/<html|<head/i);
}

describe('the feeds of the published site', () => {
  let root: string;
  const built: Record<string, PublishedBuild> = {};
  let before: { atom: string; rss: string; json: string };

  beforeAll(async () => {
    root = await sampleWorkspace(WEEK_SIX);
    built['2024-W05'] = await buildIssue({ root, week: '2024-W05', now: () => FIRST });
    built['2024-W06'] = await buildIssue({ root, week: '2024-W06', now: () => FIRST });
    before = { atom: await read(root, 'feed.xml'), rss: await read(root, 'rss.xml'), json: await read(root, 'feed.json') };
  });

  it('writes a well-formed Atom 1.0 feed: feed id, title, updated, self link, author; per issue id, title, updated, link and the issue as HTML', () => {
    const feed = DomUtils.getElementsByTagName('feed', xml(before.atom))[0]!;
    expect(feed.attribs.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(text(child(feed, 'id'))).toBe(BASE);
    expect(text(child(feed, 'title'))).toBe('The Weekly Gazette');
    expect(text(child(feed, 'updated'))).toMatch(RFC_3339);
    const links = children(feed, 'link').map((link) => link.attribs);
    expect(links).toContainEqual({ rel: 'self', href: FEEDS.atom });
    expect(links).toContainEqual({ rel: 'alternate', href: BASE });
    expect(text(child(child(feed, 'author'), 'name'))).toBe('The Weekly Gazette');

    const entries = children(feed, 'entry');
    expect(entries.map((entry) => text(child(entry, 'id')))).toEqual([`${BASE}2024-W06/`, `${BASE}2024-W05/`]);
    for (const entry of entries) {
      const id = text(child(entry, 'id'));
      const slug = new URL(id).pathname.split('/').at(-2)!;
      expect(text(child(entry, 'title'))).toBe(built[slug]!.result.digest.issue.title);
      expect(text(child(entry, 'updated'))).toMatch(RFC_3339);
      expect(Date.parse(text(child(entry, 'updated')))).toBe(FIRST.getTime());
      expect(child(entry, 'link').attribs.href).toBe(id);
      const content = child(entry, 'content');
      expect(content.attribs.type).toBe('html');
      expectWholeIssue(text(content), built[slug]!);
    }
  });

  it('writes a well-formed RSS 2.0 feed: channel title, link, description, self link; per issue guid, link, RFC 822 pubDate and the issue as HTML', () => {
    const rss = DomUtils.getElementsByTagName('rss', xml(before.rss))[0]!;
    expect(rss.attribs).toMatchObject({ version: '2.0', 'xmlns:content': 'http://purl.org/rss/1.0/modules/content/', 'xmlns:atom': 'http://www.w3.org/2005/Atom' });
    const channel = child(rss, 'channel');
    expect(text(child(channel, 'title'))).toBe('The Weekly Gazette');
    expect(text(child(channel, 'link'))).toBe(BASE);
    expect(text(child(channel, 'description'))).not.toBe('');
    expect(child(channel, 'atom:link').attribs).toMatchObject({ rel: 'self', href: FEEDS.rss });
    const items = children(channel, 'item');
    expect(items.map((item) => text(child(item, 'guid')))).toEqual([`${BASE}2024-W06/`, `${BASE}2024-W05/`]);
    for (const item of items) {
      const guid = text(child(item, 'guid'));
      expect(text(child(item, 'link'))).toBe(guid);
      absolute(guid);
      expect(text(child(item, 'pubDate'))).toMatch(RFC_822);
      expect(Date.parse(text(child(item, 'pubDate')))).toBe(FIRST.getTime());
      expect(text(child(item, 'title'))).toMatch(/^The Weekly Gazette #[56]$/);
      expectWholeIssue(text(child(item, 'content:encoded')), built[new URL(guid).pathname.split('/').at(-2)!]!);
    }
  });

  it('writes JSON Feed 1.1: version, title, home and feed URLs, authors and language; per issue id, url, title, dates and content_html', () => {
    const feed = JSON.parse(before.json) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', title: 'The Weekly Gazette', home_page_url: BASE, feed_url: FEEDS.json, language: 'en' });
    expect(feed.authors).toEqual([{ name: 'The Weekly Gazette', url: BASE }]);
    expect(feed).not.toHaveProperty('author');
    expect(feed.items.map((item) => item.id)).toEqual([`${BASE}2024-W06/`, `${BASE}2024-W05/`]);
    for (const item of feed.items) {
      expect(item).not.toHaveProperty('author');
      expect(item.url).toBe(item.id);
      expect(item.date_published).toMatch(RFC_3339);
      expect(item.date_modified).toMatch(RFC_3339);
      expect(typeof item.title).toBe('string');
      expectWholeIssue(item.content_html as string, built[new URL(item.id as string).pathname.split('/').at(-2)!]!);
    }
  });

  it('keeps every id across a rebuild, moves only the rebuilt issue\'s updated date, and writes the same feeds byte for byte for the same site', async () => {
    await buildIssue({ root, week: '2024-W06', now: () => FIRST });
    expect({ atom: await read(root, 'feed.xml'), rss: await read(root, 'rss.xml'), json: await read(root, 'feed.json') }).toEqual(before);

    await buildIssue({ root, week: '2024-W05', now: () => REBUILT });
    const feed = DomUtils.getElementsByTagName('feed', xml(await read(root, 'feed.xml')))[0]!;
    const entries = children(feed, 'entry').map((entry) => ({ id: text(child(entry, 'id')), updated: text(child(entry, 'updated')) }));
    expect(entries).toEqual([
      { id: `${BASE}2024-W06/`, updated: FIRST.toISOString() },
      { id: `${BASE}2024-W05/`, updated: REBUILT.toISOString() },
    ]);
    expect(text(child(feed, 'updated'))).toBe(REBUILT.toISOString());
    const json = JSON.parse(await read(root, 'feed.json')) as { items: { id: string; date_published: string; date_modified: string }[] };
    expect(json.items[1]).toMatchObject({ id: `${BASE}2024-W05/`, date_published: FIRST.toISOString(), date_modified: REBUILT.toISOString() });
    const rss = xml(await read(root, 'rss.xml'));
    expect(DomUtils.getElementsByTagName('pubDate', rss).map((node) => text(node))).toEqual([FIRST.toUTCString(), FIRST.toUTCString()]);
  });

  it('links the feeds from every page (rel="alternate"), each page naming its canonical address', async () => {
    for (const [page, canonical] of [
      ['index.html', BASE],
      ['2024-W05/index.html', `${BASE}2024-W05/`],
      ['2024-W06/index.html', `${BASE}2024-W06/`],
    ] as const) {
      const document = parseDocument(await read(root, page));
      const head = DomUtils.getElementsByTagName('head', document)[0]!;
      const links = DomUtils.getElementsByTagName('link', head).map((link) => link.attribs);
      expect(links.filter((link) => link.rel === 'alternate').map(({ type, href }) => ({ type, href })), page).toEqual([
        { type: 'application/atom+xml', href: FEEDS.atom },
        { type: 'application/rss+xml', href: FEEDS.rss },
        { type: 'application/feed+json', href: FEEDS.json },
      ]);
      expect(links.filter((link) => link.rel === 'canonical').map((link) => link.href), page).toEqual([canonical]);
      expect(text(DomUtils.getElementsByTagName('title', head)[0]!)).not.toBe('');
    }
  });
});

describe('feeds of a newsletter whose name needs escaping', () => {
  it('stay well-formed and show the name as written', async () => {
    const name = 'Smith & Jones <Weekly> ]]> "quoted"';
    const root = await makeWorkspace({ 'a.md': article('Fish & chips <prices> rise', '2024-03-05') }, { name, base_url: 'https://example.org/news/' });
    await buildIssue({ root, now: () => new Date('2024-03-08T10:00:00Z') });
    const atom = DomUtils.getElementsByTagName('feed', xml(await read(root, 'feed.xml')))[0]!;
    expect(text(child(atom, 'title'))).toBe(name);
    const entryTitle = text(child(children(atom, 'entry')[0]!, 'title'));
    // Atom's entry title is typed HTML: the text a reader sees is the title.
    expect(DomUtils.textContent(parseDocument(entryTitle, { decodeEntities: true }))).toBe(`${name} #1`);
    const rss = DomUtils.getElementsByTagName('channel', xml(await read(root, 'rss.xml')))[0]!;
    expect(text(child(rss, 'title'))).toBe(name);
    expect(text(child(children(rss, 'item')[0]!, 'title'))).toBe(`${name} #1`);
    expect((JSON.parse(await read(root, 'feed.json')) as { title: string; items: { title: string }[] }).items[0]!.title).toBe(`${name} #1`);
  });
});

describe('a site without base_url', () => {
  it('still has the web edition and the archive, links them relatively, has no feeds, and says why', async () => {
    const root = await makeWorkspace({ 'a.md': article('A story', '2024-03-05') }, { name: 'Local Weekly', unsubscribe: { url: 'https://example.org/unsubscribe' } });
    const { result } = await buildIssue({ root, now: () => new Date('2024-03-08T10:00:00Z') });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ rule: 'site/no-base-url', severity: 'warning', field: 'base_url' }));
    expect(await filesUnder(path.join(root, 'site'))).toEqual(['2024-W10/index.html', 'index.html', 'issues.json']);
    const page = await read(root, '2024-W10/index.html');
    expect(page).not.toMatch(/rel="(alternate|canonical)"/);
    expect(page).toContain('href="../index.html"');
    expect(page).toContain('href="https://example.org/subscribe"');
    await expect(buildIssue({ root, strict: true })).rejects.toThrow(/site\/no-base-url/);
  });
});

describe('a site of many issues', () => {
  it('lists every issue on the archive page, and only the newest in the feeds', async () => {
    const siteDir = await mkdtemp(path.join(tmpdir(), 'gazette-site-'));
    const weeks = FEED_ISSUES + 5;
    const issues: SiteIssue[] = Array.from({ length: weeks }, (_, index) => {
      const monday = new Date(Date.UTC(2023, 0, 2 + 7 * index));
      const sunday = new Date(monday.getTime() + 6 * 86_400_000);
      const slug = `2023-W${String(index + 1).padStart(2, '0')}`;
      return { slug, number: index + 1, title: `Issue ${index + 1}`, from: monday.toISOString().slice(0, 10), to: sunday.toISOString().slice(0, 10), lead: `Lead ${index + 1}`, articles: 3, published: monday.toISOString(), updated: monday.toISOString() };
    }).reverse();
    for (const issue of issues) {
      await mkdir(path.join(siteDir, issue.slug));
      await writeFile(path.join(siteDir, issue.slug, 'index.html'), `<html><body><h1>${issue.title}</h1></body></html>`);
    }
    const config = configSchema.parse({ name: 'Many Weeks', base_url: BASE });
    const listed = await writeIndexes({ version: 1, issues }, { siteDir, name: 'Many Weeks', language: 'en', urls: siteUrls(config) });

    expect(listed.issues).toHaveLength(weeks);
    const archive = await readFile(path.join(siteDir, 'index.html'), 'utf8');
    for (const issue of issues) expect(archive).toContain(`${issue.slug}/`);
    const feed = JSON.parse(await readFile(path.join(siteDir, 'feed.json'), 'utf8')) as { items: { id: string }[] };
    expect(feed.items.map((item) => item.id)).toEqual(issues.slice(0, FEED_ISSUES).map((issue) => `${BASE}${issue.slug}/`));
    expect(children(DomUtils.getElementsByTagName('feed', xml(await readFile(path.join(siteDir, 'feed.xml'), 'utf8')))[0]!, 'entry')).toHaveLength(FEED_ISSUES);
  });
});
