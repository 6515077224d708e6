// The sandbox's Squarespace dialect: the Commerce Orders API of
// seeds/squarespace-commerce-orders.txt, squarespace-commerce-orders.json and
// API-NOTES.md §2 over the sandbox store, under /squarespace/1.0/commerce.
// Where the sources are silent the choice is marked [I] (inferred). Every fact
// is read here from the documents (wire.ts, requests.ts), never taken from the
// adapter, so a misreading on one side shows against the other.

import { createHash } from 'node:crypto';
import { addDecimal, multiplyDecimal, toFixedDecimal } from '../../../core/money.js';
import type { Dialect, DialectContext, DialectRequest, DialectResponse } from '../../dialect.js';
import { sortByKeys } from '../../keyed-sort.js';
import { createRng, deriveSeed } from '../../rng.js';
import { refuseCreate, refuseFulfill, sameParameters } from './requests.js';
import { SQUARESPACE, type SqSection, type SqVariant } from './section.js';
import { seedSquarespace } from './seed.js';
import {
  DEFAULT_PAYMENT_STATES,
  FULFILLMENT_STATUSES,
  IDEMPOTENCY_KEY,
  isoUtc,
  PAGE_SIZE,
  PAYMENT_STATES,
  readIsoUtc,
  type SqAddress,
  type SqErrorType,
  type SqLineItem,
  type SqMoney,
  type SqOrder,
  type SqShipment,
} from './wire.js';

export { FIRST_ORDER_NUMBER, SQUARESPACE, type SqKeyRecord, type SqNotification, type SqSection, type SqVariant } from './section.js';
export { seedSquarespace } from './seed.js';
export type { SqOrder } from './wire.js';

/** A key whose request never finished is given up after this long [I: the docs keep keys ≥ 48 h, in-progress ones unstated]. */
export const IN_PROGRESS_MS = 60_000;

// ---------------------------------------------------------------- errors

const TYPE_BY_STATUS: Record<number, SqErrorType> = {
  400: 'INVALID_REQUEST_ERROR',
  401: 'AUTHORIZATION_ERROR',
  402: 'WEBSITE_EXPIRED',
  403: 'AUTHORIZATION_ERROR',
  // [I] the type of a 404 is not documented.
  404: 'INVALID_REQUEST_ERROR',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'INVALID_REQUEST_ERROR',
  429: 'TOO_MANY_REQUESTS',
  500: 'SERVER_ERROR',
  502: 'SERVICE_UNAVAILABLE',
  503: 'SERVICE_UNAVAILABLE',
  504: 'SERVICE_UNAVAILABLE',
};

/** Nine capital letters, like the docs' "RUPSUSPOW"; derived from the answer, so reproducible. */
function contextId(status: number, message: string): string {
  const digest = createHash('sha256').update(`${status} ${message}`).digest();
  return Array.from(digest.subarray(0, 9), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

/** {"type","subtype","message","details","contextId"}: every field present (responses-error-handling). */
export function sqError(status: number, message: string, subtype: string | null = null, headers?: Record<string, string>): DialectResponse {
  return {
    status,
    body: { type: TYPE_BY_STATUS[status] ?? (status >= 500 ? 'SERVER_ERROR' : 'INVALID_REQUEST_ERROR'), subtype, message, details: null, contextId: contextId(status, message) },
    ...(headers ? { headers } : {}),
  };
}

class SqFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly subtype: string | null = null,
  ) {
    super(message);
  }
}
const fail = (status: number, message: string, subtype: string | null = null): never => {
  throw new SqFailure(status, message, subtype);
};
const badArgument = (message: string): never => fail(400, message, 'INVALID_ARGUMENT');

// ---------------------------------------------------------------- list

const time = (iso: string): number => Date.parse(iso);
/** What a list sorts by: the time of the last change and the id. */
interface ListKey {
  time: number;
  id: string;
}
const listKey = (o: SqOrder): ListKey => ({ time: time(o.modifiedOn), id: o.id });
/** Newest change first, ties by id [I: the docs say "ordered by modifiedOn" without a direction]. */
const newestFirst = (a: ListKey, b: ListKey): number => b.time - a.time || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

interface ListFilter {
  customerId?: string;
  modifiedAfter?: number;
  modifiedBefore?: number;
  fulfillmentStatus?: string;
  paymentStates: string[];
}

/** A cursor carries the listing's filters and the last order it passed: pages stay stable while orders change [I]. */
interface CursorState {
  f: ListFilter;
  after: [modified: number, id: string];
}

