// The sandbox's CS-Cart dialect over real HTTP: paths, the list envelope and
// its parameters, Basic auth, errors, status changes with notify_user, and
// vendor_ref (seeds/cscart-orders.txt, API-NOTES.md §3).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CsNotification, CsSection } from '../../../src/sandbox/dialects/cscart/index.js';
import { FIRST_ORDER_ID, phpEmpty } from '../../../src/sandbox/dialects/cscart/index.js';
import type { CsOrder, CsOrderList } from '../../../src/platforms/cscart/types.js';
import { seedState } from '../../../src/sandbox/server.js';
import { apiFor, NOW, openSandbox, type Api, type Opened } from './support.js';

const EMAIL = 'admin@example.com';
const basic = (user: string, key: string) => `Basic ${Buffer.from(`${user}:${key}`).toString('base64')}`;

let opened: Opened;
let api: Api;
let section: CsSection;

beforeAll(async () => {
  opened = await openSandbox();
  const plain = apiFor(opened.sandbox.baseUrls.cscart!, undefined);
  const auth = basic(EMAIL, opened.sandbox.token);
  api = Object.assign(<T,>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => plain<T>(method, path, body, { authorization: auth, ...headers }), {
    close: () => plain.close(),
  }) as Api;
  section = opened.sandbox.store.section<CsSection>('cscart');
});
afterAll(async () => {
  await api.close();
  await opened.close();
});

const list = (query = '') => api<CsOrderList>('GET', `/orders${query}`);

describe('CS-Cart dialect: auth', () => {
  it('serves /cscart/api, the shape of https://SHOP/api', () => {
    expect(opened.sandbox.baseUrls.cscart).toBe(`${opened.sandbox.url}/cscart/api`);
  });

  it('answers 401 with WWW-Authenticate without Basic credentials, with a wrong key, or a user that is no e-mail', async () => {
    for (const authorization of [undefined, basic(EMAIL, 'wrong'), basic('admin', opened.sandbox.token), 'Bearer sandbox-token']) {
      const r = await api('GET', '/orders', undefined, authorization ? { authorization } : { authorization: '' });
      expect(r.status, String(authorization)).toBe(401);
      expect(r.headers['www-authenticate']).toBe('Basic realm="User email/API key"');
      expect(r.body).toEqual({ message: 'Unauthorized', status: 401 });
    }
  });

  it('accepts any admin e-mail with the sandbox token as the API key', async () => {
    const r = await api('GET', '/orders', undefined, { authorization: basic('someone.else@shop.test', opened.sandbox.token) });
    expect(r.status).toBe(200);
  });
});

