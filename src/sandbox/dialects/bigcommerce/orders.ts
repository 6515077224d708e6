// Order answers and the order handlers: read, count, create, update.

import type { DialectContext, DialectResponse } from '../../dialect.js';
import { withFields } from '../../with-fields.js';
import { byControlPanelOrder, STATUSES } from './statuses.js';
import type { Order, OrdersCount, OrderProduct, OrderStatus, ShippingAddress } from './wire.js';
import { type BcOrderRecord, type BcSection, BIGCOMMERCE, fail, formatMoney, invalidField, M, NOT_FOUND, parseApiDate, rfc2822, type StoredAddress, type StoredOrder } from './common.js';
import { countryOf, CURRENCIES, PAYMENT_STATUS } from './reference.js';
import { addressFields, billingOf, newAddress, newOrder, newProduct, recompute, setStatus } from './records.js';
import { orderFilter } from './query.js';
import { addressInput, applyScalars, asLine, asObject, lineInput, optInt, optMoney, optString, READ_ONLY_ON_PUT, refuseReadOnly } from './input.js';

// ---------------------------------------------------------------- rendering

/** The order as the API answers it; `extra` fields (consignments) follow, built in the same object. */
export function renderOrder<E extends object = object>(o: StoredOrder, baseUrl: string, extra?: E): Order & E {
  const link = (path: string) => ({ url: `${baseUrl}${path}`, resource: path });
  // The spec's examples link "shippingaddresses" (no underscore) although the
  // endpoint is /shipping_addresses (API-NOTES.md §1); kept, and both paths are served.
  const links = { products: link(`/orders/${o.id}/products`), shipping_addresses: link(`/orders/${o.id}/shippingaddresses`), coupons: link(`/orders/${o.id}/coupons`) };
  return withFields(o, extra ? withFields(links, extra) : links) as Order & E;
}

export function renderAddress(a: StoredAddress, baseUrl: string): ShippingAddress {
  const path = `/orders/${a.order_id}/shippingaddresses/${a.id}/shippingquotes`;
  return withFields(a, { shipping_quotes: { url: `${baseUrl}${path}`, resource: path } });
}

/**
 * GET /order_statuses rows (orderStatusCollection_Resp). The store has no custom
 * labels, so custom_label is the name [I: the examples show labels a merchant set].
 */
export function statusRows(): OrderStatus[] {
  return STATUSES.map((s) => ({ id: s.id, name: s.name, system_label: s.name, custom_label: s.name, system_description: s.description, order: s.order }));
}

// ---------------------------------------------------------------- handlers

/**
 * An order by id, archived or not. The spec's reading of an archived order: DELETE
 * "Archives an order", and is_deleted "Indicates whether the order is
 * deleted/archived", so an archived order is still read, with is_deleted: true. No
 * document says it answers 404. Lists and counts leave it out [I]: no filter for
 * archived orders is documented, and a count that held them would not match the list.
 */
export function findOrder(sec: BcSection, idText: string): BcOrderRecord {
  if (!/^\d+$/.test(idText)) fail(400, `The order ID '${idText}' is invalid: it must be an integer.`);
  const id = Number(idText);
  const r = sec.orders.find((x) => x.order.id === id);
  if (!r) return fail(404, NOT_FOUND);
  return r;
}

export function countOrders(sec: BcSection, q: Record<string, string>): OrdersCount {
  const matching = sec.orders.filter(orderFilter(q));
  const statuses = byControlPanelOrder().map((s) => ({
    id: s.id,
    name: s.name,
    system_label: s.name,
    custom_label: s.name,
    system_description: s.description,
    count: matching.filter((r) => r.order.status_id === s.id).length,
    sort_order: s.order,
  }));
  return { statuses, count: matching.length };
}

