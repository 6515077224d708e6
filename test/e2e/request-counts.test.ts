// Requests per order, counted at the sandbox (a count is deterministic, a time
// is not): `orders get` is one request on every platform, and an export, with
// or without --lines, sends no more requests than the listing alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/core/config.js';
import { SUPPORTED_PLATFORMS } from '../../src/platforms/index.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { runCommand } from '../support/context.js';
import { tempConfigDir } from '../support/tmp.js';

const ORDERS = 300;
let sandbox: Sandbox;
let tmp: ReturnType<typeof tempConfigDir>;
const seen: Record<string, number> = {};
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 23, orders: ORDERS, onExchange: (ex) => (seen[ex.platform] = (seen[ex.platform] ?? 0) + 1) });
  tmp = tempConfigDir();
});
afterAll(async () => {
  await sandbox.close();
  tmp.remove();
});

const EXTRA: Partial<Record<string, Partial<Profile>>> = { cscart: { username: 'admin@example.com' }, outshifter: { storefront: 'sandbox' } };

/** Pages a listing of every order takes on each platform: BigCommerce and CS-Cart 250 a page, Squarespace 50, Outshifter one answer. */
const LIST_REQUESTS: Record<string, number> = { bigcommerce: 2, cscart: 2, squarespace: 6, outshifter: 1 };

describe.each(SUPPORTED_PLATFORMS)('requests on %s', (platform) => {
  const config = () => ({ currentProfile: platform, profiles: { [platform]: { platform, baseUrl: sandbox.baseUrls[platform]!, token: sandbox.token, ...EXTRA[platform] } } });
  /** Requests the platform's dialect answered while `argv` ran. */
  const requests = async (argv: string[]) => {
    const before = seen[platform] ?? 0;
    const r = await runCommand(argv, { config: config() });
    expect(r.code, r.err).toBe(0);
    return { count: (seen[platform] ?? 0) - before, out: r.out };
  };

  it('orders get: one request for the order with its items and addresses', async () => {
    // An order with nothing shipped: one that has shipped something also reads its shipments
    // (BigCommerce keeps them at their own endpoint, which no include reaches).
    const { out } = await requests(['orders', 'list', '--all', '-o', 'json']);
    const unshipped = (JSON.parse(out) as Array<{ id: string; fulfillmentStatus: string }>).find((o) => o.fulfillmentStatus === 'unfulfilled')!;
    const { count, out: json } = await requests(['orders', 'get', unshipped.id, '-o', 'json']);
    expect(count).toBe(1);
    const order = JSON.parse(json);
    expect(order.items.length).toBeGreaterThan(0);
  });

  it('export, with and without --lines: the requests of the listing alone', async () => {
    const list = await requests(['orders', 'list', '--all', '-o', 'ids']);
    const listed = list.out.trim().split('\n').length;
    expect(listed).toBeGreaterThan(ORDERS * 0.8);
    expect(list.count).toBe(LIST_REQUESTS[platform]);
    const plain = await requests(['orders', 'export', '--format', 'csv', '--out', '-', '--quiet']);
    const lines = await requests(['orders', 'export', '--format', 'csv', '--lines', '--out', '-', '--quiet']);
    expect(plain.out.trim().split('\n')).toHaveLength(listed + 1);
    expect(lines.out.trim().split('\n').length).toBeGreaterThan(listed);
    expect(plain.count).toBe(list.count);
    expect(lines.count).toBe(list.count);
  });
});
