// Outshifter JSON → the normalized order, cart and checkout. The documents mix
// snake_case (cart_id, price_data.unit_price) and camelCase (checkout's cart:
// id, priceData.unitPrice), and send amounts as strings ("323.13") or numbers
// (200, 350.00): every documented form is read, and the output is one shape.

import { ApiError } from '../../core/errors.js';
import { addDecimal, money, multiplyDecimal } from '../../core/money.js';
import { CurrencyUnknownError, type Address, type FulfillmentStatus, type ItemStatus, type Money, type Order, type OrderItem, type PaymentStatus, type Shipment, type Status } from '../../core/order.js';
import { toIsoUtc } from '../../core/time.js';
import type { Cart, CartItem, Checkout, Contact, KlarnaSession, Payment, PaymentMethod, Quote, ShippingRate } from '../commerce.js';
import { DEFAULT_KLARNA_ORDER_FIELD, DEFAULT_SHIPPING_RATE_FIELD, GUESS_EXAMPLES, wrongGuess } from './guesses.js';
import { DEFAULT_STATUSES, nativeKey, type StatusTable } from './status.js';
import { UsageError } from '../../core/errors.js';
import type { OsAddress, OsAmount, OsCart, OsCheckout, OsCustomer, OsKlarnaSession, OsLineItem, OsOrder, OsPayment, OsQuote, OsShippingRate, OsTracking } from './types.js';

/** A string, or a number as its digits; blank and absent → null. */
export function text(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && v.trim() !== '') return v;
  return null;
}

/** An amount in either documented form; anything else is a shape the API does not document. */
export function amountOf(v: OsAmount | null | undefined, currency: string | null | undefined, what: string): Money | null {
  if (v === null || v === undefined || v === '') return null;
  try {
    return money(v, currency ?? '');
  } catch {
    throw new ApiError(`outshifter sent ${what} as ${JSON.stringify(v)}, which is not an amount`);
  }
}

function iso(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : toIsoUtc(new Date(t));
}

function sum(amounts: Array<Money | null>, currency: string): Money | null {
  const known = amounts.filter((m): m is Money => m !== null);
  if (!known.length) return null;
  return { amount: known.reduce((n, m) => addDecimal(n, m.amount), '0'), currency };
}

// ---------------------------------------------------------------- orders

function address(name: unknown, line1: unknown, city: unknown, state: unknown, zip: unknown, country: unknown, phone: unknown): Address | null {
  const a: Address = { name: text(name), company: null, line1: text(line1), line2: null, city: text(city), state: text(state), zip: text(zip), country: text(country), phone: text(phone) };
  return Object.values(a).some((v) => v !== null) ? a : null;
}

function shippingOf(c: OsCustomer): Address | null {
  return address(c.shippingContactName ?? c.fullName, c.shippingAddress, c.shippingCity, c.shippingState, c.shippingZip, c.shippingCountry, c.phone);
}

function billingOf(c: OsCustomer): Address | null {
  return address(c.billingName ?? c.fullName, c.billingAddress, c.billingCity, c.billingState, c.billingZip, c.billingCountry, null);
}

/** An item's or order's native status in the shared item vocabulary (the table in status.ts). */
const ITEM_STATUS: Partial<Record<Status, ItemStatus>> = {
  pending: 'unfulfilled',
  awaiting_fulfillment: 'unfulfilled',
  partially_fulfilled: 'unfulfilled',
  fulfilled: 'fulfilled',
  completed: 'fulfilled',
  cancelled: 'cancelled',
  return_requested: 'fulfilled',
  returned: 'returned',
  failed: 'cancelled',
};

const FULFILLMENT: Partial<Record<Status, FulfillmentStatus>> = {
  pending: 'unfulfilled',
  awaiting_fulfillment: 'unfulfilled',
  partially_fulfilled: 'partially_fulfilled',
  fulfilled: 'fulfilled',
  completed: 'fulfilled',
  return_requested: 'fulfilled',
  returned: 'fulfilled',
  cancelled: 'cancelled',
  failed: 'cancelled',
};

function toShipment(t: OsTracking): Shipment {
  return { id: null, carrier: text(t.carrier), service: null, tracking: text(t.trackingNumber), trackingUrl: text(t.trackingUrl), shippedAt: iso(t.createdAt), items: [] };
}

