// Shipments: made by the seed and by POST /orders/{id}/shipments.

import type { DialectContext, DialectResponse } from '../../dialect.js';
import type { OrderProduct, Shipment, ShipmentFields } from './wire.js';
import { type BcOrderRecord, type BcSection, BIGCOMMERCE, fail, formatMoney, invalidField, parseMoney, rfc2822, type StoredAddress } from './common.js';
import { addressFields, recompute, setStatus } from './records.js';
import { asLine, asObject, optInt, optMoney, optString } from './input.js';

export const PROVIDER_NAMES: Record<string, string> = {
  '': '',
  auspost: 'Australia Post',
  canadapost: 'Canada Post',
  endicia: 'Endicia',
  usps: 'USPS',
  fedex: 'FedEx',
  royalmail: 'Royal Mail',
  ups: 'UPS',
  upsready: 'UPS Ready',
  upsonline: 'UPS Online',
  shipperhq: 'ShipperHQ',
};

export const TRACKING_URLS: Record<string, string> = {
  usps: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=',
  ups: 'https://www.ups.com/track?tracknum=',
  upsready: 'https://www.ups.com/track?tracknum=',
  upsonline: 'https://www.ups.com/track?tracknum=',
  fedex: 'https://www.fedex.com/fedextrack/?trknbr=',
  royalmail: 'https://www.royalmail.com/track-your-item#/tracking-results/',
  auspost: 'https://auspost.com.au/mypost/track/#/details/',
  canadapost: 'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=',
};

/** Creates the shipment and ships its quantities (the caller has checked them). */
export function makeShipment(sec: BcSection, r: BcOrderRecord, a: StoredAddress, items: Array<{ product: OrderProduct; quantity: number }>, at: number, f: ShipmentFields): Shipment {
  for (const it of items) it.product.quantity_shipped += it.quantity;
  const provider = f.shipping_provider ?? '';
  const tracking = f.tracking_number ?? '';
  const link = f.tracking_link ?? '';
  // spec createOrderShipments: a custom tracking_link leaves generated_tracking_link empty;
  // otherwise the provider's link, or an Aftership link for other carriers.
  const generated = link || !tracking ? '' : TRACKING_URLS[provider] ? `${TRACKING_URLS[provider]}${encodeURIComponent(tracking)}` : `https://track.aftership.com/${encodeURIComponent(tracking)}`;
  const billing = { ...r.order.billing_address };
  delete billing.form_fields;
  return {
    id: sec.next.shipment++,
    order_id: r.order.id,
    customer_id: r.order.customer_id,
    order_address_id: a.id,
    date_created: rfc2822(at),
    tracking_number: tracking,
    merchant_shipping_cost: formatMoney(parseMoney(f.merchant_shipping_cost ?? '0') ?? 0),
    shipping_method: f.shipping_method ?? '',
    comments: f.comments ?? '',
    shipping_provider: provider,
    tracking_carrier: f.tracking_carrier ?? '',
    tracking_link: link,
    billing_address: billing,
    shipping_address: addressFields(a),
    items: items.map((it) => ({ order_product_id: it.product.id, product_id: it.product.product_id, quantity: it.quantity })),
    shipping_provider_display_name: PROVIDER_NAMES[provider] ?? provider.replace(/^carrier_/, ''),
    generated_tracking_link: generated,
  };
}

export const PROVIDER_PATTERN = /^(|auspost|canadapost|endicia|usps|fedex|royalmail|ups|upsready|upsonline|shipperhq|carrier_[A-Za-z0-9_-]+)$/;

/**
 * shipping_provider: shipping_provider_standard or carrier_{id} (shipping_provider_custom).
 * tracking_carrier: "Acceptable values for tracking_carrier include an empty string or one
 * of the valid tracking-carrier values" (orderShipment_Post and orderShipment_Put alike):
 * AfterShip courier slugs, lower-case words joined by hyphens ("dhl", "royal-mail").
 */
function checkCarrier(f: ShipmentFields): void {
  if (f.shipping_provider !== undefined && !PROVIDER_PATTERN.test(f.shipping_provider)) {
    invalidField('shipping_provider', 'use "", auspost, canadapost, endicia, usps, fedex, royalmail, ups, upsready, upsonline, shipperhq or carrier_{id}');
  }
  if (f.tracking_carrier && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(f.tracking_carrier)) {
    invalidField('tracking_carrier', 'use "" or an AfterShip courier slug such as dhl or royal-mail');
  }
}

