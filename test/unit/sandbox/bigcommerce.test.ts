// The BigCommerce dialect over real HTTP: what a client of Orders V2 sees.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatMoney, parseMoney } from '../../../src/sandbox/dialects/bigcommerce/index.js';
import type { BcError, BcOrder, BcOrderCount, BcOrderProduct, BcShipment, BcShippingAddress } from '../../../src/platforms/bigcommerce/types.js';
import { apiFor, NOW, openSandbox, type Api, type Opened } from './support.js';

let sb: Opened;
let api: Api;
beforeEach(async () => {
  sb = await openSandbox();
  api = sb.api;
});
afterEach(() => sb.close());

const RFC_NOW = 'Mon, 23 Nov 2026 12:00:00 +0000';

async function all(query = ''): Promise<BcOrder[]> {
  const r = await api<BcOrder[]>('GET', `/orders?limit=250${query}`);
  return r.status === 204 ? [] : r.body;
}

async function orderWith(statusId: number, oneAddress = true): Promise<BcOrder> {
  for (const o of await all(`&status_id=${statusId}`)) {
    const addresses = await api<BcShippingAddress[]>('GET', `/orders/${o.id}/shipping_addresses`);
    if (!oneAddress || addresses.body.length === 1) return o;
  }
  throw new Error(`no order with status ${statusId}`);
}

describe('authentication', () => {
  it('refuses a missing or wrong X-Auth-Token with 401 and the v2 error array', async () => {
    for (const token of [undefined, 'wrong']) {
      const other = apiFor(sb.sandbox.baseUrls.bigcommerce!, token);
      const r = await other<BcError[]>('GET', '/orders');
      await other.close();
      expect(r.status).toBe(401);
      expect(r.body).toEqual([{ status: 401, message: expect.any(String) }]);
      expect(r.headers['x-rate-limit-requests-quota']).toBe('150');
    }
  });

  it('reads the header name case-insensitively and accepts any store hash', async () => {
    const base = sb.sandbox.baseUrls.bigcommerce!.replace('/stores/sandbox/', '/stores/abc123/');
    const other = apiFor(base, undefined);
    const r = await other<BcOrder[]>('GET', '/orders?limit=1', undefined, { 'X-AUTH-TOKEN': sb.sandbox.token });
    await other.close();
    expect(r.status).toBe(200);
    expect(r.body[0]!.products.url).toBe(`${base}/orders/100/products`);
  });
});

