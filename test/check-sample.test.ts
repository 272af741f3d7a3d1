import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDigest, writeIssue } from '../src/build.js';
import { checkBuiltIssue, type CheckedIssue } from '../src/check/check-built-issue.js';
import { systemEnvironment } from '../src/check/environment.js';
import type { GroupSummaries } from '../src/check/report.js';
import { CHECK_GROUPS } from '../src/check/rule-set.js';
import { without } from './support/system-programs.js';
import { REPO } from './support/workspace.js';

/** Builds the repository's sample issue into a fresh output folder, as `gazette build` would. */
async function buildSample(options: { config?: string } = {}): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), 'gazette-check-out-'));
  const paths = { articles: path.join(REPO, 'articles'), templates: path.join(REPO, 'templates'), out };
  await writeIssue(await buildDigest({ root: REPO, ...paths, ...options, now: () => new Date('2024-02-02T08:00:00Z') }));
  return out;
}

describe.skipIf(without('chromium', 'spamassassin'))('gazette check on the sample issue', () => {
  let checked: CheckedIssue;
  beforeAll(async () => {
    const out = await buildSample();
    checked = await checkBuiltIssue(systemEnvironment(), { root: REPO, out, env: {}, now: () => new Date('2024-02-02T08:00:00Z') });
  }, 60_000);

  const summaryOf = <G extends keyof GroupSummaries>(name: G): GroupSummaries[G] => {
    const group = checked.report.groups.find((result) => result.group === name);
    if (group?.status !== 'ran' || !group.summary) throw new Error(`the ${name} group did not run`);
    return group.summary as GroupSummaries[G];
  };

  it('passes with no errors', () => {
    expect(checked.report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(checked.report).toMatchObject({ issue: '2024-W05', ok: true, counts: { error: 0 } });
  });

  it('runs every group, Chromium and SpamAssassin included; only DKIM is skipped, for want of a key', () => {
    expect(checked.report.groups.map((group) => [group.group, group.status])).toEqual(CHECK_GROUPS.map((group) => [group, group === 'dkim' ? 'skipped' : 'ran']));
    expect(summaryOf('spam')).toMatchObject({ required: 5, score: expect.any(Number) });
    expect(summaryOf('spam').score).toBeLessThan(5);
  });

  it('meets the HTML rule set and stays under the clip limit', () => {
    expect(checked.report.findings.filter((finding) => finding.rule.startsWith('html'))).toEqual([]);
    expect(summaryOf('size').bytes).toBeLessThan(100 * 1024);
  });

  it('checks the message the send path makes for the sample subscriber, list headers included', async () => {
    const eml = await readFile(path.resolve(checked.messageFile), 'utf8');
    expect(eml).toMatch(/^List-Unsubscribe: <https:\/\/example\.com\/unsubscribe\?token=[^>]+>, <mailto:unsubscribe@example\.com\?subject=unsubscribe>\r$/m);
    expect(eml).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    expect(eml).toMatch(/^To: .*Sam Reader.* <reader@example\.com>\r$/m);
    expect(eml).not.toMatch(/(?<!\r)\n/);
  });
});

describe('gazette check on the sample issue with a DKIM key', () => {
  it('signs the sample as the send path does and verifies it, both List-Unsubscribe headers signed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gazette-check-dkim-'));
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await writeFile(path.join(dir, 'dkim.pem'), key);
    const config = JSON.parse(await readFile(path.join(REPO, 'gazette.config.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(dir, 'gazette.config.json'), JSON.stringify({ ...config, dkim: { domain: 'example.com', selector: 'gazette', key_file: 'dkim.pem' } }));
    const configFile = path.join(dir, 'gazette.config.json');
    const out = await buildSample({ config: configFile });
    const { report, messageFile } = await checkBuiltIssue(systemEnvironment(), { root: REPO, config: configFile, out, env: {}, groups: ['dkim', 'mime'] });
    expect(report.groups).toEqual([
      { group: 'mime', status: 'ran', findings: [], summary: undefined },
      { group: 'dkim', status: 'ran', findings: [], summary: undefined },
    ]);
    const signature = /^DKIM-Signature: [\s\S]*?\r\n(?! )/m.exec(await readFile(path.resolve(messageFile), 'utf8'))![0].replace(/\r\n\s+/g, ' ');
    expect(signature).toMatch(/h=[^;]*List-Unsubscribe:List-Unsubscribe-Post/i);
  }, 60_000);
});
