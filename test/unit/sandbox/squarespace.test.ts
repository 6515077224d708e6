// The sandbox's Squarespace dialect over real HTTP: paths, Bearer auth and the
// required User-Agent, the list envelope and every documented 400 of its
// parameters, cursor pages, create with Idempotency-Key, fulfill, errors and the
// 300-a-minute quota (seeds/squarespace-commerce-orders.txt, API-NOTES.md §2).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSquarespaceDialect, IN_PROGRESS_MS, seedSquarespace, SQUARESPACE, type SqSection } from '../../../src/sandbox/dialects/squarespace/index.js';
import type { SqError, SqOrder, SqOrderPage } from '../../../src/platforms/squarespace/types.js';
import { createRng } from '../../../src/sandbox/rng.js';
import { SEED_REFERENCE_MS, seedState, startSandbox } from '../../../src/sandbox/server.js';
import { emptyState, SandboxStore } from '../../../src/sandbox/store.js';
import { apiFor, NOW, openSandbox, type Api, type Opened } from './support.js';

const UA = 'orderctl-test/1.0';
let opened: Opened;
let api: Api;
let section: SqSection;

beforeAll(async () => {
  opened = await openSandbox({ orders: 120 });
  const plain = apiFor(opened.sandbox.baseUrls.squarespace!, undefined);
  const bearer = `Bearer ${opened.sandbox.token}`;
  api = Object.assign(<T,>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => plain<T>(method, path, body, { authorization: bearer, 'user-agent': UA, ...headers }), {
    close: () => plain.close(),
  }) as Api;
  section = opened.sandbox.store.section<SqSection>(SQUARESPACE);
});
afterAll(async () => {
  await api.close();
  await opened.close();
});

const list = (query = '') => api<SqOrderPage>('GET', `/orders${query}`);
const visible = () => section.orders.filter((o) => ['NOT_CHARGED', 'AUTHORIZED', 'PAID', 'REFUNDED'].includes(o.paymentState ?? 'PAID'));
const pending = () => section.orders.find((o) => o.fulfillmentStatus === 'PENDING' && !o.fulfillments?.length)!;

function expectError(r: { status: number; body: unknown }, status: number, type: string, message: RegExp) {
  expect(r.status).toBe(status);
  const e = r.body as SqError;
  expect(Object.keys(e).sort()).toEqual(['contextId', 'details', 'message', 'subtype', 'type']);
  expect(e.type).toBe(type);
  expect(e.message).toMatch(message);
  expect(e.details).toBeNull();
  expect(e.contextId).toMatch(/^[A-Z]{9}$/);
}

describe('Squarespace dialect: auth and headers', () => {
  it('serves /squarespace/1.0/commerce, the shape of https://api.squarespace.com/1.0/commerce', () => {
    expect(opened.sandbox.baseUrls.squarespace).toBe(`${opened.sandbox.url}/squarespace/1.0/commerce`);
  });

  it('answers 400 INVALID_REQUEST_ERROR without a User-Agent (API-NOTES.md, Decisions)', async () => {
    const r = await api('GET', '/orders', undefined, { 'user-agent': '' });
    expectError(r, 400, 'INVALID_REQUEST_ERROR', /User-Agent/);
  });

  it('answers 401 AUTHORIZATION_ERROR without a Bearer token or with a wrong one', async () => {
    for (const authorization of ['', 'Bearer wrong', `Basic ${opened.sandbox.token}`, opened.sandbox.token]) {
      const r = await api('GET', '/orders', undefined, { authorization });
      expectError(r, 401, 'AUTHORIZATION_ERROR', /./);
    }
  });

  it('sends no rate-limit headers (none are documented)', async () => {
    const r = await list();
    expect(r.status).toBe(200);
    expect(Object.keys(r.headers).filter((h) => /rate|retry/i.test(h))).toEqual([]);
  });
});

