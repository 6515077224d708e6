import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { openSession, requireCapability } from '../../platforms/index.js';
import { confirmDestructive, readIds } from './shared.js';
import { runForEach } from './results.js';

export interface CancelOptions {
  ids: string[];
  stdin: boolean;
  items: string[];
  notify: boolean;
  byMerchant: boolean;
}

export async function run(ctx: Context, o: CancelOptions): Promise<void> {
  const ids = await readIds(ctx, o.ids, o.stdin);
  const { adapter } = await openSession(ctx);
  requireCapability(adapter.platform, 'cancel', 'orders cancel');
  if (o.items.length && adapter.platform !== 'outshifter') throw new UsageError(`cancelling single items (--item) is not available on ${adapter.platform}; it is on: outshifter`);
  if (o.byMerchant && adapter.platform !== 'cscart') throw new UsageError(`--by-merchant is not available on ${adapter.platform}; it is on: cscart`);
  await confirmDestructive(ctx, `cancel ${ids.length} order${ids.length === 1 ? '' : 's'}`);
  await runForEach(ctx, ids, async (id) => {
    const r = await adapter.cancelOrder!(id, { notify: o.notify, byMerchant: o.byMerchant, items: o.items });
    return { status: r.status ?? r.nativeStatus, detail: { nativeStatus: r.nativeStatus } };
  });
}
