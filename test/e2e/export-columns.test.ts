// Export columns vs get: on every platform's sandbox dialect, each column of
// `orders export` CSV that `orders get` fills for an order is filled in that
// order's export row too, from the listing's own answers (no request per order).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/core/config.js';
import { ORDER_COLUMNS } from '../../src/output/order-columns.js';
import { flattenForColumns } from '../../src/output/fields.js';
import { SUPPORTED_PLATFORMS } from '../../src/platforms/index.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { runCommand } from '../support/context.js';
import { parseCsv } from '../support/csv.js';
import { tempConfigDir } from '../support/tmp.js';

let sandbox: Sandbox;
let tmp: ReturnType<typeof tempConfigDir>;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 19, orders: 40 });
  tmp = tempConfigDir();
});
afterAll(async () => {
  await sandbox.close();
  tmp.remove();
});

const EXTRA: Partial<Record<string, Partial<Profile>>> = { cscart: { username: 'admin@example.com' }, outshifter: { storefront: 'sandbox' } };

describe.each(SUPPORTED_PLATFORMS)('export columns vs get on %s', (platform) => {
  it('every column get fills is filled in the export row', async () => {
    const config = { currentProfile: platform, profiles: { [platform]: { platform, baseUrl: sandbox.baseUrls[platform]!, token: sandbox.token, ...EXTRA[platform] } } };
    const file = path.join(tmp.dir, `${platform}.csv`);
    const exported = await runCommand(['orders', 'export', '--format', 'csv', '--out', file], { config, globals: { debug: true } });
    expect(exported.code, exported.err).toBe(0);
    expect(exported.err).not.toMatch(/read on its own/);
    const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
    expect(header).toEqual(ORDER_COLUMNS);
    expect(rows.length).toBeGreaterThan(20);

    const orders: Array<{ id: string }> = [];
    for (const r of rows) {
      const got = await runCommand(['orders', 'get', r[0]!, '-o', 'json'], { config });
      expect(got.code, got.err).toBe(0);
      orders.push(JSON.parse(got.out));
    }
    const missing: string[] = [];
    let filled = 0;
    for (const order of orders) {
      const row = rows.find((r) => r[0] === order.id)!;
      flattenForColumns(order, ORDER_COLUMNS).forEach((cell, i) => {
        if (cell === '') return;
        filled++;
        if (row[i] === '') missing.push(`order ${order.id}: ${ORDER_COLUMNS[i]}`);
      });
    }
    expect(missing).toEqual([]);
    // Not a vacuous check: get fills most columns of most orders.
    expect(filled).toBeGreaterThan(orders.length * 15);
  });
});
