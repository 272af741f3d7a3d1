import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { QUICK_GROUPS } from '../src/check/quick.js';
import { gazette } from './support/cli.js';
import { EVENT_WAIT, previewBrowser, sampleWorkspace, SEED, SEED_TITLE } from './support/preview-page.js';
import { without } from './support/system-programs.js';

/** SpamAssassin is a recommended group: leaving it out keeps these checks fast and changes no verdict. */
const NO_SPAM = { GAZETTE_SPAMASSASSIN: '/nonexistent/spamassassin' };
/** Without Chromium too, the full check is incomplete, never ready: enough where the verdict is "problems". */
const NO_TOOLS = { ...NO_SPAM, GAZETTE_CHROMIUM: '/nonexistent/chromium' };

interface JsonReport {
  verdict: string;
  savedFile: string | null;
  groups: { group: string; findings: { rule: string; severity: string }[] }[];
}

const chromium = previewBrowser();

async function open(root: string): Promise<Page> {
  const preview = await chromium.open(root);
  return preview.page;
}

async function setConfig(root: string, fields: Record<string, unknown>): Promise<void> {
  const file = path.join(root, 'gazette.config.json');
  await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), ...fields }));
}

/** `gazette check --json`'s findings of the quick groups, as "rule severity", sorted. */
async function checkedQuickFindings(root: string, env: Record<string, string>): Promise<{ code: number; findings: string[]; report: JsonReport }> {
  const { code, stdout } = await gazette(['check', '2024-W05', '--json'], root, env);
  const report = JSON.parse(stdout) as JsonReport;
  const quick = report.groups.filter((group) => (QUICK_GROUPS as readonly string[]).includes(group.group));
  return { code, report, findings: quick.flatMap((group) => group.findings.map((f) => `${f.rule} ${f.severity}`)).sort() };
}

/** The findings the checks panel lists, errors, warnings and notes, as "rule severity", sorted. */
async function panelFindings(page: Page): Promise<string[]> {
  const items = await page.locator('#check-findings > li, #check-notes > li').all();
  return (await Promise.all(items.map(async (item) => `${await item.getAttribute('data-rule')} ${await item.getAttribute('data-severity')}`))).sort();
}

/** gazette check ran in a terminal meanwhile: the editor comes back to the page. */
async function comeBack(page: Page): Promise<void> {
  await page.evaluate("document.dispatchEvent(new Event('visibilitychange'))");
}

describe.skipIf(without('chromium'))('the checks panel in Chromium', () => {
  it("lists exactly gazette check's quick-group findings, at their severity, and never says ready while check reports an error", async () => {
    const root = await sampleWorkspace();
    // The sample issue is about 85 KB: over this budget, html/size is an error for check, a warning for build.
    await setConfig(root, { max_html_bytes: 40_000 });
    expect((await gazette(['build', '--week', '2024-W05'], root)).code).toBe(0);
    const page = await open(root);

    await expect.poll(() => page.getAttribute('#verdict', 'data-state'), EVENT_WAIT).toBe('problems');
    expect(await page.textContent('#verdict-title')).toBe('Not ready to send: 1 error.');
    expect(await page.textContent('#check-findings')).toContain('html/size');
    expect(await page.getAttribute('#check-findings > li[data-rule="html/size"]', 'data-severity')).toBe('error');
    // Shown once, among the checks, not again as a build warning.
    expect(await page.textContent('#warnings')).not.toContain('html/size');
    expect(await page.textContent('#full-check-summary')).toContain('None saved for 2024-W05');

    const checked = await checkedQuickFindings(root, NO_TOOLS);
    expect(checked.code).toBe(1);
    expect(checked.report.savedFile).toBe(path.join('out', '2024-W05', 'check.json'));
    expect(checked.findings).toContain('html/size error');
    expect(checked.findings.filter((finding) => finding.endsWith(' info')).length).toBeGreaterThan(0);
    expect(await panelFindings(page)).toEqual(checked.findings);

    // check saved its report: back in the page, it is shown, for this very build (not stale).
    await comeBack(page);
    await expect.poll(() => page.textContent('#full-check-summary'), EVENT_WAIT).toMatch(/1 error, \d+ warnings?, \d+ notes?; not ready to send\. Not run: axe, dkim, spam\./);
    expect(await page.getAttribute('#full-check-summary', 'data-stale')).toBe('false');
    expect(await page.textContent('#full-check-findings')).toContain('html/size');
    expect(await page.textContent('#verdict')).not.toMatch(/(?<!not )ready to send/i);
  });

  it('says ready to send only after a full check of this very build found no error, and marks that check stale once the issue changes', async () => {
    const root = await sampleWorkspace();
    expect((await gazette(['build', '--week', '2024-W05'], root)).code).toBe(0);
    const page = await open(root);
    await expect.poll(() => page.getAttribute('#verdict', 'data-state'), EVENT_WAIT).toBe('unchecked');
    expect(await page.textContent('#verdict-title')).toBe('No errors in the quick checks; not fully checked yet.');

    const checked = await checkedQuickFindings(root, NO_SPAM);
    expect(checked.report.verdict).toBe('ready');
    expect(await panelFindings(page)).toEqual(checked.findings);
    await page.reload();
    await expect.poll(() => page.getAttribute('#verdict', 'data-state'), EVENT_WAIT).toBe('ready');
    expect(await page.textContent('#verdict-title')).toBe('Ready to send.');

    const seed = path.join(root, SEED);
    await writeFile(seed, (await readFile(seed, 'utf8')).replace(`title: ${SEED_TITLE}`, 'title: China and the US reopen fentanyl talks'));
    await expect.poll(() => page.getAttribute('#verdict', 'data-state'), EVENT_WAIT).toBe('stale');
    expect(await page.getAttribute('#full-check-summary', 'data-stale')).toBe('true');
    expect(await page.textContent('#full-check-summary')).toContain('Stale: the issue has changed since');
    expect(await page.textContent('#verdict')).not.toMatch(/ready to send/i);
  });

  it('says nothing about sending but "not ready" while the issue does not build', async () => {
    const root = await sampleWorkspace();
    const page = await open(root);
    const seed = path.join(root, SEED);
    await writeFile(seed, (await readFile(seed, 'utf8')).replace('date: 2024-01-30', 'date: [2024-01-30'));
    await expect.poll(() => page.getAttribute('#verdict', 'data-state'), EVENT_WAIT).toBe('broken');
    expect(await page.textContent('#verdict-title')).toBe('Not ready to send: the issue does not build.');
    expect(await page.locator('#check-findings > li').count()).toBe(0);
    expect(await page.textContent('#quick-summary')).toBe('The checks run once the issue builds.');
  });
});
