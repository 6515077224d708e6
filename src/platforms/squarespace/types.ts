// Squarespace Commerce Orders API 1.0 native JSON, as in API-NOTES.md §2 (the
// official OpenAPI read through distilled-mirror/spec-mirror-squarespace, and
// the docs' response sample) and seeds/squarespace-commerce-orders.txt.
// Field names are the API's own. Every documented field is always present in
// answers, possibly null; empty arrays may be null or [] (responses-error-handling).

/** "A monetary amount with currency code and decimal value": the value is a string (API-NOTES.md, Decisions). */
export interface SqMoney {
  currency: string;
  value: string;
}

/** ISO 8601 UTC: "2016-12-23T15:58:07.187Z". */
export type SqDate = string;

export type SqFulfillmentStatus = 'PENDING' | 'FULFILLED' | 'CANCELED';

export type SqPaymentState =
  | 'NOT_CHARGED'
  | 'AUTHORIZED'
  | 'PAID'
  | 'REFUNDED'
  | 'PENDING'
  | 'FAILED'
  | 'REFUND_PENDING'
  | 'REFUND_FAILED'
  | 'PARTIALLY_PAID';

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

export type SqLineItemType = 'PHYSICAL_PRODUCT' | 'DIGITAL' | 'SERVICE' | 'GIFT_CARD' | 'PAYWALL_PRODUCT' | 'CUSTOM';

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
  lineItemType: SqLineItemType;
}

export interface SqShippingLine {
  method: string;
  amount: SqMoney;
}

export interface SqDiscountLine {
  /** Deprecated in favour of name. */
  description?: string | null;
  name: string | null;
  amount: SqMoney;
  promoCode: string | null;
}

/** A shipment: what GET returns in `fulfillments` and POST …/fulfillments takes in `shipments`. */
export interface SqShipment {
  shipDate: SqDate;
  carrierName: string;
  service: string;
  trackingNumber: string;
  /** null in answers; left out of a request when there is none (a null is refused). */
  trackingUrl?: string | null;
}

/** GET /commerce/orders/{id}, an element of GET /commerce/orders' result, and POST /commerce/orders' answer. */
export interface SqOrder {
  id: string;
  /** A string, "3" (API-NOTES.md §2: the community spec's integer is wrong). */
  orderNumber: string;
  createdOn: SqDate;
  modifiedOn: SqDate;
  channel: 'web' | 'pos';
  testmode: boolean;
  customerEmail: string | null;
  customerId: string | null;
  billingAddress: SqAddress | null;
  shippingAddress: SqAddress | null;
  fulfillmentStatus: SqFulfillmentStatus;
  lineItems: SqLineItem[] | null;
  internalNotes: Array<{ content: string }> | null;
  shippingLines: SqShippingLine[] | null;
  discountLines: SqDiscountLine[] | null;
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
  fulfilledOn: SqDate | null;
  priceTaxInterpretation: 'EXCLUSIVE' | 'INCLUSIVE';
  paymentState?: SqPaymentState;
  shippingOptionName?: string | null;
  shippingOptionServiceType?: string | null;
}

export interface SqPagination {
  hasNextPage: boolean;
  nextPageCursor: string | null;
  nextPageUrl: string | null;
}

/** GET /commerce/orders */
export interface SqOrderPage {
  result: SqOrder[];
  pagination: SqPagination;
}

/** POST /commerce/orders/{id}/fulfillments → 204 No Content. */
export interface SqFulfillRequest {
  shouldSendNotification: boolean;
  shipments: SqShipment[];
}

export type SqErrorType =
  | 'INVALID_REQUEST_ERROR'
  | 'AUTHORIZATION_ERROR'
  | 'WEBSITE_EXPIRED'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVER_ERROR'
  | 'SERVICE_UNAVAILABLE';

/** Every error answer: each field always present, values may be null (responses-error-handling). */
export interface SqError {
  type: SqErrorType | string;
  subtype: string | null;
  message: string;
  details: unknown;
  contextId: string | null;
}
