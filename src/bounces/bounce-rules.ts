import type { SuppressionReason } from '../subscribers/subscriber-store.js';

/** The config's `bounces` limits. */
export interface BounceRules {
  /** Soft bounces within the window that suppress an address. */
  softLimit: number;
  softWindowDays: number;
}

export type RecordedKind = 'hard' | 'soft' | 'complaint';

/** What one recorded event does to its address. */
export type BounceDecision = { action: 'suppress'; reason: Extract<SuppressionReason, 'bounced' | 'complained'> } | { action: 'count' };

/**
 * A hard bounce suppresses at once (the address does not exist); a complaint too, under its own
 * reason (the reader called it spam: mailing them again harms every other delivery); a soft bounce
 * only once `softLimit` of them fell within the window, this one included.
 */
export function decide(kind: RecordedKind, softInWindow: number, rules: BounceRules): BounceDecision {
  if (kind === 'hard') return { action: 'suppress', reason: 'bounced' };
  if (kind === 'complaint') return { action: 'suppress', reason: 'complained' };
  return softInWindow >= rules.softLimit ? { action: 'suppress', reason: 'bounced' } : { action: 'count' };
}

/** The first instant soft bounces still count from. */
export function windowStart(now: Date, rules: BounceRules): Date {
  return new Date(now.getTime() - rules.softWindowDays * 24 * 60 * 60 * 1000);
}