describe('CS-Cart dialect: GET /orders', () => {
  it('answers the {orders, params} envelope: 10 a page by default, newest first, values as strings', async () => {
    const r = await list();
    expect(r.status).toBe(200);
    expect(r.body.orders).toHaveLength(10);
    const row = r.body.orders[0]!;
    // Exactly the documented row (API-NOTES.md §3): no modification time.
    expect(Object.keys(row)).toEqual(['order_id', 'issuer_id', 'user_id', 'is_parent_order', 'parent_order_id', 'company_id', 'timestamp', 'firstname', 'lastname', 'email', 'phone', 'status', 'total', 'invoice_id', 'credit_memo_id', 'points']);
    for (const k of ['order_id', 'timestamp', 'total', 'status', 'user_id']) expect(typeof (row as unknown as Record<string, unknown>)[k]).toBe('string');
    expect(row.total).toMatch(/^\d+\.\d\d$/);
    const stamps = r.body.orders.map((o) => Number(o.timestamp));
    expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
    // Incomplete orders are hidden: 40 seeded, one of them N.
    expect(r.body.params).toMatchObject({ page: 1, items_per_page: '10', sort_by: 'date', sort_order: 'desc', sort_order_rev: 'asc', include_incompleted: false, total_items: '39' });
  });

  it('pages with page and items_per_page, and answers an empty list past the end', async () => {
    const all = (await list('?items_per_page=100')).body.orders.map((o) => o.order_id);
    const p2 = (await list('?page=2&items_per_page=7')).body;
    expect(p2.orders.map((o) => o.order_id)).toEqual(all.slice(7, 14));
    expect(p2.params).toMatchObject({ page: 2, items_per_page: '7' });
    expect((await list('?page=99&items_per_page=7')).body.orders).toEqual([]);
  });

  it('sorts by sort_by and sort_order, falling back to date, desc, for unknown values', async () => {
    const asc = (await list('?sort_by=order_id&sort_order=asc&items_per_page=100')).body.orders.map((o) => Number(o.order_id));
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const totals = (await list('?sort_by=total&sort_order=desc&items_per_page=100')).body.orders.map((o) => Number(o.total));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const fallback = await list('?sort_by=bogus&sort_order=sideways');
    expect(fallback.body.params).toMatchObject({ sort_by: 'date', sort_order: 'desc' });
  });

  it('filters by one status, several (status[0], status[1]), and shows N only when asked', async () => {
    const p = (await list('?status=P&items_per_page=100')).body.orders;
    expect(p.length).toBeGreaterThan(0);
    expect(p.every((o) => o.status === 'P')).toBe(true);
    const two = (await list('?status%5B0%5D=P&status%5B1%5D=I&items_per_page=100')).body.orders;
    expect(new Set(two.map((o) => o.status))).toEqual(new Set(['P', 'I']));
    const n = await list('?status=N');
    expect(n.body.orders.map((o) => o.status)).toEqual(['N']);
    expect(n.body.params.include_incompleted).toBe(true);
    expect((await list('?include_incompleted=1&items_per_page=100')).body.params.total_items).toBe('40');
  });

  it('filters by user_id, email (a part of it), invoice_id and the updated_at window in Unix seconds', async () => {
    const all = (await list('?items_per_page=100')).body.orders;
    const customer = all.find((o) => o.user_id !== '0')!;
    const byUser = (await list(`?user_id=${customer.user_id}&items_per_page=100`)).body.orders;
    expect(byUser.length).toBeGreaterThan(0);
    expect(byUser.every((o) => o.user_id === customer.user_id)).toBe(true);
    const domain = customer.email!.split('@')[0]!;
    const byEmail = (await list(`?email=${encodeURIComponent(domain.toUpperCase())}&items_per_page=100`)).body.orders;
    expect(byEmail.map((o) => o.order_id)).toContain(customer.order_id);
    expect(byEmail.every((o) => o.email!.includes(domain))).toBe(true);
    const invoiced = all.find((o) => o.invoice_id)!;
    expect((await list(`?invoice_id=${invoiced.invoice_id}`)).body.orders.map((o) => o.order_id)).toEqual([invoiced.order_id]);
    // The window filters by the stored modification time, which no answer carries.
    const listed = section.orders.filter((o) => o.status !== 'N');
    const stamps = listed.map((o) => o.updated_at).sort((a, b) => a - b);
    const [from, to] = [stamps[5]!, stamps[20]!];
    const window = (await list(`?updated_at_from=${from}&updated_at_to=${to}&items_per_page=100`)).body.orders;
    expect(window.map((o) => o.order_id).sort()).toEqual(listed.filter((o) => o.updated_at >= from && o.updated_at <= to).map((o) => o.order_id).sort());
  });

  it('answers 400 for an updated_at window that is not Unix seconds', async () => {
    const r = await list('?updated_at_from=2026-11-01');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ message: 'Bad Request: updated_at_from must be a Unix time in seconds', status: 400 });
  });
});

describe('CS-Cart dialect: GET /orders/{id}', () => {
  it('answers the order details: s_/b_ fields, products keyed by item id, computed totals as numbers', async () => {
    const r = await api<CsOrder>('GET', `/orders/${FIRST_ORDER_ID + 3}`);
    expect(r.status).toBe(200);
    const o = r.body;
    for (const k of ['s_address', 's_city', 's_country', 's_zipcode', 'b_firstname', 'b_lastname', 'b_country_descr', 'b_state_descr']) expect(o).toHaveProperty(k);
    // The seed's "Order Details" name no modification time either.
    expect(o).not.toHaveProperty('updated_at');
    expect(typeof o.subtotal).toBe('number');
    expect(typeof o.total).toBe('string');
    const products = Object.entries(o.products as Record<string, { item_id: string; amount: string; price: string }>);
    expect(products.length).toBeGreaterThan(0);
    for (const [key, p] of products) expect(p.item_id).toBe(key);
    const cents = (v: string | number) => Math.round(Number(v) * 100);
    const sum = products.reduce((n, [, p]) => n + cents(p.price) * Number(p.amount), 0);
    expect(cents(o.subtotal!)).toBe(sum);
    expect(cents(o.total!)).toBe(sum + cents(o.shipping_cost!) - cents(o.subtotal_discount!));
  });

  it('answers 404 for an unknown order, and 405 for methods it does not emulate', async () => {
    expect(await api('GET', '/orders/9999')).toMatchObject({ status: 404, body: { message: 'Not Found', status: 404 } });
    expect((await api('DELETE', `/orders/${FIRST_ORDER_ID}`)).status).toBe(405);
    expect((await api('POST', `/orders/${FIRST_ORDER_ID}`, {})).status).toBe(405);
    expect((await api('GET', '/products')).status).toBe(404);
  });
});

