import type { Context } from '../../core/context.js';
import type { Got, Payment } from '../../platforms/commerce.js';
import { safeCell } from '../../output/text.js';
import { PAYMENT_FIELDS } from '../../output/record-fields.js';
import type { View } from '../../output/view.js';
import { writeOne } from '../../output/writer.js';
import { itemLines, moneyText, openCommerce } from '../cart/shared.js';
import { contactLine } from './shared.js';

/** A checkout's payment: method, addresses and the cart paid for. */
export async function run(ctx: Context, o: { id: string }): Promise<void> {
  const got = await (await openCommerce(ctx, 'checkout', 'checkout')).getPayment(o.id);
  const view: View<Got<Payment>> = {
    columns: [
      { header: 'CHECKOUT', value: (r) => r.value.checkoutId },
      { header: 'STATUS', value: (r) => r.value.status ?? '' },
      { header: 'METHOD', value: (r) => r.value.paymentMethod ?? '' },
      { header: 'EMAIL', value: (r) => r.value.email ?? '', flex: true },
      { header: 'TOTAL', value: (r) => moneyText(r.value.cart?.total ?? null), align: 'right' },
    ],
    json: (r) => (ctx.globals.raw ? r.raw : r.value),
    id: (r) => r.value.checkoutId,
    fields: PAYMENT_FIELDS,
  };
  writeOne(ctx, view, got, ({ value: p }) => {
    const lines = [`Checkout   ${p.checkoutId}`];
    const row = (k: string, v: string | null) => v && lines.push(`${k.padEnd(10)} ${v}`);
    row('Status', p.status ?? 'not started');
    row('Method', p.paymentMethod);
    row('E-mail', p.email);
    row('Shipping', contactLine(p.shippingAddress));
    row('Billing', contactLine(p.billingAddress));
    row('Success', p.successUrl);
    row('Cancel', p.cancelUrl);
    if (p.cart) lines.push('Items', ...itemLines(p.cart.items), `Total      ${moneyText(p.cart.total)}`);
    return `${lines.map(safeCell).join('\n')}\n`;
  });
}
