import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/browser.js';
import { openEmail, sampleIssue } from './support/sample-email.js';
import { without } from './support/system-programs.js';

/** An iPhone 13 mini / X class screen in CSS pixels: the first screen a phone reader sees. */
const PHONE = { width: 375, height: 812 };

interface Box {
  text: string;
  top: number;
  bottom: number;
  left: number;
  width: number;
  lines: number;
}

/** Where the elements a selector matches sit, and on how many lines each one's text falls. */
function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((element) => {
    const rect = element.getBoundingClientRect();
    const lines = new Set([...element.getClientRects()].map((line) => Math.round(line.top))).size;
    return { text: element.textContent.trim(), top: rect.top, bottom: rect.bottom, left: rect.left, width: rect.width, lines };
  })`);
}

describe.skipIf(without('chromium'))('the email on a 375 × 812 phone', () => {
  let browser: Browser;
  let page: Page;
  let leadSlug: string;
  beforeAll(async () => {
    const issue = await sampleIssue();
    leadSlug = issue.digest.articles.find((article) => article.featured)!.slug;
    browser = await launchChromium();
    ({ page } = await openEmail(browser, issue.preview.html, { ...PHONE, colorScheme: 'light' }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the lead headline, its first line whole, on the first screen, below the masthead, greeting, intro and contents', async () => {
    const [headline] = await boxes(page, `h2[id="${leadSlug}"]`);
    const firstLine = await page.evaluate(`parseFloat(getComputedStyle(document.getElementById(${JSON.stringify(leadSlug)})).lineHeight)`);
    expect(headline!.top + Number(firstLine)).toBeLessThanOrEqual(PHONE.height);
    const [contents] = await boxes(page, 'ol.toc');
    expect(contents!.bottom).toBeLessThan(headline!.top);
  });

  it('never breaks a date, a source or a reading time across lines ("2 / MIN READ")', async () => {
    const units = await boxes(page, '.unit');
    expect(units.length).toBeGreaterThan(20);
    expect(units.filter((unit) => unit.lines !== 1)).toEqual([]);
    expect(units.map((unit) => unit.text)).toContain('2 min read');
  });

  it('reads the header and the footer as one column: every line of each starts at the same left edge, full width', async () => {
    for (const selector of ['.masthead td.muted, .masthead td.masthead-name', '.footer td.muted']) {
      const parts = await boxes(page, selector);
      expect(parts.length, selector).toBeGreaterThanOrEqual(3);
      expect(new Set(parts.map((part) => Math.round(part.left))).size, selector).toBe(1);
      expect(new Set(parts.map((part) => Math.round(part.width))).size, selector).toBe(1);
    }
  });

  it('fits its width: nothing wider than the screen', async () => {
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
  });
});
