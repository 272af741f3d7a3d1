/**
 * Takes the screenshots in docs/: the sample issue's email at 1024 and 375 px, and the preview
 * page at 1024, 1280 and 375 px (at 1280 also with the 1024 px frame and with the Text tab), in
 * Debian's Chromium. The workspace is copied first so the shots
 * never depend on local edits to out/, and the clock is fixed so they only change when
 * the look does.
 * Usage (from the repository root): npm run build && node dist/scripts/screenshots.js
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../src/browser.js';
import { startPreviewServer } from '../src/preview/server.js';

const REPO = process.cwd();
const DOCS = path.join(REPO, 'docs');
const SAMPLE = ['templates', 'articles', 'gazette.config.json'];
/** The seed week's Monday morning, so the Date header never changes the shot. */
const FIXED_NOW = new Date('2024-02-05T08:00:00Z');
/** Tall enough to show the email's masthead, first story and a quote in the preview page. */
const PAGE_HEIGHT = 900;
/** The preview at a common laptop size. */
const PREVIEW_HEIGHT = 800;
/** The sample week runs to about 9,000 px: the shots show its top, the lead story and the first section. */
const EMAIL_HEIGHT = 2600;

interface Shot {
  file: string;
  url: string;
  width: number;
  height: number;
  colorScheme: 'light' | 'dark';
  /** For the preview page: the tab to show. */
  tab?: string;
}

async function shoot(browser: Browser, shot: Shot): Promise<void> {
  const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, colorScheme: shot.colorScheme, deviceScaleFactor: 1 });
  // No network here: the email's remote images get an empty answer rather than a DNS failure.
  const local = new URL(shot.url).origin;
  await page.context().route((url) => url.origin !== local, (route) => route.fulfill({ status: 204 }));
  await page.goto(shot.url);
  // The preview page shows the email once the frame has loaded it.
  if (!shot.url.includes('/email.html')) {
    await page.waitForSelector('#email[data-ready="true"]');
    if (shot.tab) await page.click(`#tab-${shot.tab}`);
    // The frame's width eases into place.
    await page.waitForTimeout(300);
  }
  await page.screenshot({ path: path.join(DOCS, shot.file) });
  await page.close();
  process.stdout.write(`wrote docs/${shot.file}\n`);
}

async function main(): Promise<void> {
  const workspace = await mkdtemp(path.join(tmpdir(), 'gazette-screenshots-'));
  for (const name of SAMPLE) await cp(path.join(REPO, name), path.join(workspace, name), { recursive: true });
  await mkdir(DOCS, { recursive: true });
  const server = await startPreviewServer({ root: workspace, port: 0, now: () => FIXED_NOW });
  const browser = await launchChromium();
  try {
    const shots: Shot[] = [
      { file: 'email-1024.png', url: `${server.url}email.html?scheme=light`, width: 1024, height: EMAIL_HEIGHT, colorScheme: 'light' },
      { file: 'email-375.png', url: `${server.url}email.html?scheme=light`, width: 375, height: EMAIL_HEIGHT, colorScheme: 'light' },
      { file: 'email-dark-375.png', url: `${server.url}email.html?scheme=dark`, width: 375, height: EMAIL_HEIGHT, colorScheme: 'dark' },
      { file: 'preview-1024.png', url: `${server.url}?width=375&scheme=light`, width: 1024, height: PAGE_HEIGHT, colorScheme: 'light' },
      // The preview as it opens, fitting the window: the email at its 600 px design width beside the panel at 1280.
      { file: 'preview-after-1280.png', url: `${server.url}?scheme=light`, width: 1280, height: PREVIEW_HEIGHT, colorScheme: 'light' },
      { file: 'preview-after-375.png', url: `${server.url}?scheme=light`, width: 375, height: PREVIEW_HEIGHT, colorScheme: 'light' },
      { file: 'preview-1280-at-1024.png', url: `${server.url}?width=1024&scheme=light`, width: 1280, height: PREVIEW_HEIGHT, colorScheme: 'light' },
      { file: 'preview-text-tab.png', url: `${server.url}?scheme=light`, width: 1280, height: PREVIEW_HEIGHT, colorScheme: 'light', tab: 'text' },
    ];
    for (const shot of shots) await shoot(browser, shot);
  } finally {
    await browser.close();
    await server.close();
    await rm(workspace, { recursive: true, force: true });
  }
}

await main();
