// A streaming k-way merge: several sorted streams read as one sorted stream,
// holding one element of each at a time (flat memory for --all). Used where one
// listing is several requests (a status that is several native codes) and
// where one command reads several stores.

export async function* mergeSorted<T>(sources: Array<AsyncIterable<T>>, compare: (a: T, b: T) => number): AsyncGenerator<T> {
  if (sources.length === 1) {
    yield* sources[0]!;
    return;
  }
  const iterators = sources.map((s) => s[Symbol.asyncIterator]());
  // Each source's next element; undefined once it is done. Sources are read one
  // at a time, in order, so a failing source fails the merge at a stable point.
  const heads: Array<IteratorResult<T> | undefined> = [];
  try {
    for (const it of iterators) heads.push(await it.next());
    for (;;) {
      let best = -1;
      heads.forEach((h, i) => {
        // Ties go to the earlier source: the merge is stable.
        if (h && !h.done && (best < 0 || compare(h.value, (heads[best] as IteratorYieldResult<T>).value) < 0)) best = i;
      });
      if (best < 0) return;
      yield (heads[best] as IteratorYieldResult<T>).value;
      heads[best] = await iterators[best]!.next();
    }
  } finally {
    // Stopped early (--limit) or failed: let every source close its requests.
    await Promise.all(iterators.map((it) => it.return?.()).filter(Boolean));
  }
}
