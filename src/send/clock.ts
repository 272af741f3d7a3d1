import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms`, or less when `signal` aborts first; never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return delay(ms, undefined, { signal }).catch(() => undefined);
}

/** The real clock, for the rate limiter. */
export const systemClock = { now: () => Date.now(), sleep: (ms: number) => sleep(ms) };
