// Outshifter's JSON, as documented (seeds/outshifter-orders.txt,
// seeds/outshifter-cart-checkout.txt, API-NOTES.md §4). The documents mix
// snake_case and camelCase, and send amounts as strings or numbers: every
// documented form is typed here, and mapping.ts reads them all.

export type OsAmount = string | number;

/** An order's customer, as in the create body (seed). */
export interface OsCustomer {
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

export interface OsOrderItem {
  id: number | string;
  productId: number | string;
  title?: string | null;
  variantTitle?: string | null;
  quantity: number;
  priceChannel: OsAmount;
  /** CANCELED once cancelled (seed); the other values are [I]. */
  status?: string | null;
}

export interface OsTracking {
  trackingNumber?: string | null;
  trackingUrl?: string | null;
  carrier?: string | null;
  createdAt?: string | null;
}

/** GET /orders/:orderId (returns-API doc, API-NOTES.md §4), with status and currency [I]. */
export interface OsOrder {
  createdAt: string;
  updatedAt: string;
  id: number | string;
  channel?: string | null;
  channelId?: string | null;
  channelOrderName?: string | null;
  channelCreatedDate?: string | null;
  status?: string | null;
  currency?: string | null;
  paymentProcessor?: string | null;
  storefront?: string | null;
  shippingPrice?: OsAmount | null;
  shippingTitle?: string | null;
  shippingCode?: string | null;
  customer?: OsCustomer | null;
  items?: OsOrderItem[] | null;
  reseller?: { id?: number | string; name?: string | null } | null;
  trackings?: OsTracking[] | null;
}

/** price_data (cart, snake) or priceData (checkout's cart, camel). */
export interface OsPriceData {
  id?: string;
  unit_price?: OsAmount;
  unitPrice?: OsAmount;
  tax?: OsAmount | null;
  currency?: string | null;
}

export interface OsLineItem {
  id?: string;
  product_id?: number | string;
  productId?: number | string;
  product_title?: string;
  productTitle?: string;
  product?: { id?: number | string; title?: string | null } | null;
  product_image?: unknown[];
  variant_id?: number | string | null;
  variantId?: number | string | null;
  quantity: number;
  price_data?: OsPriceData;
  priceData?: OsPriceData;
  createdAt?: string;
  updatedAt?: string;
  deletedAt?: string | null;
}

/** POST/GET /cart (snake: cart_id, created_at) or a checkout's cart (camel: id, createdAt). */
export interface OsCart {
  cart_id?: string | number;
  id?: string | number;
  customer_session_id?: string | null;
  created_at?: string;
  updated_at?: string;
  createdAt?: string;
  updatedAt?: string;
  deletedAt?: string | null;
  line_items?: OsLineItem[];
  total_amount?: OsAmount;
  currency?: string | null;
}

/** A checkout's address (PATCH /checkout/:id; GET …/payment). */
export interface OsAddress {
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

/** The chosen flat rate [I: the documents require "shipping rate" before payment without naming the field]. */
export interface OsShippingRate {
  service_code: string;
  service_name?: string;
  total_price?: OsAmount;
  currency?: string;
}

export interface OsCheckout {
  id: string;
  status: string;
  cart?: OsCart | null;
  total_price?: OsAmount;
  total_tax?: OsAmount;
  total_line_items_price?: OsAmount;
  success_url?: string | null;
  cancel_url?: string | null;
  payment_method?: string | null;
  email?: string | null;
  checkout_url?: string | null;
  shipping_address?: OsAddress | null;
  billing_address?: OsAddress | null;
  shipping_rate?: OsShippingRate | null;
  /** The pending order of an initiated payment [I]. */
  order_id?: number | string | null;
  availablePaymentMethods?: unknown[];
  createdAt?: string;
  updatedAt?: string;
  deletedAt?: string | null;
}

/** PATCH /checkout/:id/payment answer (seed). */
export interface OsPaymentStarted {
  checkout_url: string;
  order_id: number | string;
}

/** GET /checkout/:id/payment (seed). */
export interface OsPayment {
  success_url?: string | null;
  cancel_url?: string | null;
  payment_method?: string | null;
  email?: string | null;
  status?: string | null;
  billing_address?: OsAddress | null;
  shipping_address?: OsAddress | null;
  cart?: OsCart | null;
}

/** POST /shipping/flat-rate answer (seed): total_price is a JSON number there. */
export interface OsQuote {
  service_name: string;
  description?: string | null;
  service_code: string;
  total_price: OsAmount;
  currency: string;
}

/** POST /cart/:id/init-payment-klarna [I: the documents give no answer]. */
export interface OsKlarnaSession {
  order_id: number | string;
  klarna_order_id?: string;
  status?: string;
  html_snippet?: string;
}

/** No error format is published [I]: the sandbox answers {statusCode, message, error}, message a string or a list. */
export interface OsError {
  statusCode?: number;
  message?: string | string[];
  error?: string;
}
