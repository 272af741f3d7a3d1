import type { Browser, Page } from 'playwright-core';
import { buildDigest, type BuildResult } from '../../src/build.js';
import { REPO } from './workspace.js';

/** The sample week's Monday morning, as the sample issue test builds it. */
export const SAMPLE_NOW = new Date('2024-02-05T08:00:00Z');

let sample: Promise<BuildResult> | null = null;

/** The sample issue (articles/ and gazette.config.json of the repository), built once per test file. */
export function sampleIssue(): Promise<BuildResult> {
  sample ??= buildDigest({ root: REPO, now: () => SAMPLE_NOW });
  return sample;
}

export interface EmailPage {
  page: Page;
  /** Every URL the page asked for while loading, refused so the tests never reach the network. */
  requests: string[];
}

/** The email in a fresh page of the given size and colour scheme, as a mail client's web view shows it. */
export async function openEmail(browser: Browser, html: string, options: { width: number; height: number; colorScheme: 'light' | 'dark' }): Promise<EmailPage> {
  const page = await browser.newPage({ viewport: { width: options.width, height: options.height }, colorScheme: options.colorScheme });
  const requests: string[] = [];
  await page.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.setContent(html, { waitUntil: 'load' });
  return { page, requests };
}
