// What the checkout verbs share: how a checkout looks, the address flags, and
// the one way a checkout is brought up to date before it is shown or paid.

import type { Context } from '../../core/context.js';
import type { Checkout, CheckoutPatch, Commerce, Contact, Got } from '../../platforms/commerce.js';
import { safeCell, tableTime } from '../../output/text.js';
import { CHECKOUT_FIELDS } from '../../output/record-fields.js';
import type { View } from '../../output/view.js';
import { writeOne } from '../../output/writer.js';
import { itemLines, moneyText, note } from '../cart/shared.js';
import { merged, type ContactInput } from './contact.js';

export function checkoutView(ctx: Context): View<Got<Checkout>> {
  const local = ctx.io.stdoutIsTTY && !ctx.globals.utc;
  return {
    columns: [
      { header: 'CHECKOUT', value: (r) => r.value.id },
      { header: 'STATUS', value: (r) => r.value.status, tone: (r) => (r.value.status === 'COMPLETED' ? 'good' : 'wait') },
      { header: 'EMAIL', value: (r) => r.value.email ?? '', flex: true, optional: true },
      { header: 'TOTAL', value: (r) => moneyText(r.value.totals.total), align: 'right' },
      { header: 'ORDER', value: (r) => r.value.orderId ?? '', optional: true },
      { header: 'UPDATED', value: (r) => tableTime(r.value.updatedAt, local), optional: true },
    ],
    json: (r) => (ctx.globals.raw ? r.raw : r.value),
    id: (r) => r.value.id,
    fields: CHECKOUT_FIELDS,
  };
}

export function contactLine(c: Contact | null): string | null {
  if (!c) return null;
  const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
  const phone = c.phone ? `${c.phoneCode ?? ''}${c.phone}` : null;
  const parts = [name, c.company, c.address1, c.address2, [c.zip, c.city].filter(Boolean).join(' '), c.province, c.countryCode, phone].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

export function checkoutSheet(ctx: Context, c: Checkout): string {
  const local = ctx.io.stdoutIsTTY && !ctx.globals.utc;
  const lines: string[] = [];
  const row = (k: string, v: string | null | undefined) => {
    if (v) lines.push(safeCell(`${k.padEnd(10)} ${v}`));
  };
  row('Checkout', `${c.id} on ${c.platform}`);
  row('Status', c.status);
  row('Cart', c.cartId);
  row('Updated', tableTime(c.updatedAt, local));
  row('E-mail', c.email);
  row('Shipping', contactLine(c.shippingAddress));
  row('Billing', contactLine(c.billingAddress));
  row('Rate', c.shippingRate ? `${c.shippingRate.name ?? c.shippingRate.code} ${moneyText(c.shippingRate.price)} (${c.shippingRate.code})` : null);
  row('Payment', c.paymentMethod);
  lines.push('Items', ...itemLines(c.items));
  row('Tax', moneyText(c.totals.tax));
  row('Total', moneyText(c.totals.total));
  const paid = c.status === 'COMPLETED';
  row('Order', c.orderId ? `${c.orderId}${paid ? ' (paid)' : ' (pending until paid)'}` : null);
  if (!paid) row('Pay at', c.checkoutUrl);
  return `${lines.join('\n')}\n`;
}

export function showCheckout(ctx: Context, got: Got<Checkout>): void {
  writeOne(ctx, checkoutView(ctx), got, (r) => checkoutSheet(ctx, r.value));
}

export interface CheckoutExtras {
  method?: string;
  shippingRate?: string;
  successUrl?: string;
  cancelUrl?: string;
}

/** What a PATCH must send for `input` and the extras; undefined when nothing changes. */
export function patchFor(input: ContactInput, extras: CheckoutExtras, current: Checkout): CheckoutPatch | undefined {
  const patch: CheckoutPatch = {};
  const { email, ...shipping } = input.shipping;
  if (Object.keys(shipping).length) patch.shippingAddress = shipping;
  if (email) patch.email = email;
  if (input.billingSame) {
    const { email: _drop, ...rest } = merged(current, input).shippingAddress!;
    patch.billingAddress = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null));
  } else if (Object.keys(input.billing).length) patch.billingAddress = input.billing;
  if (extras.method) patch.paymentMethod = extras.method;
  if (extras.shippingRate) patch.shippingRate = extras.shippingRate;
  if (extras.successUrl) patch.successUrl = extras.successUrl;
  if (extras.cancelUrl) patch.cancelUrl = extras.cancelUrl;
  return Object.keys(patch).length ? patch : undefined;
}

/**
 * Without a chosen rate, the flat rate to the shipping country — the one kind
 * of shipping Outshifter quotes — is chosen, and the user is told.
 */
export async function withShippingRate(ctx: Context, commerce: Commerce, current: Checkout, input: ContactInput, extras: CheckoutExtras): Promise<CheckoutExtras> {
  if (extras.shippingRate || current.shippingRate || !current.items.length || !current.currency) return extras;
  const country = merged(current, input).shippingAddress?.countryCode;
  if (!country) return extras;
  const items = current.items.map((i) => ({ productId: i.productId, quantity: i.quantity }));
  const { value: quote } = await commerce.shippingQuote({ items, country, currency: current.currency });
  note(ctx, `shipping: ${quote.serviceName}, ${moneyText(quote.total)} (${quote.serviceCode})`);
  return { ...extras, shippingRate: quote.serviceCode };
}
