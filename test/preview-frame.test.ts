import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EVENT_WAIT, emailFrame, previewBrowser, sampleWorkspace } from './support/preview-page.js';
import { without } from './support/system-programs.js';

const chromium = previewBrowser();

async function open(viewport = { width: 1280, height: 800 }, query = ''): Promise<Page> {
  const preview = await chromium.open(await sampleWorkspace(), { viewport, query });
  return preview.page;
}

async function frameBox(page: Page) {
  const box = await page.locator('#frame-box').boundingBox();
  if (!box) throw new Error('the frame is not laid out');
  return box;
}

/** The frame's box lies inside the window, left and right edges included. */
async function expectFullyVisible(page: Page): Promise<void> {
  const box = await frameBox(page);
  const viewport = page.viewportSize();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport?.width ?? 0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport?.height ?? 0);
}

describe.skipIf(without('chromium'))('the email frame in Chromium', () => {
  it('opens at the design width, 600 px, beside the panel in a 1280 px window', async () => {
    const page = await open();
    expect((await frameBox(page)).width).toBe(600);
    expect(await page.textContent('#width-readout')).toBe('600 px');
    expect(await page.getAttribute('#widths button[data-width="600"]', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('body', 'data-layout')).toBe('side');
    await expectFullyVisible(page);
  });

  it('at a 1280 px window shows the 1024 px frame whole, the panel below it, and the email scrolls inside it', async () => {
    const page = await open();
    await page.click('#widths button[data-width="1024"]');
    await expect.poll(async () => (await frameBox(page)).width, EVENT_WAIT).toBe(1024);
    expect(await page.getAttribute('body', 'data-layout')).toBe('stacked');
    await expectFullyVisible(page);
    const email = emailFrame(page);
    expect(await email.evaluate('document.documentElement.clientWidth')).toBe(1024);
    expect(await email.evaluate('document.documentElement.scrollHeight > document.documentElement.clientHeight')).toBe(true);
    await email.evaluate('window.scrollTo(0, 700)');
    expect(await email.evaluate('window.scrollY')).toBe(700);
    // The panel is still there, below the email.
    const panel = await page.locator('.panel').boundingBox();
    expect(panel?.y).toBeGreaterThanOrEqual((await frameBox(page)).y + (await frameBox(page)).height);
  });

  it('sets each preset width exactly, and keeps every one in view', async () => {
    const page = await open();
    for (const width of [320, 375, 600, 768, 1024]) {
      await page.click(`#widths button[data-width="${width}"]`);
      await expect.poll(async () => (await frameBox(page)).width, EVENT_WAIT).toBe(width);
      expect(await emailFrame(page).evaluate('document.documentElement.clientWidth')).toBe(width);
      expect(await page.getAttribute(`#widths button[data-width="${width}"]`, 'aria-pressed')).toBe('true');
      expect(await page.locator('#widths button[aria-pressed="true"]').count()).toBe(1);
      await expectFullyVisible(page);
    }
    expect(new URL(page.url()).searchParams.get('width')).toBe('1024');
  });

  it('resizes by dragging the handle and with its arrow keys', async () => {
    const page = await open();
    const handle = await page.locator('#resize-handle').boundingBox();
    if (!handle) throw new Error('no handle');
    const [x, y] = [handle.x + handle.width / 2, handle.y + handle.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 20, y, { steps: 4 });
    await page.mouse.move(x + 50, y, { steps: 4 });
    await page.mouse.up();
    // The frame is centred: its right edge follows the pointer when it grows on both sides.
    await expect.poll(async () => (await frameBox(page)).width, EVENT_WAIT).toBe(700);
    expect(await page.textContent('#width-readout')).toBe('700 px');
    expect(await page.locator('#widths button[aria-pressed="true"]').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('width')).toBe('700');

    await page.focus('#resize-handle');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await frameBox(page)).width, EVENT_WAIT).toBe(690);
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(async () => (await frameBox(page)).width, EVENT_WAIT).toBe(740);
    expect(await page.getAttribute('#resize-handle', 'aria-valuenow')).toBe('740');
    await page.keyboard.press('Home');
    await expect.poll(async () => (await frameBox(page)).width, EVENT_WAIT).toBe(320);
    await page.keyboard.press('ArrowLeft');
    expect(await page.getAttribute('#resize-handle', 'aria-valuenow')).toBe('320');
  });

  it('fits the window by default in a 375 px window, and remembers a chosen width across reloads', async () => {
    const page = await open({ width: 375, height: 800 });
    await expectFullyVisible(page);
    expect((await frameBox(page)).width).toBeLessThanOrEqual(375);
    expect(await emailFrame(page).evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);

    await page.click('#widths button[data-width="320"]');
    await page.reload();
    await page.waitForSelector('#email[data-ready="true"]');
    expect((await frameBox(page)).width).toBe(320);
  });
});

describe.skipIf(without('chromium'))('the Text tab in Chromium', () => {
  it('shows the text part exactly as sent: its own line breaks only, 78 columns whole, sideways scroll for longer lines', async () => {
    const page = await open();
    const state = (await (await page.request.get(new URL('/api/state', page.url()).href)).json()) as { outcome: { snapshot: { text: string } } };
    const text = state.outcome.snapshot.text;
    await page.click('#tab-text');
    expect(await page.textContent('#source-text')).toBe(text);

    const m = (await page.evaluate(`(() => {
      const pre = document.getElementById('source-text');
      const node = pre.firstChild;
      const lines = node.data.split('\\n');
      const longest = lines.reduce((a, b) => (b.length > a.length ? b : a));
      const start = node.data.indexOf(longest);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + longest.length);
      const probe = document.createElement('span');
      probe.textContent = '0'.repeat(100);
      pre.append(probe);
      const char = probe.getBoundingClientRect().width / 100;
      probe.remove();
      const style = getComputedStyle(pre);
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      return {
        lines: lines.length - (node.data.endsWith('\\n') ? 1 : 0),
        longest: longest.length,
        boxes: range.getClientRects().length,
        width: range.getBoundingClientRect().width,
        char,
        lineHeight: parseFloat(style.lineHeight),
        contentHeight: pre.scrollHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom),
        room: pre.clientWidth - padding,
        scrollWidth: pre.scrollWidth,
        clientWidth: pre.clientWidth,
        whiteSpace: style.whiteSpace,
      };
    })()`)) as { lines: number; longest: number; boxes: number; width: number; char: number; lineHeight: number; contentHeight: number; room: number; scrollWidth: number; clientWidth: number; whiteSpace: string };
    expect(m.whiteSpace).toBe('pre');
    expect(m.longest).toBeGreaterThan(78);
    // Not wrapped: the longest line is one line box, as wide as its characters.
    expect(m.boxes).toBe(1);
    expect(m.width).toBeCloseTo(m.longest * m.char, 0);
    // One line box per line of the text part, none added by wrapping.
    expect(Math.round(m.contentHeight / m.lineHeight)).toBe(m.lines);
    // 78 columns fit whole beside the email at 1280 px; longer lines scroll sideways.
    expect(m.room).toBeGreaterThanOrEqual(78 * m.char);
    expect(m.scrollWidth).toBeGreaterThan(m.clientWidth);
    expect(await page.getAttribute('body', 'data-layout')).toBe('side');
    expect(await page.textContent('#text-label')).toBe(`Plain-text part, as sent: ${m.lines + (text.endsWith('\n') ? 1 : 0)} lines, the longest ${m.longest} columns`);
  });
});
