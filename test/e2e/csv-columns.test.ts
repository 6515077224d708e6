// -o csv means one thing on every command: a header row of the JSON's own names
// (the dotted paths -o json and --fields use) and, under them, the JSON's values
// (codes, ISO times, decimal amounts; null an empty cell), never a table's
// headers or display text (`2 Shipped`, `1004×2`, `24.23 USD`).

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_RULES } from '../../src/commands/field-rules.js';
import type { ConfigStore } from '../../src/core/config.js';
import { guardFormula } from '../../src/output/csv.js';
import { flattenForColumns, leafPaths } from '../../src/output/fields.js';
import { ORDER_COLUMNS } from '../../src/output/order-columns.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { runCommand } from '../support/context.js';
import { parseCsv } from '../support/csv.js';
import { DRILL_PLATFORMS, drillProfile } from '../support/drill-platforms.js';
import { tempConfigDir } from '../support/tmp.js';

type Json = Record<string, unknown>;

const JANE = ['--email', 'jane@example.com', '--first-name', 'Jane', '--last-name', 'Doe', '--address1', 'Møllergata 6', '--city', 'Oslo', '--zip', '0179', '--country-code', 'NO'];
const SHOP = ['-p', 'shop'];
/** A path as JSON spells it: no upper case first letters, no spaces, no display headers. */
const PATH = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/;
/** Text only a table shows: money with its currency, shipped items as 1004×2. */
const DISPLAY = /^-?\d+\.\d{2} [A-Z]{3}$|×/;

const bigcommerce = DRILL_PLATFORMS.find((p) => p.platform === 'bigcommerce')!;
const outshifter = DRILL_PLATFORMS.find((p) => p.platform === 'outshifter')!;
let sandbox: Sandbox;
let tmp: ReturnType<typeof tempConfigDir>;
let config: ConfigStore;
const run = (argv: string[]) => runCommand(argv, { config });

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 31, orders: 30 });
  tmp = tempConfigDir();
  config = await tmp.open();
  await config.save({ currentProfile: 'bc', profiles: { bc: drillProfile(bigcommerce, sandbox), shop: drillProfile(outshifter, sandbox) } });
});
afterAll(async () => {
  await sandbox.close();
  tmp.remove();
});

const csv = async (argv: string[], code = 0): Promise<{ header: string[]; rows: string[][] }> => {
  const r = await run([...argv, '-o', 'csv']);
  expect(r.code, `${argv.join(' ')}: ${r.err}`).toBe(code);
  const [header, ...rows] = parseCsv(r.out);
  return { header: header!, rows };
};
const json = async (argv: string[]): Promise<unknown> => {
  const r = await run([...argv, '-o', 'json']);
  expect(r.code, `${argv.join(' ')}: ${r.err}`).toBe(0);
  return JSON.parse(r.out);
};
const records = (v: unknown) => (Array.isArray(v) ? v : [v]) as Json[];

/** The leaf paths --fields takes for a command: its CSV columns. */
const leavesOf = (command: string) => {
  const rule = FIELD_RULES[command]!;
  if (!('fields' in rule)) throw new Error(`${command} takes no fields`);
  return leafPaths(rule.fields);
};

/** Every header a JSON path, no cell a table's display text. */
function noDisplay(command: string, t: { header: string[]; rows: string[][] }): void {
  expect(t.header.filter((h) => !PATH.test(h)), `${command}: headers`).toEqual([]);
  expect(t.rows.flat().filter((c) => DISPLAY.test(c)), `${command}: display text`).toEqual([]);
}

/** Each row is its JSON record: each cell the value at its header's path, as --fields prints it. */
function holds(command: string, t: { header: string[]; rows: string[][] }, printed: Json[]): void {
  noDisplay(command, t);
  expect(t.rows.length, command).toBe(printed.length);
  t.rows.forEach((row, i) => expect(Object.fromEntries(t.header.map((h, j) => [h, row[j]])), command).toEqual(Object.fromEntries(t.header.map((h) => [h, guardFormula(flattenForColumns(printed[i], [h])[0]!)]))));
}

