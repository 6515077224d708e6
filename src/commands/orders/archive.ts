import type { Context } from '../../core/context.js';
import { openSession, requireCapability } from '../../platforms/index.js';
import { confirmDestructive, readIds } from './shared.js';
import { runForEach } from './results.js';

export async function run(ctx: Context, o: { ids: string[]; stdin: boolean }): Promise<void> {
  const ids = await readIds(ctx, o.ids, o.stdin);
  const { adapter } = await openSession(ctx);
  requireCapability(adapter.platform, 'archive', 'orders archive');
  await confirmDestructive(ctx, `archive ${ids.length} order${ids.length === 1 ? '' : 's'}`);
  await runForEach(ctx, ids, async (id) => {
    await adapter.archiveOrder!(id);
    return { status: 'archived' };
  });
}
