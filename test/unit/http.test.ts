// The HTTP client against a real server on 127.0.0.1 whose answers each test scripts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, seededRandom } from '../../src/core/clock.js';
import { ApiError, AuthError, NetworkError, NotFoundError, RefusedError, UsageError } from '../../src/core/errors.js';
import { checkBaseUrl, DEFAULT_HTTP, depthOver, HttpClient, pathOf, type PlatformHttp } from '../../src/core/http.js';

type Reply = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;
interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let baseUrl: string;
let replies: Reply[] = [];
let seen: Seen[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const reply = replies.shift() ?? ((_q, r) => json(r, 200, { ok: true }));
      reply(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise((r) => server.close(r)));
beforeEach(() => {
  replies = [];
  seen = [];
});

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const TOKEN = 'secret-token-9876';

function client(extra: Partial<PlatformHttp> = {}, debug?: (l: string) => void) {
  const clock = fakeClock();
  const platform: PlatformHttp = {
    name: 'testshop',
    baseUrl,
    authHeaders: { 'x-auth-token': TOKEN },
    secrets: [TOKEN],
    describeError: (b) => (Array.isArray(b) ? b.map((e: { message: string }) => e.message).join('; ') : undefined),
    ...extra,
  };
  const c = new HttpClient(platform, { ...DEFAULT_HTTP, timeoutMs: 2000, clock, random: seededRandom(1), env: {}, debug });
  return { c, clock };
}

describe('HttpClient', () => {
  it('sends auth, accept, user agent and JSON bodies', async () => {
    const { c } = client();
    const res = await c.request({ method: 'POST', path: '/orders', body: { a: 1 }, query: { page: 2, skip: undefined } });
    expect(res.body).toEqual({ ok: true });
    expect(seen[0]!.url).toBe('/api/orders?page=2');
    expect(seen[0]!.headers['x-auth-token']).toBe(TOKEN);
    expect(seen[0]!.headers['user-agent']).toMatch(/^orderctl\/\d+\.\d+\.\d+/);
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0]!.body)).toEqual({ a: 1 });
  });

  it('reads a large page (an array parsed element by element) as the whole body parsed, and fails on one truncated or too deep', async () => {
    const page = Array.from({ length: 1000 }, (_, i) => ({ id: i, name: i % 3 ? 'plain' : 'Zoë, "quoted" ] [', items: [{ sku: `S-${i}`, price: '1.50' }] }));
    const text = JSON.stringify(page);
    expect(text.length).toBeGreaterThan(64 * 1024);
    replies.push((_q, r) => json(r, 200, page));
    const { c } = client();
    expect((await c.request({ method: 'GET', path: '/orders' })).body).toStrictEqual(page);
    // A bad body is retried: the same answer to every attempt.
    const answerEvery = (body: string) => {
      replies = Array.from({ length: DEFAULT_HTTP.maxAttempts }, () => (_q: http.IncomingMessage, r: http.ServerResponse) => {
        r.writeHead(200, { 'content-type': 'application/json' });
        r.end(body);
      });
    };
    answerEvery(text.slice(0, -2));
    await expect(c.request({ method: 'GET', path: '/orders' })).rejects.toThrow(/truncated or invalid JSON body/);
    answerEvery(`[${text.slice(1, -1)},${'['.repeat(70)}${']'.repeat(70)}]`);
    await expect(c.request({ method: 'GET', path: '/orders' })).rejects.toThrow(/nested more than 64 levels/);
  });

  it('reads each element of a page through mapElement, large or small; a map error is thrown at once, bad JSON retried', async () => {
    const page = Array.from({ length: 1000 }, (_, i) => ({ id: i, name: i % 3 ? 'plain' : '李小龙, "quoted" ] [' }));
    const map = (e: unknown, i: number) => `${i}:${(e as { name: string }).name}`;
    const { c } = client();
    for (const body of [page, page.slice(0, 3)]) {
      replies.push((_q, r) => json(r, 200, body));
      expect((await c.request({ method: 'GET', path: '/orders', mapElement: map })).body, `${body.length} elements`).toStrictEqual(body.map(map));
    }
    // Not an array: the body as it came, for the caller to refuse.
    replies.push((_q, r) => json(r, 200, { orders: [] }));
    expect((await c.request({ method: 'GET', path: '/orders', mapElement: map })).body).toStrictEqual({ orders: [] });
    for (const body of [page, page.slice(0, 3)]) {
      replies = [(_q, r) => json(r, 200, body), (_q, r) => json(r, 200, body)];
      const refused = new ApiError('element 3 is not an order');
      const mapOrFail = (e: unknown, i: number) => {
        if (i === 2) throw refused;
        return e;
      };
      await expect(c.request({ method: 'GET', path: '/orders', mapElement: mapOrFail })).rejects.toBe(refused);
      expect(replies, 'asked once').toHaveLength(1);
      // A bug in a map is no network error either: it is thrown as it is, never retried.
      replies = [(_q, r) => json(r, 200, body), (_q, r) => json(r, 200, body)];
      await expect(c.request({ method: 'GET', path: '/orders', mapElement: () => (null as unknown as { x: number }).x })).rejects.toThrow(TypeError);
      expect(replies, 'asked once').toHaveLength(1);
    }
    // A truncated page is asked again, and mapped once whole.
    const text = JSON.stringify(page);
    let mapped = 0;
    replies = [
      (_q, r) => {
        r.writeHead(200, { 'content-type': 'application/json' });
        r.end(text.slice(0, -2));
      },
      (_q, r) => json(r, 200, page),
    ];
    const res = await c.request({ method: 'GET', path: '/orders', mapElement: (e) => (mapped++, e) });
    expect(res.body).toStrictEqual(page);
    expect(mapped).toBeGreaterThanOrEqual(page.length);
    // Read as it came, a page too deep or invalid says so, as a whole body would.
    const answerEvery = (body: string) => {
      replies = Array.from({ length: DEFAULT_HTTP.maxAttempts }, () => (_q: http.IncomingMessage, r: http.ServerResponse) => {
        r.writeHead(200, { 'content-type': 'application/json' });
        r.end(body);
      });
    };
    answerEvery(`[${text.slice(1, -1)},${'['.repeat(70)}${']'.repeat(70)}]`);
    await expect(c.request({ method: 'GET', path: '/orders', mapElement: (e) => e })).rejects.toThrow(/nested more than 64 levels/);
    answerEvery(`${text.slice(0, -1)},{"id":}]`);
    await expect(c.request({ method: 'GET', path: '/orders', mapElement: (e) => e })).rejects.toThrow(/truncated or invalid JSON body/);
  });

  it('reads a page with mapElement as it arrives: elements are mapped before the body ends, unless --debug prints it', async () => {
    const page = Array.from({ length: 2000 }, (_, i) => ({ id: i, name: i % 5 ? 'plain' : 'Zoë 李小龙 "q" ]' }));
    const text = JSON.stringify(page);
    const cut = Math.floor(text.length / 2);
    let firstMapped!: () => void;
    const mappedOnce = new Promise<void>((r) => (firstMapped = r));
    // The rest of the body is sent only once an element was mapped: a client that waited for the whole body would time out.
    replies.push((_q, r) => {
      r.writeHead(200, { 'content-type': 'application/json' });
      r.write(text.slice(0, cut));
      void mappedOnce.then(() => r.end(text.slice(cut)));
    });
    const { c } = client();
    const map = (e: unknown) => (firstMapped(), (e as { id: number }).id);
    expect((await c.request({ method: 'GET', path: '/orders', mapElement: map })).body).toStrictEqual(page.map((o) => o.id));
    // With --debug the body is traced whole, then read: the same elements.
    const lines: string[] = [];
    replies.push((_q, r) => json(r, 200, page));
    const traced = client({}, (l) => lines.push(l)).c;
    expect((await traced.request({ method: 'GET', path: '/orders', mapElement: map })).body).toStrictEqual(page.map((o) => o.id));
    expect(lines.some((l) => l.includes('李小龙'))).toBe(true);
  });

  it('treats 204 as an empty body', async () => {
    replies.push((_q, r) => {
      r.writeHead(204);
      r.end();
    });
    const res = await client().c.request({ method: 'GET', path: '/orders' });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
  });

  it('retries a 503 with backoff, then succeeds', async () => {
    replies.push((_q, r) => json(r, 503, [{ status: 503, message: 'busy' }]));
    replies.push((_q, r) => json(r, 503, [{ status: 503, message: 'busy' }]));
    const { c, clock } = client();
    const res = await c.request({ method: 'GET', path: '/orders' });
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(3);
    expect(clock.sleeps).toHaveLength(2);
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    replies.push((_q, r) => json(r, 429, [], { 'retry-after': '3' }));
    replies.push((_q, r) => json(r, 429, [], { 'retry-after': 'Mon, 23 Nov 2026 12:00:10 GMT' }));
    const { c, clock } = client();
    await c.request({ method: 'GET', path: '/orders' });
    // The second wait counts from the fake clock, already 3 s on.
    expect(clock.sleeps).toEqual([3000, 7000]);
  });

  it("honours BigCommerce's X-Rate-Limit-Time-Reset-Ms on a 429", async () => {
    replies.push((_q, r) => json(r, 429, [], { 'x-rate-limit-time-reset-ms': '1500', 'x-rate-limit-requests-left': '0' }));
    const { c, clock } = client({ retryAfterMs: (h) => Number(h['x-rate-limit-time-reset-ms']) });
    await c.request({ method: 'GET', path: '/orders' });
    expect(clock.sleeps).toEqual([1500]);
  });

  it('says a hold of more than a second: a debug line and one notice, however many requests wait', async () => {
    replies.push((_q, r) => json(r, 429, [], { 'retry-after': '12' }));
    const lines: string[] = [];
    const waits: Array<{ until: number; why: string }> = [];
    const clock = fakeClock();
    const platform: PlatformHttp = { name: 'testshop', baseUrl, authHeaders: {}, secrets: [] };
    const c = new HttpClient(platform, { ...DEFAULT_HTTP, timeoutMs: 2000, clock, random: seededRandom(1), env: {}, debug: (l) => lines.push(l), onWait: (w) => waits.push(w) });
    const start = clock.now().getTime();
    await c.request({ method: 'GET', path: '/orders' });
    expect(lines).toContain("waiting 12 s for testshop's rate limit");
    expect(waits).toEqual([{ until: start + 12_000, why: "testshop's rate limit" }]);
  });

  it('says a Retry-After on a 503, and stays quiet about waits of a second or less', async () => {
    replies.push((_q, r) => json(r, 503, [], { 'retry-after': '5' }));
    replies.push((_q, r) => json(r, 429, [], { 'retry-after': '1' }));
    const lines: string[] = [];
    const { c } = client({}, (l) => lines.push(l));
    await c.request({ method: 'GET', path: '/orders' });
    expect(lines.filter((l) => l.startsWith('waiting'))).toEqual(["waiting 5 s for testshop's Retry-After"]);
  });

  it('gives up after the last attempt with the platform message and the status', async () => {
    for (let i = 0; i < 4; i++) replies.push((_q, r) => json(r, 502, [{ status: 502, message: 'bad gateway' }]));
    const err = await client().c.request({ method: 'GET', path: '/orders' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.message).toBe('testshop answered GET /api/orders with 502: bad gateway');
    expect(seen).toHaveLength(4);
  });

  it('maps statuses to errors with exit codes', async () => {
    const cases: Array<[number, unknown]> = [
      [401, AuthError],
      [403, AuthError],
      [404, NotFoundError],
      [409, RefusedError],
      [422, RefusedError],
      [400, ApiError],
    ];
    for (const [status, type] of cases) {
      replies.push((_q, r) => json(r, status, [{ status, message: `m${status}` }]));
      const err = await client().c.request({ method: 'GET', path: '/x' }).catch((e) => e);
      expect(err).toBeInstanceOf(type);
      expect(err.status).toBe(status);
    }
  });

  it('never repeats a POST without a key after a reset', async () => {
    replies.push((req) => req.socket.destroy());
    const err = await client().c.request({ method: 'POST', path: '/orders', body: {} }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.hint).toMatch(/may have reached the server/);
    expect(seen).toHaveLength(1);
  });

  it('retries a POST with an idempotency key, reusing the same key', async () => {
    replies.push((req) => req.socket.destroy());
    replies.push((_q, r) => json(r, 503, []));
    const res = await client().c.request({ method: 'POST', path: '/orders', body: {}, idempotencyKey: 'key-1' });
    expect(res.status).toBe(200);
    expect(seen.map((s) => s.headers['idempotency-key'])).toEqual(['key-1', 'key-1', 'key-1']);
  });

  it('retries a GET after a reset', async () => {
    replies.push((req) => req.socket.destroy());
    const res = await client().c.request({ method: 'GET', path: '/orders' });
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(2);
  });

  it('takes a 404 to a repeated DELETE as done when the first answer was lost', async () => {
    // The first DELETE was carried out, and its answer lost: the repeat finds nothing to remove.
    replies.push((req) => req.socket.destroy());
    replies.push((_q, r) => json(r, 404, [{ status: 404, message: 'The requested resource was not found.' }]));
    const res = await client().c.request({ method: 'DELETE', path: '/orders/7' });
    expect(res.status).toBe(204);
    expect(seen.map((s) => s.method)).toEqual(['DELETE', 'DELETE']);
    // A first answer of 404 is not found: there was nothing to remove.
    replies.push((_q, r) => json(r, 404, [{ status: 404, message: 'The requested resource was not found.' }]));
    await expect(client().c.request({ method: 'DELETE', path: '/orders/8' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('says clearly when a body is HTML or truncated', async () => {
    replies.push((_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html' });
      r.end('<html>oops</html>');
    });
    replies.push((_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html' });
      r.end('<html>oops</html>');
    });
    const err = await client().c.request({ method: 'PUT', path: '/orders/1', body: {} }).catch((e) => e);
    expect(err.message).toBe('testshop answered PUT /api/orders/1 with 200 and text/html, not JSON');
    const { c } = client();
    replies.push((_q, r) => {
      r.writeHead(200, { 'content-type': 'application/json' });
      r.end('{"id": 1, "na');
    });
    // A GET is retried once the body is bad; the second answer is good.
    const ok = await c.request({ method: 'GET', path: '/orders/1' });
    expect(ok.body).toEqual({ ok: true });
    replies.push((_q, r) => {
      r.writeHead(502, { 'content-type': 'text/html' });
      r.end('<html>Bad Gateway</html>');
    });
    const err2 = await client().c.request({ method: 'POST', path: '/orders', body: {} }).catch((e) => e);
    expect(err2.message).toBe('testshop answered POST /api/orders with 502: the body was text/html, not JSON');
  });

  it('traces requests with every secret redacted', async () => {
    const lines: string[] = [];
    replies.push((_q, r) => json(r, 401, [{ status: 401, message: `token ${TOKEN} refused` }]));
    const err = await client({}, (l) => lines.push(l)).c.request({ method: 'GET', path: '/orders' }).catch((e) => e);
    const trace = lines.join('\n');
    expect(trace).toContain('> GET');
    expect(trace).toContain('x-auth-token: [redacted]');
    expect(trace).not.toContain(TOKEN);
    expect(err.message).not.toContain(TOKEN);
  });

  it('encodes path segments so an id cannot escape its path', async () => {
    expect(pathOf`/orders/${'../x'}`).toBe('/orders/..%2Fx');
    expect(pathOf`/orders/${'..'}/products`).toBe('/orders/%2E%2E/products');
    expect(pathOf`/orders/${'a b?c#d'}`).toBe('/orders/a%20b%3Fc%23d');
    await client().c.request({ method: 'GET', path: pathOf`/orders/${'../x'}` });
    expect(seen[0]!.url).toBe('/api/orders/..%2Fx');
  });

  it('refuses plain http:// except to loopback', () => {
    expect(() => checkBaseUrl('http://api.example.com/v2')).toThrow(UsageError);
    expect(() => checkBaseUrl('http://api.example.com/v2')).toThrow(/refusing plain http/);
    expect(checkBaseUrl('http://127.0.0.1:8080/x').hostname).toBe('127.0.0.1');
    expect(checkBaseUrl('http://localhost/x').hostname).toBe('localhost');
    expect(checkBaseUrl('https://api.example.com').protocol).toBe('https:');
    expect(() => checkBaseUrl('ftp://x')).toThrow(UsageError);
  });

  it('times out a server that never answers', async () => {
    replies.push(() => undefined);
    const clock = fakeClock();
    const c = new HttpClient(
      { name: 't', baseUrl, authHeaders: {}, secrets: [] },
      { ...DEFAULT_HTTP, maxAttempts: 1, timeoutMs: 200, clock, random: Math.random, env: {} },
    );
    const started = Date.now();
    const err = await c.request({ method: 'GET', path: '/slow' }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.message).toMatch(/timed out/);
    // On time: undici's own timers alone would take a second or more.
    expect(Date.now() - started).toBeLessThan(800);
  });
});

describe('depthOver', () => {
  /** An array nested `n` levels deep (the outer one is level 1), with `leaf` inside the innermost. */
  const nested = (n: number, leaf: unknown = 1): unknown => {
    let v: unknown = [leaf];
    for (let i = 1; i < n; i++) v = i % 2 ? { k: v } : [0, v];
    return v;
  };

  it('counts objects and arrays as levels, not the values inside them', () => {
    expect(depthOver(nested(64, 'x'), 64), '64 levels').toBe(false);
    expect(depthOver(nested(65, 'x'), 64), '65 levels').toBe(true);
    expect(depthOver(nested(64, {}), 64), 'an empty object at level 65').toBe(true);
    expect(depthOver('text', 0)).toBe(false);
    expect(depthOver(null, 0)).toBe(false);
  });

  it('finds a deep branch after wide shallow ones, under any key', () => {
    const wide = Array.from({ length: 1000 }, (_, i) => ({ id: i, tags: ['a'] }));
    expect(depthOver({ orders: wide }, 64)).toBe(false);
    expect(depthOver({ orders: wide, last: JSON.parse('{"__proto__":' + JSON.stringify(nested(70)) + '}') }, 64)).toBe(true);
  });

  it('does not overflow the stack on a hostile depth', () => {
    expect(depthOver(nested(200_000), 64)).toBe(true);
  });
});
