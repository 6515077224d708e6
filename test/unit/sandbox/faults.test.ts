// Faults, quotas and latency: seeded and reproducible, each kind doing what
// a client will meet in the wild (API-NOTES.md §1 for BigCommerce's quota).

import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { BcError, BcOrder } from '../../../src/platforms/bigcommerce/types.js';
import { FAULT_KINDS, FaultInjector } from '../../../src/sandbox/faults.js';
import { QuotaWindowLimiter } from '../../../src/sandbox/rate-limit.js';
import { type Exchange, type SandboxOptions } from '../../../src/sandbox/server.js';
import { NOW, openSandbox, type Opened } from './support.js';

let opened: Opened[] = [];
afterEach(async () => {
  await Promise.all(opened.map((o) => o.close()));
  opened = [];
});
async function open(o: SandboxOptions = {}): Promise<Opened> {
  const s = await openSandbox(o);
  opened.push(s);
  return s;
}

describe('rate limit', () => {
  it('sends BigCommerce quota headers on every answer: 150 per 30 000 ms by default', async () => {
    const { api } = await open();
    const a = await api('GET', '/orders/count');
    const b = await api('GET', '/orders/99999');
    expect(a.headers).toMatchObject({ 'x-rate-limit-time-window-ms': '30000', 'x-rate-limit-time-reset-ms': '30000', 'x-rate-limit-requests-quota': '150', 'x-rate-limit-requests-left': '149' });
    expect(b.status).toBe(404);
    expect(b.headers['x-rate-limit-requests-left']).toBe('148');
  });

  it('answers 429 with X-Retry-After when the window is used up, and refills after it', async () => {
    let t = NOW;
    const { api } = await open({ rateLimit: { requests: 3, windowMs: 10_000 }, now: () => t });
    const lefts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await api('GET', '/orders?limit=1');
      expect(r.status).toBe(200);
      lefts.push(r.headers['x-rate-limit-requests-left']!);
      t += 1000;
    }
    expect(lefts).toEqual(['2', '1', '0']);
    const limited = await api<BcError[]>('GET', '/orders?limit=1');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual([{ status: 429, message: expect.any(String) }]);
    expect(limited.headers).toMatchObject({ 'x-retry-after': '7', 'x-rate-limit-time-reset-ms': '7000', 'x-rate-limit-requests-left': '0' });
    // A refused change is not applied.
    expect((await api('PUT', '/orders/100', { staff_notes: 'too soon' })).status).toBe(429);
    t += 7000;
    const again = await api<BcOrder>('GET', '/orders/100');
    expect(again.status).toBe(200);
    expect(again.body.staff_notes).not.toBe('too soon');
    expect(again.headers['x-rate-limit-requests-left']).toBe('2');
  });

  it('has a limiter that can be read without spending the quota', () => {
    const l = new QuotaWindowLimiter({ requests: 1, windowMs: 100 });
    expect(l.peek(0)).toMatchObject({ allowed: true, left: 1 });
    expect(l.take(0)).toMatchObject({ allowed: true, left: 0, resetMs: 100 });
    expect(l.take(50)).toMatchObject({ allowed: false, resetMs: 50 });
    expect(l.take(100)).toMatchObject({ allowed: true, left: 0, resetMs: 100 });
  });
});

