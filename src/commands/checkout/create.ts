import type { Context } from '../../core/context.js';
import { note, openCommerce } from '../cart/shared.js';
import { showCheckout } from './shared.js';

export async function run(ctx: Context, o: { cartId: string }): Promise<void> {
  const got = await (await openCommerce(ctx, 'checkout', 'checkout')).createCheckout(o.cartId);
  note(ctx, `created checkout ${got.value.id} for cart ${o.cartId}`);
  showCheckout(ctx, got);
}
