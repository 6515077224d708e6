import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { openSession, requireCapability } from '../../platforms/index.js';
import { confirmDestructive } from './shared.js';
import { readBulkItems, runBulk, type BulkOptions } from './bulk.js';

export interface CancelOptions extends BulkOptions {
  ids: string[];
  stdin: boolean;
  items: string[];
  notify: boolean;
  byMerchant: boolean;
}

export async function run(ctx: Context, o: CancelOptions): Promise<void> {
  const { items, rejected } = await readBulkItems(ctx, o.ids, o.stdin, ['notify', 'byMerchant', 'items']);
  const { adapter } = await openSession(ctx);
  requireCapability(adapter.platform, 'cancel', 'orders cancel');
  if (o.items.length && adapter.platform !== 'outshifter') throw new UsageError(`cancelling single items (--item) is not available on ${adapter.platform}; it is on: outshifter`);
  if (o.byMerchant && adapter.platform !== 'cscart') throw new UsageError(`--by-merchant is not available on ${adapter.platform}; it is on: cscart`);
  await confirmDestructive(ctx, `cancel ${items.length} order${items.length === 1 ? '' : 's'}`);
  await runBulk(ctx, adapter.platform, items, { ...o, rejected }, async ({ id, overrides }) => {
    const r = await adapter.cancelOrder!(id, {
      notify: typeof overrides.notify === 'boolean' ? overrides.notify : o.notify,
      byMerchant: typeof overrides.byMerchant === 'boolean' ? overrides.byMerchant : o.byMerchant,
      items: Array.isArray(overrides.items) ? overrides.items.map(String) : o.items,
    });
    return { status: r.status ?? r.nativeStatus, detail: { nativeStatus: r.nativeStatus } };
  });
}
