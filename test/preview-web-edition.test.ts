import { request } from 'node:http';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gazette } from './support/cli.js';
import { EVENT_WAIT, previewBrowser, sampleWorkspace, SEED_TITLE } from './support/preview-page.js';
import { without } from './support/system-programs.js';

const chromium = previewBrowser();

/** A GET sent exactly as written: fetch() would normalise `..` away before sending. */
function rawGet(url: string, requestPath: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    request({ host: hostname, port, path: requestPath }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe.skipIf(without('chromium'))('the web edition tab in Chromium', () => {
  it('explains how to publish the web edition, then opens the page gazette build published', async () => {
    const root = await sampleWorkspace();
    const preview = await chromium.open(root);
    const { page } = preview;

    await page.click('#tab-web');
    expect(await page.isVisible('#panel-web')).toBe(true);
    expect(await page.textContent('#web-summary')).toBe('The site has no page for 2024-W05 yet (site/2024-W05/index.html).');
    expect(await page.textContent('#web-hint')).toContain('gazette build --week 2024-W05');
    expect(await page.isVisible('#web-link')).toBe(false);

    expect((await gazette(['build', '--week', '2024-W05'], root)).code).toBe(0);
    await page.evaluate("document.dispatchEvent(new Event('visibilitychange'))");
    await page.waitForSelector('#web-link:not([hidden])', EVENT_WAIT);
    expect(await page.getAttribute('#web-link', 'href')).toBe('/site/2024-W05/index.html');
    expect(await page.textContent('#web-summary')).toMatch(/^The web edition of 2024-W05 is site\/2024-W05\/index\.html, published /);

    const tab = page.context().waitForEvent('page', EVENT_WAIT);
    await page.click('#web-link');
    const web: Page = await tab;
    await web.waitForLoadState();
    expect(new URL(web.url()).pathname).toBe('/site/2024-W05/index.html');
    expect(await web.locator('body').innerText()).toContain(SEED_TITLE);
    // The web edition's own links (the archive) resolve inside the served site.
    expect((await page.request.get(new URL('/site/index.html', page.url()).href)).status()).toBe(200);
    await web.close();
  });

  it('serves the site folder only, never a file above it nor a private one', async () => {
    const root = await sampleWorkspace();
    const preview = await chromium.open(root);
    const { url } = preview.server;
    expect((await gazette(['build', '--week', '2024-W05'], root)).code).toBe(0);
    expect(await rawGet(url, '/site/2024-W05/index.html')).toBe(200);
    expect(await rawGet(url, '/site/../gazette.config.json')).toBe(404);
    expect(await rawGet(url, '/site/..%2fgazette.config.json')).toBe(404);
    expect(await rawGet(url, '/site/%2e%2e/articles/2024-01-30-china-us-resume-fentanyl-talks.md')).toBe(404);
    expect(await rawGet(url, '/site/.lock')).toBe(404);
  });
});
