import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EVENT_WAIT, emailFrame, previewBrowser, sampleWorkspace, SEED, SEED_TITLE } from './support/preview-page.js';
import { startSink } from './support/smtp-server.js';
import { without } from './support/system-programs.js';

const chromium = previewBrowser();

/** A wide window: the page shows the email beside its panels. */
async function openPreview(root: string, query = '', viewport = { width: 1400, height: 900 }) {
  return chromium.open(root, { query, viewport });
}

/** The visible text of the email. */
function frameText(page: Page): Promise<string> {
  return emailFrame(page).locator('body').innerText();
}

/** Runs an expression in the email's window (a string: the project's types have no DOM). */
async function inEmail<T>(page: Page, expression: string): Promise<T> {
  return (await emailFrame(page).evaluate(expression)) as T;
}

describe.skipIf(without('chromium'))('preview page in Chromium', () => {
  it("loads and shows the seed article's title, the subject and the checks", async () => {
    const { page } = await openPreview(await sampleWorkspace());
    expect(await frameText(page)).toContain(SEED_TITLE);
    expect(await page.textContent('#inbox-subject')).toBe('The Weekly Gazette #5');
    expect(await page.textContent('#size-caption')).toMatch(/^\d+(\.\d)? KB of 102 KB \(\d+%\)$/);
    expect(await page.textContent('#size-note')).toContain('Gmail clips messages over 102 KB');
    expect(Number(await page.getAttribute('#size-meter', 'aria-valuemax'))).toBe(102 * 1024);
    expect(await page.textContent('#article-list')).toContain(SEED_TITLE);
    expect(await page.inputValue('#week')).toBe('2024-W05');

    await page.click('#tab-text');
    expect(await page.isVisible('#source-text')).toBe(true);
    expect(await page.textContent('#source-text')).toContain(SEED_TITLE);
    await page.click('#tab-mjml');
    expect(await page.textContent('#source-mjml')).toContain('<mjml');
    await page.click('#tab-html');
    expect(await page.textContent('#source-html')).toContain('<!doctype html>');
    await page.click('#tab-headers');
    expect(await page.textContent('#headers')).toMatch(/Subject\s*The Weekly Gazette #5/);
  });

  it('at 375 px the email does not scroll sideways and its columns stack', async () => {
    const root = await sampleWorkspace();
    // The sample's header and footer are one column (issue 10): a two-column row is added to watch columns stack.
    await appendFile(path.join(root, 'templates', 'partials', 'footer.mjml'), '\n<mj-section><mj-column><mj-text>Left</mj-text></mj-column><mj-column><mj-text>Right</mj-text></mj-column></mj-section>\n');
    const { page } = await openPreview(root);
    /** The first two mj-column blocks of the first section that has two, and the email's widths. */
    const columnBoxes = async () => {
      const row = emailFrame(page).locator('td:has(> div[class*="mj-column-per-"] + div[class*="mj-column-per-"])').first();
      const columns = row.locator('> div[class*="mj-column-per-"]');
      const [first, second] = await Promise.all([columns.nth(0).boundingBox(), columns.nth(1).boundingBox()]);
      if (!first || !second) throw new Error('the columns are not laid out');
      return {
        first,
        second,
        scrollWidth: await inEmail<number>(page, 'document.documentElement.scrollWidth'),
        frameWidth: await inEmail<number>(page, 'document.documentElement.clientWidth'),
      };
    };

    await page.click('#widths button[data-width="1024"]');
    await expect.poll(async () => (await columnBoxes()).frameWidth, EVENT_WAIT).toBeGreaterThanOrEqual(1024);
    const wide = await columnBoxes();
    expect(wide.second.y).toBeLessThan(wide.first.y + wide.first.height);
    expect(wide.second.x).toBeGreaterThan(wide.first.x);

    await page.click('#widths button[data-width="375"]');
    await expect.poll(async () => (await columnBoxes()).frameWidth, EVENT_WAIT).toBe(375);
    const narrow = await columnBoxes();
    expect(narrow.scrollWidth).toBeLessThanOrEqual(375);
    expect(narrow.second.y).toBeGreaterThanOrEqual(narrow.first.y + narrow.first.height);
    expect(narrow.second.x).toBe(narrow.first.x);
  });

  it('updates the open page when an article changes, keeping the width and the scroll position', async () => {
    const root = await sampleWorkspace();
    const { page } = await openPreview(root);
    await page.click('#widths button[data-width="768"]');
    await page.evaluate('window.notReloaded = true');
    await inEmail(page, 'window.scrollTo(0, 600)');

    const seed = path.join(root, SEED);
    await writeFile(seed, (await readFile(seed, 'utf8')).replace(`title: ${SEED_TITLE}`, 'title: China and the US reopen fentanyl talks'));

    await expect.poll(() => frameText(page), EVENT_WAIT).toContain('China and the US reopen fentanyl talks');
    expect(await frameText(page)).not.toContain(SEED_TITLE);
    expect(await page.evaluate('window.notReloaded')).toBe(true);
    expect(await inEmail(page, 'window.scrollY')).toBe(600);
    expect((await page.locator('#frame-box').boundingBox())?.width).toBe(768);
    expect(await page.getAttribute('#widths button[data-width="768"]', 'aria-pressed')).toBe('true');
    expect(await page.textContent('#article-list')).toContain('China and the US reopen fentanyl talks');
  });

  it('shows a broken front matter in the page with file and line, and recovers once it is fixed', async () => {
    const root = await sampleWorkspace();
    const { page } = await openPreview(root);
    const seed = path.join(root, SEED);
    const original = await readFile(seed, 'utf8');

    await writeFile(seed, original.replace('date: 2024-01-30', 'date: [2024-01-30'));
    await page.waitForSelector('#build-errors:not([hidden])', EVENT_WAIT);
    const shown = await page.textContent('#build-errors');
    expect(shown).toContain(`${SEED}:4`);
    expect(shown).toContain('invalid YAML');
    expect(await page.getAttribute('#status', 'data-state')).toBe('error');
    // The last good email stays in view while the error is fixed.
    expect(await frameText(page)).toContain(SEED_TITLE);

    await writeFile(seed, original);
    await page.waitForSelector('#build-errors', { state: 'hidden', ...EVENT_WAIT });
    // A watcher may report the write twice, so a second rebuild can still be running: wait for it.
    await page.waitForSelector('#status[data-state="live"]', EVENT_WAIT);
    expect(await frameText(page)).toContain(SEED_TITLE);
  });

  it("dark-mode emulation applies the email's dark colours inside the frame", async () => {
    const { page } = await openPreview(await sampleWorkspace());
    const colours = () =>
      inEmail<{ page: string; headline: string }>(
        page,
        "({ page: getComputedStyle(document.body).backgroundColor, headline: getComputedStyle(document.querySelector('.headline h2')).color })",
      );
    const light = await colours();
    expect(light).toEqual({ page: 'rgb(243, 239, 230)', headline: 'rgb(26, 26, 26)' });

    await page.click('#schemes button[data-scheme="dark"]');
    await expect.poll(colours, EVENT_WAIT).toEqual({ page: 'rgb(19, 19, 19)', headline: 'rgb(244, 241, 236)' });

    await page.click('#schemes button[data-scheme="light"]');
    await expect.poll(colours, EVENT_WAIT).toEqual(light);
    // The toggle, not the editor's own system setting, decides.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await colours()).toEqual(light);
  });

  it('scrolls the email to a story from its contents list, and opens an article link in a new tab', async () => {
    const { page } = await openPreview(await sampleWorkspace());
    const frame = emailFrame(page);
    const before = frame.url();
    await frame.locator('.toc a').nth(8).click();
    await expect.poll(() => inEmail<number>(page, 'window.scrollY'), EVENT_WAIT).toBeGreaterThan(1000);
    expect(emailFrame(page).url()).toBe(before);

    // The article's site is answered here: this machine has no network, and the URL is what is checked.
    await page.context().route('https://dailytribune.example.com/**', (route) => route.fulfill({ body: 'the article' }));
    const opened = page.context().waitForEvent('page', EVENT_WAIT);
    await frame.locator('.headline a').first().click();
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toMatch(/^https:\/\/dailytribune\.example\.com\/2024\/01\/30\/china-us-fentanyl-talks\?utm_source=gazette/);
    expect(emailFrame(page).url()).toBe(before);
    await tab.close();
  });

  it('switches between weeks that have articles', async () => {
    const root = await sampleWorkspace();
    await writeFile(path.join(root, 'articles', '2024-02-14-harbour.md'), '---\ntitle: "The harbour reopens"\ndate: 2024-02-14\n---\n\nThe harbour reopened on Wednesday. Ferries ran all day. Traders welcomed it.\n');
    const { page } = await openPreview(root, '?week=2024-W05');
    const weeks = await Promise.all((await page.locator('#week option').all()).map((option) => option.getAttribute('value')));
    expect(weeks).toEqual(['2024-W07', '2024-W05']);
    expect(await frameText(page)).toContain(SEED_TITLE);

    await page.selectOption('#week', '2024-W07');
    await expect.poll(() => frameText(page), EVENT_WAIT).toContain('The harbour reopens');
    expect(await frameText(page)).not.toContain(SEED_TITLE);
    expect(new URL(page.url()).searchParams.get('week')).toBe('2024-W07');
  });

  it('sends a test copy of the shown build through the configured SMTP server', async () => {
    const root = await sampleWorkspace();
    const sink = await startSink({ saveMessages: true });
    try {
      const configFile = path.join(root, 'gazette.config.json');
      const config = JSON.parse(await readFile(configFile, 'utf8')) as { unsubscribe: Record<string, unknown> };
      await writeFile(configFile, JSON.stringify({ ...config, smtp: sink.url, unsubscribe: { ...config.unsubscribe, secret: 'a-test-secret-of-some-length' } }));
      const { page } = await openPreview(root);

      await page.fill('#send-test-to', 'editor@example.com');
      await page.click('#send-test-button');
      await page.waitForSelector('#send-test-result .sent', EVENT_WAIT);
      expect(await page.textContent('#send-test-result')).toMatch(/^Sent to editor@example\.com through .*: 250/);

      const [message] = await sink.messages();
      expect(message?.subject).toBe('[TEST] The Weekly Gazette #5');
      expect(message?.html).toContain(SEED_TITLE);
      expect(message?.to && 'text' in message.to ? message.to.text : '').toContain('editor@example.com');
    } finally {
      await sink.stop();
    }
  });

  it('shows why a test cannot be sent', async () => {
    const { page } = await openPreview(await sampleWorkspace());
    await page.fill('#send-test-to', 'editor@example.com');
    await page.click('#send-test-button');
    await page.waitForSelector('#send-test-result .diagnostic', EVENT_WAIT);
    expect(await page.textContent('#send-test-result')).toMatch(/secret|SMTP/i);
  });
});
