// The JSON Schemas (draft 2020-12) of everything orderctl prints as JSON:
// the contract scripts rely on (`orderctl schema NAME`). The normalized order
// is written here first; src/core/order.ts follows it, the --fields paths and
// the CSV columns are derived from it, and a test validates every command's
// JSON output against it on every platform.

import { FULFILLMENT_STATUSES, ITEM_STATUSES, PAYMENT_STATUSES, PLATFORMS, STATUSES } from './order.js';

type Schema = Record<string, unknown>;

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';
const ID_BASE = 'https://orderctl.dev/schema';

const str: Schema = { type: 'string' };
const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });
const nstr = nullable(str);
const time: Schema = nullable({ type: 'string', format: 'date-time', pattern: 'Z$' });
const enumOf = (values: readonly string[]): Schema => ({ type: 'string', enum: [...values] });

/** An object whose every property is required: absent on a platform means null, never missing. */
function object(properties: Record<string, Schema>, extra: Schema = {}): Schema {
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false, ...extra };
}

const money: Schema = object(
  {
    amount: { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$', description: 'a decimal string, never a float' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
  },
  { description: 'money: a decimal amount and its ISO 4217 currency, never empty' },
);
const nmoney = nullable({ $ref: '#/$defs/money' });

const address = object({
  name: nstr,
  company: nstr,
  line1: nstr,
  line2: nstr,
  city: nstr,
  state: nstr,
  zip: nstr,
  country: nstr,
  phone: nstr,
});

const item = object({
  id: str,
  productId: nstr,
  variantId: nstr,
  sku: nstr,
  title: str,
  variant: nstr,
  quantity: { type: 'integer' },
  unitPrice: nmoney,
  total: nmoney,
  status: nullable(enumOf(ITEM_STATUSES)),
});

const shipment = object({
  id: nstr,
  carrier: nstr,
  service: nstr,
  tracking: nstr,
  trackingUrl: nstr,
  shippedAt: time,
  items: { type: 'array', items: object({ itemId: str, quantity: nullable({ type: 'integer' }) }) },
});

const order = object(
  {
    id: { type: 'string', minLength: 1 },
    number: { type: 'string', minLength: 1, pattern: '^[^#]', description: 'what the shop shows the customer, never with a #' },
    store: { type: 'string', minLength: 1, description: "the profile's name; sandbox for the sandbox" },
    platform: enumOf(PLATFORMS),
    status: nullable(enumOf(STATUSES)),
    nativeStatus: str,
    fulfillmentStatus: nullable(enumOf(FULFILLMENT_STATUSES)),
    createdAt: time,
    updatedAt: time,
    customer: object({ id: nstr, name: nstr, email: nstr, phone: nstr }),
    billingAddress: nullable({ $ref: '#/$defs/address' }),
    shippingAddress: nullable({ $ref: '#/$defs/address' }),
    items: { type: 'array', items: { $ref: '#/$defs/item' } },
    shipments: { type: 'array', items: { $ref: '#/$defs/shipment' } },
    payment: object({ status: nullable(enumOf(PAYMENT_STATUSES)), method: nstr }),
    totals: object({ subtotal: nmoney, shipping: nmoney, tax: nmoney, discount: nmoney, refunded: nmoney, total: nmoney }),
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    channel: nstr,
    externalRef: nstr,
    notes: nstr,
    staffNotes: nstr,
  },
  { $defs: { money, address, item, shipment } },
);

const contact = object(
  Object.fromEntries(
    ['firstName', 'lastName', 'email', 'phoneCode', 'phone', 'company', 'address1', 'address2', 'city', 'province', 'provinceCode', 'country', 'countryCode', 'zip'].map((k) => [k, nstr]),
  ),
);

const cartItem = object({ id: nstr, productId: str, variantId: nstr, title: nstr, quantity: { type: 'integer' }, unitPrice: nmoney, tax: nmoney, total: nmoney });

const cart = object(
  {
    id: str,
    platform: enumOf(PLATFORMS),
    sessionId: nstr,
    currency: nullable({ type: 'string', pattern: '^[A-Z]{3}$' }),
    items: { type: 'array', items: { $ref: '#/$defs/cartItem' } },
    total: nmoney,
    createdAt: time,
    updatedAt: time,
  },
  { $defs: { money, cartItem } },
);

const checkout = object(
  {
    id: str,
    platform: enumOf(PLATFORMS),
    status: str,
    cartId: nstr,
    currency: nullable({ type: 'string', pattern: '^[A-Z]{3}$' }),
    email: nstr,
    paymentMethod: nstr,
    shippingAddress: nullable({ $ref: '#/$defs/contact' }),
    billingAddress: nullable({ $ref: '#/$defs/contact' }),
    shippingRate: nullable(object({ code: str, name: nstr, price: nmoney })),
    items: { type: 'array', items: { $ref: '#/$defs/cartItem' } },
    totals: object({ items: nmoney, tax: nmoney, shipping: nmoney, total: nmoney }),
    successUrl: nstr,
    cancelUrl: nstr,
    checkoutUrl: nstr,
    orderId: nstr,
    availablePaymentMethods: { type: 'array', items: str },
    createdAt: time,
    updatedAt: time,
  },
  { $defs: { money, contact, cartItem } },
);

// `checkout payment ID` (a payment's state), `checkout pay` (a started payment), `checkout methods`
// and `checkout klarna` (Klarna's checkout started).
const payment = {
  oneOf: [
    object({
      checkoutId: str,
      status: nstr,
      paymentMethod: nstr,
      email: nstr,
      successUrl: nstr,
      cancelUrl: nstr,
      shippingAddress: nullable({ $ref: '#/$defs/contact' }),
      billingAddress: nullable({ $ref: '#/$defs/contact' }),
      cart: nullable({ $ref: '#/$defs/cart' }),
    }),
    // A started payment: the order waits for the shopper until paid.
    object({ checkoutId: str, checkoutUrl: str, orderId: str, status: { const: 'pending' } }),
    object({ name: str }),
    // `checkout klarna`: Klarna's own checkout, started from a cart; its order is pending.
    object({ cartId: str, orderId: str, klarnaOrderId: nstr, status: nstr, htmlSnippet: nstr }),
  ],
  $defs: { money, contact, cartItem, cart: { ...cart, $defs: undefined } },
};

const quote = object({ serviceName: str, description: nstr, serviceCode: str, total: nmoney }, { $defs: { money } });

const errorBody = object(
  {
    code: str,
    message: str,
    hint: nstr,
    status: nullable({ type: 'integer' }),
    store: nstr,
    // The order an error line is about, when it is one of many (orders get, a bulk --dry-run).
    id: str,
  },
  { required: ['code', 'message', 'hint', 'status', 'store'] },
);

const error = object({ error: { $ref: '#/$defs/errorBody' } }, { $defs: { errorBody } });

// One line of a bulk run (fulfill, cancel, status, archive): what happened to one order.
const result = {
  type: 'object',
  properties: {
    id: str,
    // The store, where the run names one (several stores, STORE:ID, an NDJSON "store").
    store: nstr,
    ok: { type: 'boolean' },
    status: nullable(enumOf(STATUSES)),
    nativeStatus: nstr,
    error: nullable({ $ref: '#/$defs/errorBody' }),
  },
  required: ['id', 'store', 'ok', 'status', 'error'],
  // Each command adds its own details (shipmentId, item): documented in the README.
  additionalProperties: true,
  $defs: { errorBody },
};

// `orders count`: one row per normalized status, with the native codes behind it.
const count = object(
  {
    store: str,
    count: { type: 'integer', minimum: 0 },
    statuses: {
      type: 'array',
      items: object({
        status: nullable(enumOf(STATUSES)),
        count: { type: 'integer', minimum: 0 },
        native: { type: 'array', items: object({ code: str, name: str, count: { type: 'integer', minimum: 0 } }) },
      }),
    },
  },
  {},
);

export const SCHEMAS: Record<string, Schema> = { order, cart, checkout, payment, quote, result, error, count };
export const SCHEMA_NAMES = Object.keys(SCHEMAS);

/** The schema named, ready to print: with its dialect, id and title. */
export function schemaFor(name: string): Schema | undefined {
  const s = SCHEMAS[name];
  if (!s) return undefined;
  return { $schema: DIALECT, $id: `${ID_BASE}/${name}.json`, title: `orderctl ${name}`, ...JSON.parse(JSON.stringify(s)) };
}

/**
 * Every dotted path of a schema's objects, parents included (--fields and CSV
 * columns): nullable wrappers and $refs are followed, arrays add no segment.
 * A schema that is one of several shapes (payment) takes the index of one.
 */
export function schemaPaths(name: string, oneOf?: number): string[] {
  const root = SCHEMAS[name]!;
  const defs = (root.$defs ?? {}) as Record<string, Schema>;
  const out: string[] = [];
  const visit = (s: Schema, prefix: string) => {
    if (typeof s.$ref === 'string') return visit(defs[s.$ref.replace('#/$defs/', '')]!, prefix);
    if (Array.isArray(s.anyOf)) return (s.anyOf as Schema[]).filter((x) => x.type !== 'null').forEach((x) => visit(x, prefix));
    if (s.type === 'array' && s.items) return visit(s.items as Schema, prefix);
    if (s.type === 'object' && s.properties) {
      for (const [k, v] of Object.entries(s.properties as Record<string, Schema>)) {
        const path = prefix ? `${prefix}.${k}` : k;
        out.push(path);
        visit(v, path);
      }
    }
  };
  visit(oneOf === undefined ? root : (root.oneOf as Schema[])[oneOf]!, '');
  return out;
}
