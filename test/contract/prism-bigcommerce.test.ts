// Every command that reaches BigCommerce, through the built binary, against
// Stoplight Prism serving the official Orders V2 file with request validation
// (--errors): no request may be refused, and every answer Prism makes from the
// file's examples must be read without error.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderctl } from '../support/cli.js';
import { patchedBigCommerceSpec, specFile, startPrism, type Prism } from '../support/prism.js';
import { tempConfigDir } from '../support/tmp.js';

const spec = specFile('bigcommerce-orders-v2.yml');
const skipReason = 'skipReason' in spec ? spec.skipReason : undefined;
if (skipReason) console.warn(skipReason);

// Each test spawns the binary several times: give it room on a loaded machine.
describe.skipIf(skipReason !== undefined)(`BigCommerce commands against Prism serving the official file${skipReason ? ` (${skipReason})` : ''}`, { timeout: 120_000 }, () => {
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
    prism = await startPrism(patchedBigCommerceSpec((spec as { file: string }).file, cfg.dir));
    const add = await orderctl(['profile', 'add', 'prism', '--platform', 'bigcommerce', '--base-url', prism.url, '--token-stdin'], { env: { ORDERCTL_CONFIG_DIR: cfg.dir }, input: 'token\n' });
    expect(add.code, add.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    // Zero refused requests over the whole file.
    const refused = prism?.refused() ?? [];
    await prism?.close();
    cfg?.remove();
    expect(refused).toEqual([]);
  });

  it('profile test, orders list, count and export read the examples', async () => {
    await ok(['profile', 'test', 'prism']);
    const list = JSON.parse((await ok(['orders', 'list', '-o', 'json'])).stdout);
    expect(list.length).toBeGreaterThan(0);
    expect(list[0].id).toBe('100');
    expect(list[0].totals.total.amount).toBe('361.95');
    await ok(['orders', 'list', '--status', 'awaiting_fulfillment', '--since', '2018-01-01T00:00:00Z', '--min-id', '1', '--sort', 'date_created', '-o', 'ids']);
    const count = JSON.parse((await ok(['orders', 'count', '-o', 'json'])).stdout);
    expect(typeof count.count).toBe('number');
    const out = path.join(cfg.dir, 'orders.ndjson');
    await ok(['orders', 'export', '--out', out]);
    expect(fs.readFileSync(out, 'utf8').trim().split('\n').length).toBeGreaterThan(0);
  });

  it('orders get reads the order with its products and shipping addresses', async () => {
    const got = JSON.parse((await ok(['orders', 'get', '100', '-o', 'json'])).stdout);
    expect(got.id).toMatch(/^\d+$/);
    expect(got.items.length).toBeGreaterThan(0);
  });

  it('create, update, status, cancel and archive send what the file accepts', async () => {
    const order = path.join(cfg.dir, 'order.json');
    fs.writeFileSync(
      order,
      JSON.stringify({
        billing_address: { first_name: 'Jane', last_name: 'Doe', street_1: '455 Main Street', city: 'Austin', state: 'Texas', zip: '78751', country: 'United States', country_iso2: 'US', email: 'janedoe@example.com' },
        products: [{ name: 'Custom', quantity: 1, price_inc_tax: 10, price_ex_tax: 10 }],
      }),
    );
    await ok(['orders', 'create', '--file', order, '--yes']);
    fs.writeFileSync(order, JSON.stringify({ staff_notes: 'checked' }));
    await ok(['orders', 'update', '100', '--file', order, '--yes']);
    await ok(['orders', 'status', '100']);
    await ok(['orders', 'status', '100', '--set', 'fulfilled', '--yes']);
    await ok(['orders', 'cancel', '100', '--yes']);
    await ok(['orders', 'archive', '100', '--yes']);
  });

  it('fulfill sends a shipping provider, or an AfterShip slug as tracking_carrier', async () => {
    // The file's examples do not agree with each other: the addresses are 132 and 133, the
    // products' order_address_id 51. So the address and the item are named.
    await ok(['orders', 'fulfill', '100', '--address', '132', '--item', '65', '--tracking', '1Z999', '--carrier', 'ups', '--yes']);
    await ok(['orders', 'fulfill', '100', '--address', '132', '--item', '65:1', '--tracking', 'JD0123', '--carrier', 'Royal Mail', '--yes']);
  });
});
