import { describe, expect, it } from 'vitest';
import type { SavedCheck } from '../src/check/saved-check.js';
import type { BuildOutcome } from '../src/preview/builds.js';
import { fullCheckView, readiness } from '../src/preview/readiness.js';
import type { PreviewSnapshot } from '../src/preview/snapshot.js';
import type { Diagnostic } from '../src/types.js';

const sizeError: Diagnostic = { rule: 'html/size', severity: 'error', message: 'over the budget', file: 'out/2024-W05/email.html' };

function built(fingerprint: string, findings: Diagnostic[] = []): BuildOutcome {
  const count = (severity: Diagnostic['severity']) => findings.filter((d) => d.severity === severity).length;
  const checks = { groups: [], findings, counts: { error: count('error'), warning: count('warning'), info: count('info') } };
  return { ok: true, version: 0, builtAt: '2024-02-05T08:00:00.000Z', snapshot: { fingerprint, checks } as unknown as PreviewSnapshot };
}

const broken: BuildOutcome = { ok: false, version: 1, builtAt: '2024-02-05T08:00:00.000Z', errors: [{ rule: 'articles/front-matter', severity: 'error', message: 'invalid YAML' }] };

function saved(fingerprint: string, verdict: SavedCheck['verdict'], more: Partial<SavedCheck> = {}): SavedCheck {
  return {
    issue: '2024-W05',
    checkedAt: '2024-02-05T09:00:00.000Z',
    fingerprint,
    verdict,
    ok: verdict === 'ready',
    counts: { error: verdict === 'problems' ? 1 : 0, warning: 0, info: 0 },
    findings: verdict === 'problems' ? [sizeError] : [],
    skipped: [],
    groups: [],
    ...more,
  };
}

const state = (outcome: BuildOutcome, check: SavedCheck | null) => readiness(outcome, fullCheckView(check, outcome)).state;

describe('what the preview may say about sending', () => {
  it('says ready only when a full check of this very build found no error', () => {
    expect(state(built('abc'), saved('abc', 'ready'))).toBe('ready');
    expect(state(built('abc'), null)).toBe('unchecked');
    expect(state(built('abc'), saved('old', 'ready'))).toBe('stale');
  });

  it('says not ready while the quick checks or the full check of this build find an error', () => {
    expect(readiness(built('abc', [sizeError]), fullCheckView(saved('abc', 'ready'), built('abc')))).toEqual({ state: 'problems', errors: 1, skipped: [] });
    expect(state(built('abc', [sizeError]), null)).toBe('problems');
    expect(readiness(built('abc'), fullCheckView(saved('abc', 'problems'), built('abc')))).toEqual({ state: 'problems', errors: 1, skipped: [] });
    expect(state(broken, saved('abc', 'ready'))).toBe('broken');
  });

  it('names the required groups a full check skipped, and not the recommended ones', () => {
    const skipped = [
      { group: 'axe' as const, reason: 'Chromium not found', required: true },
      { group: 'spam' as const, reason: 'SpamAssassin not found', required: false },
    ];
    expect(readiness(built('abc'), fullCheckView(saved('abc', 'incomplete', { skipped }), built('abc')))).toEqual({ state: 'incomplete', errors: 0, skipped: ['axe'] });
  });

  it('marks the full check stale when the issue changed since, or does not build now', () => {
    expect(fullCheckView(saved('abc', 'ready'), built('abc'))?.stale).toBe(false);
    expect(fullCheckView(saved('abc', 'ready'), built('def'))?.stale).toBe(true);
    expect(fullCheckView(saved('abc', 'ready'), broken)?.stale).toBe(true);
    expect(fullCheckView(null, built('abc'))).toBeNull();
  });
});
