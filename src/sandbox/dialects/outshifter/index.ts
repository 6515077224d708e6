// The sandbox's Outshifter dialect, under /outshifter: the REST API of
// seeds/outshifter-*.txt and API-NOTES.md §4 at /outshifter/api, and the page a
// shopper pays on at /outshifter/pay/{checkoutId} (a payment provider's page in
// real life). Answers keep the documents' mix of snake_case and camelCase and
// of string and number amounts. Where the sources are silent: [I].

import type { Dialect, DialectContext, DialectRequest, DialectResponse } from '../../dialect.js';
import { sortByKeys } from '../../keyed-sort.js';
import { withFields } from '../../with-fields.js';
import { badCountry, badEmail, CANCELED, CHECKOUT_TTL_MS, flatRateCode, isStatus, ORDER_STATUSES, orderBodyProblems, paymentGaps } from './rules.js';
import {
  CURRENCIES,
  decimal,
  flatRate,
  minorOf,
  nextUuid,
  OUTSHIFTER,
  PAYMENT_METHODS,
  priceIn,
  seedOutshifter,
  STOREFRONTS,
  taxOf,
  type Currency,
  type OsSection,
  type StoredCart,
  type StoredCheckout,
  type StoredLine,
} from './data.js';
import type { StoredOrder, WireAddress, WireVariant } from './wire.js';

export { OUTSHIFTER, type OsSection } from './data.js';
export type { StoredOrder, WireVariant } from './wire.js';

const REASONS: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 409: 'Conflict', 413: 'Payload Too Large', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

/** {statusCode, message, error} [I: no error format is published; this is the common Node (NestJS) shape]. */
export function osError(status: number, message: string | string[]): DialectResponse {
  return { status, body: { statusCode: status, message, error: REASONS[status] ?? 'Error' } };
}

class OsFailure extends Error {
  constructor(
    readonly status: number,
    readonly messages: string | string[],
  ) {
    super(Array.isArray(messages) ? messages.join('; ') : messages);
  }
}
const fail = (status: number, message: string | string[]): never => {
  throw new OsFailure(status, message);
};

const iso = (ms: number) => new Date(ms).toISOString();
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------- answers

function product(sec: OsSection, id: unknown) {
  return sec.catalogue.find((p) => p.id === Number(id));
}

function cartTotal(c: StoredCart): number {
  return c.lines.reduce((n, l) => n + l.unit * l.quantity, 0);
}

/** GET /cart/:id (seed): snake_case, amounts as strings; POST /cart answers total_amount as a number. */
function snakeCart(c: StoredCart, numbers = false) {
  const amount = (m: number) => (numbers ? m / 100 : decimal(m));
  return {
    cart_id: c.id,
    customer_session_id: c.customer_session_id,
    created_at: iso(c.created),
    updated_at: iso(c.updated),
    line_items: c.lines.map((l) => ({
      id: l.id,
      product_id: l.product_id,
      variant_id: l.variant_id,
      quantity: l.quantity,
      price_data: { unit_price: amount(l.unit), tax: amount(l.tax), currency: c.currency },
    })),
    total_amount: amount(cartTotal(c)),
    currency: c.currency,
  };
}

/** The cart inside a checkout (seed): camelCase, priceData, amounts as strings. */
function camelCart(sec: OsSection, c: StoredCart) {
  return {
    createdAt: iso(c.created),
    updatedAt: iso(c.updated),
    id: c.id,
    customer_session_id: c.customer_session_id,
    currency: c.currency,
    total_amount: decimal(cartTotal(c)),
    deletedAt: null,
    line_items: c.lines.map((l) => ({
      createdAt: iso(l.created),
      updatedAt: iso(l.updated),
      id: l.id,
      deletedAt: null,
      variantId: l.variant_id,
      quantity: l.quantity,
      product: { id: l.product_id, title: product(sec, l.product_id)?.title ?? null },
      priceData: { id: `${l.id.slice(0, 24)}${String(l.product_id).padStart(12, '0').slice(-12)}`, unitPrice: decimal(l.unit), tax: decimal(l.tax), currency: c.currency },
    })),
  };
}

/** The rate a checkout has chosen, priced for its cart now; none when the cart or country changed since. */
function rateOf(sec: OsSection, co: StoredCheckout, cart: StoredCart): { code: string; name: string; minor: number } | undefined {
  const country = co.shipping_address?.country_code;
  if (!co.shipping_rate || !country || cart.lines.length === 0) return undefined;
  const ids = [...new Set(cart.lines.map((l) => l.product_id))];
  if (co.shipping_rate !== flatRateCode(ids)) return undefined;
  const minor = ids.reduce((n, id) => n + flatRate(product(sec, id)!, country, cart.currency), 0);
  return { code: co.shipping_rate, name: `Flat rate price to ${country.toUpperCase()}`, minor };
}

