// The request bodies the sandbox accepts, read from the OpenAPI file's own
// schemas (squarespace-commerce-orders.json: CreateOrderRequest,
// CreateLineItemRequest, CreateOrderShipmentRequest, CreateShippingLineRequest,
// CreateDiscountLineRequest, AddressRequest, OrderFulfillmentRequest) and the
// seed's wording. Each schema is written down once, as data, and one walker
// checks a body against it. Choices the file leaves open are marked [I]; they
// lean strict, so a wrong guess is a loud 400 rather than a field dropped unseen.

import { readIsoUtc } from './wire.js';

/** The first rule a body breaks: "field … why", and the API's subtype (API-NOTES.md §2). */
export interface Refusal {
  message: string;
  subtype: 'MISSING_ARGUMENT' | 'INVALID_ARGUMENT';
}

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}
const missing = (path: string): never => {
  throw new Refused({ message: `${path} is required`, subtype: 'MISSING_ARGUMENT' });
};
const wrong = (path: string, why: string): never => {
  throw new Refused({ message: `${path} ${why}`, subtype: 'INVALID_ARGUMENT' });
};

/** What a walk remembers across fields: the currency of the first amount [I: a site sells in one]. */
interface Walk {
  currency?: string;
}
type Check = (value: unknown, path: string, walk: Walk) => void;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** { "type": "string", "maxLength": n }. */
const text =
  (maxLength?: number): Check =>
  (v, path) => {
    if (typeof v !== 'string') wrong(path, 'must be a string');
    if (maxLength !== undefined && (v as string).length > maxLength) wrong(path, `must be at most ${maxLength} characters`);
  };

/** "ISO 8601 UTC date and time string" (format date-time). */
const dateTime: Check = (v, path) => {
  if (readIsoUtc(v) === undefined) wrong(path, 'must be an ISO 8601 UTC date and time string (YYYY-MM-DDThh:mm:ss.sZ)');
};

/** An enum of the file. */
const oneOf =
  (...values: string[]): Check =>
  (v, path) => {
    if (typeof v !== 'string' || !values.includes(v)) wrong(path, `must be one of ${values.join(', ')}`);
  };

/** MonetaryAmount as the docs send it: { "currency": "USD", "value": "55.00" } (API-NOTES.md, Decisions). */
const money: Check = (v, path, walk) => {
  if (!isPlainObject(v)) return wrong(path, 'must be a monetary amount { "currency": "USD", "value": "12.30" }');
  if (typeof v.currency !== 'string' || !/^[A-Z]{3}$/.test(v.currency)) wrong(`${path}.currency`, 'must be an ISO 4217 currency code such as USD');
  if (typeof v.value !== 'string' || !/^\d+(\.\d+)?$/.test(v.value)) wrong(`${path}.value`, 'must be a decimal string such as "12.30"');
  walk.currency ??= v.currency as string;
  if (v.currency !== walk.currency) wrong(`${path}.currency`, `is ${String(v.currency)}, but the order's other amounts are in ${walk.currency}`);
};

/** "format": "email" [I: something@something]. */
const email: Check = (v, path) => {
  if (typeof v !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) wrong(path, 'must be an e-mail address');
};

/** "URL provided by carrier …; must adhere to valid URL formatting" [I: an absolute http(s) URL]. */
const url: Check = (v, path) => {
  let ok = false;
  if (typeof v === 'string') {
    try {
      ok = ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      ok = false;
    }
  }
  if (!ok) wrong(path, 'must be a valid URL string');
};

/** "Amount of the item purchased. 1,000,000 limit." (int32) [I: at least 1]. */
const quantity: Check = (v, path) => {
  if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 1_000_000) wrong(path, 'must be a whole number from 1 to 1,000,000');
};

interface Schema {
  required?: string[];
  fields: Record<string, Check>;
  /** Rules that tie one field to another, from the fields' descriptions. */
  also?: (o: Record<string, unknown>, path: string) => void;
}

const at = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * An object of the schema. A field the schema does not name is refused [I: the
 * file does not forbid extra fields, but a misspelt one would otherwise be lost].
 */
const object =
  (schema: Schema): Check =>
  (v, path, walk) => {
    if (!isPlainObject(v)) return wrong(path || 'body', 'must be a JSON object');
    for (const k of Object.keys(v)) if (!(k in schema.fields)) wrong(at(path, k), `is not a field of this request; the fields are ${Object.keys(schema.fields).join(', ')}`);
    for (const k of schema.required ?? []) if (v[k] === undefined || v[k] === null || v[k] === '') missing(at(path, k));
    // An optional field may be left out; null is no value of any type the file gives
    // (it marks none nullable), so it is refused, as Prism refuses it [I].
    for (const [k, check] of Object.entries(schema.fields)) if (v[k] !== undefined) check(v[k], at(path, k), walk);
    schema.also?.(v, path);
  };

