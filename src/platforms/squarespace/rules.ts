// The documented request rules of the Squarespace Commerce Orders API, in one
// place: the adapter checks them before sending (a bad file never reaches the
// API) and the sandbox dialect answers 400 when a request breaks them.
// Sources: seeds/squarespace-commerce-orders.txt and API-NOTES.md §2 (create-order,
// fulfill-order, idempotency-key). Choices the sources leave open are marked [I].

export const FULFILLMENT_STATUSES = ['PENDING', 'FULFILLED', 'CANCELED'] as const;

/** paymentStates of GET /orders; without it the API lists the first four (API-NOTES.md §2). */
export const PAYMENT_STATES = ['NOT_CHARGED', 'AUTHORIZED', 'PAID', 'REFUNDED', 'PENDING', 'FAILED', 'REFUND_PENDING', 'REFUND_FAILED', 'PARTIALLY_PAID'] as const;
export const DEFAULT_PAYMENT_STATES = PAYMENT_STATES.slice(0, 4);

/** Up to 50 orders a page (seed: "up to 50 Orders"); there is no page-size parameter. */
export const PAGE_SIZE = 50;

/** "at most 64 characters: letters, digits, - and _" (idempotency-key page; API-NOTES.md §2). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{1,64}$/;

/** "ISO 8601 UTC date and time string (YYYY-MM-DDThh:mm:ss.sZ)"; the docs' own examples omit the fraction. */
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/;

/** ms since epoch of an ISO 8601 UTC string as the API takes it; undefined when it is not one. */
export function parseIsoUtc(s: unknown): number | undefined {
  if (typeof s !== 'string') return undefined;
  const m = ISO_UTC.exec(s);
  if (!m) return undefined;
  const t = Date.parse(s);
  // Date.parse rolls 2026-02-30 over to March: refuse what does not round-trip.
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 19) !== s.slice(0, 19)) return undefined;
  return t;
}

/** The form orderctl sends: always with milliseconds, as the docs' pattern shows. */
export const isoUtc = (ms: number): string => new Date(ms).toISOString();

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const DECIMAL = /^\d+(\.\d+)?$/;

/** The documented fields of POST /commerce/orders (API-NOTES.md §2; the issue's list). */
export const CREATE_FIELDS = [
  'channelName',
  'externalOrderReference',
  'customerEmail',
  'billingAddress',
  'shippingAddress',
  'lineItems',
  'shippingLines',
  'discountLines',
  'priceTaxInterpretation',
  'fulfillmentStatus',
  'fulfilledOn',
  'inventoryBehavior',
  'grandTotal',
  'subtotal',
  'shippingTotal',
  'discountTotal',
  'taxTotal',
  'fulfillments',
  'shopperFulfillmentNotificationBehavior',
  'createdOn',
] as const;

const REQUIRED = ['channelName', 'createdOn', 'externalOrderReference', 'fulfillments', 'grandTotal', 'lineItems', 'priceTaxInterpretation'];
const ADDRESS_FIELDS = ['firstName', 'lastName', 'address1', 'address2', 'city', 'state', 'countryCode', 'postalCode', 'phone'];

/** A rule broken by a request: the field (dotted path) and why. */
export interface Problem {
  field: string;
  message: string;
  /** MISSING_ARGUMENT or INVALID_ARGUMENT (the API's subtypes, API-NOTES.md §2). */
  subtype: 'MISSING_ARGUMENT' | 'INVALID_ARGUMENT';
}

class Broken extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}
const missing = (field: string): never => {
  throw new Broken({ field, message: `${field} is required`, subtype: 'MISSING_ARGUMENT' });
};
const invalid = (field: string, why: string): never => {
  throw new Broken({ field, message: `${field} ${why}`, subtype: 'INVALID_ARGUMENT' });
};

function firstProblem(check: () => void): Problem | undefined {
  try {
    check();
    return undefined;
  } catch (err) {
    if (err instanceof Broken) return err.problem;
    throw err;
  }
}

function text(v: unknown, field: string, max: number, required = true): void {
  if (v === undefined || v === null) {
    if (required) missing(field);
    return;
  }
  if (typeof v !== 'string' || (required && v.trim() === '')) invalid(field, 'must be a non-empty string');
  if ((v as string).length > max) invalid(field, `must be at most ${max} characters`);
}

