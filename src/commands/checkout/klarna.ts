import type { Context } from '../../core/context.js';
import type { Got, KlarnaSession } from '../../platforms/commerce.js';
import { KLARNA_FIELDS } from '../../output/record-fields.js';
import type { View } from '../../output/view.js';
import { writeOne } from '../../output/writer.js';
import { note, openCommerce } from '../cart/shared.js';

/** Klarna's own checkout straight from a cart: a pending order and the snippet a shop embeds. */
export async function run(ctx: Context, o: { cartId: string }): Promise<void> {
  const got = await (await openCommerce(ctx, 'checkout', 'checkout klarna')).klarna(o.cartId);
  const view: View<Got<KlarnaSession>> = {
    columns: [
      { header: 'CART', value: (r) => r.value.cartId },
      { header: 'ORDER', value: (r) => r.value.orderId },
      { header: 'KLARNA ORDER', value: (r) => r.value.klarnaOrderId ?? '' },
      { header: 'STATUS', value: (r) => r.value.status ?? '' },
    ],
    json: (r) => (ctx.globals.raw ? r.raw : r.value),
    id: (r) => r.value.orderId,
    fields: KLARNA_FIELDS,
  };
  note(ctx, `started a Klarna payment for cart ${o.cartId}: order ${got.value.orderId} is pending`);
  writeOne(ctx, view, got);
}
