import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { requireCapability } from '../../platforms/index.js';
import { confirmDestructive } from './shared.js';
import { readBulkItems, routeBulk, routeItems, runBulk, storesText, type BulkOptions, type ItemResult } from './bulk.js';
import type { View } from '../../output/view.js';

export interface StatusOptions extends BulkOptions {
  ids: string[];
  stdin: boolean;
  set?: string;
  notify: boolean;
}

/** Showing statuses changes nothing: no RESULT column, the native status beside the normalized one. */
function statusView(native: (code: string) => string): View<ItemResult> {
  return {
    columns: [
      { header: 'ID', value: (r) => r.id },
      { header: 'STATUS', value: (r) => r.status ?? '' },
      { header: 'NATIVE', value: (r) => (typeof r.detail?.nativeStatus === 'string' ? native(r.detail.nativeStatus) : '') },
      { header: 'ERROR', value: (r) => r.error?.message ?? '', flex: true },
    ],
    json: (r) => ({ id: r.id, store: r.store, ok: r.ok, status: r.status, error: r.error, ...r.detail }),
    id: (r) => r.id,
  };
}

export async function run(ctx: Context, o: StatusOptions): Promise<void> {
  const { items, rejected } = await readBulkItems(ctx, o.ids, o.stdin, ['set', 'notify']);
  const setting = o.set !== undefined || items.some((i) => i.overrides.set !== undefined);
  if (!setting) {
    // No --set: show each order's current status, on every store named.
    const { routes } = await routeItems(ctx, items, 'every');
    const shown = routes.map((r) => ({ ...r.bulk, target: r }));
    const first = routes[0]!.session.adapter;
    const view = statusView((code) => [code, first.statusName?.(code)].filter(Boolean).join(' '));
    await runBulk(ctx, first.platform, shown, { ...o, rejected, view }, async ({ target }) => {
      const { order } = await target.session.adapter.getOrder(target.id);
      return { status: order.status, detail: { nativeStatus: order.nativeStatus } };
    });
    return;
  }
  const routed = await routeBulk(ctx, items, (adapters) => adapters.forEach((a) => requireCapability(a.platform, 'status', 'orders status --set')));
  await confirmDestructive(ctx, `set the status of ${items.length} order${items.length === 1 ? '' : 's'}${storesText(routed)}${o.set ? ` to ${o.set}` : ''}`);
  await runBulk(ctx, routed.adapters[0]!.platform, routed.items, { ...o, rejected }, async ({ id, target, overrides }) => {
    const status = overrides.set ?? o.set;
    if (typeof status !== 'string') throw new UsageError(`no status to set for order ${id}: pass --set or a "set" field`);
    const r = await target.adapter.setStatus!(target.id, status, { notify: typeof overrides.notify === 'boolean' ? overrides.notify : o.notify });
    return { status: r.status, detail: { nativeStatus: r.nativeStatus } };
  });
}
