import type { Context } from '../../core/context.js';
import { openSession } from '../../platforms/index.js';
import { writeOne } from '../../output/writer.js';
import { orderSheet, orderView } from './shared.js';

export async function run(ctx: Context, o: { id: string }): Promise<void> {
  const { adapter } = await openSession(ctx);
  const fetched = await adapter.getOrder(o.id);
  writeOne(ctx, orderView(ctx, adapter), fetched, (r) => orderSheet(r.order, adapter.statusName?.(r.order.nativeStatus)));
}
