import { describe, expect, it } from 'vitest';
import { flattenForColumns, getPath, ORDER_FIELDS, parseFieldList, pickFields, validateFields } from '../../src/output/fields.js';

const order = {
  id: '1',
  customer: { email: 'a@example.com', name: 'A' },
  items: [
    { sku: 'X', total: { amount: '1.00', currency: 'EUR' } },
    { sku: 'Y', total: { amount: '2.00', currency: 'EUR' } },
  ],
  totals: { total: { amount: '3.00', currency: 'EUR' } },
};

describe('--fields', () => {
  it('parses a list', () => {
    expect(parseFieldList(' id, customer.email ')).toEqual(['id', 'customer.email']);
    expect(() => parseFieldList('a,,b')).toThrow(/invalid --fields/);
  });

  it('walks dotted paths, mapping through arrays', () => {
    expect(getPath(order, 'customer.email')).toBe('a@example.com');
    expect(getPath(order, 'items.sku')).toEqual(['X', 'Y']);
    expect(getPath(order, 'nope.deeper')).toBeUndefined();
  });

  it('picks fields keeping the nesting', () => {
    expect(pickFields(order, ['id', 'customer.email', 'items.sku', 'totals.total.amount'])).toEqual({
      id: '1',
      customer: { email: 'a@example.com' },
      items: [{ sku: 'X' }, { sku: 'Y' }],
      totals: { total: { amount: '3.00' } },
    });
    expect(pickFields(order, ['customer.email', 'customer.name'])).toEqual({ customer: { email: 'a@example.com', name: 'A' } });
  });

  it('flattens to cells', () => {
    expect(flattenForColumns(order, ['id', 'items.sku', 'totals.total', 'missing', 'customer'])).toEqual(['1', 'X; Y', '3.00 EUR', '', '{"email":"a@example.com","name":"A"}']);
  });

  it('knows every normalized order path and suggests the nearest', () => {
    expect(ORDER_FIELDS).toContain('customer.email');
    expect(ORDER_FIELDS).toContain('items.unitPrice.amount');
    expect(ORDER_FIELDS).toContain('totals.total.amount');
    expect(() => validateFields(['id', 'customer'], ORDER_FIELDS)).not.toThrow();
    expect(() => validateFields(['custmer.email'], ORDER_FIELDS)).toThrow('unknown field "custmer.email"; did you mean "customer.email"?');
    expect(() => validateFields(['zzzzzz'], ORDER_FIELDS)).toThrow(/^unknown field "zzzzzz"$/);
  });
});
