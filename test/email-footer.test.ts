import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/browser.js';
import { buildDigest } from '../src/build.js';
import { sinksStoppedAfterEach } from './support/smtp-server.js';
import { builtWorkspace, gazette, sendingConfig, writeList } from './support/smtp-workspace.js';
import { openEmail, sampleIssue } from './support/sample-email.js';
import { without } from './support/system-programs.js';

const NOW = () => new Date('2024-02-05T08:00:00Z');
const sink = sinksStoppedAfterEach();

describe('the footer and header', () => {
  it('say who sends it and where from, why the reader gets it, how to leave, and how a forwarded copy\'s reader can join', async () => {
    const root = await builtWorkspace(sendingConfig({ address: 'Test Weekly\n1 Quay Street\nTestport TP1 2AB', logo: { src: 'logo.png', alt: 'Test Weekly' } }));
    const { preview } = await buildDigest({ root, week: '2024-W05', now: NOW });
    expect(preview.html).toContain('Test Weekly<br>1 Quay Street<br>Testport TP1 2AB');
    expect(preview.text).toMatch(/Test Weekly\n1 Quay Street\nTestport TP1 2AB/);
    expect(preview.text).toMatch(/You receive Test Weekly because you subscribed to it as\s+reader@example\.com\./);
    expect(preview.html).toMatch(/<a href="https:\/\/example\.com\/unsubscribe\?token=[^"]+"[^>]*>Unsubscribe<\/a>/);
    expect(preview.html).toMatch(/Was this forwarded to you\? <a href="https:\/\/example\.com\/subscribe"[^>]*>Subscribe<\/a>/);
    // The logo's path is resolved against base_url: a mail client has no base of its own.
    expect(preview.html).toMatch(/<img alt="Test Weekly"[^>]* src="https:\/\/example\.com\/news\/logo\.png"/);
  });

  it('send refuses a list (and its dry run) without the postal address, naming the config field; a test copy still goes', async () => {
    const root = await builtWorkspace(sendingConfig({ address: null }));
    await writeList(root, ['ann@example.com']);
    const server = await sink();
    const send = await gazette(['send', '--list', 'list.csv', '--smtp', server.url], root);
    expect(send.code).toBe(1);
    expect(send.stderr).toMatch(/^gazette\.config\.json error address: .*postal address.*\(send\/no-address\)$/m);
    const dryRun = await gazette(['send', '--list', 'list.csv', '--dry-run', 'outbox'], root);
    expect(dryRun.stderr).toContain('(send/no-address)');
    const test = await gazette(['send', '--test', 'editor@example.com', '--smtp', server.url], root);
    expect(test.code).toBe(0);
    expect((await server.accepted()).map((line) => line.to)).toEqual([['editor@example.com']]);
  });

  it('fills in the address of the sample workspace', async () => {
    const { preview, config } = await sampleIssue();
    expect(config.address).toBeTruthy();
    expect(preview.html).toContain(config.address!);
  });
});

describe.skipIf(without('chromium'))('the email\'s requests', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks for nothing but the articles\' own images: no web font, no stylesheet, no tracker', async () => {
    const { preview, digest } = await sampleIssue();
    expect(preview.html).not.toContain('fonts.googleapis');
    expect(preview.html).not.toMatch(/@import|<link\b/i);
    const { page, requests } = await openEmail(browser, preview.html, { width: 600, height: 900, colorScheme: 'light' });
    await page.close();
    const images = digest.articles.flatMap((article) => (article.image ? [article.image] : []));
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !images.includes(url))).toEqual([]);
  });
});
