// CS-Cart native JSON → the normalized order, and status letters both ways.

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { toNormalizedOrder, toStatus, toStatusLetter, unixToIso } from '../../src/platforms/cscart/mapping.js';
import { CS_STATUSES } from '../../src/platforms/cscart/status.js';
import type { CsOrder, CsOrderSummary } from '../../src/platforms/cscart/types.js';

// The list row of API-NOTES.md §3, as the API sends it: every value a string.
const ROW: CsOrderSummary = {
  order_id: '97',
  issuer_id: null,
  user_id: '3',
  is_parent_order: 'N',
  parent_order_id: '0',
  company_id: '1',
  timestamp: '1456917981',
  firstname: 'Jürgen',
  lastname: 'Müller',
  email: 'j@example.de',
  phone: '',
  status: 'O',
  total: '677.95',
  invoice_id: '',
  credit_memo_id: '',
  points: '0',
};

const DETAIL: CsOrder = {
  ...ROW,
  status: 'P',
  updated_at: 1456920000,
  // The seed types these as float: JSON numbers, which must not pick up float error.
  subtotal: 0.3,
  display_subtotal: 0.3,
  tax_subtotal: 0.05,
  shipping_cost: '4.90',
  discount: '0.10',
  subtotal_discount: 0.2,
  total: 5.1,
  secondary_currency: 'EUR',
  vendor_ref: 'ABC1234',
  notes: 'Bitte klingeln.',
  b_firstname: 'Jürgen',
  b_lastname: 'Müller',
  b_address: 'Marienplatz 8',
  b_address_2: '',
  b_city: 'München',
  b_state: 'BY',
  b_state_descr: 'Bayern',
  b_country: 'DE',
  b_zipcode: '80331',
  b_phone: '+49 89 555',
  s_firstname: 'Anna',
  s_lastname: 'Schmidt',
  s_address: 'Damrak 1',
  s_city: 'Amsterdam',
  s_country: 'NL',
  s_zipcode: '1012 LG',
  products: {
    '2237483245': { item_id: '2237483245', product_id: '12', product_code: 'MUG', product: 'Tasse', price: '0.10', amount: '3', subtotal: 0.3 },
    '3237483245': { item_id: '3237483245', product_id: '14', product_code: 'SHIRT', product: 'T-Shirt', price: 0.1, amount: 2, product_options: [{ option_name: 'Größe', variant_name: 'M' }] },
  },
};