function checkoutBody(sec: OsSection, co: StoredCheckout) {
  const cart = cartOf(sec, co);
  const items = cartTotal(cart);
  const tax = cart.lines.reduce((n, l) => n + l.tax * l.quantity, 0);
  const rate = rateOf(sec, co, cart);
  return {
    createdAt: iso(co.created),
    updatedAt: iso(co.updated),
    id: co.id,
    deletedAt: null,
    success_url: co.success_url,
    cancel_url: co.cancel_url,
    payment_method: co.payment_method,
    email: co.email,
    status: co.status,
    checkout_url: co.checkout_url,
    total_price: decimal(items + (rate?.minor ?? 0)),
    total_tax: decimal(tax),
    total_line_items_price: items / 100,
    cart: camelCart(sec, cart),
    billing_address: co.billing_address,
    shipping_address: co.shipping_address,
    // The chosen rate, under the field it was set by [I: the documents name no field].
    [rateField(sec)]: rate ? { service_code: rate.code, service_name: rate.name, total_price: decimal(rate.minor), currency: cart.currency } : null,
    order_id: co.order_id,
    // The seller's methods once the shopper's country is known [I].
    availablePaymentMethods: co.shipping_address?.country_code ? PAYMENT_METHODS.map((name) => ({ name })) : [],
  };
}

// ---------------------------------------------------------------- lookups

function findCart(sec: OsSection, id: string): StoredCart {
  return sec.carts.find((c) => c.id === id && c.deleted === undefined) ?? fail(404, `Cart ${id} not found`);
}

/** A checkout's cart, even when deleted since (a completed checkout keeps showing what was bought). */
function cartOf(sec: OsSection, co: StoredCheckout): StoredCart {
  return sec.carts.find((c) => c.id === co.cart_id) ?? fail(404, `Cart ${co.cart_id} not found`);
}

function findCheckout(sec: OsSection, id: string): StoredCheckout {
  return sec.checkouts.find((c) => c.id === id) ?? fail(404, `Checkout ${id} not found`);
}

function findOrder(sec: OsSection, id: string): StoredOrder {
  return sec.orders.find((o) => String(o.id) === id) ?? fail(404, `Order ${id} not found`);
}

function currencyOf(v: unknown): Currency {
  const c = typeof v === 'string' ? v.toUpperCase() : '';
  return (CURRENCIES as readonly string[]).includes(c) ? (c as Currency) : fail(400, [`currency must be one of ${CURRENCIES.join(', ')}`]);
}

// ---------------------------------------------------------------- orders

/** dateFrom/dateTo: "2021-07-01" (seed) or a full time; a date-only dateTo takes in that whole day. */
function dateParam(v: string | undefined, name: string, endOfDay: boolean): number | undefined {
  if (v === undefined || v === '') return undefined;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
  if (Number.isNaN(t)) fail(400, [`${name} must be a date such as 2021-07-01`]);
  return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(v) ? t + 86_400_000 - 1 : t;
}

/** What the sandbox plays where the documents leave a guess open (wire.ts); the defaults are orderctl's guesses. */
const variant = (sec: OsSection): WireVariant => sec.wire ?? {};
const rateField = (sec: OsSection) => variant(sec).shippingRateField ?? 'shipping_rate';

/** A status as the API writes it (a variant may call PAID something else). */
const wireStatus = (sec: OsSection, s: string) => variant(sec).statusNames?.[s] ?? s;
/** A status as the API reads it: the written name back to the stored one; undefined when the API does not know it. */
function storedStatus(sec: OsSection, written: string): string | undefined {
  const names = variant(sec).statusNames ?? {};
  const renamed = Object.entries(names).find(([, w]) => w === written)?.[0];
  if (renamed) return renamed;
  return isStatus(written) && !(written in names) ? written : undefined;
}

/** An order as the API answers it: the stored order, in the variant's words where one is played. */
function orderOut(sec: OsSection, o: StoredOrder): Record<string, unknown> {
  const v = variant(sec);
  const out: Record<string, unknown> = withFields(o, { status: wireStatus(sec, o.status), items: o.items.map((i) => withFields(i, { status: wireStatus(sec, i.status) })) });
  if (v.currencyField !== undefined) {
    delete out.currency;
    if (v.currencyField) out[v.currencyField] = o.currency;
  }
  return out;
}

/**
 * "Get user orders" (seed): a channel storefront's orders by status, dateFrom
 * and dateTo. The path, the parameter names and the transport are not shown
 * [I]: GET /orders?storefront=&status=&dateFrom=&dateTo=, unless a variant
 * plays another. An unknown status matches no order [I]; the answer is the
 * whole list, newest first [I: no paging is documented].
 */
