import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDigest, type BuildResult } from '../src/build.js';
import { REPO } from './support/workspace.js';

const NOW = new Date('2024-02-05T08:00:00Z');
const UTM = { utm_source: 'gazette', utm_medium: 'email', utm_campaign: '2024-W05' };
const SECTIONS = ['World', 'Business & Economy', 'Science & Technology', 'Culture'];

/** The sample workspace that ships with the repository, seed article included. */
describe('the sample issue', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildDigest({ root: REPO, now: () => NOW });
  });

  it('covers the ISO week of the seed article: nine articles, the draft left out', () => {
    expect(result.digest.issue).toMatchObject({ slug: '2024-W05', from: '2024-01-29', to: '2024-02-04', number: 5 });
    expect(result.digest.articles).toHaveLength(9);
    expect(result.digest.articles.map((article) => article.slug)).not.toContain('2024-02-04-draft-library-late-fees');
    expect(result.diagnostics).toEqual([]);
  });

  it('links every headline and "Read the full story" button to the article\'s own url, with the UTM parameters, in the HTML', () => {
    const document = parseDocument(result.preview.html);
    expect(result.preview.html).not.toContain('[object Object]');
    for (const article of result.digest.articles) {
      expect(article.url).toMatch(/^https:\/\/[a-z-]+\.example\.(com|org|net)\//);
      const headline = DomUtils.findOne((element) => element.name === 'h2' && element.attribs.id === article.slug, document.children, true)!;
      const links = DomUtils.findAll((element) => element.name === 'a' && (element.attribs.href ?? '').startsWith(`${article.url}?`), document.children);
      // The intro may link the lead story too; the card's own two links are the headline and the button.
      expect(links.map((link) => DomUtils.textContent(link).trim()).slice(-2)).toEqual([article.title, 'Read the full story']);
      expect(DomUtils.findOne((element) => element.name === 'a', headline.children)).toBe(links.at(-2));
      for (const link of links) {
        const url = new URL(link.attribs.href!);
        expect(`${url.origin}${url.pathname}`).toBe(article.url);
        expect(Object.fromEntries(url.searchParams)).toEqual(UTM);
      }
    }
  });

  it('gives every article link in the text part the same url with UTM', () => {
    for (const article of result.digest.articles) {
      const withUtm = `${article.url}?${new URLSearchParams(UTM).toString()}`;
      expect(result.preview.text.split(withUtm).length - 1).toBeGreaterThanOrEqual(1);
    }
    expect(result.preview.text).not.toContain('[object Object]');
  });

  it('shows every article image with its alt text', () => {
    const withImages = result.digest.articles.filter((article) => article.image);
    expect(withImages.length).toBeGreaterThanOrEqual(3);
    const images = DomUtils.getElementsByTagName('img', parseDocument(result.preview.html));
    for (const article of withImages) {
      const image = images.find((element) => element.attribs.src === article.image);
      expect(image?.attribs.alt).toBe(article.imageAlt);
      expect(article.imageAlt!.length).toBeGreaterThan(10);
    }
  });

  it('puts every article under its section, each section heading once and in the configured order', () => {
    const text = result.preview.text;
    const headings = SECTIONS.map((title) => ({ title, at: text.indexOf(`\n${title}\n`) }));
    expect(headings.every((heading) => heading.at > 0)).toBe(true);
    expect(headings.map((heading) => heading.at)).toEqual([...headings.map((heading) => heading.at)].sort((a, b) => a - b));
    const sectionOf = (at: number) => headings.filter((heading) => heading.at < at).at(-1)?.title;
    const byTag: Record<string, string> = { world: 'World', business: 'Business & Economy', science: 'Science & Technology', culture: 'Culture' };
    const [lead, ...rest] = result.digest.articles;
    expect(text.indexOf(`\n${lead!.title}`)).toBeLessThan(headings[0]!.at);
    for (const article of rest) {
      const at = text.lastIndexOf(`\n${article.title.slice(0, 40)}`);
      expect(sectionOf(at), article.slug).toBe(byTag[article.tags.find((tag) => byTag[tag])!]);
    }
    for (const title of SECTIONS) expect(rest.some((article) => sectionOf(text.lastIndexOf(`\n${article.title.slice(0, 40)}`)) === title)).toBe(true);
  });

  it('shows an article that talks about {{braces}} and <script> as written, and runs none of it', async () => {
    const braces = result.digest.articles.find((article) => article.slug === '2024-01-31-festival-newsletter-double-braces')!;
    expect(braces.title).toContain('{{first_name}}');
    expect(result.preview.html).toContain(braces.title.replace(/&/g, '&amp;'));
    expect(result.preview.text).toContain(braces.title);
    expect(result.preview.html).not.toMatch(/<script/i);
    // The article quotes {{subscriber.email}}; only the theme's footer may show the reader's address.
    expect(result.preview.html.split('reader@example.com')).toHaveLength(2);
    const parsed = await simpleParser(result.eml);
    expect(parsed.html).not.toMatch(/<script/i);
  });

  it('reads the article saved with Windows line endings like any other', async () => {
    const file = path.join(REPO, 'articles', '2024-02-01-cocoa-price-record-chocolate-makers.md');
    expect((await readFile(file, 'utf8')).split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);
    const cocoa = result.digest.articles.find((article) => article.slug === '2024-02-01-cocoa-price-record-chocolate-makers')!;
    expect(cocoa).toMatchObject({ source: expect.any(String), url: expect.stringMatching(/^https:/), tags: expect.arrayContaining(['business']) });
    expect(cocoa.title).not.toMatch(/\r/);
    expect(cocoa.keyPoints.join(' ')).not.toMatch(/\r/);
  });

  it('stays under the 100 KB HTML budget', () => {
    expect(Buffer.byteLength(result.preview.html)).toBeLessThan(100 * 1024);
  });

  it('leads with the seed article, summarized into 3 to 5 key points that open on the resumed talks', () => {
    const seed = result.digest.articles[0]!;
    expect(seed).toMatchObject({ title: 'China, US resume fentanyl talks in Beijing', source: 'Daily Tribune', date: '2024-01-30' });
    expect(seed.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(seed.keyPoints.length).toBeLessThanOrEqual(5);
    expect(seed.keyPoints[0]).toMatch(/China and the United States .*resumed talks.*fentanyl/);
  });

  it('attributes the seed quotes to John Kirby and Wang Xiaohong', () => {
    const quotes = result.digest.articles[0]!.quotes;
    expect(quotes).toContainEqual(
      expect.objectContaining({ text: expect.stringContaining('The goal here is to create concrete, measurable actions'), speaker: 'John Kirby' }),
    );
    expect(quotes).toContainEqual(expect.objectContaining({ text: expect.stringContaining('Our cooperation once again shows'), speaker: 'Wang Xiaohong' }));
  });

  it('never uses the title, a heading or a credit line as a key point', () => {
    for (const article of result.digest.articles) {
      for (const point of article.keyPoints) {
        expect(point).not.toBe(article.title);
        expect(point).not.toMatch(/Zero tolerance'?$|Photo courtesy|^By /);
        expect(point).toMatch(/[.!?]["”']?$/);
      }
    }
  });

  it('renders a complete email with preview values and no tokens left', () => {
    const { html, text } = result.preview;
    expect(html).toContain('<html lang="en"');
    expect(html).toMatch(/<meta name="color-scheme" content="light dark"/);
    expect(html).toContain('Hello Sam Reader,');
    expect(html).toContain('View in browser');
    // "View in browser" opens the issue's web edition on the published site, site/2024-W05/.
    const view = DomUtils.findOne((element) => element.name === 'a' && DomUtils.textContent(element) === 'View in browser', parseDocument(html).children, true)!;
    const viewUrl = new URL(view.attribs.href!);
    expect(`${viewUrl.origin}${viewUrl.pathname}`).toBe('https://example.com/digest/2024-W05/');
    expect(Object.fromEntries(viewUrl.searchParams)).toEqual(UTM);
    expect(html).toMatch(/href="https:\/\/example\.com\/unsubscribe\?token=/);
    expect(html).not.toContain('[[gz:');
    expect(text).not.toContain('[[gz:');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('says in its text part what its HTML says: the same links, sections, key points and bylines', () => {
    const { html, text } = result.preview;
    const flat = text.replace(/\s+/g, ' ');
    const document = parseDocument(html);
    const htmlLinks = new Set(DomUtils.findAll((element) => element.name === 'a', document.children).map((a) => a.attribs.href!).filter((href) => !href.startsWith('#')));
    const textLinks = new Set(text.match(/https?:\/\/\S+?(?=[\s\]]|$)/g));
    expect([...textLinks].sort()).toEqual([...htmlLinks].map((href) => href.replaceAll('&amp;', '&')).sort());
    for (const section of SECTIONS) expect(text).toContain(`\n${section}\n`);
    for (const article of result.digest.articles) {
      for (const point of article.keyPoints) expect(flat).toContain(point);
      if (article.author) expect(text).toContain(`By ${article.author}`);
    }
  });

  it('writes the text part from the issue itself: every story with its quotes, wrapped at 78 columns', () => {
    const { text } = result.preview;
    for (const article of result.digest.articles) {
      expect(text).toContain(article.title);
      for (const quote of article.quotes) expect(text.replace(/\s+/g, ' ')).toContain(quote.text);
    }
    expect(text).toContain('The goal here is to create concrete, measurable actions');
    expect(text).toMatch(/Unsubscribe:\nhttps:\/\/example\.com\/unsubscribe\?token=\S+\n/);
    expect(text).not.toMatch(/<[a-z]/i);
    // A line runs past 78 only when it is one word, a long link.
    expect(text.split('\n').filter((line) => line.length > 78 && /\s\S/.test(line.trim()))).toEqual([]);
  });

  it('writes an .eml that a mail parser reads back with both parts and the envelope headers', async () => {
    const parsed = await simpleParser(result.eml);
    expect(parsed.subject).toBe('The Weekly Gazette #5');
    expect(parsed.from?.text).toContain('digest@example.com');
    expect(parsed.to && 'text' in parsed.to ? parsed.to.text : '').toContain('reader@example.com');
    expect(parsed.messageId).toMatch(/^<2024-W05\..+@example\.com>$/);
    expect(parsed.date?.toISOString()).toBe(NOW.toISOString());
    expect(parsed.html).toContain('China, US resume fentanyl talks in Beijing');
    expect(parsed.text).toContain('China, US resume fentanyl talks in Beijing');
    expect(result.eml.toString('latin1')).toMatch(/Content-Type: multipart\/alternative/);
  });

  it('writes the .eml the send path makes: CRLF lines, list headers unfolded, the same body as email.html', async () => {
    const raw = result.eml.toString('utf8');
    expect(raw.replace(/\r\n/g, '')).not.toContain('\n');
    expect(raw).toMatch(/(^|\r\n)List-Unsubscribe: <https:\/\/example\.com\/unsubscribe\?token=[^>\s]+>, <mailto:unsubscribe@example\.com[^>]*>\r\n/);
    expect(raw).toContain('\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n');
    expect(raw).toMatch(/\r\nList-Id: The Weekly Gazette <weekly\.example\.com>\r\n/i);
    const parsed = await simpleParser(result.eml);
    expect(parsed.html).toBe(result.preview.html);
  });

  it('has the digest.json fields the issue specifies', async () => {
    const written = JSON.parse(await readFile(path.join(REPO, 'test', 'fixtures', 'digest-shape.json'), 'utf8')) as { article: string[]; issue: string[] };
    expect(Object.keys(result.digest.issue).sort()).toEqual([...written.issue].sort());
    for (const article of result.digest.articles) expect(Object.keys(article)).toEqual(expect.arrayContaining(written.article));
  });
});
