import type { Context } from '../../core/context.js';
import { confirmDestructive } from '../orders/shared.js';
import { note, openCommerce, writeDeleted } from './shared.js';

export async function run(ctx: Context, o: { id: string }): Promise<void> {
  const commerce = await openCommerce(ctx, 'cart', 'cart');
  await confirmDestructive(ctx, `delete cart ${o.id}`);
  await commerce.deleteCart(o.id);
  note(ctx, `deleted cart ${o.id}`);
  writeDeleted(ctx, o.id);
}