function listOrders(sec: OsSection, q: Record<string, unknown>) {
  const v = variant(sec).list ?? {};
  const param = (k: 'storefront' | 'status' | 'dateFrom' | 'dateTo' | 'page') => {
    const got = q[v.params?.[k] ?? k];
    return got === undefined || got === null || got === '' ? undefined : String(got);
  };
  const storefront = param('storefront');
  if (!storefront) fail(400, [`${v.params?.storefront ?? 'storefront'} is required: orders are listed per channel storefront`]);
  const status = param('status');
  if (status !== undefined && !/^[A-Za-z_]+$/.test(status)) fail(400, ['status must be a status name such as COMPLETED']);
  const wanted = status === undefined ? undefined : storedStatus(sec, status.toUpperCase());
  const from = dateParam(param('dateFrom'), 'dateFrom', false);
  const to = dateParam(param('dateTo'), 'dateTo', true);
  const rows = sec.orders
    .filter((o) => o.storefront === storefront)
    .filter((o) => status === undefined || o.status === wanted)
    .filter((o) => {
      if (from === undefined && to === undefined) return true;
      const t = Date.parse(o.updatedAt);
      return (from === undefined || t >= from) && (to === undefined || t <= to);
    });
  // Newest first; dates parsed once per order, not once per comparison.
  const sorted = sortByKeys(rows, (o) => ({ created: Date.parse(o.createdAt), id: o.id }), (a, b) => b.created - a.created || b.id - a.id).map((x) => x.item);
  if (!v.pageSize) return sorted.map((o) => orderOut(sec, o));
  const page = Number(param('page') ?? '1');
  if (!Number.isInteger(page) || page < 1) fail(400, ['page must be a whole number of at least 1']);
  // Only the page's orders are put in the API's words.
  const data = sorted.slice((page - 1) * v.pageSize, page * v.pageSize).map((o) => orderOut(sec, o));
  return { data, total: sorted.length, page, pageSize: v.pageSize };
}

function createOrder(sec: OsSection, body: unknown, now: number): StoredOrder {
  const problems = orderBodyProblems(body);
  if (problems.length) fail(400, problems);
  const b = body as Record<string, unknown> & { items: Array<Record<string, unknown>>; shippingItems?: Array<Record<string, unknown>>; customer: Record<string, string> };
  const ship = b.shippingItems ?? [];
  const order: StoredOrder = {
    createdAt: iso(now),
    updatedAt: iso(now),
    id: sec.next.orderId++,
    channel: String(b.channel),
    channelId: b.channelId === undefined ? null : String(b.channelId),
    channelOrderName: String(b.channelOrderName),
    channelCreatedDate: typeof b.channelCreatedDate === 'string' ? iso(Date.parse(b.channelCreatedDate)) : iso(now),
    // An order a channel sends in is paid there [I].
    status: 'PAID',
    currency: String(b.currency),
    paymentProcessor: typeof b.paymentProcessor === 'string' ? b.paymentProcessor : null,
    storefront: typeof b.storefront === 'string' ? b.storefront : STOREFRONTS[0]!,
    shippingPrice: decimal(ship.reduce((n, s) => n + (minorOf(s.price) ?? 0), 0)),
    shippingTitle: typeof ship[0]?.title === 'string' ? ship[0].title : null,
    shippingCode: ship.length ? ship.map((s) => String(s.code)).join(',') : null,
    customer: b.customer,
    items: b.items.map((it) => ({
      id: sec.next.itemId++,
      productId: Number(it.productId),
      title: product(sec, it.productId)?.title ?? `Product ${String(it.productId)}`,
      variantTitle: typeof it.variantTitle === 'string' ? it.variantTitle : null,
      quantity: Number(it.quantity),
      priceChannel: decimal(minorOf(it.priceChannel)!),
      status: 'PAID',
    })),
    reseller: { id: 5, name: 'Sandbox Outdoor AS' },
    trackings: [],
  };
  sec.orders.push(order);
  return order;
}