export function createOrder(sec: BcSection, body: unknown, ctx: DialectContext, baseUrl: string): DialectResponse {
  const b = asObject(body);
  refuseReadOnly(b);
  // spec createOrder: billing_address, and products or consignments, are required;
  // consignments exclude products and shipping_addresses.
  if (b.billing_address === undefined) fail(400, "The required field 'billing_address' was not supplied.");
  const hasConsignments = b.consignments !== undefined;
  if (hasConsignments && (b.products !== undefined || b.shipping_addresses !== undefined)) {
    fail(400, "An order can have either 'consignments' or 'products' and 'shipping_addresses', not both.");
  }
  if (hasConsignments) fail(400, "The sandbox does not emulate pickup 'consignments': create the order with 'products' and 'shipping_addresses'.");
  if (!Array.isArray(b.products) || b.products.length === 0) fail(400, "The required field 'products' was not supplied.");
  const billing = billingOf(addressInput(b.billing_address, 'billing_address'));
  const country = countryOf(billing.country_iso2);
  // default_currency_code "is writable when multi-currency is enabled" (order_Post): one of the
  // store's currencies [I]. "In v2 display currency is set to the transactional currency"
  // (order_RespOnly.currency_id): the order shows the currency it charges.
  const given = optString(b, 'default_currency_code')?.toUpperCase();
  if (given !== undefined && !CURRENCIES.includes(given)) invalidField('default_currency_code', `the store's currencies are ${CURRENCIES.join(', ')}`);
  const currency = given ?? country?.currency ?? 'USD';
  const lines = (b.products as unknown[]).map((p, i) => lineInput(p, `products[${i}]`, { currency, taxBp: country?.taxBp ?? 0 }));
  if (b.shipping_addresses !== undefined && !Array.isArray(b.shipping_addresses)) invalidField('shipping_addresses', 'it must be an array');
  const shipping = ((b.shipping_addresses as unknown[] | undefined) ?? []).map((a, i) => addressInput(a, `shipping_addresses[${i}]`));
  let created = ctx.now;
  if (b.date_created !== undefined) {
    // Settable on POST for migrated orders (spec order_Shared.date_created).
    created = (typeof b.date_created === 'string' ? parseApiDate(b.date_created) : undefined) ?? invalidField('date_created', 'use RFC 2822, e.g. Tue, 20 Nov 2012 00:00:00 +0000');
  }
  const shipEx = optMoney(b, 'shipping_cost_ex_tax') ?? 0;
  const shipInc = optMoney(b, 'shipping_cost_inc_tax') ?? shipEx;

  const id = sec.next.order++;
  const o = newOrder(id, created, 0, billing, country, currency);
  o.date_modified = rfc2822(ctx.now);
  applyScalars(o, b);
  if (b.status_id === undefined) setStatus(o, 1); // default Pending (docs/store-operations/orders)
  o.payment_status = PAYMENT_STATUS[o.status_id]!;
  const rec: BcOrderRecord = { order: o, products: [], addresses: [], shipments: [] };
  // [I] Without shipping_addresses the order ships to the billing address, so it can be fulfilled.
  const targets = shipping.length ? shipping : [billing];
  targets.forEach((a, i) => {
    const method = typeof (a as { shipping_method?: unknown }).shipping_method === 'string' ? (a as { shipping_method: string }).shipping_method : 'None';
    rec.addresses.push(newAddress(sec, id, a, method, i === 0 ? shipEx : 0, i === 0 ? shipInc : 0));
  });
  // Legacy (non-consignment) orders put every line on the first shipping address [I].
  for (const line of lines) rec.products.push(newProduct(sec, id, rec.addresses[0]!.id, line));
  recompute(rec);
  sec.orders.push(rec);
  // spec createOrder answers 200 (status-codes.mdx says 201): the sandbox follows the spec (API-NOTES.md, Decisions).
  return { status: 200, body: renderOrder(o, baseUrl) };
}

function clearDiscounts(r: BcOrderRecord, line: OrderProduct): void {
  const off = line.applied_discounts.reduce((n, d) => n + M(d.amount), 0);
  if (!off) return;
  line.applied_discounts = [];
  r.order.discount_amount = formatMoney(Math.max(0, M(r.order.discount_amount) - off));
  r.order.coupon_discount = formatMoney(Math.max(0, M(r.order.coupon_discount) - off));
}

