import { describe, expect, it } from 'vitest';
import { countryCodeOf, countryName, countryProblem, emailProblem, postcodeProblem } from '../../src/core/contact.js';
import { UsageError } from '../../src/core/errors.js';
import { parseItemSpec, parseQuoteItem } from '../../src/commands/cart/shared.js';

describe('checkout input checks', () => {
  it('e-mail addresses', () => {
    expect(emailProblem('jane@example.com')).toBeUndefined();
    expect(emailProblem('jane.doe+shop@mail.example.no')).toBeUndefined();
    for (const bad of ['jane', 'jane@', '@example.com', 'jane@example', 'ja ne@example.com']) expect(emailProblem(bad), bad).toMatch(/not an e-mail address/);
  });

  it('ISO 3166 country codes, names both ways', () => {
    expect(countryProblem('NO')).toBeUndefined();
    expect(countryProblem('no')).toBeUndefined();
    for (const bad of ['XX', 'EU', 'NOR', 'N', '']) expect(countryProblem(bad), bad).toMatch(/not an ISO 3166 country code/);
    expect(countryName('NO')).toBe('Norway');
    expect(countryCodeOf('Norway')).toBe('NO');
    expect(countryCodeOf('united states')).toBe('US');
    expect(countryCodeOf('Atlantis')).toBeUndefined();
  });

  it('postcodes by country, loosely elsewhere', () => {
    expect(postcodeProblem('0150', 'NO')).toBeUndefined();
    expect(postcodeProblem('150', 'NO')).toMatch(/not a postcode of NO \(4 digits/);
    expect(postcodeProblem('111 21', 'SE')).toBeUndefined();
    expect(postcodeProblem('SW1A 1AA', 'GB')).toBeUndefined();
    expect(postcodeProblem('40202-1234', 'US')).toBeUndefined();
    expect(postcodeProblem('1011 AB', 'NL')).toBeUndefined();
    expect(postcodeProblem('AB-123', 'PL')).toBeUndefined();
    expect(postcodeProblem('!', undefined)).toMatch(/not a postcode/);
  });

  it('cart item specs: PRODUCT[:VARIANT]:QTY[@PRICE]', () => {
    expect(parseItemSpec('4018:40181:2')).toEqual({ productId: '4018', variantId: '40181', quantity: 2 });
    expect(parseItemSpec('112000:3')).toEqual({ productId: '112000', quantity: 3 });
    expect(parseItemSpec('112000')).toEqual({ productId: '112000', quantity: 1 });
    expect(parseItemSpec('920:9201:1@349.00')).toEqual({ productId: '920', variantId: '9201', quantity: 1, unitPrice: '349.00' });
    expect(parseItemSpec('920:1@12')).toEqual({ productId: '920', quantity: 1, unitPrice: '12' });
    for (const bad of ['', 'x:1', '920:0', '920:a:1', '920:1:2:3', '920:1@1.234', '920:1@@1', '920::1', '920:1@-3']) {
      expect(() => parseItemSpec(bad), bad).toThrow(UsageError);
    }
    expect(parseQuoteItem('920')).toEqual({ productId: '920', quantity: 1 });
    expect(parseQuoteItem('920:4')).toEqual({ productId: '920', quantity: 4 });
    expect(() => parseQuoteItem('920:1:2')).toThrow(/PRODUCT\[:QTY\]/);
  });
});
