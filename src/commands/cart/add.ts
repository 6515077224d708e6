import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import type { CartItemInput } from '../../platforms/commerce.js';
import { note, openCommerce, parseItemSpec, showCart } from './shared.js';

export interface AddOptions {
  id: string;
  items: CartItemInput[];
}

export function parseOptions(id: string, flags: Record<string, unknown>): AddOptions {
  const specs = (flags.item as string[] | undefined) ?? [];
  if (!specs.length) throw new UsageError('no items given', { hint: 'add items with --item PRODUCT[:VARIANT]:QTY[@PRICE] (repeatable)' });
  return { id, items: specs.map(parseItemSpec) };
}

/** Every item in one request (the API takes several); the whole cart is shown after. */
export async function run(ctx: Context, o: AddOptions): Promise<void> {
  const got = await (await openCommerce(ctx, 'cart', 'cart')).addCartItems(o.id, o.items);
  note(ctx, `added ${o.items.length} item${o.items.length === 1 ? '' : 's'} to cart ${o.id}`);
  showCart(ctx, got);
}
