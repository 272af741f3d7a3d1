import { describe, expect, it } from 'vitest';
import { buildDigest } from '../src/build.js';
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
});
