// A client-side limiter shared by every request of one client: it learns the
// quota from response headers and from 429s, so one throttled request slows
// everyone down instead of each finding the wall separately.

import type { Clock } from './clock.js';

export interface QuotaReading {
  /** Requests left in the current window. */
  left?: number;
  /** Milliseconds until the window resets. */
  resetMs?: number;
}

/** A hold on every request: until when (ms since epoch), and why. */
export interface Wait {
  until: number;
  /** "bigcommerce's rate limit" */
  why: string;
}

export class RateLimiter {
  private left: number | undefined;
  private resetAt = 0;
  private pausedUntil = 0;
  private announcedUntil = 0;

  /** `onWait` hears of each new hold once, however many requests wait on it. */
  constructor(
    private readonly clock: Clock,
    private readonly onWait?: (until: number) => void,
  ) {}

  /**
   * Waits until a request may be sent. A wait longer than `maxWaitMs` (a
   * server's quota header saying "in 11 days") is not waited: `tooLong` makes
   * the error that fails this one request.
   */
  async acquire(signal?: AbortSignal, maxWaitMs = Infinity, tooLong?: (ms: number) => Error): Promise<void> {
    for (;;) {
      const now = this.clock.now().getTime();
      if (now < this.pausedUntil) {
        await this.hold(this.pausedUntil, now, signal, maxWaitMs, tooLong);
        continue;
      }
      if (this.left !== undefined && this.left <= 0 && now < this.resetAt) {
        await this.hold(this.resetAt, now, signal, maxWaitMs, tooLong);
        continue;
      }
      if (this.left !== undefined && now >= this.resetAt) this.left = undefined;
      if (this.left !== undefined) this.left -= 1;
      return;
    }
  }

  private async hold(until: number, now: number, signal: AbortSignal | undefined, maxWaitMs: number, tooLong?: (ms: number) => Error): Promise<void> {
    if (until - now > maxWaitMs) throw tooLong ? tooLong(until - now) : new Error(`rate limit wait of ${until - now} ms`);
    if (until > this.announcedUntil) {
      this.announcedUntil = until;
      this.onWait?.(until);
    }
    await this.clock.sleep(until - now, signal);
  }

  /** Records what the server said about the quota. */
  observe(reading: QuotaReading): void {
    const now = this.clock.now().getTime();
    // A reading that is not a number of milliseconds (negative, NaN) says nothing.
    if (reading.resetMs !== undefined && reading.resetMs >= 0) this.resetAt = now + reading.resetMs;
    if (reading.left !== undefined) {
      // Concurrent requests answer out of order: keep the lowest count seen in this window.
      this.left = this.left === undefined ? reading.left : Math.min(this.left, reading.left);
    }
  }

  /** After a 429: nobody sends until the server's wait is over. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now().getTime() + ms);
  }
}
