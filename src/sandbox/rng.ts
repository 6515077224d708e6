// A small seeded PRNG (mulberry32): the same seed gives the same sandbox data
// and the same fault sequence on every machine, so drills are reproducible.

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A new array in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** n lower-case hex digits. */
  hex(n: number): string;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    chance: (p) => p > 0 && next() < p,
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    hex: (n) => Array.from({ length: n }, () => int(0, 15).toString(16)).join(''),
  };
}

/** A seed for one purpose (a platform's data, the fault stream) derived from the sandbox seed,
 *  so adding a platform or a fault draw does not change anyone else's numbers. */
export function deriveSeed(seed: number, purpose: string): number {
  let h = 2166136261 ^ (seed >>> 0);
  for (let i = 0; i < purpose.length; i++) h = Math.imul(h ^ purpose.charCodeAt(i), 16777619);
  return h >>> 0;
}
