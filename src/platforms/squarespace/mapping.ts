// Squarespace native JSON <-> the normalized order. Field meanings are from
// API-NOTES.md §2 and seeds/squarespace-commerce-orders.txt.

import { UsageError } from '../../core/errors.js';
import type { StatusReading } from '../status-filter.js';
import { compareDecimal, money, multiplyDecimal, toDecimalString } from '../../core/money.js';
import { orderCurrency, PAYMENT_STATUSES, paymentStatusName, type Address, type FulfillmentStatus, type ItemStatus, type Money, type Order, type OrderItem, type PaymentStatus, type Shipment, type Status } from '../../core/order.js';
import { toIsoUtc } from '../../core/time.js';
import { PAYMENT_STATES } from './rules.js';
import type { SqAddress, SqFulfillmentStatus, SqLineItem, SqMoney, SqOrder, SqPaymentState, SqShipment } from './types.js';

/** fulfillmentStatus → the shared vocabulary. A PENDING order is paid and waits to be shipped. */
export const STATUS_BY_NATIVE: Record<SqFulfillmentStatus, Status> = {
  PENDING: 'awaiting_fulfillment',
  FULFILLED: 'fulfilled',
  CANCELED: 'cancelled',
};

const NAMES: Record<SqFulfillmentStatus, string> = { PENDING: 'Pending', FULFILLED: 'Fulfilled', CANCELED: 'Canceled' };

/** --status on Squarespace: its three fulfillment statuses, in any case. */
export const STATUS_READING: StatusReading = {
  table: (Object.keys(STATUS_BY_NATIVE) as SqFulfillmentStatus[]).map((code) => ({ code, status: STATUS_BY_NATIVE[code] })),
  alias: (input) => (Object.keys(STATUS_BY_NATIVE) as string[]).find((code) => code === input.trim().toUpperCase()),
};

export function statusName(native: string): string | undefined {
  return NAMES[native as SqFulfillmentStatus];
}

/** paymentState → the shared payment vocabulary. A refund still pending or failed leaves the order paid. */
export const PAYMENT_BY_STATE: Record<SqPaymentState, PaymentStatus> = {
  NOT_CHARGED: 'unpaid',
  AUTHORIZED: 'authorized',
  PAID: 'paid',
  REFUNDED: 'refunded',
  PENDING: 'pending',
  FAILED: 'failed',
  REFUND_PENDING: 'paid',
  REFUND_FAILED: 'paid',
  PARTIALLY_PAID: 'partially_paid',
};

/**
 * --payment-status as the listing prints it. A native state in upper case (PAID) is that
 * state; a shared name (paid) means the orders printed with it: the API is asked for every
 * state that can print so (`states`), and `keeps` drops the ones that print otherwise, since
 * the name also depends on refundedTotal: a PAID order with money refunded prints
 * partially_refunded, not paid. Squarespace has no partly refunded state, so
 * partially_refunded asks for the paid states and keeps those with a refund.
 */
export function paymentFilter(values: string[]): { states: SqPaymentState[]; keeps(o: Pick<SqOrder, 'paymentState' | 'refundedTotal'>): boolean } {
  const natives = new Set<SqPaymentState>();
  const names = new Set<PaymentStatus>();
  const states = new Set<SqPaymentState>();
  // partially_refunded prints from the paid states (with money refunded); every other name from its own.
  const printing = (name: PaymentStatus) => PAYMENT_STATES.filter((n) => PAYMENT_BY_STATE[n] === (name === 'partially_refunded' ? 'paid' : name));
  for (const input of values) {
    const s = input.trim().replace(/[\s-]+/g, '_');
    const name = paymentStatusName(input);
    const native = (PAYMENT_STATES as readonly string[]).includes(s.toUpperCase()) ? (s.toUpperCase() as SqPaymentState) : undefined;
    // Upper case is the native state itself (PAID); otherwise a shared name (paid) before a native state in any case.
    if (native && (s === s.toUpperCase() || !name)) {
      natives.add(native);
      states.add(native);
    } else if (name) {
      names.add(name);
      for (const n of printing(name)) states.add(n);
    } else {
      throw new UsageError(`unknown Squarespace payment status "${input}": use one of ${PAYMENT_STATUSES.join(', ')}, or a payment state (${PAYMENT_STATES.join(', ')})`);
    }
  }
  return {
    states: [...states],
    // Native states alone: the API's answer is the filter.
    keeps: (o) => names.size === 0 || (o.paymentState !== undefined && natives.has(o.paymentState)) || names.has(toPaymentStatus(o) as PaymentStatus),
  };
}

const orNull = (v: string | null | undefined): string | null => (v === undefined || v === null || v.trim() === '' ? null : v);

/** "2016-12-23T15:58:07.187Z" → the same instant in orderctl's form; unreadable → null. */
function isoOrNull(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : toIsoUtc(new Date(t));
}

/** { value: "55.00", currency: "USD" } → { amount: "55.00", currency: "USD" }; the OpenAPI's number form is read too [C]. */
export function toMoney(m: SqMoney | null | undefined): Money | null {
  if (!m || typeof m !== 'object') return null;
  return money(m.value as string | number | null, m.currency ?? '');
}

function joinName(first?: string | null, last?: string | null): string | null {
  return [first, last].filter((p) => p && p.trim()).join(' ') || null;
}