/** PUT /orders/:id/items/:itemId {"status":"CANCELED"}: only before shipping (seed). */
function cancelItem(sec: OsSection, ctx: DialectContext, orderId: string, itemId: string, body: unknown): StoredOrder {
  const order = findOrder(sec, orderId);
  const item = (order.items ?? []).find((i) => String(i.id) === itemId) ?? fail(404, `Item ${itemId} not found in order ${orderId}`);
  if (!isObj(body) || body.status !== CANCELED) fail(400, ['status must be CANCELED']);
  if (item.status === CANCELED) return order; // already so: nothing changes
  const blocked = [order.status, item.status].find((s) => ORDER_STATUSES[s]?.shipped);
  if (blocked) fail(409, `Order ${orderId} is ${ORDER_STATUSES[blocked]!.label}: items can no longer be canceled. A return must be initiated in the Outshifter return solution.`);
  item.status = CANCELED;
  // "If the order only has one product, the whole order will be canceled" (seed): so once every item is.
  if (order.items.every((i) => i.status === CANCELED)) order.status = CANCELED;
  order.updatedAt = iso(ctx.now);
  ctx.store.recordChange(OUTSHIFTER, orderId);
  return order;
}

// ---------------------------------------------------------------- carts

function addItems(sec: OsSection, cart: StoredCart, body: unknown, now: number): StoredLine[] {
  const lines = isObj(body) ? body.line_items : undefined;
  if (!Array.isArray(lines) || lines.length === 0) fail(400, ['line_items must be a non-empty list']);
  const added: StoredLine[] = [];
  const problems: string[] = [];
  const checked = (lines as unknown[]).map((li, i) => {
    if (!isObj(li)) return void problems.push(`line_items[${i}] must be an object`);
    const p = product(sec, li.product_id);
    if (!p) return void problems.push(`line_items[${i}].product_id: product ${String(li.product_id)} not found`);
    const variant = li.variant_id === null || li.variant_id === undefined ? null : Number(li.variant_id);
    if (variant !== null && !p.variants.some((v) => v.id === variant)) problems.push(`line_items[${i}].variant_id: product ${p.id} has no variant ${String(li.variant_id)}`);
    if (!Number.isInteger(li.quantity) || (li.quantity as number) < 1) problems.push(`line_items[${i}].quantity must be a whole number of at least 1`);
    const pd = isObj(li.price_data) ? li.price_data : {};
    if (pd.currency !== undefined && pd.currency !== null && String(pd.currency).toUpperCase() !== cart.currency) problems.push(`line_items[${i}].price_data.currency must be the cart's currency, ${cart.currency}`);
    const unit = pd.unit_price === undefined ? priceIn(p.nok, cart.currency) : minorOf(pd.unit_price);
    if (unit === undefined) problems.push(`line_items[${i}].price_data.unit_price must be an amount`);
    const tax = pd.tax === undefined || pd.tax === null ? taxOf(unit ?? 0) : minorOf(pd.tax);
    if (tax === undefined) problems.push(`line_items[${i}].price_data.tax must be an amount`);
    return { p, variant, quantity: li.quantity as number, unit: unit ?? 0, tax: tax ?? 0 };
  });
  if (problems.length) fail(400, problems);
  for (const c of checked) {
    const { p, variant, quantity, unit, tax } = c!;
    // The same product, variant and price again: one line with more of it [I].
    const same = cart.lines.find((l) => l.product_id === p.id && l.variant_id === variant && l.unit === unit);
    if (same) {
      same.quantity += quantity;
      same.updated = now;
      added.push(same);
      continue;
    }
    const line: StoredLine = { id: nextUuid(sec), product_id: p.id, variant_id: variant, quantity, unit, tax, created: now, updated: now };
    cart.lines.push(line);
    added.push(line);
  }
  cart.updated = now;
  return added;
}

/** The add answer (seed): only the lines added, amounts as numbers, with the product's title. */
function addedBody(sec: OsSection, cart: StoredCart, lines: StoredLine[]) {
  return {
    line_items: lines.map((l) => ({
      id: l.id,
      product_id: l.product_id,
      product_title: product(sec, l.product_id)?.title ?? '',
      product_image: [],
      variant_id: l.variant_id,
      quantity: l.quantity,
      price_data: { unit_price: l.unit / 100, tax: l.tax / 100, currency: cart.currency },
    })),
  };
}

