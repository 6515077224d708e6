import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { note, openCommerce, showCart } from './shared.js';

export interface RemoveOptions {
  id: string;
  items: string[];
}

export function parseOptions(id: string, items: string[]): RemoveOptions {
  if (!items.length) throw new UsageError('no items given', { hint: `name the items to remove: orderctl cart remove ${id} ITEM...` });
  return { id, items };
}

/** One request per item (the API removes one at a time); the cart is shown after. */
export async function run(ctx: Context, o: RemoveOptions): Promise<void> {
  const commerce = await openCommerce(ctx, 'cart', 'cart');
  for (const item of o.items) {
    await commerce.removeCartItem(o.id, item);
    note(ctx, `removed item ${item} from cart ${o.id}`);
  }
  showCart(ctx, await commerce.getCart(o.id));
}