const encodeCursor = (c: CursorState): string => Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');

function decodeCursor(s: string): CursorState {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as CursorState;
    if (c && typeof c === 'object' && c.f && Array.isArray(c.f.paymentStates) && Array.isArray(c.after) && typeof c.after[0] === 'number' && typeof c.after[1] === 'string') return c;
  } catch {
    // fall through
  }
  return badArgument('The cursor is invalid.');
}

/** The query rules of "List orders" (seed; API-NOTES.md §2: every one a 400). */
function listFilter(q: Record<string, string>): { filter: ListFilter; after?: CursorState['after'] } {
  // "If this parameter is not present or empty, the endpoint returns up to 50 Orders."
  if (q.cursor !== undefined && q.cursor !== '') {
    const others = Object.keys(q).filter((k) => k !== 'cursor');
    if (others.length) badArgument(`cursor cannot be used with other parameters (got ${others.join(', ')}).`);
    const c = decodeCursor(q.cursor);
    return { filter: c.f, after: c.after };
  }
  const hasAfter = q.modifiedAfter !== undefined;
  const hasBefore = q.modifiedBefore !== undefined;
  if (hasAfter !== hasBefore) fail(400, hasAfter ? 'modifiedBefore is required when modifiedAfter is passed.' : 'modifiedAfter is required when modifiedBefore is passed.', 'MISSING_ARGUMENT');
  const filter: ListFilter = { paymentStates: [...DEFAULT_PAYMENT_STATES] };
  if (hasAfter) {
    const after = readIsoUtc(q.modifiedAfter);
    const before = readIsoUtc(q.modifiedBefore);
    if (after === undefined) badArgument('modifiedAfter must be an ISO 8601 UTC date and time string.');
    if (before === undefined) badArgument('modifiedBefore must be an ISO 8601 UTC date and time string.');
    if (before! <= after!) badArgument('modifiedBefore must be later than modifiedAfter.');
    filter.modifiedAfter = after;
    filter.modifiedBefore = before;
  }
  if (q.fulfillmentStatus !== undefined) {
    if (!(FULFILLMENT_STATUSES as readonly string[]).includes(q.fulfillmentStatus)) badArgument(`fulfillmentStatus must be one of ${FULFILLMENT_STATUSES.join(', ')}.`);
    filter.fulfillmentStatus = q.fulfillmentStatus;
  }
  if (q.paymentStates !== undefined) {
    const states = q.paymentStates.split(',').map((s) => s.trim());
    const bad = states.find((s) => !(PAYMENT_STATES as readonly string[]).includes(s));
    if (bad !== undefined) badArgument(`paymentStates must be a comma-separated list of ${PAYMENT_STATES.join(', ')}.`);
    filter.paymentStates = [...new Set(states)];
  }
  if (q.customerId !== undefined && q.customerId !== '') filter.customerId = q.customerId;
  return { filter };
}

function matches(o: SqOrder, f: ListFilter): boolean {
  if (f.customerId !== undefined && o.customerId !== f.customerId) return false;
  // "modified after" and "modified before": both bounds exclusive, as worded (seed).
  const t = time(o.modifiedOn);
  if (f.modifiedAfter !== undefined && !(t > f.modifiedAfter)) return false;
  if (f.modifiedBefore !== undefined && !(t < f.modifiedBefore)) return false;
  if (f.fulfillmentStatus !== undefined && o.fulfillmentStatus !== f.fulfillmentStatus) return false;
  return f.paymentStates.includes(o.paymentState ?? 'PAID');
}

function listOrders(sec: SqSection, req: DialectRequest): DialectResponse {
  const { filter, after } = listFilter(req.query);
  // Dates parsed once per order, not once per comparison.
  const keyed = sortByKeys(
    sec.orders.filter((o) => matches(o, filter)),
    listKey,
    newestFirst,
  );
  const rows = keyed.map((x) => x.item);
  // Dynamic cursors (seed): the next page starts after the last order passed, wherever it now is.
  // Read only when there are rows, as before: a forged cursor's time can be past what a Date holds.
  const cursor = after && keyed.length ? { time: time(isoUtc(after[0])), id: after[1] } : undefined;
  const start = cursor ? keyed.findIndex((x) => newestFirst(x.key, cursor) > 0) : 0;
  const from = start < 0 ? rows.length : start;
  const page = rows.slice(from, from + PAGE_SIZE);
  const last = page.at(-1);
  const hasNextPage = from + PAGE_SIZE < rows.length;
  const nextPageCursor = hasNextPage && last ? encodeCursor({ f: filter, after: [time(last.modifiedOn), last.id] }) : null;
  return {
    status: 200,
    body: {
      result: page,
      pagination: {
        hasNextPage,
        nextPageCursor,
        // Absolute, as in the docs' sample (API-NOTES.md §2 [C]).
        nextPageUrl: nextPageCursor ? `${req.baseUrl}/orders?cursor=${encodeURIComponent(nextPageCursor)}` : null,
      },
    },
  };
}

