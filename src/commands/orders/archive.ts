import type { Context } from '../../core/context.js';
import { openSession, requireCapability } from '../../platforms/index.js';
import { confirmDestructive } from './shared.js';
import { readBulkItems, runBulk, type BulkOptions } from './bulk.js';

export async function run(ctx: Context, o: BulkOptions & { ids: string[]; stdin: boolean }): Promise<void> {
  const { items, rejected } = await readBulkItems(ctx, o.ids, o.stdin, []);
  const { adapter } = await openSession(ctx);
  requireCapability(adapter.platform, 'archive', 'orders archive');
  await confirmDestructive(ctx, `archive ${items.length} order${items.length === 1 ? '' : 's'}`);
  await runBulk(ctx, adapter.platform, items, { ...o, rejected }, async ({ id }) => {
    await adapter.archiveOrder!(id);
    return { status: 'archived' };
  });
}
