import type { Context } from '../../core/context.js';
import { openCommerce, showCart } from './shared.js';

export async function run(ctx: Context, o: { id: string }): Promise<void> {
  showCart(ctx, await (await openCommerce(ctx, 'cart', 'cart')).getCart(o.id));
}