/** "#1060" → "1060": the number the shop shows, without the sign the channel writes before it. */
function orderNumber(o: OsOrder): string {
  const name = text(o.channelOrderName)?.trim().replace(/^#+\s*/, '');
  return name || String(o.id);
}

/**
 * The order's currency. The documents show an order's currency only in the
 * create body (seed); that a read order carries it as `currency` is [I]. A
 * code that is not three letters is not read as one: the profile's --currency
 * stands in for it, or reading fails saying so.
 */
function currencyOf(o: OsOrder, profileCurrency: string | undefined): string {
  const sent = o.currency;
  if (typeof sent === 'string' && /^[A-Za-z]{3}$/.test(sent.trim())) return sent.trim().toUpperCase();
  if (profileCurrency) return profileCurrency.toUpperCase();
  if (sent === undefined || sent === null || sent === '') throw new CurrencyUnknownError('outshifter', String(o.id));
  throw new UsageError(`outshifter sent order ${String(o.id)} with currency ${JSON.stringify(sent)}, not an ISO 4217 code (reading an order's currency from "currency" is a guess)`, {
    hint: "set the store's currency: orderctl profile add NAME --platform outshifter --currency NOK (with the profile's other flags)",
  });
}

/** A native status the table knows; an unknown one stops the reading (never some default). */
function knownStatus(native: string, statuses: StatusTable, where: string) {
  const info = statuses.info(native);
  if (info) return info;
  throw wrongGuess(
    `outshifter sent ${where} with status "${native}", which orderctl does not know: Outshifter's statuses other than CANCELED are a guess (known: ${statuses.codes.join(', ')})`,
    'statusMap',
    `${nativeKey(native)}=STATUS`,
  );
}

export function toNormalizedOrder(o: OsOrder, profileCurrency?: string, statuses: StatusTable = DEFAULT_STATUSES): Order {
  if (!o || typeof o !== 'object' || o.id === undefined || o.id === null) throw new ApiError('outshifter answered with an order that has no id');
  const currency = currencyOf(o, profileCurrency);
  const native = text(o.status) ?? '';
  // No status at all says nothing (null); a status orderctl does not know stops here.
  const status = native ? knownStatus(native, statuses, `order ${String(o.id)}`).status : null;
  const items: OrderItem[] = (Array.isArray(o.items) ? o.items : []).map((it) => {
    const unit = amountOf(it.priceChannel, currency, 'an item price');
    return {
      id: String(it.id),
      productId: text(it.productId),
      variantId: null,
      sku: null,
      title: text(it.title) ?? `product ${String(it.productId)}`,
      variant: text(it.variantTitle),
      quantity: it.quantity,
      unitPrice: unit,
      total: unit ? { amount: multiplyDecimal(unit.amount, it.quantity), currency } : null,
      status: itemStatus(text(it.status), statuses, `item ${String(it.id)} of order ${String(o.id)}`),
    };
  });
  // Cancelled items are not paid for [I: the documents give no order totals].
  const subtotal = sum(items.filter((i) => i.status !== 'cancelled').map((i) => i.total), currency) ?? (items.length ? { amount: '0.00', currency } : null);
  const shipping = amountOf(o.shippingPrice, currency, 'shippingPrice');
  const customer = o.customer ?? {};
  const trackings = Array.isArray(o.trackings) ? o.trackings : [];
  return {
    id: String(o.id),
    number: orderNumber(o),
    store: '',
    platform: 'outshifter',
    status,
    nativeStatus: native,
    // A tracking means something shipped, whatever the (undocumented) status says.
    fulfillmentStatus: (status && FULFILLMENT[status]) ?? (trackings.length ? 'fulfilled' : null),
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
    customer: { id: null, name: text(customer.fullName), email: text(customer.email), phone: text(customer.phone) },
    billingAddress: billingOf(customer),
    shippingAddress: shippingOf(customer),
    items,
    shipments: trackings.map(toShipment),
    // paymentProcessor names the method ("Klarna", seed); the state follows the order's [I].
    payment: { status: (status && PAYMENT_BY_STATUS[status]) ?? null, method: text(o.paymentProcessor) },
    totals: { subtotal, shipping, tax: null, discount: null, refunded: null, total: sum([subtotal, shipping], currency) },
    currency,
    channel: text(o.channel),
    externalRef: text(o.channelOrderName),
    notes: null,
    staffNotes: null,
  };
}

/**
 * Payment by order state [I: only pending — "created just before the payment is
 * attempted" — is documented]: a paid order stays paid through shipping and a
 * return request; a returned or cancelled one says nothing of a refund.
 */
const PAYMENT_BY_STATUS: Partial<Record<Status, PaymentStatus>> = {
  pending: 'pending',
  awaiting_payment: 'unpaid',
  failed: 'failed',
  awaiting_fulfillment: 'paid',
  partially_fulfilled: 'paid',
  fulfilled: 'paid',
  completed: 'paid',
  return_requested: 'paid',
  refunded: 'refunded',
  partially_refunded: 'partially_refunded',
};

function itemStatus(native: string | null, statuses: StatusTable, where: string): ItemStatus | null {
  if (!native) return null;
  return ITEM_STATUS[knownStatus(native, statuses, where).status] ?? null;
}

// ---------------------------------------------------------------- carts

export function toCartItem(li: OsLineItem, cartCurrency: string | null): CartItem {
  const price = li.price_data ?? li.priceData ?? {};
  const currency = text(price.currency) ?? cartCurrency ?? '';
  const unit = amountOf(price.unit_price ?? price.unitPrice, currency, 'a unit price');
  const productId = text(li.product_id ?? li.productId ?? li.product?.id);
  return {
    id: text(li.id),
    productId: productId ?? '',
    variantId: text(li.variant_id ?? li.variantId),
    title: text(li.product_title ?? li.productTitle ?? li.product?.title),
    quantity: li.quantity,
    unitPrice: unit,
    tax: amountOf(price.tax, currency, 'a tax amount'),
    total: unit ? { amount: multiplyDecimal(unit.amount, li.quantity), currency } : null,
  };
}

export function toCart(c: OsCart): Cart {
  const id = text(c?.cart_id ?? c?.id);
  if (!id) throw new ApiError('outshifter answered with a cart that has no id');
  const currency = text(c.currency);
  const items = (Array.isArray(c.line_items) ? c.line_items : []).map((li) => toCartItem(li, currency));
  return {
    id,
    platform: 'outshifter',
    sessionId: text(c.customer_session_id),
    currency,
    items,
    total: amountOf(c.total_amount, currency, 'total_amount'),
    createdAt: iso(c.created_at ?? c.createdAt),
    updatedAt: iso(c.updated_at ?? c.updatedAt),
  };
}

// ---------------------------------------------------------------- checkouts

const CONTACT_FIELDS: Array<[keyof Contact, keyof OsAddress]> = [
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['email', 'email'],
  ['phoneCode', 'phone_code'],
  ['phone', 'phone'],
  ['company', 'company'],
  ['address1', 'address1'],
  ['address2', 'address2'],
  ['city', 'city'],
  ['province', 'province'],
  ['provinceCode', 'province_code'],
  ['country', 'country'],
  ['countryCode', 'country_code'],
  ['zip', 'zip'],
];

export function toContact(a: OsAddress | null | undefined): Contact | null {
  if (!a || typeof a !== 'object') return null;
  return Object.fromEntries(CONTACT_FIELDS.map(([mine, theirs]) => [mine, text(a[theirs])])) as unknown as Contact;
}

/** The fields given, in the API's snake_case (PATCH /checkout/:id). */
export function fromContact(c: Partial<Contact>): OsAddress {
  const out: Record<string, string> = {};
  for (const [mine, theirs] of CONTACT_FIELDS) {
    const v = c[mine];
    if (v !== undefined && v !== null) out[theirs] = v;
  }
  return out as OsAddress;
}

function methodName(m: unknown): string | null {
  if (typeof m === 'string') return m;
  if (m && typeof m === 'object') {
    const o = m as Record<string, unknown>;
    return text(o.name ?? o.method ?? o.identifier ?? o.id);
  }
  return null;
}

/** GET /checkout/payment-methods: a list of names or of objects [I: the answer is not documented]. */
export function toPaymentMethods(body: unknown): PaymentMethod[] {
  const o = body as Record<string, unknown> | undefined;
  const list = Array.isArray(body) ? body : (o?.paymentMethods ?? o?.payment_methods ?? o?.availablePaymentMethods ?? o?.methods);
  if (!Array.isArray(list)) throw new ApiError('outshifter answered GET /checkout/payment-methods with an unexpected body (expected a list of payment methods)');
  return list.map(methodName).filter((n): n is string => n !== null).map((name) => ({ name }));
}

/** The chosen rate under its field [I]: an object with service_code (as a quote names it), or the code alone. */
function rateOf(v: unknown, currency: string): ShippingRate | null {
  if (typeof v === 'string' && v.trim()) return { code: v, name: null, price: null };
  if (!v || typeof v !== 'object') return null;
  const r = v as OsShippingRate;
  return r.service_code ? { code: r.service_code, name: text(r.service_name), price: amountOf(r.total_price, currency, 'a shipping rate') } : null;
}

export function toCheckout(c: OsCheckout, rateField = DEFAULT_SHIPPING_RATE_FIELD): Checkout {
  if (!c || typeof c !== 'object' || !text(c.id)) throw new ApiError('outshifter answered with a checkout that has no id');
  const cart = c.cart ? toCart(c.cart) : null;
  const chosen = (c as unknown as Record<string, unknown>)[rateField];
  const currency = cart?.currency ?? text((chosen as OsShippingRate | null)?.currency) ?? '';
  const shipping = toContact(c.shipping_address);
  const rate = rateOf(chosen, currency);
  return {
    id: String(c.id),
    platform: 'outshifter',
    status: text(c.status) ?? '',
    cartId: cart?.id ?? null,
    currency: currency || null,
    // The documented PATCH sends the e-mail inside shipping_address and answers "email": null.
    email: text(c.email) ?? shipping?.email ?? null,
    paymentMethod: text(c.payment_method),
    shippingAddress: shipping,
    billingAddress: toContact(c.billing_address),
    shippingRate: rate,
    items: cart?.items ?? [],
    totals: {
      items: amountOf(c.total_line_items_price, currency, 'total_line_items_price'),
      tax: amountOf(c.total_tax, currency, 'total_tax'),
      shipping: rate?.price ?? null,
      total: amountOf(c.total_price, currency, 'total_price'),
    },
    successUrl: text(c.success_url),
    cancelUrl: text(c.cancel_url),
    checkoutUrl: text(c.checkout_url),
    orderId: text(c.order_id),
    availablePaymentMethods: (c.availablePaymentMethods ?? []).map(methodName).filter((n): n is string => n !== null),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}

export function toPayment(p: OsPayment, checkoutId: string): Payment {
  if (!p || typeof p !== 'object' || Array.isArray(p)) throw new ApiError('outshifter answered GET /checkout/{id}/payment with an unexpected body');
  return {
    checkoutId,
    status: text(p.status),
    paymentMethod: text(p.payment_method),
    email: text(p.email),
    successUrl: text(p.success_url),
    cancelUrl: text(p.cancel_url),
    shippingAddress: toContact(p.shipping_address),
    billingAddress: toContact(p.billing_address),
    cart: p.cart ? toCart(p.cart) : null,
  };
}

export function toQuote(q: OsQuote): Quote {
  if (!q || typeof q !== 'object' || !text(q.service_code)) throw new ApiError('outshifter answered POST /shipping/flat-rate with an unexpected body (expected service_name, service_code, total_price)');
  return {
    serviceName: text(q.service_name) ?? '',
    description: text(q.description),
    serviceCode: String(q.service_code),
    total: amountOf(q.total_price, text(q.currency), 'total_price'),
  };
}

/**
 * POST /cart/:id/init-payment-klarna: the answer is not documented [I]. The
 * Klarna checkout has started when it answers, so a missing order id is said
 * loudly, with the setting that names its field, and the request is not repeated.
 */
export function toKlarna(k: OsKlarnaSession, cartId: string, orderField = DEFAULT_KLARNA_ORDER_FIELD): KlarnaSession {
  const orderId = k && typeof k === 'object' ? text((k as unknown as Record<string, unknown>)[orderField]) : null;
  if (orderId === null) {
    const fields = k && typeof k === 'object' ? Object.keys(k).join(', ') : typeof k;
    throw wrongGuess(`outshifter answered POST /cart/${cartId}/init-payment-klarna without "${orderField}" (it sent: ${fields || 'nothing'}): the field of the pending order's id is a guess; Klarna's checkout may have started, so it was not repeated`, 'klarnaOrderField', GUESS_EXAMPLES.klarnaOrderField);
  }
  return { cartId, orderId, klarnaOrderId: text(k.klarna_order_id), status: text(k.status), htmlSnippet: text(k.html_snippet) };
}
