// The Outshifter adapter against the sandbox's Outshifter dialect over real
// HTTP: what each command sends on the wire (seeds/outshifter-*.txt, API-NOTES.md
// §4 and its Decisions), what is never sent twice, and what the adapter makes
// of the answers.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, seededRandom } from '../../src/core/clock.js';
import { ApiError, AuthError, NetworkError, NotFoundError, RefusedError, UsageError } from '../../src/core/errors.js';
import { DEFAULT_HTTP, HttpClient } from '../../src/core/http.js';
import { CAPABILITIES } from '../../src/platforms/index.js';
import { DEFAULT_BASE_URL, OutshifterAdapter, outshifterHttp } from '../../src/platforms/outshifter/adapter.js';
import { guessesOf, type GuessKey } from '../../src/platforms/outshifter/guesses.js';
import { OUTSHIFTER, type OsSection } from '../../src/sandbox/dialects/outshifter/index.js';
import type { Fetched } from '../../src/platforms/types.js';
import { startSandbox, type Exchange, type Sandbox } from '../../src/sandbox/server.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const exchanges: Exchange[] = [];
let sandbox: Sandbox;
let debug: string[];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3, orders: 80, now: () => NOW, onExchange: (ex) => ex.platform === OUTSHIFTER && exchanges.push(ex) });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  exchanges.length = 0;
  debug = [];
});

function adapter(o: { token?: string; storefront?: string | null; currency?: string } & Partial<Record<GuessKey, string>> = {}) {
  const profile = { platform: 'outshifter' as const, baseUrl: sandbox.baseUrls.outshifter!, storefront: o.storefront === null ? undefined : (o.storefront ?? 'sandbox') };
  const http = new HttpClient(outshifterHttp(profile, o.token ?? sandbox.token), { ...DEFAULT_HTTP, clock: fakeClock(), random: seededRandom(5), env: {}, debug: (l) => debug.push(l) });
  return new OutshifterAdapter(http, profile.storefront, o.currency, guessesOf({ ...profile, ...o }, DEFAULT_BASE_URL));
}

async function collect(it: AsyncIterable<Fetched>): Promise<Fetched[]> {
  const out: Fetched[] = [];
  for await (const f of it) out.push(f);
  return out;
}

const section = () => sandbox.store.section<OsSection>(OUTSHIFTER);
const sent = (method: string) => exchanges.filter((e) => e.method === method);

