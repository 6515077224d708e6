// orderctl api's -f/-F fields and the request they make.

import { describe, expect, it } from 'vitest';
import { buildBody, EMPTY_ARRAY, JsonNumber, jsonText, keyPath, queryPairs, typedValue } from '../../src/commands/api/fields.js';
import { buildRequest, parseOptions } from '../../src/commands/api/api.js';
import { pageItems } from '../../src/commands/api/paginate.js';
import { underRoot } from '../../src/commands/api/path.js';
import { testContext } from '../support/context.js';

describe('api fields', () => {
  it('-F types numbers, booleans and null; anything else stays text', () => {
    expect([typedValue('12'), typedValue('-1.5'), typedValue('true'), typedValue('false'), typedValue('null')]).toEqual([12, -1.5, true, false, null]);
    expect([typedValue('012'), typedValue('1.'), typedValue('abc'), typedValue(''), typedValue('1e999')]).toEqual(['012', '1.', 'abc', '', '1e999']);
  });

  it('-F keeps a number as typed when a JavaScript number would change it', () => {
    const typed = ['2e3', '1.10', '-0', '9007199254740993'].map(typedValue);
    expect(typed.every((v) => v instanceof JsonNumber)).toBe(true);
    expect(jsonText({ a: typed, b: { c: 'x"y', d: null, e: 1.5 } })).toBe('{"a":[2e3,1.10,-0,9007199254740993],"b":{"c":"x\\"y","d":null,"e":1.5}}');
    expect(queryPairs(typed.map((value) => ({ key: 'n[]', value })))).toEqual([['n[]', '2e3'], ['n[]', '1.10'], ['n[]', '-0'], ['n[]', '9007199254740993']]);
  });

  it('KEY[] with no value is an empty array in a body, and nothing in a query', () => {
    expect(buildBody([{ key: 'tags[]', value: EMPTY_ARRAY }, { key: 'a[b][]', value: EMPTY_ARRAY }])).toEqual({ tags: [], a: { b: [] } });
    expect(queryPairs([{ key: 'tags[]', value: EMPTY_ARRAY }])).toEqual([]);
  });

  it('KEY[sub] nests objects and KEY[] builds arrays, filling the last object until a key repeats', () => {
    expect(keyPath('items[][sku]')).toEqual(['items', '', 'sku']);
    const body = buildBody([
      { key: 'status_id', value: 2 },
      { key: 'billing_address[first_name]', value: 'Ada' },
      { key: 'billing_address[country]', value: 'NO' },
      { key: 'tags[]', value: 'a' },
      { key: 'tags[]', value: 'b' },
      { key: 'products[][product_id]', value: 1 },
      { key: 'products[][quantity]', value: 2 },
      { key: 'products[][product_id]', value: 3 },
    ]);
    expect(body).toEqual({
      status_id: 2,
      billing_address: { first_name: 'Ada', country: 'NO' },
      tags: ['a', 'b'],
      products: [{ product_id: 1, quantity: 2 }, { product_id: 3 }],
    });
  });

  it('refuses names it cannot place', () => {
    expect(() => keyPath('a]')).toThrow(/invalid field name/);
    expect(() => buildBody([{ key: 'a[]', value: 1 }, { key: 'a[x]', value: 2 }])).not.toThrow();
    expect(() => queryPairs([{ key: 'x[', value: 1 }])).toThrow(/invalid field name/);
  });

  it('a GET sends its fields as the query; other methods as the JSON body; --input makes fields the query', async () => {
    const ctx = testContext({ files: { 'body.json': '{"status_id":11}' } });
    const get = await buildRequest(ctx, parseOptions('/orders?sort=id:desc', { method: 'get', rawField: ['email=a@b.c'], field: ['limit=5'] }));
    expect(get).toMatchObject({ method: 'GET', path: '/orders', query: { sort: 'id:desc', email: 'a@b.c', limit: '5' }, body: undefined });
    const post = await buildRequest(ctx, parseOptions('/orders', { rawField: ['customer_id=7'], field: ['status_id=1'] }));
    expect(post).toMatchObject({ method: 'POST', body: { customer_id: '7', status_id: 1 } });
    const put = await buildRequest(ctx, parseOptions('/orders/1', { method: 'PUT', input: 'body.json', rawField: ['x=1'] }));
    expect(put).toMatchObject({ method: 'PUT', path: '/orders/1', query: { x: '1' }, body: { status_id: 11 } });
    const repeated = await buildRequest(ctx, parseOptions('/orders', { method: 'GET', rawField: ['a[]=1', 'a[]=2'] }));
    expect(repeated.path).toBe('/orders?a%5B%5D=1&a%5B%5D=2');
  });

  it('-F @FILE reads the value from a file; a missing file is a usage error', async () => {
    const ctx = testContext({ files: { 'note.txt': 'called the customer\n' } });
    const r = await buildRequest(ctx, parseOptions('/orders/1', { method: 'PUT', field: ['staff_notes=@note.txt'] }));
    expect(r.body).toEqual({ staff_notes: 'called the customer\n' });
    await expect(buildRequest(ctx, parseOptions('/x', { field: ['a=@/nonexistent/file'] }))).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/cannot read \/nonexistent\/file for -F a: ENOENT/) });
  });

  it('takes paths and URLs under the API root only (the credentials go to the profile\'s API only)', () => {
    const base = 'https://shop.example/api/2';
    expect(underRoot('orders', base)).toBe('/orders');
    expect(underRoot('/orders/1?x=1', base)).toBe('/orders/1?x=1');
    expect(underRoot('https://shop.example/api/2/orders?page=2', base)).toBe('/orders?page=2');
    expect(underRoot('https://shop.example/api/2', base)).toBe('/');
    for (const url of ['https://evil.example/x', '//evil.example/x', 'http://shop.example/api/2/orders', 'https://shop.example/api/22', 'https://shop.example:8443/api/2/x', 'mailto:a@b.c']) {
      expect(() => underRoot(url, base), url).toThrow(/is a URL outside the profile's API root/);
    }
    for (const p of ['/../x', '/../../api/2x', '/%2E%2E/x', '/.%2e/x', '/..\\x']) expect(() => underRoot(p, base), p).toThrow(/leads out of the profile's API root \(\/api\/2\)/);
    expect(underRoot('/a/../orders', base)).toBe('/a/../orders');
    expect(underRoot('/../x', 'https://shop.example')).toBe('/../x');
  });

  it('refuses unknown methods and bad headers', () => {
    expect(parseOptions('/x', { method: 'head' }).method).toBe('HEAD');
    expect(() => parseOptions('/x', { method: 'TRACE' })).toThrow(/unknown method "TRACE"/);
    expect(() => parseOptions('/x', { header: ['no colon'] })).toThrow(/invalid -H/);
    expect(parseOptions('/x', { header: ['X-Thing:  yes'] }).headers).toEqual({ 'x-thing': 'yes' });
  });

  it("a page's items: the body when a list, else its one list field", () => {
    expect(pageItems([1, 2], [])).toEqual([1, 2]);
    expect(pageItems({ result: [1], pagination: {} }, ['result'])).toEqual([1]);
    expect(pageItems({ orders: [1], params: { total_items: '1' } }, [])).toEqual([1]);
    expect(pageItems({ count: 3 }, [])).toBeUndefined();
    // An object with one list is a page only where the platform's pages say so.
    expect(pageItems({ count: 3, statuses: [1] }, [], null)).toBeUndefined();
    expect(pageItems({ id: 'a', lineItems: [1] }, ['result'], 'pagination')).toBeUndefined();
    expect(pageItems({ products: [1], pagination: {} }, ['result'], 'pagination')).toEqual([1]);
    expect(pageItems({ users: [1], params: {} }, ['orders'], 'params')).toEqual([1]);
  });
});
