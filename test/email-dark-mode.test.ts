import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/browser.js';
import { openEmail, sampleIssue } from './support/sample-email.js';
import { without } from './support/system-programs.js';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface ContrastViolation {
  target: string;
  summary: string;
}

/** How the email is shown: a client following the system's scheme, or Outlook.com's own dark mode. */
type Scheme = 'light' | 'dark' | 'outlook.com dark';

/**
 * Opens the email in a scheme. Outlook.com ignores prefers-color-scheme; in dark mode it marks
 * what it recolours with data-ogsc (text) and data-ogsb (backgrounds), its own containers around
 * the message among them: here the root element stands for those.
 */
async function openIn(browser: Browser, html: string, scheme: Scheme) {
  const { page } = await openEmail(browser, html, { width: 600, height: 900, colorScheme: scheme === 'dark' ? 'dark' : 'light' });
  if (scheme === 'outlook.com dark') await page.evaluate(`document.documentElement.setAttribute('data-ogsc', ''); document.documentElement.setAttribute('data-ogsb', '')`);
  return page;
}

/** axe-core's color-contrast rule (WCAG AA, 4.5:1 for text) over the whole email in one colour scheme. */
async function contrastViolations(browser: Browser, html: string, scheme: Scheme): Promise<ContrastViolation[]> {
  const page = await openIn(browser, html, scheme);
  try {
    await page.addScriptTag({ path: AXE_SCRIPT });
    return await page.evaluate(`axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'] }).then((results) =>
      results.violations.flatMap((violation) => violation.nodes.map((node) => ({ target: String(node.target.at(-1)), summary: node.any[0]?.message ?? '' }))))`);
  } finally {
    await page.close();
  }
}

/** The button's text and background as computed, in one colour scheme. */
async function buttonColours(browser: Browser, html: string, scheme: Scheme): Promise<string[]> {
  const page = await openIn(browser, html, scheme);
  try {
    return await page.evaluate(`(() => { const link = document.querySelector('.button a'); const style = getComputedStyle(link); return [style.color, style.backgroundColor]; })()`);
  } finally {
    await page.close();
  }
}

describe.skipIf(without('chromium'))('the email\'s colours', () => {
  let browser: Browser;
  let html: string;
  beforeAll(async () => {
    html = (await sampleIssue()).preview.html;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['light', 'dark', 'outlook.com dark'] as const)('give every text and background pair at least 4.5:1 in %s mode (axe color-contrast)', async (colorScheme) => {
    expect(await contrastViolations(browser, html, colorScheme)).toEqual([]);
  });

  it('turn the button to dark text on the light accent in dark mode, where the accent text on red read at 3.16:1', async () => {
    expect(await buttonColours(browser, html, 'light')).toEqual(['rgb(255, 255, 255)', 'rgb(166, 61, 42)']);
    expect(await buttonColours(browser, html, 'dark')).toEqual(['rgb(26, 26, 26)', 'rgb(243, 164, 143)']);
  });

  it('give Outlook.com, which recolours by itself, the same dark palette through its data-ogsc and data-ogsb marks', async () => {
    expect(await buttonColours(browser, html, 'outlook.com dark')).toEqual(await buttonColours(browser, html, 'dark'));
  });
});