describe('Squarespace dialect: GET /orders', () => {
  it('answers {result, pagination}: up to 50 orders, newest change first', async () => {
    const r = await list();
    expect(r.status).toBe(200);
    expect(r.body.result).toHaveLength(50);
    const modified = r.body.result.map((o) => o.modifiedOn);
    expect(modified).toEqual([...modified].sort().reverse());
    expect(r.body.pagination.hasNextPage).toBe(true);
    expect(r.body.pagination.nextPageCursor).toEqual(expect.any(String));
    expect(r.body.pagination.nextPageUrl).toBe(`${opened.sandbox.baseUrls.squarespace}/orders?cursor=${encodeURIComponent(r.body.pagination.nextPageCursor!)}`);
  });

  it('orders carry the documented fields, money as {currency, value} strings and orderNumber as a string', async () => {
    const o = (await list()).body.result[0]!;
    for (const k of ['id', 'orderNumber', 'createdOn', 'modifiedOn', 'channel', 'testmode', 'customerEmail', 'customerId', 'billingAddress', 'shippingAddress', 'fulfillmentStatus', 'lineItems', 'internalNotes', 'shippingLines', 'discountLines', 'formSubmission', 'fulfillments', 'subtotal', 'shippingTotal', 'discountTotal', 'taxTotal', 'refundedTotal', 'grandTotal', 'channelName', 'externalOrderReference', 'fulfilledOn', 'priceTaxInterpretation']) {
      expect(o, k).toHaveProperty(k);
    }
    expect(o.id).toMatch(/^[0-9a-f]{24}$/);
    expect(typeof o.orderNumber).toBe('string');
    expect(o.grandTotal).toEqual({ currency: 'USD', value: expect.stringMatching(/^\d+\.\d\d$/) });
    expect(o.modifiedOn).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('cursor pages list every visible order once; later pages take the cursor alone', async () => {
    const seen: string[] = [];
    let r = await list();
    seen.push(...r.body.result.map((o) => o.id));
    while (r.body.pagination.nextPageCursor) {
      r = await list(`?cursor=${encodeURIComponent(r.body.pagination.nextPageCursor)}`);
      expect(r.status).toBe(200);
      seen.push(...r.body.result.map((o) => o.id));
    }
    expect(r.body.pagination).toEqual({ hasNextPage: false, nextPageCursor: null, nextPageUrl: null });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(visible().length);
  });

  it('a cursor keeps the filters of the listing it came from', async () => {
    const first = await list('?fulfillmentStatus=FULFILLED');
    const fulfilled = visible().filter((o) => o.fulfillmentStatus === 'FULFILLED');
    expect(fulfilled.length).toBeGreaterThan(50);
    const second = await list(`?cursor=${first.body.pagination.nextPageCursor}`);
    expect([...first.body.result, ...second.body.result].every((o) => o.fulfillmentStatus === 'FULFILLED')).toBe(true);
    expect(first.body.result.length + second.body.result.length).toBe(fulfilled.length);
  });

  it('cursors are dynamic: an order changed between pages is not listed twice', async () => {
    const first = await list();
    const moved = section.orders.find((o) => o.id === first.body.result[10]!.id)!;
    const before = moved.modifiedOn;
    moved.modifiedOn = new Date(NOW).toISOString();
    try {
      const second = await list(`?cursor=${first.body.pagination.nextPageCursor}`);
      expect(second.body.result.map((o) => o.id)).not.toContain(moved.id);
    } finally {
      moved.modifiedOn = before;
    }
  });

  it('an empty cursor is no cursor ("not present or empty")', async () => {
    const r = await list('?cursor=');
    expect(r.status).toBe(200);
    expect(r.body.result).toHaveLength(50);
  });

  it.each([
    ['cursor with another parameter', () => `?cursor=${'x'}&fulfillmentStatus=PENDING`, /cursor cannot be used with other parameters/],
    ['cursor with a date window', () => `?cursor=abc&modifiedAfter=2026-01-01T00:00:00Z&modifiedBefore=2026-02-01T00:00:00Z`, /cursor cannot be used/],
    ['a bad cursor', () => '?cursor=not-a-cursor', /cursor is invalid/],
    ['modifiedAfter alone', () => '?modifiedAfter=2026-01-01T00:00:00Z', /modifiedBefore is required/],
    ['modifiedBefore alone', () => '?modifiedBefore=2026-01-01T00:00:00Z', /modifiedAfter is required/],
    ['a date that is not ISO 8601 UTC', () => '?modifiedAfter=2026-01-01&modifiedBefore=2026-02-01T00:00:00Z', /modifiedAfter must be an ISO 8601/],
    ['a date with an offset', () => '?modifiedAfter=2026-01-01T00:00:00Z&modifiedBefore=2026-02-01T00:00:00%2B02:00', /modifiedBefore must be an ISO 8601/],
    ['an impossible date', () => '?modifiedAfter=2026-02-30T00:00:00Z&modifiedBefore=2026-03-01T00:00:00Z', /modifiedAfter must be/],
    ['modifiedBefore not after modifiedAfter', () => '?modifiedAfter=2026-02-01T00:00:00Z&modifiedBefore=2026-02-01T00:00:00Z', /later than modifiedAfter/],
    ['an unknown fulfillmentStatus', () => '?fulfillmentStatus=SHIPPED', /fulfillmentStatus must be one of PENDING, FULFILLED, CANCELED/],
    ['a lower-case fulfillmentStatus', () => '?fulfillmentStatus=pending', /fulfillmentStatus must be one of/],
    ['an unknown paymentStates value', () => '?paymentStates=PAID,LOST', /paymentStates must be/],
  ])('answers 400 INVALID_REQUEST_ERROR for %s', async (_what, query, message) => {
    const r = await list(query());
    expectError(r, 400, 'INVALID_REQUEST_ERROR', message);
  });

  it('one date without the other is MISSING_ARGUMENT; a bad value INVALID_ARGUMENT', async () => {
    expect(((await list('?modifiedAfter=2026-01-01T00:00:00Z')).body as unknown as SqError).subtype).toBe('MISSING_ARGUMENT');
    expect(((await list('?fulfillmentStatus=NOPE')).body as unknown as SqError).subtype).toBe('INVALID_ARGUMENT');
  });

  it('modifiedAfter/modifiedBefore time-box by modifiedOn, both bounds exclusive', async () => {
    const all = visible().map((o) => Date.parse(o.modifiedOn)).sort((a, b) => a - b);
    const lo = all[10]!;
    const hi = all[30]!;
    const r = await list(`?modifiedAfter=${new Date(lo).toISOString()}&modifiedBefore=${new Date(hi).toISOString()}`);
    expect(r.status).toBe(200);
    const got = r.body.result.map((o) => Date.parse(o.modifiedOn));
    expect(got.every((t) => t > lo && t < hi)).toBe(true);
    expect(got.length).toBe(all.filter((t) => t > lo && t < hi).length);
  });

  it('filters by customerId and fulfillmentStatus', async () => {
    const customer = visible().find((o) => o.customerId)!.customerId!;
    const r = await list(`?customerId=${customer}`);
    expect(r.body.result.length).toBe(visible().filter((o) => o.customerId === customer).length);
    const canceled = await list('?fulfillmentStatus=CANCELED');
    expect(canceled.body.result.length).toBeGreaterThan(0);
    expect(canceled.body.result.every((o) => o.fulfillmentStatus === 'CANCELED')).toBe(true);
  });

  it('paymentStates defaults to NOT_CHARGED, AUTHORIZED, PAID, REFUNDED: an order awaiting payment shows only when asked for', async () => {
    const waiting = section.orders.find((o) => o.paymentState === 'PENDING')!;
    expect(waiting).toBeDefined();
    const ids = async (q: string) => {
      const out: string[] = [];
      let r = await list(q);
      out.push(...r.body.result.map((o) => o.id));
      while (r.body.pagination.nextPageCursor) {
        r = await list(`?cursor=${r.body.pagination.nextPageCursor}`);
        out.push(...r.body.result.map((o) => o.id));
      }
      return out;
    };
    expect(await ids('')).not.toContain(waiting.id);
    expect(await ids('?paymentStates=PENDING')).toEqual([waiting.id]);
  });
});

describe('Squarespace dialect: GET /orders/{id}', () => {
  it('answers the order, 400 for an id of the wrong form, 404 for an unknown one', async () => {
    const o = section.orders[0]!;
    const r = await api<SqOrder>('GET', `/orders/${o.id}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual(o);
    expectError(await api('GET', '/orders/1001'), 400, 'INVALID_REQUEST_ERROR', /order id is not valid/);
    expectError(await api('GET', `/orders/${'0'.repeat(24)}`), 404, 'INVALID_REQUEST_ERROR', /not found/);
  });

  it('answers 405 METHOD_NOT_ALLOWED to methods the API does not offer, 404 to unknown paths', async () => {
    const id = section.orders[0]!.id;
    expectError(await api('DELETE', `/orders/${id}`), 405, 'METHOD_NOT_ALLOWED', /DELETE/);
    expectError(await api('PUT', `/orders/${id}`, {}), 405, 'METHOD_NOT_ALLOWED', /PUT/);
    expectError(await api('GET', `/orders/${id}/fulfillments`), 405, 'METHOD_NOT_ALLOWED', /GET/);
    expect((await api('GET', '/products')).status).toBe(404);
  });
});

const validOrder = (ref = 'EXT-1') => ({
  channelName: 'Wholesale',
  externalOrderReference: ref,
  createdOn: '2026-11-20T10:00:00Z',
  priceTaxInterpretation: 'EXCLUSIVE',
  customerEmail: 'buyer@example.com',
  lineItems: [{ lineItemType: 'CUSTOM', title: 'Gift wrap', quantity: 2, unitPricePaid: { currency: 'USD', value: '5.00' } }],
  shippingLines: [{ method: 'Courier', amount: { currency: 'USD', value: '7.50' } }],
  fulfillments: [],
  grandTotal: { currency: 'USD', value: '17.50' },
});

describe('Squarespace dialect: POST /orders', () => {
  let n = 0;
  const key = () => `key-${++n}`;
  /** null: no Idempotency-Key header at all. */
  const create = (body: unknown, k: string | null = key()) => api<SqOrder>('POST', '/orders', body, k === null ? {} : { 'idempotency-key': k });

  it('creates an order: 201, PENDING, totals from the lines, the key remembered', async () => {
    const before = section.orders.length;
    const k = key();
    const r = await create(validOrder(), k);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ fulfillmentStatus: 'PENDING', channelName: 'Wholesale', externalOrderReference: 'EXT-1', subtotal: { currency: 'USD', value: '10.00' }, shippingTotal: { value: '7.50' }, grandTotal: { value: '17.50' }, testmode: false });
    expect(r.body.id).toMatch(/^[0-9a-f]{24}$/);
    expect(Number(r.body.orderNumber)).toBe(Math.max(...section.orders.slice(0, before).map((o) => Number(o.orderNumber))) + 1);
    expect(section.orders).toHaveLength(before + 1);
    expect(section.idempotency[k]).toMatchObject({ state: 'done', status: 201 });
  });

  it('a repeated key with the same body gets the original answer, and nothing is created twice', async () => {
    const k = key();
    const first = await create(validOrder('EXT-2'), k);
    const count = section.orders.length;
    // Same body in another key order: the same parameters.
    const { grandTotal, ...rest } = validOrder('EXT-2');
    const again = await create({ grandTotal, ...rest }, k);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(section.orders).toHaveLength(count);
  });

  it('a repeated key with a different body is 400', async () => {
    const k = key();
    await create(validOrder('EXT-3'), k);
    const r = await create(validOrder('EXT-4'), k);
    expectError(r, 400, 'INVALID_REQUEST_ERROR', /Idempotency-Key was already used with different request parameters/);
  });

  it('the key is required, and at most 64 letters, digits, - and _', async () => {
    expectError(await create(validOrder(), null), 400, 'INVALID_REQUEST_ERROR', /Idempotency-Key header is required/);
    expectError(await create(validOrder(), 'x'.repeat(65)), 400, 'INVALID_REQUEST_ERROR', /at most 64/);
    expectError(await create(validOrder(), 'has space'), 400, 'INVALID_REQUEST_ERROR', /at most 64/);
    expect((await create(validOrder('EXT-64'), `A-_9${'z'.repeat(60)}`)).status).toBe(201);
  });

  it('a key whose request is in progress is 409 CONFLICT; one left behind for a minute is given up', async () => {
    const k = key();
    section.idempotency[k] = { state: 'in_progress', fingerprint: 'x', at: NOW };
    expectError(await create(validOrder(), k), 409, 'CONFLICT', /in progress/);
    section.idempotency[k] = { state: 'in_progress', fingerprint: 'x', at: NOW - IN_PROGRESS_MS };
    expect((await create(validOrder('EXT-5'), k)).status).toBe(201);
  });

  it.each([
    ['empty lineItems', { lineItems: [] }, /lineItems cannot be empty/],
    ['no lineItems', { lineItems: undefined }, /lineItems is required/],
    ['two shipping lines', { shippingLines: [validOrder().shippingLines[0], validOrder().shippingLines[0]] }, /only one shipping entry/],
    ['FULFILLED without fulfilledOn', { fulfillmentStatus: 'FULFILLED' }, /fulfilledOn is required/],
    ['CANCELED', { fulfillmentStatus: 'CANCELED' }, /fulfillmentStatus must be one of PENDING, FULFILLED/],
    ['a number as money', { grandTotal: { currency: 'USD', value: 17.5 } }, /grandTotal.value must be a decimal string/],
    ['a long channelName', { channelName: 'x'.repeat(31) }, /channelName must be at most 30/],
    ['a bad createdOn', { createdOn: 'yesterday' }, /createdOn must be an ISO 8601/],
    ['a bad priceTaxInterpretation', { priceTaxInterpretation: 'GROSS' }, /priceTaxInterpretation must be one of/],
    ['a bad inventoryBehavior', { inventoryBehavior: 'KEEP' }, /inventoryBehavior must be one of DEDUCT, SKIP/],
    ['a bad notification behaviour', { shopperFulfillmentNotificationBehavior: 'YES' }, /shopperFulfillmentNotificationBehavior must be one of SEND, SKIP/],
    ['a physical product without variantId', { lineItems: [{ lineItemType: 'PHYSICAL_PRODUCT', quantity: 1, unitPricePaid: { currency: 'USD', value: '1.00' } }] }, /lineItems\[0\].variantId is required/],
    ['a quantity of 0', { lineItems: [{ lineItemType: 'CUSTOM', title: 'x', quantity: 0, unitPricePaid: { currency: 'USD', value: '1.00' } }] }, /quantity must be a whole number from 1 to 1,000,000/],
    ['a shipment without a carrier', { fulfillments: [{ shipDate: '2026-11-20T10:00:00Z', service: 'Ground', trackingNumber: '1' }] }, /fulfillments\[0\].carrierName is required/],
    ['an unknown field', { totals: {} }, /totals is not a field/],
    ['mixed currencies', { grandTotal: { currency: 'EUR', value: '17.50' } }, /currency/],
    // The file marks no field nullable: a null is refused as Prism refuses it (the adapter leaves nulls out).
    ['a null address field', { billingAddress: { firstName: 'Ann', address2: null } }, /billingAddress.address2 must be a string/],
    ['a null shipment trackingUrl', { fulfillments: [{ shipDate: '2026-11-20T10:00:00Z', carrierName: 'UPS', service: 'Ground', trackingNumber: '1', trackingUrl: null }] }, /fulfillments\[0\].trackingUrl must be a valid URL/],
    ['too many shipments', { fulfillments: Array.from({ length: 101 }, () => ({ shipDate: '2026-11-20T10:00:00Z', carrierName: 'UPS', service: 'Ground', trackingNumber: '1' })) }, /up to 100 entries/],
  ])('refuses %s with 400, creating nothing and keeping the key free', async (_what, change, message) => {
    const before = section.orders.length;
    const k = key();
    const r = await create({ ...validOrder(), ...change }, k);
    expectError(r, 400, 'INVALID_REQUEST_ERROR', message);
    expect(section.orders).toHaveLength(before);
    expect(section.idempotency[k]).toBeUndefined();
  });

  it('a physical product names a catalogue variant; DEDUCT takes stock, and 409 INSUFFICIENT_STOCK when there is too little', async () => {
    const v = section.catalogue[0]!;
    const line = (quantity: number) => ({ lineItemType: 'PHYSICAL_PRODUCT', variantId: v.variantId, quantity, unitPricePaid: { currency: 'USD', value: '1.00' } });
    expectError(await create({ ...validOrder(), lineItems: [{ ...line(1), variantId: 'nope' }] }, key()), 400, 'INVALID_REQUEST_ERROR', /unknown product variant/);
    const stock = v.stock;
    const ok = await create({ ...validOrder('EXT-D1'), lineItems: [line(2)], inventoryBehavior: 'DEDUCT' });
    expect(ok.status).toBe(201);
    expect(ok.body.lineItems![0]).toMatchObject({ variantId: v.variantId, sku: v.sku, productName: v.productName, quantity: 2 });
    expect(v.stock).toBe(stock - 2);
    const r = await create({ ...validOrder('EXT-D2'), lineItems: [line(v.stock + 1)], inventoryBehavior: 'DEDUCT' });
    expectError(r, 409, 'CONFLICT', /Insufficient stock/);
    expect((r.body as unknown as SqError).subtype).toBe('INSUFFICIENT_STOCK');
    expect(v.stock).toBe(stock - 2);
    // SKIP (the default) leaves stock alone.
    await create({ ...validOrder('EXT-D3'), lineItems: [line(1)] });
    expect(v.stock).toBe(stock - 2);
  });
});

describe('Squarespace dialect: POST /orders/{id}/fulfillments', () => {
  const shipment = { shipDate: '2026-11-22T09:00:00Z', carrierName: 'UPS', service: 'Ground', trackingNumber: '1Z999', trackingUrl: 'https://www.ups.com/track?tracknum=1Z999' };

  it('adds shipments and marks the order FULFILLED: 204 No Content, one change per shipment', async () => {
    const o = pending();
    const changes = opened.sandbox.store.changeCount(SQUARESPACE, o.id);
    const r = await api('POST', `/orders/${o.id}/fulfillments`, { shouldSendNotification: false, shipments: [shipment] });
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect(o.fulfillmentStatus).toBe('FULFILLED');
    expect(o.fulfillments).toEqual([{ ...shipment, shipDate: '2026-11-22T09:00:00.000Z' }]);
    expect(o.fulfilledOn).toBe(new Date(NOW).toISOString());
    expect(o.modifiedOn).toBe(new Date(NOW).toISOString());
    expect(opened.sandbox.store.changeCount(SQUARESPACE, o.id)).toBe(changes + 1);
    // "Shipments can be added even when already FULFILLED."
    expect((await api('POST', `/orders/${o.id}/fulfillments`, { shouldSendNotification: false, shipments: [shipment, shipment] })).status).toBe(204);
    expect(o.fulfillments).toHaveLength(3);
    expect(opened.sandbox.store.changeCount(SQUARESPACE, o.id)).toBe(changes + 3);
  });

  it('shouldSendNotification records the e-mail the customer would get', async () => {
    const o = pending();
    const before = section.notifications.length;
    await api('POST', `/orders/${o.id}/fulfillments`, { shouldSendNotification: true, shipments: [shipment] });
    expect(section.notifications.slice(before)).toEqual([{ orderId: o.id, shipments: 1, at: new Date(NOW).toISOString() }]);
  });

  it('without shipments the order is only marked fulfilled', async () => {
    const o = pending();
    expect((await api('POST', `/orders/${o.id}/fulfillments`, { shouldSendNotification: false, shipments: [] })).status).toBe(204);
    expect(o.fulfillmentStatus).toBe('FULFILLED');
    expect(o.fulfillments ?? []).toEqual([]);
  });

  it.each([
    ['a bad trackingUrl', { ...shipment, trackingUrl: 'not a url' }, /trackingUrl must be a valid/],
    // The file types trackingUrl a string: null is refused, as Prism refuses it.
    ['a null trackingUrl', { ...shipment, trackingUrl: null }, /trackingUrl must be a valid/],
    ['no carrierName', { ...shipment, carrierName: undefined }, /carrierName is required/],
    ['no shipDate', { ...shipment, shipDate: undefined }, /shipDate is required/],
    ['a long service', { ...shipment, service: 's'.repeat(101) }, /service must be at most 100/],
  ])('refuses %s with 400 and changes nothing', async (_what, s, message) => {
    const o = pending();
    const r = await api('POST', `/orders/${o.id}/fulfillments`, { shouldSendNotification: false, shipments: [s] });
    expectError(r, 400, 'INVALID_REQUEST_ERROR', message);
    expect(o.fulfillmentStatus).toBe('PENDING');
  });

  it('404 for an unknown order, 409 for a canceled one', async () => {
    expect((await api('POST', `/orders/${'a'.repeat(24)}/fulfillments`, { shipments: [] })).status).toBe(404);
    const canceled = section.orders.find((o) => o.fulfillmentStatus === 'CANCELED')!;
    expectError(await api('POST', `/orders/${canceled.id}/fulfillments`, { shipments: [shipment] }), 409, 'CONFLICT', /canceled/);
  });
});

describe('Squarespace dialect: requests in flight', () => {
  it('a second request with the key of one still in progress is 409; once it finishes, the key repeats its answer', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const dialect = createSquarespaceDialect({ whileCreating: () => gate });
    const store = new SandboxStore(emptyState(1));
    store.setSection(SQUARESPACE, seedSquarespace(createRng(1), 5, SEED_REFERENCE_MS));
    const ctx = { store, now: NOW };
    const req = { method: 'POST', path: '/orders', query: {}, headers: { 'idempotency-key': 'k1' }, body: validOrder(), params: {}, baseUrl: 'http://x' };
    const first = dialect.handle(req, ctx);
    const second = await dialect.handle(req, ctx);
    expect(second.status).toBe(409);
    expect((second.body as SqError).type).toBe('CONFLICT');
    release();
    const done = await first;
    expect(done.status).toBe(201);
    expect(await dialect.handle(req, ctx)).toEqual(done);
    expect(store.section<SqSection>(SQUARESPACE).orders).toHaveLength(6);
  });
});

describe('Squarespace dialect: quota', () => {
  it('answers 429 TOO_MANY_REQUESTS past 300 requests a minute, and serves again after the minute', async () => {
    let now = NOW;
    const sandbox = await startSandbox({ seed: 7, orders: 3, now: () => now });
    const client = apiFor(sandbox.baseUrls.squarespace!, undefined);
    const headers = { authorization: `Bearer ${sandbox.token}`, 'user-agent': UA };
    try {
      const answers = await Promise.all(Array.from({ length: 301 }, () => client('GET', '/orders', undefined, headers)));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(300);
      const limited = answers.find((a) => a.status === 429)!;
      expectError(limited, 429, 'TOO_MANY_REQUESTS', /300 a minute/);
      expect(limited.headers['retry-after']).toBeUndefined();
      now += 60_000;
      expect((await client('GET', '/orders', undefined, headers)).status).toBe(200);
    } finally {
      await client.close();
      await sandbox.close();
    }
  });
});

describe('seeded Squarespace orders', () => {
  const seeded = (seed = 7, orders = 60) => seedState(seed, orders).platforms.squarespace as SqSection;

  it('are the same for the same seed, and differ for another', () => {
    expect(JSON.stringify(seeded(7))).toBe(JSON.stringify(seeded(7)));
    expect(JSON.stringify(seeded(8))).not.toBe(JSON.stringify(seeded(7)));
  });

  it('have every fulfillment status, test orders, unique ids, and totals that add up', () => {
    for (const [seed, count] of [[1, 3], [7, 60]] as const) {
      const sec = seeded(seed, count);
      expect(new Set(sec.orders.map((o) => o.fulfillmentStatus))).toEqual(new Set(['PENDING', 'FULFILLED', 'CANCELED']));
      expect(sec.orders.some((o) => o.testmode)).toBe(true);
      expect(new Set(sec.orders.map((o) => o.id)).size).toBe(count);
    }
    for (const o of seeded().orders) {
      const cents = (m: { value: string }) => Math.round(Number(m.value) * 100);
      expect(cents(o.subtotal) + cents(o.shippingTotal) + cents(o.taxTotal) - cents(o.discountTotal)).toBe(cents(o.grandTotal));
      expect(o.createdOn <= o.modifiedOn).toBe(true);
      expect(Date.parse(o.modifiedOn)).toBeLessThan(SEED_REFERENCE_MS);
      if (o.fulfillmentStatus === 'FULFILLED') expect(o.fulfillments).toHaveLength(1);
    }
  });
});

describe('Squarespace dialect: state', () => {
  it('summarizes orders, test orders, shipments and notifications for sandbox info', () => {
    const d = createSquarespaceDialect();
    const s = d.summarize(seedSquarespace(createRng(3), 10, SEED_REFERENCE_MS));
    expect(Object.keys(s)).toEqual(['orders', 'testmode', 'shipments', 'notifications']);
    expect(s.orders).toBe(10);
  });
});
