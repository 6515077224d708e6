// Every command that reaches Squarespace, through the built binary, against
// Stoplight Prism serving the official Commerce OpenAPI extract (patched only in
// MonetaryAmount, in a temp copy, as ../shared/specs/SOURCES.md says) with
// request validation (--errors): no request may be refused, and every answer
// Prism makes from the file's examples must be read without error.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderctl } from '../support/cli.js';
import { patchedSquarespaceSpec, specFile, startPrism, type Prism } from '../support/prism.js';
import { tempConfigDir } from '../support/tmp.js';

const spec = specFile('squarespace-commerce-orders.json');
const skipReason = 'skipReason' in spec ? spec.skipReason : undefined;
if (skipReason) console.warn(skipReason);

// Each test spawns the binary several times: give it room on a loaded machine.
describe.skipIf(skipReason !== undefined)(`Squarespace commands against Prism serving the official extract${skipReason ? ` (${skipReason})` : ''}`, { timeout: 120_000 }, () => {
  let prism: Prism;
  let cfg: ReturnType<typeof tempConfigDir>;
  const run = (args: string[], input?: string) => orderctl(['-p', 'prism', ...args], { env: { ORDERCTL_CONFIG_DIR: cfg.dir }, input, timeoutMs: 30_000 });
  const ok = async (args: string[], input?: string) => {
    const r = await run(args, input);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    expect(r.stderr).not.toMatch(/unexpected|looks like a bug/i);
    return r;
  };

  beforeAll(async () => {
    cfg = tempConfigDir();
    prism = await startPrism(patchedSquarespaceSpec((spec as { file: string }).file, cfg.dir));
    // The extract's paths start with /1.0/commerce (SOURCES.md).
    const add = await orderctl(['profile', 'add', 'prism', '--platform', 'squarespace', '--base-url', `${prism.url}/1.0/commerce`, '--token-stdin'], { env: { ORDERCTL_CONFIG_DIR: cfg.dir }, input: 'token\n' });
    expect(add.code, add.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    // Zero refused requests over the whole file.
    const refused = prism?.refused() ?? [];
    await prism?.close();
    cfg?.remove();
    expect(refused).toEqual([]);
  });

  it('profile test and one page of orders read the examples', async () => {
    await ok(['profile', 'test', 'prism']);
    const list = JSON.parse((await ok(['orders', 'list', '-o', 'json'])).stdout);
    expect(list.length).toBeGreaterThan(0);
    expect(list[0].id).toMatch(/^[0-9a-f]{24}$/);
    await ok(['orders', 'list', '--status', 'pending', '--since', '2024-01-01T00:00:00Z', '--customer', 'c1', '-o', 'ids']);
  });

  it('--all, count and export stop at the example next page that repeats its cursor, naming the page', async () => {
    // Prism's list example always has a next page with the same cursor (SOURCES.md).
    for (const args of [['orders', 'list', '--all', '-o', 'ids'], ['orders', 'count'], ['orders', 'export', '--out', path.join(cfg.dir, 'o.ndjson')]]) {
      const r = await run(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(/squarespace answered page 2 of the order list with (a next-page cursor it gave before|no order not listed before)/);
    }
    expect(fs.existsSync(path.join(cfg.dir, 'o.ndjson'))).toBe(false);
  });

  it('orders get reads the example order', async () => {
    const got = JSON.parse((await ok(['orders', 'get', '585d498fdee9f31a60284a37', '-o', 'json'])).stdout);
    expect(got.id).toMatch(/^[0-9a-f]{24}$/);
    expect(got.totals.total.amount).toMatch(/^\d+\.\d{2}$/);
  });

  it('create sends what the file accepts, with its Idempotency-Key', async () => {
    const order = path.join(cfg.dir, 'order.json');
    fs.writeFileSync(
      order,
      JSON.stringify({
        channelName: 'Etsy',
        externalOrderReference: 'ETSY-1',
        createdOn: '2026-11-20T10:00:00Z',
        priceTaxInterpretation: 'EXCLUSIVE',
        fulfillments: [],
        grandTotal: { value: '55.00', currency: 'USD' },
        subtotal: { value: '55.00', currency: 'USD' },
        lineItems: [{ lineItemType: 'CUSTOM', title: 'Mug', quantity: 1, unitPricePaid: { value: '55.00', currency: 'USD' } }],
      }),
    );
    await ok(['orders', 'create', '--file', order, '--yes']);
  });

  it('fulfill sends shipments with and without a tracking URL, and none', async () => {
    const id = '585d498fdee9f31a60284a37';
    await ok(['orders', 'fulfill', id, '--tracking', '1Z999', '--carrier', 'UPS', '--service', 'Ground', '--yes']);
    await ok(['orders', 'fulfill', id, '--tracking', '1Z999', '--carrier', 'UPS', '--service', 'Ground', '--tracking-url', 'https://www.ups.com/track?tracknum=1Z999', '--yes']);
    await ok(['orders', 'fulfill', id, '--yes']);
  });
});
