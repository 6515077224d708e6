import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { requireCapability } from '../../platforms/index.js';
import type { Adapter } from '../../platforms/types.js';
import { RESULT_FIELDS } from '../../output/record-fields.js';
import { confirmDestructive } from './shared.js';
import type { View } from '../../output/view.js';
import { readBulkItems, resultId, resultView, routeBulk, runBulk, storesText, type BulkOptions, type ItemResult, type RoutedItem } from './bulk.js';

export interface CancelOptions extends BulkOptions {
  ids: string[];
  stdin: boolean;
  items: string[];
  allItems: boolean;
  notify: boolean;
  byMerchant: boolean;
}

/** Platforms that cancel item by item (Outshifter) rather than whole orders. */
const byItem = (a: Adapter) => Boolean(a.planCancel && a.cancelItem);

export async function run(ctx: Context, o: CancelOptions): Promise<void> {
  // Flags that conflict whatever the store.
  if (o.items.length && o.allItems) throw new UsageError('--item and --all-items cannot be used together');
  const { items, rejected } = await readBulkItems(ctx, o.ids, o.stdin, ['notify', 'byMerchant', 'items']);
  const routed = await routeBulk(ctx, items, (adapters) => checkFlags(adapters, o));
  if (routed.adapters.some(byItem)) return cancelItems(ctx, routed, rejected, o);
  await confirmDestructive(ctx, `cancel ${items.length} order${items.length === 1 ? '' : 's'}${storesText(routed)}`);
  await runBulk(ctx, routed.adapters[0]!.platform, routed.items, { ...o, rejected, fields: RESULT_FIELDS.cancel }, (item) => cancelWhole(item, o));
}

/** What the stores of the run cannot do is refused before any request. */
function checkFlags(adapters: Adapter[], o: CancelOptions): void {
  adapters.forEach((a) => requireCapability(a.platform, 'cancel', 'orders cancel'));
  const whole = adapters.find((a) => !byItem(a));
  if (o.items.length && whole) throw new UsageError(`cancelling single items (--item) is not available on ${whole.platform}; it is on: outshifter`);
  if (o.allItems && whole) throw new UsageError(`--all-items is not available on ${whole.platform}; it is on: outshifter`);
  const notCsCart = adapters.find((a) => a.platform !== 'cscart');
  if (o.byMerchant && notCsCart) throw new UsageError(`--by-merchant is not available on ${notCsCart.platform}; it is on: cscart`);
}

/** One whole order, with its NDJSON line's fields over the flags. */
async function cancelWhole({ target, overrides }: RoutedItem, o: CancelOptions) {
  const r = await target.adapter.cancelOrder!(target.id, {
    notify: typeof overrides.notify === 'boolean' ? overrides.notify : o.notify,
    byMerchant: typeof overrides.byMerchant === 'boolean' ? overrides.byMerchant : o.byMerchant,
  });
  return { status: r.status, detail: { nativeStatus: r.nativeStatus } };
}

/**
 * Platforms that cancel item by item (Outshifter): each order's items are
 * worked out first (refusing shipped orders before any change), then each item
 * is one result, cancelled in turn. An order that cannot be planned is a
 * failed result of a bulk run, or the error itself for one order. Orders of
 * other stores in the same run (several stores) are cancelled whole.
 */
async function cancelItems(ctx: Context, routed: { items: RoutedItem[]; named: boolean }, rejected: number, o: CancelOptions): Promise<void> {
  const orders = routed.items;
  const work: RoutedItem[] = [];
  /** An item's result (ORDER/ITEM) and the order it is of, as -o ids names it. */
  const orderOf = new Map<string, string>();
  for (const order of orders) {
    const { target, overrides } = order;
    if (order.failure !== undefined || !byItem(target.adapter)) {
      work.push(order);
      continue;
    }
    const named = Array.isArray(overrides.items) ? overrides.items.map(String) : o.items;
    let itemIds: string[];
    try {
      itemIds = await target.adapter.planCancel!(target.id, { items: named, allItems: o.allItems, notify: o.notify });
    } catch (err) {
      if (orders.length === 1 && !rejected) throw err;
      work.push({ ...order, failure: err });
      continue;
    }
    if (!itemIds.length && !ctx.globals.quiet) ctx.io.stderr.write(`order ${order.id} is already cancelled: nothing to do\n`);
    for (const item of itemIds) {
      work.push({ ...order, id: `${order.id}/${item}`, overrides: { ...overrides, item } });
      orderOf.set(`${order.id}/${item}`, order.id);
    }
  }
  if (!work.length && !rejected) return;
  const itemCount = work.filter((w) => w.overrides.item !== undefined).length;
  const wholeCount = work.filter((w) => w.failure === undefined && !byItem(w.target.adapter)).length;
  const what = [
    wholeCount && `${wholeCount} order${wholeCount === 1 ? '' : 's'}`,
    itemCount && `${itemCount} item${itemCount === 1 ? '' : 's'} of ${orders.length - wholeCount} order${orders.length - wholeCount === 1 ? '' : 's'}`,
  ].filter(Boolean);
  if (what.length) await confirmDestructive(ctx, `cancel ${what.join(' and ')}${storesText(routed)}`);
  // One item at a time unless asked: the order's status follows its items.
  // -o ids prints each order once, not ORDER/ITEM, which no command takes.
  const printed = new Set<string>();
  const view: View<ItemResult> = {
    ...resultView,
    fields: RESULT_FIELDS.cancel,
    id: (r) => {
      const id = resultId({ id: orderOf.get(r.id) ?? r.id, store: r.store });
      if (printed.has(id)) return undefined;
      printed.add(id);
      return id;
    },
  };
  await runBulk(ctx, routed.items[0]!.target.adapter.platform, work, { ...o, concurrency: o.concurrency ?? 1, rejected, view }, async (w) => {
    if (w.overrides.item === undefined) return cancelWhole(w, o);
    const { target, overrides } = w;
    const item = String(overrides.item);
    const r = await target.adapter.cancelItem!(target.id, item);
    return { status: 'cancelled', detail: { order: target.id, item, orderStatus: r.status, nativeStatus: r.nativeStatus } };
  });
}
