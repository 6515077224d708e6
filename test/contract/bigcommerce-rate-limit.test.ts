// The client reads BigCommerce's X-Rate-Limit-* headers and waits for the
// window to reset instead of running into 429s. Real time here: the sandbox's
// quota window and the client's waits must meet on the same clock.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededRandom, systemClock } from '../../src/core/clock.js';
import { DEFAULT_HTTP, HttpClient } from '../../src/core/http.js';
import { BigCommerceAdapter, bigcommerceHttp } from '../../src/platforms/bigcommerce/adapter.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';

let sandbox: Sandbox;
const statuses: number[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 2, orders: 10, rateLimit: { requests: 3, windowMs: 400 }, onExchange: (ex) => statuses.push(ex.status) });
});
afterAll(() => sandbox.close());

it('spreads requests over quota windows without a single 429', async () => {
  const http = new HttpClient(bigcommerceHttp({ platform: 'bigcommerce', baseUrl: sandbox.baseUrls.bigcommerce! }, sandbox.token), {
    ...DEFAULT_HTTP,
    maxAttempts: 1, // a 429 would fail the test outright
    clock: systemClock,
    random: seededRandom(1),
    env: {},
  });
  const adapter = new BigCommerceAdapter(http);
  const started = Date.now();
  for (let i = 0; i < 9; i++) await adapter.ping();
  const elapsed = Date.now() - started;
  await http.close();
  expect(statuses).toEqual(Array(9).fill(200));
  // 9 requests at 3 per 400 ms need at least two full window resets.
  expect(elapsed).toBeGreaterThanOrEqual(700);
});
