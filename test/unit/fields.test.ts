import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import type { Address, Money, Order } from '../../src/core/order.js';
import { flattenForColumns, getPath, parseFieldList, pickFields, validateFields } from '../../src/output/fields.js';
import { ORDER_FIELDS } from '../../src/output/order-columns.js';

const eur = (amount: string): Money => ({ amount, currency: 'EUR' });
const address: Address = { name: 'Ada L', company: null, line1: '1 Way', line2: null, city: 'Oslo', state: null, zip: '0150', country: 'NO', phone: null };

// Typed as Order, so a change to the normalized order breaks this file first.
const order: Order = {
  id: '1',
  number: '1001',
  store: 'shop',
  platform: 'bigcommerce',
  status: 'awaiting_fulfillment',
  nativeStatus: '11',
  fulfillmentStatus: null,
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: null,
  customer: { id: '7', name: 'Ada L', email: 'a@example.com', phone: null },
  billingAddress: address,
  shippingAddress: null,
  items: [
    { id: 'i1', productId: 'p1', variantId: null, sku: 'X', title: 'Mug', variant: null, quantity: 1, unitPrice: eur('1.00'), total: eur('1.00'), status: null },
    { id: 'i2', productId: 'p2', variantId: 'v2', sku: 'Y', title: 'Cup', variant: 'red', quantity: 2, unitPrice: eur('1.00'), total: eur('2.00'), status: null },
  ],
  totals: { subtotal: eur('3.00'), shipping: null, tax: eur('0.00'), discount: null, refunded: null, total: eur('3.00') },
  shipments: [{ id: 's1', carrier: 'UPS', service: 'Ground', tracking: '1Z1', trackingUrl: null, shippedAt: '2026-11-02T10:00:00Z', items: [{ itemId: 'i1', quantity: 1 }] }],
  payment: { status: 'paid', method: 'Credit Card' },
  currency: 'EUR',
  channel: 'web',
  externalRef: null,
  notes: 'leave at the door',
  staffNotes: null,
};

/** Every path of a value, parents included, walking into the first element of arrays. */
function pathsOf(value: unknown, prefix = ''): string[] {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, child]) => {
    const p = prefix ? `${prefix}.${k}` : k;
    return [p, ...pathsOf(child, p)];
  });
}

describe('parseFieldList', () => {
  it('splits, trims and drops duplicates', () => {
    expect(parseFieldList(' id, customer.email ')).toEqual(['id', 'customer.email']);
    expect(parseFieldList('id,id,status')).toEqual(['id', 'status']);
    expect(parseFieldList('billing_address.street_1')).toEqual(['billing_address.street_1']);
  });

  it.each(['a,,b', '', 'a,', ',a', 'a..b', 'customer.', 'a b'])('refuses %j', (spec) => {
    expect(() => parseFieldList(spec)).toThrow(UsageError);
    expect(() => parseFieldList(spec)).toThrow(`invalid --fields "${spec}"`);
  });

  it('says what is wrong', () => {
    expect(() => parseFieldList('a,,b')).toThrow('invalid --fields "a,,b": an empty field name; use comma-separated names or dotted paths, e.g. id,customer.email');
  });
});

describe('getPath', () => {
  it('walks dotted paths and maps through arrays', () => {
    expect(getPath(order, 'id')).toBe('1');
    expect(getPath(order, 'customer.email')).toBe('a@example.com');
    expect(getPath(order, 'items.sku')).toEqual(['X', 'Y']);
    expect(getPath(order, 'items.total.amount')).toEqual(['1.00', '2.00']);
    expect(getPath(order, 'totals.total')).toEqual(eur('3.00'));
    expect(getPath({ a: [{ b: [{ c: 1 }, { c: 2 }] }, { b: [] }] }, 'a.b.c')).toEqual([[1, 2], []]);
  });

  it('gives undefined for what is missing', () => {
    expect(getPath(order, 'nope')).toBeUndefined();
    expect(getPath(order, 'nope.deeper')).toBeUndefined();
    expect(getPath(order, 'shippingAddress.city')).toBeUndefined();
    expect(getPath(order, 'id.length')).toBeUndefined(); // never properties of strings
    expect(getPath(null, 'id')).toBeUndefined();
  });
});

