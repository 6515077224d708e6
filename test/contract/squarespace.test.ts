// The Squarespace adapter against the sandbox's Squarespace dialect over real
// HTTP: what each filter and flag becomes on the wire — and what is never sent
// (seeds/squarespace-commerce-orders.txt, API-NOTES.md §2) — and what the
// adapter makes of the answers, the Idempotency-Key and the fulfill retries.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, seededRandom, type FakeClock } from '../../src/core/clock.js';
import { ApiError, AuthError, NetworkError, NotFoundError, RefusedError, UsageError } from '../../src/core/errors.js';
import { DEFAULT_HTTP, HttpClient } from '../../src/core/http.js';
import { CAPABILITIES } from '../../src/platforms/index.js';
import { COOL_DOWN_MS, DEFAULT_BASE_URL, SquarespaceAdapter, squarespaceHttp } from '../../src/platforms/squarespace/adapter.js';
import { SQUARESPACE, type SqSection } from '../../src/sandbox/dialects/squarespace/index.js';
import type { SqOrder } from '../../src/platforms/squarespace/types.js';
import type { Adapter, Fetched, OrderFilters, Paging } from '../../src/platforms/types.js';
import { startSandbox, type Exchange, type Sandbox } from '../../src/sandbox/server.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const exchanges: Exchange[] = [];
let sandbox: Sandbox;
let debugLines: string[];
let clock: FakeClock;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7, orders: 120, now: () => NOW, onExchange: (ex) => ex.platform === SQUARESPACE && exchanges.push(ex) });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  exchanges.length = 0;
  debugLines = [];
  clock = fakeClock();
});

function adapter(token = sandbox.token) {
  const http = new HttpClient(squarespaceHttp({ platform: 'squarespace', baseUrl: sandbox.baseUrls.squarespace! }, token), {
    ...DEFAULT_HTTP,
    clock,
    random: seededRandom(3),
    env: {},
    debug: (l) => debugLines.push(l),
  });
  return new SquarespaceAdapter(http, () => clock.now());
}

async function collect(it: AsyncIterable<Fetched>): Promise<Fetched[]> {
  const out: Fetched[] = [];
  for await (const f of it) out.push(f);
  return out;
}

const list = (f: Partial<OrderFilters> = {}, p: Partial<Paging> = {}) => collect(adapter().listOrders({ statuses: [], ...f }, { all: false, ...p }));
const queries = () => exchanges.map((e) => e.query);
const section = () => sandbox.store.section<SqSection>(SQUARESPACE);
// Every list asks for every payment state: the API's default leaves out pending, failed and partly paid orders.
const ALL_STATES = 'NOT_CHARGED,AUTHORIZED,PAID,REFUNDED,PENDING,FAILED,REFUND_PENDING,REFUND_FAILED,PARTIALLY_PAID';
const listed = () => section().orders;
const pendingOrder = () => section().orders.find((o) => o.fulfillmentStatus === 'PENDING' && !o.fulfillments?.length && o.paymentState !== 'PENDING')!;

