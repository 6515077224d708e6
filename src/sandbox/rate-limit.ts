// A server-side request quota per time window, as the platforms enforce it
// (BigCommerce: N requests per 30 s window, API-NOTES.md §1). A dialect turns
// the reading into its own headers and its own 429.

export interface QuotaLimit {
  requests: number;
  windowMs: number;
}

export interface QuotaReading {
  allowed: boolean;
  quota: number;
  /** Requests left in this window after this one. */
  left: number;
  windowMs: number;
  /** Milliseconds until the window ends and the quota refills. */
  resetMs: number;
}

/** A fixed window that opens with the first request after the previous one ended. */
export class QuotaWindowLimiter {
  private windowStart = Number.NEGATIVE_INFINITY;
  private used = 0;

  constructor(readonly limit: QuotaLimit) {
    if (!(Number.isInteger(limit.requests) && limit.requests > 0)) throw new Error(`rate limit requests must be a whole number above 0, not ${limit.requests}`);
    if (!(limit.windowMs > 0)) throw new Error(`rate limit window must be above 0 ms, not ${limit.windowMs}`);
  }

  /** Counts a request when the quota allows it. */
  take(now: number): QuotaReading {
    this.roll(now);
    const allowed = this.used < this.limit.requests;
    if (allowed) this.used += 1;
    return { ...this.read(now), allowed };
  }

  /** The reading without counting a request (for answers that do not use the quota, like 401). */
  peek(now: number): QuotaReading {
    this.roll(now);
    return { ...this.read(now), allowed: this.used < this.limit.requests };
  }

  private roll(now: number): void {
    if (now >= this.windowStart + this.limit.windowMs || now < this.windowStart) {
      this.windowStart = now;
      this.used = 0;
    }
  }

  private read(now: number): Omit<QuotaReading, 'allowed'> {
    return {
      quota: this.limit.requests,
      left: Math.max(0, this.limit.requests - this.used),
      windowMs: this.limit.windowMs,
      resetMs: Math.max(0, this.windowStart + this.limit.windowMs - now),
    };
  }
}
