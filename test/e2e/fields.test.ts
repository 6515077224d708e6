// --fields means one thing on every command: a path the command's records do
// not have is a usage error listing the valid ones, and a command with no
// records to pick from refuses the flag; both before any request is sent.
// Where selection applies, every key a command prints can be picked.

import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { commandPath, FIELD_RULES } from '../../src/commands/field-rules.js';
import { memoryConfig, type ConfigStore } from '../../src/core/config.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { runCommand } from '../support/context.js';
import { DRILL_PLATFORMS, drillProfile } from '../support/drill-platforms.js';

const JANE = ['--email', 'jane@example.com', '--first-name', 'Jane', '--last-name', 'Doe', '--address1', 'Møllergata 6', '--city', 'Oslo', '--zip', '0179', '--country-code', 'NO'];
const SHOP = ['-p', 'shop'];
const UNKNOWN = /^error: unknown field "nope"; valid fields: /;
const ORDER = /^error: unknown field "nope"; did you mean "notes"\? valid fields: id, number, store, /;
const refused = (command: string) => new RegExp(`^error: --fields does not apply to ${command}: `);

/** Every command, a command line it accepts, and what `--fields nope` gets. */
const BAD: Array<[command: string, argv: string[], err: RegExp | 'picked']> = [
  ['profile add', ['profile', 'add', 'x', '--platform', 'bigcommerce'], refused('profile add')],
  ['profile list', ['profile', 'list'], /^error: unknown field "nope"; did you mean "name"\? valid fields: name, current, platform, baseUrl, storeHash, token\n/],
  ['profile show', ['profile', 'show'], /^error: unknown field "nope"; did you mean "name"\? valid fields: name, current, /],
  ['profile use', ['profile', 'use', 'bc'], refused('profile use')],
  ['profile remove', ['profile', 'remove', 'bc'], refused('profile remove')],
  ['profile test', ['profile', 'test'], refused('profile test')],
  ['orders list', ['orders', 'list'], ORDER],
  ['orders get', ['orders', 'get', '100'], ORDER],
  ['orders shipments', ['orders', 'shipments', '100'], /^error: unknown field "nope"; valid fields: id, carrier, service, tracking, trackingUrl, shippedAt, items \(/],
  ['orders count', ['orders', 'count'], /^error: --fields does not apply to orders count: it prints counts, not records\nhint: use --jq to pick from its JSON\n$/],
  ['orders create', ['orders', 'create', '--file', 'order.json'], ORDER],
  ['orders update', ['orders', 'update', '100', '--vendor-ref', 'x'], ORDER],
  ['orders status', ['orders', 'status', '100'], /^error: unknown field "nope"; valid fields: id, store, ok, status, nativeStatus, error \(/],
  ['orders fulfill', ['orders', 'fulfill', '100'], /valid fields: id, store, ok, status, nativeStatus, error, shipmentId \(/],
  ['orders cancel', ['orders', 'cancel', '100', '--yes'], /valid fields: id, store, ok, status, nativeStatus, error, order, item, orderStatus \(/],
  ['orders export', ['orders', 'export', '--out', '-', '--format', 'csv'], ORDER],
  ['orders archive', ['orders', 'archive', '100', '--yes'], /valid fields: id, store, ok, status, nativeStatus, error, archived \(/],
  ['cart create', [...SHOP, 'cart', 'create'], /^error: unknown field "nope"; valid fields: id, platform, sessionId, /],
  ['cart get', [...SHOP, 'cart', 'get', 'c1'], UNKNOWN],
  ['cart add', [...SHOP, 'cart', 'add', 'c1', '--item', '4018:1'], UNKNOWN],
  ['cart update', [...SHOP, 'cart', 'update', 'c1', 'i1', '--qty', '2'], UNKNOWN],
  ['cart remove', [...SHOP, 'cart', 'remove', 'c1', 'i1'], UNKNOWN],
  ['cart delete', [...SHOP, 'cart', 'delete', 'c1'], refused('cart delete')],
  ['checkout create', [...SHOP, 'checkout', 'create', 'c1'], /^error: unknown field "nope"; valid fields: id, platform, status, cartId, /],
  ['checkout get', [...SHOP, 'checkout', 'get', 'k1'], UNKNOWN],
  ['checkout update', [...SHOP, 'checkout', 'update', 'k1', ...JANE], UNKNOWN],
  ['checkout methods', [...SHOP, 'checkout', 'methods'], /^error: unknown field "nope"; did you mean "name"\? valid fields: name\n/],
  ['checkout pay', [...SHOP, 'checkout', 'pay', 'k1', '--method', 'Stripe'], /valid fields: checkoutId, checkoutUrl, orderId, status\n/],
  ['checkout payment', [...SHOP, 'checkout', 'payment', 'k1'], /valid fields: checkoutId, status, paymentMethod, /],
  ['checkout delete', [...SHOP, 'checkout', 'delete', 'k1'], refused('checkout delete')],
  ['checkout klarna', [...SHOP, 'checkout', 'klarna', 'c1'], /valid fields: cartId, orderId, klarnaOrderId, status, htmlSnippet\n/],
  ['shipping quote', [...SHOP, 'shipping', 'quote', '--item', '4018', '--country', 'NO', '--currency', 'NOK'], /valid fields: serviceName, description, serviceCode, total \(/],
  ['sandbox serve', ['sandbox', 'serve', '--memory'], refused('sandbox serve')],
  ['sandbox reset', ['sandbox', 'reset'], refused('sandbox reset')],
  ['sandbox pay', ['sandbox', 'pay', 'k1'], /valid fields: checkoutId, status, orderId, orderStatus\n/],
  ['sandbox info', ['sandbox', 'info'], /valid fields: file, exists, seed, version, platforms\n/],
  ['api', ['api', '/orders/100'], 'picked'],
  ['schema', ['schema', 'order'], /^error: --fields does not apply to schema: it prints JSON Schemas, not records\nhint: use --jq/],
  ['completion', ['completion', 'bash'], refused('completion')],
];

const bigcommerce = DRILL_PLATFORMS.find((p) => p.platform === 'bigcommerce')!;
const outshifter = DRILL_PLATFORMS.find((p) => p.platform === 'outshifter')!;
let sandbox: Sandbox;
let config: ConfigStore;
let requests = 0;
const run = (argv: string[]) => runCommand(argv, { config });

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 31, orders: 30, onExchange: () => requests++ });
  config = memoryConfig({ currentProfile: 'bc', profiles: { bc: drillProfile(bigcommerce, sandbox), shop: drillProfile(outshifter, sandbox) } });
});
afterAll(() => sandbox.close());

describe('--fields with a field the command does not print', () => {
  it('names every command of the tree', () => {
    const leaves: string[] = [];
    const walk = (cmd: Command) => (cmd.commands.length ? cmd.commands.forEach(walk) : leaves.push(commandPath(cmd)));
    walk(buildProgram(() => ({}) as never));
    expect(BAD.map(([command]) => command).sort()).toEqual([...leaves].sort());
    expect(Object.keys(FIELD_RULES).sort()).toEqual([...leaves].sort());
  });

  it.each(BAD)('%s: exit 2 naming the valid fields or refusing the flag, before any request', async (_command, argv, err) => {
    const before = requests;
    const r = await run([...argv, '--fields', 'nope']);
    if (err === 'picked') {
      // `api` prints the platform's JSON, whatever it is: any path may be picked.
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out)).toEqual({ nope: null });
      return;
    }
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(err);
    expect(r.err.split('\n').filter(Boolean).length, r.err).toBeLessThanOrEqual(2);
    expect(r.out).toBe('');
    expect(requests - before, 'requests sent').toBe(0);
  });

  it('as one JSON error line when the output is JSON', async () => {
    const r = await run(['orders', 'count', '--fields', 'count', '-o', 'json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.err)).toEqual({
      error: { code: 'usage_error', message: '--fields does not apply to orders count: it prints counts, not records', hint: 'use --jq to pick from its JSON', status: null, store: null },
    });
  });

  it('--raw prints the platform’s JSON: its paths are not checked, other commands’ still are', async () => {
    const r = await run(['orders', 'get', '100', '--raw', '--fields', 'status_id']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ status_id: expect.any(Number) });
    expect((await run(['profile', 'list', '--raw', '--fields', 'nope'])).code).toBe(2);
  });
});

