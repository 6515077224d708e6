// withFields builds what {...base, ...extra} builds: the same keys in the same
// order, the same values, a plain object.

import { describe, expect, it } from 'vitest';
import { withFields } from '../../../src/sandbox/with-fields.js';

const same = (base: object, extra: object) => {
  const got = withFields(base, extra);
  const want = { ...base, ...extra };
  expect(Object.keys(got)).toEqual(Object.keys(want));
  expect(got).toStrictEqual(want);
  expect(JSON.stringify(got)).toBe(JSON.stringify(want));
  expect(Object.getPrototypeOf(got)).toBe(Object.getPrototypeOf(want));
  return got;
};

describe('withFields', () => {
  it('appends new fields after the base’s, in order', () => {
    const order = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`f${i}`, i % 3 ? `v${i}` : i]));
    same(order, { products: { url: 'u', resource: 'r' }, shipping_addresses: [], coupons: null, consignments: { shipping: [] } });
  });

  it('keeps a field the base already has in its place, with the new value', () => {
    const got = same({ id: 1, status: 'PAID', items: [1], total: '5.00' }, { status: 'PROCESSING', items: [], extra: true });
    expect(Object.keys(got)).toEqual(['id', 'status', 'items', 'total', 'extra']);
  });

  it('leaves both inputs as they were', () => {
    const base = { a: 1 };
    const extra = { b: 2 };
    withFields(base, extra);
    expect(base).toEqual({ a: 1 });
    expect(extra).toEqual({ b: 2 });
  });

  it('copies an own "__proto__" field as a field, as the spread does', () => {
    const parsed = JSON.parse('{"id":1,"__proto__":{"polluted":true}}') as object;
    const got = same(parsed, { more: 1 });
    expect(Object.hasOwn(got, '__proto__')).toBe(true);
    expect((got as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('copies symbol-keyed fields as the spread does', () => {
    const s = Symbol('s');
    const got = withFields({ [s]: 1, a: 2 }, { b: 3 });
    expect((got as Record<symbol, number>)[s]).toBe(1);
  });
});