describe('CS-Cart dialect: PUT /orders/{id}', () => {
  const put = (id: number, body: unknown) => api<{ order_id: string }>('PUT', `/orders/${id}`, body);
  const notices = (id: number): CsNotification[] => section.notifications.filter((n) => n.order_id === String(id));
  const stored = (id: number) => section.orders.find((o) => o.order_id === String(id))!;

  it('changes the status and answers {"order_id"}; no e-mail unless notify_user', async () => {
    const id = FIRST_ORDER_ID + 10;
    const target = stored(id).status === 'C' ? 'P' : 'C';
    const r = await put(id, { status: target });
    expect(r).toMatchObject({ status: 200, body: { order_id: String(id) } });
    expect(stored(id).status).toBe(target);
    expect(stored(id).updated_at).toBe(Math.floor(NOW / 1000));
    expect(notices(id)).toEqual([]);
  });

  it('e-mails the customer when notify_user is "1", not when "0" — and when "N", as PHP’s empty() would', async () => {
    const id = FIRST_ORDER_ID + 11;
    await put(id, { status: 'B', notify_user: '0' });
    expect(notices(id)).toEqual([]);
    await put(id, { status: 'P', notify_user: '1' });
    expect(notices(id)).toEqual([{ order_id: String(id), status: 'P', at: NOW }]);
    await put(id, { status: 'C', notify_user: 'N' });
    expect(notices(id).map((n) => n.status)).toEqual(['P', 'C']);
    expect([phpEmpty(undefined), phpEmpty('0'), phpEmpty(0), phpEmpty(''), phpEmpty('N'), phpEmpty('1')]).toEqual([true, true, true, true, false, false]);
  });

  it('does not count a PUT that changes nothing', async () => {
    const id = FIRST_ORDER_ID + 12;
    await put(id, { status: 'F' });
    const changes = opened.sandbox.store.changeCount('cscart', id);
    await put(id, { status: 'F' });
    expect(opened.sandbox.store.changeCount('cscart', id)).toBe(changes);
  });

  it('sets vendor_ref from a single string only', async () => {
    const id = FIRST_ORDER_ID + 13;
    expect((await put(id, { vendor_ref: 'ABC1234' })).status).toBe(200);
    expect(stored(id).vendor_ref).toBe('ABC1234');
    for (const bad of [['A', 'B'], { ref: 'A' }, 7]) {
      const r = await put(id, { vendor_ref: bad });
      expect(r).toMatchObject({ status: 400, body: { message: 'Bad Request: vendor_ref only accepts a single string', status: 400 } });
    }
    expect(stored(id).vendor_ref).toBe('ABC1234');
  });

  it('answers 400 for a bad body and changes nothing', async () => {
    const id = FIRST_ORDER_ID + 14;
    const before = JSON.stringify(stored(id));
    for (const body of [[], 'P', {}, { status: 'Z' }, { status: 'N' }, { status: ['P'] }, { status: 'P', vendor_ref: ['x'] }, { notes: 5 }]) {
      const r = await put(id, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect((r.body as unknown as { message: string }).message).toMatch(/^Bad Request/);
    }
    const invalid = await api('PUT', `/orders/${id}`, '{"status":');
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(stored(id))).toBe(before);
  });

  it('answers 404 for an unknown order', async () => {
    expect((await put(9999, { status: 'P' })).status).toBe(404);
  });
});

