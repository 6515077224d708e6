// Squarespace native JSON → the normalized order, statuses both ways, the
// request rules shared by the adapter and the sandbox, and error bodies
// (API-NOTES.md §2, seeds/squarespace-commerce-orders.txt).

import { describe, expect, it } from 'vitest';
import { describeError, EPOCH, listQuery } from '../../src/platforms/squarespace/adapter.js';
import { normalizeAmounts, paymentFilter, statusName, STATUS_READING, toNormalizedOrder } from '../../src/platforms/squarespace/mapping.js';
import { nativeCodesFor } from '../../src/platforms/status-filter.js';

const toFulfillmentStatus = (s: string) => nativeCodesFor('squarespace', s, STATUS_READING);
import { canonicalJson, createOrderProblem, parseIsoUtc } from '../../src/platforms/squarespace/rules.js';
import type { SqOrder } from '../../src/platforms/squarespace/types.js';

/** The docs' response sample, trimmed (API-NOTES.md §2: zrheaume/JHI-WebOrder-Mock copy). */
const sample: SqOrder = {
  id: '585d498fdee9f31a60284a37',
  orderNumber: '3',
  createdOn: '2016-12-23T15:58:07.187Z',
  modifiedOn: '2016-12-24T09:00:00.000Z',
  channel: 'web',
  testmode: true,
  customerEmail: 'jane@example.com',
  customerId: null,
  billingAddress: { firstName: 'Jane', lastName: 'Doe', address1: '8 Clarkson St', address2: null, city: 'New York', state: 'NY', countryCode: 'US', postalCode: '10014', phone: '5555555555' },
  shippingAddress: null,
  fulfillmentStatus: 'PENDING',
  lineItems: [
    {
      id: '585d4a0ade4c6c0d02ef3d24',
      variantId: '4d2d3a8c-3e67-4f9f-ae2c-6d3d19eaf8c7',
      sku: 'SQ123',
      weight: 1,
      width: 2,
      length: 3,
      height: 4,
      productId: '5851b8e3cd0f68b54a3e3b2b',
      productName: 'Rain Coat',
      quantity: 3,
      unitPricePaid: { value: '18.33', currency: 'USD' },
      variantOptions: [{ optionName: 'Size', value: 'M' }],
      customizations: null,
      imageUrl: null,
      lineItemType: 'PHYSICAL_PRODUCT',
    },
  ],
  internalNotes: null,
  shippingLines: null,
  discountLines: [],
  formSubmission: null,
  fulfillments: null,
  subtotal: { value: '54.99', currency: 'USD' },
  shippingTotal: { value: '0.00', currency: 'USD' },
  discountTotal: { value: '0.00', currency: 'USD' },
  taxTotal: { value: '4.51', currency: 'USD' },
  refundedTotal: { value: '0.00', currency: 'USD' },
  grandTotal: { value: '59.50', currency: 'USD' },
  channelName: null,
  externalOrderReference: null,
  fulfilledOn: null,
  priceTaxInterpretation: 'EXCLUSIVE',
};

