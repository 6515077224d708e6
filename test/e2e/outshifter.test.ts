// The built binary with a --platform outshifter profile, against the sandbox's
// Outshifter dialect: every command and parameter of issue 5, end to end, and
// the "done" scenario against a real `orderctl sandbox serve`.
// Run `npm run build` first so dist/ is current.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTSHIFTER, type OsSection } from '../../src/sandbox/dialects/outshifter/index.js';
import { startSandbox, type Exchange, type Sandbox } from '../../src/sandbox/server.js';
import { cliWith, orderctl, serveSandbox } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

/** A key of our own, to be sure it never shows. */
const TOKEN = 'os-e2e-key-4b7d91c2f0';
let sandbox: Sandbox;
let cfg: ReturnType<typeof tempConfigDir>;
let env: Record<string, string>;
/** Every request the sandbox answered, for any platform. */
const all: Exchange[] = [];
/** A test's hook on each answered request. */
let onExchange: ((ex: Exchange) => void) | undefined;
const exchanges = () => all.filter((e) => e.platform === OUTSHIFTER);
const changes = () => exchanges().filter((e) => e.method !== 'GET');

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 1, token: TOKEN, onExchange: (ex) => {
      all.push(ex);
      onExchange?.(ex);
    },
  });
  cfg = tempConfigDir();
  env = { ORDERCTL_CONFIG_DIR: cfg.dir };
  const add = await orderctl(['profile', 'add', 'shop', '--platform', 'outshifter', '--base-url', sandbox.baseUrls.outshifter!, '--storefront', 'sandbox', '--token-stdin', '--use'], { env, input: `${TOKEN}\n` });
  expect(add.err).toContain('added profile shop');
  expect(add.code).toBe(0);
});
afterAll(async () => {
  await sandbox?.close();
  cfg?.remove();
});

const { run, json, ids } = cliWith(() => env);
const reset = () => {
  all.length = 0;
};
const section = () => sandbox.store.section<OsSection>(OUTSHIFTER);
const stored = (id: string | number) => section().orders.find((o) => String(o.id) === String(id))!;
/** The profile's storefront, newest first, as the API lists it. */
const storefront = () =>
  section()
    .orders.filter((o) => o.storefront === 'sandbox')
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || Number(b.id) - Number(a.id));
const write = (name: string, body: unknown) => {
  const file = path.join(cfg.dir, name);
  fs.writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
  return file;
};
interface Item {
  id: string;
  status: string;
}

describe('the seeded Outshifter orders (seed 1)', () => {
  it('start at 3200: paid with one item, paid with three, shipped, pending, cancelled, completed', () => {
    const first = section().orders.slice(0, 6);
    expect(first.map((o) => [o.id, o.status])).toEqual([
      [3200, 'PAID'],
      [3201, 'PAID'],
      [3202, 'SHIPPED'],
      [3203, 'PENDING'],
      [3204, 'CANCELED'],
      [3205, 'COMPLETED'],
    ]);
    expect(stored(3200).items).toHaveLength(1);
    expect(stored(3201).items).toHaveLength(3);
  });
});

describe('orderctl profile (outshifter)', () => {
  it('profile test reaches the API with the raw key in Authorization, no scheme', async () => {
    reset();
    const r = await run(['profile', 'test']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.err).toContain('profile shop: credentials work (outshifter)');
    expect(exchanges()).toHaveLength(1);
    expect(exchanges()[0]).toMatchObject({ method: 'GET', path: '/api/checkout/payment-methods', status: 200 });
    expect(exchanges()[0]!.requestHeaders.authorization).toBe(TOKEN);
  });

  it('profile test with a wrong key exits 3', async () => {
    const other = tempConfigDir();
    try {
      const e = { ORDERCTL_CONFIG_DIR: other.dir };
      const add = await orderctl(['profile', 'add', 'bad', '--platform', 'outshifter', '--base-url', sandbox.baseUrls.outshifter!, '--storefront', 'sandbox', '--token-stdin', '--use'], { env: e, input: 'wrong-key\n' });
      expect(add.code, add.stderr).toBe(0);
      const r = await orderctl(['profile', 'test'], { env: e });
      expect(r.code).toBe(3);
      expect(r.err).toMatch(/^error: .*Invalid API key/);
    } finally {
      other.remove();
    }
  });
});

