import type { Context } from '../../core/context.js';
import { requireCapability } from '../../platforms/index.js';
import { RESULT_FIELDS } from '../../output/record-fields.js';
import { confirmDestructive } from './shared.js';
import { readBulkItems, routeBulk, runBulk, storesText, type BulkOptions } from './bulk.js';

export async function run(ctx: Context, o: BulkOptions & { ids: string[]; stdin: boolean }): Promise<void> {
  const { items, rejected } = await readBulkItems(ctx, o.ids, o.stdin, []);
  const routed = await routeBulk(ctx, items, (adapters) => adapters.forEach((a) => requireCapability(a.platform, 'archive', 'orders archive')));
  await confirmDestructive(ctx, `archive ${items.length} order${items.length === 1 ? '' : 's'}${storesText(routed)}`);
  await runBulk(ctx, routed.adapters[0]!.platform, routed.items, { ...o, rejected, fields: RESULT_FIELDS.archive }, async ({ target }) => {
    await target.adapter.archiveOrder!(target.id);
    return { status: null, detail: { archived: true } };
  });
}
