import type { Context } from '../../core/context.js';
import { openSession, requireCapability } from '../../platforms/index.js';
import { confirmDestructive, readIds } from './shared.js';
import { runForEach } from './results.js';

export interface StatusOptions {
  ids: string[];
  stdin: boolean;
  set?: string;
  notify: boolean;
}

export async function run(ctx: Context, o: StatusOptions): Promise<void> {
  const ids = await readIds(ctx, o.ids, o.stdin);
  const { adapter } = await openSession(ctx);
  if (o.set === undefined) {
    // No --set: show each order's current status.
    await runForEach(ctx, ids, async (id) => {
      const { order } = await adapter.getOrder(id);
      return { status: order.status ?? order.nativeStatus, detail: { nativeStatus: order.nativeStatus } };
    });
    return;
  }
  requireCapability(adapter.platform, 'status', 'orders status --set');
  await confirmDestructive(ctx, `set the status of ${ids.length} order${ids.length === 1 ? '' : 's'} to ${o.set}`);
  await runForEach(ctx, ids, async (id) => {
    const r = await adapter.setStatus!(id, o.set!, { notify: o.notify });
    return { status: r.status ?? r.nativeStatus, detail: { nativeStatus: r.nativeStatus } };
  });
}
