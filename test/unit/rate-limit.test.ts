import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../src/core/clock.js';
import { RateLimiter } from '../../src/core/rate-limit.js';

describe('RateLimiter', () => {
  it('lets requests through while the quota lasts, then waits for the window to reset', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(clock);
    await limiter.acquire();
    limiter.observe({ left: 2, resetMs: 1000 });
    await limiter.acquire();
    await limiter.acquire();
    expect(clock.sleeps).toEqual([]);
    await limiter.acquire();
    expect(clock.sleeps).toEqual([1000]);
  });

  it('keeps the lowest count when answers arrive out of order', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(clock);
    limiter.observe({ left: 0, resetMs: 500 });
    limiter.observe({ left: 5, resetMs: 500 });
    await limiter.acquire();
    expect(clock.sleeps).toEqual([500]);
  });

  it('pauses every request after a 429', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(clock);
    limiter.pause(2000);
    await limiter.acquire();
    await limiter.acquire();
    expect(clock.sleeps).toEqual([2000]);
  });

  it('forgets the count once the window has passed', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(clock);
    limiter.observe({ left: 0, resetMs: 100 });
    clock.advance(200);
    await limiter.acquire();
    expect(clock.sleeps).toEqual([]);
  });

  it('tells of each new hold once, however many requests wait on it', async () => {
    const clock = fakeClock();
    const holds: number[] = [];
    const limiter = new RateLimiter(clock, (until) => holds.push(until - clock.now().getTime()));
    limiter.observe({ left: 0, resetMs: 3000 });
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    limiter.pause(5000);
    await limiter.acquire();
    expect(holds).toEqual([3000, 5000]);
  });
});
