import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { note, openCommerce, showCart } from './shared.js';

export interface UpdateOptions {
  id: string;
  item: string;
  qty: number;
}

export function parseOptions(id: string, item: string, flags: Record<string, unknown>): UpdateOptions {
  const s = String(flags.qty ?? '');
  if (!/^\d+$/.test(s) || Number(s) < 1) {
    throw new UsageError(`--qty must be a whole number of at least 1, not "${s}"`, { hint: `to take the item out: orderctl cart remove ${id} ${item}` });
  }
  return { id, item, qty: Number(s) };
}

export async function run(ctx: Context, o: UpdateOptions): Promise<void> {
  const got = await (await openCommerce(ctx, 'cart', 'cart')).updateCartItem(o.id, o.item, o.qty);
  note(ctx, `item ${o.item} of cart ${o.id} set to ${o.qty}`);
  showCart(ctx, got);
}
