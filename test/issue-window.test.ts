import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDigest, writeIssue } from '../src/build.js';
import { PreviewBuilds } from '../src/preview/builds.js';
import { EMAIL_JSON, loadBuiltIssue } from '../src/output/built-issue.js';
import { gazette } from './support/cli.js';
import { article, makeWorkspace } from './support/workspace.js';
import { isoWeek, localDate } from '../src/issue/calendar.js';
import { defaultWeek, isIssueSlug, resolveWindow, weekWindow, windowSlug } from '../src/issue/window.js';
import { GazetteError } from '../src/diagnostics/diagnostic.js';

describe('ISO weeks', () => {
  it.each([
    ['2024-01-30', '2024-W05'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2027-01-01', '2026-W53'],
    ['2023-01-01', '2022-W52'],
  ])('%s is in %s', (date, week) => expect(isoWeek(date)).toBe(week));

  it('runs Monday to Sunday', () => {
    expect(weekWindow('2024-W05')).toEqual({ from: '2024-01-29', to: '2024-02-04' });
    expect(weekWindow('2020-W53')).toEqual({ from: '2020-12-28', to: '2021-01-03' });
  });

  it('rejects a week the year does not have', () => {
    expect(() => weekWindow('2024-W53')).toThrow(GazetteError);
    expect(() => weekWindow('2024-5')).toThrow(/2024-W05/);
  });
});

describe('issue window', () => {
  const dates = ['2024-01-22', '2024-01-30', '2024-02-02'];
  const today = '2024-02-10';

  it('defaults to the Monday-to-Sunday week holding the newest article', () => {
    expect(resolveWindow({}, dates, today)).toEqual({ from: '2024-01-29', to: '2024-02-04' });
    expect(defaultWeek(dates, today)).toBe('2024-W05');
  });

  it('lets no article dated after today choose the default week', () => {
    expect(resolveWindow({}, [...dates, '2024-03-15'], today)).toEqual({ from: '2024-01-29', to: '2024-02-04' });
    expect(defaultWeek(['2024-03-15'], today)).toBeNull();
    expect(resolveWindow({}, ['2024-03-15'], today)).toBeNull();
  });

  it('counts an article dated today', () => {
    expect(defaultWeek(['2024-01-22', '2024-02-10'], '2024-02-10')).toBe('2024-W06');
  });

  it('takes --week, --from and --to', () => {
    expect(resolveWindow({ week: '2024-W04' }, dates, today)).toEqual({ from: '2024-01-22', to: '2024-01-28' });
    expect(resolveWindow({ from: '2024-01-01', to: '2024-01-31' }, dates, today)).toEqual({ from: '2024-01-01', to: '2024-01-31' });
    expect(resolveWindow({ from: '2024-01-20' }, dates, today)).toEqual({ from: '2024-01-20', to: '2024-01-26' });
    expect(resolveWindow({ to: '2024-01-20' }, dates, today)).toEqual({ from: '2024-01-14', to: '2024-01-20' });
  });

  it('refuses bad dates and reversed ranges as usage errors, with window rule ids', () => {
    const failure = (request: Parameters<typeof resolveWindow>[0]) => {
      try {
        resolveWindow(request, dates, today);
      } catch (error) {
        return error as GazetteError;
      }
      throw new Error('expected a GazetteError');
    };
    expect(failure({ to: '2024-13-01' }).diagnostics[0]).toMatchObject({ rule: 'window/invalid-date', field: 'to' });
    expect(failure({ to: '2024-13-01' }).message).not.toContain('--');
    expect(failure({ from: '2023-02-29' }).diagnostics[0]).toMatchObject({ rule: 'window/invalid-date', message: expect.stringMatching(/not a real calendar date/) });
    expect(failure({ from: '2024-02-01', to: '2024-01-01' }).diagnostics[0]!.rule).toBe('window/invalid-range');
    expect(failure({ week: '2024-W05', to: '2024-01-01' }).diagnostics[0]!.rule).toBe('window/conflicting-options');
    expect(failure({ week: '2024-W53' }).diagnostics[0]!.rule).toBe('window/invalid-week');
    expect(failure({ week: '2024-W53' }).diagnostics[0]!.field).toBe('week');
  });

  it('has no window without articles', () => {
    expect(resolveWindow({}, [], today)).toBeNull();
  });
});

describe('issue folder names', () => {
  it('name a full ISO week by the week, anything else by both ends', () => {
    expect(windowSlug({ from: '2024-01-29', to: '2024-02-04' })).toBe('2024-W05');
    expect(windowSlug({ from: '2024-01-27', to: '2024-02-02' })).toBe('2024-01-27_2024-02-02');
    expect(windowSlug({ from: '2024-01-29', to: '2024-01-29' })).toBe('2024-01-29_2024-01-29');
    expect(windowSlug({ from: '2024-01-29', to: '2024-02-11' })).toBe('2024-01-29_2024-02-11');
  });

  it('are recognised as issues', () => {
    expect(isIssueSlug('2024-W05')).toBe(true);
    expect(isIssueSlug('2024-01-27_2024-02-02')).toBe(true);
    expect(isIssueSlug('drafts')).toBe(false);
  });

  it('take today where the user is', () => {
    expect(localDate(new Date(2024, 1, 5, 23, 30))).toBe('2024-02-05');
  });
});

describe('one window for build, preview, check and send', () => {
  const NOW = () => new Date('2024-02-05T12:00:00Z');
  // Friday and Saturday of week 4, Monday and Friday of week 5, and a date typed a year ahead.
  const articles = {
    'fri.md': article('Friday before', '2024-01-26'),
    'sat.md': article('Saturday before', '2024-01-27'),
    'mon.md': article('Monday', '2024-01-29'),
    'fri-2.md': article('Friday', '2024-02-02'),
    'typo.md': article('Typo', '2025-02-02'),
  };
  const slugs = (result: { digest: { articles: { slug: string }[] } }) => result.digest.articles.map((a) => a.slug).sort();

  it('builds by default the ISO week of the newest article not dated in the future, into that week\'s folder', async () => {
    const root = await makeWorkspace(articles);
    const byDefault = await buildDigest({ root, now: NOW, env: {} });
    expect(byDefault.digest.issue).toMatchObject({ slug: '2024-W05', from: '2024-01-29', to: '2024-02-04' });
    expect(slugs(byDefault)).toEqual(['fri-2', 'mon']);
    expect(path.basename(byDefault.outDir)).toBe('2024-W05');
    const byWeek = await buildDigest({ root, now: NOW, env: {}, week: '2024-W05' });
    expect(byWeek.digest).toEqual(byDefault.digest);
    expect(byWeek.outDir).toBe(byDefault.outDir);
  });

  it('names a custom range\'s folder by its dates, and a range that is a whole week by the week', async () => {
    const root = await makeWorkspace(articles);
    const range = await buildDigest({ root, now: NOW, env: {}, from: '2024-01-27', to: '2024-02-02' });
    expect(range.digest.issue).toMatchObject({ slug: '2024-01-27_2024-02-02', from: '2024-01-27', to: '2024-02-02' });
    expect(slugs(range)).toEqual(['fri-2', 'mon', 'sat']);
    expect(path.basename(range.outDir)).toBe('2024-01-27_2024-02-02');
    const week = await buildDigest({ root, now: NOW, env: {}, from: '2024-01-29', to: '2024-02-04' });
    expect(week.digest.issue.slug).toBe('2024-W05');
  });

  it('shows the same week first in the preview', async () => {
    const root = await makeWorkspace(articles);
    const builds = new PreviewBuilds({ root, env: {}, now: NOW, build: buildDigest });
    const state = await builds.state();
    expect(state.week).toBe('2024-W05');
    expect(state.weeks.map((w) => w.week)).toEqual(['2025-W05', '2024-W05', '2024-W04']);
    expect(state.outcome.ok && state.outcome.snapshot.week).toBe('2024-W05');
  });

  it('lets check and send take the issue built last, counting only folders named as issues', async () => {
    const root = await makeWorkspace(articles);
    const outRoot = path.join(root, 'out');
    const older = await writeIssue(await buildDigest({ root, now: NOW, env: {}, from: '2024-01-27', to: '2024-02-02' }));
    const newer = await writeIssue(await buildDigest({ root, now: NOW, env: {} }));
    await utimes(path.join(older, EMAIL_JSON), new Date('2024-02-01'), new Date('2024-02-01'));
    await utimes(path.join(newer, EMAIL_JSON), new Date('2024-02-02'), new Date('2024-02-02'));
    await mkdir(path.join(outRoot, 'scratch'));
    await writeFile(path.join(outRoot, 'scratch', EMAIL_JSON), await readFile(path.join(older, EMAIL_JSON)));
    expect((await loadBuiltIssue(outRoot, undefined)).slug).toBe('2024-W05');
    await utimes(path.join(older, EMAIL_JSON), new Date('2024-02-03'), new Date('2024-02-03'));
    expect((await loadBuiltIssue(outRoot, undefined)).slug).toBe('2024-01-27_2024-02-02');
  });

  it('gives the CLI build the same week and folder with and without --week', async () => {
    const root = await makeWorkspace({ 'mon.md': article('Monday', '2024-01-29'), 'sat.md': article('Saturday before', '2024-01-27') });
    const plain = await gazette(['build', '--json'], root);
    const weekly = await gazette(['build', '--json', '--week', '2024-W05'], root);
    expect(plain.code).toBe(0);
    const parse = (run: { stdout: string }) => JSON.parse(run.stdout) as { outDir: string; issue: unknown; articles: { slug: string }[] };
    expect(parse(plain)).toMatchObject({ outDir: path.join('out', '2024-W05'), issue: { from: '2024-01-29', to: '2024-02-04' } });
    expect(parse(weekly).articles).toEqual(parse(plain).articles);
    expect(await readdir(path.join(root, 'out'))).toEqual(['2024-W05']);
  });

  it('rejects a mistyped week or date on the command line as a usage error with a window rule', async () => {
    const root = await makeWorkspace({ 'mon.md': article('Monday', '2024-01-29') });
    const week = await gazette(['build', '--week', '2024-W53'], root);
    expect(week.code).toBe(2);
    expect(week.stderr).toContain('(window/invalid-week)');
    const date = await gazette(['build', '--from', '2023-02-29'], root);
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/error --from: is not a real calendar date, got "2023-02-29" \(window\/invalid-date\)/);
  });

  it('makes `new --date` use the same date rule as the front matter', async () => {
    const root = await makeWorkspace({});
    const run = await gazette(['new', 'Leap day', '--date', '2023-02-29'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error --date: is not a real calendar date, got "2023-02-29" \(window\/invalid-date\)/);
    expect(await readdir(path.join(root, 'articles'))).toEqual([]);
    expect((await gazette(['new', 'Leap day', '--date', '2024-02-29'], root)).code).toBe(0);
  });
});