function pendingOrderFrom(sec: OsSection, co: StoredCheckout, cart: StoredCart, processor: string, now: number): StoredOrder {
  const a = co.shipping_address ?? {};
  const b = co.billing_address ?? a;
  const name = (x: WireAddress) => [x.first_name, x.last_name].filter(Boolean).join(' ') || null;
  const rate = rateOf(sec, co, cart);
  const existing = co.order_id !== null ? sec.orders.find((o) => o.id === co.order_id) : undefined;
  const order: StoredOrder = {
    createdAt: existing?.createdAt ?? iso(now),
    updatedAt: iso(now),
    id: existing?.id ?? sec.next.orderId++,
    channel: 'Outshifter Checkout',
    channelId: '1',
    channelOrderName: existing?.channelOrderName ?? `#C${String(sec.orders.length + 1).padStart(4, '0')}`,
    channelCreatedDate: existing?.channelCreatedDate ?? iso(now),
    // "the order id is created just before the payment is attempted and marked as pending" (seed)
    status: 'PENDING',
    currency: cart.currency,
    paymentProcessor: processor,
    storefront: STOREFRONTS[0]!,
    shippingPrice: rate ? decimal(rate.minor) : '0.00',
    shippingTitle: rate?.name ?? null,
    shippingCode: rate?.code ?? null,
    customer: {
      fullName: name(a),
      email: co.email ?? a.email ?? null,
      phone: a.phone === undefined || a.phone === null ? null : `${a.phone_code ?? ''}${String(a.phone)}`,
      shippingContactName: name(a),
      shippingAddress: a.address1 ?? null,
      shippingCity: a.city ?? null,
      shippingState: a.province ?? null,
      shippingZip: a.zip === undefined || a.zip === null ? null : String(a.zip),
      shippingCountry: a.country_code ?? null,
      billingName: name(b),
      billingAddress: b.address1 ?? null,
      billingZip: b.zip === undefined || b.zip === null ? null : String(b.zip),
      billingCity: b.city ?? null,
      billingState: b.province ?? null,
      billingCountry: b.country_code ?? null,
    },
    items: cart.lines.map((l) => {
      const p = product(sec, l.product_id);
      return {
        id: sec.next.itemId++,
        productId: l.product_id,
        title: p?.title ?? `Product ${l.product_id}`,
        variantTitle: p?.variants.find((v) => v.id === l.variant_id)?.title ?? null,
        quantity: l.quantity,
        priceChannel: decimal(l.unit),
        status: 'PENDING',
      };
    }),
    reseller: { id: 5, name: 'Sandbox Outdoor AS' },
    trackings: [],
  };
  if (existing) Object.assign(existing, order);
  else sec.orders.push(order);
  return existing ?? order;
}

// ---------------------------------------------------------------- checkouts

const ADDRESS_KEYS = ['first_name', 'last_name', 'email', 'phone_code', 'phone', 'company', 'address1', 'address2', 'city', 'province', 'province_code', 'country', 'country_code', 'zip'];

/** A partial address merged into what the checkout has; numbers (phone, zip) are kept as the shopper gave them. */
function mergeAddress(sec: OsSection, current: WireAddress | null, patch: unknown, field: string): WireAddress {
  if (!isObj(patch)) return fail(400, [`${field} must be an object`]);
  const unknown = Object.keys(patch).filter((k) => !ADDRESS_KEYS.includes(k));
  if (unknown.length) fail(400, unknown.map((k) => `${field}.${k} is not a known field`));
  const next: WireAddress = { ...(current ?? { id: nextUuid(sec), first_name: null, last_name: null, phone_code: null, phone: null, company: null, address1: null, address2: null, city: null, province: null, province_code: null, country: null, country_code: null, zip: null }) };
  for (const [k, v] of Object.entries(patch)) {
    if (v !== null && typeof v !== 'string' && typeof v !== 'number') fail(400, [`${field}.${k} must be a string`]);
    (next as Record<string, unknown>)[k] = v;
  }
  const problems = [
    ...(next.email && badEmail(next.email) ? [`${field}.email must be an email`] : []),
    ...(next.country_code && badCountry(next.country_code) ? [`${field}.country_code must be a country code such as NO`] : []),
  ];
  if (problems.length) fail(400, problems);
  if (next.country_code) next.country_code = next.country_code.toUpperCase();
  return next;
}

function applyPatch(sec: OsSection, co: StoredCheckout, body: unknown, now: number): void {
  if (!isObj(body)) fail(400, ['the body must be a JSON object']);
  const b = body as Record<string, unknown>;
  if (co.status === 'COMPLETED') fail(409, `Checkout ${co.id} is completed and can no longer change`);
  if (b.shipping_address !== undefined) {
    co.shipping_address = mergeAddress(sec, co.shipping_address, b.shipping_address, 'shipping_address');
    // The seed's PATCH sends the e-mail inside shipping_address; the checkout keeps it [I].
    if (co.shipping_address.email) co.email = co.shipping_address.email;
  }
  if (b.billing_address !== undefined) co.billing_address = b.billing_address === null ? null : mergeAddress(sec, co.billing_address, b.billing_address, 'billing_address');
  for (const k of ['email', 'success_url', 'cancel_url'] as const) {
    if (b[k] === undefined) continue;
    if (b[k] !== null && typeof b[k] !== 'string') fail(400, [`${k} must be a string`]);
    co[k] = b[k] as string | null;
  }
  if (co.email && badEmail(co.email)) fail(400, ['email must be an email']);
  if (b.payment_method !== undefined) {
    const m = PAYMENT_METHODS.find((x) => x.toLowerCase() === String(b.payment_method).toLowerCase());
    if (!m) fail(400, [`payment_method must be one of ${PAYMENT_METHODS.join(', ')}`]);
    co.payment_method = m!;
  }
  // "You will not be able to proceed with payment without … shipping rate" (seed); the field is [I],
  // and a field the API does not know is ignored [I], as a PATCH of other fields ignores them.
  const field = rateField(sec);
  if (b[field] !== undefined) {
    const cart = findCart(sec, co.cart_id);
    const country = co.shipping_address?.country_code;
    if (!country) fail(400, [`${field} needs the shipping address country_code first`]);
    const offered = flatRateCode([...new Set(cart.lines.map((l) => l.product_id))]);
    if (b[field] !== offered) fail(400, [`${field} must be the flat rate of the cart's products: ${offered}`]);
    co.shipping_rate = offered;
  }
  co.updated = now;
}