function date(v: unknown, field: string, required = true): void {
  if (v === undefined || v === null) {
    if (required) missing(field);
    return;
  }
  if (parseIsoUtc(v) === undefined) invalid(field, 'must be an ISO 8601 UTC date and time, e.g. 2026-11-01T10:00:00.000Z');
}

function oneOf(v: unknown, field: string, values: readonly string[]): void {
  if (v === undefined || v === null) return;
  if (typeof v !== 'string' || !values.includes(v)) invalid(field, `must be one of ${values.join(', ')}`);
}

/** { currency, value } with a decimal string value; all amounts of an order share one currency [I]. */
function amount(v: unknown, field: string, currency: { code?: string }, required = false): void {
  if (v === undefined || v === null) {
    if (required) missing(field);
    return;
  }
  if (!isObject(v)) return invalid(field, 'must be a monetary amount: { "currency": "USD", "value": "12.30" }');
  if (typeof v.currency !== 'string' || !/^[A-Z]{3}$/.test(v.currency)) invalid(`${field}.currency`, 'must be a three-letter ISO 4217 code such as USD');
  if (typeof v.value !== 'string' || !DECIMAL.test(v.value)) invalid(`${field}.value`, 'must be a decimal string such as "12.30" (API-NOTES.md: the value is a string)');
  currency.code ??= v.currency as string;
  if (v.currency !== currency.code) invalid(`${field}.currency`, `is ${String(v.currency)}, but the order's amounts are in ${currency.code}`);
}

function address(v: unknown, field: string): void {
  if (v === undefined || v === null) return;
  if (!isObject(v)) return invalid(field, 'must be an address object');
  for (const [k, x] of Object.entries(v)) {
    if (!ADDRESS_FIELDS.includes(k)) invalid(`${field}.${k}`, `is not an address field; use ${ADDRESS_FIELDS.join(', ')}`);
    if (x !== null && typeof x !== 'string') invalid(`${field}.${k}`, 'must be a string');
  }
  if (v.countryCode !== undefined && v.countryCode !== null && !/^[A-Z]{2}$/.test(String(v.countryCode))) invalid(`${field}.countryCode`, 'must be a two-letter ISO 3166 code such as US');
}

function array(v: unknown, field: string, required: boolean): unknown[] {
  if (v === undefined || v === null) {
    if (required) missing(field);
    return [];
  }
  if (!Array.isArray(v)) return invalid(field, 'must be an array');
  return v;
}

/** One shipment of POST …/fulfillments, or of `fulfillments` in create (fulfill-order; API-NOTES.md §2). */
function shipment(v: unknown, field: string): void {
  if (!isObject(v)) return invalid(field, 'must be an object');
  date(v.shipDate, `${field}.shipDate`);
  text(v.carrierName, `${field}.carrierName`, 100);
  text(v.service, `${field}.service`, 100);
  text(v.trackingNumber, `${field}.trackingNumber`, 100);
  if (v.trackingUrl !== undefined && v.trackingUrl !== null) {
    // "trackingUrl (valid URL)"; the API answers 400 for a bad one.
    if (typeof v.trackingUrl !== 'string' || !/^https?:\/\/[^\s/]+\S*$/.test(v.trackingUrl)) invalid(`${field}.trackingUrl`, 'must be a valid http(s) URL');
  }
}

function lineItem(v: unknown, field: string, currency: { code?: string }): void {
  if (!isObject(v)) return invalid(field, 'must be an object');
  const type = v.lineItemType ?? missing(`${field}.lineItemType`);
  oneOf(type, `${field}.lineItemType`, ['PHYSICAL_PRODUCT', 'CUSTOM']);
  if (type === 'PHYSICAL_PRODUCT') text(v.variantId, `${field}.variantId`, 100);
  // A custom item has no product to take its name from [I].
  if (type === 'CUSTOM') text(v.title, `${field}.title`, 200);
  else text(v.title, `${field}.title`, 200, false);
  if (v.quantity === undefined) missing(`${field}.quantity`);
  if (!Number.isInteger(v.quantity) || (v.quantity as number) < 1 || (v.quantity as number) > 1_000_000) invalid(`${field}.quantity`, 'must be a whole number from 1 to 1,000,000');
  amount(v.unitPricePaid, `${field}.unitPricePaid`, currency, true);
  amount(v.nonSaleUnitPrice, `${field}.nonSaleUnitPrice`, currency);
}

