// The CS-Cart adapter against the sandbox's CS-Cart dialect over real HTTP:
// what each filter and flag becomes on the wire (seeds/cscart-orders.txt,
// API-NOTES.md §3), and what the adapter makes of the answers.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, seededRandom } from '../../src/core/clock.js';
import { AuthError, NetworkError, NotFoundError, UsageError } from '../../src/core/errors.js';
import { DEFAULT_HTTP, HttpClient } from '../../src/core/http.js';
import { CsCartAdapter, cscartHttp } from '../../src/platforms/cscart/adapter.js';
import type { CsSection } from '../../src/sandbox/dialects/cscart/index.js';
import type { Fetched, OrderFilters, Paging } from '../../src/platforms/types.js';
import { startSandbox, type Exchange, type Sandbox } from '../../src/sandbox/server.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const USER = 'admin@example.com';
const exchanges: Exchange[] = [];
let sandbox: Sandbox;
let debugLines: string[];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7, orders: 40, now: () => NOW, onExchange: (ex) => ex.platform === 'cscart' && exchanges.push(ex) });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  exchanges.length = 0;
  debugLines = [];
});

function adapter(token = sandbox.token, username = USER) {
  const http = new HttpClient(cscartHttp({ platform: 'cscart', baseUrl: sandbox.baseUrls.cscart!, username }, token), {
    ...DEFAULT_HTTP,
    clock: fakeClock(),
    random: seededRandom(3),
    env: {},
    debug: (l) => debugLines.push(l),
  });
  return new CsCartAdapter(http, 'EUR');
}

async function collect(it: AsyncIterable<Fetched>): Promise<Fetched[]> {
  const out: Fetched[] = [];
  for await (const f of it) out.push(f);
  return out;
}

const list = (f: Partial<OrderFilters> = {}, p: Partial<Paging> = {}) => collect(adapter().listOrders({ statuses: [], ...f }, { all: false, ...p }));
const lastQuery = () => exchanges.at(-1)!.query;
const section = () => sandbox.store.section<CsSection>('cscart');
const stored = (id: string) => section().orders.find((o) => o.order_id === id)!;