describe('--fields with fields the command prints', () => {
  type Json = Record<string, unknown>;
  const topLevel = (command: string) => {
    const rule = FIELD_RULES[command]!;
    if (!('fields' in rule)) throw new Error(`${command} takes no fields`);
    return new Set(rule.fields.map((f) => f.split('.')[0]!));
  };
  const json = async (argv: string[]): Promise<Json | Json[]> => {
    const r = await run([...argv, '-o', 'json']);
    expect(r.code, `${argv.join(' ')}: ${r.err}`).toBe(0);
    return JSON.parse(r.out);
  };
  const records = (v: Json | Json[]) => (Array.isArray(v) ? v : [v]);
  /** Every key the command prints is one --fields takes; read-only commands pick them all back. */
  const picksWhatItPrints = async (command: string, argv: string[], rerun = true): Promise<Json[]> => {
    const printed = records(await json(argv));
    expect(printed.length, command).toBeGreaterThan(0);
    const keys = [...new Set(printed.flatMap((r) => Object.keys(r)))];
    expect(keys.filter((k) => !topLevel(command).has(k)), `${command}: printed but not selectable`).toEqual([]);
    if (rerun) expect(records(await json([...argv, '--fields', keys.join(',')]))).toEqual(printed);
    return printed;
  };

  it('profiles, the sandbox, orders and their results', async () => {
    await picksWhatItPrints('profile list', ['profile', 'list']);
    await picksWhatItPrints('profile show', ['profile', 'show', 'shop']);
    await picksWhatItPrints('sandbox info', ['sandbox', 'info', '--state', '/nonexistent/orderctl-state.json']);
    const [order] = records(await json(['orders', 'list', '--status', 'awaiting_fulfillment', '--limit', '2']));
    const id = String(order!.id);
    await picksWhatItPrints('orders get', ['orders', 'get', id]);
    await picksWhatItPrints('orders status', ['orders', 'status', id]);
    const [shipped] = records(await json(['orders', 'fulfill', id, '--tracking', '1Z1', '--carrier', 'ups', '--fields', 'id,shipmentId,error.code']));
    expect(shipped).toEqual({ id, shipmentId: expect.any(String), error: null });
    await picksWhatItPrints('orders shipments', ['orders', 'shipments', id]);
    const [other] = records(await json(['orders', 'list', '--status', 'pending', '--limit', '2', '--fields', 'id']));
    await picksWhatItPrints('orders cancel', ['orders', 'cancel', String(other!.id), '--yes'], false);
    expect(records(await json(['orders', 'archive', String(other!.id), '--yes', '--fields', 'archived,ok']))).toEqual([{ archived: true, ok: true }]);
  });

  it('carts, checkouts, quotes and payments (outshifter)', async () => {
    const cart = records(await json([...SHOP, 'cart', 'create', '--currency', 'NOK', '--fields', 'id']))[0]!;
    const cartId = String(cart.id);
    await picksWhatItPrints('cart add', [...SHOP, 'cart', 'add', cartId, '--item', '4018:40181:1', '--item', '112000:2'], false);
    await picksWhatItPrints('cart get', [...SHOP, 'cart', 'get', cartId]);
    await picksWhatItPrints('shipping quote', [...SHOP, 'shipping', 'quote', '--item', '4018:2', '--country', 'NO', '--currency', 'NOK']);
    const [checkout] = await picksWhatItPrints('checkout create', [...SHOP, 'checkout', 'create', cartId], false);
    const checkoutId = String(checkout!.id);
    await picksWhatItPrints('checkout update', [...SHOP, 'checkout', 'update', checkoutId, ...JANE, '--billing-same'], false);
    await picksWhatItPrints('checkout get', [...SHOP, 'checkout', 'get', checkoutId]);
    await picksWhatItPrints('checkout methods', [...SHOP, 'checkout', 'methods']);
    await picksWhatItPrints('checkout payment', [...SHOP, 'checkout', 'payment', checkoutId]);
    const [started] = await picksWhatItPrints('checkout pay', [...SHOP, 'checkout', 'pay', checkoutId, '--method', 'Stripe'], false);
    await picksWhatItPrints('sandbox pay', ['sandbox', 'pay', String(started!.checkoutUrl)], false);
    const other = String(records(await json([...SHOP, 'cart', 'create', '--currency', 'NOK', '--fields', 'id']))[0]!.id);
    await json([...SHOP, 'cart', 'add', other, '--item', '4018:40181:1']);
    await picksWhatItPrints('checkout klarna', [...SHOP, 'checkout', 'klarna', other], false);
  });
});
