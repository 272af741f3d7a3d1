import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIssue } from '../src/check/check-issue.js';
import { systemEnvironment, type CheckEnvironment } from '../src/check/environment.js';
import type { CheckGroup } from '../src/check/rule-set.js';
import { checkSpamScore, parseSpamReport } from '../src/check/rules/spam.js';
import { without } from './support/system-programs.js';
import { FILES, FIXTURES, fixtureEml, fixtureHtml, fixtureSubject, lineOf, type FixtureMessage } from './fixtures/check/fixture-message.js';

const BASE = fixtureHtml('base.html');

async function report(fixture: FixtureMessage, groups: CheckGroup[], environment: CheckEnvironment = systemEnvironment()) {
  return checkIssue(await fixtureSubject(await fixtureEml(fixture)), environment, { groups });
}

describe('accessibility in Chromium (axe-core)', () => {
  it.skipIf(without('chromium'))('finds nothing on the clean fixture, in either colour scheme', async () => {
    expect((await report({ html: BASE }, ['axe'])).groups).toEqual([{ group: 'axe', status: 'ran', findings: [], summary: { colorSchemes: ['light', 'dark'] } }]);
  });

  it.skipIf(without('chromium'))('reports low colour contrast at the element', async () => {
    const html = fixtureHtml('low-contrast.html');
    const { findings } = await report({ html }, ['axe']);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'axe/color-contrast', severity: 'warning', file: FILES.html, line: lineOf(html, 'color:#bbbbbb'), column: 1, message: expect.stringMatching(/contrast of 1\.\d+ .*on <p> \(both colour schemes\)/) }),
    ]);
  });

  it('says so and skips the group when there is no Chromium', async () => {
    const environment: CheckEnvironment = { ...systemEnvironment(), axe: { available: false, reason: 'Chromium not found at /nowhere/chromium' } };
    const result = await report({ html: fixtureHtml('low-contrast.html') }, ['axe', 'accessibility'], environment);
    expect(result.groups).toEqual([
      { group: 'accessibility', status: 'ran', findings: [], summary: undefined },
      { group: 'axe', status: 'skipped', reason: 'Chromium not found at /nowhere/chromium', findings: [] },
    ]);
  });
});

describe('a program that fails', () => {
  it('skips its group and says why, rather than failing the whole check', async () => {
    const crash = async (): Promise<never> => {
      throw new Error('Target page, context or browser has been closed');
    };
    const environment: CheckEnvironment = { ...systemEnvironment(), axe: { available: true, run: crash } };
    expect((await report({ html: BASE }, ['axe'], environment)).groups).toEqual([
      { group: 'axe', status: 'skipped', reason: 'Chromium with axe-core failed: Target page, context or browser has been closed', findings: [] },
    ]);
  });
});

describe('HTML validity (html-validate)', () => {
  it('reports a duplicate id at its line with the html-validate rule id', async () => {
    const html = fixtureHtml('duplicate-id.html');
    expect((await report({ html }, ['html'])).findings).toEqual([
      expect.objectContaining({ rule: 'html-validate/no-dup-id', severity: 'warning', file: FILES.html, line: lineOf(html, '<p id="top">') }),
    ]);
  });
});

describe('client support (Can I Email)', () => {
  it('counts unsupported CSS features, so a theme change that adds some shows', async () => {
    const before = (await report({ html: BASE }, ['clients'])).groups[0]!;
    const after = (await report({ html: fixtureHtml('grid-layout.html') }, ['clients'])).groups[0]!;
    const count = (group: typeof before) => (group.group === 'clients' && group.status === 'ran' ? group.summary!.unsupportedFeatures : NaN);
    expect(count(after)).toBeGreaterThan(count(before));
    expect(after.findings).toContainEqual(expect.objectContaining({ rule: 'clients/css', severity: 'info', message: expect.stringMatching(/grid.* is not supported by \d+ of 12 major clients/) }));
  });
});

describe('spam (SpamAssassin, offline)', () => {
  it.skipIf(without('spamassassin'))('scores the message and lists the rules that fired, the all-caps subject among them', async () => {
    const { groups, findings } = await report({ html: BASE, subject: 'HUGE SAVINGS INSIDE THIS WEEK' }, ['spam']);
    expect(groups[0]).toMatchObject({ group: 'spam', status: 'ran', summary: { required: 5 } });
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'spam/rule', severity: 'info', file: FILES.eml, message: expect.stringMatching(/^SpamAssassin SUBJ_ALL_CAPS \(\+[\d.]+\)/) }));
    expect(findings.some((finding) => finding.rule === 'spam/score')).toBe(false);
  });

  it('reads a report over the threshold as a warning, with wrapped descriptions joined', async () => {
    const spam = parseSpamReport(await readFile(path.join(FIXTURES, 'spamassassin-report.txt'), 'utf8'));
    expect(spam).toMatchObject({ score: 6.8, required: 5 });
    expect(spam!.rules).toHaveLength(10);
    expect(spam!.rules).toContainEqual({ name: 'HTML_FONT_LOW_CONTRAST', score: 0.7, description: 'BODY: HTML font color similar or identical to background' });
    expect(spam!.rules).toContainEqual({ name: 'NO_RECEIVED', score: -0, description: 'Informational: message has no Received headers' });
    const [score, ...rules] = checkSpamScore(spam!, FILES.eml);
    expect(score).toMatchObject({ rule: 'spam/score', severity: 'warning', message: expect.stringContaining('6.8 points, at or over its 5 spam threshold') });
    expect(rules.map((rule) => rule.message.split(' ')[1])).toEqual(['ACT_NOW_CAPS', 'GUARANTEED_100_PERCENT', 'SUBJ_ALL_CAPS', 'HTML_FONT_LOW_CONTRAST', 'HTML_IMAGE_ONLY_08', 'HTML_SHORT_LINK_IMG_1']);
  });

  it.skipIf(without('spamassassin'))('warns when a spammy message reaches the threshold', async () => {
    const html = fixtureHtml('image-only.html').replace('<p><a', '<p>FREE MONEY!!! CLICK HERE NOW 100% GUARANTEED</p><p><a');
    const { findings } = await report({ html, subject: 'FREE MONEY GUARANTEED $$$ ACT NOW' }, ['spam']);
    expect(findings[0]).toMatchObject({ rule: 'spam/score', severity: 'warning', file: FILES.eml });
  });

  it('says so and skips the group without SpamAssassin', async () => {
    const environment: CheckEnvironment = { ...systemEnvironment(), spamAssassin: { available: false, reason: 'SpamAssassin not found at /nowhere' } };
    expect((await report({ html: BASE }, ['spam'], environment)).groups).toEqual([{ group: 'spam', status: 'skipped', reason: 'SpamAssassin not found at /nowhere', findings: [] }]);
  });
});
