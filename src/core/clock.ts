// Everything that waits takes its time from a Clock, so tests never sleep.

import { InterruptedError } from './errors.js';

export interface Clock {
  now(): Date;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new InterruptedError());
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
        // setTimeout takes at most 2^31-1 ms (24.8 days); beyond, it fires at once.
      }, Math.min(Math.max(0, ms), MAX_TIMER_MS));
      const onAbort = () => {
        clearTimeout(timer);
        reject(new InterruptedError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** A clock whose sleeps return at once and move time forward; `sleeps` records each wait. */
export interface FakeClock extends Clock {
  sleeps: number[];
  advance(ms: number): void;
}

export function fakeClock(start = '2026-11-23T12:00:00Z'): FakeClock {
  let t = Date.parse(start);
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new InterruptedError();
      sleeps.push(ms);
      t += Math.max(0, ms);
    },
  };
}

/** Seeded randomness (mulberry32) for jitter and generated keys in tests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