/** PATCH /checkout/:id/payment (seed): the flat body, then everything the payment needs, then the pending order. */
function startPayment(sec: OsSection, co: StoredCheckout, body: unknown, baseUrl: string, now: number) {
  if (!isObj(body)) fail(400, ['the body must be a JSON object']);
  const b = body as Record<string, unknown>;
  const contact = Object.fromEntries(Object.entries(b).filter(([k]) => ADDRESS_KEYS.includes(k) && k !== 'email'));
  const patch: Record<string, unknown> = { ...(Object.keys(contact).length ? { shipping_address: contact } : {}) };
  for (const k of ['email', 'success_url', 'cancel_url', 'payment_method']) if (b[k] !== undefined) patch[k] = b[k];
  applyPatch(sec, co, patch, now);
  const missing = paymentGaps({ ...co, rated: rateOf(sec, co, cartOf(sec, co)) !== undefined });
  if (missing.length) fail(400, missing);
  const cart = cartOf(sec, co);
  const order = pendingOrderFrom(sec, co, cart, co.payment_method!, now);
  co.order_id = Number(order.id);
  co.checkout_url = `${baseUrl}/pay/${co.id}`;
  return { checkout_url: co.checkout_url, order_id: order.id };
}

/** The shopper pays on the provider's page: the checkout completes and the order is paid. */
function pay(sec: OsSection, ctx: DialectContext, co: StoredCheckout) {
  if (co.order_id === null) fail(409, `Checkout ${co.id} has no payment to complete: initiate it first (PATCH /checkout/${co.id}/payment)`);
  const order = sec.orders.find((o) => o.id === co.order_id) ?? fail(404, `Order ${String(co.order_id)} not found`);
  if (co.status !== 'COMPLETED') {
    co.status = 'COMPLETED';
    co.paid_at = ctx.now;
    co.updated = ctx.now;
    order.status = 'PAID';
    for (const i of order.items ?? []) if (i.status === 'PENDING') i.status = 'PAID';
    order.updatedAt = iso(ctx.now);
    ctx.store.recordChange(OUTSHIFTER, String(order.id));
  }
  return { checkout_id: co.id, status: co.status, order_id: order.id, order_status: order.status, success_url: co.success_url };
}

function payPage(sec: OsSection, co: StoredCheckout): string {
  const body = checkoutBody(sec, co);
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const state = co.status === 'COMPLETED' ? '<p>Paid. Thank you!</p>' : co.order_id === null ? '<p>The payment has not been initiated yet.</p>' : `<form method="post"><button type="submit">Pay ${esc(String(body.total_price))} ${esc(cartOf(sec, co).currency)}</button></form>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>orderctl sandbox payment</title></head><body><h1>Sandbox payment</h1><p>Checkout ${esc(co.id)}, order ${esc(String(co.order_id ?? '-'))}, ${esc(co.payment_method ?? '')}</p>${state}</body></html>\n`;
}

/** "Anonymous and unfinished checkouts are deleted after 60 days from the last modification" (seed). */
export function pruneCheckouts(sec: OsSection, now: number): number {
  const before = sec.checkouts.length;
  sec.checkouts = sec.checkouts.filter((c) => c.status === 'COMPLETED' || now - c.updated < CHECKOUT_TTL_MS);
  return before - sec.checkouts.length;
}

// ---------------------------------------------------------------- routes

