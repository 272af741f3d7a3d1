import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDigest, type BuildResult } from '../src/build.js';
import { REPO } from './support/workspace.js';

/** The sample workspace that ships with the repository, seed article included. */
describe('the sample issue', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildDigest({ root: REPO, now: () => new Date('2024-02-02T08:00:00Z') });
  });

  it('covers the week of the seed article', () => {
    expect(result.digest.issue).toMatchObject({ slug: '2024-W05', from: '2024-01-29', to: '2024-02-04', number: 5 });
    expect(result.digest.articles).toHaveLength(5);
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
    expect(html).toMatch(/href="https:\/\/example\.com\/unsubscribe\?token=/);
    expect(html).not.toContain('{{');
    expect(text).not.toContain('{{');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('makes the text part from the HTML, keeping links as text', () => {
    const { text } = result.preview;
    expect(text).toContain('China, US resume fentanyl talks in Beijing');
    expect(text).toContain('The goal here is to create concrete, measurable actions');
    expect(text).toMatch(/Unsubscribe \[https:\/\/example\.com\/unsubscribe\?token=[^\]]+\]/);
    expect(text).not.toMatch(/<[a-z]/i);
  });

  it('writes an .eml that a mail parser reads back with both parts and the envelope headers', async () => {
    const parsed = await simpleParser(result.eml);
    expect(parsed.subject).toBe('The Weekly Gazette #5');
    expect(parsed.from?.text).toContain('digest@example.com');
    expect(parsed.to && 'text' in parsed.to ? parsed.to.text : '').toContain('reader@example.com');
    expect(parsed.messageId).toMatch(/^<2024-W05\..+@example\.com>$/);
    expect(parsed.date?.toISOString()).toBe('2024-02-02T08:00:00.000Z');
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
