// The sandbox's reading of Outshifter's rules, from the documents
// (seeds/outshifter-*.txt = seed; API-NOTES.md §4). Stated here on their own:
// the adapter states its reading in src/platforms/outshifter, and the two
// meet only over HTTP.

import type { WireAddress } from './wire.js';

/** "Anonymous and unfinished checkouts are deleted after 60 days from the last modification" (seed, cart & checkout). */
export const CHECKOUT_TTL_MS = 60 * 24 * 60 * 60 * 1000;

/** The item status the cancel endpoint sets (seed, "Cancel an Order": update the order item status to "CANCELED"). */
export const CANCELED = 'CANCELED';

/**
 * The statuses the sandbox's orders take. The documents name COMPLETED (the
 * list's filter example), CANCELED (item cancel) and "pending" (an order is
 * "marked as pending" when a payment is attempted, seed). PAID, SHIPPED and
 * RETURNED are the sandbox's own [I]. `shipped`: "cancellation is available
 * only before shipping has taken place" (seed), so these refuse it.
 */
export const ORDER_STATUSES: Record<string, { shipped: boolean; label: string }> = {
  PENDING: { shipped: false, label: 'pending' },
  PAID: { shipped: false, label: 'paid' },
  SHIPPED: { shipped: true, label: 'shipped' },
  COMPLETED: { shipped: true, label: 'completed' },
  CANCELED: { shipped: false, label: 'canceled' },
  RETURNED: { shipped: true, label: 'returned' },
};

export const isStatus = (s: string) => Object.hasOwn(ORDER_STATUSES, s);

/** The flat rate's service code: one "<productId>-FRP" a product, comma-joined (seed: "920-FRP,4108-FRP", "1214089-FRP"). */
export const flatRateCode = (productIds: number[]) => productIds.map((id) => `${id}-FRP`).join(',');

const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === '';

/** An address the shopper could be reached at: something@domain.tld [I: the API's own check is not published]. */
export function badEmail(v: string): boolean {
  return !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim());
}

const REGIONS = new Intl.DisplayNames(['en'], { type: 'region' });
/** Codes ICU names that are groupings, not countries. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ']);

/** "country_code": "NO", "US" (seed): two letters of a country ICU knows by name [I: the API's list is not published]. */
export function badCountry(v: string): boolean {
  const code = v.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return true;
  return REGIONS.of(code) === code;
}

/**
 * "You will not be able to proceed with payment without the following
 * information: personal information (name, email), shipping information,
 * billing information, payment method, shipping rate" (seed). Which address
 * fields make "shipping information" is [I]: street, city, zip and country,
 * as in the payment body example.
 */
export function paymentGaps(co: { email: string | null; shipping_address: WireAddress | null; billing_address: WireAddress | null; payment_method: string | null; rated: boolean }): string[] {
  const out: string[] = [];
  const missing = (a: WireAddress | null, fields: Array<keyof WireAddress>, prefix: string) => fields.filter((f) => blank(a?.[f])).map((f) => `${prefix}.${f}`);
  const place: Array<keyof WireAddress> = ['address1', 'city', 'zip', 'country_code'];
  const personal = [...missing(co.shipping_address, ['first_name', 'last_name'], 'shipping_address'), ...(blank(co.email) ? ['email'] : [])];
  if (personal.length) out.push(`personal information is missing: ${personal.join(', ')}`);
  const shipping = missing(co.shipping_address, place, 'shipping_address');
  if (shipping.length) out.push(`shipping information is missing: ${shipping.join(', ')}`);
  const billing = missing(co.billing_address, ['first_name', 'last_name', ...place], 'billing_address');
  if (billing.length) out.push(`billing information is missing: ${billing.join(', ')}`);
  if (blank(co.payment_method)) out.push('payment method is missing: payment_method');
  if (!co.rated) out.push('shipping rate is missing');
  return out;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '';
/** 100 (seed's priceChannel and shipping price) or "100.00". */
const isAmount = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0) || (typeof v === 'string' && /^\d+(\.\d{1,2})?$/.test(v.trim()));

/**
 * POST /orders: "Endpoint body should primarily include information about:
 * Channel, Final Customer, Purchased Products, Shipping Costs" (seed). The
 * sandbox requires what those words name: a channel and the channel's order
 * name, the currency, a customer with a name and an e-mail, and products;
 * shipping costs may be left out (an order picked up) [I].
 */
export function orderBodyProblems(body: unknown): string[] {
  if (!isObj(body)) return ['the body must be a JSON object'];
  const p: string[] = [];
  for (const k of ['channel', 'channelOrderName', 'currency']) if (!isText(body[k])) p.push(`${k} should not be empty`);
  if (isText(body.currency) && !/^[A-Z]{3}$/.test(body.currency as string)) p.push('currency must be a three-letter code such as NOK');
  if (body.channelCreatedDate !== undefined && (typeof body.channelCreatedDate !== 'string' || Number.isNaN(Date.parse(body.channelCreatedDate)))) p.push('channelCreatedDate must be a date, e.g. 1994-11-05T13:15:30Z');
  const c = body.customer;
  if (!isObj(c)) p.push('customer must be an object');
  else {
    if (!isText(c.fullName)) p.push('customer.fullName should not be empty');
    if (!isText(c.email) || badEmail(String(c.email))) p.push('customer.email must be an email');
    for (const k of ['shippingCountry', 'billingCountry']) if (c[k] !== undefined && c[k] !== null && (typeof c[k] !== 'string' || badCountry(c[k] as string))) p.push(`customer.${k} must be a country code`);
  }
  const items = body.items;
  if (!Array.isArray(items) || items.length === 0) p.push('items must be a non-empty list');
  else
    items.forEach((it, i) => {
      if (!isObj(it)) return void p.push(`items[${i}] must be an object`);
      if (!(Number.isInteger(Number(it.productId)) && Number(it.productId) > 0) || typeof it.productId === 'boolean') p.push(`items[${i}].productId must be a product id`);
      if (!(Number.isInteger(it.quantity) && (it.quantity as number) > 0)) p.push(`items[${i}].quantity must be a positive whole number`);
      if (!isAmount(it.priceChannel)) p.push(`items[${i}].priceChannel must be an amount`);
    });
  if (body.shippingItems !== undefined) {
    if (!Array.isArray(body.shippingItems)) p.push('shippingItems must be a list');
    else body.shippingItems.forEach((s, i) => (!isObj(s) || !isText(s.code) || !isAmount(s.price)) && p.push(`shippingItems[${i}] needs a code and a price`));
  }
  return p;
}