function route(sec: OsSection, req: DialectRequest, ctx: DialectContext): DialectResponse {
  const { method, body, query } = req;
  const now = ctx.now;
  const p = req.path.split('/').filter(Boolean).map(decodeURIComponent);
  pruneCheckouts(sec, now);
  const ok = (b: unknown, status = 200): DialectResponse => ({ status, body: b });

  if (p[0] === 'pay' && p.length === 2) {
    const co = findCheckout(sec, p[1]!);
    if (method === 'GET') return { status: 200, html: payPage(sec, co) };
    if (method === 'POST') {
      const done = pay(sec, ctx, co);
      // A browser goes on to the shop's success page, as after a real payment.
      if (/text\/html/.test(req.headers.accept ?? '') && co.success_url) return { status: 303, headers: { location: co.success_url } };
      return ok(done);
    }
  }
  const v = variant(sec);
  // "PUT https://api.outshifter.com/orders/:id/items/:itemId" (seed, no /api): played when a variant asks.
  const isCancel = (q: string[]) => q[0] === 'orders' && q.length === 4 && q[2] === 'items' && method === 'PUT';
  if (v.cancelItemOutsideApi && isCancel(p)) return ok(orderOut(sec, cancelItem(sec, ctx, p[1]!, p[3]!, body)));
  if (p[0] !== 'api') fail(404, `Cannot ${method} ${req.path}`);
  const [, noun, id, sub, verb, itemId] = p;

  const listPath = v.list?.path ?? '/orders';
  const listMethod = v.list?.method ?? 'GET';
  const rest = `/${p.slice(1).join('/')}`;
  if (rest === listPath && method === listMethod) return ok(listOrders(sec, method === 'GET' ? query : isObj(body) ? body : {}));
  if (rest === listPath && method === 'GET') fail(405, `Cannot GET /api${rest}`);

  if (noun === 'orders') {
    if (!id && method === 'POST') return ok(orderOut(sec, createOrder(sec, body, now)), 201);
    if (id && !sub && method === 'GET') return ok(orderOut(sec, findOrder(sec, id)));
    if (id && sub === 'items' && verb && !itemId && method === 'PUT' && !v.cancelItemOutsideApi) return ok(orderOut(sec, cancelItem(sec, ctx, id, verb, body)));
  }

  if (noun === 'cart') {
    if (!id && method === 'POST') {
      const b = isObj(body) ? body : {};
      const cart: StoredCart = { id: nextUuid(sec), customer_session_id: typeof b.customer_session_id === 'string' ? b.customer_session_id : null, currency: currencyOf(b.currency ?? 'NOK'), created: now, updated: now, lines: [] };
      if (!cart.customer_session_id) fail(400, ['customer_session_id is required']);
      sec.carts.push(cart);
      return ok(snakeCart(cart, true), 201);
    }
    if (id) {
      const cart = findCart(sec, id);
      if (!sub && method === 'GET') return ok(snakeCart(cart));
      if (!sub && method === 'DELETE') {
        cart.deleted = now;
        sec.checkouts = sec.checkouts.filter((c) => c.cart_id !== id || c.status === 'COMPLETED');
        return ok({ message: 'The cart was deleted successfully' });
      }
      if (sub === 'item' && verb === 'add' && method === 'POST') return ok(addedBody(sec, cart, addItems(sec, cart, body, now)), 201);
      if (sub === 'item' && (verb === 'update' || verb === 'delete') && itemId && method === 'PATCH') {
        const line = cart.lines.find((l) => l.id === itemId) ?? fail(404, `Item ${itemId} not found in cart ${id}`);
        if (verb === 'delete') {
          cart.lines = cart.lines.filter((l) => l !== line);
          cart.updated = now;
          return ok({ message: 'The item was removed successfully' });
        }
        const qty = isObj(body) ? body.qty : undefined;
        if (!Number.isInteger(qty) || (qty as number) < 1) fail(400, ['qty must be a whole number of at least 1']);
        line.quantity = qty as number;
        line.updated = cart.updated = now;
        return ok({ message: 'The item was updated successfully' });
      }
      if (sub === 'init-payment-klarna' && !verb && method === 'POST') {
        if (!cart.lines.length) fail(400, `Cart ${id} is empty`);
        const co: StoredCheckout = newCheckout(sec, cart, now);
        const order = pendingOrderFrom(sec, co, cart, 'Klarna', now);
        // The answer is not documented [I]: the pending order's id under order_id (or a variant's field).
        return ok({ [v.klarnaOrderField ?? 'order_id']: order.id, klarna_order_id: nextUuid(sec), status: 'checkout_incomplete', html_snippet: `<div id="klarna-checkout-container" data-order="${String(order.id)}"></div>` });
      }
    }
  }

  if (noun === 'checkout') {
    if (id === 'payment-methods' && !sub && method === 'GET') return ok(PAYMENT_METHODS.map((name) => ({ name, identifier: name.toLowerCase() })));
    if (!id && method === 'POST') {
      const cartId = isObj(body) ? body.cart_id : undefined;
      if (typeof cartId !== 'string' && typeof cartId !== 'number') fail(400, ['cart_id is required']);
      const cart = findCart(sec, String(cartId));
      if (!cart.lines.length) fail(400, `Cart ${cart.id} is empty: add items before checking out`);
      const co = newCheckout(sec, cart, now);
      sec.checkouts.push(co);
      return ok(checkoutBody(sec, co), 201);
    }
    if (id) {
      const co = findCheckout(sec, id);
      if (!sub && method === 'GET') return ok(checkoutBody(sec, co));
      if (!sub && method === 'PATCH') {
        applyPatch(sec, co, body, now);
        return ok(checkoutBody(sec, co));
      }
      if (!sub && method === 'DELETE') {
        sec.checkouts = sec.checkouts.filter((c) => c !== co);
        return ok({ message: `Checkout ${co.id} was deleted.`, executed: true });
      }
      if (sub === 'payment' && !verb && method === 'PATCH') return ok(startPayment(sec, co, body, req.baseUrl, now));
      if (sub === 'payment' && !verb && method === 'GET') {
        const cart = cartOf(sec, co);
        return ok({ success_url: co.success_url, cancel_url: co.cancel_url, payment_method: co.payment_method, email: co.email, status: co.status === 'COMPLETED' ? 'PAID' : co.order_id !== null ? 'PENDING' : null, billing_address: co.billing_address, shipping_address: co.shipping_address, cart: snakeCart(cart) });
      }
    }
  }

  if (noun === 'shipping' && id === 'flat-rate' && !sub && method === 'POST') return ok(quote(sec, body));
  return fail(404, `Cannot ${method} ${req.path}`);
}

