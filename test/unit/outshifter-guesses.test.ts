// Outshifter's guesses as profile settings (src/platforms/outshifter/guesses.ts):
// what each setting may say, and the one-line refusal of what it may not.

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { DEFAULT_LIST_REQUEST, guessesOf, parseListRequest, parseStatusMap } from '../../src/platforms/outshifter/guesses.js';

const BASE = 'https://api.outshifter.com/api';

describe('--list-request', () => {
  it('the guess: GET /orders with the four documented filters as query parameters, not paged', () => {
    const l = parseListRequest(DEFAULT_LIST_REQUEST);
    expect(l).toMatchObject({ method: 'GET', path: '/orders', params: [{ name: 'storefront', slot: 'storefront' }, { name: 'status', slot: 'status' }, { name: 'dateFrom', slot: 'dateFrom' }, { name: 'dateTo', slot: 'dateTo' }] });
    expect(l.has.has('page')).toBe(false);
  });

  it('takes other names, POST, the storefront in the path, fixed values and a {page} slot', () => {
    const l = parseListRequest('post /storefronts/{storefront}/orders?state={status}&from={dateFrom}&channel=5&p={page}');
    expect(l.method).toBe('POST');
    expect(l.path).toBe('/storefronts/{storefront}/orders');
    expect(l.params).toEqual([{ name: 'state', slot: 'status' }, { name: 'from', slot: 'dateFrom' }, { name: 'channel', text: '5' }, { name: 'p', slot: 'page' }]);
    expect([...l.has].sort()).toEqual(['dateFrom', 'page', 'status', 'storefront']);
  });

  it('refuses what it cannot read, naming the setting and why', () => {
    const cases: Array<[string, RegExp]> = [
      ['/orders?storefront={storefront}', /write METHOD PATH\?NAME=\{SLOT\}/],
      ['DELETE /orders?storefront={storefront}', /write METHOD PATH/],
      ['GET /orders?status={status}', /it must carry \{storefront\}/],
      ['GET /orders?storefront={storefront}&x={shop}', /\{shop\} is not one of \{storefront\}, \{status\}, \{dateFrom\}, \{dateTo\}, \{page\}/],
      ['GET /orders?storefront={storefront}&s={storefront}', /\{storefront\} is given twice/],
      ['GET /orders/{status}?storefront={storefront}', /only \{storefront\} may stand in the path/],
      ['GET /orders?storefront={storefront}&x=a{b', /neither a \{slot\} nor plain text/],
    ];
    for (const [text, why] of cases) {
      const err = (() => {
        try {
          parseListRequest(text);
        } catch (e) {
          return e as UsageError;
        }
      })();
      expect(err, text).toBeInstanceOf(UsageError);
      expect(err!.message, text).toMatch(/^invalid --list-request "/);
      expect(err!.message, text).toMatch(why);
    }
  });
});

describe('--status-map, the field names and the profile', () => {
  it('reads NATIVE=STATUS pairs, native codes in the API’s upper case', () => {
    expect(parseStatusMap('processing=awaiting_fulfillment, in transit=fulfilled')).toEqual([['PROCESSING', 'awaiting_fulfillment'], ['IN_TRANSIT', 'fulfilled']]);
    expect(() => parseStatusMap('')).toThrow(/write NATIVE=STATUS/);
    expect(() => parseStatusMap('A=b=c')).toThrow(/"A=b=c" is not NATIVE=STATUS/);
    expect(() => parseStatusMap('A=shipped')).toThrow(/"shipped" is not a status \(incomplete, /);
  });

  it('a profile without settings has every guess; a field name must be one', () => {
    expect(guessesOf({}, BASE)).toMatchObject({ cancelItem: '/orders/{order}/items/{item}', statusMap: [], shippingRateField: 'shipping_rate', klarnaOrderField: 'order_id' });
    expect(guessesOf({ shippingRateField: 'shippingRate', klarnaOrderField: 'orderId' }, BASE)).toMatchObject({ shippingRateField: 'shippingRate', klarnaOrderField: 'orderId' });
    expect(() => guessesOf({ klarnaOrderField: 'order id' }, BASE)).toThrow('invalid --klarna-order-field "order id": a JSON field name is letters, digits and _');
    // A cancel URL is resolved against the profile's own API root.
    expect(guessesOf({ baseUrl: 'http://127.0.0.1:9/outshifter/api', cancelItemUrl: 'http://127.0.0.1:9/outshifter/orders/{order}/items/{item}' }, BASE).cancelItem).toBe('/../../outshifter/orders/{order}/items/{item}');
  });
});