/** The first broken rule of a POST /commerce/orders body; undefined when it is valid. */
export function createOrderProblem(body: unknown): Problem | undefined {
  return firstProblem(() => {
    if (!isObject(body)) return invalid('body', 'must be one JSON object');
    const unknown = Object.keys(body).find((k) => !(CREATE_FIELDS as readonly string[]).includes(k));
    // The documented fields only: a misspelt one would otherwise be dropped unseen [I].
    if (unknown !== undefined) invalid(unknown, `is not a field of a created order; use ${CREATE_FIELDS.join(', ')}`);
    for (const k of REQUIRED) if (body[k] === undefined || body[k] === null) missing(k);
    const currency: { code?: string } = {};
    amount(body.grandTotal, 'grandTotal', currency, true);
    text(body.channelName, 'channelName', 30);
    text(body.externalOrderReference, 'externalOrderReference', 200);
    date(body.createdOn, 'createdOn');
    oneOf(body.priceTaxInterpretation, 'priceTaxInterpretation', ['EXCLUSIVE', 'INCLUSIVE']);
    const items = array(body.lineItems, 'lineItems', true);
    if (items.length === 0) invalid('lineItems', 'cannot be empty');
    items.forEach((item, i) => lineItem(item, `lineItems[${i}]`, currency));
    const shipments = array(body.fulfillments, 'fulfillments', true);
    if (shipments.length > 100) invalid('fulfillments', 'may hold at most 100 shipments');
    shipments.forEach((s, i) => shipment(s, `fulfillments[${i}]`));
    const shippingLines = array(body.shippingLines, 'shippingLines', false);
    // "Currently accepts only one shipping entry."
    if (shippingLines.length > 1) invalid('shippingLines', 'accepts only one shipping entry');
    shippingLines.forEach((l, i) => {
      if (!isObject(l)) return invalid(`shippingLines[${i}]`, 'must be an object');
      text(l.method, `shippingLines[${i}].method`, 100);
      amount(l.amount, `shippingLines[${i}].amount`, currency, true);
    });
    array(body.discountLines, 'discountLines', false).forEach((l, i) => {
      if (!isObject(l)) return invalid(`discountLines[${i}]`, 'must be an object');
      amount(l.amount, `discountLines[${i}].amount`, currency, true);
      text(l.name, `discountLines[${i}].name`, 200, false);
      text(l.promoCode, `discountLines[${i}].promoCode`, 200, false);
    });
    for (const k of ['subtotal', 'shippingTotal', 'discountTotal', 'taxTotal']) amount(body[k], k, currency);
    if (body.customerEmail !== undefined && body.customerEmail !== null && !(typeof body.customerEmail === 'string' && /^[^\s@]+@[^\s@]+$/.test(body.customerEmail))) {
      invalid('customerEmail', 'must be an e-mail address');
    }
    address(body.billingAddress, 'billingAddress');
    address(body.shippingAddress, 'shippingAddress');
    // A created order is PENDING or FULFILLED; FULFILLED needs fulfilledOn (create-order).
    oneOf(body.fulfillmentStatus, 'fulfillmentStatus', ['PENDING', 'FULFILLED']);
    if (body.fulfillmentStatus === 'FULFILLED' && (body.fulfilledOn === undefined || body.fulfilledOn === null)) missing('fulfilledOn');
    date(body.fulfilledOn, 'fulfilledOn', false);
    oneOf(body.inventoryBehavior, 'inventoryBehavior', ['DEDUCT', 'SKIP']);
    oneOf(body.shopperFulfillmentNotificationBehavior, 'shopperFulfillmentNotificationBehavior', ['SEND', 'SKIP']);
  });
}

/** The first broken rule of a POST /commerce/orders/{id}/fulfillments body. */
export function fulfillProblem(body: unknown): Problem | undefined {
  return firstProblem(() => {
    if (!isObject(body)) return invalid('body', 'must be one JSON object');
    if (body.shouldSendNotification !== undefined && typeof body.shouldSendNotification !== 'boolean') invalid('shouldSendNotification', 'must be true or false');
    array(body.shipments, 'shipments', false).forEach((s, i) => shipment(s, `shipments[${i}]`));
  });
}

/** A body as the API compares it for idempotency: keys sorted, so formatting and key order do not matter [I]. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isObject(v)) {
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
