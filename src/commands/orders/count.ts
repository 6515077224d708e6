import type { Context } from '../../core/context.js';
import { openSessions, requireCapability, type Session } from '../../platforms/index.js';
import { refuseOneStoreFlags, StoreFailures } from './stores.js';
import type { Adapter, OrderCount, OrderFilters, StatusCount } from '../../platforms/types.js';
import { chooseFormat, listWriter } from '../../output/writer.js';
import { refuseFormats } from '../../output/formats.js';
import type { View } from '../../output/view.js';
import { checkFilters, listMatching, splitFilters } from './matching.js';
import { noteUnmatchedStatuses, parseFilters } from './shared.js';
import { STATUSES, type Status } from '../../core/order.js';
import { schemaPaths } from '../../core/schema.js';
import { leafPaths } from '../../output/fields.js';

/** For platforms without a count endpoint: list every page and count, saying so. */
async function countByListing(ctx: Context, adapter: Adapter, filters: OrderFilters): Promise<OrderCount> {
  if (!ctx.globals.quiet && !adapter.countOrders) ctx.io.stderr.write(`note: ${adapter.platform} has no count endpoint; counting by listing every order\n`);
  const byStatus = new Map<string, StatusCount>();
  let count = 0;
  for await (const { order } of listMatching(ctx, adapter, filters, { all: true })) {
    count++;
    const key = order.nativeStatus;
    const entry = byStatus.get(key) ?? { status: order.status, nativeStatus: key, name: adapter.statusName?.(key) ?? key, count: 0 };
    entry.count++;
    byStatus.set(key, entry);
  }
  return { count, statuses: [...byStatus.values()] };
}

export function parseOptions(flags: Record<string, unknown>, now: Date): { filters: OrderFilters } {
  return { filters: parseFilters(flags, now) };
}

/** One row per normalized status (`orderctl schema count`), with the native codes behind it. */
export interface CountRow {
  status: Status | null;
  count: number;
  native: Array<{ code: string; name: string; count: number }>;
}

/** Native counts grouped by the normalized status a listing shows, in the vocabulary's order; unmapped codes last. */
export function byNormalizedStatus(statuses: StatusCount[]): CountRow[] {
  const rows = new Map<Status | null, CountRow>();
  for (const s of statuses) {
    const row = rows.get(s.status) ?? { status: s.status, count: 0, native: [] };
    row.count += s.count;
    row.native.push({ code: s.nativeStatus, name: s.name, count: s.count });
    rows.set(s.status, row);
  }
  const rank = (s: Status | null) => (s === null ? STATUSES.length : STATUSES.indexOf(s));
  return [...rows.values()].sort((a, b) => rank(a.status) - rank(b.status));
}

/**
 * CSV rows are a count's statuses, one a row as the table shows them: `count`
 * then sums to the total, and the native codes behind a status are lists
 * (native.code "11; 9; 8", native.count "11; 1; 2"), as the CSV of any record
 * holding an array of objects has them. Paths from `orderctl schema count`.
 */
const ROW_COLUMNS = leafPaths(schemaPaths('count').filter((p) => p.startsWith('statuses.')).map((p) => p.slice('statuses.'.length)));

const view: View<CountRow> = {
  csvColumns: ROW_COLUMNS,
  columns: [
    { header: 'STATUS', value: (r) => r.status ?? '(other)' },
    { header: 'COUNT', value: (r) => String(r.count), align: 'right' },
    { header: 'NATIVE', value: (r) => r.native.map((n) => `${n.code} ${n.name}${r.native.length > 1 ? `: ${n.count}` : ''}`).join(', '), flex: true },
  ],
  json: (r) => r,
  id: (r) => r.status ?? '',
};

async function countStore(ctx: Context, adapter: Adapter, filters: OrderFilters): Promise<OrderCount> {
  requireCapability(adapter.platform, 'list', 'orders count');
  checkFilters(adapter, filters);
  noteUnmatchedStatuses(ctx, adapter, filters);
  // An API count cannot apply what is filtered here (--search, --email on some platforms).
  const local = splitFilters(adapter.platform, filters).local.length > 0;
  return adapter.countOrders && !local ? adapter.countOrders(filters) : countByListing(ctx, adapter, filters);
}

export async function run(ctx: Context, o: { filters: OrderFilters }): Promise<void> {
  refuseFormats(ctx, 'orders count', { ids: 'it prints counts, not order ids' });
  const sessions = await openSessions(ctx);
  if (sessions.length > 1) return countStores(ctx, sessions, o.filters);
  const { adapter, profileName: store } = sessions[0]!;
  const counted = await countStore(ctx, adapter, o.filters);
  const rows = byNormalizedStatus(counted.statuses);
  const format = chooseFormat(ctx);
  if (format === 'json') {
    ctx.io.stdout.write(`${JSON.stringify({ store, count: counted.count, statuses: rows }, null, 2)}\n`);
    return;
  }
  const out = listWriter(ctx, view);
  for (const r of rows) out.write(r);
  out.end();
  if (format === 'table') ctx.io.stdout.write(`total ${counted.count}\n`);
}

/** A store's row of a count over several stores: its statuses shaped as one store's count is (`orderctl schema count`). */
interface StoreCount {
  store: string;
  platform: string;
  count: number;
  statuses: CountRow[];
}

const storesView: View<StoreCount> = {
  columns: [
    { header: 'STORE', value: (r) => r.store },
    { header: 'PLATFORM', value: (r) => r.platform },
    { header: 'COUNT', value: (r) => String(r.count), align: 'right' },
  ],
  json: (r) => r,
  id: (r) => r.store,
};

/** A store's status, for the CSV of several stores: one store's columns after the store's. */
const storeStatusView: View<CountRow & { store: string; platform: string }> = {
  columns: [],
  csvColumns: ['store', 'platform', ...ROW_COLUMNS],
  json: (r) => r,
  id: (r) => r.store,
};

/** Every store counted at once: a row per store and the total; a failed store is named and left out. */
async function countStores(ctx: Context, sessions: Session[], filters: OrderFilters): Promise<void> {
  refuseOneStoreFlags(filters);
  const failures = new StoreFailures(ctx, sessions.length);
  const settled = await Promise.allSettled(sessions.map((s) => countStore(ctx, s.adapter, filters)));
  const rows: StoreCount[] = [];
  settled.forEach((r, i) => {
    const s = sessions[i]!;
    if (r.status === 'fulfilled') rows.push({ store: s.profileName, platform: s.adapter.platform, count: r.value.count, statuses: byNormalizedStatus(r.value.statuses) });
    // Nothing is printed before every store is counted.
    else failures.report(s.profileName, r.reason, { first: true });
  });
  const total = rows.reduce((n, r) => n + r.count, 0);
  const format = chooseFormat(ctx);
  if (format === 'json') ctx.io.stdout.write(`${JSON.stringify({ count: total, stores: rows }, null, 2)}\n`);
  else if (format === 'ids') ctx.io.stdout.write(`${total}\n`);
  else if (format === 'csv') {
    // A row per store and status, so a spreadsheet pivots on either; a store with no orders keeps a row, counting 0.
    const out = listWriter(ctx, storeStatusView);
    for (const { store, platform, statuses } of rows) {
      for (const s of statuses.length ? statuses : [{ status: null, count: 0, native: [] }]) out.write({ store, platform, ...s });
    }
    out.end();
  } else {
    const out = listWriter(ctx, storesView);
    rows.forEach((r) => out.write(r));
    out.end();
    if (format === 'table') ctx.io.stdout.write(`total ${total}\n`);
  }
  failures.finish();
}
