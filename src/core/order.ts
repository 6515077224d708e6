// The normalized order: one shape for every platform (DESIGN.md, "The normalized order").
// Money amounts are decimal strings; times are ISO 8601 UTC.

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
  status: string | null;
}

export interface Order {
  id: string;
  number: string;
  platform: Platform;
  status: Status | null;
  nativeStatus: string;
  fulfillmentStatus: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  customer: { id: string | null; name: string | null; email: string | null; phone: string | null };
  billingAddress: Address | null;
  shippingAddress: Address | null;
  items: OrderItem[];
  totals: {
    subtotal: Money | null;
    shipping: Money | null;
    tax: Money | null;
    discount: Money | null;
    /** What has been paid back so far. */
    refunded: Money | null;
    total: Money | null;
  };
  /** Parcels sent, with tracking; [] when none (or when a listing does not carry them). */
  shipments: Shipment[];
  payment: { status: PaymentStatus | null; method: string | null };
  currency: string | null;
  channel: string | null;
  externalRef: string | null;
  notes: string | null;
  /** Notes the shop keeps about the order, never shown to the customer. */
  staffNotes: string | null;
}

export const PAYMENT_STATUSES = ['unpaid', 'pending', 'authorized', 'paid', 'partially_paid', 'refunded', 'partially_refunded', 'failed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A parcel sent: what the customer can track. `items` empty: the whole order (platforms without item-level shipments). */
export interface Shipment {
  id: string | null;
  carrier: string | null;
  service: string | null;
  tracking: string | null;
  trackingUrl: string | null;
  shippedAt: string | null;
  items: Array<{ itemId: string; quantity: number }>;
}