// ---------------------------------------------------------------- create

function fingerprint(body: unknown): string {
  return createHash('sha256').update(sameParameters(body)).digest('hex');
}

/** Ids like the API's: 24 hex digits, derived from a counter so they are reproducible. */
function newId(sec: SqSection): string {
  for (;;) {
    const id = createRng(deriveSeed(sec.next.id++, 'squarespace-id')).hex(24);
    if (!sec.orders.some((o) => o.id === id)) return id;
  }
}

type Body = Record<string, unknown>;
type LineIn = { lineItemType: string; variantId?: string; title?: string; quantity: number; unitPricePaid: SqMoney };

function sum(amounts: Array<string | undefined>): string {
  return amounts.reduce<string>((n, a) => (a === undefined ? n : addDecimal(n, a)), '0');
}

/** Everything checked before anything changes: a refused create leaves no trace. */
function checkCatalogue(sec: SqSection, b: Body): Array<{ line: LineIn; variant?: SqVariant }> {
  const lines = (b.lineItems as LineIn[]).map((line, i) => {
    if (line.lineItemType !== 'PHYSICAL_PRODUCT') return { line };
    const variant = sec.catalogue.find((v) => v.variantId === line.variantId);
    // "400 … the body referencing an unknown system resource" (responses-error-handling).
    if (!variant) return badArgument(`lineItems[${i}].variantId references an unknown product variant.`);
    return { line, variant };
  });
  if (b.inventoryBehavior === 'DEDUCT') {
    const wanted = new Map<SqVariant, number>();
    for (const { line, variant } of lines) if (variant) wanted.set(variant, (wanted.get(variant) ?? 0) + line.quantity);
    for (const [v, qty] of wanted) {
      // 409 for insufficient stock (create-order; API-NOTES.md §2).
      if (v.stock < qty) fail(409, `Insufficient stock for variant ${v.variantId}: ${v.stock} left, ${qty} ordered.`, 'INSUFFICIENT_STOCK');
    }
  }
  return lines;
}

function buildOrder(sec: SqSection, b: Body, lines: Array<{ line: LineIn; variant?: SqVariant }>, now: number): SqOrder {
  const grand = b.grandTotal as SqMoney;
  const currency = grand.currency;
  const m = (value: string): SqMoney => ({ currency, value: toFixedDecimal(value, 2) });
  const lineItems: SqLineItem[] = lines.map(({ line, variant }) => ({
    id: newId(sec),
    variantId: variant?.variantId ?? null,
    sku: variant?.sku ?? null,
    weight: variant?.weight ?? null,
    width: null,
    length: null,
    height: null,
    productId: variant?.productId ?? null,
    productName: line.title ?? variant?.productName ?? null,
    quantity: line.quantity,
    unitPricePaid: line.unitPricePaid,
    variantOptions: variant ? variant.options : [],
    customizations: null,
    imageUrl: null,
    lineItemType: line.lineItemType as SqLineItem['lineItemType'],
  }));
  const shippingLines = (b.shippingLines as Array<{ method: string; amount: SqMoney }> | undefined) ?? [];
  const discountLines = ((b.discountLines as Array<{ name?: string; promoCode?: string; amount: SqMoney }> | undefined) ?? []).map((d) => ({
    description: d.name ?? null,
    name: d.name ?? null,
    amount: d.amount,
    promoCode: d.promoCode ?? null,
  }));
  // Totals not given are computed from the lines [I: the docs mark them optional].
  const given = (k: string) => (b[k] as SqMoney | undefined)?.value;
  const subtotal = given('subtotal') ?? sum(lineItems.map((l) => multiplyDecimal(l.unitPricePaid.value, l.quantity)));
  const status = (b.fulfillmentStatus as 'PENDING' | 'FULFILLED' | undefined) ?? 'PENDING';
  return {
    id: newId(sec),
    orderNumber: String(sec.next.orderNumber++),
    createdOn: isoUtc(readIsoUtc(b.createdOn)!),
    modifiedOn: isoUtc(now),
    // [I] an imported order's channel; channelName names the third-party channel.
    channel: 'web',
    testmode: false,
    customerEmail: (b.customerEmail as string | undefined) ?? null,
    customerId: null,
    billingAddress: (b.billingAddress as SqAddress | undefined) ?? null,
    shippingAddress: (b.shippingAddress as SqAddress | undefined) ?? null,
    fulfillmentStatus: status,
    lineItems,
    internalNotes: [],
    shippingLines,
    discountLines,
    formSubmission: null,
    fulfillments: ((b.fulfillments as SqShipment[] | undefined) ?? []).map(storedShipment),
    subtotal: m(subtotal),
    shippingTotal: m(given('shippingTotal') ?? shippingLines[0]?.amount.value ?? '0'),
    discountTotal: m(given('discountTotal') ?? sum(discountLines.map((d) => d.amount.value))),
    taxTotal: m(given('taxTotal') ?? '0'),
    refundedTotal: m('0'),
    grandTotal: m(grand.value),
    channelName: b.channelName as string,
    externalOrderReference: b.externalOrderReference as string,
    fulfilledOn: b.fulfilledOn ? isoUtc(readIsoUtc(b.fulfilledOn)!) : null,
    priceTaxInterpretation: b.priceTaxInterpretation as 'EXCLUSIVE' | 'INCLUSIVE',
    paymentState: 'PAID',
    shippingOptionName: shippingLines[0]?.method ?? null,
    shippingOptionServiceType: null,
  };
}

