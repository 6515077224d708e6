import type { Context } from '../../core/context.js';
import { openCommerce } from '../cart/shared.js';
import { showCheckout } from './shared.js';

export async function run(ctx: Context, o: { id: string }): Promise<void> {
  showCheckout(ctx, await (await openCommerce(ctx, 'checkout', 'checkout')).getCheckout(o.id));
}
