// Several stores in one command (-p a,b, --all-profiles): each store's orders
// are read concurrently, each store with its own HTTP client and rate limiter,
// and merged as they stream in the requested order. One store failing does not
// stop the others: its error names it, and the run ends with exit 1.

import { compareTimes, DEFAULT_SORT, orderComparator } from '../../core/sort.js';
import type { Context } from '../../core/context.js';
import { ApiError, errorBody, ExitCode, Halted, isOrderctlError, OrderctlError, UsageError } from '../../core/errors.js';
import { jsonErrors } from '../../output/formats.js';
import { openSessions, SANDBOX_STORE, type Session } from '../../platforms/index.js';
import type { Adapter, Fetched, OrderFilters, Paging, SortSpec } from '../../platforms/types.js';
import { jsonLine, safeCell } from '../../output/text.js';
import { mergeSorted } from '../../core/merge.js';

/** An order and the store it came from. */
export interface StoreFetched extends Fetched {
  store: string;
}

/**
 * The order as printed: with its store's name (the normalized order's `store`).
 * Named in place: every listed order is an object of its own, and a copy of
 * each of 10,000 orders is only work for the garbage collector.
 */
export function withStore(f: Fetched, store: string): StoreFetched {
  f.order.store = store;
  return Object.assign(f, { store });
}

/** `STORE:ID`, the id form that names its store. */
export function storeId(store: string, id: string): string {
  return `${store}:${id}`;
}

/**
 * Flags that name a place in one store's listing (a cursor it printed, a page
 * of its list) mean nothing across several: refused before any request.
 */
export function refuseOneStoreFlags(filters: Pick<OrderFilters, 'cursor'>, paging?: Pick<Paging, 'page'>): void {
  if (filters.cursor !== undefined) throw new UsageError('--cursor belongs to one store: use it with one -p');
  // Each store's page N together is no page of the merged list.
  if (paging?.page !== undefined) throw new UsageError('--page belongs to one store: use it with one -p', { hint: 'use --limit N or --all across stores' });
}

/** What a store's failure says, and how the run ends when any failed. */
export class StoreFailures {
  readonly failed: string[] = [];

  constructor(
    private readonly ctx: Context,
    private readonly total: number,
  ) {}

  /**
   * One store failed: its error, naming it, on stderr now; the others go on.
   * `first`: the store failed before giving anything, so nothing is printed
   * yet; a usage error then (a sort or filter its platform cannot do) is the
   * command's, refused whole with exit 2, as for one store.
   */
  report(store: string, err: unknown, { first = false }: { first?: boolean } = {}): void {
    // Ctrl-C stops every store, not one; so does jq's halt (--jq).
    if ((isOrderctlError(err) && err.exitCode === ExitCode.interrupted) || err instanceof Halted) throw err;
    if (first && isOrderctlError(err) && err.exitCode === ExitCode.usage) {
      throw new OrderctlError(`${store}: ${err.message}`, err.exitCode, err.code, { hint: err.hint, status: err.status, store, cause: err });
    }
    this.failed.push(store);
    const e = err as Error;
    const message = `${store}: ${e?.message ?? String(err)}`;
    // Scripts read stderr as JSON lines: each store's error is one, with its code and status.
    if (jsonErrors(this.ctx)) {
      this.ctx.io.stderr.write(`${jsonLine({ error: { ...errorBody(err, store), message, store } })}\n`);
      return;
    }
    this.ctx.io.stderr.write(`error: ${safeCell(message)}\n`);
    if (isOrderctlError(err) && err.hint) this.ctx.io.stderr.write(`hint: ${safeCell(`${store}: ${err.hint}`)}\n`);
  }

  /** Exit 1 when any store failed, once every other store's output is printed. */
  finish(): void {
    if (!this.failed.length) return;
    throw new ApiError(`${this.failed.length} of ${this.total} stores failed: ${this.failed.join(', ')}`, { code: 'stores_failed' });
  }
}

/**
 * Orders read ahead of the merge per store: two pages of the biggest size
 * (250). With one page, a store whose page waits whole in its read-ahead asks
 * for the next only as the merge takes its first order, so every store waits
 * out each answer in step with the slowest; with two, the next page is asked
 * for as soon as the last one is read. Measured: 4 stores at once 7–10% faster,
 * peak memory within the noise (README, Performance).
 */
export const READ_AHEAD = 2 * 250;

export interface MergeStoresOptions {
  /** Orders read ahead of the merge per store; default two pages of the biggest size (READ_AHEAD). */
  readAhead?: number;
  /**
   * Drop each order's platform JSON (`raw`) as it is read, when the output
   * never shows it: the orders waiting in a store's read-ahead then hold their
   * normalized form only, not the page they came in. Reading `raw` after that
   * throws, so a new use of it fails its tests instead of printing nothing.
   */
  dropRaw?: boolean;
  /** See MergeOptions.held: how many stores hold an order not printed yet. */
  held?: { count: number };
}

/**
 * Reads every store's orders concurrently and yields them merged in the
 * requested order. Each store is read ahead of the merge (READ_AHEAD): its
 * next page is on its way while the merge waits for the slowest store, and
 * memory stays bounded per store.
 */