describe('GET /orders', () => {
  it('answers a bare array of 50 by default, id ascending', async () => {
    const sb60 = await openSandbox({ orders: 60 });
    const r = await sb60.api<BcOrder[]>('GET', '/orders');
    await sb60.close();
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.body.map((o) => o.id)).toEqual(Array.from({ length: 50 }, (_, i) => 100 + i));
  });

  it('pages with page and limit, and answers 204 with no body past the last page', async () => {
    const p1 = await api<BcOrder[]>('GET', '/orders?limit=15&page=1');
    const p3 = await api<BcOrder[]>('GET', '/orders?limit=15&page=3');
    const p4 = await api('GET', '/orders?limit=15&page=4');
    expect(p1.body.map((o) => o.id)[0]).toBe(100);
    expect(p3.body.map((o) => o.id)).toEqual(Array.from({ length: 10 }, (_, i) => 130 + i));
    expect(p4.status).toBe(204);
    expect(p4.text).toBe('');
  });

  it('answers 204 when nothing matches', async () => {
    const r = await api('GET', '/orders?email=nobody%40nowhere.invalid');
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
  });

  it('refuses a limit over 250 with 413, and non-integer page or limit with 400', async () => {
    const big = await api<BcError[]>('GET', '/orders?limit=251');
    expect(big.status).toBe(413);
    expect(big.body[0]!.status).toBe(413);
    expect((await api('GET', '/orders?limit=250')).status).toBe(200);
    for (const q of ['limit=ten', 'limit=1.5', 'page=0', 'page=x', 'limit=0']) {
      const r = await api<BcError[]>('GET', `/orders?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body).toEqual([{ status: 400, message: expect.any(String) }]);
    }
  });

  it('filters by id range, status, customer, email and total', async () => {
    const every = await all();
    expect((await all('&min_id=110&max_id=112')).map((o) => o.id)).toEqual([110, 111, 112]);
    const eleven = await all('&status_id=11');
    expect(eleven.length).toBeGreaterThan(0);
    expect(eleven.every((o) => o.status_id === 11)).toBe(true);
    const customer = every.find((o) => o.customer_id > 0)!;
    const byCustomer = await all(`&customer_id=${customer.customer_id}`);
    expect(byCustomer.map((o) => o.id)).toEqual(every.filter((o) => o.customer_id === customer.customer_id).map((o) => o.id));
    const email = customer.billing_address.email!;
    expect((await all(`&email=${encodeURIComponent(email.toUpperCase())}`)).map((o) => o.id)).toContain(customer.id);
    const totals = every.map((o) => Number(o.total_inc_tax)).sort((a, b) => a - b);
    const mid = totals[Math.floor(totals.length / 2)]!;
    const above = await all(`&min_total=${mid}`);
    expect(above.every((o) => Number(o.total_inc_tax) >= mid)).toBe(true);
    expect(above.length + (await all(`&max_total=${mid}`)).length).toBe(every.length + every.filter((o) => Number(o.total_inc_tax) === mid).length);
    expect((await api('GET', '/orders?min_id=abc')).status).toBe(400);
  });

  it('filters by created and modified windows in RFC 2822 or ISO 8601', async () => {
    const every = await all();
    const mid = every[20]!;
    const iso = new Date(Date.parse(mid.date_created)).toISOString();
    const fromIso = await all(`&min_date_created=${encodeURIComponent(iso)}`);
    const fromRfc = await all(`&min_date_created=${encodeURIComponent(mid.date_created)}`);
    expect(fromIso.map((o) => o.id)).toEqual(fromRfc.map((o) => o.id));
    expect(fromIso[0]!.id).toBe(mid.id);
    const until = await all(`&max_date_created=${encodeURIComponent(mid.date_created)}`);
    expect(until.at(-1)!.id).toBe(mid.id);
    const modified = await all(`&max_date_modified=${encodeURIComponent(mid.date_modified)}`);
    expect(modified.every((o) => Date.parse(o.date_modified) <= Date.parse(mid.date_modified))).toBe(true);
    const bad = await api<BcError[]>('GET', '/orders?min_date_created=last%20tuesday');
    expect(bad.status).toBe(400);
  });

  it('sorts by field:asc|desc, refuses other fields', async () => {
    const byDate = await api<BcOrder[]>('GET', '/orders?sort=date_created:desc&limit=250');
    const dates = byDate.body.map((o) => Date.parse(o.date_created));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const byStatus = await api<BcOrder[]>('GET', '/orders?sort=status_id&limit=250');
    const statuses = byStatus.body.map((o) => o.status_id);
    expect(statuses).toEqual([...statuses].sort((a, b) => a - b));
    expect((await api('GET', '/orders?sort=total:asc')).status).toBe(400);
  });
});

describe('GET /orders/count', () => {
  it('counts all 15 statuses in control-panel order, with the same filters as the list', async () => {
    const c = await api<BcOrderCount>('GET', '/orders/count');
    expect(c.status).toBe(200);
    expect(c.body.count).toBe(40);
    expect(c.body.statuses).toHaveLength(15);
    expect(c.body.statuses.map((s) => s.sort_order)).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(c.body.statuses.reduce((n, s) => n + s.count, 0)).toBe(40);
    expect(Object.keys(c.body.statuses[0]!).sort()).toEqual(['count', 'custom_label', 'id', 'name', 'sort_order', 'system_description', 'system_label']);
    const filtered = await api<BcOrderCount>('GET', '/orders/count?status_id=11');
    expect(filtered.body.count).toBe((await all('&status_id=11')).length);
  });
});

describe('one order', () => {
  it('is found by id, 404 when unknown, 400 when not an integer', async () => {
    const r = await api<BcOrder>('GET', '/orders/105');
    expect(r.body.id).toBe(105);
    expect(r.body.shipping_addresses.resource).toBe('/orders/105/shippingaddresses'); // the spec's own spelling
    expect(await api('GET', '/orders/99999')).toMatchObject({ status: 404, body: [{ status: 404, message: 'The requested resource was not found.' }] });
    expect((await api('GET', '/orders/abc')).status).toBe(400);
  });

  it('lists its products and shipping addresses with page and limit', async () => {
    const products = await api<BcOrderProduct[]>('GET', '/orders/100/products');
    expect(products.body.length).toBeGreaterThan(0);
    expect(products.body[0]!.order_id).toBe(100);
    expect(products.body[0]!.price_inc_tax).toMatch(/^\d+\.\d{4}$/);
    expect((await api('GET', '/orders/100/products?page=9')).status).toBe(204);
    const addresses = await api<BcShippingAddress[]>('GET', '/orders/100/shipping_addresses');
    expect(addresses.body[0]!.order_id).toBe(100);
    expect(addresses.body[0]!.shipping_quotes.resource).toMatch(/^\/orders\/100\/shippingaddresses\/\d+\/shippingquotes$/);
    const one = await api<BcOrderProduct>('GET', `/orders/100/products/${products.body[0]!.id}`);
    expect(one.body.id).toBe(products.body[0]!.id);
  });
});

const BILLING = { first_name: 'Ada', last_name: 'Lovelace', street_1: '1 Analytical Way', city: 'London', state: 'England', zip: 'N1 1AA', country: 'United Kingdom', country_iso2: 'GB', email: 'ada@example.com' };

describe('POST /orders', () => {
  it('creates with custom products, totals in exact 4-decimal strings, status Pending, and answers 200', async () => {
    const r = await api<BcOrder>('POST', '/orders', {
      billing_address: BILLING,
      products: [
        { name: 'Engraving', quantity: 3, price_inc_tax: 0.1, price_ex_tax: 0.1 },
        { name: 'Poster', quantity: 1, price_inc_tax: 10.98, price_ex_tax: '10' },
      ],
    });
    expect(r.status).toBe(200);
    const o = r.body;
    expect(o.id).toBe(140);
    expect(o.status_id).toBe(1);
    expect(o.status).toBe('Pending');
    expect(o.subtotal_inc_tax).toBe('11.2800'); // 0.3 + 10.98, not 11.280000000000001
    expect(o.subtotal_ex_tax).toBe('10.3000');
    expect(o.total_inc_tax).toBe('11.2800');
    expect(o.total_tax).toBe('0.9800');
    expect(o.items_total).toBe(4);
    expect(o.date_created).toBe(RFC_NOW);
    expect(o.date_shipped).toBe('');
    expect(o.customer_id).toBe(0);
    const products = await api<BcOrderProduct[]>('GET', `/orders/${o.id}/products`);
    expect(products.body.map((p) => [p.name, p.product_id, p.quantity, p.total_inc_tax])).toEqual([
      ['Engraving', 0, 3, '0.3000'],
      ['Poster', 0, 1, '10.9800'],
    ]);
    // No shipping_addresses: it ships to the billing address.
    const addresses = await api<BcShippingAddress[]>('GET', `/orders/${o.id}/shipping_addresses`);
    expect(addresses.body).toHaveLength(1);
    expect(addresses.body[0]!.city).toBe('London');
  });

  it('creates with catalogue products and options, a status and shipping addresses', async () => {
    const r = await api<BcOrder>('POST', '/orders', {
      billing_address: { ...BILLING, country_iso2: 'US', country: 'United States' },
      shipping_addresses: [{ first_name: 'Trish', last_name: 'Smith', street_1: '666 Sussex St', city: 'Austin', state: 'Texas', zip: '78751', country: 'United States', country_iso2: 'US', shipping_method: 'Flat Rate' }],
      products: [{ product_id: 118, quantity: 2, product_options: [{ id: 120, value: '70' }, { id: 121, value: '113' }] }],
      status_id: 11,
      customer_id: 3,
      staff_notes: 'from the test',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status_id: 11, status: 'Awaiting Fulfillment', customer_id: 3, staff_notes: 'from the test' });
    const [p] = (await api<BcOrderProduct[]>('GET', `/orders/${r.body.id}/products`)).body;
    expect(p).toMatchObject({ product_id: 118, name: 'Organic Cotton T-Shirt', sku: 'OCT-M-BLU', quantity: 2, price_ex_tax: '28.0000', price_inc_tax: '30.2400' });
    expect(p!.product_options.map((x) => `${x.display_name}: ${x.display_value}`)).toEqual(['Size: M', 'Color: Blue']);
  });

  it('charges and shows one currency: default_currency_code, else the billing country\'s; catalogue prices follow it', async () => {
    const us = { ...BILLING, country_iso2: 'US', country: 'United States' };
    const made = await api<BcOrder>('POST', '/orders', { billing_address: us, default_currency_code: 'eur', products: [{ product_id: 86, quantity: 1 }] });
    expect(made.status).toBe(200);
    // "In v2 display currency is set to the transactional currency" (order_RespOnly.currency_id).
    expect(made.body).toMatchObject({ currency_code: 'EUR', default_currency_code: 'EUR', currency_exchange_rate: '1.0000000000', store_default_to_transactional_exchange_rate: '0.9200000000' });
    expect(made.body.currency_id).toBe(made.body.default_currency_id);
    // The catalogue's 225.00 USD, in euros at the store's rate.
    expect((await api<BcOrderProduct[]>('GET', `/orders/${made.body.id}/products`)).body[0]!.price_ex_tax).toBe('207.0000');
    const byCountry = await api<BcOrder>('POST', '/orders', { billing_address: BILLING, products: [{ name: 'x', quantity: 1, price_inc_tax: 1, price_ex_tax: 1 }] });
    expect(byCountry.body.default_currency_code).toBe('GBP');
    // One id names one code, whichever field carries it.
    expect(byCountry.body.currency_id).not.toBe(made.body.currency_id);
    // Not a store currency; and read-only on PUT (order_Put marks it readOnly).
    expect((await api<BcError[]>('POST', '/orders', { billing_address: us, default_currency_code: 'SEK', products: [{ product_id: 86, quantity: 1 }] })).status).toBe(400);
    const put = await api<BcError[]>('PUT', `/orders/${made.body.id}`, { default_currency_code: 'USD' });
    expect(put.status).toBe(400);
    expect(put.body[0]!.message).toMatch(/'default_currency_code' cannot be written/);
    // A line added later is priced in the currency the order charges, not the billing country's.
    const added = await api<BcOrder>('PUT', `/orders/${made.body.id}`, { products: [{ product_id: 86, quantity: 1 }] });
    expect(added.body.subtotal_ex_tax).toBe('414.0000');
  });

  it('refuses a body without billing_address or products, mixed consignments, bad status or lines', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ products: [{ name: 'x', quantity: 1, price_inc_tax: 1, price_ex_tax: 1 }] }, /billing_address/],
      [{ billing_address: BILLING }, /products/],
      [{ billing_address: BILLING, products: [] }, /products/],
      [{ billing_address: BILLING, products: [{ name: 'x', quantity: 1, price_inc_tax: 1, price_ex_tax: 1 }], consignments: { pickups: [] } }, /consignments/],
      [{ billing_address: BILLING, products: [{ name: 'x', quantity: 1, price_inc_tax: 1, price_ex_tax: 1 }], status_id: 15 }, /status_id/],
      [{ billing_address: BILLING, products: [{ name: 'x', quantity: 0, price_inc_tax: 1, price_ex_tax: 1 }] }, /quantity/],
      [{ billing_address: BILLING, products: [{ name: 'x', quantity: 1 }] }, /price_ex_tax/],
      [{ billing_address: BILLING, products: [{ product_id: 424242, quantity: 1 }] }, /424242/],
      [{ billing_address: BILLING, products: [{ name: 'x', quantity: 1, price_inc_tax: 1, price_ex_tax: 1 }], id: 5 }, /'id' cannot be written/],
      [[1, 2], /JSON object/],
    ];
    for (const [body, message] of cases) {
      const r = await api<BcError[]>('POST', '/orders', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body[0]!.message).toMatch(message);
    }
    const notJson = await api<BcError[]>('POST', '/orders', '{"billing_address":');
    expect(notJson.status).toBe(400);
    expect((await api<BcOrderCount>('GET', '/orders/count')).body.count).toBe(40);
  });
});

describe('PUT /orders/{id}', () => {
  it('clears the discounts of the line items it changes, and only theirs (spec updateOrder)', async () => {
    const discounted = (await all()).filter((o) => o.discount_amount !== '0.0000');
    expect(discounted.length).toBeGreaterThan(0);
    const o = discounted[0]!;
    const lines = (await api<BcOrderProduct[]>('GET', `/orders/${o.id}/products`)).body;
    const [withCoupon] = lines.filter((p) => p.applied_discounts.length);
    expect(withCoupon!.applied_discounts[0]!.amount).toBe(o.discount_amount);
    // A PUT that touches no line keeps the discount.
    expect((await api<BcOrder>('PUT', `/orders/${o.id}`, { staff_notes: 'kept' })).body.discount_amount).toBe(o.discount_amount);
    const r = await api<BcOrder>('PUT', `/orders/${o.id}`, { products: [{ id: withCoupon!.id, quantity: withCoupon!.quantity }] });
    expect(r.body.discount_amount).toBe('0.0000');
    expect(parseMoney(r.body.total_inc_tax)! - parseMoney(o.total_inc_tax)!).toBe(parseMoney(o.discount_amount));
    const after = (await api<BcOrderProduct[]>('GET', `/orders/${o.id}/products`)).body.find((p) => p.id === withCoupon!.id)!;
    expect(after.applied_discounts).toEqual([]);
    expect(after.discounted_total_inc_tax).toBe(after.total_inc_tax);
  });

  it('changes only what it is given and moves date_modified to now', async () => {
    const before = (await api<BcOrder>('GET', '/orders/104')).body;
    const r = await api<BcOrder>('PUT', '/orders/104', { status_id: 5, staff_notes: 'called', customer_message: 'line 1\nline 2', billing_address: { phone: '+1 555 0100' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status_id: 5, status: 'Cancelled', staff_notes: 'called', customer_message: 'line 1\nline 2', date_modified: RFC_NOW });
    expect(r.body.billing_address).toEqual({ ...before.billing_address, phone: '+1 555 0100' });
    expect(r.body.date_created).toBe(before.date_created);
    expect((await api<BcOrder>('GET', '/orders/104')).body.status_id).toBe(5);
    expect(sb.sandbox.store.changeCount('bigcommerce', 104)).toBe(1);
  });

  it('adds a product without id, updates one with id, removes one with quantity 0', async () => {
    const o = await orderWith(1);
    const [first] = (await api<BcOrderProduct[]>('GET', `/orders/${o.id}/products`)).body;
    const added = await api<BcOrder>('PUT', `/orders/${o.id}`, { products: [{ name: 'Gift card', quantity: 2, price_inc_tax: 5, price_ex_tax: 5 }, { id: first!.id, quantity: 4, price_inc_tax: 1.5 }] });
    expect(added.status).toBe(200);
    let lines = (await api<BcOrderProduct[]>('GET', `/orders/${o.id}/products`)).body;
    expect(lines.at(-1)).toMatchObject({ name: 'Gift card', quantity: 2, total_inc_tax: '10.0000' });
    expect(lines.find((p) => p.id === first!.id)).toMatchObject({ quantity: 4, price_inc_tax: '1.5000', total_inc_tax: '6.0000' });
    expect(added.body.subtotal_inc_tax).toBe(formatMoney(lines.reduce((n, p) => n + parseMoney(p.total_inc_tax)!, 0)));
    await api('PUT', `/orders/${o.id}`, { products: [{ id: first!.id, quantity: 0 }] });
    lines = (await api<BcOrderProduct[]>('GET', `/orders/${o.id}/products`)).body;
    expect(lines.map((p) => p.id)).not.toContain(first!.id);
    expect(sb.sandbox.store.changeCount('bigcommerce', o.id)).toBe(2);
  });

  it('refuses a bad status, an unknown product line, read-only fields; and changes nothing then', async () => {
    const before = (await api<BcOrder>('GET', '/orders/106')).body;
    for (const body of [{ status_id: 15 }, { status_id: '2' }, { staff_notes: 'x', products: [{ id: 1, quantity: 1 }] }, { subtotal_tax: '1.0000' }, { staff_notes: 5 }]) {
      const r = await api<BcError[]>('PUT', '/orders/106', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    expect((await api<BcOrder>('GET', '/orders/106')).body).toEqual(before);
    expect(sb.sandbox.store.changeCount('bigcommerce', 106)).toBe(0);
    expect((await api('PUT', '/orders/99999', { status_id: 1 })).status).toBe(404);
  });
});

describe('DELETE (archive)', () => {
  it('archives one order: 204; it is still read, with is_deleted: true (spec), and leaves lists and counts [I]', async () => {
    const r = await api('DELETE', '/orders/107');
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    const got = await api<BcOrder>('GET', '/orders/107');
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: 107, is_deleted: true, date_modified: RFC_NOW });
    expect((await api<BcOrderProduct[]>('GET', '/orders/107/products')).status).toBe(200);
    expect((await all()).map((o) => o.id)).not.toContain(107);
    expect((await api<BcOrderCount>('GET', '/orders/count')).body.count).toBe(39);
    // Archiving it again answers 204 and changes nothing.
    expect((await api('DELETE', '/orders/107')).status).toBe(204);
    expect(sb.sandbox.store.changeCount('bigcommerce', 107)).toBe(1);
    expect((await api('DELETE', '/orders/99999')).status).toBe(404);
  });

  it('archives with a PUT of is_deleted: true, as the spec says; false restores nothing [I]', async () => {
    expect((await api<BcOrder>('PUT', '/orders/108', { is_deleted: true })).body.is_deleted).toBe(true);
    expect((await all()).map((o) => o.id)).not.toContain(108);
    expect((await api<BcOrder>('PUT', '/orders/108', { is_deleted: false })).body.is_deleted).toBe(true);
    expect((await api('PUT', '/orders/108', { is_deleted: 'yes' })).status).toBe(400);
  });

  it('archives every order with DELETE /orders', async () => {
    expect((await api('DELETE', '/orders')).status).toBe(204);
    expect((await api('GET', '/orders')).status).toBe(204);
    expect((await api<BcOrderCount>('GET', '/orders/count')).body.count).toBe(0);
    expect(sb.sandbox.store.changeCount('bigcommerce', 100)).toBe(1);
  });
});

describe('shipments', () => {
  it('answers 204 when an order has none, and counts them', async () => {
    const o = await orderWith(11);
    expect((await api('GET', `/orders/${o.id}/shipments`)).status).toBe(204);
    expect((await api('GET', `/orders/${o.id}/shipments/count`)).body).toEqual({ count: 0 });
  });

  it('ships part, then the rest: 201, quantities, status 3 then 2, date_shipped', async () => {
    const o = await orderWith(11);
    const [address] = (await api<BcShippingAddress[]>('GET', `/orders/${o.id}/shipping_addresses`)).body;
    const lines = (await api<BcOrderProduct[]>('GET', `/orders/${o.id}/products`)).body;
    const first = lines[0]!;
    const part = await api<BcShipment>('POST', `/orders/${o.id}/shipments`, { order_address_id: address!.id, items: [{ order_product_id: first.id, quantity: 1 }], tracking_number: '1Z999', shipping_provider: 'ups', comments: 'first box' });
    expect(part.status).toBe(201);
    expect(part.body).toMatchObject({ order_id: o.id, order_address_id: address!.id, tracking_number: '1Z999', shipping_provider: 'ups', shipping_provider_display_name: 'UPS', comments: 'first box', date_created: RFC_NOW, items: [{ order_product_id: first.id, product_id: first.product_id, quantity: 1 }] });
    expect(part.body.generated_tracking_link).toContain('1Z999');
    const rest = lines.map((p) => ({ order_product_id: p.id, quantity: p.quantity - (p.id === first.id ? 1 : 0) })).filter((i) => i.quantity > 0);
    let after = (await api<BcOrder>('GET', `/orders/${o.id}`)).body;
    if (rest.length) {
      expect(after).toMatchObject({ status_id: 3, items_shipped: 1, date_shipped: '' });
      const second = await api<BcShipment>('POST', `/orders/${o.id}/shipments`, { order_address_id: address!.id, items: rest, tracking_link: 'https://example.com/t/1' });
      expect(second.status).toBe(201);
      expect(second.body.generated_tracking_link).toBe('');
      after = (await api<BcOrder>('GET', `/orders/${o.id}`)).body;
    }
    expect(after).toMatchObject({ status_id: 2, status: 'Shipped', items_shipped: after.items_total, date_shipped: RFC_NOW, date_modified: RFC_NOW });
    const shipped = (await api<BcOrderProduct[]>('GET', `/orders/${o.id}/products`)).body;
    expect(shipped.every((p) => p.quantity_shipped === p.quantity)).toBe(true);
    const list = await api<BcShipment[]>('GET', `/orders/${o.id}/shipments`);
    expect(list.body).toHaveLength(rest.length ? 2 : 1);
    expect((await api('GET', `/orders/${o.id}/shipments/count`)).body).toEqual({ count: list.body.length });
    expect(sb.sandbox.store.changeCount('bigcommerce', o.id)).toBe(list.body.length);
  });

  it('refuses what cannot ship: missing fields, a foreign address, too many, a long tracking number, a carrier that is no slug', async () => {
    const o = await orderWith(11);
    const [address] = (await api<BcShippingAddress[]>('GET', `/orders/${o.id}/shipping_addresses`)).body;
    const [line] = (await api<BcOrderProduct[]>('GET', `/orders/${o.id}/products`)).body;
    const ok = { order_address_id: address!.id, items: [{ order_product_id: line!.id, quantity: 1 }] };
    const cases: unknown[] = [
      { items: ok.items },
      { order_address_id: address!.id },
      { ...ok, items: [] },
      { ...ok, order_address_id: 1 },
      { ...ok, items: [{ order_product_id: line!.id, quantity: line!.quantity + 1 }] },
      { ...ok, items: [{ order_product_id: 1, quantity: 1 }] },
      { ...ok, tracking_number: 'x'.repeat(51) },
      { ...ok, shipping_provider: 'pigeon' },
      // tracking_carrier is "" or an AfterShip courier slug (spec createOrderShipments).
      { ...ok, tracking_carrier: 'Royal Mail' },
      { ...ok, tracking_carrier: 'DHL Express!' },
    ];
    for (const body of cases) {
      const r = await api<BcError[]>('POST', `/orders/${o.id}/shipments`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body[0]!.status).toBe(400);
    }
    expect((await api<BcOrder>('GET', `/orders/${o.id}`)).body.items_shipped).toBe(0);
    expect((await api('POST', '/orders/99999/shipments', ok)).status).toBe(404);
  });
});

describe('PUT /orders/{id}/shipments/{id}', () => {
  it('changes the fields given and the links that follow them; refuses what POST refuses, changing nothing', async () => {
    const o = await orderWith(11);
    const [address] = (await api<BcShippingAddress[]>('GET', `/orders/${o.id}/shipping_addresses`)).body;
    const [line] = (await api<BcOrderProduct[]>('GET', `/orders/${o.id}/products`)).body;
    const made = (await api<BcShipment>('POST', `/orders/${o.id}/shipments`, { order_address_id: address!.id, items: [{ order_product_id: line!.id, quantity: 1 }], tracking_number: 'AB1', shipping_provider: 'ups' })).body;
    const path = `/orders/${o.id}/shipments/${made.id}`;
    const moved = await api<BcShipment>('PUT', path, { shipping_provider: '', tracking_carrier: 'royal-mail', tracking_number: 'RM2' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ shipping_provider: '', tracking_carrier: 'royal-mail', tracking_number: 'RM2', shipping_provider_display_name: '' });
    expect(moved.body.generated_tracking_link).toBe('https://track.aftership.com/RM2');
    const cases: unknown[] = [
      // orderShipment_Put takes tracking_carrier as POST does: "" or an AfterShip courier slug.
      { tracking_carrier: 'Royal Mail', tracking_number: 'X' },
      { tracking_carrier: 'DHL Express!' },
      { shipping_provider: 'pigeon', tracking_number: 'X' },
      { items: [] },
      { order_address_id: 1, tracking_number: 'X' },
    ];
    for (const body of cases) {
      const r = await api<BcError[]>('PUT', path, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    expect((await api<BcShipment>('GET', path)).body).toEqual(moved.body);
  });
});

describe('other paths', () => {
  it('lists order statuses', async () => {
    const r = await api<Array<{ id: number; name: string; order: number }>>('GET', '/order_statuses');
    expect(r.body.map((s) => s.name)).toContain('Manual Verification Required');
    // Every example row carries `order`, the control panel's position (sort_order in /orders/count).
    expect(r.body.slice(0, 3).map((s) => [s.id, s.order])).toEqual([[0, 0], [1, 1], [2, 8]]);
    expect((await api<{ name: string }>('GET', '/order_statuses/14')).body.name).toBe('Partially Refunded');
  });

  it('answers 404 for unknown paths and 405 for unsupported methods, in the error array', async () => {
    expect(await api('GET', '/customers')).toMatchObject({ status: 404, body: [{ status: 404 }] });
    expect(await api('PATCH', '/orders/100')).toMatchObject({ status: 405, body: [{ status: 405 }] });
  });

  it('answers 404 JSON for a path no platform serves', async () => {
    const root = apiFor(sb.sandbox.url, undefined);
    const r = await root<{ message: string }>('GET', '/nowhere/orders');
    await root.close();
    expect(r.status).toBe(404);
    expect(r.body.message).toMatch(/\/nowhere\/orders/);
  });
});

it('uses the injected clock for new orders', async () => {
  expect(NOW).toBe(Date.parse(RFC_NOW));
});
