/**
 * Takes the screenshots of the published site in docs/: the sample issue's web edition and the
 * archive, at 1280 and 375 px wide, in Debian's Chromium. The sample workspace is copied, one
 * more week is added so the archive shows it growing, and the clock is fixed.
 * Usage (from the repository root): npm run build && node dist/scripts/site-screenshots.js
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../src/browser.js';
import { buildIssue } from '../src/build.js';

const REPO = process.cwd();
const DOCS = path.join(REPO, 'docs');
const FIXED_NOW = new Date('2024-02-12T08:00:00Z');
const NEXT_WEEK = `---
title: Harbour lights festival draws record crowds to Port Evren
date: 2024-02-06
source: Evren Gazette
url: https://evren.example.com/2024/02/06/harbour-lights
tags: [culture]
---

More than forty thousand people walked the Port Evren quayside on Saturday night for the harbour lights festival, the largest crowd in its twelve years. The organisers now plan a second night next winter.
`;

const shots = [
  { file: 'site-web-edition.png', page: '2024-W05/index.html', width: 1280, height: 1400 },
  { file: 'site-web-edition-375.png', page: '2024-W05/index.html', width: 375, height: 1400 },
  { file: 'site-archive.png', page: 'index.html', width: 1280, height: 800 },
  { file: 'site-archive-375.png', page: 'index.html', width: 375, height: 800 },
];

async function main(): Promise<void> {
  const workspace = await mkdtemp(path.join(tmpdir(), 'gazette-site-screenshots-'));
  for (const name of ['templates', 'articles', 'gazette.config.json']) await cp(path.join(REPO, name), path.join(workspace, name), { recursive: true });
  await writeFile(path.join(workspace, 'articles', '2024-02-06-harbour-lights-festival.md'), NEXT_WEEK);
  await mkdir(DOCS, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const week of ['2024-W05', '2024-W06']) await buildIssue({ root: workspace, week, now: () => FIXED_NOW });
    for (const shot of shots) {
      const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, colorScheme: 'light', deviceScaleFactor: 1 });
      await page.goto(pathToFileURL(path.join(workspace, 'site', shot.page)).href);
      await page.screenshot({ path: path.join(DOCS, shot.file) });
      await page.close();
      process.stdout.write(`wrote docs/${shot.file}\n`);
    }
  } finally {
    await browser.close();
    await rm(workspace, { recursive: true, force: true });
  }
}

await main();