describe('Squarespace order → normalized order', () => {
  it('maps ids, money as decimal strings, addresses, items with exact line totals', () => {
    const o = toNormalizedOrder(sample);
    expect(o).toMatchObject({
      id: '585d498fdee9f31a60284a37',
      number: '3',
      platform: 'squarespace',
      status: 'awaiting_fulfillment',
      nativeStatus: 'PENDING',
      fulfillmentStatus: 'unfulfilled',
      createdAt: '2016-12-23T15:58:07.187Z',
      updatedAt: '2016-12-24T09:00:00Z',
      customer: { id: null, name: 'Jane Doe', email: 'jane@example.com', phone: '5555555555' },
      billingAddress: { name: 'Jane Doe', line1: '8 Clarkson St', line2: null, zip: '10014', country: 'US' },
      shippingAddress: null,
      totals: { subtotal: { amount: '54.99', currency: 'USD' }, tax: { amount: '4.51', currency: 'USD' }, total: { amount: '59.50', currency: 'USD' } },
      currency: 'USD',
      channel: 'web',
      externalRef: null,
      notes: null,
    });
    // 3 × 18.33 in decimal arithmetic, not 54.989999…
    expect(o.items).toEqual([
      { id: '585d4a0ade4c6c0d02ef3d24', productId: '5851b8e3cd0f68b54a3e3b2b', variantId: '4d2d3a8c-3e67-4f9f-ae2c-6d3d19eaf8c7', sku: 'SQ123', title: 'Rain Coat', variant: 'Size: M', quantity: 3, unitPrice: { amount: '18.33', currency: 'USD' }, total: { amount: '54.99', currency: 'USD' }, status: 'unfulfilled' },
    ]);
  });

  it('reads the OpenAPI’s number form of money too [C], and null arrays as empty', () => {
    const o = toNormalizedOrder({ ...sample, grandTotal: { value: 59.5 as unknown as string, currency: 'USD' }, lineItems: null, internalNotes: [{ content: 'call first' }, { content: 'fragile' }] });
    expect(o.totals.total).toEqual({ amount: '59.50', currency: 'USD' });
    expect(o.items).toEqual([]);
    // internalNotes are the merchant's: staff notes, not the customer's.
    expect(o.staffNotes).toBe('call first\nfragile');
    expect(o.notes).toBeNull();
  });

  it('an imported order names its channel and external reference', () => {
    const o = toNormalizedOrder({ ...sample, channelName: 'Etsy', externalOrderReference: 'ETSY-1' });
    expect([o.channel, o.externalRef]).toEqual(['Etsy', 'ETSY-1']);
  });
});

describe('Squarespace statuses', () => {
  it('maps FULFILLED and CANCELED, and names each', () => {
    expect(toNormalizedOrder({ ...sample, fulfillmentStatus: 'FULFILLED' })).toMatchObject({ status: 'fulfilled', fulfillmentStatus: 'fulfilled' });
    expect(toNormalizedOrder({ ...sample, fulfillmentStatus: 'CANCELED' })).toMatchObject({ status: 'cancelled', fulfillmentStatus: 'cancelled' });
    expect(['PENDING', 'FULFILLED', 'CANCELED', 'X'].map(statusName)).toEqual(['Pending', 'Fulfilled', 'Canceled', undefined]);
  });

  it('accepts native codes in any case and the normalized names; refuses the rest', () => {
    expect(['PENDING', 'awaiting_fulfillment', 'Awaiting Fulfillment'].map(toFulfillmentStatus)).toEqual([['PENDING'], ['PENDING'], ['PENDING']]);
    expect(['FULFILLED', 'fulfilled'].map(toFulfillmentStatus)).toEqual([['FULFILLED'], ['FULFILLED']]);
    expect(['CANCELED', 'cancelled', 'canceled'].map(toFulfillmentStatus)).toEqual([['CANCELED'], ['CANCELED'], ['CANCELED']]);
    // The shared names no Squarespace status is labelled with: no code ("pending" is the shared name, not PENDING).
    expect(['pending', 'refunded'].map(toFulfillmentStatus)).toEqual([[], []]);
    for (const bad of ['shipped', '2', '']) expect(() => toFulfillmentStatus(bad)).toThrow(/unknown squarespace status/);
  });
});

