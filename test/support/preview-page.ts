import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startPreviewServer, type PreviewServer } from '../../src/preview/server.js';

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