describe('CS-Cart dialect: POST /orders (Multi-Vendor, API-NOTES.md §3)', () => {
  const create = (body: unknown) => api<{ order_id: string }>('POST', '/orders', body);
  const guest = { email: 'gast@example.de', b_firstname: 'Greta', b_lastname: 'Gast', b_city: 'Köln', b_country: 'DE', s_firstname: 'Greta', s_lastname: 'Gast', s_city: 'Köln', s_country: 'DE' };

  it('creates an Open order priced from the catalogue and answers 201 {"order_id"}', async () => {
    const next = section.next.order;
    const r = await create({ user_id: '3', payment_id: '2', shipping_id: '1', products: { a: { product_id: '14', amount: '2', product_options: { 1: '3' } }, 13: { amount: 1, price: '0.01' } } });
    expect(r).toMatchObject({ status: 201, body: { order_id: String(next) } });
    const o = (await api<CsOrder>('GET', `/orders/${next}`)).body;
    expect(o).toMatchObject({ status: 'O', user_id: '3', firstname: 'Anna', timestamp: String(Math.floor(NOW / 1000)) });
    const lines = Object.values(o.products as Record<string, { product_id: string; price: string; amount: string; product_options: Array<{ variant_name: string }> }>).sort((a, b) => b.product_id.localeCompare(a.product_id));
    // The price in the request is not the shop's: the catalogue's is.
    expect(lines.map((l) => [l.product_id, l.price, l.amount])).toEqual([['14', '24.90', '2'], ['13', '4.99', '1']]);
    expect(lines[0]!.product_options.map((x) => x.variant_name)).toEqual(['L']);
    // A new order is the newest by date, and in the window of its creation.
    expect((await list('?items_per_page=1')).body.orders[0]!.order_id).toBe(String(next));
    expect((await list(`?updated_at_from=${Math.floor(NOW / 1000)}`)).body.orders.map((x) => x.order_id)).toContain(String(next));
  });

  it('takes a guest with user_data', async () => {
    const r = await create({ user_data: guest, payment_id: 2, shipping_id: 1, products: { 12: { product_id: 12, amount: 1 } } });
    expect(r.status).toBe(201);
    const o = (await api<CsOrder>('GET', `/orders/${r.body.order_id}`)).body;
    expect(o).toMatchObject({ user_id: '0', email: 'gast@example.de', firstname: 'Greta', b_city: 'Köln', s_country: 'DE' });
  });

  it.each([
    ['no products', { user_id: '3', payment_id: '2', shipping_id: '1' }, /products/],
    ['no customer', { payment_id: '2', shipping_id: '1', products: { 12: { amount: 1 } } }, /user_id/],
    ['no shipping method', { user_id: '3', payment_id: '2', products: { 12: { amount: 1 } } }, /shipping_id/],
    ['an unknown product', { user_id: '3', payment_id: '2', shipping_id: '1', products: { 99: { amount: 1 } } }, /no product 99/],
    ['an unknown customer', { user_id: '999', payment_id: '2', shipping_id: '1', products: { 12: { amount: 1 } } }, /user_id 999/],
    ['an amount of 0', { user_id: '3', payment_id: '2', shipping_id: '1', products: { 12: { amount: 0 } } }, /amount/],
    ['a guest without e-mail', { user_data: { ...guest, email: '' }, payment_id: '2', shipping_id: '1', products: { 12: { amount: 1 } } }, /email/],
    ['an array', [], /JSON object/],
  ])('refuses %s with 400 and creates nothing', async (_what, body, message) => {
    const count = section.orders.length;
    const r = await create(body);
    expect(r.status).toBe(400);
    expect((r.body as unknown as { message: string }).message).toMatch(/^Bad Request: /);
    expect((r.body as unknown as { message: string }).message).toMatch(message);
    expect(section.orders).toHaveLength(count);
  });
});

describe('CS-Cart dialect: GET /orders/search/', () => {
  it('answers the detailed orders with that vendor_ref, 404 when none, 400 without one', async () => {
    const shared = `VR-${1000 + 1}`; // seeded on two orders
    const r = await api<CsOrder[]>('GET', `/orders/search/?vendor_ref=${shared}`);
    expect(r.status).toBe(200);
    expect(r.body.map((o) => o.order_id).sort()).toEqual([String(FIRST_ORDER_ID + 1), String(FIRST_ORDER_ID + 2)]);
    expect(r.body[0]).toHaveProperty('products');
    expect(r.body.every((o) => o.vendor_ref === shared)).toBe(true);
    const none = await api('GET', '/orders/search/?vendor_ref=nothing-like-it');
    expect(none).toMatchObject({ status: 404, body: { message: 'Not Found: Your search did not return any results', status: 404 } });
    expect((await api('GET', '/orders/search/')).status).toBe(400);
  });
});

describe('seeded CS-Cart orders', () => {
  const seeded = (seed: number, orders: number) => seedState(seed, orders).platforms.cscart as CsSection;

  it('are the same for the same seed, dated before the reference day, with every letter of the seed', () => {
    expect(JSON.stringify(seeded(7, 40))).toBe(JSON.stringify(seeded(7, 40)));
    expect(JSON.stringify(seeded(8, 40))).not.toBe(JSON.stringify(seeded(7, 40)));
    for (const [seed, n] of [[1, 11], [7, 60]] as const) {
      const letters = new Set(seeded(seed, n).orders.map((o) => o.status));
      expect([...letters].sort()).toEqual(['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'N', 'O', 'P']);
    }
    for (const o of seeded(7, 60).orders) {
      expect(o.updated_at).toBeGreaterThanOrEqual(o.timestamp);
      expect(o.updated_at * 1000).toBeLessThan(Date.UTC(2026, 10, 1));
    }
  });
});
