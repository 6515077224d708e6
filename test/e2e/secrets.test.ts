// The token never appears in anything orderctl writes: stdout, stderr, --debug
// traces, --dry-run output, error messages, exported files, the config listing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { orderctl } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

const TOKEN = 'sekret-Token-0123456789abcdef';
let sandbox: Sandbox;
let cfg: ReturnType<typeof tempConfigDir>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 13, orders: 20, token: TOKEN });
  cfg = tempConfigDir();
  await orderctl(['profile', 'add', 'shop', '--platform', 'bigcommerce', '--base-url', sandbox.baseUrls.bigcommerce!, '--token-stdin', '--use'], { env: { ORDERCTL_CONFIG_DIR: cfg.dir }, input: TOKEN });
});
afterAll(async () => {
  await sandbox.close();
  cfg.remove();
});

it('no command writes the token anywhere, with --debug and --dry-run included', async () => {
  const env = { ORDERCTL_CONFIG_DIR: cfg.dir };
  const file = path.join(cfg.dir, 'export.csv');
  const order = path.join(cfg.dir, 'order.json');
  fs.writeFileSync(order, JSON.stringify({ billing_address: { first_name: 'A', email: 'a@example.com', zip: '1' }, products: [{ name: 'x', quantity: 1, price_inc_tax: 1, price_ex_tax: 1 }] }));
  const runs: string[][] = [
    ['profile', 'list'],
    ['profile', 'show', '-o', 'json'],
    ['profile', 'test'],
    ['orders', 'list', '--debug'],
    ['orders', 'get', '100', '--debug', '-o', 'table'],
    ['orders', 'get', '999999', '--debug', '-o', 'json'],
    ['orders', 'count', '--debug'],
    ['orders', 'create', '--file', order, '--debug'],
    ['orders', 'create', '--file', order, '--dry-run'],
    ['orders', 'update', '101', '--file', order, '--dry-run', '--debug'],
    ['orders', 'status', '101', '102', '--set', 'completed', '--yes', '--debug'],
    ['orders', 'fulfill', '103', '--dry-run', '--debug'],
    ['orders', 'cancel', '104', '--yes', '--debug'],
    ['orders', 'archive', '105', '--dry-run'],
    ['orders', 'export', '--out', file, '--debug'],
  ];
  let seen = 0;
  for (const args of runs) {
    const r = await orderctl(args, { env });
    seen += r.stdout.length + r.stderr.length;
    expect(r.stdout + r.stderr, args.join(' ')).not.toContain(TOKEN);
    expect(r.err, args.join(' ')).not.toMatch(/\n\s+at /);
  }
  // A wrong token in the environment is not echoed either.
  const wrong = await orderctl(['orders', 'list', '--debug'], { env: { ...env, ORDERCTL_TOKEN: 'wrong-Token-987654321' } });
  expect(wrong.code).toBe(3);
  expect(wrong.stdout + wrong.stderr).not.toContain('wrong-Token-987654321');
  expect(fs.readFileSync(file, 'utf8')).not.toContain(TOKEN);
  expect(seen).toBeGreaterThan(5000); // the runs really wrote traces
  // Only the config file holds it, and only its owner may read it.
  expect(fs.statSync(path.join(cfg.dir, 'config.json')).mode & 0o777).toBe(0o600);
  expect(fs.statSync(cfg.dir).mode & 0o077).toBe(0);
});
