// The BigCommerce adapter against the sandbox's BigCommerce dialect over real
// HTTP. Every request the adapter sends and every response the sandbox gives
// is checked against the official OpenAPI file (../shared/specs).

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock, seededRandom } from '../../src/core/clock.js';
import { AuthError, NetworkError, NotFoundError, UsageError } from '../../src/core/errors.js';
import { DEFAULT_HTTP, HttpClient } from '../../src/core/http.js';
import { BigCommerceAdapter, bigcommerceHttp } from '../../src/platforms/bigcommerce/adapter.js';
import type { Fetched } from '../../src/platforms/types.js';
import { startSandbox, type Exchange, type Sandbox } from '../../src/sandbox/server.js';
import { loadBigCommerceSpec } from '../support/openapi.js';

const spec = loadBigCommerceSpec();
const exchanges: Exchange[] = [];
let validated = 0;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7, orders: 40, now: () => Date.parse('2026-11-23T12:00:00Z'), onExchange: (ex) => exchanges.push(ex) });
});
afterAll(async () => {
  await sandbox.close();
  // The checks above must have seen real traffic, not an empty list.
  if (!('skipReason' in spec)) expect(validated).toBeGreaterThan(30);
});

function adapter(token = sandbox.token, maxAttempts = DEFAULT_HTTP.maxAttempts) {
  const http = new HttpClient(bigcommerceHttp({ platform: 'bigcommerce', baseUrl: sandbox.baseUrls.bigcommerce! }, token), {
    ...DEFAULT_HTTP,
    maxAttempts,
    clock: fakeClock(),
    random: seededRandom(3),
    env: {},
  });
  return new BigCommerceAdapter(http);
}

async function collect(it: AsyncIterable<Fetched>): Promise<Fetched[]> {
  const out: Fetched[] = [];
  for await (const f of it) out.push(f);
  return out;
}

const noFilters = { statuses: [] };

