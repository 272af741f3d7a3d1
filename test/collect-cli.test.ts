import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gazette } from './support/cli.js';
import { startWebFixtures, type WebFixtures } from './support/web-fixtures.js';
import { makeWorkspace } from './support/workspace.js';

let web: WebFixtures;
beforeAll(async () => {
  web = await startWebFixtures();
});
afterAll(() => web.close());

describe('gazette add', () => {
  it('adds pages, reports failures per URL as JSON, exits 1 when any failed; the workspace then builds and checks clean of link errors', async () => {
    const dir = await makeWorkspace({});
    const run = await gazette(['add', web.url('/news/harbour-budget'), web.url('/cluttered/library-hours'), web.url('/missing'), '--delay', '0', '--tags', 'local', '--json'], dir);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { ok: boolean; added: { file: string; keyPoints: string[]; diagnostics: { rule: string }[] }[]; failed: { url: string; diagnostics: { rule: string }[] }[] };
    expect(report.ok).toBe(false);
    expect(report.added.map((added) => added.file)).toEqual([
      path.join('articles', '2024-03-04-council-approves-harbour-budget-what-changes-for-ferries.md'),
      path.join('articles', '2024-03-01-library-extends-weekend-opening-hours.md'),
    ]);
    expect(report.added[0]!.keyPoints.length).toBeGreaterThan(0);
    expect(report.added[1]!.diagnostics.map((d) => d.rule)).toEqual(['collect/image-alt']);
    expect(report.failed).toMatchObject([{ url: web.url('/missing'), diagnostics: [{ rule: 'collect/http-status' }] }]);

    const build = await gazette(['build', '--from', '2024-03-01', '--to', '2024-03-07', '--json'], dir);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toContain('Council approves harbour budget');
    expect(build.stdout).toContain('Library extends');

    const check = await gazette(['check', '--json'], dir);
    const groups = (JSON.parse(check.stdout) as { groups: { group: string; status: string; findings: { severity: string; rule: string }[] }[] }).groups;
    const links = groups.find((group) => group.group === 'links');
    expect(links?.status).not.toBe('skipped');
    expect(links!.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  }, 120_000);

  it('prints the file and its key points, and a second run skips with a note and exits 0', async () => {
    const dir = await makeWorkspace({});
    const first = await gazette(['add', web.url('/blog/sourdough'), '--delay', '0'], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Added articles\/2024-02-27-why-my-sourdough-starter-sulks-in-winter\.md\n {2}Why my sourdough starter sulks in winter \(Crumb & Kettle, Ines Marrow, 2024-02-27, \d+ words\)\n {2}- /);
    expect(first.stdout).toMatch(/1 added, 0 skipped, 0 failed\n$/);
    const second = await gazette(['add', web.url('/blog/sourdough'), '--delay', '0'], dir);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('info already holds');
    expect(second.stderr).toContain('(collect/duplicate)');
    expect(second.stdout).toContain('0 added, 1 skipped, 0 failed');
    expect(await readdir(path.join(dir, 'articles'))).toHaveLength(1);
  });

  it('adds a feed with --since and --limit, and honours --timeout and --ignore-robots', async () => {
    const dir = await makeWorkspace({});
    const feed = await gazette(['add', '--feed', web.url('/feeds/rss-full.xml'), '--since', '2024-02-01', '--limit', '1', '--delay', '0', '--json'], dir);
    expect(feed.code, feed.stderr).toBe(0);
    expect(JSON.parse(feed.stdout)).toMatchObject({ ok: true, added: [{ title: 'The river path reopens after the floods' }], feed: { items: 3, considered: 1 } });
    const slow = await gazette(['add', web.url('/slow'), '--timeout', '0.3', '--delay', '0'], dir);
    expect(slow.code).toBe(1);
    expect(slow.stderr).toContain(`${web.url('/slow')} error no complete answer within 0.3 s (collect/timeout)`);
    const robots = await gazette(['add', web.url('/private/notes'), '--delay', '0', '--ignore-robots', '--json'], dir);
    expect(JSON.parse(robots.stdout)).toMatchObject({ added: [{ title: 'Why my sourdough starter sulks in winter' }] });
  });

  it('exits 2 for what was asked wrongly', async () => {
    const dir = await makeWorkspace({});
    expect((await gazette(['add', '--feed', web.url('/feeds/rss-full.xml'), '--since', 'soon'], dir)).code).toBe(2);
    expect((await gazette(['add'], dir)).code).toBe(2);
    expect((await gazette(['add', web.url('/blog/sourdough'), '--date', '2024-02-30'], dir)).code).toBe(2);
    expect((await gazette(['add', web.url('/blog/sourdough'), '--timeout', '-1'], dir)).code).toBe(2);
    expect(await readdir(path.join(dir, 'articles'))).toEqual([]);
  });
});
