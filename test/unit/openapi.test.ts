// The OpenAPI checker must catch real mistakes, or the contract tests prove nothing.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadBigCommerceSpec, specPath } from '../support/openapi-validator.js';

const loaded = loadBigCommerceSpec();
const skip = 'skipReason' in loaded;
if (skip) console.warn(loaded.skipReason);

function example(ref: string): unknown {
  const spec = parse(fs.readFileSync(specPath(), 'utf8'));
  const content = spec.components.responses[ref].content['application/json'];
  return (Object.values(content.examples)[0] as { value: unknown }).value;
}

describe.skipIf(skip)('OpenAPI validator (BigCommerce Orders V2)', () => {
  const v = () => (loaded as Exclude<typeof loaded, { skipReason: string }>).validator;
  const get = (path: string, status: number, responseBody?: unknown, query: Record<string, string> = {}) => ({ method: 'GET', path, query, status, responseBody });

  it("accepts the spec's own examples", () => {
    expect(v().validate(get('/orders/218', 200, example('order_Resp')))).toEqual([]);
    expect(v().validate(get('/orders', 200, example('orderCollection_Resp'), { page: '1', limit: '50', sort: 'date_created:desc' }))).toEqual([]);
    expect(v().validate(get('/orders/count', 200, example('ordersCount_Resp')))).toEqual([]);
  });

  it('catches a wrong type and a bad enum in a response', () => {
    const order = { ...(example('order_Resp') as object), total_inc_tax: 69.84, payment_status: 'maybe' };
    const problems = v().validateResponse(get('/orders/218', 200, order));
    expect(problems.join('\n')).toMatch(/total_inc_tax must be string/);
    expect(problems.join('\n')).toMatch(/payment_status must be equal to one of the allowed values/);
  });

  it('catches unknown and mistyped query parameters', () => {
    expect(v().validateRequest(get('/orders', 200, [], { colour: 'red' }))).toEqual(['GET /orders request: unknown query parameter "colour"']);
    expect(v().validateRequest(get('/orders', 200, [], { limit: 'abc' })).join()).toMatch(/"limit"="abc".* must be number/);
    expect(v().validateRequest(get('/orders', 200, [], { sort: 'total:asc' })).join()).toMatch(/allowed values/);
  });

  it('checks request bodies', () => {
    const bad = v().validateRequest({ method: 'POST', path: '/orders/5/shipments', query: {}, status: 201, requestBody: { order_address_id: 'one', items: [], tracking_number: 'x'.repeat(51) } });
    expect(bad.join('\n')).toMatch(/order_address_id must be integer/);
    expect(bad.join('\n')).toMatch(/tracking_number must NOT have more than 50 characters/);
  });

  it('checks status codes, 204 bodies and paths', () => {
    expect(v().validateResponse(get('/orders/count', 418))[0]).toMatch(/status 418 is not documented/);
    expect(v().validateResponse(get('/orders', 204))).toEqual([]); // the empty page (API-NOTES.md decisions)
    expect(v().validateResponse({ method: 'DELETE', path: '/orders/5', query: {}, status: 204, responseBody: { x: 1 } })[0]).toMatch(/204 must have no body/);
    expect(v().validate(get('/orderz', 200))[0]).toMatch(/no such path/);
    expect(v().validate({ method: 'PATCH', path: '/orders/5', query: {}, status: 200 })[0]).toMatch(/method not documented/);
  });

  it('tells /orders/count from /orders/{order_id}', () => {
    expect(v().validateRequest(get('/orders/count', 200))).toEqual([]);
    expect(v().validateRequest(get('/orders/abc', 200)).join()).toMatch(/"order_id".* must be integer/);
  });
});
