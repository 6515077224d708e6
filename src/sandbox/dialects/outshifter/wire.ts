// The sandbox's own reading of Outshifter's JSON (seeds/outshifter-*.txt,
// API-NOTES.md §4): what it stores and answers. Written from the documents,
// not from the adapter's types, so a misreading on one side shows on the other.

/** "128.00" (returns-API doc) or 100 (the create body's priceChannel, seed). */
export type WireAmount = string | number;

/** An order's customer: the create body's fields (seed, POST /orders). */
export interface WireCustomer {
  fullName?: string | null;
  email?: string | null;
  phone?: string | null;
  shippingContactName?: string | null;
  shippingAddress?: string | null;
  shippingCity?: string | null;
  shippingState?: string | null;
  shippingZip?: string | null;
  shippingCountry?: string | null;
  billingName?: string | null;
  billingAddress?: string | null;
  billingZip?: string | null;
  billingCity?: string | null;
  billingState?: string | null;
  billingCountry?: string | null;
}

export interface WireOrderItem {
  id: number;
  productId: number;
  title: string;
  variantTitle: string | null;
  quantity: number;
  priceChannel: string;
  /** "CANCELED" is the document's word for a cancelled item; the rest is the sandbox's [I]. */
  status: string;
}

export interface WireTracking {
  trackingNumber: string;
  trackingUrl: string;
  carrier: string;
  createdAt: string;
}

/**
 * GET /api/orders/:orderId as the returns-API doc shows it (API-NOTES.md §4),
 * plus what the sandbox needs and the documents do not show [I]: status,
 * currency, paymentProcessor (a field of the create body) and storefront.
 */
export interface StoredOrder {
  createdAt: string;
  updatedAt: string;
  id: number;
  channel: string;
  channelId: string | null;
  channelOrderName: string;
  channelCreatedDate: string;
  status: string;
  currency: string;
  paymentProcessor: string | null;
  storefront: string;
  shippingPrice: string;
  shippingTitle: string | null;
  shippingCode: string | null;
  customer: WireCustomer;
  items: WireOrderItem[];
  reseller: { id: number; name: string };
  trackings: WireTracking[];
}

/** A checkout's address (PATCH /checkout/:id answer, seed); phone and zip may come as numbers (payment body, seed). */
export interface WireAddress {
  id?: string;
  first_name?: string | null;
  last_name?: string | null;
  email?: string | null;
  phone_code?: string | null;
  phone?: string | number | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  province?: string | null;
  province_code?: string | null;
  country?: string | null;
  country_code?: string | null;
  zip?: string | number | null;
}

/**
 * How this sandbox answers where the documents leave a guess open. Absent:
 * the readings orderctl's README lists as its guesses. A test sets another
 * (`section.wire = { … }`) to play an API that answers the other way, and
 * shows orderctl failing loudly and its override fixing it.
 */
export interface WireVariant {
  /** The cancel-item PUT lives at /orders/… beside /api, as the document's example URL has it. */
  cancelItemOutsideApi?: boolean;
  /** The order list: its method, path (under /api) and parameter names; pageSize pages it. */
  list?: {
    method?: 'GET' | 'POST';
    path?: string;
    params?: Partial<Record<'storefront' | 'status' | 'dateFrom' | 'dateTo' | 'page', string>>;
    /** Answers {data, total, page, pageSize} of this many orders a page. */
    pageSize?: number;
  };
  /** Native statuses written under other names, e.g. { PAID: 'PROCESSING' }. */
  statusNames?: Record<string, string>;
  /** The order's currency under another field name, or null: not sent at all. */
  currencyField?: string | null;
  /** The checkout field that takes the flat rate's service code. */
  shippingRateField?: string;
  /** The field of the Klarna answer that carries the order id. */
  klarnaOrderField?: string;
}
