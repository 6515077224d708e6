import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../src/core/order.js';
import { STATUS_BY_ID, toAddress, toNormalizedOrder, toStatusId } from '../../src/platforms/bigcommerce/mapping.js';
import type { BcOrder } from '../../src/platforms/bigcommerce/types.js';

describe('BigCommerce status mapping', () => {
  it('maps every id 0–14 to a shared status name', () => {
    for (let id = 0; id <= 14; id++) expect(STATUSES).toContain(STATUS_BY_ID[id]);
  });

  it('maps names and native ids back', () => {
    expect(toStatusId('awaiting_fulfillment')).toBe(11);
    expect(toStatusId('Awaiting Fulfillment')).toBe(11);
    expect(toStatusId('cancelled')).toBe(5);
    expect(toStatusId('9')).toBe(9);
    expect(toStatusId('0')).toBe(0);
  });

  it('round-trips each canonical id', () => {
    for (let id = 0; id <= 14; id++) {
      const name = STATUS_BY_ID[id]!;
      expect(STATUS_BY_ID[toStatusId(name)]).toBe(name);
    }
  });

  it('refuses statuses BigCommerce has no equivalent for', () => {
    expect(() => toStatusId('returned')).toThrow(/unknown BigCommerce status "returned"/);
    expect(() => toStatusId('15')).toThrow();
    expect(() => toStatusId('shipped-ish')).toThrow();
  });
});

describe('toNormalizedOrder', () => {
  const order = {
    id: 120,
    customer_id: 0,
    date_created: 'Wed, 10 Jan 2018 21:05:30 +0000',
    date_modified: 'Thu, 11 Jan 2018 01:05:30 +0200',
    date_shipped: '',
    status_id: 11,
    status: 'Awaiting Fulfillment',
    subtotal_ex_tax: '336.3200',
    subtotal_inc_tax: '336.3200',
    shipping_cost_ex_tax: '0.1000',
    total_tax: '0.0000',
    total_inc_tax: '336.4200',
    discount_amount: '0.0000',
    items_total: 2,
    items_shipped: 0,
    currency_code: 'EUR',
    default_currency_code: 'EUR',
    customer_message: '',
    order_source: 'manual',
    external_id: null,
    billing_address: { first_name: 'Zoë', last_name: 'Ng', company: '', street_1: '1 Rue', street_2: '', city: 'Paris', state: 'Paris', zip: '75001', country: 'France', country_iso2: 'FR', phone: '', email: 'zoe@example.com' },
  } as unknown as BcOrder;

  it('converts money, dates and guests', () => {
    const o = toNormalizedOrder(order);
    expect(o).toMatchObject({
      id: '120',
      status: 'awaiting_fulfillment',
      nativeStatus: '11',
      fulfillmentStatus: 'unfulfilled',
      createdAt: '2018-01-10T21:05:30Z',
      updatedAt: '2018-01-10T23:05:30Z',
      customer: { id: null, name: 'Zoë Ng', email: 'zoe@example.com', phone: null },
      currency: 'EUR',
      channel: 'manual',
      notes: null,
    });
    expect(o.totals.total).toEqual({ amount: '336.42', currency: 'EUR' });
    expect(o.totals.shipping).toEqual({ amount: '0.10', currency: 'EUR' });
    expect(o.billingAddress).toMatchObject({ country: 'FR', company: null, line2: null });
    expect(o.items).toEqual([]);
  });

  it('labels money with the currency the shopper pays in, not the display currency', () => {
    const o = toNormalizedOrder({ ...order, currency_code: 'GBP', default_currency_code: 'EUR' } as BcOrder);
    expect(o.currency).toBe('EUR');
    expect(o.totals.total).toEqual({ amount: '336.42', currency: 'EUR' });
  });
});

describe('BigCommerce names', () => {
  it.each([
    ['Zoë', 'Ng', 'Zoë Ng'],
    ['Zoë', '', 'Zoë'],
    [' ', 'Ng', 'Ng'],
    [null, 'Ng', 'Ng'],
    ['Zoë', undefined, 'Zoë'],
    ['  ', '\t', null],
    ['', '', null],
    [' Zoë', 'Ng ', ' Zoë Ng '],
  ])('%j + %j → %j', (first, last, name) => {
    expect(toAddress({ first_name: first, last_name: last } as never)?.name).toBe(name);
  });
});
