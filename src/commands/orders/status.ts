import type { Context } from '../../core/context.js';
import { InterruptedError, UsageError } from '../../core/errors.js';
import type { Fetched } from '../../platforms/types.js';
import { requireCapability } from '../../platforms/index.js';
import { confirmDestructive } from './shared.js';
import { concurrencyFor, inNoStore, lacksOrder, readBulkItems, readInOrder, readRoute, resultId, routeBulk, routeItems, runBulk, storesText, type BulkItem, type BulkOptions, type Route, type ItemResult } from './bulk.js';
import { RESULT_FIELDS } from '../../output/record-fields.js';
import type { View } from '../../output/view.js';

export interface StatusOptions extends BulkOptions {
  ids: string[];
  stdin: boolean;
  set?: string;
  notify: boolean;
}

/** Showing statuses changes nothing: no RESULT column, the native status beside the normalized one. */
function statusView(native: (code: string, store: string | null) => string): View<ItemResult> {
  return {
    columns: [
      { header: 'ID', value: (r) => r.id },
      { header: 'STATUS', value: (r) => r.status ?? '' },
      { header: 'NATIVE', value: (r) => (typeof r.detail?.nativeStatus === 'string' ? native(r.detail.nativeStatus, r.store) : '') },
      { header: 'ERROR', value: (r) => r.error?.message ?? '', flex: true },
    ],
    json: (r) => ({ id: r.id, store: r.store, ok: r.ok, status: r.status, error: r.error, ...r.detail }),
    id: resultId,
    fields: RESULT_FIELDS.status,
  };
}

export async function run(ctx: Context, o: StatusOptions): Promise<void> {
  // Without --set, a line is shown unless it says what to set: whole orders (orders list -o ndjson) are read as get reads them.
  const fields = ['set', 'notify'];
  const { items, rejected } = await readBulkItems(ctx, o.ids, o.stdin, o.set === undefined ? { readUnless: 'set', fields } : fields);
  const setting = o.set !== undefined || items.some((i) => i.overrides.set !== undefined);
  if (!setting) {
    // No --set: show each order's current status, on every store named.
    const { routes } = await routeItems(ctx, items, 'every');
    const first = routes[0]!.session.adapter;
    const shown = await readFannedOut(ctx, routes, concurrencyFor(first.platform, o, items.length));
    // Each order's native status named by its own store's platform.
    const adapters = new Map(routes.map((r) => [r.session.profileName, r.session.adapter]));
    const view = statusView((code, store) => [code, (adapters.get(store ?? '') ?? first).statusName?.(code)].filter(Boolean).join(' '));
    await runBulk(ctx, first.platform, shown, { ...o, rejected, view, reading: true }, async ({ target, read }) => {
      if (read?.status === 'rejected') throw read.reason;
      const { order } = read ? read.value : await target.session.adapter.getOrder(target.id);
      return { status: order.status, detail: { nativeStatus: order.nativeStatus } };
    });
    return;
  }
  const routed = await routeBulk(ctx, items, (adapters) => adapters.forEach((a) => requireCapability(a.platform, 'status', 'orders status --set')));
  await confirmDestructive(ctx, `set the status of ${items.length} order${items.length === 1 ? '' : 's'}${storesText(routed)}${o.set ? ` to ${o.set}` : ''}`);
  await runBulk(ctx, routed.adapters[0]!.platform, routed.items, { ...o, rejected, fields: RESULT_FIELDS.status }, async ({ id, target, overrides }) => {
    const status = overrides.set ?? o.set;
    if (typeof status !== 'string') throw new UsageError(`no status to set for order ${id}: pass --set or a "set" field`);
    const r = await target.adapter.setStatus!(target.id, status, { notify: typeof overrides.notify === 'boolean' ? overrides.notify : o.notify });
    return { status: r.status, detail: { nativeStatus: r.nativeStatus } };
  });
}

type Shown = Route['bulk'] & { target: Route; read?: PromiseSettledResult<Fetched> };

/**
 * What each order's status is shown for. An id asked of several stores (no
 * store named) is read in each at once and shown where it is, as orders get
 * does: a store that lacks it (not found, or an id that cannot be one there)
 * is no failure when another has it, and none having it is one "not found"
 * naming the stores tried.
 */
async function readFannedOut(ctx: Context, routes: Route[], concurrency: number): Promise<Shown[]> {
  const groups = new Map<BulkItem, Route[]>();
  for (const r of routes) groups.set(r.item, [...(groups.get(r.item) ?? []), r]);
  const fanned = [...groups.values()].filter((g) => g.length > 1);
  const reads = new Map<Route, PromiseSettledResult<Fetched>>();
  let stopping = false;
  ctx.onInterrupt(() => (stopping = true));
  await readInOrder(fanned, concurrency, (g) => Promise.allSettled(g.map(readRoute)), (g, outcome) => {
    if ('value' in outcome) g.forEach((r, i) => reads.set(r, outcome.value[i]!));
  }, () => stopping);
  if (stopping) throw new InterruptedError();
  return [...groups.values()].flatMap((g): Shown[] => {
    if (g.length === 1) return [{ ...g[0]!.bulk, target: g[0]! }];
    const read = g.map((r) => ({ r, read: reads.get(r)! }));
    const kept = read.filter((x) => x.read.status === 'fulfilled' || !lacksOrder(x.read.reason));
    if (kept.length) return kept.map((x) => ({ ...x.r.bulk, failure: undefined, target: x.r, read: x.read }));
    const { item } = g[0]!;
    const error = inNoStore(item.id, g.map((r) => r.session.profileName), read.map((x) => (x.read as PromiseRejectedResult).reason));
    return [{ ...g[0]!.bulk, id: item.id, store: undefined, failure: undefined, target: g[0]!, read: { status: 'rejected', reason: error } }];
  });
}
