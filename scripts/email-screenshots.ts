/**
 * Takes the email design shots in docs/: the sample issue as its reader receives it, 600 px
 * wide (a desktop client's reading pane), 375 px wide (a phone) and 375 px wide in dark mode,
 * named `email-<label>-600.png`, `email-<label>-375.png` and `email-<label>-dark.png`. Remote
 * images are refused so the shots never depend on the network. Also prints where the lead
 * headline starts on the phone, the number the phone test holds.
 * Usage (from the repository root): npm run build && node dist/scripts/email-screenshots.js after
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium } from '../src/browser.js';
import { buildDigest } from '../src/build.js';

const REPO = process.cwd();
const DOCS = path.join(REPO, 'docs');
const SAMPLE = ['templates', 'articles', 'gazette.config.json'];
const FIXED_NOW = new Date('2024-02-05T08:00:00Z');

interface Shot {
  suffix: string;
  width: number;
  /** Crop: the masthead, the contents and the lead story, within a few hundred KB. */
  height: number;
  colorScheme: 'light' | 'dark';
}

const SHOTS: Shot[] = [
  { suffix: '600', width: 600, height: 2000, colorScheme: 'light' },
  { suffix: '375', width: 375, height: 1800, colorScheme: 'light' },
  { suffix: 'dark', width: 375, height: 1800, colorScheme: 'dark' },
];

async function main(): Promise<void> {
  const label = process.argv[2] ?? 'after';
  const workspace = await mkdtemp(path.join(tmpdir(), 'gazette-email-shots-'));
  for (const name of SAMPLE) await cp(path.join(REPO, name), path.join(workspace, name), { recursive: true });
  await mkdir(DOCS, { recursive: true });
  const browser = await launchChromium();
  try {
    const { preview } = await buildDigest({ root: workspace, now: () => FIXED_NOW });
    process.stdout.write(`email.html: ${Buffer.byteLength(preview.html)} bytes\n`);
    for (const shot of SHOTS) {
      const page = await browser.newPage({ viewport: { width: shot.width, height: 812 }, colorScheme: shot.colorScheme, deviceScaleFactor: 1 });
      await page.route('**/*', (route) => route.abort());
      await page.setContent(preview.html, { waitUntil: 'load' });
      if (shot.suffix === '375') {
        const top = await page.evaluate('document.querySelector("h2")?.getBoundingClientRect().top');
        process.stdout.write(`lead headline top at 375x812: ${String(top)} px\n`);
      }
      const file = `email-${label}-${shot.suffix}.png`;
      await page.screenshot({ path: path.join(DOCS, file), fullPage: true, clip: { x: 0, y: 0, width: shot.width, height: shot.height } });
      await page.close();
      process.stdout.write(`wrote docs/${file}\n`);
    }
  } finally {
    await browser.close();
    await rm(workspace, { recursive: true, force: true });
  }
}

await main();
