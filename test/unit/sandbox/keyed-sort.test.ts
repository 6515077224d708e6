// Sorting by keys computed once per item: the same order as a comparator that
// computes them on every comparison, ties included.

import { describe, expect, it } from 'vitest';
import { sortByKeys } from '../../../src/sandbox/keyed-sort.js';
import { createRng } from '../../../src/sandbox/rng.js';

describe('sortByKeys', () => {
  const rng = createRng(3);
  // Few distinct keys, so most comparisons are ties.
  const items = Array.from({ length: 500 }, (_, i) => ({ id: i, day: `2026-11-${String(rng.int(1, 9)).padStart(2, '0')}` }));
  const keyOf = (x: (typeof items)[number]) => Date.parse(x.day);

  it('computes each key once', () => {
    let calls = 0;
    sortByKeys(
      items,
      (x) => {
        calls++;
        return keyOf(x);
      },
      (a, b) => a - b,
    );
    expect(calls).toBe(items.length);
  });

  it('gives the order of sorting with the keys computed in the comparator, ties in input order', () => {
    const shuffled = [...items].reverse();
    const expected = [...shuffled].sort((a, b) => keyOf(b) - keyOf(a));
    const got = sortByKeys(shuffled, keyOf, (a, b) => b - a);
    expect(got.map((x) => x.item.id)).toEqual(expected.map((x) => x.id));
    expect(got.map((x) => x.key)).toEqual(expected.map(keyOf));
  });

  it('leaves the input as it was', () => {
    const input = [...items];
    sortByKeys(input, keyOf, (a, b) => a - b);
    expect(input).toEqual(items);
  });
});
