// The OpenAPI checker must catch real mistakes, or the contract tests that use
// it prove nothing. The official file's own examples are the good traffic.
import { describe, expect, it } from 'vitest';
import { createOpenApiValidator, loadBigCommerceSpec, type HttpExchange, type OpenApiValidator } from '../support/openapi.js';

const loaded = loadBigCommerceSpec();
const skipReason = 'skipReason' in loaded ? loaded.skipReason : undefined;
if (skipReason) console.warn(skipReason);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// What orderctl sends on every BigCommerce request; a body adds its content type.
const HEADERS = { accept: 'application/json', 'x-auth-token': 'token' };
const JSON_BODY = { ...HEADERS, 'content-type': 'application/json' };
const get = (path: string, status: number, responseBody?: unknown, query: Record<string, string> = {}): HttpExchange => ({ method: 'GET', path, query, headers: HEADERS, status, responseBody });

describe.skipIf(skipReason !== undefined)(`BigCommerce Orders V2 against the official OpenAPI file${skipReason ? ` (${skipReason})` : ''}`, () => {
  const { validator: v, spec } = loaded as { validator: OpenApiValidator; spec: Json };
  // Examples from components.responses (and request bodies), deep-copied so tests can spoil them.
  const responseExample = (name: string, index = 0): Json => structuredClone((Object.values(spec.components.responses[name].content['application/json'].examples)[index] as Json).value);
  const postOrderExample = (): Json => structuredClone((Object.values(spec.paths['/orders'].post.requestBody.content['application/json'].examples)[0] as Json).value);
  const postOrder = (requestBody: unknown): HttpExchange => ({ method: 'POST', path: '/orders', query: {}, headers: JSON_BODY, requestBody, status: 200, responseBody: responseExample('order_Resp') });

  it("accepts the spec's own examples", () => {
    expect(v.validate(get('/orders/100', 200, responseExample('order_Resp')))).toEqual([]);
    expect(v.validate(get('/orders/100', 200, responseExample('order_Resp', 1)))).toEqual([]);
    expect(v.validate(get('/orders', 200, responseExample('orderCollection_Resp'), { page: '2', limit: '50', sort: 'date_created:desc', status_id: '11', include: 'consignments,fees', min_date_created: 'Thu, 20 Apr 2017 11:32:00 -0400' }))).toEqual([]);
    expect(v.validate(get('/orders/count', 200, responseExample('ordersCount_Resp')))).toEqual([]);
    expect(v.validate(get('/orders/100/shipments', 200, responseExample('orderShipmentCollection_Resp')))).toEqual([]);
    expect(v.validate(postOrder(postOrderExample()))).toEqual([]);
  });

  it('catches a missing required field and a number where a string belongs', () => {
    const order = responseExample('order_Resp');
    delete order.billing_address.zip; // billingAddress_Base requires zip; the order schemas require nothing else
    order.total_inc_tax = 69.84;
    order.payment_status = 'maybe';
    const problems = v.validateResponse(get('/orders/100', 200, order)).join('\n');
    expect(problems).toContain("GET /orders/100 response 200 body: /billing_address must have required property 'zip'");
    expect(problems).toContain('GET /orders/100 response 200 body: /total_inc_tax must be string');
    expect(problems).toMatch(/\/payment_status must be equal to one of the allowed values \(.*"captured"/);
    expect(v.validateResponse(get('/orders', 200, [order])).join('\n')).toContain('/0/total_inc_tax must be string');
  });

  it('catches unknown and mistyped query parameters, and checks path parameters', () => {
    expect(v.validateRequest(get('/orders', 200, undefined, { colour: 'red' }))[0]).toMatch(/^GET \/orders request: unknown query parameter "colour" \(documented: min_id, /);
    expect(v.validateRequest(get('/orders', 200, undefined, { limit: 'abc' }))).toEqual(['GET /orders request query parameter "limit"="abc": / must be number']);
    expect(v.validateRequest(get('/orders', 200, undefined, { min_id: '1.5' })).join()).toMatch(/"min_id"="1.5": \/ must be integer/);
    expect(v.validateRequest(get('/orders', 200, undefined, { sort: 'total:asc' })).join()).toMatch(/"sort".*allowed values/);
    expect(v.validateRequest(get('/orders', 200, undefined, { include: 'fees,everything' })).join()).toMatch(/"include".*\/1 must be equal to one of the allowed values/);
    expect(v.validateRequest(get('/orders/abc', 200)).join()).toMatch(/path parameter "order_id"="abc": \/ must be integer/);
  });

  it('tells /orders/count from /orders/{order_id}, and refuses unknown paths and methods', () => {
    expect(v.validateRequest(get('/orders/count', 200))).toEqual([]);
    expect(v.validateResponse(get('/orders/count', 200, responseExample('ordersCount_Resp')))).toEqual([]);
    expect(v.validate(get('/orderz', 200))).toEqual(['GET /orderz: no such path in the spec']);
    expect(v.validate({ method: 'PATCH', path: '/orders/5', query: {}, headers: HEADERS, status: 200 })[0]).toMatch(/method not documented for \/orders\/\{order_id\} \(documented: GET, PUT, DELETE\)/);
  });

  it('checks required headers, the security scheme and the body content type', () => {
    // GET /orders/{order_id}/products declares Content-Type required, although it has no body.
    expect(v.validateRequest(get('/orders/5/products', 200))).toEqual(['GET /orders/5/products request: missing required header parameter "Content-Type"']);
    expect(v.validateRequest({ ...get('/orders/5/products', 200), headers: JSON_BODY })).toEqual([]);
    const { accept: _accept, ...noAccept } = HEADERS;
    expect(v.validateRequest({ ...get('/orders/5', 200), headers: noAccept })).toEqual(['GET /orders/5 request: missing required header parameter "Accept"']);
    const { 'x-auth-token': _token, ...noToken } = HEADERS;
    expect(v.validateRequest({ ...get('/orders', 200), headers: noToken })).toEqual(["GET /orders request: no credentials as the spec's security asks (X-Auth-Token)"]);
    expect(v.validateRequest({ ...postOrder(postOrderExample()), headers: { ...JSON_BODY, 'content-type': 'text/plain' } })).toEqual(['POST /orders request: content type "text/plain", documented: application/json']);
  });

  it('checks request bodies, including requirements the spec states in prose', () => {
    const body = postOrderExample();
    delete body.billing_address;
    expect(v.validateRequest(postOrder(body))).toEqual(["POST /orders request body: / must have required property 'billing_address'"]);
    const noZip = postOrderExample();
    delete noZip.billing_address.zip;
    expect(v.validateRequest(postOrder(noZip))).toEqual(["POST /orders request body: /billing_address must have required property 'zip'"]);
    const shipment = { method: 'POST', path: '/orders/5/shipments', query: {}, headers: JSON_BODY, status: 201, requestBody: { order_address_id: 'one', items: [{ quantity: 1 }], tracking_number: 'x'.repeat(51) } };
    const problems = v.validateRequest(shipment).join('\n');
    expect(problems).toContain('/order_address_id must be integer');
    expect(problems).toContain('/tracking_number must NOT have more than 50 characters');
    expect(problems).toContain("/items/0 must have required property 'order_product_id'");
    expect(v.validateRequest({ method: 'GET', path: '/orders/5', query: {}, headers: JSON_BODY, status: 200, requestBody: { x: 1 } })).toEqual(['GET /orders/5 request: a body was sent but none is documented']);
  });

  it('checks status codes and 204 bodies', () => {
    expect(v.validateResponse(get('/orders/count', 418))).toEqual(['GET /orders/count response: status 418 is not documented (documented: 200)']);
    expect(v.validateResponse({ method: 'POST', path: '/orders', query: {}, headers: JSON_BODY, status: 201, responseBody: responseExample('order_Resp') })[0]).toMatch(/status 201 is not documented/);
    expect(v.validateResponse(get('/orders/count', 429))).toEqual([]); // any v2 endpoint may rate-limit
    expect(v.validateResponse(get('/orders/count', 503, 'Service Unavailable'))).toEqual([]);
    expect(v.validateResponse(get('/orders', 204))).toEqual([]); // empty page: API-NOTES.md "Decisions"
    expect(v.validateResponse(get('/orders/count', 204))[0]).toMatch(/status 204 is not documented/);
    expect(v.validateResponse(get('/orders/5/shipments', 204))).toEqual([]);
    expect(v.validateResponse({ method: 'DELETE', path: '/orders/5', query: {}, headers: HEADERS, status: 204, responseBody: { id: 5 } })).toEqual(['DELETE /orders/5 response: 204 must have no body']);
    expect(v.validateResponse(get('/orders', 204, []))).toEqual(['GET /orders response: 204 must have no body']);
  });

  it('checks the content type and presence of a documented JSON body', () => {
    expect(v.validateResponse({ ...get('/orders/5', 200, '<html>'), contentType: 'text/html' })[0]).toMatch(/content type "text\/html", documented: application\/json/);
    expect(v.validateResponse(get('/orders/5', 200))).toEqual(['GET /orders/5 response 200: no body, a JSON body is documented']);
    expect(v.validateResponse(get('/orders/5', 404, [{ status: 404, message: 'The requested resource was not found.' }]))).toEqual([]);
  });
});

// The OpenAPI 3.0 keywords, on a small document, so they are covered even
// where the official file is absent.
describe('OpenAPI 3.0 keywords', () => {
  const spec = {
    openapi: '3.0.0',
    paths: {
      '/things': {
        post: {
          requestBody: { $ref: '#/components/requestBodies/Thing' },
          responses: { '201': { $ref: '#/components/responses/Thing' } },
        },
      },
      '/things/{id}': {
        parameters: [{ $ref: '#/components/parameters/id' }],
        get: { parameters: [{ name: 'verbose', in: 'query', schema: { type: 'boolean' } }, { name: 'tag', in: 'query', required: true, schema: { type: 'string' } }], responses: { '200': { $ref: '#/components/responses/Thing' } } },
      },
    },
    components: {
      parameters: { id: { name: 'id', in: 'path', required: true, schema: { type: 'integer', format: 'int32' } } },
      requestBodies: { Thing: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
      responses: { Thing: { description: 'a thing', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
      schemas: {
        Thing: {
          type: 'object',
          required: ['id', 'name', 'secret', 'born'],
          'x-internal': true,
          example: { id: 1 },
          properties: {
            id: { type: 'integer', readOnly: true },
            name: { type: 'string', nullable: true, example: 'x' },
            secret: { type: 'string', writeOnly: true },
            born: { type: 'string', format: 'date' },
            colour: { type: 'string', format: 'x-paint-code' },
          },
        },
      },
    },
  };
  const v = createOpenApiValidator(spec);
  const post = (requestBody: unknown, responseBody?: unknown): HttpExchange => ({ method: 'POST', path: '/things', query: {}, headers: { 'content-type': 'application/json' }, requestBody, status: 201, responseBody });

  it('does not require readOnly properties in requests nor writeOnly ones in responses', () => {
    expect(v.validate(post({ name: 'a', secret: 's', born: '2020-01-31' }, { id: 1, name: 'a', born: '2020-01-31' }))).toEqual([]);
    expect(v.validateRequest(post({ name: 'a', born: '2020-01-31' }))).toEqual(["POST /things request body: / must have required property 'secret'"]);
    expect(v.validateResponse(post(undefined, { name: 'a', born: '2020-01-31' }))).toEqual(["POST /things response 201 body: / must have required property 'id'"]);
  });

  it('accepts null where nullable, checks known formats and ignores unknown ones', () => {
    expect(v.validateRequest(post({ name: null, secret: 's', born: '2020-01-31', colour: 'RAL 3020' }))).toEqual([]);
    expect(v.validateRequest(post({ name: 'a', secret: null, born: '2020-02-30' })).join('\n')).toMatch(/\/secret must be string[\s\S]*\/born must match format "date"/);
  });

  it('follows $refs into parameters, requestBodies and responses, and coerces query strings', () => {
    expect(v.validateRequest({ method: 'POST', path: '/things', query: {}, headers: {}, status: 201 })).toEqual(['POST /things request: missing required body']);
    expect(v.validateRequest({ method: 'GET', path: '/things/7', query: { verbose: 'true', tag: 'a' }, headers: {}, status: 200 })).toEqual([]);
    expect(v.validateRequest({ method: 'GET', path: '/things/7', query: { verbose: 'yes' }, headers: {}, status: 200 })).toEqual([
      'GET /things/7 request query parameter "verbose"="yes": / must be boolean',
      'GET /things/7 request: missing required query parameter "tag"',
    ]);
    expect(v.validateRequest({ method: 'GET', path: '/things/9999999999', query: { tag: 'a' }, headers: {}, status: 200 })).toEqual(['GET /things/9999999999 request path parameter "id"="9999999999": / must match format "int32"']);
  });

  it('accepts any status only when told to', () => {
    expect(v.validateResponse({ method: 'GET', path: '/things/7', query: {}, headers: {}, status: 500 })[0]).toMatch(/status 500 is not documented/);
    const lenient = createOpenApiValidator(spec, { alwaysAllowed: [500] });
    expect(lenient.validateResponse({ method: 'GET', path: '/things/7', query: {}, headers: {}, status: 500 })).toEqual([]);
  });
});
