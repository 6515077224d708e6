// A streaming k-way merge: several sorted streams read as one sorted stream,
// holding a bounded number of elements of each (flat memory for --all).
// One listing that is several requests (a status that is several native codes)
// reads its sources on demand, one at a time, and fails as soon as one fails.
// One command over several stores reads every store ahead concurrently, so
// each store's next page is on its way while the merge waits for the slowest,
// and reports a store that fails while the others go on.

/** A source's next element, or its end (with the error that ended it, if one did). */
export type Pulled<T> = { value: T } | { done: true; error?: unknown };

/** A source as the merge reads it. */
export interface Puller<T> {
  next(): Promise<Pulled<T>>;
  /** The merge stopped early (--limit) or failed: the source may close its requests. */
  close(): Promise<void>;
}

export interface MergeOptions {
  /**
   * Elements read ahead of the merge, per source, all sources at once. 0 (the
   * default): a source is read only when the merge needs its next element, and
   * sources are read one at a time, in order, so a failing one fails the merge
   * at a stable point.
   */
  readAhead?: number;
  /** A source that fails is reported here and dropped, and the others go on. Without it the merge fails. */
  onError?: (index: number, err: unknown) => void;
  /**
   * Kept up to date, as each element is given, with how many other sources
   * hold one the merge has read and not given yet: a consumer that stops
   * there knows whether more elements surely follow, without reading on.
   */
  held?: { count: number };
}

/** Reads the next element only when asked. */
export function onDemand<T>(source: AsyncIterable<T>): Puller<T> {
  const it = source[Symbol.asyncIterator]();
  let ended = false;
  return {
    async next() {
      try {
        const r = await it.next();
        if (!r.done) return { value: r.value };
        ended = true;
        return { done: true };
      } catch (error) {
        ended = true;
        return { done: true, error };
      }
    },
    async close() {
      if (!ended) await it.return?.();
    },
  };
}

/**
 * Reads ahead of the consumer, up to `max` elements, in the background. Memory
 * stays bounded per source however long the run. Closing does not wait for a
 * request in flight: the reader stops at its next element and lets the source
 * close (a generator's finally runs then).
 */
export function readAhead<T>(source: AsyncIterable<T>, max: number): Puller<T> {
  if (!(max >= 1)) throw new RangeError(`read-ahead must be at least 1 (got ${max})`);
  const buffer: T[] = [];
  let done = false;
  let closed = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  let room: (() => void) | undefined;
  const wakeConsumer = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const makeRoom = () => {
    const r = room;
    room = undefined;
    r?.();
  };
  void (async () => {
    try {
      for await (const item of source) {
        if (closed) break;
        buffer.push(item);
        wakeConsumer();
        if (buffer.length >= max) await new Promise<void>((r) => (room = r));
        // Leaving the loop calls the source's return(): its requests close.
        if (closed) break;
      }
    } catch (error) {
      failure = { error };
    } finally {
      done = true;
      wakeConsumer();
    }
  })();
  return {
    async next() {
      while (!buffer.length && !done) await new Promise<void>((r) => (wake = r));
      if (!buffer.length) return failure ? { done: true, error: failure.error } : { done: true };
      const value = buffer.shift()!;
      if (buffer.length < max) makeRoom();
      return { value };
    },
    async close() {
      closed = true;
      buffer.length = 0;
      makeRoom();
    },
  };
}

/**
 * The next element is the first, in `compare`'s order, of every source's next
 * one; ties go to the earlier source (the merge is stable).
 */
export async function* mergeSorted<T>(sources: Array<AsyncIterable<T>>, compare: (a: T, b: T) => number, options: MergeOptions = {}): AsyncGenerator<T> {
  const { readAhead: depth = 0, onError, held } = options;
  if (sources.length === 1 && depth === 0 && !onError && !held) {
    yield* sources[0]!;
    return;
  }
  const pullers = sources.map((s) => (depth > 0 ? readAhead(s, depth) : onDemand(s)));
  // Each source's next element; { done } once it has ended or failed.
  const heads: Array<Pulled<T>> = [];
  const pull = async (i: number): Promise<Pulled<T>> => {
    const h = await pullers[i]!.next();
    if ('error' in h) {
      if (!onError) throw h.error;
      onError(i, h.error);
    }
    return h;
  };
  try {
    for (let i = 0; i < pullers.length; i++) heads.push(await pull(i));
    for (;;) {
      let best = -1;
      let waiting = 0;
      for (let i = 0; i < heads.length; i++) {
        const h = heads[i]!;
        if (!('value' in h)) continue;
        waiting++;
        if (best < 0 || compare(h.value, (heads[best] as { value: T }).value) < 0) best = i;
      }
      if (best < 0) return;
      // The others' heads: read, and not given yet.
      if (held) held.count = waiting - 1;
      yield (heads[best] as { value: T }).value;
      heads[best] = await pull(best);
    }
  } finally {
    // Stopped early (--limit) or failed: let every source close its requests.
    await Promise.all(pullers.map((p) => p.close()));
  }
}
