import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { assembleReport, GROUP_NEED, type GroupResult } from '../src/check/report.js';
import { verdictLine } from '../src/cli/commands/check.js';
import type { Diagnostic } from '../src/types.js';

const ran = (group: 'size' | 'links', findings: Diagnostic[] = []) => ({ group, status: 'ran', findings }) as GroupResult;
const skipped = (group: 'axe' | 'spam' | 'dkim', reason: string) => ({ group, status: 'skipped', reason, findings: [] }) as GroupResult;
const anError: Diagnostic = { rule: 'html/relative-url', severity: 'error', message: 'a relative link' };

describe('the check verdict', () => {
  it('is ready to send when only recommended groups were skipped, and names them', () => {
    const report = assembleReport('2024-W10', [ran('size'), skipped('dkim', 'no DKIM key configured'), skipped('spam', 'SpamAssassin not found')]);
    expect(report).toMatchObject({ verdict: 'ready', ok: true, skipped: [{ group: 'dkim', required: false }, { group: 'spam', required: false }] });
    expect(verdictLine(report)).toEqual(['green', 'no errors: ready to send (not run: dkim, spam, recommended)']);
  });

  it('is not fully checked when a required group was skipped, even without errors', () => {
    const report = assembleReport('2024-W10', [ran('size'), skipped('spam', 'SpamAssassin not found'), skipped('axe', 'Chromium not found')]);
    expect(report).toMatchObject({ verdict: 'incomplete', ok: false, skipped: [{ group: 'axe', required: true }, { group: 'spam', required: false }] });
    expect(verdictLine(report)[1]).toBe('no errors, but 1 required group was skipped (axe): not fully checked (not run: spam, recommended)');
  });

  it('is not ready when a finding is an error, whatever ran', () => {
    const report = assembleReport('2024-W10', [ran('links', [anError]), skipped('axe', 'Chromium not found')]);
    expect(report).toMatchObject({ verdict: 'problems', ok: false });
    expect(verdictLine(report)).toEqual(['red', 'not ready to send (not run: axe)']);
  });

  it('is ready when every group ran without errors', () => {
    const report = assembleReport('2024-W10', [ran('size'), ran('links')]);
    expect(report).toMatchObject({ verdict: 'ready', ok: true, skipped: [] });
    expect(verdictLine(report)).toEqual(['green', 'no errors: ready to send']);
  });
});

describe('docs/check-rules.md', () => {
  it('says of every group whether the verdict needs it', async () => {
    const docs = await readFile(new URL('../docs/check-rules.md', import.meta.url), 'utf8');
    for (const [group, need] of Object.entries(GROUP_NEED)) {
      const row = docs.split('\n').find((line) => line.startsWith('| ') && line.split(' | ')[0]!.includes(`\`${group}\``));
      expect(row, group).toContain(`| ${need} |`);
    }
  });
});
