import { describe, expect, it } from 'vitest';
import { addDecimal, compareDecimal, money, multiplyDecimal, plainDecimal, toDecimalString, toFixedDecimal } from '../../src/core/money.js';

describe('toDecimalString', () => {
  it.each([
    ['336.3200', '336.32'],
    ['1.5', '1.50'],
    ['1.2345', '1.2345'],
    ['1.23450', '1.2345'],
    [12, '12.00'],
    [677.95, '677.95'],
    [0.1 + 0.2, '0.30000000000000004'], // the number that was really there, not a rounded guess
    [-0, '0.00'],
    [1e21, '1000000000000000000000.00'],
    [1e-7, '0.0000001'],
    ['-3.1', '-3.10'],
    ['+3.1', '3.10'],
    ['1e3', '1000.00'],
    ['1.5E-2', '0.015'],
    ['0.0000', '0.00'],
    ['-0.00', '0.00'],
    ['007.5', '7.50'],
    ['.5', '0.50'],
    ['5.', '5.00'],
    [' 42 ', '42.00'],
    ['123456789012345678901234567890.1', '123456789012345678901234567890.10'],
  ])('%j → %s', (input, expected) => {
    expect(toDecimalString(input)).toBe(expected);
  });

  it('treats absent amounts as null', () => {
    expect(toDecimalString(null)).toBeNull();
    expect(toDecimalString(undefined)).toBeNull();
    expect(toDecimalString('')).toBeNull();
    expect(toDecimalString('  ')).toBeNull();
  });

  it.each(['12,50', 'abc', '1.2.3', '€5', '.', '-', '1e', '0x10', '1e999999999'])('refuses %j, naming it', (input) => {
    expect(() => toDecimalString(input)).toThrow(`not a decimal amount: ${JSON.stringify(input)}`);
  });

  it('refuses numbers that are not finite', () => {
    expect(() => toDecimalString(Number.NaN)).toThrow('not a decimal amount: NaN');
    expect(() => toDecimalString(Number.POSITIVE_INFINITY)).toThrow('not a decimal amount: Infinity');
  });
});

describe('arithmetic', () => {
  it('adds exactly', () => {
    expect(addDecimal('0.1', '0.2')).toBe('0.30');
    expect(addDecimal('19.99', '-20')).toBe('-0.01');
    expect(addDecimal('336.3200', '0.0050')).toBe('336.325');
    expect(addDecimal('-1.50', '1.5')).toBe('0.00');
    expect(addDecimal('99999999999999999999.99', '0.01')).toBe('100000000000000000000.00');
  });

  it('multiplies by whole quantities exactly', () => {
    expect(multiplyDecimal('19.99', 3)).toBe('59.97');
    expect(multiplyDecimal('0.0001', 3)).toBe('0.0003');
    expect(multiplyDecimal('1.10', 0)).toBe('0.00');
    expect(multiplyDecimal('2.5', -2)).toBe('-5.00');
    expect(multiplyDecimal('0.1', 3)).toBe('0.30'); // a float would give 0.30000000000000004
    expect(() => multiplyDecimal('1', 1.5)).toThrow(/whole number/);
  });

  it('compares exactly', () => {
    expect(compareDecimal('1.10', '1.1')).toBe(0);
    expect(compareDecimal('2', '10.5')).toBe(-1);
    expect(compareDecimal('10.5', '2')).toBe(1);
    expect(compareDecimal('-0.01', '0')).toBe(-1);
    expect(compareDecimal('0.30000000000000004', '0.3')).toBe(1);
  });

  it('refuses garbage operands', () => {
    expect(() => addDecimal('1', 'x')).toThrow(/not a decimal amount: "x"/);
    expect(() => compareDecimal('', '1')).toThrow(/not a decimal amount/);
  });
});

describe('toFixedDecimal', () => {
  it('pads to the places asked for', () => {
    expect(toFixedDecimal('12.3', 4)).toBe('12.3000');
    expect(toFixedDecimal('12', 4)).toBe('12.0000');
    expect(toFixedDecimal(19.99, 4)).toBe('19.9900');
    expect(toFixedDecimal('7', 0)).toBe('7');
  });

  it('rounds half away from zero, exactly', () => {
    expect(toFixedDecimal('1.005', 2)).toBe('1.01'); // (1.005).toFixed(2) is "1.00"
    expect(toFixedDecimal('-1.005', 2)).toBe('-1.01');
    expect(toFixedDecimal('1.00499', 2)).toBe('1.00');
    expect(toFixedDecimal('2.5', 0)).toBe('3');
    expect(toFixedDecimal('-2.5', 0)).toBe('-3');
    expect(toFixedDecimal('-0.004', 2)).toBe('0.00');
    expect(toFixedDecimal('336.32499', 4)).toBe('336.3250');
  });

  it('refuses bad places', () => {
    expect(() => toFixedDecimal('1', -1)).toThrow(/decimal places/);
    expect(() => toFixedDecimal('1', 1.5)).toThrow(/decimal places/);
  });
});

describe('money', () => {
  it('builds Money, or null when there is no amount', () => {
    expect(money('5', 'EUR')).toEqual({ amount: '5.00', currency: 'EUR' });
    expect(money('336.3200', 'USD')).toEqual({ amount: '336.32', currency: 'USD' });
    expect(money(null, 'EUR')).toBeNull();
    expect(money('', 'EUR')).toBeNull();
    expect(() => money('n/a', 'EUR')).toThrow(/not a decimal amount: "n\/a"/);
  });
});

describe('plain amounts without BigInt', () => {
  it.each([
    ['336.3200', '336.32'],
    ['0', '0.00'],
    ['-0', '0.00'],
    ['-0.000', '0.00'],
    ['-0.001', '-0.001'],
    ['007.10', '7.10'],
    ['1.', '1.00'],
    ['12345678901234567890.123450', '12345678901234567890.12345'],
  ])('%s → %s', (input, expected) => {
    expect(plainDecimal(input)).toBe(expected);
  });

  it('leaves the rest to the general parser', () => {
    for (const input of ['+1', '.5', '1e3', ' 1.5', '1.5 ', '1,5', '--1', '']) expect(plainDecimal(input)).toBeUndefined();
  });

  it('agrees with the general parser on many amounts (seeded)', () => {
    let seed = 20261202;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const digits = (n: number) => Array.from({ length: n }, () => (rand(3) === 0 ? '0' : String(rand(10)))).join('');
    for (let i = 0; i < 5000; i++) {
      const text = `${rand(3) === 0 ? '-' : ''}${digits(1 + rand(6))}${rand(4) === 0 ? '' : `.${digits(rand(7))}`}`;
      // A trailing space keeps the amount off the plain path: the BigInt one reads it.
      expect(plainDecimal(text), text).toBe(toDecimalString(`${text} `));
    }
  });
});
