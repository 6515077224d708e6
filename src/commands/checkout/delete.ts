import type { Context } from '../../core/context.js';
import { confirmDestructive } from '../orders/shared.js';
import { note, openCommerce, writeDeleted } from '../cart/shared.js';

export async function run(ctx: Context, o: { id: string }): Promise<void> {
  const commerce = await openCommerce(ctx, 'checkout', 'checkout');
  await confirmDestructive(ctx, `delete checkout ${o.id}`);
  await commerce.deleteCheckout(o.id);
  note(ctx, `deleted checkout ${o.id}`);
  writeDeleted(ctx, o.id);
}
