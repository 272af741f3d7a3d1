import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_WAIT, previewBrowser, sampleWorkspace, SEED, SEED_TITLE } from './support/preview-page.js';
import { without } from './support/system-programs.js';

const chromium = previewBrowser();

describe.skipIf(without('chromium'))('the preview page console in Chromium', () => {
  it('stays free of errors through a load, a live rebuild, every tab and width, a resize and two reloads', async () => {
    const root = await sampleWorkspace();
    const { page, errors } = await chromium.open(root);
    const seed = path.join(root, SEED);
    await writeFile(seed, (await readFile(seed, 'utf8')).replace(`title: ${SEED_TITLE}`, 'title: China and the US reopen fentanyl talks'));
    await page.waitForSelector('body[data-version="1"]', { state: 'attached', ...EVENT_WAIT });
    await page.waitForSelector(`.frame-box iframe[data-version="1"]`, { state: 'attached', ...EVENT_WAIT });
    await page.waitForSelector('#status[data-state="live"]', EVENT_WAIT);
    // The email swapped in place keeps its inline styles (a policy that refused them would blank them).
    const email = page.frames().find((frame) => frame.url().includes('/email.html'));
    expect(await email?.evaluate("document.querySelector('[style*=\"max-width\"]').style.maxWidth")).toMatch(/^\d+px$/);
    expect(await email?.locator('body').innerText()).toContain('China and the US reopen fentanyl talks');

    for (const tab of ['text', 'html', 'mjml', 'headers', 'web', 'checks']) {
      await page.click(`#tab-${tab}`);
      expect(await page.isVisible(`#panel-${tab}`)).toBe(true);
    }
    for (const width of [320, 375, 600, 768, 1024]) await page.click(`#widths button[data-width="${width}"]`);
    await page.click('#schemes button[data-scheme="dark"]');
    await page.focus('#resize-handle');
    await page.keyboard.press('ArrowLeft');
    await page.setViewportSize({ width: 900, height: 700 });

    for (let reload = 0; reload < 2; reload++) {
      await page.reload();
      await page.waitForSelector('#email[data-ready="true"]');
      await page.waitForSelector('#status[data-state="live"]', EVENT_WAIT);
    }
    expect(errors).toEqual([]);
  });
});
