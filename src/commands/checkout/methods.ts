import type { Context } from '../../core/context.js';
import type { PaymentMethod } from '../../platforms/commerce.js';
import { METHOD_FIELDS } from '../../output/record-fields.js';
import type { View } from '../../output/view.js';
import { listWriter } from '../../output/writer.js';
import { openCommerce } from '../cart/shared.js';

/** The payment methods the seller offers, one a row. */
export async function run(ctx: Context): Promise<void> {
  const got = await (await openCommerce(ctx, 'checkout', 'checkout')).paymentMethods();
  const raw = Array.isArray(got.raw) ? got.raw : undefined;
  const view: View<{ m: PaymentMethod; i: number }> = {
    columns: [{ header: 'METHOD', value: (r) => r.m.name }],
    json: (r) => (ctx.globals.raw && raw ? raw[r.i] : r.m),
    id: (r) => r.m.name,
    fields: METHOD_FIELDS,
  };
  const out = listWriter(ctx, view);
  got.value.forEach((m, i) => out.write({ m, i }));
  out.end();
}