/** A command that changes nothing: its CSV holds what its JSON prints, with --fields' leaf paths as the header. */
async function readsAlike(command: string, argv: string[], rowsOf: (printed: unknown) => Json[] = records, columns = leavesOf(command)): Promise<string[][]> {
  const t = await csv(argv);
  expect(t.header, command).toEqual(columns);
  holds(command, t, rowsOf(await json(argv)));
  return t.rows;
}

describe('-o csv: the JSON names and values', () => {
  it('orders, their shipments, statuses and counts', async () => {
    const [order] = records(await json(['orders', 'list', '--status', 'awaiting_fulfillment', '--limit', '1']));
    const id = String(order!.id);
    await readsAlike('orders list', ['orders', 'list', '--limit', '5'], records, [...ORDER_COLUMNS]);
    await readsAlike('orders get', ['orders', 'get', id], records, [...ORDER_COLUMNS]);

    const fulfilled = await csv(['orders', 'fulfill', id, '--tracking', '1Z1', '--carrier', 'ups']);
    expect(fulfilled.header).toEqual(leavesOf('orders fulfill'));
    noDisplay('orders fulfill', fulfilled);
    const shipped = Object.fromEntries(fulfilled.header.map((h, j) => [h, fulfilled.rows[0]![j]]));
    expect(shipped).toMatchObject({ id, store: '', ok: 'true', 'error.code': '', shipmentId: expect.stringMatching(/^\w+$/) });

    // Shipment items: a list per leaf, the nth of each belonging together (items.itemId "1004; 1005", items.quantity "2; 1").
    const shipments = await readsAlike('orders shipments', ['orders', 'shipments', id]);
    expect(shipments.length).toBeGreaterThan(0);

    const status = await readsAlike('orders status', ['orders', 'status', id, '100']);
    expect(status.map((r) => r[4])).toEqual(status.map(() => expect.stringMatching(/^\d+$/)));

    // One row per normalized status, as the table shows: count sums to the total.
    const count = (await json(['orders', 'count'])) as { count: number; statuses: Json[] };
    const rows = await readsAlike('orders count', ['orders', 'count'], (c) => (c as typeof count).statuses, ['status', 'count', 'native.code', 'native.name', 'native.count']);
    expect(rows.reduce((n, r) => n + Number(r[1]), 0)).toBe(count.count);
  });

  it('orders count over several stores: a row per store and status', async () => {
    const t = await csv(['orders', 'count', '--all-profiles']);
    expect(t.header).toEqual(['store', 'platform', 'status', 'count', 'native.code', 'native.name', 'native.count']);
    const counted = (await json(['orders', 'count', '--all-profiles'])) as { stores: Array<Json & { statuses: Json[] }> };
    holds('orders count', t, counted.stores.flatMap(({ statuses, ...store }) => statuses.map((s) => ({ ...store, ...s }))));
  });

  it('bulk results: the error object as its fields', async () => {
    const t = await csv(['orders', 'status', '100', '999999'], 1);
    expect(t.header).toEqual(leavesOf('orders status'));
    noDisplay('orders status', t);
    const failed = Object.fromEntries(t.header.map((h, j) => [h, t.rows.find((r) => r[0] === '999999')![j]]));
    expect(failed).toMatchObject({ id: '999999', ok: 'false', status: '', 'error.code': 'not_found', 'error.status': '404' });

    const [pending] = records(await json(['orders', 'list', '--status', 'pending', '--limit', '2']));
    const cancelled = await csv(['orders', 'cancel', String(pending!.id), '--yes']);
    expect(cancelled.header).toEqual(leavesOf('orders cancel'));
    noDisplay('orders cancel', cancelled);
    const archived = await csv(['orders', 'archive', String(pending!.id), '--yes']);
    expect(archived.header).toEqual(leavesOf('orders archive'));
    expect(archived.rows[0]![archived.header.indexOf('archived')]).toBe('true');
  });

  it('profiles, the sandbox and export checkpoints', async () => {
    await readsAlike('profile list', ['profile', 'list']);
    // Every setting a column, Outshifter's guesses too (empty where unset), so profiles read alike.
    await readsAlike('profile show', ['profile', 'show', 'bc']);

    // Its platforms are keyed by dialect: a column per leaf of this record's JSON.
    const state = path.join(tmp.dir, 'state.json');
    expect((await run(['sandbox', 'reset', '--state', state])).code).toBe(0);
    const info = (await csv(['sandbox', 'info', '--state', state])).header;
    expect(info).toEqual(expect.arrayContaining(['file', 'exists', 'seed', 'version']));
    await readsAlike('sandbox info', ['sandbox', 'info', '--state', state], records, info);

    expect((await run(['orders', 'export', '--out', path.join(tmp.dir, 'o.csv'), '--checkpoint', 'night'])).code).toBe(0);
    const shown = await csv(['orders', 'export', '--checkpoint', 'night', '--show']);
    expect(shown.header).toEqual(expect.arrayContaining(['store', 'platform', 'resumeFrom', 'highWater', 'exported', 'seenInOverlap']));
    holds('orders export --show', shown, ((await json(['orders', 'export', '--checkpoint', 'night', '--show'])) as { stores: Json[] }).stores);
  });

  it('carts, checkouts, quotes and payments (outshifter)', async () => {
    const cartId = String(records(await json([...SHOP, 'cart', 'create', '--currency', 'NOK']))[0]!.id);
    const added = await csv([...SHOP, 'cart', 'add', cartId, '--item', '4018:40181:1', '--item', '112000:2']);
    expect(added.header).toEqual(leavesOf('cart add'));
    // Two items: each of their leaves a list of two, in the items' order.
    holds('cart add', added, records(await json([...SHOP, 'cart', 'get', cartId])));
    await readsAlike('cart get', [...SHOP, 'cart', 'get', cartId]);
    await readsAlike('shipping quote', [...SHOP, 'shipping', 'quote', '--item', '4018:2', '--country', 'NO', '--currency', 'NOK']);

    const created = await csv([...SHOP, 'checkout', 'create', cartId]);
    expect(created.header).toEqual(leavesOf('checkout create'));
    const checkoutId = created.rows[0]![0]!;
    const updated = await csv([...SHOP, 'checkout', 'update', checkoutId, ...JANE, '--billing-same']);
    holds('checkout update', updated, records(await json([...SHOP, 'checkout', 'get', checkoutId])));
    await readsAlike('checkout get', [...SHOP, 'checkout', 'get', checkoutId]);
    await readsAlike('checkout methods', [...SHOP, 'checkout', 'methods']);
    await readsAlike('checkout payment', [...SHOP, 'checkout', 'payment', checkoutId]);

    const started = await csv([...SHOP, 'checkout', 'pay', checkoutId, '--method', 'Stripe']);
    expect(started.header).toEqual(leavesOf('checkout pay'));
    const paid = await csv(['sandbox', 'pay', started.rows[0]![started.header.indexOf('checkoutUrl')]!]);
    expect(paid.header).toEqual(leavesOf('sandbox pay'));
    noDisplay('sandbox pay', paid);

    const other = String(records(await json([...SHOP, 'cart', 'create', '--currency', 'NOK']))[0]!.id);
    await json([...SHOP, 'cart', 'add', other, '--item', '4018:40181:1']);
    const klarna = await csv([...SHOP, 'checkout', 'klarna', other]);
    expect(klarna.header).toEqual(leavesOf('checkout klarna'));
    noDisplay('checkout klarna', klarna);
  });

  it("--raw without --fields: exit 2 before any request, as the platform's JSON has no known columns", async () => {
    const r = await run(['orders', 'list', '--raw', '-o', 'csv']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: -o csv is not available for orders list --raw: /);
    expect(r.out).toBe('');
    const picked = await csv(['orders', 'get', '100', '--raw', '--fields', 'id,status_id']);
    expect(picked.header).toEqual(['id', 'status_id']);
  });
});
