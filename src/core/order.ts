// The normalized order: one shape for every platform (DESIGN.md, "The normalized order").
// Money amounts are decimal strings; times are ISO 8601 UTC.

import { UsageError } from './errors.js';

export const PLATFORMS = ['bigcommerce', 'squarespace', 'cscart', 'outshifter'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const STATUSES = [
  'incomplete',
  'pending',
  'awaiting_payment',
  'awaiting_fulfillment',
  'partially_fulfilled',
  'fulfilled',
  'completed',
  'cancelled',
  'declined',
  'failed',
  'refunded',
  'partially_refunded',
  'return_requested',
  'returned',
  'on_hold',
] as const;
export type Status = (typeof STATUSES)[number];

export const FULFILLMENT_STATUSES = ['unfulfilled', 'partially_fulfilled', 'fulfilled', 'cancelled'] as const;
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

export const ITEM_STATUSES = ['unfulfilled', 'fulfilled', 'cancelled', 'returned'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const PAYMENT_STATUSES = ['unpaid', 'pending', 'authorized', 'paid', 'partially_paid', 'refunded', 'partially_refunded', 'failed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * A user's payment-status word as the shared vocabulary spells it, whatever
 * the case, spaces or hyphens ("Partially refunded" → partially_refunded);
 * undefined when it names none. Every --payment-status reader goes through it,
 * so each platform accepts the same shared names.
 */
export function paymentStatusName(input: string): PaymentStatus | undefined {
  const name = input.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return (PAYMENT_STATUSES as readonly string[]).includes(name) ? (name as PaymentStatus) : undefined;
}

/** The sort vocabulary shared by every platform; the default is created, newest first. */
export const SORT_FIELDS = ['created', 'updated', 'id', 'number', 'total'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export interface Money {
  amount: string;
  currency: string;
}

export interface Address {
  name: string | null;
  company: string | null;
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
  phone: string | null;
}

export interface OrderItem {
  id: string;
  productId: string | null;
  variantId: string | null;
  sku: string | null;
  title: string;
  variant: string | null;
  quantity: number;
  unitPrice: Money | null;
  total: Money | null;
  status: ItemStatus | null;
}

export interface Shipment {
  id: string | null;
  carrier: string | null;
  service: string | null;
  tracking: string | null;
  trackingUrl: string | null;
  shippedAt: string | null;
  items: Array<{ itemId: string; quantity: number | null }>;
}

// Follows the JSON Schema in src/core/schema.ts (the source of truth).
export interface Order {
  id: string;
  number: string;
  /** The profile's name ("sandbox" for the sandbox); set by the session, not the mapping. */
  store: string;
  platform: Platform;
  status: Status | null;
  nativeStatus: string;
  fulfillmentStatus: FulfillmentStatus | null;
  createdAt: string | null;
  updatedAt: string | null;
  customer: { id: string | null; name: string | null; email: string | null; phone: string | null };
  billingAddress: Address | null;
  shippingAddress: Address | null;
  items: OrderItem[];
  shipments: Shipment[];
  payment: { status: PaymentStatus | null; method: string | null };
  totals: {
    subtotal: Money | null;
    shipping: Money | null;
    tax: Money | null;
    discount: Money | null;
    refunded: Money | null;
    total: Money | null;
  };
  /** Never empty: where the API does not say, the profile's currency (profile add --currency). */
  currency: string;
  channel: string | null;
  externalRef: string | null;
  notes: string | null;
  staffNotes: string | null;
}

/**
 * The currency an order's money is in: what the platform sent, else the
 * profile's (`profile add --currency`). Never a guess: with neither, the order
 * cannot be shown honestly, so the command stops and says how to fix it.
 */
export function orderCurrency(platform: Platform, sent: string | null | undefined, profileCurrency: string | undefined, orderId: string): string {
  const found = (sent ?? '').trim() || profileCurrency;
  if (found) return found.toUpperCase();
  throw new CurrencyUnknownError(platform, orderId);
}

export class CurrencyUnknownError extends UsageError {
  constructor(platform: Platform, orderId: string) {
    super(`${platform} did not say the currency of order ${orderId}, and the profile names none`, {
      hint: `set the store's currency: orderctl profile add NAME --platform ${platform} --currency EUR (with the profile's other flags)`,
    });
  }
}

/** An order's fulfilment from its items: shipped quantities against ordered ones. */
export function fulfillmentFromItems(shipped: number, ordered: number, cancelled: boolean): FulfillmentStatus {
  if (ordered > 0 && shipped >= ordered) return 'fulfilled';
  if (shipped > 0) return 'partially_fulfilled';
  return cancelled ? 'cancelled' : 'unfulfilled';
}
