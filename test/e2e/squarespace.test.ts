// The built binary with a --platform squarespace profile, against the sandbox's
// Squarespace dialect: every command and parameter of issue 4, end to end.
// Run `npm run build` first so dist/ is current.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQUARESPACE, type SqSection } from '../../src/sandbox/dialects/squarespace/index.js';
import { startSandbox, type Exchange, type Sandbox } from '../../src/sandbox/server.js';
import { cliWith, orderctl } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

let sandbox: Sandbox;
let cfg: ReturnType<typeof tempConfigDir>;
let env: Record<string, string>;
const exchanges: Exchange[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, orders: 70, onExchange: (ex) => ex.platform === SQUARESPACE && exchanges.push(ex) });
  cfg = tempConfigDir();
  env = { ORDERCTL_CONFIG_DIR: cfg.dir };
  const add = await orderctl(['profile', 'add', 'shop', '--platform', 'squarespace', '--base-url', sandbox.baseUrls.squarespace!, '--token-stdin', '--use'], { env, input: `${sandbox.token}\n` });
  expect(add.err).toContain('added profile shop');
  expect(add.code).toBe(0);
});
afterAll(async () => {
  await sandbox.close();
  cfg.remove();
});

const { run, json, ids } = cliWith(() => env);
const section = () => sandbox.store.section<SqSection>(SQUARESPACE);
const stored = (id: string) => section().orders.find((o) => o.id === id)!;
// Lists ask for every payment state, so orders awaiting payment are listed too.
const listed = () => section().orders;
const ALL_STATES = 'NOT_CHARGED,AUTHORIZED,PAID,REFUNDED,PENDING,FAILED,REFUND_PENDING,REFUND_FAILED,PARTIALLY_PAID';
const CURSOR = /^note: showing \d+ orders; more exist — use --all, --limit N, or --cursor (\S+)$/m;