describe('Squarespace list query', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('completes a one-sided window, and asks for every payment state (the API defaults to four)', () => {
    const { query, statuses } = listQuery({ statuses: [] }, now);
    expect({ query, statuses }).toEqual({ query: { customerId: undefined, paymentStates: 'NOT_CHARGED,AUTHORIZED,PAID,REFUNDED,PENDING,FAILED,REFUND_PENDING,REFUND_FAILED,PARTIALLY_PAID' }, statuses: [undefined] });
    expect(listQuery({ statuses: [], until: new Date('2026-01-01T00:00:00Z') }, now).query).toMatchObject({ modifiedAfter: EPOCH.toISOString(), modifiedBefore: '2026-01-01T00:00:00.000Z' });
    expect(listQuery({ statuses: [], since: new Date('2026-01-01T00:00:00Z') }, now).query).toMatchObject({ modifiedAfter: '2026-01-01T00:00:00.000Z', modifiedBefore: '2026-11-23T12:00:00.000Z' });
  });

  it('a cursor goes alone', () => {
    const { query, statuses } = listQuery({ statuses: ['pending'], cursor: 'c1', since: new Date(0), customer: 'x' }, now);
    expect({ query, statuses }).toEqual({ query: { cursor: 'c1' }, statuses: [undefined] });
  });

  it('--payment-status: a shared name asks for the states that can print it and keeps those that do', () => {
    const money = (value: string) => ({ value, currency: 'USD' });
    const paid = { paymentState: 'PAID', refundedTotal: money('0.00') } as const;
    const partly = { paymentState: 'REFUND_PENDING', refundedTotal: money('5.00') } as const;
    const byName = paymentFilter(['partially_refunded']);
    expect(byName.states).toEqual(['PAID', 'REFUND_PENDING', 'REFUND_FAILED']);
    expect([byName.keeps(paid), byName.keeps(partly)]).toEqual([false, true]);
    const both = paymentFilter(['paid', 'PENDING']);
    expect(both.states).toEqual(['PAID', 'REFUND_PENDING', 'REFUND_FAILED', 'PENDING']);
    expect([both.keeps(paid), both.keeps(partly), both.keeps({ paymentState: 'PENDING', refundedTotal: money('0') })]).toEqual([true, false, true]);
    // Native states alone: whatever the API answers.
    expect(paymentFilter(['refund_pending']).keeps(paid)).toBe(true);
    expect(paymentFilter(['unpaid']).states).toEqual(['NOT_CHARGED']);
    expect(() => paymentFilter(['half_paid'])).toThrow(/unknown Squarespace payment status "half_paid"/);
    // The adapter's query carries the states; a resumed listing (--cursor) still keeps by name.
    const resumed = listQuery({ statuses: [], cursor: 'c1', paymentStatuses: ['partially_refunded'] }, now);
    expect(resumed.query).toEqual({ cursor: 'c1' });
    expect(resumed.keeps({ ...paid, id: 'x' } as never)).toBe(false);
  });
});

describe('Squarespace request rules', () => {
  it('ISO 8601 UTC with or without a fraction; no offsets, no bare dates, no impossible days', () => {
    expect(parseIsoUtc('2016-04-10T12:00:00Z')).toBe(Date.parse('2016-04-10T12:00:00Z'));
    expect(parseIsoUtc('2016-12-23T15:58:07.187Z')).toBe(Date.parse('2016-12-23T15:58:07.187Z'));
    for (const bad of ['2016-04-10', '2016-04-10T12:00:00+02:00', '2026-02-30T00:00:00Z', 'yesterday', 5]) expect(parseIsoUtc(bad), String(bad)).toBeUndefined();
  });

  it('a number amount becomes its exact decimal string before the rules see it', () => {
    const body = normalizeAmounts({ grandTotal: { currency: 'USD', value: 17.5 }, lineItems: [{ unitPricePaid: { currency: 'USD', value: 0.1 } }], note: { value: 3 } });
    expect(body).toEqual({ grandTotal: { currency: 'USD', value: '17.50' }, lineItems: [{ unitPricePaid: { currency: 'USD', value: '0.10' } }], note: { value: 3 } });
  });

  it('names the field of the first broken rule', () => {
    expect(createOrderProblem({})).toEqual({ field: 'channelName', message: 'channelName is required', subtype: 'MISSING_ARGUMENT' });
    expect(createOrderProblem(null)?.message).toBe('body must be one JSON object');
  });

  it('compares bodies whatever their key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
  });
});

describe('Squarespace error bodies', () => {
  it('reads {type, subtype, message, details, contextId}; the contextId only for server errors', () => {
    expect(describeError({ type: 'INVALID_REQUEST_ERROR', subtype: 'MISSING_ARGUMENT', message: 'An expiration date is required.', details: null, contextId: 'RUPSUSPOW' })).toBe(
      'An expiration date is required. [INVALID_REQUEST_ERROR/MISSING_ARGUMENT]',
    );
    expect(describeError({ type: 'SERVER_ERROR', subtype: null, message: 'Oops.', details: null, contextId: 'RUPSUSPOW' })).toBe('Oops. [SERVER_ERROR] (contextId RUPSUSPOW)');
    expect(describeError([1])).toBeUndefined();
    expect(describeError('x')).toBeUndefined();
  });
});