describe('fault injection', () => {
  it('draws reproducibly from the seed, and only the allowed kinds', () => {
    const draw = (seed: number) => {
      const f = new FaultInjector({ seed, failRate: 0.5, kinds: ['500', '503', 'html'] });
      return Array.from({ length: 200 }, () => f.next() ?? '-');
    };
    expect(draw(4)).toEqual(draw(4));
    expect(draw(4)).not.toEqual(draw(5));
    expect(new Set(draw(4))).toEqual(new Set(['-', '500', '503', 'html']));
    expect(Array.from({ length: 20 }, () => new FaultInjector({ seed: 1 }).next())).toEqual(Array(20).fill(undefined));
    expect(() => new FaultInjector({ seed: 1 }).inject(['teapot' as never])).toThrow(/teapot/);
  });

  it('serves queued faults first, one per request, in order', () => {
    const f = new FaultInjector({ seed: 1, failRate: 0 });
    f.inject(['503', 'html']);
    expect([f.next(), f.next(), f.next()]).toEqual(['503', 'html', undefined]);
  });

  it('with failRate, the same seed gives the same answers over HTTP', async () => {
    const statuses = async (seed: number) => {
      const { api } = await open({ seed, failRate: 0.4, faults: ['500', '502', '503', '504', '429', '429-no-retry-after', 'html', 'bad-shape'] });
      const out: number[] = [];
      for (let i = 0; i < 25; i++) out.push((await api('GET', '/orders/count')).status);
      return out;
    };
    const a = await statuses(11);
    expect(await statuses(11)).toEqual(a);
    expect(a.filter((s) => s !== 200).length).toBeGreaterThan(3);
  });

  it.each(['500', '502', '503', '504'] as const)('%s answers in the platform error shape without processing', async (kind) => {
    const exchanges: Exchange[] = [];
    const { api, sandbox } = await open({ onExchange: (e) => exchanges.push(e) });
    sandbox.injectFaults([kind]);
    const r = await api<BcError[]>('PUT', '/orders/100', { staff_notes: 'lost' });
    expect(r.status).toBe(Number(kind));
    expect(r.body).toEqual([{ status: Number(kind), message: expect.any(String) }]);
    expect((await api<BcOrder>('GET', '/orders/100')).body.staff_notes).not.toBe('lost');
    expect(sandbox.store.changeCount('bigcommerce', 100)).toBe(0);
    expect(exchanges[0]).toMatchObject({ fault: kind, status: Number(kind), path: '/orders/100' });
  });

  it('429 carries Retry-After: 1; 429-no-retry-after does not', async () => {
    const { api, sandbox } = await open();
    sandbox.injectFaults(['429', '429-no-retry-after']);
    const a = await api('GET', '/orders');
    const b = await api('GET', '/orders');
    expect([a.status, b.status]).toEqual([429, 429]);
    expect(a.headers['retry-after']).toBe('1');
    expect(b.headers['retry-after']).toBeUndefined();
  });

  it('html answers 502 with an HTML page', async () => {
    const { api, sandbox } = await open();
    sandbox.injectFaults(['html']);
    const r = await api('GET', '/orders');
    expect(r.status).toBe(502);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.text).toMatch(/<html>/);
    expect(r.body).toBeUndefined();
  });

  it('bad-shape processes the request, then answers 200 with JSON of the wrong shape', async () => {
    const { api, sandbox } = await open();
    sandbox.injectFaults(['bad-shape']);
    const r = await api('PUT', '/orders/100', { staff_notes: 'applied' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ unexpected: true });
    expect((await api<BcOrder>('GET', '/orders/100')).body.staff_notes).toBe('applied');
  });

  it('reset-before drops the connection and changes nothing', async () => {
    const { api, sandbox } = await open();
    sandbox.injectFaults(['reset-before']);
    await expect(api('PUT', '/orders/100', { staff_notes: 'never' })).rejects.toThrow(/other side closed|socket|ECONNRESET/i);
    expect((await api<BcOrder>('GET', '/orders/100')).body.staff_notes).not.toBe('never');
    expect(sandbox.store.changeCount('bigcommerce', 100)).toBe(0);
  });

  it('reset-after applies the change, then drops the connection without an answer', async () => {
    const exchanges: Exchange[] = [];
    const { api, sandbox } = await open({ onExchange: (e) => exchanges.push(e) });
    sandbox.injectFaults(['reset-after']);
    await expect(api('PUT', '/orders/100', { staff_notes: 'applied anyway' })).rejects.toThrow(/other side closed|socket|ECONNRESET/i);
    expect((await api<BcOrder>('GET', '/orders/100')).body.staff_notes).toBe('applied anyway');
    expect(sandbox.store.changeCount('bigcommerce', 100)).toBe(1);
    expect(exchanges.map((e) => e.method)).toEqual(['GET']); // the dropped one was never answered
  });

  it('truncated announces the full Content-Length, sends half the body, and drops the connection', async () => {
    const { sandbox } = await open();
    sandbox.injectFaults(['truncated']);
    const dispatcher = new Agent();
    const res = await request(`${sandbox.baseUrls.bigcommerce}/orders/100`, { headers: { 'x-auth-token': sandbox.token }, dispatcher });
    expect(res.statusCode).toBe(200);
    expect(Number(res.headers['content-length'])).toBeGreaterThan(1000);
    await expect(res.body.text()).rejects.toThrow();
    await dispatcher.close();
  });

  it('latency delays one answer by spikeMs', async () => {
    const { api, sandbox } = await open({ spikeMs: 150 });
    sandbox.injectFaults(['latency']);
    let t = performance.now();
    expect((await api('GET', '/orders/count')).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(140);
    t = performance.now();
    await api('GET', '/orders/count');
    expect(performance.now() - t).toBeLessThan(140);
  });

  it('lists every kind the brief names', () => {
    expect([...FAULT_KINDS].sort()).toEqual(['429', '429-no-retry-after', '500', '502', '503', '504', 'bad-shape', 'html', 'latency', 'reset-after', 'reset-before', 'truncated'].sort());
  });
});

describe('latency and shutdown', () => {
  it('latencyMs delays every answer', async () => {
    const { api } = await open({ latencyMs: 80 });
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      await api('GET', '/orders/count');
      expect(performance.now() - t).toBeGreaterThanOrEqual(70);
    }
  });

  it('close() finishes promptly with a keep-alive connection idle and a request in flight', async () => {
    const s = await openSandbox({ spikeMs: 5000 });
    const dispatcher = new Agent({ keepAliveTimeout: 60_000 });
    const headers = { 'x-auth-token': s.sandbox.token };
    // One answered request leaves an idle keep-alive socket behind.
    await (await request(`${s.sandbox.baseUrls.bigcommerce}/order_statuses`, { headers, dispatcher })).body.text();
    s.sandbox.injectFaults(['latency']);
    const slow = request(`${s.sandbox.baseUrls.bigcommerce}/orders`, { headers, dispatcher }).then(
      () => 'answered',
      () => 'dropped',
    );
    await new Promise((r) => setTimeout(r, 50));
    const t = performance.now();
    await s.sandbox.close();
    expect(performance.now() - t).toBeLessThan(1000);
    expect(await slow).toBe('dropped');
    await s.api.close();
    await dispatcher.destroy();
  });
});
