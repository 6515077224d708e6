import { describe, expect, it } from 'vitest';
import { mergeSorted, readAhead } from '../../src/core/merge.js';

const byNumber = (a: number, b: number) => a - b;

/** A source that records what was read from it, and whether it was closed. */
function source(items: number[], opts: { failAfter?: number; log?: string[]; name?: string } = {}) {
  const state = { read: 0, closed: false };
  const name = opts.name ?? 'src';
  async function* gen(): AsyncGenerator<number> {
    try {
      for (const [i, x] of items.entries()) {
        if (opts.failAfter !== undefined && i >= opts.failAfter) throw new Error(`${name} failed`);
        await Promise.resolve();
        state.read++;
        opts.log?.push(`${name}:${x}`);
        yield x;
      }
      if (opts.failAfter !== undefined && opts.failAfter >= items.length) throw new Error(`${name} failed`);
    } finally {
      state.closed = true;
    }
  }
  return { iterable: gen(), state };
}

async function collect<T>(it: AsyncIterable<T>, limit = Infinity): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) {
    out.push(x);
    if (out.length >= limit) break;
  }
  return out;
}

/** Lets every pending promise chain run (no timers: the sources resolve at once). */
const settle = async () => {
  for (let i = 0; i < 50; i++) await Promise.resolve();
};

describe('mergeSorted', () => {
  it('merges sorted sources into one sorted stream, ties to the earlier source', async () => {
    const a = [1, 4, 4, 9].map((n) => ({ n, from: 'a' }));
    const b = [2, 4, 10].map((n) => ({ n, from: 'b' }));
    async function* of<T>(xs: T[]) {
      yield* xs;
    }
    for (const readAhead of [0, 1, 3]) {
      const merged = await collect(mergeSorted([of(a), of(b)], (x, y) => x.n - y.n, { readAhead }));
      expect(merged.map((x) => `${x.n}${x.from}`)).toEqual(['1a', '2b', '4a', '4a', '4b', '9a', '10b']);
    }
  });

  it('on demand, reads sources one at a time and no further than the merge needs', async () => {
    const log: string[] = [];
    const a = source([1, 3, 5, 7], { log, name: 'a' });
    const b = source([2, 4, 6, 8], { log, name: 'b' });
    expect(await collect(mergeSorted([a.iterable, b.iterable], byNumber), 3)).toEqual([1, 2, 3]);
    expect(log).toEqual(['a:1', 'b:2', 'a:3', 'b:4']);
    // Stopped early: both sources were closed.
    expect(a.state.closed && b.state.closed).toBe(true);
  });

  it('without onError, a failing source fails the merge and every source is closed', async () => {
    const a = source([1, 3, 5], { failAfter: 1, name: 'a' });
    const b = source([2, 4, 6], { name: 'b' });
    const got: number[] = [];
    await expect(
      (async () => {
        for await (const x of mergeSorted([a.iterable, b.iterable], byNumber)) got.push(x);
      })(),
    ).rejects.toThrow('a failed');
    expect(got).toEqual([1]);
    expect(b.state.closed).toBe(true);
  });

  it('with onError, a failing source is reported once and dropped; the others are merged to the end', async () => {
    const errors: string[] = [];
    const a = source([1, 3, 5, 7], { failAfter: 2, name: 'a' });
    const b = source([2, 4, 6], { name: 'b' });
    const c = source([], { failAfter: 0, name: 'c' });
    const merged = await collect(
      mergeSorted([a.iterable, b.iterable, c.iterable], byNumber, { readAhead: 2, onError: (i, err) => errors.push(`${i}: ${(err as Error).message}`) }),
    );
    expect(merged).toEqual([1, 2, 3, 4, 6]);
    expect(errors).toEqual(['2: c failed', '0: a failed']);
  });

  it('an onError that throws (Ctrl-C) stops the merge', async () => {
    const a = source([1, 2], { failAfter: 1 });
    const b = source([5, 6]);
    const stop = new Error('interrupted');
    await expect(
      collect(
        mergeSorted([a.iterable, b.iterable], byNumber, {
          readAhead: 1,
          onError: () => {
            throw stop;
          },
        }),
      ),
    ).rejects.toBe(stop);
    await settle();
    expect(b.state.closed).toBe(true);
  });
});

describe('readAhead', () => {
  it('reads ahead of the consumer up to its bound, and no further', async () => {
    const a = source([1, 2, 3, 4, 5, 6]);
    const r = readAhead(a.iterable, 2);
    await settle();
    expect(a.state.read).toBe(2);
    expect(await r.next()).toEqual({ value: 1 });
    await settle();
    expect(a.state.read).toBe(3);
    await r.next();
    await r.next();
    await settle();
    expect(a.state.read).toBe(5);
  });

  it('hands on what was read before a failure, then the failure', async () => {
    const r = readAhead(source([1, 2, 3], { failAfter: 2 }).iterable, 5);
    expect(await r.next()).toEqual({ value: 1 });
    expect(await r.next()).toEqual({ value: 2 });
    const end = await r.next();
    expect('error' in end && (end.error as Error).message).toBe('src failed');
    expect(await r.next()).toEqual({ done: true, error: expect.any(Error) });
  });

  it('ends without an error when its source ends', async () => {
    const r = readAhead(source([1]).iterable, 3);
    expect(await r.next()).toEqual({ value: 1 });
    expect(await r.next()).toEqual({ done: true });
  });

  it('closing stops reading and closes the source', async () => {
    const a = source([1, 2, 3, 4, 5, 6]);
    const r = readAhead(a.iterable, 2);
    await r.next();
    await r.close();
    await settle();
    expect(a.state.closed).toBe(true);
    expect(a.state.read).toBeLessThanOrEqual(3);
  });

  it('a merge stopped early (--limit) closes every store read ahead', async () => {
    const a = source([1, 3, 5, 7, 9]);
    const b = source([2, 4, 6, 8, 10]);
    expect(await collect(mergeSorted([a.iterable, b.iterable], byNumber, { readAhead: 2 }), 3)).toEqual([1, 2, 3]);
    await settle();
    expect(a.state.closed && b.state.closed).toBe(true);
  });

  it('refuses a bound below 1', () => {
    expect(() => readAhead(source([]).iterable, 0)).toThrow(RangeError);
  });
});

describe('held', () => {
  it('counts, as each element is given, the other sources holding one not given yet', async () => {
    const held = { count: -1 };
    const seen: Array<[number, number]> = [];
    for await (const x of mergeSorted([source([1, 4]).iterable, source([2]).iterable, source([3]).iterable], byNumber, { held })) seen.push([x, held.count]);
    // Giving 1: 2 and 3 wait; 2: 3 and 4; 3: 4; 4: nothing.
    expect(seen).toEqual([[1, 2], [2, 2], [3, 1], [4, 0]]);
  });
});
