// The built binary, spawned as users and scripts run it, against a sandbox
// served from this test process on 127.0.0.1.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { BIN, orderctl } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

let sandbox: Sandbox;
let cfg: ReturnType<typeof tempConfigDir>;
let env: Record<string, string>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11, orders: 30 });
  cfg = tempConfigDir();
  env = { ORDERCTL_CONFIG_DIR: cfg.dir };
  const add = await orderctl(
    ['profile', 'add', 'local', '--platform', 'bigcommerce', '--base-url', sandbox.baseUrls.bigcommerce!, '--token-stdin', '--use'],
    { env, input: `${sandbox.token}\n` },
  );
  expect(add.err).toContain('added profile local');
  expect(add.code).toBe(0);
});
afterAll(async () => {
  await sandbox.close();
  cfg.remove();
});

const run = (args: string[], input?: string, extraEnv: Record<string, string> = {}) => orderctl(args, { env: { ...env, ...extraEnv }, input });

describe('orderctl (built binary)', () => {
  it('prints its version and Node’s', async () => {
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^orderctl \d+\.\d+\.\d+ \(node v\d+\.\d+\.\d+\)$/);
  });

  it('prints help with examples', async () => {
    const top = await run(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('orders');
    const list = await run(['orders', 'list', '--help']);
    expect(list.stdout).toContain('Examples:');
  });

  it('shows help for a subcommand with `help`', async () => {
    const r = await run(['help', 'orders', 'fulfill']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: orderctl orders fulfill/);
    expect(r.stdout).toContain('Examples:');
  });

  it('stops quietly when the reader of its output goes away', async () => {
    // Far more output than a pipe buffers, so the writer meets a closed pipe.
    const big = await startSandbox({ seed: 5, orders: 800 });
    const bigEnv = { ORDERCTL_PROFILE: 'big', ORDERCTL_TOKEN: big.token, ORDERCTL_CONFIG_DIR: cfg.dir };
    await run(['profile', 'add', 'big', '--platform', 'bigcommerce', '--base-url', big.baseUrls.bigcommerce!], undefined, bigEnv);
    // Async spawn: the sandbox answering it runs in this process.
    const { spawn } = await import('node:child_process');
    const child = spawn('sh', ['-c', `"${process.execPath}" "${BIN}" orders list --all --page-size 250 -o ndjson | head -n 1`], { env: { PATH: process.env.PATH, ...bigEnv } });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(JSON.parse(stdout.split('\n')[0]!)).toHaveProperty('id');
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    await run(['profile', 'remove', 'big']);
    await big.close();
  });

  it('suggests the nearest command and exits 2', async () => {
    const r = await run(['orders', 'lst']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command 'lst'/);
    expect(r.err).toMatch(/Did you mean (one of )?list/);
  });

  it('exits 2 on a bad flag or a bad value, with one line and no stack trace', async () => {
    for (const args of [['orders', 'list', '--bogus'], ['orders', 'list', '--since', 'next tuesday'], ['orders', 'list', '--page-size', 'abc'], ['-o', 'xml', 'orders', 'list']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^error: /);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('lists orders as JSON when stdout is not a terminal', async () => {
    const r = await run(['orders', 'list']);
    expect(r.code).toBe(0);
    const orders = JSON.parse(r.stdout);
    expect(orders).toHaveLength(30);
    expect(orders[0]).toMatchObject({ platform: 'bigcommerce', totals: { total: { amount: expect.stringMatching(/^\d+\.\d\d+$/) } } });
  });

  it('prints every format', async () => {
    const ndjson = await run(['orders', 'list', '-o', 'ndjson', '--limit', '5']);
    expect(ndjson.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toHaveLength(5);
    const ids = await run(['orders', 'list', '-o', 'ids', '--limit', '3']);
    expect(ids.stdout).toMatch(/^\d+\n\d+\n\d+\n$/);
    const csv = await run(['orders', 'list', '-o', 'csv', '--limit', '2']);
    // The export's dotted-path columns and raw values (an amount, then its currency), never the table's text.
    const header = csv.stdout.split('\n')[0]!.split(',');
    expect(header.slice(0, 5)).toEqual(['id', 'number', 'store', 'platform', 'status']);
    expect(header).toEqual(expect.arrayContaining(['currency', 'totals.total.amount', 'shippingAddress.line1']));
    const cells = [...csv.stdout.split('\n')[1]!.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!);
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i]]));
    expect(row['totals.total.amount']).toMatch(/^\d+\.\d\d$/);
    expect(row.currency).toMatch(/^[A-Z]{3}$/);
    expect(csv.stdout.trim().split('\n')).toHaveLength(3);
    const table = await run(['orders', 'list', '-o', 'table', '--limit', '2']);
    expect(table.stdout).toMatch(/^ID\s+STATUS\s+NATIVE\s+CUSTOMER/);
    expect(table.stdout).not.toContain('\u001b['); // no colour when not a terminal
  });

  it('picks --fields with dotted paths in every format', async () => {
    const json = await run(['orders', 'list', '--limit', '1', '--fields', 'id,customer.email,totals.total.amount']);
    const [o] = JSON.parse(json.stdout);
    expect(Object.keys(o)).toEqual(['id', 'customer', 'totals']);
    expect(Object.keys(o.customer)).toEqual(['email']);
    const csv = await run(['orders', 'list', '--limit', '1', '-o', 'csv', '--fields', 'id,customer.email']);
    expect(csv.stdout.split('\n')[0]).toBe('id,customer.email');
    const bad = await run(['orders', 'list', '--fields', 'custmer.email']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown field "custmer.email"/);
  });

  it('prints the platform’s own JSON with --raw', async () => {
    const r = await run(['orders', 'list', '--limit', '1', '--raw']);
    const [o] = JSON.parse(r.stdout);
    expect(o).toHaveProperty('status_id');
    expect(o.date_created).toMatch(/\+0000$/);
  });

  it('gets an order, and exits 4 for an unknown one', async () => {
    const [first] = JSON.parse((await run(['orders', 'list', '--limit', '1'])).stdout);
    const got = await run(['orders', 'get', first.id]);
    expect(got.code).toBe(0);
    expect(JSON.parse(got.stdout).items.length).toBeGreaterThan(0);
    const sheet = await run(['orders', 'get', first.id, '-o', 'table']);
    expect(sheet.stdout).toMatch(/^Order\s+\d+ on bigcommerce/m);
    const missing = await run(['orders', 'get', '424242']);
    expect(missing.code).toBe(4);
    expect(missing.err).toBe('error: order 424242 not found on bigcommerce\nhint: list orders with "orderctl orders list"\n');
    // Scripts (JSON output, stderr not a terminal) get exactly one JSON line, nothing else.
    expect(missing.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    const json = await run(['orders', 'get', '424242', '-o', 'json']);
    expect(json.err.endsWith('\n') && json.stderr.split('\n').length).toBe(2);
    expect(JSON.parse(json.stderr)).toEqual({
      error: { code: 'not_found', message: 'order 424242 not found on bigcommerce', hint: 'list orders with "orderctl orders list"', status: 404, store: null },
    });
    // A person reading a table gets the text lines.
    const table = await run(['orders', 'get', '424242', '-o', 'table']);
    expect(table.err).toBe('error: order 424242 not found on bigcommerce\nhint: list orders with "orderctl orders list"\n');
  });

  it('counts orders per status', async () => {
    const r = await run(['orders', 'count', '-o', 'json']);
    const c = JSON.parse(r.stdout);
    expect(c.count).toBeGreaterThan(0);
    // One row per normalized status (each once), with the native ids behind it.
    const names = c.statuses.map((s: { status: string }) => s.status);
    expect(new Set(names).size).toBe(names.length);
    expect(c.statuses.find((s: { status: string }) => s.status === 'awaiting_fulfillment').native.map((n: { code: string }) => n.code).sort()).toEqual(['11', '8', '9']);
    expect(c.statuses.reduce((n: number, s: { count: number }) => n + s.count, 0)).toBe(c.count);
  });

  it('creates, updates, changes status, fulfills, cancels and archives', async () => {
    const file = path.join(cfg.dir, 'order.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        billing_address: { first_name: 'Grace', last_name: 'Hopper', street_1: '1 Navy Way', city: 'Arlington', state: 'Virginia', zip: '22202', country: 'United States', country_iso2: 'US', email: 'grace@example.com' },
        shipping_addresses: [{ first_name: 'Grace', last_name: 'Hopper', street_1: '1 Navy Way', city: 'Arlington', state: 'Virginia', zip: '22202', country: 'United States', country_iso2: 'US', email: 'grace@example.com' }],
        products: [{ name: 'Compiler manual', quantity: 1, price_inc_tax: '19.99', price_ex_tax: '19.99' }],
      }),
    );
    const created = await run(['orders', 'create', '--file', file]);
    expect(created.code, created.stderr).toBe(0);
    const id = JSON.parse(created.stdout).id;
    expect(created.err).toContain(`created order ${id}`);
    // Printed whole, as orders get reads it: the POST's answer has no items or addresses.
    expect(JSON.parse(created.stdout)).toEqual(JSON.parse((await run(['orders', 'get', id, '-o', 'json'])).stdout));
    expect(JSON.parse(created.stdout)).toMatchObject({ items: [{ title: 'Compiler manual' }], shippingAddress: { name: 'Grace Hopper' } });

    const updated = await run(['orders', 'update', id, '--file', '-'], JSON.stringify({ staff_notes: 'VIP' }));
    expect(updated.code, updated.stderr).toBe(0);

    const noYes = await run(['orders', 'status', id, '--set', 'awaiting_fulfillment']);
    expect(noYes.code).toBe(2);
    expect(noYes.err).toMatch(/--yes/);

    const set = await run(['orders', 'status', id, '--set', 'awaiting_fulfillment', '--yes', '-o', 'ndjson']);
    expect(JSON.parse(set.stdout)).toMatchObject({ id, ok: true, status: 'awaiting_fulfillment' });

    const shown = await run(['orders', 'status', id, '-o', 'ndjson']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id, status: 'awaiting_fulfillment', nativeStatus: '11' });

    const shipped = await run(['orders', 'fulfill', id, '--tracking', 'TRK1', '--carrier', 'fedex', '-o', 'ndjson']);
    expect(shipped.code, shipped.stderr).toBe(0);
    expect(JSON.parse(shipped.stdout)).toMatchObject({ id, ok: true, shipmentId: expect.any(String) });
    expect(JSON.parse((await run(['orders', 'get', id])).stdout).status).toBe('fulfilled');

    const cancelled = await run(['orders', 'cancel', id, '--yes', '-o', 'ndjson']);
    expect(JSON.parse(cancelled.stdout)).toMatchObject({ id, ok: true, status: 'cancelled' });

    const archived = await run(['orders', 'archive', id, '--yes']);
    expect(archived.code).toBe(0);
    expect((await run(['orders', 'get', id])).code).toBe(4);
  });

  it('orders update prints the whole order, as orders get reads it: items, shipping address, shipments', async () => {
    const [listed] = JSON.parse((await run(['orders', 'list', '--status', 'fulfilled', '--limit', '1', '-o', 'json'])).stdout);
    const before = JSON.parse((await run(['orders', 'get', listed.id, '-o', 'json'])).stdout);
    expect(before.items.length).toBeGreaterThan(0);
    expect(before.shipments.length).toBeGreaterThan(0);
    const updated = await run(['orders', 'update', listed.id, '--file', '-', '-o', 'json'], JSON.stringify({ staff_notes: 'called the customer' }));
    expect(updated.code, updated.stderr).toBe(0);
    const after = JSON.parse(updated.stdout);
    expect(after).toMatchObject({ id: listed.id, staffNotes: 'called the customer' });
    expect({ items: after.items, shippingAddress: after.shippingAddress, shipments: after.shipments }).toEqual({
      items: before.items,
      shippingAddress: before.shippingAddress,
      shipments: before.shipments,
    });
    // The sheet names the native status as orders get's does.
    const sheet = await run(['orders', 'update', listed.id, '--file', '-', '-o', 'table'], JSON.stringify({ staff_notes: 'called again' }));
    expect(sheet.stdout).toMatch(/^Status +fulfilled \(2 Shipped\)/m);
  });

  it('a dry run says on stderr that nothing was sent, one order or many, and --quiet leaves it out', async () => {
    const [a, b] = (await run(['orders', 'list', '--status', 'pending', '--sort', 'id:asc', '-o', 'ids'])).stdout.trim().split('\n');
    const order = JSON.stringify({ billing_address: { first_name: 'A', email: 'a@example.com', zip: '1' }, products: [{ name: 'x', quantity: 1, price_inc_tax: 1, price_ex_tax: 1 }] });
    const before = (await run(['orders', 'list', '--all', '-o', 'ids'])).stdout;
    const dry = async (args: string[], input?: string) => {
      const r = await run([...args, '--dry-run', '-o', 'json'], input);
      expect(r.code, r.stderr).toBe(0);
      // stdout carries the request, as it would be sent, and only that.
      expect(r.stdout).toMatch(/^(POST|PUT|DELETE) http:\/\/127\.0\.0\.1:/);
      const quiet = await run([...args, '--dry-run', '-o', 'json', '-q'], input);
      expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, r.stdout, '']);
      return r.stderr;
    };
    // One order of a bulk command, as several are said.
    for (const args of [['orders', 'cancel', a!], ['orders', 'archive', a!], ['orders', 'status', a!, '--set', 'on_hold']]) {
      expect(await dry(args), args.join(' ')).toBe('dry run: nothing was sent (1 order)\n');
    }
    expect(await dry(['orders', 'cancel', a!, b!])).toBe('dry run: nothing was sent (2 orders)\n');
    // Commands of one request, and api.
    expect(await dry(['orders', 'create', '--file', '-'], order)).toBe('dry run: nothing was sent\n');
    expect(await dry(['orders', 'update', a!, '--file', '-'], JSON.stringify({ staff_notes: 'x' }))).toBe('dry run: nothing was sent\n');
    expect(await dry(['api', '-X', 'POST', '/orders', '-f', 'note=x'])).toBe('dry run: nothing was sent\n');
    expect((await run(['orders', 'list', '--all', '-o', 'ids'])).stdout).toBe(before);
    expect(JSON.parse((await run(['orders', 'get', a!, '-o', 'json'])).stdout).status).toBe('pending');
  });

  it('refuses a bad order file before any request', async () => {
    const r = await run(['orders', 'create', '--file', '-'], '{"products": [');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: standard input is not valid JSON/);
    const missing = await run(['orders', 'create', '--file', '/nonexistent/order.json']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read \/nonexistent\/order.json: ENOENT/);
    const noBilling = await run(['orders', 'create', '--file', '-'], '{"products":[{"product_id":1,"quantity":1}]}');
    expect(noBilling.code).toBe(2);
    expect(noBilling.err).toMatch(/billing_address/);
  });

  it('pipes ids from one command into another', async () => {
    const ids = (await run(['orders', 'list', '--status', 'pending', '-o', 'ids'])).stdout;
    expect(ids.trim()).not.toBe('');
    const r = await run(['orders', 'status', '--stdin', '-o', 'ndjson'], `# pending orders\n${ids}\n`);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.every((l) => l.ok && l.status === 'pending')).toBe(true);
  });

  it('a wrong token exits 3; a 429 and a 503 are retried; repeated 503s exit 1', async () => {
    const wrong = await run(['orders', 'list'], undefined, { ORDERCTL_TOKEN: 'not-the-token' });
    expect(wrong.code).toBe(3);
    expect(wrong.err).toMatch(/401/);
    expect(wrong.err).not.toContain('not-the-token');

    sandbox.injectFaults(['429', '503']);
    const retried = await run(['orders', 'count', '-o', 'json']);
    expect(retried.code, retried.stderr).toBe(0);

    sandbox.injectFaults(['503', '503', '503', '503']);
    const failed = await run(['orders', 'count']);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/^error: bigcommerce answered GET \/.*\/orders\/count with 503/);
  });

  it('traces requests with --debug and never shows the token', async () => {
    const r = await run(['orders', 'list', '--limit', '1', '--debug']);
    expect(r.err).toMatch(/\[debug\] > GET http:\/\/127\.0\.0\.1/);
    expect(r.err).toContain('x-auth-token: [redacted]');
    expect(r.err + r.stdout).not.toContain(sandbox.token);
  });

  it('manages profiles: list, show (masked), test, use, remove', async () => {
    const list = await run(['profile', 'list', '-o', 'json']);
    const [p] = JSON.parse(list.stdout);
    expect(p).toMatchObject({ name: 'local', current: true, platform: 'bigcommerce' });
    expect(list.stdout).not.toContain(sandbox.token);
    const show = await run(['profile', 'show', '-o', 'json']);
    expect(JSON.parse(show.stdout).token).toBe(`****${sandbox.token.slice(-4)}`);
    const test = await run(['profile', 'test']);
    expect(test.code).toBe(0);
    expect(test.err).toMatch(/credentials work/);
    const bad = await run(['profile', 'test'], undefined, { ORDERCTL_TOKEN: 'nope-nope' });
    expect(bad.code).toBe(3);
    expect(bad.err).toMatch(/^error: profile local: the credentials were refused \(bigcommerce answered GET .* with 401/);
    expect(bad.err).not.toContain('nope-nope');
    expect(fs.statSync(path.join(cfg.dir, 'config.json')).mode & 0o777).toBe(0o600);

    await run(['profile', 'add', 'spare', '--platform', 'bigcommerce', '--store-hash', 'h1', '--token-stdin'], 'spare-token-1234');
    expect((await run(['profile', 'use', 'spare'])).code).toBe(0);
    expect(JSON.parse((await run(['profile', 'show', '-o', 'json'])).stdout).name).toBe('spare');
    expect((await run(['profile', 'use', 'local'])).code).toBe(0);
    expect((await run(['profile', 'remove', 'spare'])).code).toBe(0);
    expect((await run(['profile', 'show', 'spare'])).code).toBe(2);
  });

  it('profile add, use and remove with --dry-run say what they would do and leave the config file as it was', async () => {
    const file = path.join(cfg.dir, 'config.json');
    const before = fs.readFileSync(file, 'utf8');
    const add = await run(['profile', 'add', 'spare', '--platform', 'bigcommerce', '--store-hash', 'h1', '--token-stdin', '--use', '--dry-run'], 'spare-token-1234');
    expect([add.code, add.stdout, add.err]).toEqual([0, '', 'dry run: would add profile spare (current); nothing was changed\n']);
    const replace = await run(['profile', 'add', 'local', '--platform', 'bigcommerce', '--store-hash', 'h1', '--dry-run']);
    expect([replace.code, replace.err]).toEqual([0, 'dry run: would update profile local (current); nothing was changed\n']);
    const use = await run(['profile', 'use', 'local', '--dry-run']);
    expect([use.code, use.err]).toEqual([0, 'dry run: would use profile local; nothing was changed\n']);
    const remove = await run(['profile', 'remove', 'local', '--dry-run']);
    expect([remove.code, remove.err]).toEqual([0, 'dry run: would remove profile local; nothing was changed\n']);
    // Checked as a real run is: a missing profile or a bad setting is still an error.
    expect((await run(['profile', 'remove', 'nope', '--dry-run'])).code).toBe(2);
    expect((await run(['profile', 'add', 'x', '--platform', 'bigcommerce', '--dry-run'])).code).toBe(2);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses plain http:// to a remote host and unknown platforms', async () => {
    const r = await run(['profile', 'add', 'x', '--platform', 'bigcommerce', '--base-url', 'http://api.example.com/v2', '--token-stdin'], 'abcd1234');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/refusing plain http/);
    const p = await run(['profile', 'add', 'y', '--platform', 'shopify', '--token-stdin'], 'abcd1234');
    expect(p.code).toBe(2);
  });

  it('reports a corrupt config file by name and leaves it alone', async () => {
    const dir = tempConfigDir();
    const file = path.join(dir.dir, 'config.json');
    fs.writeFileSync(file, '{ not json');
    const r = await orderctl(['orders', 'list'], { env: { ORDERCTL_CONFIG_DIR: dir.dir } });
    expect(r.code).toBe(2);
    expect(r.err).toContain(file);
    expect(fs.readFileSync(file, 'utf8')).toBe('{ not json');
    dir.remove();
  });
});