const storedShipment = (s: SqShipment): SqShipment => ({
  shipDate: isoUtc(readIsoUtc(s.shipDate)!),
  carrierName: s.carrierName,
  service: s.service,
  trackingNumber: s.trackingNumber,
  trackingUrl: s.trackingUrl ?? null,
});

export interface SquarespaceDialectOptions {
  /** Awaited while a create is in progress (after its key is taken): lets tests overlap two requests. */
  whileCreating?: () => Promise<void>;
}

async function createOrder(sec: SqSection, req: DialectRequest, ctx: DialectContext, o: SquarespaceDialectOptions): Promise<DialectResponse> {
  const key = req.headers['idempotency-key'];
  // The header is required; at most 64 letters, digits, - and _ (idempotency-key; API-NOTES.md §2).
  if (key === undefined || key === '') return fail(400, 'The Idempotency-Key header is required.', 'MISSING_ARGUMENT');
  if (!IDEMPOTENCY_KEY.test(key)) return badArgument('The Idempotency-Key must be at most 64 letters, digits, "-" or "_".');
  const print = fingerprint(req.body);
  const seen = sec.idempotency[key];
  if (seen && !(seen.state === 'in_progress' && ctx.now - seen.at >= IN_PROGRESS_MS)) {
    // 409 while the same key is in progress; 400 when reused with another body (API-NOTES.md §2).
    if (seen.state === 'in_progress') return fail(409, 'A request with this Idempotency-Key is in progress.', 'CONCURRENT_MODIFICATION');
    if (seen.fingerprint !== print) return badArgument('The Idempotency-Key was already used with different request parameters.');
    // "every later request gets the same response".
    return { status: seen.status!, body: seen.body };
  }
  const refusal = refuseCreate(req.body);
  if (refusal) return fail(400, `${refusal.message}.`, refusal.subtype);
  const b = req.body as Body;
  const lines = checkCatalogue(sec, b);
  sec.idempotency[key] = { state: 'in_progress', fingerprint: print, at: ctx.now };
  try {
    await o.whileCreating?.();
  } catch (err) {
    delete sec.idempotency[key];
    throw err;
  }
  const order = buildOrder(sec, b, lines, ctx.now);
  if (b.inventoryBehavior === 'DEDUCT') for (const { line, variant } of lines) if (variant) variant.stock -= line.quantity;
  sec.orders.push(order);
  if (b.shopperFulfillmentNotificationBehavior === 'SEND' && order.fulfillments?.length) {
    sec.notifications.push({ orderId: order.id, shipments: order.fulfillments.length, at: order.modifiedOn });
  }
  ctx.store.recordChange(SQUARESPACE, order.id);
  // Only a created order is kept for the key [I]: a refused request leaves the key free to use again.
  sec.idempotency[key] = { state: 'done', fingerprint: print, at: ctx.now, status: 201, body: order };
  return { status: 201, body: order };
}

// ---------------------------------------------------------------- fulfill

