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

export class RateLimiter {
  private left: number | undefined;
  private resetAt = 0;
  private pausedUntil = 0;

  constructor(private readonly clock: Clock) {}

  /** Waits until a request may be sent. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock.now().getTime();
      if (now < this.pausedUntil) {
        await this.clock.sleep(this.pausedUntil - now, signal);
        continue;
      }
      if (this.left !== undefined && this.left <= 0 && now < this.resetAt) {
        await this.clock.sleep(this.resetAt - now, signal);
        continue;
      }
      if (this.left !== undefined && now >= this.resetAt) this.left = undefined;
      if (this.left !== undefined) this.left -= 1;
      return;
    }
  }

  /** Records what the server said about the quota. */
  observe(reading: QuotaReading): void {
    const now = this.clock.now().getTime();
    if (reading.resetMs !== undefined) this.resetAt = now + reading.resetMs;
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