function newCheckout(sec: OsSection, cart: StoredCart, now: number): StoredCheckout {
  return { id: nextUuid(sec), cart_id: cart.id, status: 'ACTIVE', created: now, updated: now, success_url: null, cancel_url: null, payment_method: null, email: null, shipping_address: null, billing_address: null, shipping_rate: null, order_id: null, checkout_url: null, paid_at: null };
}

/** POST /shipping/flat-rate (seed): each product's flat rate to the country, total_price a number. */
function quote(sec: OsSection, body: unknown) {
  if (!isObj(body)) return fail(400, ['the body must be a JSON object']);
  const items = body.items;
  const country = isObj(body.destination) ? body.destination.country : undefined;
  const problems: string[] = [];
  if (!Array.isArray(items) || items.length === 0) problems.push('items must be a non-empty list');
  if (typeof country !== 'string' || badCountry(country)) problems.push('destination.country must be an ISO 3166 country code');
  const currency = currencyOf(body.currency);
  const products = (Array.isArray(items) ? items : []).map((it, i) => {
    const p = isObj(it) ? product(sec, it.productId) : undefined;
    if (!p) problems.push(`items[${i}].productId: product ${isObj(it) ? String(it.productId) : '?'} not found`);
    return p;
  });
  if (problems.length) fail(400, problems);
  const unique = [...new Map(products.map((p) => [p!.id, p!])).values()];
  const total = unique.reduce((n, p) => n + flatRate(p, country as string, currency), 0);
  return { service_name: `Flat rate price to ${(country as string).toUpperCase()}`, description: 'By Outshifter', service_code: flatRateCode(unique.map((p) => p.id)), total_price: total / 100, currency };
}

export const outshifterDialect: Dialect<OsSection> = {
  platform: OUTSHIFTER,
  prefix: '/outshifter',
  basePath: '/outshifter/api',
  seed: seedOutshifter,

  // The shopper's payment page carries no API key: the payment provider's, in real life.
  isPublic: (_method, path) => path.startsWith('/pay/'),

  authenticate(headers, token) {
    const got = headers.authorization;
    if (got === token) return undefined;
    if (got && got.endsWith(` ${token}`)) return osError(401, 'Send the API key itself in the Authorization header, without a scheme');
    return osError(401, got ? 'Invalid API key' : 'The Authorization header with your API key is missing');
  },

  handle(req, ctx) {
    const sec = ctx.store.section<OsSection>(OUTSHIFTER);
    try {
      return route(sec, req, ctx);
    } catch (err) {
      if (err instanceof OsFailure) return osError(err.status, err.messages);
      throw err;
    }
  },

  // No rate limit is published [I].
  quotaHeaders: () => ({}),
  quotaExceeded: () => osError(429, 'Too many requests'),
  error: (status, message) => osError(status, message),

  summarize: (sec) => ({
    orders: sec.orders.length,
    carts: sec.carts.length,
    checkouts: sec.checkouts.length,
    paid: sec.checkouts.filter((c) => c.status === 'COMPLETED').length,
  }),
};
