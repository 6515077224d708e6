// Reading request bodies: every field checked before anything changes.

import { isKnownStatus } from './statuses.js';
import type { BillingAddress } from './wire.js';
import { convert, fail, formatMoney, invalidField, M, parseMoney, type StoredOrder, withTax } from './common.js';
import { CATALOGUE, rateOf } from './reference.js';
import { ADDRESS_KEYS, type LineInput, setStatus } from './records.js';

export function asObject(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) fail(400, 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

export function optString(b: Record<string, unknown>, field: string, max = 65_535): string | undefined {
  const v = b[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') invalidField(field, 'it must be a string');
  if ((v as string).length > max) invalidField(field, `it must be at most ${max} characters`);
  return v as string;
}

export function optInt(b: Record<string, unknown>, field: string, min = 0): number | undefined {
  const v = b[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) invalidField(field, `it must be an integer of ${min} or more`);
  return v as number;
}

export function optMoney(b: Record<string, unknown>, field: string): number | undefined {
  const v = b[field];
  if (v === undefined) return undefined;
  const units = parseMoney(v);
  if (units === undefined || units < 0) invalidField(field, "it must be a number that can't be negative");
  return units;
}

export function optStatus(b: Record<string, unknown>): number | undefined {
  const v = b.status_id;
  if (v === undefined) return undefined;
  if (!isKnownStatus(v)) invalidField('status_id', 'it must be a status id from 0 to 14');
  return v as number;
}

export function addressInput(v: unknown, field: string): Partial<BillingAddress> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) invalidField(field, 'it must be an object');
  const a = v as Record<string, unknown>;
  for (const k of ADDRESS_KEYS) if (a[k] !== undefined && typeof a[k] !== 'string') invalidField(`${field}.${k}`, 'it must be a string');
  return a as Partial<BillingAddress>;
}

/** How a catalogue line is priced: in the order's currency, taxed as its billing country. */
export interface Pricing {
  currency: string;
  taxBp: number;
}

/** A new product line from POST /orders or PUT (no id): a catalogue product_id, or a custom product. */
export function lineInput(v: unknown, where: string, pricing: Pricing): LineInput {
  const p = asLine(v, where);
  const quantity = p.quantity;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) invalidField(`${where}.quantity`, 'it must be an integer of 1 or more');
  const priceEx = optMoney(p, 'price_ex_tax');
  const priceInc = optMoney(p, 'price_inc_tax');
  const name = optString(p, 'name', 250) ?? optString(p, 'name_customer', 250) ?? optString(p, 'name_merchant', 250);
  if (p.product_id !== undefined && p.product_id !== 0) {
    const c = CATALOGUE.find((x) => x.product_id === p.product_id);
    if (!c) return fail(400, `The product with ID ${String(p.product_id)} does not exist.`);
    const rate = parseMoney(rateOf(pricing.currency))!;
    const currency = pricing.currency;
    const ex = priceEx ?? convert(M(c.price), rate, currency);
    const options = Array.isArray(p.product_options) ? (p.product_options as Array<{ id: number; value: unknown }>) : [];
    const chosen: LineInput['options'] = options.map((po) => {
      const opt = c.options.find((x) => x.product_option_id === po.id);
      const value = opt?.values.find((x) => x[0] === String(po.value));
      return opt && value ? { option: opt, value } : { custom: { id: Number(po.id), value: String(po.value) } };
    });
    const skuParts = chosen.flatMap((x) => ('option' in x && x.value[2] ? [x.value[2]] : []));
    return {
      productId: c.product_id,
      variantId: optInt(p, 'variant_id') ?? c.product_id * 100,
      name: name || c.name,
      sku: optString(p, 'sku') ?? [c.sku, ...skuParts].join('-'),
      priceEx: ex,
      priceInc: priceInc ?? withTax(ex, pricing.taxBp, currency),
      quantity: quantity as number,
      brand: c.brand,
      weight: c.weight,
      options: chosen,
      upc: optString(p, 'upc'),
    };
  }
  // orderCustomProduct_Post: name, quantity, price_inc_tax and price_ex_tax are required.
  if (!name) return invalidField(`${where}.name`, 'a custom product needs a non-empty name (or a product_id from the catalogue)');
  if (priceEx === undefined || priceInc === undefined) return invalidField(where, 'a custom product needs price_ex_tax and price_inc_tax');
  return { productId: 0, name, sku: optString(p, 'sku') ?? '', priceEx, priceInc, quantity: quantity as number, brand: '', weight: '0.0000', options: [], upc: optString(p, 'upc') };
}

export function asLine(v: unknown, where: string): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) invalidField(where, 'each product must be an object');
  return v as Record<string, unknown>;
}

// Read-only in order_RespOnly: the API refuses them with this message (spec: the 400 example).
export const READ_ONLY = ['id', 'date_modified', 'date_shipped', 'status', 'custom_status', 'subtotal_tax', 'total_tax', 'items_shipped', 'shipping_address_count', 'cart_id', 'payment_status', 'store_credit_amount', 'gift_certificate_amount', 'currency_id', 'currency_code', 'currency_exchange_rate', 'default_currency_id', 'coupon_discount', 'is_email_opt_in', 'external_id'];

/** order_Put marks default_currency_code readOnly; order_Post lets it be written. */
export const READ_ONLY_ON_PUT = ['default_currency_code'];

export function refuseReadOnly(b: Record<string, unknown>, more: readonly string[] = []): void {
  for (const k of [...READ_ONLY, ...more]) {
    if (k in b) fail(400, `The field '${k}' cannot be written to. Please remove it from your request before trying again.`);
  }
}

/** Simple writable fields shared by POST and PUT. */
export function applyScalars(o: StoredOrder, b: Record<string, unknown>): void {
  for (const k of ['staff_notes', 'customer_message', 'payment_method', 'external_order_id', 'customer_locale', 'ebay_order_id'] as const) {
    const v = optString(b, k);
    if (v !== undefined) o[k] = v;
  }
  if (b.external_source !== undefined) o.external_source = b.external_source === null ? null : optString(b, 'external_source')!;
  const customerId = optInt(b, 'customer_id');
  if (customerId !== undefined) o.customer_id = customerId;
  const channelId = optInt(b, 'channel_id', 1);
  if (channelId !== undefined) o.channel_id = channelId;
  const discount = optMoney(b, 'discount_amount');
  if (discount !== undefined) o.discount_amount = formatMoney(discount);
  const statusId = optStatus(b);
  if (statusId !== undefined) setStatus(o, statusId);
}