/** { "type": "array" } with the bounds its description gives. */
const array =
  (item: Check, bounds: { min?: [number, string]; max?: [number, string] } = {}): Check =>
  (v, path, walk) => {
    if (!Array.isArray(v)) return wrong(path, 'must be an array');
    if (bounds.min && v.length < bounds.min[0]) wrong(path, bounds.min[1]);
    if (bounds.max && v.length > bounds.max[0]) wrong(path, bounds.max[1]);
    v.forEach((x, i) => item(x, `${path}[${i}]`, walk));
  };

/** AddressRequest: nine strings. */
const address = object({
  fields: Object.fromEntries(['address1', 'address2', 'city', 'countryCode', 'firstName', 'lastName', 'phone', 'postalCode', 'state'].map((k) => [k, text()])),
});

/** CreateOrderShipmentRequest: carrierName, service, shipDate, trackingNumber required; names ≤ 100. */
const shipment = object({
  required: ['carrierName', 'service', 'shipDate', 'trackingNumber'],
  fields: { carrierName: text(100), service: text(100), shipDate: dateTime, trackingNumber: text(100), trackingUrl: url },
});

/** CreateLineItemRequest. */
const lineItem = object({
  required: ['lineItemType', 'quantity', 'unitPricePaid'],
  fields: { lineItemType: oneOf('PHYSICAL_PRODUCT', 'CUSTOM'), nonSaleUnitPrice: money, quantity, title: text(), unitPricePaid: money, variantId: text() },
  // variantId: "Required if lineItemType is PHYSICAL_PRODUCT."
  also: (o, path) => {
    if (o.lineItemType === 'PHYSICAL_PRODUCT' && (o.variantId === undefined || o.variantId === null || o.variantId === '')) missing(`${path}.variantId`);
  },
});

/** CreateOrderRequest. */
const createOrder = object({
  required: ['channelName', 'createdOn', 'externalOrderReference', 'fulfillments', 'grandTotal', 'lineItems', 'priceTaxInterpretation'],
  fields: {
    billingAddress: address,
    channelName: text(30),
    createdOn: dateTime,
    customerEmail: email,
    discountLines: array(object({ fields: { amount: money, name: text(), promoCode: text() } })),
    discountTotal: money,
    externalOrderReference: text(200),
    fulfilledOn: dateTime,
    fulfillmentStatus: oneOf('PENDING', 'FULFILLED'),
    // "Array of shipping fulfillments; up to 100 entries."
    fulfillments: array(shipment, { max: [100, 'may hold up to 100 entries'] }),
    grandTotal: money,
    inventoryBehavior: oneOf('DEDUCT', 'SKIP'),
    // "Array of purchased line items; cannot be empty."
    lineItems: array(lineItem, { min: [1, 'cannot be empty'] }),
    priceTaxInterpretation: oneOf('EXCLUSIVE', 'INCLUSIVE'),
    shippingAddress: address,
    // "Currently accepts only one shipping entry."
    shippingLines: array(object({ required: ['amount', 'method'], fields: { amount: money, method: text(100) } }), { max: [1, 'currently accepts only one shipping entry'] }),
    shippingTotal: money,
    shopperFulfillmentNotificationBehavior: oneOf('SEND', 'SKIP'),
    subtotal: money,
    taxTotal: money,
  },
  // fulfilledOn: "Required if fulfillmentStatus is FULFILLED."
  also: (o) => {
    if (o.fulfillmentStatus === 'FULFILLED' && (o.fulfilledOn === undefined || o.fulfilledOn === null)) missing('fulfilledOn');
  },
});

/** OrderFulfillmentRequest: both fields optional in the file. */
const fulfillOrder = object({
  fields: {
    shipments: array(shipment),
    shouldSendNotification: (v, path) => {
      if (typeof v !== 'boolean') wrong(path, 'must be true or false');
    },
  },
});

function firstRefusal(check: Check, body: unknown): Refusal | undefined {
  try {
    check(body, '', {});
    return undefined;
  } catch (err) {
    if (err instanceof Refused) return err.refusal;
    throw err;
  }
}

/** Why POST /commerce/orders would be refused; undefined when the body is one the file accepts. */
export const refuseCreate = (body: unknown): Refusal | undefined => firstRefusal(createOrder, body);

/** Why POST /commerce/orders/{id}/fulfillments would be refused. */
export const refuseFulfill = (body: unknown): Refusal | undefined => firstRefusal(fulfillOrder, body);

/**
 * Two bodies are "the same parameters" (idempotency-key page) when they hold
 * the same values, whatever the key order or spacing [I]: objects are compared
 * with their keys sorted.
 */
export function sameParameters(v: unknown): string {
  const sorted = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(sorted) : isPlainObject(x) ? Object.fromEntries(Object.keys(x).sort().filter((k) => x[k] !== undefined).map((k) => [k, sorted(x[k])])) : x;
  return JSON.stringify(sorted(v));
}
