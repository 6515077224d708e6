// Outshifter JSON → normalized: every documented shape (seeds/outshifter-*.txt)
// gives the same output — snake_case or camelCase, amounts as strings or numbers.

import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/core/errors.js';
import { toCart, toCheckout, toNormalizedOrder, toPayment, toPaymentMethods, toQuote } from '../../src/platforms/outshifter/mapping.js';
import { flatRateCode, missingForPayment, orderBodyProblems } from '../../src/platforms/outshifter/rules.js';
import { STATUS_READING } from '../../src/platforms/outshifter/status.js';
import { nativeCodesFor } from '../../src/platforms/status-filter.js';

const toNativeStatus = (s: string) => nativeCodesFor('outshifter', s, STATUS_READING);
import type { OsCart, OsCheckout, OsOrder } from '../../src/platforms/outshifter/types.js';

// POST /cart/:id/item/add answer: amounts as numbers, product_title present.
const addAnswerItem = { id: 'c383e935', product_id: 112232, product_title: 'Hiking Boots', product_image: [], variant_id: 231, quantity: 2, price_data: { unit_price: 323.13, tax: 12, currency: 'EUR' } };
// GET /cart/:id: amounts as strings, no titles.
const getCart: OsCart = {
  cart_id: 112321203,
  customer_session_id: '92sdj34234',
  created_at: '2022-04-05T13:20:16-04:00',
  updated_at: '2022-04-05T13:20:16-04:00',
  line_items: [
    { id: 'c383e935', product_id: 112232, variant_id: 231, quantity: 2, price_data: { unit_price: '323.13', tax: '12', currency: 'EUR' } },
    { product_id: 112000, variant_id: null, quantity: 1, price_data: { unit_price: '100.00', tax: '12', currency: 'EUR' } },
  ],
  total_amount: '746.26',
  currency: 'EUR',
};
// The same cart as a checkout holds it: camelCase, priceData.
const camelCart: OsCart = {
  createdAt: '2022-04-05T17:20:16.000Z',
  updatedAt: '2022-04-05T17:20:16.000Z',
  id: 112321203,
  customer_session_id: '92sdj34234',
  currency: 'EUR',
  total_amount: 746.26,
  deletedAt: null,
  line_items: [
    { id: 'c383e935', productId: 112232, variantId: 231, quantity: 2, priceData: { id: 'p1', unitPrice: '323.13', tax: '12.00', currency: 'EUR' } },
    { productId: 112000, variantId: null, quantity: 1, priceData: { unitPrice: 100, tax: 12, currency: 'EUR' } },
  ],
};

describe('Outshifter carts', () => {
  it('reads the snake_case cart and the camelCase cart of a checkout into the same cart', () => {
    const a = toCart(getCart);
    const b = toCart(camelCart);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ id: '112321203', sessionId: '92sdj34234', currency: 'EUR', total: { amount: '746.26', currency: 'EUR' }, createdAt: '2022-04-05T17:20:16Z' });
    expect(a.items[0]).toEqual({ id: 'c383e935', productId: '112232', variantId: '231', title: null, quantity: 2, unitPrice: { amount: '323.13', currency: 'EUR' }, tax: { amount: '12.00', currency: 'EUR' }, total: { amount: '646.26', currency: 'EUR' } });
    expect(a.items[1]!.variantId).toBeNull();
  });

  it('reads numbers (the add answer, total_amount 0 of a new cart) as decimal strings', () => {
    const c = toCart({ cart_id: 'dd96', customer_session_id: 's', created_at: '2022-10-07T10:17:31.675Z', updated_at: '2022-10-07T10:17:31.675Z', line_items: [addAnswerItem], total_amount: 0, currency: 'EUR' });
    expect(c.total).toEqual({ amount: '0.00', currency: 'EUR' });
    expect(c.items[0]).toMatchObject({ title: 'Hiking Boots', unitPrice: { amount: '323.13', currency: 'EUR' }, tax: { amount: '12.00', currency: 'EUR' } });
  });

  it('an amount that is no amount is an ApiError naming it, never a crash', () => {
    expect(() => toCart({ ...getCart, total_amount: 'lots' })).toThrow(ApiError);
    expect(() => toCart({ ...getCart, total_amount: 'lots' })).toThrow(/total_amount as "lots"/);
    expect(() => toCart({} as OsCart)).toThrow(/no id/);
  });
});