describe('Squarespace adapter: profile and auth', () => {
  it('defaults to https://api.squarespace.com/1.0/commerce and sends Authorization: Bearer', () => {
    const h = squarespaceHttp({ platform: 'squarespace' }, 'k3y');
    expect(h.baseUrl).toBe(DEFAULT_BASE_URL);
    expect(DEFAULT_BASE_URL).toBe('https://api.squarespace.com/1.0/commerce');
    expect(h.authHeaders).toEqual({ authorization: 'Bearer k3y' });
    expect(h.secrets).toEqual(['k3y']);
  });

  it('sends a User-Agent and the Bearer token, and keeps the token out of the debug trace', async () => {
    await adapter().ping();
    const sent = exchanges.at(-1)!.requestHeaders;
    expect(sent.authorization).toBe(`Bearer ${sandbox.token}`);
    expect(sent['user-agent']).toMatch(/^orderctl\//);
    const trace = debugLines.join('\n');
    expect(trace).toContain('authorization: [redacted]');
    expect(trace).not.toContain(sandbox.token);
  });

  it('a wrong key is an AuthError (exit 3) naming the API’s message', async () => {
    const err = await adapter('wrong').ping().catch((e) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(err.exitCode).toBe(3);
    expect(err.message).toMatch(/401: The API key or OAuth token is invalid or expired\. \[AUTHORIZATION_ERROR\]/);
  });

  it('offers list, get, create and fulfill; no cancel, status, archive, update or count', () => {
    expect(CAPABILITIES.squarespace).toEqual(['list', 'get', 'create', 'fulfill']);
    const a = adapter();
    const offered = a as Adapter;
    for (const m of ['cancelOrder', 'setStatus', 'archiveOrder', 'updateOrder', 'countOrders', 'setVendorRef'] as const) expect(offered[m], m).toBeUndefined();
    expect(a.idempotentCreate).toBe(true);
  });
});

describe('Squarespace adapter: orders list', () => {
  it('one page by default: no parameters, up to 50 orders, the next cursor reported', async () => {
    let cursor: string | null | undefined;
    const orders = await list({}, { onCursor: (c) => (cursor = c) });
    expect(orders).toHaveLength(50);
    expect(queries()).toEqual([{ paymentStates: ALL_STATES }]);
    expect(cursor).toEqual(expect.any(String));
    const o = orders[0]!.order;
    expect(o.platform).toBe('squarespace');
    expect(o.totals.total!.amount).toMatch(/^\d+\.\d\d$/);
    expect(o.totals.total!.currency).toBe('USD');
  });

  it('--all follows nextPageCursor to the end, each later page sending the cursor alone', async () => {
    const cursors: Array<string | null> = [];
    const all = await list({ customer: undefined }, { all: true, onCursor: (c) => cursors.push(c) });
    expect(all).toHaveLength(listed().length);
    expect(new Set(all.map((f) => f.order.id)).size).toBe(all.length);
    // Orders awaiting payment too, which the API's default paymentStates would leave out.
    expect(all.some((f) => (f.raw as SqOrder).paymentState === 'PENDING')).toBe(true);
    const q = queries();
    expect(q.length).toBe(Math.ceil(all.length / 50));
    expect(q[0]).toEqual({ paymentStates: ALL_STATES });
    for (let i = 1; i < q.length; i++) expect(q[i]).toEqual({ cursor: cursors[i - 1] });
    expect(cursors.at(-1)).toBeNull();
  });

  it('--cursor resumes where a listing stopped, sending the cursor alone whatever other filters are given', async () => {
    let cursor: string | null = null;
    const first = await list({ statuses: ['fulfilled'] }, { onCursor: (c) => (cursor = c) });
    exchanges.length = 0;
    const since = new Date('2026-01-01T00:00:00Z');
    const rest = await list({ cursor: cursor!, statuses: ['fulfilled'], since, customer: 'abc' }, { all: true });
    expect(queries()[0]).toEqual({ cursor });
    const fulfilled = listed().filter((o) => o.fulfillmentStatus === 'FULFILLED');
    expect([...first, ...rest].map((f) => f.order.id).sort()).toEqual(fulfilled.map((o) => o.id).sort());
    await expect(list({ cursor: ' ' })).rejects.toThrow(UsageError);
  });

  it('--limit stops across pages; stopping inside a page reports no cursor (none resumes there)', async () => {
    let cursor: string | null | undefined = 'unset';
    expect(await list({}, { limit: 60, onCursor: (c) => (cursor = c) })).toHaveLength(60);
    expect(exchanges).toHaveLength(2);
    expect(cursor).toBeNull();
    exchanges.length = 0;
    expect(await list({}, { limit: 50, onCursor: (c) => (cursor = c) })).toHaveLength(50);
    expect(exchanges).toHaveLength(1);
    expect(cursor).toEqual(expect.any(String));
  });

  it('--since and --until become modifiedAfter and modifiedBefore, with milliseconds', async () => {
    const since = new Date('2026-06-01T00:00:00Z');
    const until = new Date('2026-09-01T12:30:00Z');
    const got = await list({ since, until }, { all: true });
    expect(queries()[0]).toEqual({ paymentStates: ALL_STATES, modifiedAfter: '2026-06-01T00:00:00.000Z', modifiedBefore: '2026-09-01T12:30:00.000Z' });
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((f) => f.order.updatedAt! > '2026-06-01' && f.order.updatedAt! < '2026-09-01T12:30')).toBe(true);
  });

  it('--since alone is closed with now (the filters’ clock), never sent alone', async () => {
    await list({ since: new Date('2026-10-01T00:00:00Z'), now: new Date('2026-11-20T08:00:00Z') });
    expect(queries()[0]).toEqual({ paymentStates: ALL_STATES, modifiedAfter: '2026-10-01T00:00:00.000Z', modifiedBefore: '2026-11-20T08:00:00.000Z' });
    exchanges.length = 0;
    // Without a time in the filters, the adapter's own clock.
    await list({ since: new Date('2026-10-01T00:00:00Z') });
    expect(queries()[0]).toEqual({ paymentStates: ALL_STATES, modifiedAfter: '2026-10-01T00:00:00.000Z', modifiedBefore: new Date(clock.now()).toISOString() });
  });

  it('--until alone starts the window at the Unix epoch', async () => {
    const got = await list({ until: new Date('2026-03-01T00:00:00Z') }, { all: true });
    expect(queries()[0]).toEqual({ paymentStates: ALL_STATES, modifiedAfter: '1970-01-01T00:00:00.000Z', modifiedBefore: '2026-03-01T00:00:00.000Z' });
    expect(got.every((f) => f.order.updatedAt! < '2026-03-01')).toBe(true);
  });

  it('an empty or inverted window is refused before any request (the API would answer 400)', async () => {
    const t = new Date('2026-10-01T00:00:00Z');
    await expect(list({ since: t, until: t })).rejects.toThrow(/--since must be earlier than --until/);
    await expect(list({ since: new Date('2027-01-01T00:00:00Z'), now: t })).rejects.toThrow(/--since is in the future/);
    expect(exchanges).toHaveLength(0);
  });

  it('--status becomes fulfillmentStatus: native codes and normalized names', async () => {
    for (const [input, native] of [['fulfilled', 'FULFILLED'], ['FULFILLED', 'FULFILLED'], ['awaiting_fulfillment', 'PENDING'], ['cancelled', 'CANCELED'], ['Canceled', 'CANCELED']] as const) {
      exchanges.length = 0;
      const got = await list({ statuses: [input] }, { all: true });
      expect(queries()[0], input).toEqual({ paymentStates: ALL_STATES, fulfillmentStatus: native });
      expect(got.length).toBe(listed().filter((o) => o.fulfillmentStatus === native).length);
      expect(got.every((f) => f.order.nativeStatus === native)).toBe(true);
    }
  });

  it('several statuses are one request stream each, merged in the API order (newest change first)', async () => {
    const got = await list({ statuses: ['awaiting_fulfillment', 'cancelled', 'PENDING'] }, { all: true });
    expect(queries().filter((q) => q.fulfillmentStatus).map((q) => q.fulfillmentStatus)).toEqual(['PENDING', 'CANCELED']);
    expect(got.length).toBe(listed().filter((o) => o.fulfillmentStatus !== 'FULFILLED').length);
    const changed = got.map((f) => f.order.updatedAt!);
    expect(changed).toEqual([...changed].sort().reverse());
    exchanges.length = 0;
    // "pending" is the shared name, which no Squarespace status is labelled with: nothing, asked of no one.
    expect(await list({ statuses: ['pending', 'refunded'] }, { all: true })).toEqual([]);
    await expect(list({ statuses: ['shipped'] })).rejects.toThrow(/unknown squarespace status "shipped"/);
    expect(exchanges).toHaveLength(0);
  });

  it('--customer becomes customerId, combined with the window and status', async () => {
    const customer = listed().find((o) => o.customerId)!.customerId!;
    const got = await list({ customer, statuses: ['fulfilled'], since: new Date('2026-01-01T00:00:00Z'), until: new Date('2026-11-01T00:00:00Z') }, { all: true });
    expect(queries()[0]).toEqual({ customerId: customer, paymentStates: ALL_STATES, fulfillmentStatus: 'FULFILLED', modifiedAfter: '2026-01-01T00:00:00.000Z', modifiedBefore: '2026-11-01T00:00:00.000Z' });
    expect(got.every((f) => f.order.customer.id === customer)).toBe(true);
  });

  it('filters and paging the API does not have are refused before any request', async () => {
    for (const f of [{ email: 'a@b.c' }, { createdSince: new Date(0) }, { minId: '1' }, { vendorRef: 'x' }, { invoice: '1' }]) {
      await expect(list(f)).rejects.toThrow(/is not available on squarespace/);
    }
    // No sort parameter: only the API's own order (updated, newest first) is accepted.
    await expect(list({ sort: { field: 'id', direction: 'asc' } })).rejects.toThrow(/cannot sort squarespace orders by id:asc/);
    await expect(list({}, { page: 2 })).rejects.toThrow(/--page is not available on squarespace/);
    await expect(list({}, { pageSize: 10 })).rejects.toThrow(/up to 50 orders a page/);
    expect(exchanges).toHaveLength(0);
  });

  it('a 429 waits out the documented one-minute cool-down and retries', async () => {
    sandbox.injectFaults(['429-no-retry-after']);
    expect(await list({}, { limit: 1 })).toHaveLength(1);
    expect(clock.sleeps).toEqual([COOL_DOWN_MS]);
    expect(exchanges.map((e) => e.status)).toEqual([429, 200]);
  });
});

describe('Squarespace adapter: orders get', () => {
  it('maps the order: money, addresses, items with line totals, number as a string', async () => {
    const raw = listed().find((o) => (o.lineItems?.length ?? 0) > 1 && o.billingAddress)!;
    const { order, raw: got } = await adapter().getOrder(raw.id);
    expect(got).toEqual(raw);
    expect(order).toMatchObject({
      id: raw.id,
      number: raw.orderNumber,
      nativeStatus: raw.fulfillmentStatus,
      currency: 'USD',
      totals: { total: { amount: raw.grandTotal.value, currency: 'USD' }, tax: { amount: raw.taxTotal.value, currency: 'USD' } },
      billingAddress: { name: `${raw.billingAddress!.firstName} ${raw.billingAddress!.lastName}`, country: raw.billingAddress!.countryCode, zip: raw.billingAddress!.postalCode },
    });
    const li = raw.lineItems![0]!;
    expect(order.items[0]).toMatchObject({ id: li.id, sku: li.sku, quantity: li.quantity, unitPrice: { amount: li.unitPricePaid.value, currency: 'USD' } });
    expect(Number(order.items[0]!.total!.amount)).toBeCloseTo(Number(li.unitPricePaid.value) * li.quantity, 2);
  });

  it('marks test orders through isTestOrder', async () => {
    const test = section().orders.find((o) => o.testmode)!;
    const real = section().orders.find((o) => !o.testmode)!;
    const a = adapter();
    expect(a.isTestOrder((await a.getOrder(test.id)).raw)).toBe(true);
    expect(a.isTestOrder((await a.getOrder(real.id)).raw)).toBe(false);
  });

  it('an unknown id is NotFoundError (exit 4); an order number is refused before any request', async () => {
    const err = await adapter().getOrder('f'.repeat(24)).catch((e) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toBe(`order ${'f'.repeat(24)} not found on squarespace`);
    exchanges.length = 0;
    const bad = await adapter().getOrder('1001').catch((e) => e);
    expect(bad).toBeInstanceOf(UsageError);
    expect(bad.hint).toMatch(/looks like an order number/);
    expect(exchanges).toHaveLength(0);
  });
});

const orderFile = (ref: string) => ({
  channelName: 'Wholesale',
  externalOrderReference: ref,
  createdOn: '2026-11-20T10:00:00Z',
  priceTaxInterpretation: 'EXCLUSIVE',
  customerEmail: 'buyer@example.com',
  shippingAddress: { firstName: 'Ada', lastName: 'Lovelace', address1: '1 Loop', city: 'Austin', state: 'TX', countryCode: 'US', postalCode: '78701' },
  lineItems: [{ lineItemType: 'CUSTOM', title: 'Consulting hour', quantity: 2, unitPricePaid: { currency: 'USD', value: 50 } }],
  shippingLines: [{ method: 'Courier', amount: { currency: 'USD', value: '7.50' } }],
  fulfillments: [],
  grandTotal: { currency: 'USD', value: '107.50' },
});

describe('Squarespace adapter: orders create', () => {
  it('sends the Idempotency-Key and the body, with number amounts as decimal strings', async () => {
    const { order, raw } = await adapter().createOrder(orderFile('C-1'), { idempotencyKey: 'create-1' });
    const ex = exchanges.at(-1)!;
    expect(ex.method).toBe('POST');
    expect(ex.requestHeaders['idempotency-key']).toBe('create-1');
    expect((ex.requestBody as { lineItems: Array<{ unitPricePaid: unknown }> }).lineItems[0]!.unitPricePaid).toEqual({ currency: 'USD', value: '50.00' });
    expect(ex.status).toBe(201);
    expect(order).toMatchObject({ platform: 'squarespace', status: 'awaiting_fulfillment', externalRef: 'C-1', channel: 'Wholesale', totals: { total: { amount: '107.50' } } });
    expect(section().orders.some((o) => o.id === (raw as SqOrder).id)).toBe(true);
  });

  it('a retry after a 503 reuses the same key; an answer lost after processing is replayed, not created twice', async () => {
    const before = section().orders.length;
    sandbox.injectFaults(['503', 'reset-after']);
    const { order } = await adapter().createOrder(orderFile('C-2'), { idempotencyKey: 'create-2' });
    // Three attempts; the sandbox reports no exchange for the one whose answer it dropped.
    expect(exchanges.map((e) => [e.status, e.requestHeaders['idempotency-key']])).toEqual([
      [503, 'create-2'],
      [201, 'create-2'],
    ]);
    expect(section().orders.length).toBe(before + 1);
    expect(section().orders.at(-1)!.id).toBe(order.id);
  });

  it('repeating a create with its key gives the same order; another body under it is refused', async () => {
    const a = await adapter().createOrder(orderFile('C-3'), { idempotencyKey: 'create-3' });
    const count = section().orders.length;
    const b = await adapter().createOrder(orderFile('C-3'), { idempotencyKey: 'create-3' });
    expect(b.order.id).toBe(a.order.id);
    expect(section().orders.length).toBe(count);
    const err = await adapter().createOrder(orderFile('C-other'), { idempotencyKey: 'create-3' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.hint).toMatch(/new key/);
  });

  it('a key still in progress is refused (exit 5) without a retry, saying to wait and repeat', async () => {
    section().idempotency['busy-key'] = { state: 'in_progress', fingerprint: 'x', at: NOW };
    const err = await adapter().createOrder(orderFile('C-4'), { idempotencyKey: 'busy-key' }).catch((e) => e);
    expect(err).toBeInstanceOf(RefusedError);
    expect(err.exitCode).toBe(5);
    expect(err.hint).toContain('--idempotency-key busy-key');
    expect(exchanges).toHaveLength(1);
    delete section().idempotency['busy-key'];
  });

  it('a bad file or key is refused before any request', async () => {
    const bad: Array<[unknown, RegExp]> = [
      [{ ...orderFile('x'), lineItems: [] }, /lineItems cannot be empty/],
      [{ ...orderFile('x'), shippingLines: [orderFile('x').shippingLines[0], orderFile('x').shippingLines[0]] }, /only one shipping entry/],
      [{ ...orderFile('x'), fulfillmentStatus: 'FULFILLED' }, /fulfilledOn is required/],
      [{ ...orderFile('x'), channelName: undefined }, /channelName is required/],
      [{ ...orderFile('x'), inventoryBehavior: 'NOPE' }, /inventoryBehavior must be one of DEDUCT, SKIP/],
      [{ ...orderFile('x'), billing_address: {} }, /billing_address is not a field/],
      [[orderFile('x')], /one JSON object/],
    ];
    for (const [body, message] of bad) {
      const err = await adapter().createOrder(body, { idempotencyKey: 'k' }).catch((e) => e);
      expect(err, String(message)).toBeInstanceOf(UsageError);
      expect(err.message).toMatch(message);
    }
    await expect(adapter().createOrder(orderFile('x'), { idempotencyKey: 'x'.repeat(65) })).rejects.toThrow(/invalid idempotency key/);
    await expect(adapter().createOrder(orderFile('x'), { idempotencyKey: 'a b' })).rejects.toThrow(/invalid idempotency key/);
    await expect(adapter().createOrder(orderFile('x'), {})).rejects.toThrow(/needs an Idempotency-Key/);
    expect(exchanges).toHaveLength(0);
  });

  it('a FULFILLED order with its shipments and fulfilledOn is accepted', async () => {
    const body = { ...orderFile('C-5'), fulfillmentStatus: 'FULFILLED', fulfilledOn: '2026-11-21T08:00:00Z', fulfillments: [{ shipDate: '2026-11-21T08:00:00Z', carrierName: 'USPS', service: 'Priority', trackingNumber: '9400', trackingUrl: null }] };
    const { order, raw } = await adapter().createOrder(body, { idempotencyKey: 'create-5' });
    expect(order.status).toBe('fulfilled');
    expect((raw as SqOrder).fulfillments).toHaveLength(1);
  });
});

describe('Squarespace adapter: orders fulfill', () => {
  it('posts one shipment with shouldSendNotification, and 204 is success', async () => {
    const o = pendingOrder();
    const shipDate = new Date('2026-11-22T09:30:00Z');
    const r = await adapter().fulfillOrder(o.id, { tracking: '1Z999', carrier: 'UPS', service: 'Ground', trackingUrl: 'https://ups.example/1Z999', shipDate, notify: true, items: [] });
    expect(r).toEqual({ orderId: o.id, shipmentId: null, raw: null });
    const ex = exchanges.at(-1)!;
    expect(ex.path).toBe(`/orders/${o.id}/fulfillments`);
    expect(ex.status).toBe(204);
    expect(ex.requestBody).toEqual({ shouldSendNotification: true, shipments: [{ shipDate: '2026-11-22T09:30:00.000Z', carrierName: 'UPS', service: 'Ground', trackingNumber: '1Z999', trackingUrl: 'https://ups.example/1Z999' }] });
    expect(o.fulfillmentStatus).toBe('FULFILLED');
    expect(section().notifications.at(-1)).toMatchObject({ orderId: o.id, shipments: 1 });
  });

  it('no notification unless asked; the ship date defaults to now; no shipment flags only marks it fulfilled', async () => {
    const o = pendingOrder();
    await adapter().fulfillOrder(o.id, { tracking: 'T1', carrier: 'USPS', service: 'Ground Advantage', items: [] });
    expect(exchanges.at(-1)!.requestBody).toEqual({ shouldSendNotification: false, shipments: [{ shipDate: clock.now().toISOString(), carrierName: 'USPS', service: 'Ground Advantage', trackingNumber: 'T1' }] });
    const p = pendingOrder();
    await adapter().fulfillOrder(p.id, { notify: false, items: [] });
    expect(exchanges.at(-1)!.requestBody).toEqual({ shouldSendNotification: false, shipments: [] });
    expect(p.fulfillmentStatus).toBe('FULFILLED');
  });

  it('what the API would refuse, and what it does not have, is refused before any request', async () => {
    const id = pendingOrder().id;
    const cases: Array<[Parameters<SquarespaceAdapter['fulfillOrder']>[1], RegExp]> = [
      [{ tracking: '1Z', items: [] }, /needs --tracking, --carrier and --service; missing --carrier, --service/],
      [{ shipDate: new Date(), items: [] }, /missing --tracking, --carrier, --service/],
      [{ tracking: '1', carrier: 'c'.repeat(101), service: 's', items: [] }, /carrierName must be at most 100/],
      [{ items: [{ id: 'x' }] }, /--item is not available on squarespace/],
      [{ address: '1', items: [] }, /--address is not available/],
      [{ comments: 'hi', items: [] }, /--comment is not available/],
    ];
    for (const [opts, message] of cases) await expect(adapter().fulfillOrder(id, opts), String(message)).rejects.toThrow(message);
    await expect(adapter().fulfillOrder('1001', { items: [] })).rejects.toThrow(/24 hexadecimal digits/);
    expect(exchanges).toHaveLength(0);
  });

  it('a lost answer is never retried: one shipment stored, and the hint says a retry could add a second', async () => {
    const o = pendingOrder();
    const changes = sandbox.store.changeCount(SQUARESPACE, o.id);
    sandbox.injectFaults(['reset-after']);
    const err = await adapter().fulfillOrder(o.id, { tracking: 'R1', carrier: 'UPS', service: 'Ground', items: [] }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.exitCode).toBe(1);
    expect(err.hint).toMatch(/a retry could add a second shipment/);
    // The dropped answer is the only attempt (the sandbox reports no exchange for it): a retry would show here.
    expect(exchanges).toHaveLength(0);
    expect(o.fulfillments).toHaveLength(1);
    expect(sandbox.store.changeCount(SQUARESPACE, o.id)).toBe(changes + 1);
  });

  it('a 5xx is not retried either, with the same hint; nothing was doubled', async () => {
    for (const fault of ['500', '503', 'truncated'] as const) {
      exchanges.length = 0;
      const o = pendingOrder();
      const changes = sandbox.store.changeCount(SQUARESPACE, o.id);
      sandbox.injectFaults([fault]);
      const err = await adapter().fulfillOrder(o.id, { tracking: 'F1', carrier: 'UPS', service: 'Ground', items: [] }).catch((e) => e);
      // A body cut off mid-way is a network failure after the answer began.
      expect(err, fault).toBeInstanceOf(fault === 'truncated' ? NetworkError : ApiError);
      expect(err.hint, fault).toMatch(/a retry could add a second shipment/);
      expect(exchanges, fault).toHaveLength(1);
      // The canned 5xx never reached the order; the truncated answer came after the shipment was stored.
      expect(sandbox.store.changeCount(SQUARESPACE, o.id), fault).toBe(changes + (fault === 'truncated' ? 1 : 0));
    }
  });

  it('a 429 (refused before anything was processed) waits out the cool-down and ships once', async () => {
    const o = pendingOrder();
    const changes = sandbox.store.changeCount(SQUARESPACE, o.id);
    sandbox.injectFaults(['429-no-retry-after']);
    await adapter().fulfillOrder(o.id, { items: [] });
    expect(clock.sleeps).toEqual([COOL_DOWN_MS]);
    expect(o.fulfillmentStatus).toBe('FULFILLED');
    expect(sandbox.store.changeCount(SQUARESPACE, o.id)).toBe(changes + 1);
  });

  it('a 429 on every attempt says nothing was shipped', async () => {
    const o = pendingOrder();
    sandbox.injectFaults(['429-no-retry-after', '429-no-retry-after', '429-no-retry-after', '429-no-retry-after']);
    const err = await adapter().fulfillOrder(o.id, { items: [] }).catch((e) => e);
    expect(err.status).toBe(429);
    expect(err.hint).toMatch(/nothing was shipped/);
    expect(o.fulfillmentStatus).toBe('PENDING');
  });

  it('an unknown order is NotFoundError; a canceled one is refused (exit 5)', async () => {
    await expect(adapter().fulfillOrder('e'.repeat(24), { items: [] })).rejects.toBeInstanceOf(NotFoundError);
    const canceled = section().orders.find((o) => o.fulfillmentStatus === 'CANCELED')!;
    await expect(adapter().fulfillOrder(canceled.id, { items: [] })).rejects.toBeInstanceOf(RefusedError);
  });
});