describe('CS-Cart status letters', () => {
  it('map every letter of the seed table, and Y, to a normalized status', () => {
    expect(CS_STATUSES.map((s) => s.letter).sort()).toEqual(['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'N', 'O', 'P', 'Y']);
    expect(Object.fromEntries(CS_STATUSES.map((s) => [s.letter, toStatus(s.letter)]))).toEqual({
      O: 'pending',
      P: 'awaiting_fulfillment',
      C: 'completed',
      F: 'failed',
      D: 'declined',
      B: 'on_hold',
      I: 'cancelled',
      G: 'return_requested',
      H: 'returned',
      N: 'incomplete',
      E: 'awaiting_payment',
      Y: 'on_hold',
    });
  });

  it('accept letters in either case, normalized names and CS-Cart’s own names', () => {
    expect(toStatusLetter('P')).toBe('P');
    expect(toStatusLetter('c')).toBe('C');
    expect(toStatusLetter('awaiting_fulfillment')).toBe('P');
    expect(toStatusLetter('Awaiting Payment')).toBe('E');
    expect(toStatusLetter('cancelled')).toBe('I');
    expect(toStatusLetter('canceled')).toBe('I');
    expect(toStatusLetter('processed')).toBe('P');
    expect(toStatusLetter('return-complete')).toBe('H');
    expect(toStatusLetter('on_hold')).toBe('B');
    // A store's own letter passes through; its normalized status is unknown.
    expect(toStatusLetter('x')).toBe('X');
    expect(toStatus('X')).toBeNull();
  });

  it('every normalized status a letter maps to leads back to a letter with that status', () => {
    for (const s of CS_STATUSES) expect(toStatus(toStatusLetter(s.status))).toBe(s.status);
  });

  it('refuse names CS-Cart has no status for, saying what to use', () => {
    expect(() => toStatusLetter('fulfilled')).toThrow(/use completed \(C\)/);
    expect(() => toStatusLetter('refunded')).toThrow(/use returned \(H\)/);
    expect(() => toStatusLetter('shipped')).toThrow(UsageError);
    expect(() => toStatusLetter('PC')).toThrow(/unknown CS-Cart status/);
  });
});

describe('CS-Cart orders, normalized', () => {
  it('read a list row: strings, Unix time, no items and no addresses; the currency from the profile', () => {
    const o = toNormalizedOrder(ROW, 'CHF');
    expect(o).toMatchObject({
      id: '97',
      number: '97',
      platform: 'cscart',
      status: 'pending',
      nativeStatus: 'O',
      createdAt: '2016-03-02T11:26:21Z',
      updatedAt: null,
      customer: { id: '3', name: 'Jürgen Müller', email: 'j@example.de', phone: null },
      billingAddress: null,
      shippingAddress: null,
      items: [],
      totals: { subtotal: null, shipping: null, tax: null, discount: null, refunded: null, total: { amount: '677.95', currency: 'CHF' } },
      currency: 'CHF',
      externalRef: null,
    });
  });

  it('never guess a currency: the profile\'s first, else the order\'s secondary_currency, else an error', () => {
    expect(() => toNormalizedOrder(ROW)).toThrow(/did not say the currency of order 97, and the profile names none/);
    expect(toNormalizedOrder(DETAIL).currency).toBe('EUR');
    expect(toNormalizedOrder(DETAIL, 'CHF').totals.total).toEqual({ amount: '5.10', currency: 'CHF' });
  });

  it('read a full order: numbers become decimal strings without float error', () => {
    const o = toNormalizedOrder(DETAIL, 'EUR');
    expect(o.totals).toEqual({
      subtotal: { amount: '0.30', currency: 'EUR' },
      shipping: { amount: '4.90', currency: 'EUR' },
      tax: { amount: '0.05', currency: 'EUR' },
      // 0.10 + 0.2 is 0.30000000000000004 in floats.
      discount: { amount: '0.30', currency: 'EUR' },
      refunded: null,
      total: { amount: '5.10', currency: 'EUR' },
    });
    expect(o.updatedAt).toBe('2016-03-02T12:00:00Z');
    expect(o.status).toBe('awaiting_fulfillment');
    expect(o.externalRef).toBe('ABC1234');
    expect(o.notes).toBe('Bitte klingeln.');
  });

  it('read the b_ and s_ addresses, with the state’s name and the country code', () => {
    const o = toNormalizedOrder(DETAIL, 'EUR');
    expect(o.billingAddress).toEqual({ name: 'Jürgen Müller', company: null, line1: 'Marienplatz 8', line2: null, city: 'München', state: 'Bayern', zip: '80331', country: 'DE', phone: '+49 89 555' });
    expect(o.shippingAddress).toMatchObject({ name: 'Anna Schmidt', line1: 'Damrak 1', city: 'Amsterdam', country: 'NL', zip: '1012 LG', state: null });
  });

  it('read the products object into items; a line without subtotal is price × amount in decimals', () => {
    const items = toNormalizedOrder(DETAIL, 'EUR').items;
    expect(items).toEqual([
      { id: '2237483245', productId: '12', variantId: null, sku: 'MUG', title: 'Tasse', variant: null, quantity: 3, unitPrice: { amount: '0.10', currency: 'EUR' }, total: { amount: '0.30', currency: 'EUR' }, status: 'unfulfilled' },
      { id: '3237483245', productId: '14', variantId: null, sku: 'SHIRT', title: 'T-Shirt', variant: 'Größe: M', quantity: 2, unitPrice: { amount: '0.10', currency: 'EUR' }, total: { amount: '0.20', currency: 'EUR' }, status: 'unfulfilled' },
    ]);
  });

  it('treat user_id 0 as a guest and odd values as absent', () => {
    const o = toNormalizedOrder({ ...ROW, user_id: '0', total: 'n/a', timestamp: '0' }, 'EUR');
    expect(o.customer.id).toBeNull();
    expect(o.totals.total).toBeNull();
    expect(o.createdAt).toBeNull();
    expect(unixToIso(1456917981)).toBe('2016-03-02T11:26:21Z');
    expect(unixToIso('2016-03-02')).toBeNull();
  });

  it('keep a store’s own letter as the native status', () => {
    const o = toNormalizedOrder({ ...ROW, status: 'A' }, 'EUR');
    expect(o.status).toBeNull();
    expect(o.nativeStatus).toBe('A');
  });
});