const checkout: OsCheckout = {
  cart: camelCart,
  status: 'ACTIVE',
  total_price: '200.00',
  total_tax: '12.00',
  total_line_items_price: 200,
  success_url: null,
  cancel_url: null,
  payment_method: null,
  email: null,
  checkout_url: null,
  createdAt: '2022-10-07T11:44:53.666Z',
  updatedAt: '2022-10-07T11:52:56.000Z',
  id: '67954a7d-7bb4-49ef-82a6-bbe491d949a6',
  billing_address: null,
  shipping_address: { id: '12f1', first_name: 'John', last_name: 'Johnson', email: 'john@example.com', phone_code: null, phone: 99999999, company: null, address1: null, address2: null, city: null, province: null, province_code: null, country: null, country_code: null, zip: 123 },
  availablePaymentMethods: [],
};

describe('Outshifter checkouts', () => {
  it('normalizes the documented checkout: totals, contact, the e-mail given inside shipping_address', () => {
    const c = toCheckout(checkout);
    expect(c).toMatchObject({ id: checkout.id, status: 'ACTIVE', cartId: '112321203', currency: 'EUR', email: 'john@example.com', paymentMethod: null, shippingRate: null, billingAddress: null });
    expect(c.totals).toEqual({ items: { amount: '200.00', currency: 'EUR' }, tax: { amount: '12.00', currency: 'EUR' }, shipping: null, total: { amount: '200.00', currency: 'EUR' } });
    // Numbers in phone and zip (the documented payment body) become strings.
    expect(c.shippingAddress).toMatchObject({ firstName: 'John', lastName: 'Johnson', phone: '99999999', zip: '123' });
  });

  it('says what a payment still needs, in the seed’s words', () => {
    const missing = missingForPayment(toCheckout(checkout));
    expect(missing.map((m) => m.need)).toEqual(['shipping information', 'billing information', 'payment method', 'shipping rate']);
    expect(missing[0]!.fields).toEqual(['address1', 'city', 'countryCode']);
    const full = { first_name: 'J', last_name: 'J', address1: 'a', city: 'c', zip: '0150', country_code: 'NO' };
    const ready = toCheckout({ ...checkout, email: 'j@example.com', shipping_address: full, billing_address: full, payment_method: 'Stripe', shipping_rate: { service_code: '920-FRP' } });
    expect(missingForPayment(ready)).toEqual([]);
    expect(missingForPayment(toCheckout({ ...checkout, shipping_address: null })).map((m) => m.need)[0]).toBe('personal information');
  });

  it('reads the payment answer (snake cart) and the payment methods in any listed form', () => {
    const p = toPayment({ success_url: 'https://x?success=true', payment_method: 'Stripe', email: 'a@b.co', billing_address: { first_name: 'Will', country_code: 'US', zip: '40202' }, shipping_address: null, cart: getCart }, 'co1');
    expect(p).toMatchObject({ checkoutId: 'co1', paymentMethod: 'Stripe', successUrl: 'https://x?success=true', billingAddress: { firstName: 'Will', countryCode: 'US' }, cart: { id: '112321203' } });
    expect(toPaymentMethods(['Stripe', 'Klarna'])).toEqual([{ name: 'Stripe' }, { name: 'Klarna' }]);
    expect(toPaymentMethods([{ name: 'Stripe', identifier: 'stripe' }])).toEqual([{ name: 'Stripe' }]);
    expect(toPaymentMethods({ paymentMethods: [{ method: 'Vipps' }] })).toEqual([{ name: 'Vipps' }]);
    expect(() => toPaymentMethods({ nope: 1 })).toThrow(ApiError);
  });

  it('reads the flat-rate answer, total_price a number there', () => {
    expect(toQuote({ service_name: 'Flat rate price to NO', description: 'By Outshifter', service_code: '920-FRP,4108-FRP', total_price: 350.0, currency: 'NOK' })).toEqual({
      serviceName: 'Flat rate price to NO',
      description: 'By Outshifter',
      serviceCode: '920-FRP,4108-FRP',
      total: { amount: '350.00', currency: 'NOK' },
    });
    expect(toQuote({ service_name: 'x', service_code: '1-FRP', total_price: '99.5', currency: 'EUR' }).total).toEqual({ amount: '99.50', currency: 'EUR' });
    expect(flatRateCode([920, '4108'])).toBe('920-FRP,4108-FRP');
  });
});