function fulfillOrder(sec: SqSection, order: SqOrder, body: unknown, ctx: DialectContext): DialectResponse {
  const refusal = refuseFulfill(body);
  if (refusal) return fail(400, `${refusal.message}.`, refusal.subtype);
  // [I] a canceled order cannot be fulfilled; the docs only say shipments may be added to FULFILLED ones.
  if (order.fulfillmentStatus === 'CANCELED') return fail(409, 'A canceled order cannot be fulfilled.');
  const b = body as { shouldSendNotification?: boolean; shipments?: SqShipment[] };
  const shipments = (b.shipments ?? []).map(storedShipment);
  const wasFulfilled = order.fulfillmentStatus === 'FULFILLED';
  order.fulfillments = [...(order.fulfillments ?? []), ...shipments];
  order.fulfillmentStatus = 'FULFILLED';
  order.fulfilledOn ??= isoUtc(ctx.now);
  if (shipments.length || !wasFulfilled) order.modifiedOn = isoUtc(ctx.now);
  // One change per shipment added (or one for the status alone): a repeated request shows as a doubled count.
  for (let i = 0; i < Math.max(shipments.length, wasFulfilled ? 0 : 1); i++) ctx.store.recordChange(SQUARESPACE, order.id);
  if (b.shouldSendNotification && shipments.length) sec.notifications.push({ orderId: order.id, shipments: shipments.length, at: isoUtc(ctx.now) });
  return { status: 204 };
}

// ---------------------------------------------------------------- routes

async function route(sec: SqSection, req: DialectRequest, ctx: DialectContext, o: SquarespaceDialectOptions): Promise<DialectResponse> {
  const [root, id, sub, ...rest] = req.path.split('/').filter(Boolean);
  if (root !== 'orders' || rest.length || (sub !== undefined && sub !== 'fulfillments')) return fail(404, 'The requested resource was not found.');
  const allow = (...methods: string[]) => {
    if (!methods.includes(req.method)) fail(405, `${req.method} is not allowed on this resource.`);
  };
  if (id === undefined) {
    allow('GET', 'POST');
    return req.method === 'GET' ? listOrders(sec, req) : createOrder(sec, req, ctx, o);
  }
  allow(sub ? 'POST' : 'GET');
  // "400 bad id format" (get-order; API-NOTES.md §2).
  if (!/^[0-9a-f]{24}$/i.test(id)) return badArgument('The order id is not valid.');
  const order = sec.orders.find((x) => x.id === id.toLowerCase());
  if (!order) return fail(404, 'The requested order was not found.');
  return sub ? fulfillOrder(sec, order, req.body, ctx) : { status: 200, body: order };
}


// ---------------------------------------------------------------- the dialect

export function createSquarespaceDialect(o: SquarespaceDialectOptions = {}): Dialect<SqSection> {
  return {
    platform: SQUARESPACE,
    prefix: '/squarespace/1.0/commerce',
    basePath: '/squarespace/1.0/commerce',
    // 300 requests a minute (rate-limits; API-NOTES.md §2).
    defaultRateLimit: { requests: 300, windowMs: 60_000 },

    seed: seedSquarespace,

    authenticate(headers, token) {
      // "Requests without a User-Agent header are rejected": 400 INVALID_REQUEST_ERROR (API-NOTES.md, Decisions).
      if (!headers['user-agent']?.trim()) return sqError(400, 'A User-Agent header is required.', 'MISSING_ARGUMENT');
      const m = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
      if (m && m[1] === token) return undefined;
      return sqError(401, m ? 'The API key or OAuth token is invalid or expired.' : 'The Authorization header is missing: send "Authorization: Bearer <API key>".');
    },

    async handle(req, ctx) {
      const sec = ctx.store.section<SqSection>(SQUARESPACE);
      try {
        return await route(sec, req, ctx, o);
      } catch (err) {
        if (err instanceof SqFailure) return sqError(err.status, err.message, err.subtype);
        throw err;
      }
    },

    // No rate-limit headers are documented (API-NOTES.md §2).
    quotaHeaders: () => ({}),
    // "429 … with a one-minute cool-down"; no Retry-After is documented, so none is sent.
    quotaExceeded: () => sqError(429, 'Too many requests: the limit is 300 a minute. Wait a minute before trying again.'),
    error: (status, message) => sqError(status, message),

    summarize: (sec) => ({
      orders: sec.orders.length,
      testmode: sec.orders.filter((x) => x.testmode).length,
      shipments: sec.orders.reduce((n, x) => n + (x.fulfillments?.length ?? 0), 0),
      notifications: sec.notifications.length,
    }),
  };
}

export const squarespaceDialect = createSquarespaceDialect();