describe('BigCommerce adapter against the sandbox', () => {
  afterEach(() => {
    if ('skipReason' in spec) {
      exchanges.length = 0;
      return;
    }
    const problems = exchanges.flatMap((ex) =>
      spec.validator.validate({ method: ex.method, path: ex.path, query: ex.query, headers: ex.requestHeaders, requestBody: ex.requestBody, status: ex.status, contentType: ex.responseHeaders['content-type'], responseBody: ex.responseBody }),
    );
    validated += exchanges.length;
    exchanges.length = 0;
    expect(problems).toEqual([]);
  });

  it('lists one page of 50 by default, newest first, with normalized orders', async () => {
    const orders = await collect(adapter().listOrders(noFilters, { all: false }));
    expect(orders).toHaveLength(40); // fewer than the default page of 50
    expect(exchanges[0]!.query.sort).toBe('date_created:desc');
    const created = orders.map((o) => o.order.createdAt!);
    expect(created).toEqual([...created].sort().reverse());
    const o = orders[0]!.order;
    expect(o.platform).toBe('bigcommerce');
    expect(o.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(o.totals.total!.amount).toMatch(/^-?\d+\.\d{2,}$/);
  });

  it('keyset runs newest first (an export over several stores) walk max_id down: every order once, newest id first', async () => {
    const all = await collect(adapter().listOrders(noFilters, { all: true, keyset: true, newestFirst: true, pageSize: 7 }));
    const ids = all.map((o) => Number(o.order.id));
    expect(ids).toHaveLength(40);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const pages = exchanges.filter((e) => e.path === '/orders').map((e) => [e.query.sort, e.query.max_id, e.query.page]);
    expect(pages[0]).toEqual(['id:desc', undefined, '1']);
    expect(pages[1]).toEqual(['id:desc', String(ids[6]! - 1), '1']);
    // --max-id is where the walk starts, --min-id where it ends.
    const some = await collect(adapter().listOrders({ ...noFilters, minId: '105', maxId: '120' }, { all: true, keyset: true, newestFirst: true, pageSize: 5 }));
    expect(some.map((o) => Number(o.order.id))).toEqual(Array.from({ length: 16 }, (_, i) => 120 - i));
  });

  it('follows pages with --all until the API answers 204', async () => {
    const all = await collect(adapter().listOrders(noFilters, { all: true, pageSize: 7 }));
    expect(all).toHaveLength(40);
    expect(new Set(all.map((o) => o.order.id)).size).toBe(40);
    const pages = exchanges.filter((e) => e.path === '/orders');
    expect(pages.map((p) => p.query.page)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('stops at --limit across pages', async () => {
    const some = await collect(adapter().listOrders(noFilters, { all: false, limit: 12, pageSize: 5 }));
    expect(some).toHaveLength(12);
  });

  it('asks for an exact page with page and limit', async () => {
    const page2 = await collect(adapter().listOrders(noFilters, { all: false, page: 2, pageSize: 10 }));
    const all = await collect(adapter().listOrders(noFilters, { all: true, pageSize: 250 }));
    expect(page2.map((o) => o.order.id)).toEqual(all.slice(10, 20).map((o) => o.order.id));
  });

  it('filters by normalized status and by native id', async () => {
    // A normalized name is every id a listing labels with it (8 Awaiting Pickup, 9 Awaiting Shipment,
    // 11 Awaiting Fulfillment), one request each, merged newest first.
    const byName = await collect(adapter().listOrders({ statuses: ['awaiting_fulfillment'] }, { all: true }));
    const everything = await collect(adapter().listOrders(noFilters, { all: true }));
    expect(byName.map((o) => o.order.id)).toEqual(everything.filter((o) => o.order.status === 'awaiting_fulfillment').map((o) => o.order.id));
    expect(byName.length).toBeGreaterThan(0);
    const created = byName.map((o) => o.order.createdAt!);
    expect(created).toEqual([...created].sort().reverse());
    exchanges.length = 0;
    const byId = await collect(adapter().listOrders({ statuses: ['9', '5'] }, { all: true }));
    expect(new Set(byId.map((o) => o.order.nativeStatus))).toEqual(new Set(['9', '5']));
    expect(exchanges.filter((e) => e.path === '/orders').map((e) => e.query.status_id)).toEqual(['9', '5']);
  });

  it('filters by created and modified windows, customer, email and id range', async () => {
    const all = (await collect(adapter().listOrders(noFilters, { all: true }))).map((f) => f.order);
    const mid = all[Math.floor(all.length / 2)]!;
    const since = new Date(mid.createdAt!);
    const created = await collect(adapter().listOrders({ statuses: [], createdSince: since }, { all: true }));
    expect(created.length).toBeGreaterThan(0);
    expect(created.every((f) => f.order.createdAt! >= mid.createdAt!)).toBe(true);
    const modified = await collect(adapter().listOrders({ statuses: [], until: new Date(mid.updatedAt!) }, { all: true }));
    expect(modified.every((f) => f.order.updatedAt! <= mid.updatedAt!)).toBe(true);
    const withCustomer = all.find((o) => o.customer.id)!;
    const byCustomer = await collect(adapter().listOrders({ statuses: [], customer: withCustomer.customer.id! }, { all: true }));
    expect(byCustomer.every((f) => f.order.customer.id === withCustomer.customer.id)).toBe(true);
    const byEmail = await collect(adapter().listOrders({ statuses: [], email: withCustomer.customer.email! }, { all: true }));
    expect(byEmail.map((f) => f.order.id)).toContain(withCustomer.id);
    const byId = all.map((o) => o.id).sort((a, b) => Number(a) - Number(b));
    const range = await collect(adapter().listOrders({ statuses: [], minId: byId[2]!, maxId: byId[4]! }, { all: true }));
    expect(range.map((f) => f.order.id).sort((a, b) => Number(a) - Number(b))).toEqual(byId.slice(2, 5));
  });

  it('sorts with field:direction', async () => {
    const newest = await collect(adapter().listOrders({ statuses: [], sort: { field: 'created', direction: 'desc' } }, { all: false, pageSize: 10 }));
    const dates = newest.map((f) => f.order.createdAt!);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('returns nothing, not an error, for an empty filter (204)', async () => {
    const none = await collect(adapter().listOrders({ statuses: [], email: 'nobody@nowhere.invalid' }, { all: true }));
    expect(none).toEqual([]);
    expect(exchanges.at(-1)!.status).toBe(204);
  });

  it('refuses what BigCommerce cannot do before any request', async () => {
    await expect(collect(adapter().listOrders({ statuses: ['lost'] }, { all: false }))).rejects.toThrow(UsageError);
    // No BigCommerce id is labelled returned: an empty answer, without asking.
    expect(await collect(adapter().listOrders({ statuses: ['returned'] }, { all: false }))).toEqual([]);
    await expect(collect(adapter().listOrders({ statuses: [], sort: { field: 'total', direction: 'asc' } }, { all: false }))).rejects.toThrow(/cannot sort/);
    await expect(collect(adapter().listOrders(noFilters, { all: false, pageSize: 251 }))).rejects.toThrow(/at most 250|between 1 and 250/);
    expect(exchanges).toHaveLength(0);
  });

  it('gets one order with its products and shipping address in one request (include=consignments.line_items), then its shipments', async () => {
    const [first] = await collect(adapter().listOrders(noFilters, { all: false, limit: 1 }));
    exchanges.splice(0);
    const { order, raw } = await adapter().getOrder(first!.order.id);
    // Shipments have their own endpoint: read only for an order that has shipped something.
    const shipped = (first!.raw as { items_shipped: number }).items_shipped > 0;
    expect(exchanges.map((e) => `${e.method} ${e.path}`)).toEqual([`GET /orders/${first!.order.id}`, ...(shipped ? [`GET /orders/${first!.order.id}/shipments`] : [])]);
    expect(exchanges[0]!.query).toMatchObject({ include: 'consignments.line_items', consignment_structure: 'object' });
    expect(order.items.length).toBeGreaterThan(0);
    expect(order.items[0]!.unitPrice!.amount).toMatch(/^\d+\.\d{2,}$/);
    expect(order.shippingAddress).not.toBeNull();
    const shipping = (raw as { consignments: { shipping: Array<{ line_items: unknown[] }> } }).consignments.shipping;
    expect(shipping.flatMap((c) => c.line_items).length).toBe(order.items.length);
    // The list carries the same: a page of orders is as whole as a get.
    // Shipments only come with a get: they have their own endpoint.
    expect(first!.order).toEqual({ ...order, shipments: [] });
    expect(first!.partial).toBe(false);
  });

  it('reads products and addresses from their own endpoints when a server ignores include, and says so in --debug', async () => {
    const lines: string[] = [];
    const http = new HttpClient(bigcommerceHttp({ platform: 'bigcommerce', baseUrl: sandbox.baseUrls.bigcommerce! }, sandbox.token), {
      ...DEFAULT_HTTP,
      clock: fakeClock(),
      random: seededRandom(3),
      env: {},
      debug: (l) => lines.push(l),
    });
    const [first] = await collect(adapter().listOrders(noFilters, { all: false, limit: 1 }));
    // An older server: the same order, without the consignments it was asked for.
    const { consignments: _dropped, ...bare } = first!.raw as Record<string, unknown>;
    const a = new BigCommerceAdapter(http);
    const request = http.request.bind(http);
    http.request = (async (spec: Parameters<typeof http.request>[0]) => {
      const res = await request(spec);
      return spec.path === `/orders/${first!.order.id}` ? { ...res, body: bare } : res;
    }) as typeof http.request;
    exchanges.splice(0);
    const { order } = await a.getOrder(first!.order.id);
    const shipped = (first!.raw as { items_shipped: number }).items_shipped > 0;
    expect(exchanges.map((e) => e.path).sort()).toEqual(
      [`/orders/${first!.order.id}`, `/orders/${first!.order.id}/products`, ...(shipped ? [`/orders/${first!.order.id}/shipments`] : []), `/orders/${first!.order.id}/shipping_addresses`].sort(),
    );
    expect({ ...order, shipments: [] }).toEqual(first!.order);
    expect(lines.some((l) => /came without its consignments: reading its products and shipping addresses one request each/.test(l))).toBe(true);
  });

  it('says which order was not found', async () => {
    const err = await adapter().getOrder('999999').catch((e) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toBe('order 999999 not found on bigcommerce');
    await expect(adapter().getOrder('../x')).rejects.toThrow(UsageError);
  });

  it('counts orders per status', async () => {
    const c = await adapter().countOrders(noFilters);
    expect(c.count).toBe(40);
    expect(c.statuses).toHaveLength(15);
    expect(c.statuses.reduce((n, s) => n + s.count, 0)).toBe(40);
    const pending = await adapter().countOrders({ statuses: ['pending'] });
    expect(pending.statuses).toHaveLength(1);
    expect(pending.count).toBe(pending.statuses[0]!.count);
  });

  it('creates an order from products and a billing address', async () => {
    const body = {
      billing_address: { first_name: 'Ada', last_name: 'Lovelace', street_1: '1 Analytical Way', city: 'London', state: 'London', zip: 'N1 1AA', country: 'United Kingdom', country_iso2: 'GB', email: 'ada@example.com' },
      products: [{ name: 'Custom engraving', quantity: 2, price_inc_tax: 12.5, price_ex_tax: 10 }],
    };
    const { order } = await adapter().createOrder(body);
    expect(order.status).toBe('pending');
    expect(order.customer.email).toBe('ada@example.com');
    expect(order.totals.total!.amount).toBe('25.00');
    const fetched = await adapter().getOrder(order.id);
    expect(fetched.order.items[0]!.title).toBe('Custom engraving');
  });

  it('refuses a create body without billing_address or products, before any request', () => {
    const a = adapter();
    expect(() => a.validateOrderBody({ products: [{ product_id: 1, quantity: 1 }] }, 'create')).toThrow(/billing_address/);
    expect(() => a.validateOrderBody({ billing_address: {} }, 'create')).toThrow(/products/);
    expect(() => a.validateOrderBody([], 'create')).toThrow(/one JSON object/);
    expect(exchanges).toHaveLength(0);
  });

  it('updates, sets status, cancels and archives', async () => {
    const a = adapter();
    const [target] = await collect(a.listOrders({ statuses: ['pending'] }, { all: false, limit: 1 }));
    const id = target!.order.id;
    const updated = await a.updateOrder(id, { staff_notes: 'called the customer' });
    expect((updated.raw as { staff_notes: string }).staff_notes).toBe('called the customer');
    const s = await a.setStatus(id, 'completed');
    expect(s).toMatchObject({ orderId: id, status: 'completed', nativeStatus: '10' });
    const c = await a.cancelOrder(id);
    expect(c.status).toBe('cancelled');
    await a.archiveOrder(id);
    // The sandbox reads the file: the archived order is still served, with is_deleted: true.
    await expect(a.getOrder(id)).rejects.toThrow(NotFoundError);
    await expect(a.getOrder(id)).rejects.toThrow(new RegExp(`order ${id} is archived on bigcommerce`));
    const listed = await collect(a.listOrders(noFilters, { all: true }));
    expect(listed.map((f) => f.order.id)).not.toContain(id);
    await a.archiveOrder(id); // archiving it again is no error
  });

  it('labels money with default_currency_code, the currency paid in, where the storefront showed another', async () => {
    const a = adapter();
    const all = await collect(a.listOrders(noFilters, { all: true }));
    const browsing = all.filter((f) => {
      const raw = f.raw as { currency_code: string; default_currency_code: string };
      return raw.currency_code !== raw.default_currency_code;
    });
    expect(browsing.length).toBeGreaterThan(0);
    for (const f of browsing) {
      const paidIn = (f.raw as { default_currency_code: string }).default_currency_code;
      expect(f.order.currency).toBe(paidIn);
      expect(f.order.totals.total!.currency).toBe(paidIn);
    }
    const one = await a.getOrder(browsing[0]!.order.id);
    const paidIn = (one.raw as { default_currency_code: string }).default_currency_code;
    expect(one.order.items.map((i) => i.unitPrice!.currency)).toEqual(one.order.items.map(() => paidIn));
  });

  it('an update that changes a discounted line answers with the discount gone; one that changes no line keeps it', async () => {
    const a = adapter();
    const all = await collect(a.listOrders(noFilters, { all: true }));
    const discounted = all.find((f) => Number(f.order.totals.discount!.amount) > 0);
    expect(discounted).toBeDefined();
    const id = discounted!.order.id;
    const before = discounted!.order.totals;
    const kept = await a.updateOrder(id, { staff_notes: 'discount kept' });
    expect(kept.order.totals.discount).toEqual(before.discount);
    const full = await a.getOrder(id);
    const line = (full.raw as { consignments: { shipping: Array<{ line_items: Array<{ id: number; quantity: number; applied_discounts: unknown[] }> }> } }).consignments.shipping
      .flatMap((c) => c.line_items)
      .find((p) => p.applied_discounts.length > 0)!;
    const changed = await a.updateOrder(id, { products: [{ id: line.id, quantity: line.quantity }] });
    expect(Number(changed.order.totals.discount!.amount)).toBe(0);
    expect(Number(changed.order.totals.total!.amount) - Number(before.total!.amount)).toBeCloseTo(Number(before.discount!.amount), 4);
  });

  it('fulfills every unshipped item to the only address', async () => {
    const a = adapter();
    const oldestFirst = { field: 'id', direction: 'asc' } as const;
    const candidates = await collect(a.listOrders({ statuses: ['awaiting_fulfillment'], sort: oldestFirst }, { all: true }));
    let target: string | undefined;
    for (const c of candidates) {
      const full = await a.getOrder(c.order.id);
      if ((full.raw as { consignments: { shipping: unknown[] } }).consignments.shipping.length === 1) {
        target = c.order.id;
        break;
      }
    }
    expect(target).toBeDefined();
    const r = await a.fulfillOrder(target!, { tracking: '1Z999', carrier: 'ups', items: [] });
    expect(r.shipmentId).toMatch(/^\d+$/);
    const after = await a.getOrder(target!);
    expect(after.order.status).toBe('fulfilled');
    expect(after.order.items.every((i) => i.status === 'fulfilled')).toBe(true);
    // Shipping a shipped order is the platform's rule (exit 5), not a usage error.
    await expect(a.fulfillOrder(target!, { items: [] })).rejects.toMatchObject({ message: `order ${target} has nothing left to ship`, exitCode: 5 });
    const post = exchanges.find((e) => e.method === 'POST' && e.path.endsWith('/shipments'))!;
    expect(post.requestBody).toMatchObject({ tracking_number: '1Z999', shipping_provider: 'ups' });
  });

  it('sends --carrier as a shipping provider, or as an AfterShip slug in tracking_carrier, and refuses what is neither', async () => {
    const a = adapter();
    const oldestFirst = { field: 'id', direction: 'asc' } as const;
    const candidates = await collect(a.listOrders({ statuses: ['awaiting_fulfillment'], sort: oldestFirst }, { all: true }));
    const ids = candidates.map((c) => c.order.id);
    for (const [carrier, field] of [['Royal Mail', { tracking_carrier: 'royal-mail' }], ['carrier_12', { shipping_provider: 'carrier_12' }]] as const) {
      exchanges.length = 0;
      const id = ids.shift()!;
      try {
        await a.fulfillOrder(id, { tracking: 'T1', carrier, items: [] });
      } catch (err) {
        if (!/several|addresses/.test(String(err))) throw err;
        continue; // an order of several addresses: the body was never sent
      }
      expect(exchanges.at(-1)!.requestBody).toMatchObject(field);
    }
    const [pending] = await collect(a.listOrders({ statuses: ['pending'], sort: oldestFirst }, { all: false, limit: 1 }));
    exchanges.length = 0;
    await expect(a.fulfillOrder(pending!.order.id, { tracking: 'T1', carrier: 'DHL Express!', items: [] })).rejects.toThrow(/neither a BigCommerce shipping provider nor an AfterShip courier slug/);
    expect(exchanges.filter((e) => e.method === 'POST')).toHaveLength(0);
  });

  it('a wrong token is an authentication error', async () => {
    await expect(adapter('wrong-token').ping()).rejects.toThrow(AuthError);
  });

  it('obeys the rate-limit headers the sandbox sends', async () => {
    const ex = exchanges;
    await adapter().ping();
    const h = ex.at(-1)!.responseHeaders;
    expect(Number(h['x-rate-limit-requests-quota'])).toBeGreaterThan(0);
    expect(h['x-rate-limit-requests-left']).toBeDefined();
    expect(h['x-rate-limit-time-reset-ms']).toBeDefined();
    expect(h['x-rate-limit-time-window-ms']).toBeDefined();
  });

  it('reads survive faults by retrying', async () => {
    // Three faults, then an answer: within the four attempts a read gets.
    sandbox.injectFaults(['503', '429', 'reset-before']);
    const c = await adapter().countOrders(noFilters);
    expect(c.count).toBeGreaterThan(0);
    sandbox.injectFaults(['truncated', 'html', '504']);
    const again = await adapter().countOrders(noFilters);
    expect(again.count).toBe(c.count);
    exchanges.length = 0; // faulted answers are not the API's documented shapes
  });

  it('a create that may have reached the server is not repeated', async () => {
    const before = (await adapter().countOrders(noFilters)).count;
    sandbox.injectFaults(['reset-after']);
    const body = { billing_address: { first_name: 'A', email: 'a@example.com' }, products: [{ name: 'x', quantity: 1, price_inc_tax: 1, price_ex_tax: 1 }] };
    const err = await adapter().createOrder(body).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    const after = (await adapter().countOrders(noFilters)).count;
    expect(after).toBe(before + 1); // applied exactly once
    exchanges.length = 0;
  });
});

describe.skipIf(!('skipReason' in spec))('OpenAPI checks', () => {
  it('are skipped', () => {
    console.warn('skipReason' in spec ? spec.skipReason : '');
  });
});