const order: OsOrder = {
  createdAt: '2022-10-07T10:17:31.675Z',
  updatedAt: '2022-10-08T10:00:00Z',
  id: 3232,
  channel: 'Partner',
  channelId: '5',
  channelOrderName: '#1001',
  channelCreatedDate: '1994-11-05T13:15:30Z',
  status: 'PAID',
  currency: 'NOK',
  shippingPrice: '128.00',
  shippingTitle: 'Flat rate price to NO',
  shippingCode: '1214089-FRP',
  customer: { fullName: 'Jane Doe', email: 'jane@example.com', phone: '+4563727263', shippingContactName: 'Jane Doe', shippingAddress: 'my street', shippingCity: 'Oslo', shippingZip: '0150', shippingCountry: 'NO', billingName: 'Jane Doe', billingAddress: 'billing street', billingZip: '0151', billingCity: 'Oslo', billingState: 'Oslo', billingCountry: 'NO' },
  items: [
    { id: 1, productId: 25, title: 'T-shirt', variantTitle: 'M-White', quantity: 2, priceChannel: 100, status: 'PAID' },
    { id: 2, productId: 26, quantity: 1, priceChannel: '49.90', status: 'CANCELED' },
  ],
  trackings: [],
};

describe('Outshifter orders', () => {
  it('normalizes an order: money as decimal strings, cancelled items left out of the total', () => {
    const o = toNormalizedOrder(order);
    // The number as the shop shows it, never with a # (the channel's own name keeps it).
    expect(o).toMatchObject({ id: '3232', number: '1001', platform: 'outshifter', status: 'awaiting_fulfillment', nativeStatus: 'PAID', fulfillmentStatus: 'unfulfilled', currency: 'NOK', channel: 'Partner', externalRef: '#1001' });
    expect(o.items.map((i) => [i.id, i.unitPrice?.amount, i.total?.amount, i.status, i.variant])).toEqual([
      ['1', '100.00', '200.00', 'unfulfilled', 'M-White'],
      ['2', '49.90', '49.90', 'cancelled', null],
    ]);
    expect(o.totals).toEqual({ subtotal: { amount: '200.00', currency: 'NOK' }, shipping: { amount: '128.00', currency: 'NOK' }, tax: null, discount: null, refunded: null, total: { amount: '328.00', currency: 'NOK' } });
    expect(o.shippingAddress).toMatchObject({ name: 'Jane Doe', line1: 'my street', zip: '0150', country: 'NO', phone: '+4563727263' });
    expect(o.billingAddress).toMatchObject({ line1: 'billing street', state: 'Oslo' });
    expect(o.createdAt).toBe('2022-10-07T10:17:31.675Z');
  });

  it('maps statuses both ways, native codes in any case', () => {
    expect(toNativeStatus('completed')).toEqual(['COMPLETED']);
    expect(toNativeStatus('COMPLETED')).toEqual(['COMPLETED']);
    expect(toNativeStatus('canceled')).toEqual(['CANCELED']);
    expect(toNativeStatus('cancelled')).toEqual(['CANCELED']);
    expect(toNativeStatus('awaiting_fulfillment')).toEqual(['PAID']);
    expect(toNativeStatus('shipped')).toEqual(['SHIPPED']);
    // A name no Outshifter status is labelled with means no code, not the nearest one.
    expect(toNativeStatus('awaiting_payment')).toEqual([]);
    expect(() => toNativeStatus('lost')).toThrow(/unknown outshifter status "lost"/);
  });

  it('checks a create body as documented, naming each problem', () => {
    const good = {
      channel: 'Partner',
      channelId: '5',
      channelOrderName: '#1001',
      channelCreatedDate: '1994-11-05T13:15:30Z',
      paymentProcessor: 'Klarna',
      currency: 'NOK',
      customer: { fullName: 'Jane Doe', email: 'jane@example.com', phone: '+4563727263', shippingContactName: 'Jane Doe', shippingAddress: 'my street', shippingCity: 'my city', shippingState: 'my state', shippingZip: '0150', billingCountry: 'NO' },
      items: [{ productId: 25, quantity: 1, priceChannel: 100, variantTitle: 'M-White' }],
      shippingItems: [{ code: '1214089-FRP', title: 'Flat rate price to NO', price: 25 }],
    };
    expect(orderBodyProblems(good)).toEqual([]);
    expect(orderBodyProblems([])).toEqual(['the order must be a JSON object']);
    const bad = orderBodyProblems({ ...good, currency: 'kr', customer: { ...good.customer, email: 'nope' }, items: [{ productId: 'x', quantity: 0, priceChannel: -1 }] });
    expect(bad).toEqual([
      'currency must be an ISO 4217 code such as NOK',
      'customer.email: "nope" is not an e-mail address',
      'items[0].productId must be a product id (a whole number)',
      'items[0].quantity must be a whole number of at least 1',
      'items[0].priceChannel must be an amount such as 100 or "100.00"',
    ]);
  });
});