export function toAddress(a: SqAddress | null | undefined): Address | null {
  if (!a) return null;
  return {
    name: joinName(a.firstName, a.lastName),
    company: null,
    line1: orNull(a.address1),
    line2: orNull(a.address2),
    city: orNull(a.city),
    state: orNull(a.state),
    zip: orNull(a.postalCode),
    country: orNull(a.countryCode),
    phone: orNull(a.phone),
  };
}

export function toItem(li: SqLineItem, orderStatus?: SqFulfillmentStatus): OrderItem {
  const unit = toMoney(li.unitPricePaid);
  const options = (li.variantOptions ?? []).map((o) => `${o.optionName}: ${o.value}`).join(', ');
  return {
    id: li.id,
    productId: orNull(li.productId),
    variantId: orNull(li.variantId),
    sku: orNull(li.sku),
    title: li.productName ?? '',
    variant: options || null,
    quantity: li.quantity,
    unitPrice: unit,
    // The API gives no line total: unit price paid × quantity, in decimal arithmetic.
    total: unit && Number.isSafeInteger(li.quantity) ? { amount: multiplyDecimal(unit.amount, li.quantity), currency: unit.currency } : null,
    // Fulfilment is per order on Squarespace, not per line: each line shares it.
    status: orderStatus ? ITEM_STATUS[orderStatus] : null,
  };
}

/** paymentState, with a PAID order that refundedTotal shows partly paid back as partially_refunded. */
export function toPaymentStatus(o: Pick<SqOrder, 'paymentState' | 'refundedTotal'>): PaymentStatus | null {
  const status = o.paymentState ? (PAYMENT_BY_STATE[o.paymentState] ?? null) : null;
  const refunded = toMoney(o.refundedTotal);
  if (status === 'paid' && refunded && compareDecimal(refunded.amount, '0') > 0) return 'partially_refunded';
  return status;
}

const FULFILLMENT: Record<SqFulfillmentStatus, FulfillmentStatus> = { PENDING: 'unfulfilled', FULFILLED: 'fulfilled', CANCELED: 'cancelled' };
const ITEM_STATUS: Record<SqFulfillmentStatus, ItemStatus> = { PENDING: 'unfulfilled', FULFILLED: 'fulfilled', CANCELED: 'cancelled' };

/** A fulfillment as a shipment: Squarespace gives shipments no id and ships whole orders (seed). */
export function toShipment(f: SqShipment): Shipment {
  return {
    id: null,
    carrier: orNull(f.carrierName),
    service: orNull(f.service),
    tracking: orNull(f.trackingNumber),
    trackingUrl: orNull(f.trackingUrl),
    shippedAt: isoOrNull(f.shipDate),
    // A fulfilment covers the whole order on Squarespace; it names no lines.
    items: [],
  };
}

export function toNormalizedOrder(o: SqOrder, profileCurrency?: string): Order {
  const b = o.billingAddress;
  // internalNotes are the merchant's own ("internal"); the API has no customer note.
  const staffNotes = (o.internalNotes ?? []).map((n) => n.content).filter(Boolean);
  return {
    id: o.id,
    number: String(o.orderNumber),
    store: '',
    platform: 'squarespace',
    status: STATUS_BY_NATIVE[o.fulfillmentStatus] ?? null,
    nativeStatus: o.fulfillmentStatus,
    fulfillmentStatus: FULFILLMENT[o.fulfillmentStatus] ?? null,
    createdAt: isoOrNull(o.createdOn),
    updatedAt: isoOrNull(o.modifiedOn),
    customer: {
      id: orNull(o.customerId),
      name: joinName(b?.firstName, b?.lastName) ?? joinName(o.shippingAddress?.firstName, o.shippingAddress?.lastName),
      email: orNull(o.customerEmail),
      phone: orNull(b?.phone),
    },
    billingAddress: toAddress(b),
    shippingAddress: toAddress(o.shippingAddress),
    items: (o.lineItems ?? []).map((li) => toItem(li, o.fulfillmentStatus)),
    totals: {
      subtotal: toMoney(o.subtotal),
      shipping: toMoney(o.shippingTotal),
      tax: toMoney(o.taxTotal),
      discount: toMoney(o.discountTotal),
      refunded: toMoney(o.refundedTotal),
      total: toMoney(o.grandTotal),
    },
    shipments: (o.fulfillments ?? []).map(toShipment),
    // The API names no payment method.
    payment: { status: toPaymentStatus(o), method: null },
    currency: orderCurrency('squarespace', o.grandTotal?.currency, profileCurrency, o.id),
    // channelName names a third-party channel (imported orders); channel is web or pos.
    channel: orNull(o.channelName) ?? orNull(o.channel),
    externalRef: orNull(o.externalOrderReference),
    // internalNotes are the merchant's own (seed): the customer leaves no note through this API.
    notes: null,
    staffNotes: staffNotes.length ? staffNotes.join('\n') : null,
  };
}

/**
 * A created order in the API's form: a JSON number amount becomes its exact
 * decimal string, and a null field is left out. The OpenAPI file marks no field
 * nullable (a null trackingUrl or address2 is refused, as Prism refuses it), so
 * a null in the user's file can only mean "not given".
 */
export function normalizeAmounts(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalizeAmounts);
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const isAmount = typeof o.currency === 'string' && 'value' in o && Object.keys(o).length === 2;
  if (isAmount && typeof o.value === 'number') {
    const value = Number.isFinite(o.value) ? toDecimalString(o.value) : o.value;
    return { currency: o.currency, value };
  }
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== null).map(([k, x]) => [k, normalizeAmounts(x)]));
}
