import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium } from '../../src/browser.js';
import { startPreviewServer, type PreviewServer } from '../../src/preview/server.js';
import { without } from './system-programs.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
export const SEED = 'articles/2024-01-30-china-us-resume-fentanyl-talks.md';
export const SEED_TITLE = 'China, US resume fentanyl talks in Beijing';
/** Generous: a rebuild takes a fraction of a second, but CI machines stall. */
export const EVENT_WAIT = { timeout: 10_000, interval: 50 };

/** A copy of the sample workspace that a test may edit, with `config` merged into its config. */
export async function sampleWorkspace(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gazette-preview-'));
  for (const name of ['templates', 'articles', 'gazette.config.json']) await cp(path.join(REPO, name), path.join(dir, name), { recursive: true });
  return dir;
}

export interface OpenedPreview {
  server: PreviewServer;
  page: Page;
  /** Every console error and uncaught exception of the page since it opened. */
  errors: string[];
}

/**
 * Starts a preview of `root` and opens it in a new page. This machine has no network: the
 * email's remote images are answered here with an empty reply, so a failed lookup is not
 * counted as the page's own error.
 */
export async function openPreview(
  browser: Browser,
  root: string,
  options: { query?: string; viewport?: { width: number; height: number } } = {},
): Promise<OpenedPreview> {
  const server = await startPreviewServer({ root, port: 0 });
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 800 }, colorScheme: 'light' });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.context().route((url) => !url.href.startsWith(server.url), (route) => route.fulfill({ status: 204 }));
  await page.goto(`${server.url}${options.query ?? ''}`);
  await page.waitForSelector('#email[data-ready="true"]');
  return { server, page, errors };
}

/** The frame showing the email: the same frame across updates, as the page swaps its content in place. */
export function emailFrame(page: Page): Frame {
  const frame = page.frames().find((candidate) => candidate.url().includes('/email.html'));
  if (!frame) throw new Error('the email frame has not loaded');
  return frame;
}

export interface PreviewBrowser {
  /** Opens a preview of `root`; it is closed after the test that opened it. */
  open(root: string, options?: { query?: string; viewport?: { width: number; height: number } }): Promise<OpenedPreview>;
}

/**
 * One Chromium for a test file, launched before its tests (unless this machine has none, when
 * the file's `describe.skipIf(without('chromium'))` skips them) and closed after them; every
 * preview a test opens is closed after that test, passed or failed.
 */
export function previewBrowser(): PreviewBrowser {
  let browser: Browser | undefined;
  const opened: OpenedPreview[] = [];
  beforeAll(async () => {
    if (without('chromium')) return;
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const { server, page } of opened.splice(0)) {
      await page.close();
      await server.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(root, options) {
      if (!browser) throw new Error('Chromium was not launched: guard the tests with without("chromium")');
      const preview = await openPreview(browser, root, options);
      opened.push(preview);
      return preview;
    },
  };
}
