import type { SavedCheck } from '../check/saved-check.js';
import type { CheckVerdict } from '../check/report.js';
import type { Diagnostic } from '../types.js';
import type { BuildOutcome } from './builds.js';

/** The last full check (`out/<slug>/check.json`) as the page shows it. */
export interface FullCheckView {
  checkedAt: string;
  verdict: CheckVerdict;
  counts: { error: number; warning: number; info: number };
  findings: Diagnostic[];
  /** Groups it could not run, and why. */
  skipped: { group: string; reason: string; required: boolean }[];
  /** The issue shown is not the build it examined (or does not build): its verdict no longer holds. */
  stale: boolean;
}

/**
 * What the page may say about sending. `ready` needs a full check of exactly this build that found
 * no error and skipped no required group, and no error in the quick checks since: the preview
 * never says "ready to send" while `gazette check` would report an error.
 */
export type ReadinessState = 'broken' | 'problems' | 'unchecked' | 'stale' | 'incomplete' | 'ready';

export interface Readiness {
  state: ReadinessState;
  /** Errors behind a `problems` state: the quick checks' when they have any, else the full check's. */
  errors: number;
  /** For `incomplete`: the required groups the full check skipped. */
  skipped: string[];
}

export function fullCheckView(saved: SavedCheck | null, outcome: BuildOutcome): FullCheckView | null {
  if (!saved) return null;
  const { checkedAt, verdict, counts, findings, skipped } = saved;
  const stale = !outcome.ok || outcome.snapshot.fingerprint !== saved.fingerprint;
  return { checkedAt, verdict, counts, findings, skipped, stale };
}

export function readiness(outcome: BuildOutcome, full: FullCheckView | null): Readiness {
  const none = { errors: 0, skipped: [] };
  if (!outcome.ok) return { state: 'broken', ...none };
  const quickErrors = outcome.snapshot.checks.counts.error;
  if (quickErrors > 0) return { state: 'problems', errors: quickErrors, skipped: [] };
  if (!full) return { state: 'unchecked', ...none };
  if (full.stale) return { state: 'stale', ...none };
  if (full.verdict === 'problems') return { state: 'problems', errors: full.counts.error, skipped: [] };
  if (full.verdict === 'incomplete') return { state: 'incomplete', errors: 0, skipped: full.skipped.filter((group) => group.required).map((group) => group.group) };
  return { state: 'ready', ...none };
}