describe('Outshifter adapter: profile and auth', () => {
  it('defaults to https://api.outshifter.com/api and sends the raw key in Authorization', async () => {
    expect(outshifterHttp({ platform: 'outshifter' }, 'k3y')).toMatchObject({ baseUrl: DEFAULT_BASE_URL, authHeaders: { authorization: 'k3y' }, secrets: ['k3y'] });
    expect(DEFAULT_BASE_URL).toBe('https://api.outshifter.com/api');
    await adapter().ping();
    expect(exchanges.at(-1)!.requestHeaders.authorization).toBe(sandbox.token);
    expect(debug.join('\n')).toContain('authorization: [redacted]');
    expect(debug.join('\n')).not.toContain(sandbox.token);
  });

  it('a wrong key is an AuthError (exit 3) with the API’s message', async () => {
    const err = await adapter({ token: 'wrong-key' }).ping().catch((e) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(err.message).toMatch(/401: Invalid API key/);
  });

  it('offers list, get, create, cancel (by item), cart, checkout and shipping', () => {
    expect(CAPABILITIES.outshifter).toEqual(['list', 'get', 'create', 'cancel', 'cart', 'checkout', 'shipping']);
    const a = adapter();
    for (const m of ['setStatus', 'fulfillOrder', 'archiveOrder', 'updateOrder', 'countOrders'] as const) expect((a as unknown as Record<string, unknown>)[m], m).toBeUndefined();
  });
});

describe('Outshifter adapter: orders', () => {
  it('lists the profile’s storefront: GET /orders?storefront=…, 50 by default, --all for every one', async () => {
    const first = await collect(adapter().listOrders({ statuses: [] }, { all: false }));
    expect(first).toHaveLength(50);
    expect(exchanges.map((e) => [e.path, e.query])).toEqual([['/api/orders', { storefront: 'sandbox' }]]);
    const all = await collect(adapter().listOrders({ statuses: [] }, { all: true }));
    expect(all.map((f) => f.order.id).sort()).toEqual(section().orders.filter((o) => o.storefront === 'sandbox').map((o) => String(o.id)).sort());
    expect((await collect(adapter({ storefront: 'outlet' }).listOrders({ statuses: [] }, { all: true }))).length).toBeGreaterThan(0);
  });

  it('keyset runs (exports) list by id: oldest first, or newest first over several stores', async () => {
    const ids = async (newestFirst: boolean) => (await collect(adapter().listOrders({ statuses: [] }, { all: true, keyset: true, newestFirst }))).map((f) => Number(f.order.id));
    const oldest = await ids(false);
    expect(oldest.length).toBeGreaterThan(1);
    expect(oldest).toEqual([...oldest].sort((a, b) => a - b));
    expect(await ids(true)).toEqual([...oldest].reverse());
  });

  it('--status goes as status= (one request per status), names or native codes', async () => {
    const r = await collect(adapter().listOrders({ statuses: ['completed', 'SHIPPED'] }, { all: true }));
    expect(exchanges.map((e) => e.query.status)).toEqual(['COMPLETED', 'SHIPPED']);
    expect(new Set(r.map((f) => f.order.nativeStatus))).toEqual(new Set(['COMPLETED', 'SHIPPED']));
    await expect(collect(adapter().listOrders({ statuses: ['lost'] }, { all: true }))).rejects.toThrow(UsageError);
  });

  it('--since/--until go as the documented dateFrom/dateTo days, and the exact instants are applied to what comes back', async () => {
    const since = new Date('2026-05-10T12:00:00Z');
    const until = new Date('2026-08-01T06:00:00Z');
    const r = await collect(adapter().listOrders({ statuses: [], since, until }, { all: true }));
    expect(exchanges[0]!.query).toEqual({ storefront: 'sandbox', dateFrom: '2026-05-10', dateTo: '2026-08-01' });
    const expected = section().orders.filter((o) => o.storefront === 'sandbox' && Date.parse(o.updatedAt) >= since.getTime() && Date.parse(o.updatedAt) <= until.getTime());
    expect(r.map((f) => f.order.id).sort()).toEqual(expected.map((o) => String(o.id)).sort());
    expect(expected.length).toBeGreaterThan(0);
  });

  it('refuses what the API cannot filter or page by, and a profile without a storefront, before any request', async () => {
    for (const f of [{ email: 'a@b.co' }, { customer: '1' }, { cursor: 'x' }]) {
      await expect(collect(adapter().listOrders({ statuses: [], ...f }, { all: true }))).rejects.toThrow(/not available on outshifter/);
    }
    await expect(collect(adapter().listOrders({ statuses: [] }, { all: false, page: 2 }))).rejects.toThrow(/not paged/);
    const err = await collect(adapter({ storefront: null }).listOrders({ statuses: [] }, { all: true })).catch((e) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect(err.hint).toMatch(/--storefront/);
    expect(exchanges).toHaveLength(0);
  });

  it('gets an order; an unknown one is NotFound naming it', async () => {
    const { order } = await adapter().getOrder('3200');
    expect(order).toMatchObject({ id: '3200', platform: 'outshifter' });
    const err = await adapter().getOrder('1').catch((e) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toBe('order 1 not found on outshifter');
    await expect(adapter().getOrder('../x')).rejects.toThrow(UsageError);
  });

  it('creates an order once, and never repeats the POST after it may have arrived', async () => {
    const body = {
      channel: 'Partner',
      channelId: '5',
      channelOrderName: '#7001',
      currency: 'NOK',
      customer: { fullName: 'Jane Doe', email: 'jane@example.com', shippingAddress: 'my street', shippingCity: 'Oslo', shippingZip: '0150' },
      items: [{ productId: 25, quantity: 1, priceChannel: 100 }],
    };
    const created = await adapter().createOrder(body);
    expect(created.order).toMatchObject({ number: '7001', status: 'awaiting_fulfillment' });
    expect(() => adapter().validateOrderBody({ ...body, items: [] })).toThrow(/items must be a non-empty list/);
    const before = section().orders.length;
    debug.length = 0;
    sandbox.injectFaults(['reset-after']);
    const err = await adapter().createOrder({ ...body, channelOrderName: '#7002' }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.hint).toMatch(/not repeated/);
    // A reset answer is never seen by the exchange log: the client's trace counts what it sent.
    expect(debug.filter((l) => /^> POST \S+\/orders$/.test(l))).toHaveLength(1);
    expect(section().orders.length).toBe(before + 1);
  });
});

describe('Outshifter adapter: cancelling items', () => {
  const paid = (n: number) => section().orders.find((o) => o.status === 'PAID' && o.items!.length === n && o.items!.every((i) => i.status === 'PAID') && o.storefront === 'sandbox')!;

  it('an order of one item is cancelled whole: PUT /orders/{id}/items/{item} {"status":"CANCELED"}', async () => {
    const o = paid(1);
    const a = adapter();
    expect(await a.planCancel(String(o.id), {})).toEqual([String(o.items![0]!.id)]);
    const r = await a.cancelOrder(String(o.id), {});
    expect(r).toMatchObject({ orderId: String(o.id), status: 'cancelled', nativeStatus: 'CANCELED' });
    const put = sent('PUT');
    expect(put.map((e) => [e.path, e.requestBody])).toEqual([[`/api/orders/${o.id}/items/${o.items![0]!.id}`, { status: 'CANCELED' }]]);
    expect(sandbox.store.changeCount(OUTSHIFTER, o.id)).toBe(1);
    expect(await a.planCancel(String(o.id), {})).toEqual([]);
  });

  it('an order of several needs the items named, or all of them; unknown items are refused listing the real ones', async () => {
    const o = paid(3);
    const a = adapter();
    const err = await a.planCancel(String(o.id), {}).catch((e) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toBe(`order ${o.id} has 3 items: Outshifter cancels them one by one`);
    expect(err.hint).toMatch(/--item ITEM, or cancel all with --all-items/);
    await expect(a.planCancel(String(o.id), { items: ['999999'] })).rejects.toThrow(`order ${o.id} has no item 999999`);
    const ids = o.items!.map((i) => String(i.id));
    expect(await a.planCancel(String(o.id), { items: [ids[1]!] })).toEqual([ids[1]]);
    const one = await a.cancelItem(String(o.id), ids[1]!);
    expect(one.status).toBe('awaiting_fulfillment');
    expect(await a.planCancel(String(o.id), { allItems: true })).toEqual([ids[0], ids[2]]);
    expect(sent('PUT')).toHaveLength(1);
  });

  it('after shipping: refused before any change, with the return hint (exit 5); the API’s own 409 says the same', async () => {
    const shipped = section().orders.find((o) => o.status === 'SHIPPED')!;
    const err = await adapter().planCancel(String(shipped.id), {}).catch((e) => e);
    expect(err).toBeInstanceOf(RefusedError);
    expect(err.exitCode).toBe(5);
    expect(err.hint).toMatch(/start a return/);
    const direct = await adapter().cancelItem(String(shipped.id), String(shipped.items![0]!.id)).catch((e) => e);
    expect(direct).toBeInstanceOf(RefusedError);
    expect(direct.message).toMatch(/409: Order \d+ is shipped: items can no longer be canceled/);
    expect(direct.hint).toMatch(/start a return/);
    expect(sandbox.store.changeCount(OUTSHIFTER, shipped.id)).toBe(0);
  });

  it('an item cancel (PUT) is retried after a 503, and counted once', async () => {
    const o = paid(2);
    sandbox.injectFaults(['503']);
    await adapter().cancelItem(String(o.id), String(o.items![0]!.id));
    expect(sent('PUT')).toHaveLength(2);
    expect(sandbox.store.changeCount(OUTSHIFTER, o.id)).toBe(1);
  });
});

describe('Outshifter adapter: cart, checkout, payment, shipping', () => {
  it('sends each documented request, and reads every answer into one shape', async () => {
    const a = adapter();
    const cart = await a.createCart({ sessionId: '92sdj34234', currency: 'NOK' });
    expect(exchanges.at(-1)!.requestBody).toEqual({ customer_session_id: '92sdj34234', currency: 'NOK' });
    expect(cart.value).toMatchObject({ sessionId: '92sdj34234', currency: 'NOK', items: [], total: { amount: '0.00', currency: 'NOK' } });
    const id = cart.value.id;

    exchanges.length = 0;
    const added = await a.addCartItems(id, [{ productId: '4018', variantId: '40181', quantity: 1 }, { productId: '112000', quantity: 2, unitPrice: '150.00' }]);
    // A price needs the cart's currency (one GET), then every item in one POST, then the cart read back.
    expect(exchanges.map((e) => `${e.method} ${e.path}`)).toEqual([`GET /api/cart/${id}`, `POST /api/cart/${id}/item/add`, `GET /api/cart/${id}`]);
    expect(exchanges[1]!.requestBody).toEqual({ line_items: [{ product_id: 4018, variant_id: 40181, quantity: 1 }, { product_id: 112000, variant_id: null, quantity: 2, price_data: { unit_price: '150.00', currency: 'NOK' } }] });
    expect(added.value.items.map((i) => [i.productId, i.variantId, i.quantity, i.unitPrice?.amount])).toEqual([['4018', '40181', 1, '1299.00'], ['112000', null, 2, '150.00']]);
    expect(added.value.total).toEqual({ amount: '1599.00', currency: 'NOK' });

    const mug = added.value.items[1]!.id!;
    exchanges.length = 0;
    await a.updateCartItem(id, mug, 3);
    expect(exchanges[0]).toMatchObject({ method: 'PATCH', path: `/api/cart/${id}/item/update/${mug}`, requestBody: { qty: 3 } });

    const co = await a.createCheckout(id);
    expect(co.value).toMatchObject({ status: 'ACTIVE', cartId: id, currency: 'NOK', totals: { total: { amount: '1749.00', currency: 'NOK' } } });
    // The checkout's cart (camelCase) reads as the cart (snake_case) does.
    expect(co.value.items).toEqual((await a.getCart(id)).value.items.map((i) => ({ ...i, title: expect.anything() })));

    const quote = await a.shippingQuote({ items: [{ productId: '4018', quantity: 1 }, { productId: '112000', quantity: 3 }], country: 'NO', currency: 'NOK' });
    expect(exchanges.at(-1)!.requestBody).toEqual({ items: [{ productId: 4018, quantity: 1 }, { productId: 112000, quantity: 3 }], destination: { country: 'NO' }, currency: 'NOK' });
    expect(quote.value).toEqual({ serviceName: 'Flat rate price to NO', description: 'By Outshifter', serviceCode: '4018-FRP,112000-FRP', total: { amount: '198.00', currency: 'NOK' } });

    exchanges.length = 0;
    const contact = { firstName: 'John', lastName: 'Johnson', address1: 'Møllergata 6', city: 'Oslo', zip: '0179', countryCode: 'NO', country: 'Norway' };
    const updated = await a.updateCheckout(co.value.id, { shippingAddress: contact, billingAddress: contact, email: 'john@example.com', shippingRate: quote.value.serviceCode });
    expect(exchanges[0]!.requestBody).toEqual({
      shipping_address: { first_name: 'John', last_name: 'Johnson', address1: 'Møllergata 6', city: 'Oslo', zip: '0179', country_code: 'NO', country: 'Norway' },
      billing_address: { first_name: 'John', last_name: 'Johnson', address1: 'Møllergata 6', city: 'Oslo', zip: '0179', country_code: 'NO', country: 'Norway' },
      email: 'john@example.com',
      shipping_rate: '4018-FRP,112000-FRP',
    });
    expect(updated.value.shippingRate).toEqual({ code: '4018-FRP,112000-FRP', name: 'Flat rate price to NO', price: { amount: '198.00', currency: 'NOK' } });
    expect(updated.value.totals.total).toEqual({ amount: '1947.00', currency: 'NOK' });

    expect((await a.paymentMethods()).value).toEqual([{ name: 'Stripe' }, { name: 'Klarna' }, { name: 'Vipps' }]);
    exchanges.length = 0;
    const started = await a.startPayment(co.value.id, { method: 'Stripe', successUrl: 'https://shop.example/ok', contact: { ...updated.value.shippingAddress!, email: 'john@example.com' } });
    // The documented flat body.
    expect(exchanges[0]!.requestBody).toEqual({ success_url: 'https://shop.example/ok', payment_method: 'Stripe', first_name: 'John', last_name: 'Johnson', email: 'john@example.com', address1: 'Møllergata 6', city: 'Oslo', country: 'Norway', country_code: 'NO', zip: '0179' });
    expect(started.value).toEqual({ checkoutId: co.value.id, checkoutUrl: `${sandbox.url}/outshifter/pay/${co.value.id}`, orderId: expect.stringMatching(/^\d+$/) });
    const payment = await a.getPayment(co.value.id);
    expect(payment.value).toMatchObject({ status: 'PENDING', paymentMethod: 'Stripe', cart: { id } });
    expect((await a.getOrder(started.value.orderId)).order.status).toBe('pending');
  });

  it('never repeats what creates something (cart, items, checkout, payment); repeats what sets values and quotes', async () => {
    const a = adapter();
    const cart = (await a.createCart({ sessionId: 's' })).value.id;
    const carts = section().carts.length;
    sandbox.injectFaults(['reset-after']);
    await expect(a.createCart({ sessionId: 's2' })).rejects.toThrow(NetworkError);
    expect(debug.filter((l) => /^> POST \S+\/cart$/.test(l))).toHaveLength(2);
    expect(section().carts.length).toBe(carts + 1);

    exchanges.length = 0;
    sandbox.injectFaults(['503']);
    await expect(a.addCartItems(cart, [{ productId: '920', quantity: 1 }])).rejects.toThrow(ApiError);
    expect(sent('POST')).toHaveLength(1);
    await a.addCartItems(cart, [{ productId: '920', quantity: 1 }]);
    const co = (await a.createCheckout(cart)).value.id;

    exchanges.length = 0;
    sandbox.injectFaults(['503']);
    await a.updateCheckout(co, { email: 'a@example.com' });
    expect(sent('PATCH')).toHaveLength(2);

    exchanges.length = 0;
    sandbox.injectFaults(['502', 'truncated']);
    const q = await a.shippingQuote({ items: [{ productId: '920', quantity: 1 }], country: 'SE', currency: 'SEK' });
    expect(q.value.total).toEqual({ amount: '149.00', currency: 'SEK' });
    expect(sent('POST')).toHaveLength(3);

    const contact = { firstName: 'A', lastName: 'B', address1: 'x 1', city: 'Oslo', zip: '0150', countryCode: 'NO' };
    await a.updateCheckout(co, { shippingAddress: contact, billingAddress: contact, shippingRate: '920-FRP', paymentMethod: 'Vipps' });
    const orders = section().orders.length;
    exchanges.length = 0;
    sandbox.injectFaults(['reset-after']);
    const err = await a.startPayment(co, { method: 'Vipps', contact: { ...contact, email: 'a@example.com' } as never }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(debug.filter((l) => /^> PATCH \S+\/payment$/.test(l))).toHaveLength(1);
    expect(section().orders.length).toBe(orders + 1);
  });

  it('404s name what was not found; a deleted cart and checkout are gone', async () => {
    const a = adapter();
    await expect(a.getCart('nope')).rejects.toThrow('cart nope not found on outshifter');
    await expect(a.getCheckout('nope')).rejects.toThrow('checkout nope not found on outshifter');
    const cart = (await a.createCart({ sessionId: 'd' })).value.id;
    await a.deleteCart(cart);
    await expect(a.getCart(cart)).rejects.toThrow(NotFoundError);
    await expect(a.klarna(cart)).rejects.toThrow(NotFoundError);
  });
});

// Where the documents leave the API open, the adapter guesses (README,
// "Outshifter"). The sandbox plays an API that answers the other way
// (section().wire): each wrong guess stops with an error naming it and its
// profile setting, changes nothing, and the setting makes the same call work.
describe('Outshifter adapter: each guess fails loudly when the API differs, and its setting fixes it', () => {
  afterEach(() => {
    delete section().wire;
  });
  const guessFailed = (err: unknown, flag: string) => {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('guess_failed');
    expect((err as ApiError).exitCode).toBe(1);
    expect((err as ApiError).hint).toContain(`orderctl profile add NAME --platform outshifter ${flag} `);
    expect((err as Error).message).not.toContain('\n');
  };
  const paid = (n: number) => section().orders.find((o) => o.status === 'PAID' && o.items.length === n && o.items.every((i) => i.status === 'PAID') && o.storefront === 'sandbox')!;
  const ids = (r: Fetched[]) => r.map((f) => f.order.id).sort();
  const storefront = () => section().orders.filter((o) => o.storefront === 'sandbox').map((o) => String(o.id)).sort();

  it('cancel-item URL: a PUT under /api that is not there is named, nothing changes; the document’s URL without /api then works', async () => {
    section().wire = { cancelItemOutsideApi: true };
    const o = paid(1);
    const err = await adapter().cancelOrder(String(o.id), {}).catch((e) => e);
    guessFailed(err, '--cancel-item-url');
    expect(err.message).toMatch(/^outshifter answered PUT \/orders\/\{order\}\/items\/\{item\} with 404, though order \d+ and its item \d+ are there: the cancel-item URL is a guess/);
    expect(sandbox.store.changeCount(OUTSHIFTER, o.id)).toBe(0);
    // An order that is not there is still "not found", whatever the URL.
    await expect(adapter().cancelItem('1', '1')).rejects.toThrow('order 1 not found on outshifter');

    exchanges.length = 0;
    const fixed = await adapter({ cancelItemUrl: `${sandbox.url}/outshifter/orders/{order}/items/{item}` }).cancelOrder(String(o.id), {});
    expect(fixed).toMatchObject({ status: 'cancelled', nativeStatus: 'CANCELED' });
    expect(sent('PUT').map((e) => e.path)).toEqual([`/orders/${o.id}/items/${o.items[0]!.id}`]);
    expect(sandbox.store.changeCount(OUTSHIFTER, o.id)).toBe(1);
  });

  it('cancel-item URL: a path under the API root or a URL on its host; another host is refused (the key goes only there)', () => {
    expect(guessesOf({}, DEFAULT_BASE_URL).cancelItem).toBe('/orders/{order}/items/{item}');
    expect(guessesOf({ cancelItemUrl: 'https://api.outshifter.com/orders/{order}/items/{item}' }, DEFAULT_BASE_URL).cancelItem).toBe('/../orders/{order}/items/{item}');
    expect(guessesOf({ cancelItemUrl: '/order/{order}/item/{item}/cancel' }, DEFAULT_BASE_URL).cancelItem).toBe('/order/{order}/item/{item}/cancel');
    expect(() => guessesOf({ cancelItemUrl: 'https://evil.example/orders/{order}/items/{item}' }, DEFAULT_BASE_URL)).toThrow(/not on the profile's API host \(https:\/\/api\.outshifter\.com\)/);
    expect(() => guessesOf({ cancelItemUrl: '/orders/{order}' }, DEFAULT_BASE_URL)).toThrow(UsageError);
  });

  it('list path and method: a 404 names the guess; --list-request with the API’s own path and POST lists the same orders', async () => {
    section().wire = { list: { method: 'POST', path: '/orders/search' } };
    const err = await collect(adapter().listOrders({ statuses: [] }, { all: true })).catch((e) => e);
    guessFailed(err, '--list-request');
    expect(err.message).toBe("outshifter answered GET /orders with 404: the order list's path and method are a guess (the documents do not show them)");
    exchanges.length = 0;
    const r = await collect(adapter({ listRequest: 'POST /orders/search?storefront={storefront}&status={status}&dateFrom={dateFrom}&dateTo={dateTo}' }).listOrders({ statuses: ['completed'] }, { all: true }));
    expect(exchanges.map((e) => [e.method, e.path, e.requestBody])).toEqual([['POST', '/api/orders/search', { storefront: 'sandbox', status: 'COMPLETED' }]]);
    expect(ids(r)).toEqual(section().orders.filter((o) => o.storefront === 'sandbox' && o.status === 'COMPLETED').map((o) => String(o.id)).sort());
    // The same path by GET is the API's 405: named the same way.
    guessFailed(await collect(adapter({ listRequest: 'GET /orders/search?storefront={storefront}' }).listOrders({ statuses: [] }, { all: true })).catch((e) => e), '--list-request');
  });

  it('list parameter names: a 400 names them; a filter the API ignored is caught, never printed as filtered; the API’s names then work', async () => {
    section().wire = { list: { params: { storefront: 'channelStorefront' } } };
    const refused = await collect(adapter().listOrders({ statuses: [] }, { all: true })).catch((e) => e);
    guessFailed(refused, '--list-request');
    expect(refused.message).toMatch(/400: channelStorefront is required.*\(the order list's parameter names are a guess: GET \/orders\?storefront=\{storefront\}/);

    section().wire = { list: { params: { status: 'orderStatus' } } };
    const ignored = await collect(adapter().listOrders({ statuses: ['SHIPPED'] }, { all: true })).catch((e) => e);
    guessFailed(ignored, '--list-request');
    expect(ignored.message).toMatch(/^outshifter answered a list of status=SHIPPED with order \d+ of status (?!SHIPPED)\w+: it did not filter by "status"/);

    section().wire = { list: { params: { storefront: 'channelStorefront', status: 'orderStatus' } } };
    exchanges.length = 0;
    const r = await collect(adapter({ listRequest: 'GET /orders?channelStorefront={storefront}&orderStatus={status}&dateFrom={dateFrom}&dateTo={dateTo}' }).listOrders({ statuses: ['SHIPPED'] }, { all: true }));
    expect(exchanges.map((e) => e.query)).toEqual([{ channelStorefront: 'sandbox', orderStatus: 'SHIPPED' }]);
    expect(r.length).toBeGreaterThan(0);
    expect(r.every((f) => f.order.nativeStatus === 'SHIPPED')).toBe(true);
  });

  it('a list without a status parameter is filtered here, from one request', async () => {
    exchanges.length = 0;
    const r = await collect(adapter({ listRequest: 'GET /orders?storefront={storefront}' }).listOrders({ statuses: ['completed', 'SHIPPED'] }, { all: true }));
    expect(exchanges.map((e) => e.query)).toEqual([{ storefront: 'sandbox' }]);
    expect(ids(r)).toEqual(section().orders.filter((o) => o.storefront === 'sandbox' && ['COMPLETED', 'SHIPPED'].includes(o.status)).map((o) => String(o.id)).sort());
  });

  it('not paged: an answer that is one page of more stops the listing; a {page} slot then reads every page', async () => {
    section().wire = { list: { pageSize: 10 } };
    const err = await collect(adapter().listOrders({ statuses: [] }, { all: true })).catch((e) => e);
    guessFailed(err, '--list-request');
    expect(err.message).toMatch(/^outshifter answered GET \/orders with one page of more \(page: 1, pageSize: 10, total: \d+; 10 orders here\): that the order list is not paged is a guess/);
    expect(err.hint).toContain("--list-request 'GET /orders?storefront={storefront}&status={status}&dateFrom={dateFrom}&dateTo={dateTo}&page={page}'");
    exchanges.length = 0;
    const r = await collect(adapter({ listRequest: 'GET /orders?storefront={storefront}&status={status}&dateFrom={dateFrom}&dateTo={dateTo}&page={page}' }).listOrders({ statuses: [] }, { all: true }));
    expect(ids(r)).toEqual(storefront());
    const pages = Math.ceil(storefront().length / 10);
    // Every page, and one past the last that brings nothing.
    expect(exchanges.map((e) => e.query.page)).toEqual(Array.from({ length: pages + 1 }, (_, i) => String(i + 1)));
  });

  it('statuses: one orderctl does not know stops the reading, never mapped to a default; --status-map maps it, for reading and filtering', async () => {
    section().wire = { statusNames: { PAID: 'PROCESSING' } };
    const o = paid(1);
    const err = await adapter().getOrder(String(o.id)).catch((e) => e);
    guessFailed(err, '--status-map');
    expect(err.message).toMatch(new RegExp(`^outshifter sent order ${o.id} with status "PROCESSING", which orderctl does not know: Outshifter's statuses other than CANCELED are a guess \\(known: PENDING, PAID, `));
    expect(err.hint).toContain('--status-map PROCESSING=STATUS');
    await expect(collect(adapter().listOrders({ statuses: [] }, { all: true }))).rejects.toThrow(/status "PROCESSING"/);

    const mapped = adapter({ statusMap: 'PROCESSING=awaiting_fulfillment' });
    const { order } = await mapped.getOrder(String(o.id));
    expect(order).toMatchObject({ status: 'awaiting_fulfillment', nativeStatus: 'PROCESSING', payment: { status: 'paid' }, fulfillmentStatus: 'unfulfilled', items: [{ status: 'unfulfilled' }] });
    exchanges.length = 0;
    const listed = await collect(mapped.listOrders({ statuses: ['processing'] }, { all: true }));
    expect(exchanges.map((e) => e.query.status)).toEqual(['PROCESSING']);
    expect(ids(listed)).toEqual(section().orders.filter((x) => x.storefront === 'sandbox' && x.status === 'PAID').map((x) => String(x.id)).sort());
    // Mapped before shipping: it may be cancelled.
    expect(await mapped.planCancel(String(o.id), {})).toEqual([String(o.items[0]!.id)]);
    expect(() => guessesOf({ statusMap: 'PROCESSING=busy' }, DEFAULT_BASE_URL)).toThrow(/"busy" is not a status/);
  });

  it('a status written with a space: the hint names IN_TRANSIT=STATUS, and that setting reads it', async () => {
    section().wire = { statusNames: { SHIPPED: 'In transit' } };
    const o = section().orders.find((x) => x.storefront === 'sandbox' && x.status === 'SHIPPED')!;
    const err = await adapter().getOrder(String(o.id)).catch((e) => e);
    guessFailed(err, '--status-map');
    expect(err.message).toContain(`order ${o.id} with status "In transit", which orderctl does not know`);
    expect(err.hint).toContain('--status-map IN_TRANSIT=STATUS');
    const mapped = adapter({ statusMap: 'IN_TRANSIT=fulfilled' });
    const { order } = await mapped.getOrder(String(o.id));
    expect(order).toMatchObject({ status: 'fulfilled', nativeStatus: 'In transit', fulfillmentStatus: 'fulfilled' });
    const all = await collect(mapped.listOrders({ statuses: [] }, { all: true }));
    expect(ids(all.filter((x) => x.order.nativeStatus === 'In transit'))).toEqual(section().orders.filter((x) => x.storefront === 'sandbox' && x.status === 'SHIPPED').map((x) => String(x.id)).sort());
    // Asked as SHIPPED and IN_TRANSIT (fulfilled), the store answers none: it spells them otherwise.
    // The whole list, read once more and filtered here, finds the orders instead of printing nothing.
    exchanges.length = 0;
    const inTransit = await collect(mapped.listOrders({ statuses: ['fulfilled'] }, { all: true }));
    expect(ids(inTransit)).toEqual(ids(all.filter((x) => x.order.nativeStatus === 'In transit')));
    expect(inTransit.length).toBeGreaterThan(0);
    expect(exchanges.map((e) => e.query.status)).toEqual(['SHIPPED', 'IN_TRANSIT', undefined]);
    // Documented codes are sent as documented, whichever spelling asked for them.
    exchanges.length = 0;
    await collect(mapped.listOrders({ statuses: ['return-requested', 'Completed'] }, { all: true }));
    // This storefront has no return requested: that guessed code's empty answer is checked against the whole list.
    expect(exchanges.map((e) => e.query.status)).toEqual(['RETURN_REQUESTED', 'COMPLETED', undefined]);
  });

  it('currency: none sent needs the profile’s --currency (exit 2); an ill-formed one is not read as a code', async () => {
    section().wire = { currencyField: null };
    const err = await adapter().getOrder('3200').catch((e) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toBe('outshifter did not say the currency of order 3200, and the profile names none');
    expect(err.hint).toContain('--currency');
    expect((await adapter({ currency: 'NOK' }).getOrder('3200')).order.currency).toBe('NOK');

    delete section().wire;
    const stored = section().orders.find((o) => o.id === 3201)!;
    const was = stored.currency;
    stored.currency = 'kr';
    try {
      const bad = await adapter().getOrder('3201').catch((e) => e);
      expect(bad).toBeInstanceOf(UsageError);
      expect(bad.message).toBe('outshifter sent order 3201 with currency "kr", not an ISO 4217 code (reading an order\'s currency from "currency" is a guess)');
      expect((await adapter({ currency: 'NOK' }).getOrder('3201')).order.totals.total?.currency).toBe('NOK');
    } finally {
      stored.currency = was;
    }
  });

  it('shipping_rate: a checkout that did not take the rate is named; --shipping-rate-field sends it where the API takes it', async () => {
    section().wire = { shippingRateField: 'shippingRate' };
    const a = adapter();
    const cart = (await a.createCart({ sessionId: 'rate', currency: 'NOK' })).value.id;
    await a.addCartItems(cart, [{ productId: '920', quantity: 1 }]);
    const co = (await a.createCheckout(cart)).value.id;
    const contact = { firstName: 'A', lastName: 'B', address1: 'x 1', city: 'Oslo', zip: '0150', countryCode: 'NO' };
    await a.updateCheckout(co, { shippingAddress: contact, billingAddress: contact });
    const err = await a.updateCheckout(co, { shippingRate: '920-FRP' }).catch((e) => e);
    guessFailed(err, '--shipping-rate-field');
    expect(err.message).toBe(`outshifter answered PATCH /checkout/${co} without the shipping rate 920-FRP in "shipping_rate": the checkout field of the shipping rate is a guess (the documents require a rate and name no field)`);
    exchanges.length = 0;
    const fixed = await adapter({ shippingRateField: 'shippingRate' }).updateCheckout(co, { shippingRate: '920-FRP' });
    expect(exchanges[0]!.requestBody).toEqual({ shippingRate: '920-FRP' });
    expect(fixed.value.shippingRate).toEqual({ code: '920-FRP', name: 'Flat rate price to NO', price: { amount: '99.00', currency: 'NOK' } });
  });

  it('Klarna order_id: an answer without it is named and not repeated; --klarna-order-field reads the API’s field', async () => {
    section().wire = { klarnaOrderField: 'orderId' };
    const a = adapter();
    const cart = (await a.createCart({ sessionId: 'k', currency: 'NOK' })).value.id;
    await a.addCartItems(cart, [{ productId: '25', quantity: 1 }]);
    exchanges.length = 0;
    const err = await a.klarna(cart).catch((e) => e);
    guessFailed(err, '--klarna-order-field');
    expect(err.message).toMatch(new RegExp(`^outshifter answered POST /cart/${cart}/init-payment-klarna without "order_id" \\(it sent: orderId, klarna_order_id, status, html_snippet\\)`));
    expect(sent('POST')).toHaveLength(1);
    const k = await adapter({ klarnaOrderField: 'orderId' }).klarna(cart);
    expect(k.value.orderId).toMatch(/^\d+$/);
    expect((await a.getOrder(k.value.orderId)).order.payment.method).toBe('Klarna');
  });
});