describe('orderctl with no profile', () => {
  it('uses the built-in sandbox, says so once, and persists its state', async () => {
    const dir = tempConfigDir();
    const r = await orderctl(['orders', 'list', '--limit', '3'], { env: { ORDERCTL_CONFIG_DIR: dir.dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.err).toBe('notice: no profile configured, using the built-in sandbox (add one with "orderctl profile add")\n');
    expect(JSON.parse(r.stdout)).toHaveLength(3);
    expect(fs.existsSync(path.join(dir.dir, 'sandbox', 'state.json'))).toBe(true);
    const explicit = await orderctl(['--sandbox', 'orders', 'list', '-o', 'table', '--limit', '3'], { env: { ORDERCTL_CONFIG_DIR: dir.dir } });
    expect(explicit.err).toBe('');
    expect(explicit.stdout).toMatch(/^ID\s+STATUS/);
    dir.remove();
  });
});

describe('help', () => {
  it('every command has examples', async () => {
    const { buildProgram } = await import('../../src/cli.js');
    const program = buildProgram(() => {
      throw new Error('not run');
    });
    const leaves: string[][] = [];
    const walk = (cmd: import('commander').Command, path: string[]) => {
      if (!cmd.commands.length) leaves.push(path);
      for (const c of cmd.commands) walk(c, [...path, c.name()]);
    };
    walk(program, []);
    expect(leaves.length).toBeGreaterThan(15);
    for (const path of leaves) {
      const r = await orderctl([...path, '--help']);
      expect(r.stdout, path.join(' ')).toContain('Examples:');
      expect(r.stdout.indexOf('Inherited Flags:'), path.join(' ')).toBeLessThan(r.stdout.indexOf('Examples:'));
      expect(r.stdout.indexOf('Inherited Flags:'), path.join(' ')).toBeGreaterThan(0);
    }
    // Forty start-ups one after another: on a loaded shared machine that is more than 20 s.
  }, 90_000);
});