describe('orderctl profile (squarespace)', () => {
  it('a profile needs no --base-url: the API root is https://api.squarespace.com/1.0/commerce', async () => {
    const other = tempConfigDir();
    try {
      const r = await orderctl(['profile', 'add', 'live', '--platform', 'squarespace', '--token-stdin'], { env: { ORDERCTL_CONFIG_DIR: other.dir }, input: 'key\n' });
      expect(r.code, r.stderr).toBe(0);
      const shown = await orderctl(['profile', 'show', 'live', '-o', 'json'], { env: { ORDERCTL_CONFIG_DIR: other.dir } });
      expect(shown.stdout).toContain('squarespace');
    } finally {
      other.remove();
    }
  });

  it('profile test reaches the site with the stored key and a User-Agent', async () => {
    exchanges.length = 0;
    const r = await run(['profile', 'test']);
    expect(r.code, r.stderr).toBe(0);
    expect(exchanges.at(-1)!.requestHeaders['user-agent']).toMatch(/^orderctl\//);
  });
});

describe('orderctl orders list (squarespace)', () => {
  it('prints one page of 50 normalized orders and, on stderr, the cursor to continue with', async () => {
    const r = await run(['orders', 'list']);
    expect(r.code, r.stderr).toBe(0);
    const orders = JSON.parse(r.stdout);
    expect(orders).toHaveLength(50);
    expect(orders[0]).toMatchObject({ platform: 'squarespace', totals: { total: { amount: expect.stringMatching(/^\d+\.\d\d$/), currency: 'USD' } } });
    expect(r.err).toMatch(CURSOR);
  });

  it('--cursor continues from the printed cursor, which is sent alone', async () => {
    const first = await run(['orders', 'list', '-o', 'ids']);
    const cursor = CURSOR.exec(first.stderr)![1]!;
    exchanges.length = 0;
    const rest = await run(['orders', 'list', '--cursor', cursor, '-o', 'ids']);
    expect(rest.code, rest.stderr).toBe(0);
    expect(exchanges[0]!.query).toEqual({ cursor });
    const all = [...first.stdout.split('\n'), ...rest.stdout.split('\n')].filter(Boolean);
    expect(all).toHaveLength(listed().length);
    expect(new Set(all).size).toBe(all.length);
    expect(rest.err).not.toMatch(CURSOR);
  });

  it('--all follows every cursor and prints no cursor', async () => {
    const r = await run(['orders', 'list', '--all', '-o', 'ids']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(listed().length);
    expect(r.err).not.toMatch(CURSOR);
  });

  it('tables mark test orders and show the native status name', async () => {
    const test = listed().find((o) => o.testmode)!;
    const r = await run(['orders', 'list', '--all', '-o', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${test.id} (test)`);
    const real = listed().find((o) => !o.testmode)!;
    expect(r.stdout).not.toContain(`${real.id} (test)`);
    expect(r.stdout).toMatch(/PENDING Pending/);
  });

  it('--raw prints Squarespace’s own orders: money as {currency, value}, testmode', async () => {
    const raw = await json(['orders', 'list', '--raw', '--limit', '2']);
    expect(raw).toHaveLength(2);
    expect(raw[0].grandTotal).toEqual({ currency: 'USD', value: expect.stringMatching(/^\d+\.\d\d$/) });
    expect(typeof raw[0].testmode).toBe('boolean');
  });

  it('--since and --until become the modified window; one alone is completed, never sent alone', async () => {
    exchanges.length = 0;
    const got = await json(['orders', 'list', '--all', '--since', '2026-06-01', '--until', '2026-09-01']);
    expect(exchanges[0]!.query).toEqual({ paymentStates: ALL_STATES, modifiedAfter: '2026-06-01T00:00:00.000Z', modifiedBefore: '2026-09-01T00:00:00.000Z' });
    const expected = listed().filter((o) => o.modifiedOn > '2026-06-01' && o.modifiedOn < '2026-09-01');
    expect(got.map((o: { id: string }) => o.id).sort()).toEqual(expected.map((o) => o.id).sort());
    exchanges.length = 0;
    await json(['orders', 'list', '--since', '2026-10-01']);
    expect(Object.keys(exchanges[0]!.query).sort()).toEqual(['modifiedAfter', 'modifiedBefore', 'paymentStates']);
    expect(Date.parse(exchanges[0]!.query.modifiedBefore!)).toBeGreaterThan(Date.now() - 60_000);
    exchanges.length = 0;
    await json(['orders', 'list', '--until', '2026-03-01']);
    expect(exchanges[0]!.query).toEqual({ paymentStates: ALL_STATES, modifiedAfter: '1970-01-01T00:00:00.000Z', modifiedBefore: '2026-03-01T00:00:00.000Z' });
  });

  it('--status takes PENDING, FULFILLED, CANCELED and the normalized names', async () => {
    const fulfilled = await json(['orders', 'list', '--all', '--status', 'fulfilled']);
    expect(fulfilled.length).toBe(listed().filter((o) => o.fulfillmentStatus === 'FULFILLED').length);
    expect(fulfilled.every((o: { nativeStatus: string; status: string }) => o.nativeStatus === 'FULFILLED' && o.status === 'fulfilled')).toBe(true);
    const canceled = await ids(['orders', 'list', '--all', '--status', 'CANCELED']);
    expect(canceled.length).toBe(listed().filter((o) => o.fulfillmentStatus === 'CANCELED').length);
    const both = await ids(['orders', 'list', '--all', '--status', 'PENDING', '--status', 'cancelled']);
    expect(both.length).toBe(listed().filter((o) => o.fulfillmentStatus !== 'FULFILLED').length);
    // Two statuses without --all: the first page of each, merged (newest change first).
    const twoPaged = await json(['orders', 'list', '--status', 'PENDING', '--status', 'cancelled']);
    const changed = twoPaged.map((o: { updatedAt: string }) => o.updatedAt);
    expect(changed).toEqual([...changed].sort().reverse());
    // A shared name no Squarespace status is labelled with: nothing, and a note saying why.
    const none = await run(['orders', 'list', '--status', 'refunded']);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).toEqual([]);
    expect(none.err).toMatch(/note: no squarespace status is labelled refunded/);
    const bad = await run(['orders', 'list', '--status', 'lost']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/one of squarespace's codes \(PENDING, FULFILLED, CANCELED\)/);
  });

  it('--customer becomes customerId', async () => {
    const customer = listed().find((o) => o.customerId)!.customerId!;
    const got = await json(['orders', 'list', '--all', '--customer', customer]);
    expect(got.length).toBe(listed().filter((o) => o.customerId === customer).length);
    expect(got.every((o: { customer: { id: string } }) => o.customer.id === customer)).toBe(true);
  });

  it('refuses what Squarespace cannot filter or page by, with exit 2 and no request', async () => {
    exchanges.length = 0;
    for (const args of [['--created-since', '7d'], ['--sort', 'id'], ['--page', '2'], ['--page-size', '10'], ['--since', '2026-05-01', '--until', '2026-05-01']]) {
      const r = await run(['orders', 'list', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^error: /);
    }
    expect(exchanges).toHaveLength(0);
  });

  it('orders count counts by listing, with a note on stderr', async () => {
    const r = await run(['orders', 'count', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.err).toMatch(/squarespace has no count endpoint; counting by listing/);
    const counted = JSON.parse(r.stdout);
    expect(counted.count).toBe(listed().length);
    const pending = counted.statuses.find((s: { status: string }) => s.status === 'awaiting_fulfillment');
    expect(pending.native).toEqual([{ code: 'PENDING', name: 'Pending', count: pending.count }]);
    expect(pending.count).toBe(listed().filter((o) => o.fulfillmentStatus === 'PENDING').length);
  });
});

describe('orderctl orders get (squarespace)', () => {
  it('prints the full order with items, addresses and money', async () => {
    const raw = listed().find((o) => o.billingAddress)!;
    const o = await json(['orders', 'get', raw.id]);
    expect(o).toMatchObject({ id: raw.id, number: raw.orderNumber, platform: 'squarespace', currency: 'USD', totals: { total: { amount: raw.grandTotal.value } } });
    expect(o.items.length).toBe(raw.lineItems!.length);
    const sheet = await run(['orders', 'get', raw.id, '-o', 'table']);
    expect(sheet.stdout).toContain(`(#${raw.orderNumber}) on squarespace`);
  });

  it('exits 4 for an unknown order and 2 for an order number given as an id', async () => {
    const unknown = await run(['orders', 'get', 'a'.repeat(24)]);
    expect(unknown.code).toBe(4);
    expect(unknown.err).toMatch(/^error: order a{24} not found on squarespace/);
    const number = await run(['orders', 'get', '1001']);
    expect(number.code).toBe(2);
    expect(number.err).toMatch(/looks like an order number/);
  });

  it('never prints the API key in a debug trace', async () => {
    const r = await run(['--debug', 'orders', 'get', listed()[0]!.id]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('authorization: [redacted]');
    expect(r.err).not.toContain(sandbox.token);
  });
});

const orderFile = (ref: string) => ({
  channelName: 'Wholesale',
  externalOrderReference: ref,
  createdOn: '2026-11-20T10:00:00Z',
  priceTaxInterpretation: 'EXCLUSIVE',
  customerEmail: 'buyer@example.com',
  lineItems: [{ lineItemType: 'CUSTOM', title: 'Gift wrap', quantity: 2, unitPricePaid: { currency: 'USD', value: '5.00' } }],
  shippingLines: [{ method: 'Courier', amount: { currency: 'USD', value: '7.50' } }],
  fulfillments: [],
  grandTotal: { currency: 'USD', value: '17.50' },
});

describe('orderctl orders create (squarespace)', () => {
  const write = (name: string, body: unknown) => {
    const file = path.join(cfg.dir, name);
    fs.writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
    return file;
  };

  it('a dry run prints no idempotency key to repeat it with: nothing was sent', async () => {
    exchanges.length = 0;
    const r = await run(['orders', 'create', '--file', write('dry.json', orderFile('E-0')), '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(exchanges).toHaveLength(0);
    expect(r.stderr).not.toMatch(/idempotency key/);
    expect(r.stderr).toMatch(/dry run: nothing was sent/);
  });

  it('makes an Idempotency-Key, prints it on stderr before the request, and sends it', async () => {
    exchanges.length = 0;
    const before = section().orders.length;
    const r = await run(['orders', 'create', '--file', write('a.json', orderFile('E-1'))]);
    expect(r.code, r.stderr).toBe(0);
    const key = /idempotency key: (\S+) \(repeat with --idempotency-key \1 to retry safely\)/.exec(r.stderr)![1]!;
    expect(exchanges.at(-1)!.requestHeaders['idempotency-key']).toBe(key);
    const created = JSON.parse(r.stdout);
    expect(created).toMatchObject({ platform: 'squarespace', externalRef: 'E-1', status: 'awaiting_fulfillment' });
    expect(section().orders).toHaveLength(before + 1);
    // The printed key repeats the run safely: the same order, nothing new.
    const again = await json(['orders', 'create', '--file', write('a.json', orderFile('E-1')), '--idempotency-key', key]);
    expect(again.id).toBe(created.id);
    expect(section().orders).toHaveLength(before + 1);
  });

  it('takes the file from stdin; the same key with another order is refused', async () => {
    const first = await json(['orders', 'create', '--file', '-', '--idempotency-key', 'e2e-key'], JSON.stringify(orderFile('E-2')));
    expect(first.externalRef).toBe('E-2');
    const other = await run(['orders', 'create', '--file', '-', '--idempotency-key', 'e2e-key'], JSON.stringify(orderFile('E-3')));
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/different request parameters/);
  });

  it('a bad file or key is rejected before any request (exit 2)', async () => {
    exchanges.length = 0;
    const before = section().orders.length;
    const cases: Array<[string[], RegExp]> = [
      [['--file', write('empty.json', { ...orderFile('x'), lineItems: [] })], /lineItems cannot be empty/],
      [['--file', write('two.json', { ...orderFile('x'), shippingLines: [orderFile('x').shippingLines[0], orderFile('x').shippingLines[0]] })], /only one shipping entry/],
      [['--file', write('fulfilled.json', { ...orderFile('x'), fulfillmentStatus: 'FULFILLED' })], /fulfilledOn is required/],
      [['--file', write('broken.json', '{"channelName":')], /not valid JSON/],
      [['--file', write('ok.json', orderFile('x')), '--idempotency-key', 'not valid!'], /invalid idempotency key/],
    ];
    for (const [args, message] of cases) {
      const r = await run(['orders', 'create', ...args]);
      expect(r.code, String(message)).toBe(2);
      expect(r.err).toMatch(message);
    }
    expect(exchanges).toHaveLength(0);
    expect(section().orders).toHaveLength(before);
  });
});

describe('orderctl orders fulfill (squarespace)', () => {
  const pendingIds = () => listed().filter((o) => o.fulfillmentStatus === 'PENDING').map((o) => o.id);

  it('adds a shipment with tracking, carrier, service, URL and ship date, and notifies when asked', async () => {
    const id = pendingIds()[0]!;
    const notes = section().notifications.length;
    const [r] = await json(['orders', 'fulfill', id, '--tracking', '1Z999', '--carrier', 'UPS', '--service', 'UPS Ground', '--tracking-url', 'https://www.ups.com/track?tracknum=1Z999', '--ship-date', '2026-11-22T09:00:00Z', '--notify']);
    // The result names the store and the shipment; the order's status is not re-read.
    expect(r).toMatchObject({ id, store: null, ok: true, status: null, error: null });
    expect(stored(id).fulfillmentStatus).toBe('FULFILLED');
    expect(stored(id).fulfillments).toEqual([{ shipDate: '2026-11-22T09:00:00.000Z', carrierName: 'UPS', service: 'UPS Ground', trackingNumber: '1Z999', trackingUrl: 'https://www.ups.com/track?tracknum=1Z999' }]);
    expect(section().notifications.slice(notes)).toEqual([expect.objectContaining({ orderId: id, shipments: 1 })]);
    expect(sandbox.store.changeCount(SQUARESPACE, id)).toBe(1);
  });

  it('--no-notify sends shouldSendNotification false; no shipment flags only marks the order fulfilled', async () => {
    const [a, b] = pendingIds();
    exchanges.length = 0;
    await json(['orders', 'fulfill', a!, '--tracking', 'T2', '--carrier', 'USPS', '--service', 'Ground Advantage', '--no-notify']);
    expect(exchanges.at(-1)!.requestBody).toMatchObject({ shouldSendNotification: false });
    await json(['orders', 'fulfill', b!]);
    expect(exchanges.at(-1)!.requestBody).toEqual({ shouldSendNotification: false, shipments: [] });
    expect(stored(b!).fulfillmentStatus).toBe('FULFILLED');
  });

  it('--stdin takes ids from a pipe', async () => {
    const wanted = pendingIds().slice(0, 2);
    const results = await json(['orders', 'fulfill', '--stdin', '--tracking', 'T3', '--carrier', 'FedEx', '--service', 'Home'], `${wanted.join('\n')}\n`);
    expect(results.map((r: { id: string; ok: boolean }) => [r.id, r.ok])).toEqual(wanted.map((id) => [id, true]));
    expect(wanted.every((id) => stored(id).fulfillmentStatus === 'FULFILLED')).toBe(true);
  });

  it('a shipment missing --carrier or --service is refused before any request', async () => {
    exchanges.length = 0;
    const r = await run(['orders', 'fulfill', pendingIds()[0]!, '--tracking', '1Z']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing --carrier, --service/);
    expect(exchanges).toHaveLength(0);
  });

  it('over several orders, flags no order can ship with are refused once, before any request; NDJSON lines that complete them are run', async () => {
    const [a, b, c] = pendingIds();
    exchanges.length = 0;
    const r = await run(['orders', 'fulfill', '--stdin', '--tracking', '1Z'], `${a}\n${b}\n${c}\n`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.err.split('\n')[0]).toBe('error: a Squarespace shipment needs --tracking, --carrier and --service; missing --carrier, --service');
    expect(exchanges).toHaveLength(0);
    // One line gives what the flags lack: it ships; the others fail each on its own.
    const lines = [JSON.stringify({ id: a, carrier: 'UPS', service: 'Ground' }), b].join('\n');
    const mixed = await run(['orders', 'fulfill', '--stdin', '--tracking', '1Z', '-o', 'json'], `${lines}\n`);
    expect(mixed.code).toBe(1);
    const results = JSON.parse(mixed.stdout).map((x: { id: string; ok: boolean }) => [x.id, x.ok]);
    expect(results.sort()).toEqual([[a, true], [b, false]].sort());
    expect(stored(a!).fulfillmentStatus).toBe('FULFILLED');
  });

  it('a fulfill whose answer is lost is not repeated: one shipment, and a hint about a second', async () => {
    const id = pendingIds()[0]!;
    sandbox.injectFaults(['reset-after']);
    const r = await run(['orders', 'fulfill', id, '--tracking', 'T4', '--carrier', 'UPS', '--service', 'Ground']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/a retry could add a second shipment/);
    expect(stored(id).fulfillments).toHaveLength(1);
    expect(sandbox.store.changeCount(SQUARESPACE, id)).toBe(1);
  });
});

describe('commands Squarespace does not offer (squarespace)', () => {
  it.each([
    [['orders', 'cancel', 'ID', '--yes'], /orders cancel is not available on squarespace; it is on: .*bigcommerce/],
    [['orders', 'status', 'ID', '--set', 'fulfilled', '--yes'], /orders status --set is not available on squarespace; it is on: .*bigcommerce/],
    [['orders', 'archive', 'ID', '--yes'], /orders archive is not available on squarespace; it is on: .*bigcommerce/],
    [['orders', 'update', 'ID', '--file', '-'], /orders update is not available on squarespace; it is on: .*bigcommerce/],
  ])('%j exits 2 and names the platforms that can', async (args, message) => {
    const id = listed()[0]!.id;
    const r = await run(args.map((a) => (a === 'ID' ? id : a)), '{}');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('orders status without --set shows the current status', async () => {
    const o = listed()[0]!;
    const [r] = await json(['orders', 'status', o.id]);
    expect(r).toMatchObject({ id: o.id, ok: true, nativeStatus: o.fulfillmentStatus });
  });
});
