// BigCommerce native JSON <-> the normalized order. Field meanings are from the
// official OpenAPI file (shared/specs/bigcommerce-orders-v2.yml) and API-NOTES.md §1.

import { fulfillmentFromItems, orderCurrency, type Address, type Order, type OrderItem, type Status } from '../../core/order.js';
import { money } from '../../core/money.js';
import { rfc2822ToIso } from '../../core/time.js';
import { UsageError } from '../../core/errors.js';
import { toPaymentStatus, toShipment } from './shipments.js';
import type { StatusReading } from '../status-filter.js';
import type { BcAddress, BcOrder, BcOrderProduct, BcShipment, BcShippingAddressBase } from './types.js';

/** status_id 0–14 → the shared vocabulary. Several ids share a name; see CANONICAL_ID. */
export const STATUS_BY_ID: Record<number, Status> = {
  0: 'incomplete',
  1: 'pending',
  2: 'fulfilled', // Shipped
  3: 'partially_fulfilled', // Partially Shipped
  4: 'refunded',
  5: 'cancelled',
  6: 'declined',
  7: 'awaiting_payment',
  8: 'awaiting_fulfillment', // Awaiting Pickup
  9: 'awaiting_fulfillment', // Awaiting Shipment
  10: 'completed',
  11: 'awaiting_fulfillment',
  12: 'on_hold', // Manual Verification Required
  13: 'on_hold', // Disputed
  14: 'partially_refunded',
};

/** --status on BigCommerce: the ids 0–14, each with the name a listing shows for it. */
export const STATUS_READING: StatusReading = {
  table: Object.entries(STATUS_BY_ID).map(([code, status]) => ({ code, status })),
};

/** The id a normalized name sets (an order has one status); native ids (8, 9, 13) set the others. */
const CANONICAL_ID: Partial<Record<Status, number>> = {
  incomplete: 0,
  pending: 1,
  fulfilled: 2,
  partially_fulfilled: 3,
  refunded: 4,
  cancelled: 5,
  declined: 6,
  awaiting_payment: 7,
  awaiting_fulfillment: 11,
  completed: 10,
  on_hold: 12,
  partially_refunded: 14,
};

/** Accepts a normalized status name or a native id ("11"); returns the status_id. */
export function toStatusId(input: string): number {
  const s = input.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (/^\d+$/.test(s) && Number(s) in STATUS_BY_ID) return Number(s);
  const id = CANONICAL_ID[s as Status];
  if (id !== undefined) return id;
  const names = Object.keys(CANONICAL_ID).join(', ');
  throw new UsageError(`unknown BigCommerce status "${input}": use a status id 0–14 or one of ${names}`);
}

function joinName(first?: string | null, last?: string | null): string | null {
  // Blank parts are left out; called twice per listed order, so no array.
  const f = first && first.trim() ? first : '';
  const l = last && last.trim() ? last : '';
  return (f && l ? `${f} ${l}` : f || l) || null;
}

const orNull = (v: string | null | undefined): string | null => (v === undefined || v === null || v === '' ? null : String(v));

export function toAddress(a: BcAddress | BcShippingAddressBase | undefined | null): Address | null {
  if (!a) return null;
  return {
    name: joinName(a.first_name, a.last_name),
    company: orNull(a.company),
    line1: orNull(a.street_1),
    line2: orNull(a.street_2),
    city: orNull(a.city),
    state: orNull(a.state),
    zip: orNull(a.zip),
    country: orNull(a.country_iso2) ?? orNull(a.country),
    phone: orNull(a.phone),
  };
}

export function toItem(p: BcOrderProduct, currency: string, orderCancelled = false): OrderItem {
  const options = (p.product_options ?? []).map((o) => `${o.display_name}: ${o.display_value}`).join(', ');
  const shipped = p.quantity_shipped ?? 0;
  return {
    id: String(p.id),
    productId: p.product_id ? String(p.product_id) : null,
    variantId: p.variant_id ? String(p.variant_id) : null,
    sku: orNull(p.sku),
    title: p.name,
    variant: options || null,
    quantity: p.quantity,
    unitPrice: money(p.price_inc_tax, currency),
    total: money(p.total_inc_tax, currency),
    // An item is fulfilled once all of it shipped; part-shipped is still work to do.
    status: shipped >= p.quantity ? 'fulfilled' : orderCancelled ? 'cancelled' : 'unfulfilled',
  };
}

const CANCELLED_IDS = new Set([5, 6]); // Cancelled, Declined: nothing more will ship

function fulfillmentOf(o: BcOrder) {
  // Shipped (2) is the seller's word that everything went, whatever the counts say.
  if (o.status_id === 2) return 'fulfilled' as const;
  return fulfillmentFromItems(o.items_shipped, o.items_total, CANCELLED_IDS.has(o.status_id));
}

export function toNormalizedOrder(o: BcOrder, products?: BcOrderProduct[], addresses?: BcShippingAddressBase[], shipments?: BcShipment[]): Order {
  // Amounts are in the transactional currency, the one the shopper pays in: default_currency_code.
  // currency_code is only the storefront's display currency (spec "Currency Fields"; seed line 19).
  const currency = orderCurrency('bigcommerce', o.default_currency_code || o.currency_code, undefined, String(o.id));
  const b = o.billing_address;
  return {
    id: String(o.id),
    number: String(o.id),
    store: '',
    platform: 'bigcommerce',
    status: STATUS_BY_ID[o.status_id] ?? null,
    nativeStatus: String(o.status_id),
    fulfillmentStatus: fulfillmentOf(o),
    createdAt: rfc2822ToIso(o.date_created),
    updatedAt: rfc2822ToIso(o.date_modified),
    customer: {
      // customer_id 0 is a guest checkout.
      id: o.customer_id ? String(o.customer_id) : null,
      name: joinName(b?.first_name, b?.last_name),
      email: orNull(b?.email),
      phone: orNull(b?.phone),
    },
    billingAddress: toAddress(b),
    shippingAddress: toAddress(addresses?.[0]),
    items: (products ?? []).map((p) => toItem(p, currency, CANCELLED_IDS.has(o.status_id))),
    totals: {
      subtotal: money(o.subtotal_ex_tax, currency),
      shipping: money(o.shipping_cost_ex_tax, currency),
      tax: money(o.total_tax, currency),
      discount: money(o.discount_amount, currency),
      refunded: money(o.refunded_amount, currency),
      total: money(o.total_inc_tax, currency),
    },
    // Shipments have their own endpoint: an order read alone carries them, a listed one does not.
    shipments: (shipments ?? []).map(toShipment),
    payment: { status: toPaymentStatus(o.payment_status), method: orNull(o.payment_method) },
    currency,
    channel: orNull(o.order_source),
    externalRef: orNull(o.external_id) ?? orNull(o.external_order_id),
    notes: orNull(o.customer_message),
    staffNotes: orNull(o.staff_notes),
  };
}