describe('pickFields', () => {
  it('keeps the nesting', () => {
    expect(pickFields(order, ['id', 'customer.email', 'items.sku', 'totals.total.amount'])).toEqual({
      id: '1',
      customer: { email: 'a@example.com' },
      items: [{ sku: 'X' }, { sku: 'Y' }],
      totals: { total: { amount: '3.00' } },
    });
  });

  it('merges paths under one parent, in the order given', () => {
    const picked = pickFields(order, ['customer.email', 'items.sku', 'customer.name', 'items.total.amount']);
    expect(picked).toEqual({
      customer: { email: 'a@example.com', name: 'Ada L' },
      items: [
        { sku: 'X', total: { amount: '1.00' } },
        { sku: 'Y', total: { amount: '2.00' } },
      ],
    });
    expect(Object.keys(picked.customer as object)).toEqual(['email', 'name']);
  });

  it('keeps a parent picked whole', () => {
    expect(pickFields(order, ['customer', 'customer.email'])).toEqual({ customer: order.customer });
    expect(pickFields(order, ['customer.email', 'customer'])).toEqual({ customer: order.customer });
  });

  it('gives null for what is missing, so every record has the same keys', () => {
    expect(pickFields(order, ['updatedAt', 'nope', 'shippingAddress.city', 'nope.deeper'])).toEqual({ updatedAt: null, nope: null, shippingAddress: null });
    expect(pickFields({ id: '2', items: [] }, ['id', 'items.sku'])).toEqual({ id: '2', items: [] });
  });
});

describe('flattenForColumns', () => {
  it('makes one text cell a path', () => {
    expect(flattenForColumns(order, ['id', 'items.sku', 'totals.total', 'items.total', 'items.quantity', 'missing', 'updatedAt', 'customer'])).toEqual([
      '1',
      'X; Y',
      '3.00 EUR',
      '1.00 EUR; 2.00 EUR',
      '1; 2',
      '',
      '',
      '{"id":"7","name":"Ada L","email":"a@example.com","phone":null}',
    ]);
  });

  it('writes booleans, nested arrays and empty lists plainly', () => {
    expect(flattenForColumns({ ok: false, tags: [['a', 'b'], ['c']], none: [] }, ['ok', 'tags', 'none'])).toEqual(['false', 'a; b; c', '']);
    expect(flattenForColumns({ m: { amount: '1.00', currency: 'EUR', note: 'x' } }, ['m'])).toEqual(['{"amount":"1.00","currency":"EUR","note":"x"}']);
  });
});

describe('ORDER_FIELDS', () => {
  it('is exactly every path of the normalized order', () => {
    const shipment = { id: 's1', carrier: 'ups', service: null, tracking: '1Z', trackingUrl: null, shippedAt: null, items: [{ itemId: 'i1', quantity: 1 }] };
    const full: Order = {
      ...order,
      shippingAddress: address,
      shipments: [shipment],
      totals: { subtotal: eur('3'), shipping: eur('1'), tax: eur('0'), discount: eur('1'), refunded: eur('0'), total: eur('3') },
    };
    expect([...ORDER_FIELDS].sort()).toEqual([...new Set(pathsOf(full))].sort());
    expect(new Set(ORDER_FIELDS).size).toBe(ORDER_FIELDS.length);
  });
});

describe('validateFields', () => {
  it('accepts known paths, their parents, and paths inside a known leaf', () => {
    expect(() => validateFields(['id', 'customer', 'customer.email', 'items.unitPrice.amount', 'totals', 'totals.total'], ORDER_FIELDS)).not.toThrow();
    expect(() => validateFields(['total.amount', 'customer.address.city'], ['id', 'total', 'customer'])).not.toThrow();
  });

  it('refuses unknown paths, suggesting the nearest and listing the valid ones', () => {
    expect(() => validateFields(['custmer.email'], ORDER_FIELDS)).toThrow(UsageError);
    expect(() => validateFields(['id', 'custmer.email'], ORDER_FIELDS)).toThrow(
      'unknown field "custmer.email"; did you mean "customer.email"? valid fields: id, number, store, platform, status, nativeStatus, fulfillmentStatus, createdAt, updatedAt, customer, billingAddress, shippingAddress, items, shipments, payment, totals, currency, channel, externalRef, notes, staffNotes (and the dotted paths inside them, e.g. customer.id)',
    );
    expect(() => validateFields(['email'], ORDER_FIELDS)).toThrow(/did you mean "customer.email"\?/);
    expect(() => validateFields(['Status'], ORDER_FIELDS)).toThrow(/did you mean "status"\?/);
    expect(() => validateFields(['zzzzzz'], ORDER_FIELDS)).toThrow(/^unknown field "zzzzzz"; valid fields: id, number, /);
    expect(() => validateFields(['customer.emails'], ORDER_FIELDS)).toThrow(/did you mean "customer.email"/); // a known leaf of a known object: not a free extension
    expect(() => validateFields(['nme'], ['id', 'name', 'total'])).toThrow('unknown field "nme"; did you mean "name"? valid fields: id, name, total');
  });
});
