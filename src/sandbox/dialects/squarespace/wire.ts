// What the Squarespace Commerce Orders API says on the wire, read for the
// sandbox from the documents themselves (squarespace-commerce-orders.json, the
// official OpenAPI file; seeds/squarespace-commerce-orders.txt; API-NOTES.md §2).
// The adapter states the same facts in src/platforms/squarespace/: neither side
// imports the other, so a misreading on one side shows against the other.

/** MonetaryAmount. The file types value a number; the docs' sample sends "55.00", a string (API-NOTES.md §2 [C], Decisions). */
export interface SqMoney {
  currency: string;
  value: string;
}

/** Address (the file's schema): every field a string, null when the shop has none. */
export interface SqAddress {
  firstName: string | null;
  lastName: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  state: string | null;
  countryCode: string | null;
  postalCode: string | null;
  phone: string | null;
}

/** LineItem (the file's schema). */
export interface SqLineItem {
  id: string;
  variantId: string | null;
  sku: string | null;
  weight: number | null;
  width: number | null;
  length: number | null;
  height: number | null;
  productId: string | null;
  productName: string | null;
  quantity: number;
  unitPricePaid: SqMoney;
  variantOptions: Array<{ optionName: string; value: string }> | null;
  customizations: Array<{ label: string; value: string }> | null;
  imageUrl: string | null;
  lineItemType: string;
}

/** Fulfillment (the file's schema): a shipment as an order lists it. */
export interface SqShipment {
  shipDate: string;
  carrierName: string;
  service: string;
  trackingNumber: string;
  trackingUrl: string | null;
}

/** FulfillmentStatus: "Value may be: PENDING, FULFILLED, or CANCELED." */
export const FULFILLMENT_STATUSES = ['PENDING', 'FULFILLED', 'CANCELED'] as const;
export type SqFulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

/** PaymentState (the file's enum). */
export const PAYMENT_STATES = ['NOT_CHARGED', 'AUTHORIZED', 'PAID', 'REFUNDED', 'PENDING', 'FAILED', 'REFUND_PENDING', 'REFUND_FAILED', 'PARTIALLY_PAID'] as const;
export type SqPaymentState = (typeof PAYMENT_STATES)[number];
/** paymentStates of GET /orders when none is given: "NOT_CHARGED, AUTHORIZED, PAID, and REFUNDED" (API-NOTES.md §2). */
export const DEFAULT_PAYMENT_STATES: readonly string[] = ['NOT_CHARGED', 'AUTHORIZED', 'PAID', 'REFUNDED'];

/**
 * Order (the file's schema). "All documented fields are always present (may be
 * null); empty arrays may be null or []" (API-NOTES.md §2).
 */
export interface SqOrder {
  id: string;
  /** "Unique, sequential number for the Order": a string in the file ("3"). */
  orderNumber: string;
  createdOn: string;
  modifiedOn: string;
  /** "possible values are: web and pos". */
  channel: 'web' | 'pos';
  testmode: boolean;
  customerEmail: string | null;
  customerId: string | null;
  billingAddress: SqAddress | null;
  shippingAddress: SqAddress | null;
  fulfillmentStatus: SqFulfillmentStatus;
  lineItems: SqLineItem[] | null;
  internalNotes: Array<{ content: string }> | null;
  shippingLines: Array<{ method: string; amount: SqMoney }> | null;
  discountLines: Array<{ description: string | null; name: string | null; amount: SqMoney; promoCode: string | null }> | null;
  formSubmission: Array<{ label: string; value: string }> | null;
  fulfillments: SqShipment[] | null;
  subtotal: SqMoney;
  shippingTotal: SqMoney;
  discountTotal: SqMoney;
  taxTotal: SqMoney;
  refundedTotal: SqMoney;
  grandTotal: SqMoney;
  channelName: string | null;
  externalOrderReference: string | null;
  fulfilledOn: string | null;
  priceTaxInterpretation: 'EXCLUSIVE' | 'INCLUSIVE';
  paymentState: SqPaymentState;
  shippingOptionName: string | null;
  shippingOptionServiceType: string | null;
}

/** "up to 50 Orders" a page (seed, List orders); there is no page-size parameter. */
export const PAGE_SIZE = 50;

/** Idempotency-Key: up to 64 letters, digits, "-" and "_" (idempotency-key page, API-NOTES.md §2). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{1,64}$/;

/** "ISO 8601 UTC date and time string (YYYY-MM-DDThh:mm:ss.sZ)" (seed); the fraction is optional [I]. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** ms since the epoch of such a string; undefined for anything else, a date that does not exist (02-30) included. */
export function readIsoUtc(s: unknown): number | undefined {
  if (typeof s !== 'string' || !ISO_UTC.test(s)) return undefined;
  const t = Date.parse(s);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 19) !== s.slice(0, 19)) return undefined;
  return t;
}

/** Answers carry milliseconds, as the docs' "2016-12-23T15:58:07.187Z". */
export const isoUtc = (ms: number): string => new Date(ms).toISOString();

/** The error types of responses-error-handling (API-NOTES.md §2). */
export type SqErrorType =
  | 'INVALID_REQUEST_ERROR'
  | 'AUTHORIZATION_ERROR'
  | 'WEBSITE_EXPIRED'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVER_ERROR'
  | 'SERVICE_UNAVAILABLE';