describe('orderctl orders list (outshifter)', () => {
  it('lists the profile’s storefront as normalized JSON, newest first, 50 without --all', async () => {
    reset();
    const orders = await json(['orders', 'list']);
    expect(exchanges()).toHaveLength(1);
    expect(exchanges()[0]).toMatchObject({ method: 'GET', path: '/api/orders', query: { storefront: 'sandbox' } });
    expect(storefront().length).toBeGreaterThan(50);
    expect(orders).toHaveLength(50);
    expect(orders.map((o: { id: string }) => o.id)).toEqual(storefront().slice(0, 50).map((o) => String(o.id)));
    const newest = storefront()[0]!;
    expect(orders[0]).toMatchObject({
      id: String(newest.id),
      platform: 'outshifter',
      nativeStatus: newest.status,
      number: newest.channelOrderName!.replace(/^#/, ''),
      currency: newest.currency,
      createdAt: newest.createdAt,
      updatedAt: newest.updatedAt,
      totals: { subtotal: { amount: expect.stringMatching(/^\d+\.\d\d$/) }, shipping: { amount: newest.shippingPrice }, total: { amount: expect.stringMatching(/^\d+\.\d\d$/) } },
    });
    expect(orders[0].items).toHaveLength(newest.items!.length);
  });

  it('--all lists every order of the storefront, none of the other', async () => {
    const got = await ids(['orders', 'list', '--all']);
    expect(got).toEqual(storefront().map((o) => String(o.id)));
    const outlet = section().orders.find((o) => o.storefront === 'outlet')!;
    expect(got).not.toContain(String(outlet.id));
  });

  it('--limit N stops after N; -o csv has a header and one row an order', async () => {
    expect(await ids(['orders', 'list', '--limit', '3'])).toEqual(storefront().slice(0, 3).map((o) => String(o.id)));
    const csv = await run(['orders', 'list', '--limit', '2', '-o', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]!.startsWith('id,number,store,platform,status,')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[1]!.split(',')[0]).toBe(String(storefront()[0]!.id));
  });

  it('--status takes the native code and the normalized name; each status is one request', async () => {
    const paid = storefront().filter((o) => o.status === 'PAID').map((o) => String(o.id));
    reset();
    expect(await ids(['orders', 'list', '--all', '--status', 'PAID'])).toEqual(paid);
    expect(exchanges()[0]!.query).toEqual({ storefront: 'sandbox', status: 'PAID' });
    expect(await ids(['orders', 'list', '--all', '--status', 'awaiting_fulfillment'])).toEqual(paid);
    expect(await ids(['orders', 'list', '--all', '--status', 'paid'])).toEqual(paid);
    reset();
    const two = await ids(['orders', 'list', '--all', '--status', 'SHIPPED', '--status', 'cancelled']);
    expect(exchanges().map((e) => e.query.status)).toEqual(['SHIPPED', 'CANCELED']);
    expect(two.sort()).toEqual(
      storefront()
        .filter((o) => o.status === 'SHIPPED' || o.status === 'CANCELED')
        .map((o) => String(o.id))
        .sort(),
    );
    const listed = await json(['orders', 'list', '--all', '--status', 'SHIPPED']);
    expect(listed.every((o: { status: string; nativeStatus: string; fulfillmentStatus: string }) => o.status === 'fulfilled' && o.nativeStatus === 'SHIPPED' && o.fulfillmentStatus === 'fulfilled')).toBe(true);
  });

  it('an unknown status exits 2 naming the known ones, before any request', async () => {
    reset();
    const r = await run(['orders', 'list', '--status', 'bogus']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: unknown outshifter status "bogus": use a status name \(.*\) or one of outshifter's codes \(PENDING, PAID, PARTIALLY_SHIPPED, SHIPPED, COMPLETED, CANCELED/);
    expect(exchanges()).toHaveLength(0);
  });

  it('--since and --until become dateFrom and dateTo; the exact instants are kept', async () => {
    reset();
    const since = '2026-03-01T12:00:00Z';
    const until = '2026-07-15';
    const got = await ids(['orders', 'list', '--all', '--since', since, '--until', until]);
    expect(exchanges()[0]!.query).toEqual({ storefront: 'sandbox', dateFrom: '2026-03-01', dateTo: '2026-07-15' });
    const expected = storefront().filter((o) => Date.parse(o.updatedAt) >= Date.parse(since) && Date.parse(o.updatedAt) <= Date.parse('2026-07-15T00:00:00Z'));
    expect(expected.length).toBeGreaterThan(0);
    expect(got).toEqual(expected.map((o) => String(o.id)));
    const bad = await run(['orders', 'list', '--since', 'not-a-time']);
    expect(bad.code).toBe(2);
  });

  it('refuses filters and paging Outshifter does not have, with exit 2 and no request', async () => {
    reset();
    const cases: Array<[string[], RegExp]> = [
      [['--page', '2'], /^error: --page and --page-size do not apply on outshifter: its order list is not paged$/m],
      [['--page-size', '10'], /--page and --page-size do not apply on outshifter/],
      [['--customer', '7'], /--customer is not available on outshifter/],
      [['--created-since', '7d'], /--created-since is not available on outshifter/],
      [['--cursor', 'abc'], /--cursor is not available on outshifter/],
    ];
    for (const [args, message] of cases) {
      const r = await run(['orders', 'list', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(exchanges()).toHaveLength(0);
  });

  it('a profile without a storefront exits 2 with a hint, before any request', async () => {
    const other = tempConfigDir();
    try {
      const e = { ORDERCTL_CONFIG_DIR: other.dir };
      const add = await orderctl(['profile', 'add', 'nosf', '--platform', 'outshifter', '--base-url', sandbox.baseUrls.outshifter!, '--token-stdin', '--use'], { env: e, input: `${TOKEN}\n` });
      expect(add.code, add.stderr).toBe(0);
      reset();
      const r = await orderctl(['orders', 'list'], { env: e });
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        'error: this Outshifter profile has no storefront: orders are listed per channel storefront\nhint: orderctl profile add NAME --platform outshifter --storefront STOREFRONT --token-stdin\n',
      );
      expect(exchanges()).toHaveLength(0);
      // Getting one order needs no storefront.
      const got = await orderctl(['orders', 'get', '3200', '-o', 'json'], { env: e });
      expect(got.code, got.stderr).toBe(0);
      expect(JSON.parse(got.stdout).id).toBe('3200');
    } finally {
      other.remove();
    }
  });

  it('orders count counts the storefront by listing, with a note on stderr', async () => {
    const r = await run(['orders', 'count', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.err).toBe('note: outshifter has no count endpoint; counting by listing every order\n');
    const counted = JSON.parse(r.stdout);
    expect(counted.count).toBe(storefront().length);
    const paid = counted.statuses.find((s: { status: string }) => s.status === 'awaiting_fulfillment');
    expect(paid).toMatchObject({ count: storefront().filter((o) => o.status === 'PAID').length, native: [{ code: 'PAID', name: 'Paid' }] });
    const shipped = await run(['orders', 'count', '--status', 'SHIPPED', '-o', 'json']);
    expect(JSON.parse(shipped.stdout).count).toBe(storefront().filter((o) => o.status === 'SHIPPED').length);
  });
});

describe('orderctl orders get (outshifter)', () => {
  it('prints the normalized order: customer, addresses, items, money as decimal strings', async () => {
    const raw = stored(3201);
    const o = await json(['orders', 'get', '3201']);
    expect(o).toMatchObject({
      id: '3201',
      platform: 'outshifter',
      status: 'awaiting_fulfillment',
      nativeStatus: 'PAID',
      fulfillmentStatus: 'unfulfilled',
      customer: { name: raw.customer!.fullName, email: raw.customer!.email },
      shippingAddress: { line1: raw.customer!.shippingAddress, city: raw.customer!.shippingCity, country: raw.customer!.shippingCountry },
      totals: { shipping: { amount: raw.shippingPrice, currency: raw.currency } },
    });
    expect(o.items.map((i: Item) => i.id)).toEqual(raw.items!.map((i) => String(i.id)));
    expect(o.items[0].unitPrice).toEqual({ amount: raw.items![0]!.priceChannel, currency: raw.currency });
    const sheet = await run(['orders', 'get', '3201', '-o', 'table']);
    expect(sheet.code).toBe(0);
    expect(sheet.stdout).toContain(raw.items![0]!.title);
    const rawOut = await json(['orders', 'get', '3201', '--raw']);
    expect(rawOut).toEqual(JSON.parse(JSON.stringify(raw)));
  });

  it('exits 4 for an unknown order and 2 for an id that is not one', async () => {
    const unknown = await run(['orders', 'get', '9999']);
    expect(unknown.code).toBe(4);
    expect(unknown.err).toBe('error: order 9999 not found on outshifter\n');
    reset();
    const bad = await run(['orders', 'get', 'a/b']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^error: invalid Outshifter order id "a\/b"/);
    expect(exchanges()).toHaveLength(0);
  });
});

const orderFile = (ref: string) => ({
  channel: 'Partner',
  channelId: '5',
  channelOrderName: ref,
  channelCreatedDate: '2026-11-20T10:00:00Z',
  paymentProcessor: 'Stripe',
  currency: 'NOK',
  storefront: 'sandbox',
  customer: {
    fullName: 'Will Smith',
    email: 'will.smith@example.com',
    phone: '+15025550100',
    shippingAddress: 'Chestnut Street 92',
    shippingCity: 'Louisville',
    shippingZip: '40202',
    shippingCountry: 'US',
    billingCountry: 'US',
  },
  items: [
    { productId: 920, quantity: 2, priceChannel: '349.00', variantTitle: 'One size-Grey' },
    { productId: 112000, quantity: 1, priceChannel: 199 },
  ],
  shippingItems: [{ code: '920-FRP', title: 'Flat rate', price: '349.00' }],
});

describe('orderctl orders create (outshifter)', () => {
  it('posts the documented body from a file once and prints the normalized order', async () => {
    reset();
    const before = section().orders.length;
    const o = await json(['orders', 'create', '--file', write('order.json', orderFile('#P-1'))]);
    expect(changes()).toHaveLength(1);
    expect(changes()[0]).toMatchObject({ method: 'POST', path: '/api/orders', status: 201, requestBody: orderFile('#P-1') });
    expect(section().orders).toHaveLength(before + 1);
    expect(o).toMatchObject({
      platform: 'outshifter',
      number: 'P-1',
      externalRef: '#P-1',
      status: 'awaiting_fulfillment',
      channel: 'Partner',
      currency: 'NOK',
      customer: { name: 'Will Smith', email: 'will.smith@example.com' },
      totals: { subtotal: { amount: '897.00', currency: 'NOK' }, shipping: { amount: '349.00', currency: 'NOK' }, total: { amount: '1246.00', currency: 'NOK' } },
    });
    expect(o.items.map((i: { title: string; quantity: number }) => [i.title, i.quantity])).toEqual([
      ['Wool Beanie', 2],
      ['Enamel Mug', 1],
    ]);
    expect(stored(o.id).channelOrderName).toBe('#P-1');
  });

  it('reads the order from stdin with --file -', async () => {
    const o = await json(['orders', 'create', '--file', '-'], JSON.stringify(orderFile('#P-2')));
    expect(o.number).toBe('P-2');
    expect(stored(o.id).customer!.shippingCity).toBe('Louisville');
  });

  it('an invalid file exits 2 saying what is wrong, before any request', async () => {
    reset();
    const before = section().orders.length;
    const f = orderFile('#bad');
    const cases: Array<[unknown, RegExp]> = [
      [{ ...f, items: [] }, /the order file is not a valid Outshifter order: items must be a non-empty list/],
      [{ ...f, currency: 'kr' }, /currency must be an ISO 4217 code such as NOK/],
      [{ ...f, customer: { ...f.customer, email: 'not-mail' } }, /customer\.email: "not-mail" is not an e-mail address/],
      [{ ...f, items: [{ productId: 'x', quantity: 0, priceChannel: 'free' }] }, /items\[0\]\.productId must be a product id.*items\[0\]\.quantity must be a whole number.*items\[0\]\.priceChannel must be an amount/],
      [{ ...f, channelCreatedDate: 'yesterday-ish' }, /channelCreatedDate must be an ISO 8601 time/],
      ['{"channel":', /not valid JSON/],
      [[1, 2], /the order must be a JSON object/],
    ];
    for (const [body, message] of cases) {
      const r = await run(['orders', 'create', '--file', write('bad.json', typeof body === 'string' ? body : JSON.stringify(body))]);
      expect(r.code, String(message)).toBe(2);
      expect(r.err, String(message)).toMatch(message);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    }
    const missing = await run(['orders', 'create', '--file', path.join(cfg.dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read .*nope\.json: ENOENT/);
    expect(exchanges().filter((e) => e.method === 'POST')).toHaveLength(0);
    expect(section().orders).toHaveLength(before);
  });
});

describe('orderctl orders cancel (outshifter)', () => {
  it('an order of one item is cancelled whole: one PUT, changed once', async () => {
    expect(stored(3200).items).toHaveLength(1);
    const itemId = String(stored(3200).items![0]!.id);
    reset();
    const r = await json(['orders', 'cancel', '3200', '--yes']);
    expect(r).toEqual([{ id: `3200/${itemId}`, store: null, ok: true, status: 'cancelled', error: null, order: '3200', item: itemId, orderStatus: 'cancelled', nativeStatus: 'CANCELED' }]);
    const puts = changes();
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({ method: 'PUT', path: `/api/orders/3200/items/${itemId}`, requestBody: { status: 'CANCELED' }, status: 200 });
    expect(stored(3200).status).toBe('CANCELED');
    expect(sandbox.store.changeCount(OUTSHIFTER, '3200')).toBe(1);
  });

  it('asks for --yes without a terminal: exit 2 and nothing changes', async () => {
    reset();
    const r = await run(['orders', 'cancel', '3203', '--item', String(stored(3203).items![0]!.id)]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: cancel 1 item of 1 order: confirmation needed\nhint: pass --yes to confirm without a terminal\n');
    expect(changes()).toHaveLength(0);
    expect(sandbox.store.changeCount(OUTSHIFTER, '3203')).toBe(0);
  });

  it('an order of several items needs --item or --all-items: exit 2 listing the items, nothing changed', async () => {
    const items = stored(3201).items!;
    reset();
    const r = await run(['orders', 'cancel', '3201', '--yes']);
    expect(r.code).toBe(2);
    const [error, hint, ...rest] = r.err.trimEnd().split('\n');
    expect(rest).toEqual([]);
    expect(error).toBe('error: order 3201 has 3 items: Outshifter cancels them one by one');
    expect(hint).toMatch(/^hint: name them with --item ITEM, or cancel all with --all-items \(items: /);
    for (const i of items) expect(hint).toContain(`${i.id} (${i.title}`);
    expect(changes()).toHaveLength(0);
    const unknown = await run(['orders', 'cancel', '3201', '--item', '999999', '--yes']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^error: order 3201 has no item 999999\nhint: its items: /);
    const both = await run(['orders', 'cancel', '3201', '--item', String(items[0]!.id), '--all-items', '--yes']);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/--item and --all-items cannot be used together/);
    expect(changes()).toHaveLength(0);
    expect(sandbox.store.changeCount(OUTSHIFTER, '3201')).toBe(0);
  });

  it('--item cancels the named item only; --all-items then cancels each remaining item once, reporting each', async () => {
    const [a, b, c] = stored(3201).items!.map((i) => String(i.id));
    reset();
    const one = await json(['orders', 'cancel', '3201', '--item', a!, '--yes']);
    expect(one).toEqual([{ id: `3201/${a}`, store: null, ok: true, status: 'cancelled', error: null, order: '3201', item: a, orderStatus: 'awaiting_fulfillment', nativeStatus: 'CANCELED' }]);
    expect(stored(3201).items!.map((i) => i.status)).toEqual(['CANCELED', 'PAID', 'PAID']);
    expect(stored(3201).status).toBe('PAID');
    const rest = await json(['orders', 'cancel', '3201', '--all-items', '--yes']);
    expect(rest.map((r: { id: string; ok: boolean }) => [r.id, r.ok])).toEqual([
      [`3201/${b}`, true],
      [`3201/${c}`, true],
    ]);
    expect(rest.at(-1).orderStatus).toBe('cancelled');
    expect(changes().map((e) => e.path)).toEqual([`/api/orders/3201/items/${a}`, `/api/orders/3201/items/${b}`, `/api/orders/3201/items/${c}`]);
    expect(stored(3201).status).toBe('CANCELED');
    expect(sandbox.store.changeCount(OUTSHIFTER, '3201')).toBe(3);
    // Cancelled already: nothing more is sent.
    reset();
    const again = await run(['orders', 'cancel', '3201', '--all-items', '--yes']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.err).toContain('order 3201 is already cancelled: nothing to do');
    expect(changes()).toHaveLength(0);
    expect(sandbox.store.changeCount(OUTSHIFTER, '3201')).toBe(3);
  });

  it('-o ids names each order once, as other commands take it, not each item (ORDER/ITEM)', async () => {
    // Two paid orders of several items no other test touches.
    const [x, y] = section().orders.filter((o) => o.id > 3210 && o.status === 'PAID' && o.items!.length > 1).map((o) => String(o.id));
    reset();
    const r = await run(['orders', 'cancel', x!, y!, '--all-items', '--yes', '-o', 'ids']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${x}\n${y}\n`);
    expect(stored(x!).status).toBe('CANCELED');
    // Piped on, they are orders again.
    const status = await json(['orders', 'status', '--stdin'], r.stdout);
    expect(status.map((s: { id: string; status: string }) => [s.id, s.status]).sort()).toEqual([
      [x, 'cancelled'],
      [y, 'cancelled'],
    ]);
  });

  it('a shipped order is refused with exit 5: a return must be started instead; nothing is sent', async () => {
    const shipped = stored(3202);
    reset();
    for (const args of [['--all-items'], ['--item', String(shipped.items![0]!.id)]]) {
      const r = await run(['orders', 'cancel', '3202', ...args, '--yes']);
      expect(r.code, args.join(' ')).toBe(5);
      expect(r.err).toBe("error: order 3202 is shipped: it can no longer be cancelled\nhint: shipped items cannot be cancelled: start a return in Outshifter's return solution instead\n");
      expect(r.err).toMatch(/return/);
    }
    const completed = await run(['orders', 'cancel', '3205', '--all-items', '--yes']);
    expect(completed.code).toBe(5);
    expect(completed.err).toMatch(/^error: order 3205 is completed: it can no longer be cancelled\nhint: .*start a return/);
    expect(changes()).toHaveLength(0);
    expect(sandbox.store.changeCount(OUTSHIFTER, '3202')).toBe(0);
    expect(stored(3202).items!.every((i) => i.status === 'SHIPPED')).toBe(true);
  });

  it('shipped between the read and the PUT: the API’s 409 is exit 5 with the same hint, and nothing changes', async () => {
    const o = storefront().find((x) => x.status === 'PAID' && x.items!.length === 1 && sandbox.store.changeCount(OUTSHIFTER, String(x.id)) === 0)!;
    // As soon as the order has been read (and its answer sent), it ships.
    onExchange = (ex) => {
      if (ex.method === 'GET' && ex.path === `/api/orders/${o.id}`) {
        onExchange = undefined;
        setImmediate(() => {
          o.status = 'SHIPPED';
          for (const i of o.items!) i.status = 'SHIPPED';
        });
      }
    };
    reset();
    const r = await run(['orders', 'cancel', String(o.id), '--yes']);
    expect(r.code).toBe(5);
    expect(changes()).toEqual([expect.objectContaining({ method: 'PUT', path: `/api/orders/${o.id}/items/${o.items![0]!.id}`, status: 409 })]);
    expect(r.err).toMatch(/^error: .*A return must be initiated in the Outshifter return solution\.\nhint: shipped items cannot be cancelled: start a return in Outshifter's return solution instead\n$/);
    expect(sandbox.store.changeCount(OUTSHIFTER, String(o.id))).toBe(0);
    expect(o.items![0]!.status).toBe('SHIPPED');
  });

  it('--stdin takes order ids from a pipe; a refused order fails its line (exit 1), the others are cancelled', async () => {
    const pending = storefront().filter((o) => o.status === 'PENDING' && o.items!.length === 1 && sandbox.store.changeCount(OUTSHIFTER, String(o.id)) === 0);
    const target = pending[0] ?? storefront().find((o) => o.status === 'PAID' && o.items!.length === 1 && sandbox.store.changeCount(OUTSHIFTER, String(o.id)) === 0)!;
    const r = await run(['orders', 'cancel', '--stdin', '--yes', '-o', 'json'], `${target.id}\n3202\n`);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout);
    expect(results.map((x: { id: string; ok: boolean }) => [x.id, x.ok])).toEqual([
      [`${target.id}/${target.items![0]!.id}`, true],
      ['3202', false],
    ]);
    expect(stored(target.id).status).toBe('CANCELED');
    expect(sandbox.store.changeCount(OUTSHIFTER, String(target.id))).toBe(1);
    expect(sandbox.store.changeCount(OUTSHIFTER, '3202')).toBe(0);
  });
});

describe('orderctl cart (outshifter)', () => {
  let cart: string;
  let items: Array<{ id: string; productId: string; variantId: string | null; quantity: number }>;

  it('cart create takes a session and a currency, in one POST', async () => {
    reset();
    const c = await json(['cart', 'create', '--session', 'sess-e2e-1', '--currency', 'nok']);
    expect(c).toMatchObject({ platform: 'outshifter', sessionId: 'sess-e2e-1', currency: 'NOK', items: [], total: { amount: '0.00', currency: 'NOK' } });
    expect(changes()).toEqual([expect.objectContaining({ method: 'POST', path: '/api/cart', requestBody: { customer_session_id: 'sess-e2e-1', currency: 'NOK' }, status: 201 })]);
    cart = c.id;
    expect(section().carts.find((x) => x.id === cart)).toBeDefined();
    // Without --session, orderctl makes one.
    const made = await json(['cart', 'create']);
    expect(made.sessionId).toMatch(/^orderctl-[0-9a-f]{12}$/);
    const bad = await run(['cart', 'create', '--currency', 'EURO']);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('error: invalid --currency "EURO": an ISO 4217 code such as NOK or EUR\n');
  });

  it('cart add sends several --item specs in one request, with variants and prices', async () => {
    reset();
    const c = await json(['cart', 'add', cart, '--item', '4018:40181:2', '--item', '112000:1', '--item', '920:9201:1@300.00']);
    const posts = exchanges().filter((e) => e.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ path: `/api/cart/${cart}/item/add`, status: 201 });
    expect(posts[0]!.requestBody).toEqual({
      line_items: [
        { product_id: 4018, variant_id: 40181, quantity: 2 },
        { product_id: 112000, variant_id: null, quantity: 1 },
        { product_id: 920, variant_id: 9201, quantity: 1, price_data: { unit_price: '300.00', currency: 'NOK' } },
      ],
    });
    items = c.items;
    expect(items.map((i) => [i.productId, i.variantId, i.quantity])).toEqual([
      ['4018', '40181', 2],
      ['112000', null, 1],
      ['920', '9201', 1],
    ]);
    expect(c.items[2].unitPrice).toEqual({ amount: '300.00', currency: 'NOK' });
    expect(c.total).toEqual({ amount: '3097.00', currency: 'NOK' });
  });

  it('cart add refuses bad specs and unknown products', async () => {
    reset();
    for (const [spec, message] of [
      ['4018:x:1', /invalid variant id "x"/],
      ['4018:40181:0', /invalid quantity "0"/],
      ['4018:1@1,5', /invalid price "1,5"/],
      ['a:b:c:d', /invalid --item "a:b:c:d": use PRODUCT\[:VARIANT\]:QTY\[@PRICE\]/],
    ] as const) {
      const r = await run(['cart', 'add', cart, '--item', spec]);
      expect(r.code, spec).toBe(2);
      expect(r.err, spec).toMatch(message);
    }
    const none = await run(['cart', 'add', cart]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^error: no items given\nhint: add items with --item/);
    expect(exchanges()).toHaveLength(0);
    // The API's 400 is an API error (exit 1), in its own words.
    const unknown = await run(['cart', 'add', cart, '--item', '777:1']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/^error: .*line_items\[0\]\.product_id: product 777 not found/);
  });

  it('cart get shows the cart, as JSON and as a sheet', async () => {
    const c = await json(['cart', 'get', cart]);
    expect(c).toMatchObject({ id: cart, sessionId: 'sess-e2e-1', currency: 'NOK', total: { amount: '3097.00' } });
    expect(c.items).toHaveLength(3);
    const sheet = await run(['cart', 'get', cart, '-o', 'table']);
    expect(sheet.stdout).toContain(`Cart       ${cart} on outshifter`);
    expect(sheet.stdout).toContain(`[item ${items[0]!.id}]`);
    expect(sheet.stdout).toContain('Total      3097.00 NOK');
    const missing = await run(['cart', 'get', 'no-such-cart']);
    expect(missing.code).toBe(4);
    expect(missing.err).toBe('error: cart no-such-cart not found on outshifter\n');
  });

  it('cart update sets an item’s quantity; --qty 0 is refused with a hint to remove', async () => {
    reset();
    const c = await json(['cart', 'update', cart, items[1]!.id, '--qty', '3']);
    expect(changes()).toEqual([expect.objectContaining({ method: 'PATCH', path: `/api/cart/${cart}/item/update/${items[1]!.id}`, requestBody: { qty: 3 } })]);
    expect(c.items.find((i: { id: string }) => i.id === items[1]!.id).quantity).toBe(3);
    const zero = await run(['cart', 'update', cart, items[1]!.id, '--qty', '0']);
    expect(zero.code).toBe(2);
    expect(zero.err).toBe(`error: --qty must be a whole number of at least 1, not "0"\nhint: to take the item out: orderctl cart remove ${cart} ${items[1]!.id}\n`);
    const unknown = await run(['cart', 'update', cart, 'no-such-item', '--qty', '2']);
    expect(unknown.code).toBe(4);
  });

  it('cart remove takes items out, one request each', async () => {
    reset();
    const c = await json(['cart', 'remove', cart, items[1]!.id, items[2]!.id]);
    expect(changes().map((e) => [e.method, e.path])).toEqual([
      ['PATCH', `/api/cart/${cart}/item/delete/${items[1]!.id}`],
      ['PATCH', `/api/cart/${cart}/item/delete/${items[2]!.id}`],
    ]);
    expect(c.items.map((i: { id: string }) => i.id)).toEqual([items[0]!.id]);
    const none = await run(['cart', 'remove', cart]);
    expect(none.code).toBe(2);
  });

  it('cart delete needs --yes without a terminal; then the cart is gone', async () => {
    reset();
    const refused = await run(['cart', 'delete', cart]);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(`error: delete cart ${cart}: confirmation needed\nhint: pass --yes to confirm without a terminal\n`);
    expect(changes()).toHaveLength(0);
    expect(await json(['cart', 'delete', cart, '--yes'])).toEqual({ id: cart, deleted: true });
    expect(changes()).toEqual([expect.objectContaining({ method: 'DELETE', path: `/api/cart/${cart}` })]);
    const gone = await run(['cart', 'get', cart]);
    expect(gone.code).toBe(4);
  });
});

/** A cart with a jacket and two mugs, through the binary. */
async function cartWithItems(): Promise<string> {
  const c = await json(['cart', 'create', '--currency', 'NOK']);
  await json(['cart', 'add', c.id, '--item', '4018:40181:1', '--item', '112000:2']);
  return c.id;
}

const JANE = ['--email', 'jane@example.com', '--first-name', 'Jane', '--last-name', 'Doe', '--address1', 'Møllergata 6', '--city', 'Oslo', '--zip', '0179', '--country-code', 'NO'];

describe('orderctl checkout (outshifter)', () => {
  let cartId: string;
  let co: string;
  const storedCo = () => section().checkouts.find((c) => c.id === co)!;

  it('checkout create starts an ACTIVE checkout of the cart', async () => {
    cartId = await cartWithItems();
    const c = await json(['checkout', 'create', cartId]);
    expect(c).toMatchObject({ platform: 'outshifter', status: 'ACTIVE', cartId, currency: 'NOK', email: null, shippingAddress: null, orderId: null, totals: { items: { amount: '1697.00', currency: 'NOK' } } });
    expect(c.items.map((i: { title: string; quantity: number }) => [i.title, i.quantity])).toEqual([
      ['Rain Jacket', 1],
      ['Enamel Mug', 2],
    ]);
    co = c.id;
    const empty = await json(['cart', 'create']);
    const refused = await run(['checkout', 'create', empty.id]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is empty: add items before checking out/);
    const missing = await run(['checkout', 'create', 'no-such-cart']);
    expect(missing.code).toBe(4);
  });

  it('checkout get shows it, as JSON and as a sheet; an unknown one exits 4', async () => {
    expect(await json(['checkout', 'get', co])).toMatchObject({ id: co, status: 'ACTIVE', cartId });
    const sheet = await run(['checkout', 'get', co, '-o', 'table']);
    expect(sheet.stdout).toMatch(new RegExp(`^Checkout   ${co} on outshifter\\nStatus     ACTIVE\\nCart       ${cartId}`));
    const missing = await run(['checkout', 'get', 'no-such-checkout']);
    expect(missing.code).toBe(4);
    expect(missing.err).toBe('error: checkout no-such-checkout not found on outshifter\n');
  });

  it('a bad e-mail, country code or postcode exits 2 with one line, before any change', async () => {
    reset();
    const cases: Array<[string[], string]> = [
      [['--email', 'jane.example.com'], 'error: --email: "jane.example.com" is not an e-mail address\n'],
      [['--country-code', 'XX'], 'error: --country-code: "XX" is not an ISO 3166 country code (two letters, e.g. NO, SE, US)\n'],
      [['--zip', '12', '--country-code', 'NO'], 'error: --zip: "12" is not a postcode of NO (4 digits, e.g. 0150)\n'],
      [['--billing-zip', '999', '--billing-country-code', 'SE'], 'error: --billing-zip: "999" is not a postcode of SE (5 digits, e.g. 113 51)\n'],
      [['--phone-code', '47'], 'error: --phone-code: "47" is not a country calling code such as +47\n'],
      [['--billing-same', '--billing-city', 'Oslo'], 'error: --billing-same cannot be used with --billing-… flags\n'],
      [['--success-url', 'ftp://x'], 'error: --success-url must be an http(s) URL, not "ftp://x"\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = await run(['checkout', 'update', co, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toBe(stderr);
      expect(r.stdout).toBe('');
    }
    expect(changes()).toHaveLength(0);
    expect(storedCo().shipping_address).toBeNull();
  });

  it('checkout update with flags and --billing-same sets both addresses, and the flat rate to the country', async () => {
    reset();
    const r = await run(['checkout', 'update', co, ...JANE, '--phone-code', '+47', '--phone', '63727263', '--billing-same', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.err).toBe(`shipping: Flat rate price to NO, 198.00 NOK (4018-FRP,112000-FRP)\nupdated checkout ${co}\n`);
    const patches = changes().filter((e) => e.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0]!.requestBody).toMatchObject({
      email: 'jane@example.com',
      shipping_address: { first_name: 'Jane', last_name: 'Doe', address1: 'Møllergata 6', city: 'Oslo', zip: '0179', country_code: 'NO', country: 'Norway', phone_code: '+47', phone: '63727263' },
      billing_address: { first_name: 'Jane', last_name: 'Doe', address1: 'Møllergata 6', city: 'Oslo', zip: '0179', country_code: 'NO' },
      shipping_rate: '4018-FRP,112000-FRP',
    });
    const c = JSON.parse(r.stdout);
    expect(c).toMatchObject({
      email: 'jane@example.com',
      shippingAddress: { firstName: 'Jane', countryCode: 'NO', country: 'Norway', zip: '0179' },
      billingAddress: { firstName: 'Jane', city: 'Oslo' },
      shippingRate: { code: '4018-FRP,112000-FRP', price: { amount: '198.00', currency: 'NOK' } },
      totals: { shipping: { amount: '198.00' }, total: { amount: '1895.00', currency: 'NOK' } },
      availablePaymentMethods: ['Stripe', 'Klarna', 'Vipps'],
    });
  });

  it('--address-file takes shipping and a different billing address; flags win over the file', async () => {
    const file = write('address.json', {
      email: 'ola@example.no',
      shipping: { first_name: 'Ola', last_name: 'Nordmann', address1: 'Bryggen 12', city: 'Bergen', zip: '5003', country: 'Norway' },
      billing: { firstName: 'Kari', lastName: 'Hansen', address1: 'Kongens gate 3', city: 'Trondheim', zip: 7011, countryCode: 'no' },
    });
    const c = await json(['checkout', 'update', co, '--address-file', file, '--city', 'Bergenhus']);
    expect(c).toMatchObject({
      email: 'ola@example.no',
      shippingAddress: { firstName: 'Ola', address1: 'Bryggen 12', city: 'Bergenhus', zip: '5003', countryCode: 'NO', country: 'Norway' },
      billingAddress: { firstName: 'Kari', lastName: 'Hansen', city: 'Trondheim', zip: '7011', countryCode: 'NO' },
    });
    expect(storedCo().billing_address).toMatchObject({ first_name: 'Kari', city: 'Trondheim', country_code: 'NO' });
    reset();
    for (const [body, message] of [
      [{ shipping: { street: 'x' } }, /address file .*address-bad\.json: unknown field "shipping\.street"/],
      [{ shipping: { zip: '12', country_code: 'NO' } }, /--zip: "12" is not a postcode of NO/],
      ['[1]', /address file .*: not a JSON object/],
    ] as const) {
      const r = await run(['checkout', 'update', co, '--address-file', write('address-bad.json', typeof body === 'string' ? body : JSON.stringify(body))]);
      expect(r.code, String(message)).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    }
    expect(changes()).toHaveLength(0);
  });

  it('checkout methods lists the seller’s payment methods', async () => {
    expect(await json(['checkout', 'methods'])).toEqual([{ name: 'Stripe' }, { name: 'Klarna' }, { name: 'Vipps' }]);
    expect(await ids(['checkout', 'methods'])).toEqual(['Stripe', 'Klarna', 'Vipps']);
    const raw = await json(['checkout', 'methods', '--raw']);
    expect(raw[0]).toEqual({ name: 'Stripe', identifier: 'stripe' });
  });

  it('checkout pay without a terminal names what is missing and sends no payment', async () => {
    const fresh = await json(['checkout', 'create', await cartWithItems()]);
    reset();
    const r = await run(['checkout', 'pay', fresh.id, '--email', 'jane@example.com']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^error: checkout \S+ cannot be paid yet: missing personal information \(--first-name, --last-name\); shipping information \(--address1, --city, --zip, --country-code\); billing information \(.*or --billing-same\); payment method \(--method\); shipping rate \(--shipping-rate\)\nhint: give them as flags, or run on a terminal \(without --no-input\) to be asked\n$/,
    );
    expect(changes()).toHaveLength(0);
    const unknown = await run(['checkout', 'pay', co, '--method', 'Bitcoin']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/payment_method must be one of Stripe, Klarna, Vipps/);
  });

  it('checkout pay --method starts the payment once: the checkout URL and the pending order id', async () => {
    reset();
    const r = await run(['checkout', 'pay', co, '--method', 'Stripe', '--success-url', 'https://shop.example/thanks', '--cancel-url', 'https://shop.example/cart', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const paid = JSON.parse(r.stdout);
    expect(paid).toEqual({ checkoutId: co, checkoutUrl: `${sandbox.url}/outshifter/pay/${co}`, orderId: expect.stringMatching(/^\d+$/), status: 'pending' });
    expect(r.err).toContain(`payment started: order ${paid.orderId} is pending until the shopper pays`);
    expect(r.err).toContain(`in the sandbox, pay as the shopper would: orderctl sandbox pay ${co}`);
    const payments = changes().filter((e) => e.path === `/api/checkout/${co}/payment`);
    expect(payments).toHaveLength(1);
    expect(payments[0]!.requestBody).toMatchObject({ payment_method: 'Stripe', success_url: 'https://shop.example/thanks', cancel_url: 'https://shop.example/cart', email: 'ola@example.no', first_name: 'Ola' });
    expect(stored(paid.orderId)).toMatchObject({ status: 'PENDING', paymentProcessor: 'Stripe', storefront: 'sandbox' });
    const table = await run(['checkout', 'get', co, '-o', 'table']);
    expect(table.stdout).toContain(`Order      ${paid.orderId} (pending until paid)`);
    expect(table.stdout).toContain(`Pay at     ${paid.checkoutUrl}`);
  });

  it('checkout payment shows the payment: pending, method, addresses, cart', async () => {
    const p = await json(['checkout', 'payment', co]);
    expect(p).toMatchObject({ checkoutId: co, status: 'PENDING', paymentMethod: 'Stripe', email: 'ola@example.no', successUrl: 'https://shop.example/thanks', shippingAddress: { firstName: 'Ola' }, cart: { id: cartId } });
    const sheet = await run(['checkout', 'payment', co, '-o', 'table']);
    expect(sheet.stdout).toContain('Status     PENDING');
    expect(sheet.stdout).toContain('Method     Stripe');
  });

  it('orderctl sandbox pay by checkout URL completes it; a paid checkout cannot be paid again (exit 5)', async () => {
    const url = `${sandbox.url}/outshifter/pay/${co}`;
    const orderId = storedCo().order_id!;
    const r = await run(['sandbox', 'pay', url, '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ checkoutId: co, status: 'COMPLETED', orderId: String(orderId), orderStatus: 'PAID' });
    expect(r.err).toBe(`paid checkout ${co}: order ${orderId} is PAID\n`);
    expect(await json(['checkout', 'get', co])).toMatchObject({ status: 'COMPLETED', orderId: String(orderId) });
    expect(await json(['orders', 'get', String(orderId)])).toMatchObject({ status: 'awaiting_fulfillment', nativeStatus: 'PAID' });
    expect((await json(['checkout', 'payment', co])).status).toBe('PAID');
    const again = await run(['checkout', 'pay', co, '--method', 'Stripe']);
    expect(again.code).toBe(5);
    expect(again.err).toBe(`error: checkout ${co} is already paid (order ${orderId})\n`);
    const bad = await run(['sandbox', 'pay', 'https://example.com/checkout/1']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/is not a sandbox checkout URL \(…\/outshifter\/pay\/CHECKOUT_ID\)/);
  });

  it('checkout delete needs --yes without a terminal; then it is gone', async () => {
    const other = await json(['checkout', 'create', cartId]);
    reset();
    const refused = await run(['checkout', 'delete', other.id]);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(`error: delete checkout ${other.id}: confirmation needed\nhint: pass --yes to confirm without a terminal\n`);
    expect(changes()).toHaveLength(0);
    expect(await json(['checkout', 'delete', other.id, '--yes'])).toEqual({ id: other.id, deleted: true });
    expect(changes()).toEqual([expect.objectContaining({ method: 'DELETE', path: `/api/checkout/${other.id}` })]);
    expect((await run(['checkout', 'get', other.id])).code).toBe(4);
  });

  it('checkout klarna starts Klarna’s own checkout from a cart: a pending order and the snippet', async () => {
    const cart = await cartWithItems();
    reset();
    const r = await run(['checkout', 'klarna', cart, '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const k = JSON.parse(r.stdout);
    expect(k).toEqual({ cartId: cart, orderId: expect.stringMatching(/^\d+$/), klarnaOrderId: expect.any(String), status: 'checkout_incomplete', htmlSnippet: `<div id="klarna-checkout-container" data-order="${k.orderId}"></div>` });
    expect(r.err).toBe(`started a Klarna payment for cart ${cart}: order ${k.orderId} is pending\n`);
    expect(changes()).toEqual([expect.objectContaining({ method: 'POST', path: `/api/cart/${cart}/init-payment-klarna` })]);
    expect(stored(k.orderId)).toMatchObject({ status: 'PENDING', paymentProcessor: 'Klarna' });
    const empty = await json(['cart', 'create']);
    const refused = await run(['checkout', 'klarna', empty.id]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is empty/);
  });
});

describe('orderctl shipping quote (outshifter)', () => {
  it('prints the flat rate of the products to a country, as JSON and as a table', async () => {
    reset();
    const q = await json(['shipping', 'quote', '--item', '4018:2', '--item', '112232', '--country', 'se', '--currency', 'SEK']);
    expect(changes()).toEqual([
      expect.objectContaining({ method: 'POST', path: '/api/shipping/flat-rate', requestBody: { items: [{ productId: 4018, quantity: 2 }, { productId: 112232, quantity: 1 }], destination: { country: 'SE' }, currency: 'SEK' } }),
    ]);
    // Nordic 149 NOK per product, a bulky one 100 more: 149 + 249 = 398 SEK.
    expect(q).toEqual({ serviceName: 'Flat rate price to SE', description: 'By Outshifter', serviceCode: '4018-FRP,112232-FRP', total: { amount: '398.00', currency: 'SEK' } });
    const table = await run(['shipping', 'quote', '--item', '920', '--country', 'NO', '--currency', 'NOK', '-o', 'table']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^SERVICE\s+DESCRIPTION\s+CODE\s+TOTAL\n/);
    expect(table.stdout).toMatch(/Flat rate price to NO\s+By Outshifter\s+920-FRP\s+99\.00 NOK/);
  });

  it('a bad country, currency or item exits 2 before any request', async () => {
    reset();
    const cases: Array<[string[], string]> = [
      [['--item', '920', '--country', 'ZZ', '--currency', 'NOK'], 'error: --country: "ZZ" is not an ISO 3166 country code (two letters, e.g. NO, SE, US)\n'],
      [['--item', '920', '--country', 'NO', '--currency', 'kroner'], 'error: invalid --currency "kroner": an ISO 4217 code such as NOK\n'],
      [['--item', '920:1:2', '--country', 'NO', '--currency', 'NOK'], 'error: invalid --item "920:1:2": use PRODUCT[:QTY], e.g. 920:1\n'],
      [['--country', 'NO', '--currency', 'NOK'], 'error: no items given\nhint: name the products with --item PRODUCT[:QTY] (repeatable)\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = await run(['shipping', 'quote', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toBe(stderr);
    }
    expect(exchanges()).toHaveLength(0);
  });
});

describe('the buying flow on another platform', () => {
  it.each([
    [['cart', 'create'], 'error: cart is not available on bigcommerce; it is on: outshifter\n'],
    [['cart', 'add', 'C', '--item', '1:1'], 'error: cart is not available on bigcommerce; it is on: outshifter\n'],
    [['checkout', 'create', 'C'], 'error: checkout is not available on bigcommerce; it is on: outshifter\n'],
    [['checkout', 'pay', 'C', '--method', 'Stripe'], 'error: checkout is not available on bigcommerce; it is on: outshifter\n'],
    [['checkout', 'klarna', 'C'], 'error: checkout klarna is not available on bigcommerce; it is on: outshifter\n'],
    [['shipping', 'quote', '--item', '1', '--country', 'NO', '--currency', 'NOK'], 'error: shipping quote is not available on bigcommerce; it is on: outshifter\n'],
  ])('%j on a bigcommerce profile exits 2 naming outshifter, with no request', async (args, stderr) => {
    const e = { ORDERCTL_CONFIG_DIR: path.join(cfg.dir, 'bc') };
    const add = await orderctl(['profile', 'add', 'bc', '--platform', 'bigcommerce', '--base-url', sandbox.baseUrls.bigcommerce!, '--token-stdin', '--use'], { env: e, input: `${TOKEN}\n` });
    expect(add.code, add.stderr).toBe(0);
    reset();
    const r = await orderctl(args, { env: e });
    expect(r.code).toBe(2);
    expect(r.err).toBe(stderr);
    expect(all).toHaveLength(0);
  });

  it('--item on a platform that cancels whole orders exits 2 naming outshifter', async () => {
    const e = { ORDERCTL_CONFIG_DIR: path.join(cfg.dir, 'bc') };
    const r = await orderctl(['orders', 'cancel', '100', '--item', '1', '--yes'], { env: e });
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: cancelling single items (--item) is not available on bigcommerce; it is on: outshifter\n');
  });
});

describe('secrets (outshifter)', () => {
  it('--debug traces requests but never prints the API key', async () => {
    const c = await json(['cart', 'create']);
    const runs = [
      ['--debug', 'orders', 'list', '--limit', '1'],
      ['--debug', 'orders', 'get', '9999'],
      ['--debug', 'cart', 'add', c.id, '--item', '920:9201:1'],
      ['--debug', 'checkout', 'methods'],
      ['--debug', 'shipping', 'quote', '--item', '920', '--country', 'NO', '--currency', 'NOK'],
      ['--debug', 'profile', 'test'],
      ['--debug', 'profile', 'show', '-o', 'json'],
    ];
    for (const args of runs) {
      const r = await run(args);
      expect([0, 4], args.join(' ')).toContain(r.code);
      expect(r.stdout, args.join(' ')).not.toContain(TOKEN);
      expect(r.err, args.join(' ')).not.toContain(TOKEN);
    }
    const traced = await run(['--debug', 'orders', 'get', '3205']);
    expect(traced.err).toContain('authorization: [redacted]');
    expect(traced.err).toMatch(/GET .*\/outshifter\/api\/orders\/3205/);
    // A key given to profile add on stdin is not echoed either.
    const other = tempConfigDir();
    try {
      const add = await orderctl(['--debug', 'profile', 'add', 'x', '--platform', 'outshifter', '--base-url', sandbox.baseUrls.outshifter!, '--storefront', 'sandbox', '--token-stdin'], { env: { ORDERCTL_CONFIG_DIR: other.dir }, input: `${TOKEN}\n` });
      expect(add.code, add.stderr).toBe(0);
      expect(add.stdout + add.stderr).not.toContain(TOKEN);
    } finally {
      other.remove();
    }
  });

  it('a 401 with --debug and ORDERCTL_TOKEN does not print the wrong key', async () => {
    const wrong = 'os-wrong-key-9e8d7c6b5a';
    const r = await orderctl(['--debug', 'orders', 'list'], { env: { ...env, ORDERCTL_TOKEN: wrong } });
    expect(r.code).toBe(3);
    expect(r.stdout + r.stderr).not.toContain(wrong);
  });
});

describe('done: a shopper’s whole flow against `orderctl sandbox serve`', () => {
  it('cart, items, checkout, addresses, quote, pay, sandbox payment, order listed, an item cancelled', async () => {
    const home = tempConfigDir();
    const s = serveSandbox(['--port', '0', '--memory', '--seed', '1'], home.dir);
    try {
      const { url, baseUrls, token } = await s.ready;
      const outshifter = baseUrls.outshifter!;
      expect(outshifter).toBe(`${url}/outshifter/api`);
      const announce = path.join(home.dir, 'sandbox', 'serve.json');
      expect(JSON.parse(fs.readFileSync(announce, 'utf8'))).toMatchObject({ url });
      const e = { ORDERCTL_CONFIG_DIR: home.dir };
      const sh = async (args: string[], input?: string) => {
        const r = await orderctl(args, { env: e, input });
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
        return r;
      };
      const js = async (args: string[]) => JSON.parse((await sh([...args, '-o', 'json'])).stdout);

      await sh(['profile', 'add', 'shop', '--platform', 'outshifter', '--base-url', outshifter, '--storefront', 'sandbox', '--token-stdin', '--use'], `${token}\n`);

      // The cart and its items.
      const cart = await js(['cart', 'create', '--currency', 'NOK']);
      const filled = await js(['cart', 'add', cart.id, '--item', '4018:40181:1', '--item', '112000:2', '--item', '920:9202:1']);
      expect(filled.items).toHaveLength(3);
      expect(filled.total).toEqual({ amount: '2046.00', currency: 'NOK' });

      // The checkout, and the shopper's addresses.
      const checkout = await js(['checkout', 'create', cart.id]);
      expect(checkout.status).toBe('ACTIVE');
      const updated = await js(['checkout', 'update', checkout.id, ...JANE, '--billing-same']);
      expect(updated).toMatchObject({ email: 'jane@example.com', shippingAddress: { firstName: 'Jane', city: 'Oslo', countryCode: 'NO' }, billingAddress: { firstName: 'Jane', city: 'Oslo' } });

      // The quote is the rate the checkout carries.
      const quote = await js(['shipping', 'quote', '--item', '4018', '--item', '112000:2', '--item', '920', '--country', 'NO', '--currency', 'NOK']);
      expect(quote).toMatchObject({ serviceCode: '4018-FRP,112000-FRP,920-FRP', total: { amount: '297.00', currency: 'NOK' } });
      expect(updated.shippingRate).toMatchObject({ code: quote.serviceCode, price: quote.total });
      expect(updated.totals.total).toEqual({ amount: '2343.00', currency: 'NOK' });

      // Payment: a pending order and the shopper's URL.
      const started = await js(['checkout', 'pay', checkout.id, '--method', 'Stripe']);
      expect(started).toEqual({ checkoutId: checkout.id, checkoutUrl: `${url}/outshifter/pay/${checkout.id}`, orderId: expect.stringMatching(/^\d+$/), status: 'pending' });
      const pending = await js(['orders', 'get', started.orderId]);
      expect(pending).toMatchObject({ status: 'pending', nativeStatus: 'PENDING' });
      expect(await js(['orders', 'list', '--status', 'awaiting_fulfillment', '--all', '--fields', 'id'])).not.toContainEqual({ id: started.orderId });

      // The shopper pays: `sandbox pay` finds the running sandbox through serve.json.
      const paid = await sh(['sandbox', 'pay', checkout.id, '-o', 'json']);
      expect(JSON.parse(paid.stdout)).toEqual({ checkoutId: checkout.id, status: 'COMPLETED', orderId: started.orderId, orderStatus: 'PAID' });

      // The order is listed, paid and awaiting fulfilment.
      const listed = await js(['orders', 'list', '--status', 'awaiting_fulfillment', '--all']);
      const order = listed.find((o: { id: string }) => o.id === started.orderId);
      expect(order).toMatchObject({ status: 'awaiting_fulfillment', nativeStatus: 'PAID', customer: { name: 'Jane Doe', email: 'jane@example.com' }, totals: { subtotal: { amount: '2046.00' }, shipping: { amount: '297.00' }, total: { amount: '2343.00' } } });
      expect(order.items.map((i: { title: string; status: string }) => [i.title, i.status])).toEqual([
        ['Rain Jacket', 'unfulfilled'],
        ['Enamel Mug', 'unfulfilled'],
        ['Wool Beanie', 'unfulfilled'],
      ]);

      // One item is cancelled; the order stays paid for the rest.
      const mug = order.items[1].id;
      const cancelled = await js(['orders', 'cancel', started.orderId, '--item', mug, '--yes']);
      expect(cancelled).toEqual([{ id: `${started.orderId}/${mug}`, store: null, ok: true, status: 'cancelled', error: null, order: started.orderId, item: mug, orderStatus: 'awaiting_fulfillment', nativeStatus: 'CANCELED' }]);
      const after = await js(['orders', 'get', started.orderId]);
      expect(after.items.map((i: Item) => i.status)).toEqual(['unfulfilled', 'cancelled', 'unfulfilled']);
      expect(after).toMatchObject({ status: 'awaiting_fulfillment', totals: { subtotal: { amount: '1648.00' } } });

      // Ctrl-C stops the sandbox cleanly; its serve.json goes with it.
      s.child.kill('SIGINT');
      expect(await s.exited).toBe(130);
      expect(s.output().stderr).toContain('sandbox stopped');
      expect(fs.existsSync(announce)).toBe(false);
    } finally {
      await s.stop();
      home.remove();
    }
  });
});

// The guesses README's "Outshifter" section lists, end to end: an API that
// answers the other way (the sandbox's section().wire) is one error line and a
// hint naming the `profile add` setting, exit 1, nothing printed as a result;
// a profile with that setting then works.
describe('guesses: a wrong one fails loudly, and its profile setting fixes it', () => {
  const addProfile = async (name: string, ...flags: string[]) => {
    const add = await orderctl(['profile', 'add', name, '--platform', 'outshifter', '--base-url', sandbox.baseUrls.outshifter!, '--storefront', 'sandbox', ...flags, '--token-stdin'], { env, input: `${TOKEN}\n` });
    expect(add.code, add.stderr).toBe(0);
  };
  const twoLines = (err: string) => err.trimEnd().split('\n');

  it('a paged list: exit 1 naming --list-request; with a {page} slot every order is listed', async () => {
    section().wire = { list: { pageSize: 20 } };
    try {
      const r = await run(['orders', 'list', '--all']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const [error, hint, ...rest] = twoLines(r.err);
      expect(error).toMatch(/^error: outshifter answered GET \/orders with one page of more \(page: 1, pageSize: 20, total: \d+; 20 orders here\): that the order list is not paged is a guess$/);
      expect(hint).toBe("hint: if Outshifter's API differs, say how: orderctl profile add NAME --platform outshifter --list-request 'GET /orders?storefront={storefront}&status={status}&dateFrom={dateFrom}&dateTo={dateTo}&page={page}' (with the profile's other flags)");
      expect(rest).toEqual([]);
      await addProfile('paged', '--list-request', 'GET /orders?storefront={storefront}&status={status}&dateFrom={dateFrom}&dateTo={dateTo}&page={page}');
      const listed = await ids(['-p', 'paged', 'orders', 'list', '--all']);
      expect([...listed].sort()).toEqual(storefront().map((o) => String(o.id)).sort());
      const shown = await json(['profile', 'show', 'paged']);
      expect(shown.listRequest).toBe('GET /orders?storefront={storefront}&status={status}&dateFrom={dateFrom}&dateTo={dateTo}&page={page}');
    } finally {
      delete section().wire;
    }
  });

  it('an unknown status: exit 1 naming --status-map, never a default; mapped, the order reads and filters', async () => {
    section().wire = { statusNames: { SHIPPED: 'DISPATCHED' } };
    try {
      const shipped = storefront().find((o) => o.status === 'SHIPPED')!;
      const r = await run(['orders', 'get', String(shipped.id)]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const [error, hint] = twoLines(r.err);
      expect(error).toMatch(new RegExp(`^error: outshifter sent order ${shipped.id} with status "DISPATCHED", which orderctl does not know: Outshifter's statuses other than CANCELED are a guess`));
      expect(hint).toContain('--status-map DISPATCHED=STATUS');
      await addProfile('mapped', '--status-map', 'DISPATCHED=fulfilled');
      expect(await json(['-p', 'mapped', 'orders', 'get', String(shipped.id)])).toMatchObject({ status: 'fulfilled', nativeStatus: 'DISPATCHED' });
      const listed = await ids(['-p', 'mapped', 'orders', 'list', '--all', '--status', 'dispatched']);
      expect([...listed].sort()).toEqual(storefront().filter((o) => o.status === 'SHIPPED').map((o) => String(o.id)).sort());
    } finally {
      delete section().wire;
    }
  });

  it('a status written with a space: the hint’s IN_TRANSIT=STATUS is the setting that reads it', async () => {
    section().wire = { statusNames: { SHIPPED: 'In transit' } };
    try {
      const shipped = storefront().find((o) => o.status === 'SHIPPED')!;
      const r = await run(['orders', 'get', String(shipped.id)]);
      expect(r.code).toBe(1);
      const [error, hint] = twoLines(r.err);
      expect(error).toContain(`with status "In transit", which orderctl does not know`);
      expect(hint).toContain('--status-map IN_TRANSIT=STATUS');
      await addProfile('transit', '--status-map', 'IN_TRANSIT=fulfilled');
      expect(await json(['-p', 'transit', 'orders', 'get', String(shipped.id)])).toMatchObject({ status: 'fulfilled', nativeStatus: 'In transit' });
    } finally {
      delete section().wire;
    }
  });

  it('the cancel-item URL: exit 1 naming --cancel-item-url and nothing cancelled; the document’s URL then cancels', async () => {
    section().wire = { cancelItemOutsideApi: true };
    try {
      const o = storefront().find((x) => x.status === 'PAID' && x.items.length === 1 && x.items[0]!.status === 'PAID')!;
      const r = await run(['orders', 'cancel', String(o.id), '--yes']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/the cancel-item URL is a guess \(under the API root; the document's example has no \/api\)/);
      expect(r.err).toContain('--cancel-item-url https://api.outshifter.com/orders/{order}/items/{item}');
      expect(sandbox.store.changeCount(OUTSHIFTER, o.id)).toBe(0);
      await addProfile('rooted', '--cancel-item-url', `${sandbox.url}/outshifter/orders/{order}/items/{item}`);
      const ok = await run(['-p', 'rooted', 'orders', 'cancel', String(o.id), '--yes']);
      expect(ok.code, ok.stderr).toBe(0);
      expect(stored(o.id).status).toBe('CANCELED');
    } finally {
      delete section().wire;
    }
  });

  it('profile add refuses a setting it cannot read, or one given to another platform, with exit 2 and one line', async () => {
    const bad = await orderctl(['profile', 'add', 'x', '--platform', 'outshifter', '--list-request', 'GET /orders?status={status}', '--token-stdin'], { env, input: `${TOKEN}\n` });
    expect(bad.code).toBe(2);
    expect(twoLines(bad.err)).toEqual(['error: invalid --list-request "GET /orders?status={status}": it must carry {storefront}: orders are listed per channel storefront (seed)']);
    const other = await orderctl(['profile', 'add', 'y', '--platform', 'bigcommerce', '--store-hash', 'abc', '--status-map', 'X=pending', '--token-stdin'], { env, input: `${TOKEN}\n` });
    expect(other.code).toBe(2);
    expect(other.err).toBe('error: --status-map is for outshifter profiles only\n');
    const names = ((await json(['profile', 'list'])) as Array<{ name: string }>).map((p) => p.name);
    expect(names).toContain('shop');
    expect(names).not.toContain('x');
  });
});
