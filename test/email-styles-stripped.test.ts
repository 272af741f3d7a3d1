import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/browser.js';
import { openEmail, sampleIssue } from './support/sample-email.js';
import { without } from './support/system-programs.js';

/** What a reader sees of each kind of text: the properties a client that strips <style> would lose first. */
const LOOK = {
  headline: { selector: 'h2', properties: ['font-family', 'font-size', 'font-weight', 'line-height', 'color', 'margin-bottom'] },
  'headline link': { selector: 'h2 a', properties: ['color', 'text-decoration-line'] },
  masthead: { selector: '.masthead-name div', properties: ['font-family', 'font-size', 'color'] },
  'body text': { selector: 'ul.points li', properties: ['font-family', 'font-size', 'line-height', 'color', 'margin-bottom', 'padding-left'] },
  'key point list': { selector: 'ul.points', properties: ['margin-top', 'margin-bottom', 'padding-left'] },
  'contents list': { selector: 'ol.toc li', properties: ['font-family', 'font-size', 'margin-bottom'] },
  'contents link': { selector: 'ol.toc a', properties: ['color', 'text-decoration-line'] },
  'intro link': { selector: '.intro a', properties: ['color'] },
  label: { selector: '.label div', properties: ['font-family', 'font-size', 'letter-spacing', 'text-transform', 'color'] },
  'meta unit': { selector: '.kicker .unit', properties: ['white-space'] },
  quote: { selector: 'p.quote-text', properties: ['font-family', 'font-size', 'font-style', 'color'] },
  footer: { selector: '.footer .muted div', properties: ['font-family', 'font-size', 'color'] },
} as const;

/** The computed look of every element each selector matches, read in the page. */
function readLook(page: Page): Promise<Record<string, string[][]>> {
  return page.evaluate(`(() => {
    const look = ${JSON.stringify(LOOK)};
    return Object.fromEntries(Object.entries(look).map(([name, { selector, properties }]) => [
      name,
      [...document.querySelectorAll(selector)].map((element) => properties.map((property) => getComputedStyle(element).getPropertyValue(property))),
    ]));
  })()`);
}

describe.skipIf(without('chromium'))('the email with every <style> block stripped, as some webmail and the Gmail app for other accounts show it', () => {
  let browser: Browser;
  let styled: Record<string, string[][]>;
  let stripped: Record<string, string[][]>;
  let styleBlocks: number;
  beforeAll(async () => {
    const { preview } = await sampleIssue();
    browser = await launchChromium();
    // 600 px: the desktop layout, where no phone media query applies either way.
    const { page } = await openEmail(browser, preview.html, { width: 600, height: 900, colorScheme: 'light' });
    styled = await readLook(page);
    styleBlocks = await page.evaluate('(() => { const blocks = document.querySelectorAll("style"); blocks.forEach((block) => block.remove()); return blocks.length; })()');
    stripped = await readLook(page);
    await page.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('had <style> blocks to strip, and every kind of text to compare', () => {
    expect(styleBlocks).toBeGreaterThan(0);
    for (const [name, elements] of Object.entries(styled)) expect(elements.length, name).toBeGreaterThan(0);
  });

  it.each(Object.keys(LOOK))('keeps the %s as styled', (name) => {
    expect(stripped[name]).toEqual(styled[name]);
  });

  it('looks designed, not like browser defaults: serif headlines, sans-serif body, accent links, spaced key points', () => {
    const [headline] = styled.headline!;
    expect(headline![0]).toMatch(/^Georgia/);
    expect(headline![1]).toBe('30px');
    const [point] = styled['body text']!;
    expect(point![0]).toMatch(/^-apple-system/);
    expect(point![1]).toBe('16px');
    expect(point![4]).toBe('12px');
    expect(styled['intro link']![0]![0]).toBe('rgb(166, 61, 42)');
    expect(styled.label![0]![3]).toBe('uppercase');
    expect(styled['meta unit']!.every(([whiteSpace]) => whiteSpace === 'nowrap')).toBe(true);
  });
});