export function createShipment(sec: BcSection, r: BcOrderRecord, body: unknown, ctx: DialectContext): DialectResponse {
  const b = asObject(body);
  // spec createOrderShipments: order_address_id and items are required.
  if (b.order_address_id === undefined) fail(400, "The required field 'order_address_id' was not supplied.");
  const addressId = optInt(b, 'order_address_id', 1)!;
  const address = r.addresses.find((a) => a.id === addressId);
  if (!address) fail(400, `The shipping address with ID ${addressId} does not belong to order ${r.order.id}.`);
  if (!Array.isArray(b.items) || b.items.length === 0) fail(400, "The required field 'items' was not supplied.");
  const wanted = new Map<OrderProduct, number>();
  (b.items as unknown[]).forEach((v, i) => {
    const it = asLine(v, `items[${i}]`);
    const pid = optInt(it, 'order_product_id', 1);
    const quantity = optInt(it, 'quantity', 1);
    if (pid === undefined || quantity === undefined) fail(400, `items[${i}] needs order_product_id and quantity.`);
    const p = r.products.find((x) => x.id === pid);
    if (!p || p.order_address_id !== addressId) return fail(400, `The order product with ID ${pid} is not on shipping address ${addressId} of order ${r.order.id}.`);
    const total = (wanted.get(p) ?? 0) + quantity!;
    if (total > p.quantity - p.quantity_shipped) fail(400, `Cannot ship ${total} of order product ${pid}: only ${p.quantity - p.quantity_shipped} left to ship.`);
    wanted.set(p, total);
  });
  const fields: ShipmentFields = {
    tracking_number: optString(b, 'tracking_number', 50),
    tracking_link: optString(b, 'tracking_link', 500),
    merchant_shipping_cost: optMoney(b, 'merchant_shipping_cost') === undefined ? undefined : formatMoney(optMoney(b, 'merchant_shipping_cost')!),
    shipping_method: optString(b, 'shipping_method'),
    shipping_provider: optString(b, 'shipping_provider'),
    tracking_carrier: optString(b, 'tracking_carrier'),
    comments: optString(b, 'comments'),
  };
  checkCarrier(fields);
  const shipment = makeShipment(sec, r, address!, [...wanted].map(([product, quantity]) => ({ product, quantity })), ctx.now, fields);
  r.shipments.push(shipment);
  recompute(r);
  const o = r.order;
  // [I] A shipment moves the order to Shipped (2) when everything has shipped, else Partially Shipped (3).
  const all = o.items_shipped >= o.items_total;
  setStatus(o, all ? 2 : 3);
  if (all) o.date_shipped = rfc2822(ctx.now);
  o.date_modified = rfc2822(ctx.now);
  ctx.store.recordChange(BIGCOMMERCE, o.id);
  return { status: 201, body: shipment };
}

/**
 * PUT /orders/{id}/shipments/{shipment_id} (spec orderShipment_Put): every field
 * optional, items not among them. The links follow the new fields as on create.
 */
export function updateShipment(r: BcOrderRecord, s: Shipment, body: unknown, ctx: DialectContext): DialectResponse {
  const b = asObject(body);
  if (b.items !== undefined) fail(400, "The field 'items' cannot be updated: delete the shipment and create another.");
  // Everything is checked before anything changes: a refused PUT changes nothing.
  let address: StoredAddress | undefined;
  if (b.order_address_id !== undefined) {
    const addressId = optInt(b, 'order_address_id', 1)!;
    address = r.addresses.find((x) => x.id === addressId);
    if (!address) fail(400, `The shipping address with ID ${addressId} does not belong to order ${r.order.id}.`);
    if (s.items.some((it) => r.products.find((p) => p.id === it.order_product_id)?.order_address_id !== addressId)) {
      fail(400, `The shipment's items are not on shipping address ${addressId} of order ${r.order.id}.`);
    }
  }
  // orderShipment_Put: tracking_link at most 500; tracking_number has no maxLength there,
  // but 50 on POST, and a shipment holds one tracking number whichever way it came [I].
  const fields: ShipmentFields = {
    tracking_number: optString(b, 'tracking_number', 50),
    tracking_link: optString(b, 'tracking_link', 500),
    shipping_method: optString(b, 'shipping_method'),
    shipping_provider: optString(b, 'shipping_provider'),
    tracking_carrier: optString(b, 'tracking_carrier'),
    comments: optString(b, 'comments'),
  };
  checkCarrier(fields);
  const cost = optMoney(b, 'merchant_shipping_cost');
  if (address) {
    s.order_address_id = address.id;
    s.shipping_address = addressFields(address);
  }
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) (s as unknown as Record<string, unknown>)[k] = v;
  if (cost !== undefined) s.merchant_shipping_cost = formatMoney(cost);
  const provider = s.shipping_provider ?? '';
  s.shipping_provider_display_name = PROVIDER_NAMES[provider] ?? provider.replace(/^carrier_/, '');
  s.generated_tracking_link = s.tracking_link || !s.tracking_number ? '' : TRACKING_URLS[provider] ? `${TRACKING_URLS[provider]}${encodeURIComponent(s.tracking_number)}` : `https://track.aftership.com/${encodeURIComponent(s.tracking_number)}`;
  r.order.date_modified = rfc2822(ctx.now);
  ctx.store.recordChange(BIGCOMMERCE, r.order.id);
  return { status: 200, body: s };
}

/**
 * DELETE one shipment, or all (spec deleteOrderShipment / deleteOrderShipments): 204.
 * Its quantities can be shipped again [I]; the order's status stays as it is —
 * "deleting one does not undo Shipped" (API-NOTES.md §1).
 */
export function deleteShipments(r: BcOrderRecord, which: Shipment[], ctx: DialectContext): DialectResponse {
  for (const s of which) {
    for (const it of s.items) {
      const p = r.products.find((x) => x.id === it.order_product_id);
      if (p) p.quantity_shipped = Math.max(0, p.quantity_shipped - it.quantity);
    }
  }
  r.shipments = r.shipments.filter((s) => !which.includes(s));
  recompute(r);
  r.order.date_modified = rfc2822(ctx.now);
  ctx.store.recordChange(BIGCOMMERCE, r.order.id);
  return { status: 204 };
}
