/**
 * The messages a rate lets be in flight or answered within its window: whole messages, never more
 * than the rate in any second (2.5 a second is 2). Below one a second, one message, with a longer
 * window (windowFor).
 */
export function slotsFor(rate: number): number {
  return Math.max(1, Math.floor(rate));
}

/** The window a rate counts over, in milliseconds: a second, or 1/rate s below one a second; one more keeps equal timestamps apart. */
export function windowFor(rate: number): number {
  return Math.max(1001, Math.ceil((slotsFor(rate) / rate) * 1000) + 1);
}

export type Release = () => void;

export interface Clock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Lets at most `perSecond` messages be accepted in any one-second window, however many
 * connections send them. A slot is taken when a message starts and timestamped when the
 * server answers; a new message may start only while
 *   (messages in flight) + (messages answered in the last second) < perSecond.
 * The server accepts a message before the sender hears the answer, so every acceptance a
 * window can contain was either in flight or answered inside the second before the latest
 * start: the bound holds at the server, not only at the sender.
 * Home-made: the bound counts answers as well as starts, which general limiters (bottleneck, p-throttle) do not.
 */
/** Waits for the right to send one message; the release says when the server has answered it. */
export interface Limiter {
  acquire(): Promise<Release>;
}

export class RateLimiter implements Limiter {
  private inFlight = 0;
  /** When recent messages were answered, oldest first. */
  private readonly answered: number[] = [];
  private turn: Promise<void> = Promise.resolve();
  private wakeOnRelease: (() => void) | null = null;

  private readonly slots: number;
  private readonly windowMs: number;

  constructor(
    private readonly perSecond: number | null,
    private readonly clock: Clock,
  ) {
    this.slots = perSecond === null ? Infinity : slotsFor(perSecond);
    this.windowMs = perSecond === null ? 0 : windowFor(perSecond);
  }

  /** Waits for a slot (in call order); call the returned function when the server has answered. */
  async acquire(): Promise<Release> {
    const mine = this.turn.then(() => this.waitForSlot());
    this.turn = mine;
    await mine;
    this.inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
      if (this.perSecond !== null) this.answered.push(this.clock.now());
      this.wakeOnRelease?.();
    };
  }

  private async waitForSlot(): Promise<void> {
    if (this.perSecond === null) return;
    for (;;) {
      const now = this.clock.now();
      while (this.answered.length > 0 && this.answered[0]! <= now - this.windowMs) this.answered.shift();
      if (this.inFlight + this.answered.length < this.slots) return;
      const oldest = this.answered[0];
      if (oldest === undefined) {
        // Every slot is in flight: the next answer is the earliest a slot can open.
        await new Promise<void>((resolve) => (this.wakeOnRelease = resolve));
        this.wakeOnRelease = null;
      } else {
        await this.clock.sleep(oldest + this.windowMs - now);
      }
    }
  }
}