describe('CS-Cart adapter: profile and auth', () => {
  it('needs a base URL and a username: there is no default host', () => {
    expect(() => cscartHttp({ platform: 'cscart', username: USER }, 't')).toThrow(/no base URL/);
    expect(() => cscartHttp({ platform: 'cscart', baseUrl: 'https://shop.example/api' }, 't')).toThrow(/no username/);
  });

  it('sends Basic base64(email:key) and keeps both forms of the secret out of the debug trace', async () => {
    await adapter().ping();
    const sent = exchanges.at(-1)!.requestHeaders.authorization!;
    const b64 = Buffer.from(`${USER}:${sandbox.token}`).toString('base64');
    expect(sent).toBe(`Basic ${b64}`);
    expect(cscartHttp({ platform: 'cscart', baseUrl: 'https://x/api', username: USER }, sandbox.token).secrets).toEqual([sandbox.token, b64]);
    const trace = debugLines.join('\n');
    expect(trace).toContain('authorization: [redacted]');
    expect(trace).not.toContain(b64);
  });

  it('a wrong key is an AuthError (exit 3)', async () => {
    const err = await adapter('wrong-key').ping().catch((e) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(err.message).toMatch(/401: Unauthorized/);
  });
});

describe('CS-Cart adapter: orders list', () => {
  it('lists one page of 50 by default, newest first, each order in full (get_orders_data)', async () => {
    const orders = await list();
    expect(orders).toHaveLength(40); // 40 seeded: the incomplete one too, asked for (include_incompleted)
    // The order is always said (newest first), so the shop's admin setting cannot change it.
    expect(lastQuery()).toEqual({ page: '1', items_per_page: '50', get_orders_data: '1', include_incompleted: '1', sort_by: 'date', sort_order: 'desc' });
    const o = orders[0]!.order;
    expect(o.platform).toBe('cscart');
    // The page carries what GET /orders/{id} does: items, addresses, totals and currency.
    expect(o).toEqual((await adapter().getOrder(o.id)).order);
    expect(o.items.length).toBeGreaterThan(0);
    expect(o.shippingAddress?.line1).toBeTruthy();
    expect(o.currency).toBe('EUR');
    expect(o.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(o.totals.total!.amount).toMatch(/^\d+\.\d\d$/);
    expect(orders.every((f) => f.order.status !== null)).toBe(true);
    const created = orders.map((f) => f.order.createdAt!);
    expect(created).toEqual([...created].sort().reverse());
  });

  it('--page and --page-size become page and items_per_page', async () => {
    const all = (await list({}, { all: true })).map((f) => f.order.id);
    exchanges.length = 0;
    const page2 = await list({}, { page: 2, pageSize: 10 });
    expect(lastQuery()).toEqual({ page: '2', items_per_page: '10', get_orders_data: '1', include_incompleted: '1', sort_by: 'date', sort_order: 'desc' });
    expect(page2.map((f) => f.order.id)).toEqual(all.slice(10, 20));
  });

  it('--all follows pages until total_items is reached, with no request past the end', async () => {
    const all = await list({}, { all: true, pageSize: 10 });
    expect(all).toHaveLength(40);
    expect(new Set(all.map((f) => f.order.id)).size).toBe(40);
    expect(exchanges.map((e) => e.query.page)).toEqual(['1', '2', '3', '4']);
  });

  it('--limit stops across pages', async () => {
    expect(await list({}, { limit: 12, pageSize: 5 })).toHaveLength(12);
    expect(exchanges).toHaveLength(3);
  });

  it('--sort becomes sort_by and sort_order; unknown fields are refused before any request', async () => {
    const byTotal = await list({ sort: { field: 'total', direction: 'asc' } }, { all: true });
    expect(lastQuery()).toMatchObject({ sort_by: 'total', sort_order: 'asc' });
    const totals = byTotal.map((f) => Number(f.order.totals.total!.amount));
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    await list({ sort: { field: 'id', direction: 'desc' } });
    expect(lastQuery()).toMatchObject({ sort_by: 'order_id', sort_order: 'desc' });
    exchanges.length = 0;
    await expect(list({ sort: { field: 'updated', direction: 'asc' } })).rejects.toThrow(/cannot sort cscart orders by updated/);
    expect(exchanges).toHaveLength(0);
  });

  it('--status sends letters: one as status, several as status[0], status[1]', async () => {
    const processed = await list({ statuses: ['awaiting_fulfillment'] }, { all: true });
    expect(lastQuery()).toMatchObject({ status: 'P' });
    expect(processed.length).toBeGreaterThan(0);
    expect(processed.every((f) => f.order.nativeStatus === 'P' && f.order.status === 'awaiting_fulfillment')).toBe(true);
    const two = await list({ statuses: ['c', 'cancelled', 'C'] }, { all: true });
    expect(lastQuery()).toMatchObject({ 'status[0]': 'C', 'status[1]': 'I' });
    expect(new Set(two.map((f) => f.order.nativeStatus))).toEqual(new Set(['C', 'I']));
  });

  it('every letter of the seed filters to orders with that letter, N included', async () => {
    for (const letter of ['P', 'C', 'O', 'F', 'D', 'B', 'I', 'H', 'G', 'N', 'E']) {
      const got = await list({ statuses: [letter] }, { all: true });
      expect(got.length, letter).toBeGreaterThan(0);
      expect(got.every((f) => f.order.nativeStatus === letter)).toBe(true);
    }
    // No CS-Cart letter is labelled fulfilled: nothing, and no request.
    exchanges.length = 0;
    expect(await list({ statuses: ['fulfilled'] }, { all: true })).toEqual([]);
    expect(exchanges).toHaveLength(0);
    await expect(list({ statuses: ['bogus'] })).rejects.toThrow(UsageError);
  });

  it('--customer, --email and --invoice become user_id, email and invoice_id', async () => {
    const all = (await list({}, { all: true })).map((f) => f.raw as { user_id: string; email: string; invoice_id: string; order_id: string });
    const someone = all.find((o) => o.user_id !== '0')!;
    const byCustomer = await list({ customer: someone.user_id }, { all: true });
    expect(lastQuery()).toMatchObject({ user_id: someone.user_id });
    expect(byCustomer.every((f) => f.order.customer.id === someone.user_id)).toBe(true);
    const byEmail = await list({ email: someone.email }, { all: true });
    expect(lastQuery()).toMatchObject({ email: someone.email });
    expect(byEmail.map((f) => f.order.id)).toContain(someone.order_id);
    const invoiced = all.find((o) => o.invoice_id)!;
    const byInvoice = await list({ invoice: invoiced.invoice_id });
    expect(lastQuery()).toMatchObject({ invoice_id: invoiced.invoice_id });
    expect(byInvoice.map((f) => f.order.id)).toEqual([invoiced.order_id]);
    await expect(list({ customer: 'jane' })).rejects.toThrow(/whole numbers/);
    await expect(list({ invoice: 'INV-1' })).rejects.toThrow(/whole numbers/);
  });

  it('--since and --until become updated_at_from and updated_at_to in Unix seconds; rows carry no modification time', async () => {
    // The window filters by the shop's own modification time, which no answer carries (API-NOTES.md §3).
    const times = section().orders.map((o) => o.updated_at).sort((a, b) => a - b);
    const [from, to] = [times[5]!, times[25]!];
    const got = await list({ since: new Date(from * 1000), until: new Date(to * 1000) }, { all: true });
    expect(lastQuery()).toMatchObject({ updated_at_from: String(from), updated_at_to: String(to) });
    const inside = section().orders.filter((o) => o.updated_at >= from && o.updated_at <= to).map((o) => o.order_id);
    expect(got.map((f) => f.order.id).sort()).toEqual(inside.sort());
    expect(got.every((f) => f.order.updatedAt === null)).toBe(true);
  });

  it('refuses filters CS-Cart has no parameter for, before any request', async () => {
    for (const f of [{ createdSince: new Date(NOW) }, { minId: '3' }, { cursor: 'abc' }] as Array<Partial<OrderFilters>>) {
      await expect(list(f)).rejects.toThrow(/not available on cscart/);
    }
    await expect(list({}, { pageSize: 251 })).rejects.toThrow(/between 1 and 250/);
    expect(exchanges).toHaveLength(0);
  });

  it('keyset runs (exports) read by order_id ascending, or descending newest first', async () => {
    const got = await collect(adapter().listOrders({ statuses: [] }, { all: true, keyset: true }));
    expect(lastQuery()).toMatchObject({ sort_by: 'order_id', sort_order: 'asc' });
    const ids = got.map((f) => Number(f.order.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // Newest first (an export over several stores): by order_id descending.
    const newest = await collect(adapter().listOrders({ statuses: [] }, { all: true, keyset: true, newestFirst: true }));
    expect(lastQuery()).toMatchObject({ sort_by: 'order_id', sort_order: 'desc' });
    expect(newest.map((f) => Number(f.order.id))).toEqual([...ids].reverse());
  });
});

describe('CS-Cart adapter: vendor_ref', () => {
  it('--vendor-ref searches GET /orders/search/ and reads full orders', async () => {
    const got = await list({ vendorRef: 'VR-1001' });
    expect(exchanges.at(-1)).toMatchObject({ method: 'GET', path: '/orders/search/', query: { vendor_ref: 'VR-1001' }, status: 200 });
    expect(got.map((f) => f.order.id).sort()).toEqual(['91', '92']);
    expect(got.every((f) => f.order.externalRef === 'VR-1001' && f.order.items.length > 0)).toBe(true);
  });

  it('a 404 from the search is no results: an empty list, not an error', async () => {
    expect(await list({ vendorRef: 'no-such-ref' })).toEqual([]);
    expect(exchanges.at(-1)!.status).toBe(404);
  });

  it('--vendor-ref takes no other filter and no paging', async () => {
    await expect(list({ vendorRef: 'VR-1001', statuses: ['P'] })).rejects.toThrow(/cannot be combined/);
    await expect(list({ vendorRef: 'VR-1001' }, { page: 2 })).rejects.toThrow(/not paged/);
    expect(exchanges).toHaveLength(0);
  });

  it('update --vendor-ref PUTs {"vendor_ref"} and reads the order back', async () => {
    const got = await adapter().setVendorRef('95', 'ABC1234');
    expect(exchanges.map((e) => [e.method, e.path, e.requestBody ?? null])).toEqual([
      ['PUT', '/orders/95', { vendor_ref: 'ABC1234' }],
      ['GET', '/orders/95', null],
    ]);
    expect(got.order.externalRef).toBe('ABC1234');
    expect(stored('95').vendor_ref).toBe('ABC1234');
    expect((await list({ vendorRef: 'ABC1234' })).map((f) => f.order.id)).toEqual(['95']);
  });

  it('anything but a single string is refused before the request', async () => {
    for (const bad of ['', '   ', '["A","B"]', '{"ref":"A"}', 42 as unknown as string]) {
      await expect(adapter().setVendorRef('95', bad)).rejects.toThrow(UsageError);
    }
    expect(exchanges).toHaveLength(0);
  });
});

describe('CS-Cart adapter: one order', () => {
  it('get reads the details: items, addresses, totals as decimal strings', async () => {
    const { order, raw } = await adapter().getOrder('93');
    expect(exchanges.at(-1)).toMatchObject({ method: 'GET', path: '/orders/93', status: 200 });
    expect(order.items.length).toBeGreaterThan(0);
    expect(order.billingAddress!.country).toMatch(/^[A-Z]{2}$/);
    expect(order.shippingAddress!.line1).toBeTruthy();
    expect(order.currency).toBe('EUR');
    expect(order.totals.subtotal!.amount).toMatch(/^\d+\.\d\d$/);
    expect((raw as { order_id: string }).order_id).toBe('93');
  });

  it('get of an unknown order is a NotFoundError (exit 4) naming it; a bad id is refused', async () => {
    const err = await adapter().getOrder('9999').catch((e) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toBe('order 9999 not found on cscart');
    await expect(adapter().getOrder('abc')).rejects.toThrow(UsageError);
  });
});

describe('CS-Cart adapter: status changes', () => {
  it('status --set PUTs the letter and no notify_user by default', async () => {
    const r = await adapter().setStatus('96', 'awaiting_fulfillment', {});
    expect(exchanges.at(-1)).toMatchObject({ method: 'PUT', path: '/orders/96', requestBody: { status: 'P' }, status: 200 });
    expect(r).toMatchObject({ orderId: '96', status: 'awaiting_fulfillment', nativeStatus: 'P' });
    expect(stored('96').status).toBe('P');
    expect(section().notifications.filter((n) => n.order_id === '96')).toEqual([]);
  });

  it('status --set --notify sends notify_user "1", and the customer is e-mailed', async () => {
    await adapter().setStatus('97', 'C', { notify: true });
    expect(exchanges.at(-1)!.requestBody).toEqual({ status: 'C', notify_user: '1' });
    expect(section().notifications.filter((n) => n.order_id === '97').map((n) => n.status)).toEqual(['C']);
  });

  it('Incomplete (N) cannot be set, and unknown ids are NotFound', async () => {
    await expect(adapter().setStatus('96', 'incomplete', {})).rejects.toThrow(/Incomplete \(N\)/);
    expect(exchanges).toHaveLength(0);
    await expect(adapter().setStatus('9999', 'P', {})).rejects.toBeInstanceOf(NotFoundError);
  });

  it('cancel sets I, or D by the merchant', async () => {
    expect(await adapter().cancelOrder('98', {})).toMatchObject({ status: 'cancelled', nativeStatus: 'I' });
    expect(exchanges.at(-1)!.requestBody).toEqual({ status: 'I' });
    expect(await adapter().cancelOrder('99', { byMerchant: true, notify: true })).toMatchObject({ status: 'declined', nativeStatus: 'D' });
    expect(exchanges.at(-1)!.requestBody).toEqual({ status: 'D', notify_user: '1' });
    expect([stored('98').status, stored('99').status]).toEqual(['I', 'D']);
  });

  it('fulfill sets C; shipment details it cannot send are refused before the request', async () => {
    const r = await adapter().fulfillOrder('100', { items: [] });
    expect(r).toEqual({ orderId: '100', shipmentId: null, raw: { order_id: '100' } });
    expect(exchanges.at(-1)!.requestBody).toEqual({ status: 'C' });
    exchanges.length = 0;
    await expect(adapter().fulfillOrder('100', { items: [], tracking: '1Z', carrier: 'dhl' })).rejects.toThrow(/--tracking, --carrier cannot be sent/);
    expect(exchanges).toHaveLength(0);
  });

  it('a status change without notification is retried after a reset; one with notification is not repeated', async () => {
    sandbox.injectFaults(['reset-after']);
    await adapter().setStatus('101', 'B', {});
    expect(exchanges.filter((e) => e.method === 'PUT')).toHaveLength(1); // the reset one is never answered
    expect(stored('101').status).toBe('B');
    sandbox.injectFaults(['reset-after']);
    const err = await adapter().setStatus('101', 'P', { notify: true }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(section().notifications.filter((n) => n.order_id === '101')).toHaveLength(1); // e-mailed once
  });
});

describe('CS-Cart adapter: count', () => {
  it('counts from total_items, one small request per status', async () => {
    const all = await list({}, { all: true });
    exchanges.length = 0;
    const c = await adapter().countOrders({ statuses: [] });
    expect(c.count).toBe(all.length);
    expect(c.statuses.reduce((n, s) => n + s.count, 0)).toBe(all.length);
    expect(exchanges.every((e) => e.query.items_per_page === '1')).toBe(true);
    const processed = c.statuses.find((s) => s.nativeStatus === 'P')!;
    expect(processed).toMatchObject({ status: 'awaiting_fulfillment', name: 'Processed' });
    expect(processed.count).toBe(all.filter((f) => f.order.nativeStatus === 'P').length);
    const incomplete = (await list({ statuses: ['N'] }, { all: true })).length;
    const two = await adapter().countOrders({ statuses: ['P', 'N'] });
    expect(two.count).toBe(processed.count + incomplete);
    expect(two.statuses.map((s) => [s.nativeStatus, s.count])).toEqual([['P', processed.count], ['N', incomplete]]);
  });
});
