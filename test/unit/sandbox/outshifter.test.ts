// The sandbox's Outshifter dialect over real HTTP: the documented answers
// (seeds/outshifter-*.txt) with their mix of snake_case and camelCase, the
// buying flow from cart to paid order, flat rates per product and country,
// cancellation rules, and checkouts deleted 60 days after their last change.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTSHIFTER, type OsSection } from '../../../src/sandbox/dialects/outshifter/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/server.js';
import { apiFor, NOW, type Api } from './support.js';

let sandbox: Sandbox;
let api: Api;
let now = NOW;
let root: Api;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7, orders: 30, now: () => now });
  // The raw API key in Authorization: no X-Auth-Token, no scheme.
  const base = apiFor(sandbox.baseUrls.outshifter!, undefined);
  api = Object.assign(<T,>(m: string, p: string, b?: unknown, h: Record<string, string> = {}) => base<T>(m, p, b, { authorization: sandbox.token, ...h }), { close: base.close }) as Api;
  root = apiFor(`${sandbox.url}/outshifter`, undefined);
});
afterAll(async () => {
  await api.close();
  await root.close();
  await sandbox.close();
});

const section = () => sandbox.store.section<OsSection>(OUTSHIFTER);
/** "deleted after 60 days from the last modification" (seed). */
const SIXTY_DAYS = 60 * 86_400_000;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('Outshifter sandbox: auth and errors', () => {
  it('takes the raw key in Authorization; a scheme, a wrong key or none is a 401 in {statusCode,message,error}', async () => {
    const base = apiFor(sandbox.baseUrls.outshifter!, undefined);
    try {
      expect((await base('GET', '/checkout/payment-methods', undefined, { authorization: sandbox.token })).status).toBe(200);
      const bearer = await base<Json>('GET', '/checkout/payment-methods', undefined, { authorization: `Bearer ${sandbox.token}` });
      expect(bearer.status).toBe(401);
      expect(bearer.body).toEqual({ statusCode: 401, message: 'Send the API key itself in the Authorization header, without a scheme', error: 'Unauthorized' });
      expect((await base('GET', '/checkout/payment-methods', undefined, { authorization: 'wrong' })).status).toBe(401);
      expect((await base('GET', '/checkout/payment-methods')).status).toBe(401);
    } finally {
      await base.close();
    }
  });

  it('an unknown path is a 404 in the same shape', async () => {
    const r = await api<Json>('GET', '/nothing/here');
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});

describe('Outshifter sandbox: orders', () => {
  it('lists a storefront’s orders, newest first, by status and a date window over the last change', async () => {
    const all = (await api<Json[]>('GET', '/orders?storefront=sandbox')).body;
    const mine = section().orders.filter((o) => o.storefront === 'sandbox');
    expect(all.map((o) => o.id)).toEqual(mine.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).map((o) => o.id));
    expect(all.every((o) => o.storefront === 'sandbox')).toBe(true);
    const outlet = (await api<Json[]>('GET', '/orders?storefront=outlet')).body;
    expect(outlet.length).toBeGreaterThan(0);
    const completed = (await api<Json[]>('GET', '/orders?storefront=sandbox&status=COMPLETED')).body;
    expect(completed.length).toBeGreaterThan(0);
    expect(completed.every((o) => o.status === 'COMPLETED')).toBe(true);
    const day = all[3]!.updatedAt.slice(0, 10);
    const window = (await api<Json[]>('GET', `/orders?storefront=sandbox&dateFrom=${day}&dateTo=${day}`)).body;
    expect(window.map((o) => o.id)).toContain(all[3]!.id);
    expect(window.every((o) => o.updatedAt.slice(0, 10) === day)).toBe(true);
  });

  it('refuses a list without a storefront, a malformed status and a bad date with 400 and a message list; an unknown status matches nothing', async () => {
    expect((await api<Json>('GET', '/orders')).body).toMatchObject({ statusCode: 400, message: ['storefront is required: orders are listed per channel storefront'] });
    expect((await api('GET', '/orders?storefront=sandbox&status=LOST%21')).status).toBe(400);
    expect(await api('GET', '/orders?storefront=sandbox&status=LOST')).toMatchObject({ status: 200, body: [] });
    expect((await api<Json>('GET', '/orders?storefront=sandbox&dateFrom=July')).body.message).toEqual(['dateFrom must be a date such as 2021-07-01']);
  });

  it('gets an order in the documented shape; 404 for an unknown one', async () => {
    const o = (await api<Json>('GET', '/orders/3200')).body;
    expect(Object.keys(o)).toEqual(expect.arrayContaining(['createdAt', 'updatedAt', 'id', 'channel', 'channelId', 'channelOrderName', 'channelCreatedDate', 'shippingPrice', 'shippingTitle', 'shippingCode', 'customer', 'items', 'reseller', 'trackings']));
    expect(o.shippingPrice).toMatch(/^\d+\.\d{2}$/);
    expect((await api('GET', '/orders/1')).status).toBe(404);
  });

  it('creates an order from the documented body (201), and refuses a bad one with every problem named', async () => {
    const body = {
      channel: 'Partner',
      channelId: '5',
      channelOrderName: '#9001',
      channelCreatedDate: '1994-11-05T13:15:30Z',
      paymentProcessor: 'Klarna',
      currency: 'NOK',
      customer: { fullName: 'Jane Doe', email: 'jane@example.com', phone: '+4563727263', shippingContactName: 'Jane Doe', shippingAddress: 'my street', shippingCity: 'Oslo', shippingState: 'Oslo', shippingZip: '0150', billingCountry: 'NO' },
      items: [{ productId: 25, quantity: 1, priceChannel: 100, variantTitle: 'M-White' }],
      shippingItems: [{ code: '1214089-FRP', title: 'Flat rate price to NO', price: 25 }],
    };
    const r = await api<Json>('POST', '/orders', body);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ channelOrderName: '#9001', status: 'PAID', shippingPrice: '25.00', shippingCode: '1214089-FRP', items: [{ productId: 25, title: 'Organic T-shirt', priceChannel: '100.00', status: 'PAID' }] });
    const bad = await api<Json>('POST', '/orders', { ...body, items: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['items must be a non-empty list']);
  });

  it('cancels an item (PUT …/items/:itemId CANCELED); the last one cancels the order; after shipping: 409 saying a return is needed', async () => {
    const multi = section().orders.find((o) => o.status === 'PAID' && (o.items?.length ?? 0) > 1)!;
    const [first, ...rest] = multi.items!;
    const before = sandbox.store.changeCount(OUTSHIFTER, multi.id);
    const one = await api<Json>('PUT', `/orders/${multi.id}/items/${first!.id}`, { status: 'CANCELED' });
    expect(one.status).toBe(200);
    expect(one.body.status).toBe('PAID');
    expect(one.body.items[0].status).toBe('CANCELED');
    // Cancelling it again changes nothing.
    await api('PUT', `/orders/${multi.id}/items/${first!.id}`, { status: 'CANCELED' });
    expect(sandbox.store.changeCount(OUTSHIFTER, multi.id)).toBe(before + 1);
    for (const i of rest) await api('PUT', `/orders/${multi.id}/items/${i.id}`, { status: 'CANCELED' });
    expect((await api<Json>('GET', `/orders/${multi.id}`)).body.status).toBe('CANCELED');

    const shipped = section().orders.find((o) => o.status === 'SHIPPED')!;
    const refused = await api<Json>('PUT', `/orders/${shipped.id}/items/${shipped.items![0]!.id}`, { status: 'CANCELED' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/can no longer be canceled\. A return must be initiated/);
    expect((await api('PUT', `/orders/${shipped.id}/items/999999`, { status: 'CANCELED' })).status).toBe(404);
    expect((await api('PUT', `/orders/${shipped.id}/items/${shipped.items![0]!.id}`, { status: 'PAID' })).status).toBe(400);
  });
});

describe('Outshifter sandbox: cart, checkout, payment', () => {
  it('runs the documented flow: cart, items, checkout, address, rate, payment, the shopper pays', async () => {
    const created = await api<Json>('POST', '/cart', { customer_session_id: '92sdj34234', currency: 'NOK' });
    expect(created.status).toBe(201);
    // POST /cart answers total_amount as a number (seed).
    expect(created.body).toMatchObject({ customer_session_id: '92sdj34234', line_items: [], total_amount: 0, currency: 'NOK' });
    const cart = created.body.cart_id as string;

    const added = await api<Json>('POST', `/cart/${cart}/item/add`, { line_items: [{ product_id: 4018, variant_id: 40181, quantity: 1 }, { product_id: 112000, variant_id: null, quantity: 2, price_data: { unit_price: '150.00', tax: '30', currency: 'NOK' } }] });
    expect(added.status).toBe(201);
    // The add answer: numbers, product titles (seed).
    expect(added.body.line_items[1]).toMatchObject({ product_id: 112000, product_title: 'Enamel Mug', product_image: [], quantity: 2, price_data: { unit_price: 150, tax: 30, currency: 'NOK' } });
    const got = (await api<Json>('GET', `/cart/${cart}`)).body;
    // GET: strings (seed).
    expect(got.line_items[0].price_data).toEqual({ unit_price: '1299.00', tax: '259.80', currency: 'NOK' });
    expect(got.total_amount).toBe('1599.00');

    const mug = got.line_items[1].id;
    expect((await api<Json>('PATCH', `/cart/${cart}/item/update/${mug}`, { qty: 3 })).body).toEqual({ message: 'The item was updated successfully' });
    expect((await api('PATCH', `/cart/${cart}/item/update/${mug}`, { qty: 0 })).status).toBe(400);

    const co = await api<Json>('POST', '/checkout', { cart_id: cart });
    expect(co.status).toBe(201);
    // The checkout's cart is camelCase (seed).
    expect(co.body).toMatchObject({ status: 'ACTIVE', total_price: '1749.00', total_line_items_price: 1749, email: null, checkout_url: null, billing_address: null, shipping_address: null, availablePaymentMethods: [] });
    expect(co.body.cart).toMatchObject({ id: cart, line_items: [{ variantId: 40181, priceData: { unitPrice: '1299.00' } }, {}] });
    const id = co.body.id as string;

    // Payment needs name, e-mail, shipping, billing, method and rate (seed): each missing one is named.
    const early = await api<Json>('PATCH', `/checkout/${id}/payment`, { payment_method: 'Stripe' });
    expect(early.status).toBe(400);
    expect(early.body.message).toEqual([
      'personal information is missing: shipping_address.first_name, shipping_address.last_name, email',
      'shipping information is missing: shipping_address.address1, shipping_address.city, shipping_address.zip, shipping_address.country_code',
      'billing information is missing: billing_address.first_name, billing_address.last_name, billing_address.address1, billing_address.city, billing_address.zip, billing_address.country_code',
      'shipping rate is missing',
    ]);

    const named = await api<Json>('PATCH', `/checkout/${id}`, { shipping_address: { first_name: 'John', last_name: 'Johnson', email: 'john@example.com' } });
    expect(named.body.shipping_address).toMatchObject({ first_name: 'John', last_name: 'Johnson', phone: null, zip: null });
    expect((await api('PATCH', `/checkout/${id}`, { shipping_address: { country_code: 'XX' } })).status).toBe(400);
    expect((await api<Json>('PATCH', `/checkout/${id}`, { shipping_rate: '4018-FRP,112000-FRP' })).body.message).toEqual(['shipping_rate needs the shipping address country_code first']);
    const address = { address1: 'Møllergata 6', city: 'Oslo', zip: '0179', country: 'Norway', country_code: 'NO' };
    const billed = await api<Json>('PATCH', `/checkout/${id}`, { shipping_address: address, billing_address: { first_name: 'John', last_name: 'Johnson', ...address } });
    expect(billed.body.availablePaymentMethods).toEqual([{ name: 'Stripe' }, { name: 'Klarna' }, { name: 'Vipps' }]);
    expect((await api<Json>('PATCH', `/checkout/${id}`, { shipping_rate: '920-FRP' })).body.message).toEqual(['shipping_rate must be the flat rate of the cart\'s products: 4018-FRP,112000-FRP']);
    const rated = await api<Json>('PATCH', `/checkout/${id}`, { shipping_rate: '4018-FRP,112000-FRP' });
    expect(rated.body.shipping_rate).toEqual({ service_code: '4018-FRP,112000-FRP', service_name: 'Flat rate price to NO', total_price: '198.00', currency: 'NOK' });
    expect(rated.body.total_price).toBe('1947.00');

    const ordersBefore = section().orders.length;
    const paid = await api<Json>('PATCH', `/checkout/${id}/payment`, { success_url: 'https://shop.example/thanks', payment_method: 'stripe', email: 'john@example.com', first_name: 'John', last_name: 'Johnson', phone_code: '+47', phone: 99999999, address1: 'Møllergata 6', city: 'Oslo', province: 'Oslo', country: 'Norway', country_code: 'NO', zip: 179 });
    expect(paid.status).toBe(200);
    expect(paid.body).toEqual({ checkout_url: `${sandbox.url}/outshifter/pay/${id}`, order_id: expect.any(Number) });
    const orderId = paid.body.order_id as number;
    expect((await api<Json>('GET', `/orders/${orderId}`)).body).toMatchObject({ status: 'PENDING', paymentProcessor: 'Stripe', shippingPrice: '198.00', customer: { fullName: 'John Johnson', phone: '+4799999999' } });
    // Starting it again keeps the one pending order.
    expect((await api<Json>('PATCH', `/checkout/${id}/payment`, { payment_method: 'Stripe' })).body.order_id).toBe(orderId);
    expect(section().orders.length).toBe(ordersBefore + 1);
    expect((await api<Json>('GET', `/checkout/${id}/payment`)).body).toMatchObject({ payment_method: 'Stripe', status: 'PENDING', success_url: 'https://shop.example/thanks', cart: { cart_id: cart } });

    // The shopper's page needs no API key.
    const page = await root('GET', `/pay/${id}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<form method="post">');
    const done = await root<Json>('POST', `/pay/${id}`);
    expect(done.body).toEqual({ checkout_id: id, status: 'COMPLETED', order_id: orderId, order_status: 'PAID', success_url: 'https://shop.example/thanks' });
    // A browser is sent on to the shop's success page.
    expect((await root('POST', `/pay/${id}`, undefined, { accept: 'text/html' })).headers.location).toBe('https://shop.example/thanks');
    expect((await api<Json>('GET', `/orders/${orderId}`)).body.status).toBe('PAID');
    expect((await api<Json>('PATCH', `/checkout/${id}`, { email: 'x@example.com' })).status).toBe(409);
    expect(sandbox.store.changeCount(OUTSHIFTER, orderId)).toBe(1);
  });

  it('quotes flat rates per product and country (once per product), total_price a number', async () => {
    const q = await api<Json>('POST', '/shipping/flat-rate', { items: [{ productId: 920, quantity: 1 }, { productId: 4018, quantity: 3 }], destination: { country: 'NO' }, currency: 'NOK' });
    expect(q.body).toEqual({ service_name: 'Flat rate price to NO', description: 'By Outshifter', service_code: '920-FRP,4018-FRP', total_price: 198, currency: 'NOK' });
    const se = (await api<Json>('POST', '/shipping/flat-rate', { items: [{ productId: 920, quantity: 1 }], destination: { country: 'SE' }, currency: 'NOK' })).body;
    const us = (await api<Json>('POST', '/shipping/flat-rate', { items: [{ productId: 920, quantity: 1 }], destination: { country: 'US' }, currency: 'NOK' })).body;
    const bulky = (await api<Json>('POST', '/shipping/flat-rate', { items: [{ productId: 112232, quantity: 1 }], destination: { country: 'NO' }, currency: 'NOK' })).body;
    expect([se.total_price, us.total_price, bulky.total_price]).toEqual([149, 349, 199]);
    const eur = (await api<Json>('POST', '/shipping/flat-rate', { items: [{ productId: 920, quantity: 1 }], destination: { country: 'DE' }, currency: 'EUR' })).body;
    expect(eur).toMatchObject({ total_price: 18, currency: 'EUR' });
    const bad = await api<Json>('POST', '/shipping/flat-rate', { items: [{ productId: 1, quantity: 1 }], destination: { country: 'ZZ' }, currency: 'NOK' });
    expect(bad.body.message).toEqual(['destination.country must be an ISO 3166 country code', 'items[0].productId: product 1 not found']);
  });

  it('deletes unfinished checkouts 60 days after their last change, by its clock; never paid ones', async () => {
    const cart = (await api<Json>('POST', '/cart', { customer_session_id: 's', currency: 'EUR' })).body.cart_id;
    await api('POST', `/cart/${cart}/item/add`, { line_items: [{ product_id: 920, quantity: 1 }] });
    const id = (await api<Json>('POST', '/checkout', { cart_id: cart })).body.id;
    now += SIXTY_DAYS - 60_000;
    await api('PATCH', `/checkout/${id}`, { email: 'late@example.com' });
    now += SIXTY_DAYS - 60_000;
    expect((await api('GET', `/checkout/${id}`)).status).toBe(200);
    now += 120_000;
    expect((await api<Json>('GET', `/checkout/${id}`)).body).toMatchObject({ statusCode: 404, message: `Checkout ${id} not found` });
    const paid = section().checkouts.filter((c) => c.status === 'COMPLETED');
    expect(paid.length).toBeGreaterThan(0);
  });

  it('answers the documented messages for deletes, and 404 for what is gone', async () => {
    const cart = (await api<Json>('POST', '/cart', { customer_session_id: 's2', currency: 'NOK' })).body.cart_id;
    await api('POST', `/cart/${cart}/item/add`, { line_items: [{ product_id: 25, variant_id: 251, quantity: 1 }] });
    const item = (await api<Json>('GET', `/cart/${cart}`)).body.line_items[0].id;
    const id = (await api<Json>('POST', '/checkout', { cart_id: cart })).body.id;
    expect((await api<Json>('DELETE', `/checkout/${id}`)).body).toEqual({ message: `Checkout ${id} was deleted.`, executed: true });
    expect((await api<Json>('PATCH', `/cart/${cart}/item/delete/${item}`)).body).toEqual({ message: 'The item was removed successfully' });
    expect((await api('POST', '/checkout', { cart_id: cart })).status).toBe(400);
    expect((await api<Json>('DELETE', `/cart/${cart}`)).body).toEqual({ message: 'The cart was deleted successfully' });
    expect((await api('GET', `/cart/${cart}`)).status).toBe(404);
    expect((await api('POST', `/cart/${cart}/item/add`, { line_items: [{ product_id: 25, quantity: 1 }] })).status).toBe(404);
    const noVariant = await api<Json>('POST', `/cart/nope/item/add`, { line_items: [] });
    expect(noVariant.status).toBe(404);
  });

  it('starts a Klarna payment from a cart: a pending order', async () => {
    const cart = (await api<Json>('POST', '/cart', { customer_session_id: 'k', currency: 'SEK' })).body.cart_id;
    expect((await api('POST', `/cart/${cart}/init-payment-klarna`)).status).toBe(400);
    await api('POST', `/cart/${cart}/item/add`, { line_items: [{ product_id: 1214089, quantity: 1 }] });
    const k = await api<Json>('POST', `/cart/${cart}/init-payment-klarna`);
    expect(k.body).toMatchObject({ order_id: expect.any(Number), status: 'checkout_incomplete', html_snippet: expect.stringContaining('klarna-checkout-container') });
    expect((await api<Json>('GET', `/orders/${k.body.order_id}`)).body).toMatchObject({ status: 'PENDING', paymentProcessor: 'Klarna', currency: 'SEK' });
  });
});
