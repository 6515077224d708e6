import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { openSession, requireCapability, type Session } from '../../platforms/index.js';
import { confirmDestructive } from './shared.js';
import { readBulkItems, runBulk, type BulkItem, type BulkOptions } from './bulk.js';

export interface CancelOptions extends BulkOptions {
  ids: string[];
  stdin: boolean;
  items: string[];
  allItems: boolean;
  notify: boolean;
  byMerchant: boolean;
}

export async function run(ctx: Context, o: CancelOptions): Promise<void> {
  const { items, rejected } = await readBulkItems(ctx, o.ids, o.stdin, ['notify', 'byMerchant', 'items']);
  const session = await openSession(ctx);
  const { adapter } = session;
  requireCapability(adapter.platform, 'cancel', 'orders cancel');
  const byItem = Boolean(adapter.planCancel && adapter.cancelItem);
  if (o.items.length && !byItem) throw new UsageError(`cancelling single items (--item) is not available on ${adapter.platform}; it is on: outshifter`);
  if (o.allItems && !byItem) throw new UsageError(`--all-items is not available on ${adapter.platform}; it is on: outshifter`);
  if (o.items.length && o.allItems) throw new UsageError('--item and --all-items cannot be used together');
  if (o.byMerchant && adapter.platform !== 'cscart') throw new UsageError(`--by-merchant is not available on ${adapter.platform}; it is on: cscart`);
  if (byItem) return cancelItems(ctx, session, items, rejected, o);
  await confirmDestructive(ctx, `cancel ${items.length} order${items.length === 1 ? '' : 's'}`);
  await runBulk(ctx, session.adapter.platform, items, { ...o, rejected }, async ({ id, overrides }) => {
    const r = await adapter.cancelOrder!(id, {
      notify: typeof overrides.notify === 'boolean' ? overrides.notify : o.notify,
      byMerchant: typeof overrides.byMerchant === 'boolean' ? overrides.byMerchant : o.byMerchant,
    });
    return { status: r.status, detail: { nativeStatus: r.nativeStatus } };
  });
}

/**
 * Platforms that cancel item by item (Outshifter): each order's items are
 * worked out first (refusing shipped orders before any change), then each item
 * is one result, cancelled in turn. An order that cannot be planned is a
 * failed result of a bulk run, or the error itself for one order.
 */
async function cancelItems(ctx: Context, session: Session, orders: BulkItem[], rejected: number, o: CancelOptions): Promise<void> {
  const { adapter } = session;
  const work: BulkItem[] = [];
  for (const { id, overrides } of orders) {
    const named = Array.isArray(overrides.items) ? overrides.items.map(String) : o.items;
    let itemIds: string[];
    try {
      itemIds = await adapter.planCancel!(id, { items: named, allItems: o.allItems, notify: o.notify });
    } catch (err) {
      if (orders.length === 1 && !rejected) throw err;
      work.push({ id, overrides: { failure: err } });
      continue;
    }
    if (!itemIds.length && !ctx.globals.quiet) ctx.io.stderr.write(`order ${id} is already cancelled: nothing to do\n`);
    for (const item of itemIds) work.push({ id: `${id}/${item}`, overrides: { order: id, item } });
  }
  if (!work.length && !rejected) return;
  const changes = work.filter((w) => w.overrides.item !== undefined).length;
  if (changes) await confirmDestructive(ctx, `cancel ${changes} item${changes === 1 ? '' : 's'} of ${orders.length} order${orders.length === 1 ? '' : 's'}`);
  // One item at a time unless asked: the order's status follows its items.
  await runBulk(ctx, session.adapter.platform, work, { ...o, concurrency: o.concurrency ?? 1, rejected }, async ({ overrides }) => {
    if (overrides.failure) throw overrides.failure;
    const order = String(overrides.order);
    const item = String(overrides.item);
    const r = await adapter.cancelItem!(order, item);
    return { status: 'cancelled', detail: { order, item, orderStatus: r.status, nativeStatus: r.nativeStatus } };
  });
}