export function mergeStores(
  sessions: Session[],
  read: (s: Session) => AsyncIterable<Fetched>,
  sort: SortSpec | undefined,
  failures: StoreFailures,
  { readAhead = READ_AHEAD, dropRaw = false, held }: MergeStoresOptions = {},
): AsyncIterable<StoreFetched> {
  // --sort FIELD[:DIR], newest first without it.
  const compare = orderComparator(sort ?? DEFAULT_SORT);
  // Which stores have given an order: the merge prints nothing before every store has given one or ended.
  const started = sessions.map(() => false);
  const sources = sessions.map((s, i) => {
    async function* tagged(): AsyncIterable<StoreFetched> {
      const listed = reordered(s.adapter, sort) ? newestCreatedFirst(read(s)) : read(s);
      for await (const f of listed) {
        started[i] = true;
        yield withStore(dropRaw ? withoutRaw(f) : f, s.profileName);
      }
    }
    return tagged();
  });
  return mergeSorted(sources, (a, b) => compare(a.order, b.order), {
    readAhead,
    held,
    onError: (i, err) => failures.report(sessions[i]!.profileName, err, { first: !started[i] }),
  });
}

/**
 * True when a store cannot list in the merge's order and newestCreatedFirst
 * puts it in it: without --sort (newest created first), a store that lists
 * only by newest change (Squarespace). Its listing then has no --limit of its
 * own: the N newest created are not its N newest changed.
 */
export function reordered(adapter: Pick<Adapter, 'listedBy'>, sort: SortSpec | undefined): boolean {
  const by = adapter.listedBy;
  return sort === undefined && by !== undefined && by.field === 'updated' && by.direction === 'desc';
}

/**
 * Orders listed newest change first, yielded newest created first. An order
 * is created no later than its last change, so once the listing reaches
 * changes older than a held order's creation, no order still to come was
 * created after it, and it can go: only orders changed since they were
 * created are held, not the whole listing.
 */
export async function* newestCreatedFirst<T extends Fetched>(listed: AsyncIterable<T>): AsyncIterable<T> {
  const compare = orderComparator(DEFAULT_SORT);
  const held = new Heap<T>((a, b) => compare(a.order, b.order));
  for await (const f of listed) {
    held.push(f);
    const reached = f.order.updatedAt;
    // No time of change: nothing is known about what is still to come.
    if (reached === null) continue;
    while (held.size && compareTimes(held.peek().order.createdAt, reached) > 0) yield held.pop();
  }
  while (held.size) yield held.pop();
}

/** A binary heap: pop gives the first in `compare`'s order. */
class Heap<T> {
  private readonly items: T[] = [];
  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T {
    return this.items[0]!;
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.compare(a[i]!, a[parent]!) >= 0) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }

  pop(): T {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.compare(a[l]!, a[m]!) < 0) m = l;
        if (r < a.length && this.compare(a[r]!, a[m]!) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** The order with its platform JSON marked as dropped: reading it is a bug, and throws. */
export function withoutRaw(f: Fetched): Fetched {
  return Object.defineProperty(f, 'raw', {
    get() {
      throw new Error(`internal error: the platform JSON of order ${f.order.id} was dropped as unused (Paging.dropRaw)`);
    },
  });
}

/** An id routed to its store: the id the store knows, and how output names it. */
export interface Routed<T> {
  item: T;
  session: Session;
  /** The store's own id (without STORE:). */
  id: string;
  /** STORE:ID when the command involves several stores, else the id. */
  label: string;
}

/**
 * Sends each id to its store: `STORE:ID`, or an NDJSON line's "store", names
 * it; an id without one goes to the command's stores (-p, ORDERCTL_PROFILE,
 * the current one). `every`: such an id is asked of each of several stores
 * (showing an order); `one`: several stores for it is an error (changing one).
 */
export async function routeToStores<T extends { id: string; store?: string }>(ctx: Context, items: T[], mode: 'one' | 'every'): Promise<Routed<T>[]> {
  const data = (await ctx.config()).data();
  const known = new Set(ctx.globals.sandbox ? [SANDBOX_STORE] : Object.keys(data.profiles));
  const split = items.map((item) => {
    if (item.store !== undefined) {
      if (!known.has(item.store)) throw new UsageError(`order ${item.id}: no store named "${item.store}"`, { hint: `stores: ${[...known].join(', ')}` });
      return { item, store: item.store, id: item.id };
    }
    const colon = item.id.indexOf(':');
    const prefix = colon > 0 ? item.id.slice(0, colon) : undefined;
    if (prefix === undefined) return { item, store: undefined, id: item.id };
    // No platform's ids or numbers hold a ':' and no profile name does: X:ID names a store, or a mistyped one.
    if (!known.has(prefix)) throw new UsageError(`order ${item.id}: no store named "${prefix}"`, { hint: `stores: ${[...known].join(', ')}` });
    return { item, store: prefix, id: item.id.slice(colon + 1) };
  });
  const sessions = new Map<string, Session>();
  let defaults: Session[] = [];
  if (split.some((s) => s.store === undefined)) {
    defaults = await openSessions(ctx, undefined, { several: mode === 'every' });
    defaults.forEach((s) => sessions.set(s.profileName, s));
  }
  const named = [...new Set(split.map((s) => s.store).filter((n): n is string => n !== undefined && !sessions.has(n)))];
  if (named.length) {
    const opened = await openSessions({ ...ctx, globals: { ...ctx.globals, profiles: named, allProfiles: false } });
    opened.forEach((s) => sessions.set(s.profileName, s));
  }
  const routes = split.flatMap((s) => (s.store === undefined ? defaults : [sessions.get(s.store)!]).map((session) => ({ item: s.item, session, id: s.id })));
  const several = new Set(routes.map((r) => r.session)).size > 1 || defaults.length > 1;
  return routes.map((r) => ({ ...r, label: several ? storeId(r.session.profileName, r.id) : r.id }));
}
