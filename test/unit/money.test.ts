import { describe, expect, it } from 'vitest';
import { addDecimal, compareDecimal, money, multiplyDecimal, toDecimalString, toFixedDecimal } from '../../src/core/money.js';

describe('money as decimal strings', () => {
  it.each([
    ['336.3200', '336.32'],
    ['1.5', '1.50'],
    ['1.2345', '1.2345'],
    [12, '12.00'],
    [677.95, '677.95'],
    ['-3.1', '-3.10'],
    ['1e3', '1000.00'],
    ['0.0000', '0.00'],
    ['-0.00', '0.00'],
    ['007.5', '7.50'],
  ])('%j → %s', (input, expected) => {
    expect(toDecimalString(input)).toBe(expected);
  });

  it('refuses what is not a number', () => {
    expect(() => toDecimalString('12,50')).toThrow(/not a decimal amount/);
    expect(() => toDecimalString(Number.NaN)).toThrow();
    expect(toDecimalString('')).toBeNull();
  });

  it('adds and multiplies exactly', () => {
    expect(addDecimal('0.1', '0.2')).toBe('0.30');
    expect(addDecimal('19.99', '-20')).toBe('-0.01');
    expect(multiplyDecimal('19.99', 3)).toBe('59.97');
    expect(multiplyDecimal('0.0001', 3)).toBe('0.0003');
    expect(compareDecimal('1.10', '1.1')).toBe(0);
    expect(compareDecimal('2', '10.5')).toBe(-1);
  });

  it('fixes places, rounding half away from zero', () => {
    expect(toFixedDecimal('12.3', 4)).toBe('12.3000');
    expect(toFixedDecimal('1.005', 2)).toBe('1.01');
    expect(toFixedDecimal('-1.005', 2)).toBe('-1.01');
    expect(toFixedDecimal(19.99, 4)).toBe('19.9900');
  });

  it('builds Money', () => {
    expect(money('5', 'EUR')).toEqual({ amount: '5.00', currency: 'EUR' });
    expect(money(null, 'EUR')).toBeNull();
  });
});