export function updateOrder(sec: BcSection, r: BcOrderRecord, body: unknown, ctx: DialectContext, baseUrl: string): DialectResponse {
  const b = asObject(body);
  refuseReadOnly(b, READ_ONLY_ON_PUT);
  const o = r.order;
  // Check everything before changing anything: a refused PUT changes nothing.
  const draft: BcOrderRecord = structuredClone(r);
  const next = { ...sec.next };
  const scratch: BcSection = { ...sec, next };
  applyScalars(draft.order, b);
  if (b.billing_address !== undefined) {
    const patch = addressInput(b.billing_address, 'billing_address');
    draft.order.billing_address = billingOf({ ...draft.order.billing_address, ...patch });
  }
  if (b.shipping_addresses !== undefined) {
    if (!Array.isArray(b.shipping_addresses)) invalidField('shipping_addresses', 'it must be an array');
    (b.shipping_addresses as unknown[]).forEach((v, i) => {
      const patch = addressInput(v, `shipping_addresses[${i}]`) as Partial<StoredAddress>;
      if (patch.id !== undefined) {
        const a = draft.addresses.find((x) => x.id === patch.id);
        if (!a) fail(400, `The shipping address with ID ${String(patch.id)} does not belong to order ${o.id}.`);
        Object.assign(a!, addressFields({ ...a!, ...patch }));
        if (typeof patch.shipping_method === 'string') a!.shipping_method = patch.shipping_method;
      } else {
        draft.addresses.push(newAddress(scratch, o.id, patch, typeof patch.shipping_method === 'string' ? patch.shipping_method : 'None', 0, 0));
      }
    });
  }
  if (b.products !== undefined) {
    if (!Array.isArray(b.products)) invalidField('products', 'it must be an array');
    // New catalogue lines are priced in the currency the order charges.
    const pricing = { currency: draft.order.default_currency_code, taxBp: countryOf(draft.order.billing_address.country_iso2)?.taxBp ?? 0 };
    (b.products as unknown[]).forEach((v, i) => {
      const where = `products[${i}]`;
      const p = asLine(v, where);
      if (p.id === undefined) {
        // spec updateOrder: a product without id is added.
        draft.products.push(newProduct(scratch, o.id, draft.addresses[0]?.id ?? 0, lineInput(p, where, pricing)));
        return;
      }
      // With id it is updated; quantity 0 removes it.
      const line = draft.products.find((x) => x.id === p.id);
      if (!line) return fail(400, `The order product with ID ${String(p.id)} does not belong to order ${o.id}.`);
      const quantity = optInt(p, 'quantity');
      if (quantity !== undefined && quantity < line.quantity_shipped) invalidField(`${where}.quantity`, `${line.quantity_shipped} of this product have already shipped`);
      // "the PUT request clears all discounts and promotions applied to the changed order line
      // items" (spec updateOrder). The older page says all of the order's discounts; the file is
      // newer and narrower, and followed: the line's share leaves the order's discount too.
      if (Object.keys(p).some((k) => k !== 'id')) clearDiscounts(draft, line);
      if (quantity === 0) {
        draft.products = draft.products.filter((x) => x !== line);
        return;
      }
      if (quantity !== undefined) line.quantity = quantity;
      const ex = optMoney(p, 'price_ex_tax');
      const inc = optMoney(p, 'price_inc_tax');
      if (ex !== undefined) line.price_ex_tax = formatMoney(ex);
      if (inc !== undefined) line.price_inc_tax = formatMoney(inc);
      const name = optString(p, 'name', 250) ?? optString(p, 'name_customer', 250);
      if (name !== undefined) {
        if (!name) invalidField(`${where}.name`, 'it cannot be empty');
        line.name = name;
        line.name_customer = name;
      }
      const merchant = optString(p, 'name_merchant', 250);
      if (merchant) line.name_merchant = merchant;
      const sku = optString(p, 'sku');
      if (sku !== undefined) line.sku = sku;
    });
    if (draft.products.length === 0) fail(400, 'An order must keep at least one product.');
  }
  if (b.is_deleted !== undefined && typeof b.is_deleted !== 'boolean') invalidField('is_deleted', 'it must be true or false');
  // order_RespOnly.is_deleted: "When set to true in a PUT request, it has the same result as
  // the DELETE an order request". order_Put does not list it, and nothing says what false
  // does: it restores nothing [I].
  if (b.is_deleted === true) draft.order.is_deleted = true;
  recompute(draft);
  // A PUT that changes nothing (a repeated status change, say) is not a change:
  // the change counter then proves that retries never applied anything twice.
  if (JSON.stringify(draft.order) === JSON.stringify(r.order) && JSON.stringify(draft.products) === JSON.stringify(r.products)) {
    return { status: 200, body: renderOrder(r.order, baseUrl) };
  }
  draft.order.date_modified = rfc2822(ctx.now);
  Object.assign(r, draft);
  sec.next = next;
  ctx.store.recordChange(BIGCOMMERCE, o.id);
  return { status: 200, body: renderOrder(r.order, baseUrl) };
}
