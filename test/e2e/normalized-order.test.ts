// The normalized order as a contract, on every platform's sandbox dialect:
// every JSON object the commands print validates against `orderctl schema`,
// a status filter returns exactly the orders a listing labels with it, counts
// have one row per normalized status, and -o csv prints the export's columns.

import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryConfig, type ConfigStore } from '../../src/core/config.js';
import { STATUSES } from '../../src/core/order.js';
import { schemaFor, SCHEMA_NAMES } from '../../src/core/schema.js';
import { SCHEMA_NAMES as COMMAND_SCHEMA_NAMES } from '../../src/commands/schema/index.js';
import { ORDER_COLUMNS } from '../../src/output/order-columns.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { runCommand } from '../support/context.js';
import { DRILL_PLATFORMS, drillProfile } from '../support/drill-platforms.js';

// date-time is checked by the schema's own pattern (ISO 8601 ending in Z); formats are not asserted.
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
const validators = Object.fromEntries(SCHEMA_NAMES.map((n) => [n, ajv.compile(schemaFor(n)!)]));

function expectValid(name: string, value: unknown, where: string): void {
  const validate = validators[name]!;
  const ok = validate(value);
  expect(ok ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`), `${where}: ${name} schema`).toEqual([]);
}

interface Listed {
  id: string;
  status: string | null;
  store: string;
}

it('the schema command knows every schema, each a draft 2020-12 JSON Schema', async () => {
  expect([...COMMAND_SCHEMA_NAMES].sort()).toEqual([...SCHEMA_NAMES].sort());
  for (const name of SCHEMA_NAMES) {
    const r = await runCommand(['schema', name]);
    expect(r.code, r.err).toBe(0);
    const printed = JSON.parse(r.out);
    expect(printed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(() => new Ajv2020({ strict: false, validateFormats: false }).compile(printed)).not.toThrow();
  }
  const order = JSON.parse((await runCommand(['schema', 'order'])).out);
  // Every vocabulary is an enum; every field is required (null where a platform does not say).
  expect(order.properties.status.anyOf[0].enum).toEqual([...STATUSES]);
  expect(order.required).toEqual(Object.keys(order.properties));
  expect(order.$defs.money.properties.currency.pattern).toBe('^[A-Z]{3}$');
  expect((await runCommand(['schema', 'bogus'])).code).toBe(2);
});

describe.each(DRILL_PLATFORMS.map((p) => [p.platform, p] as const))('%s', (_platform, p) => {
  let sandbox: Sandbox;
  let config: ConfigStore;
  let all: Listed[];
  const run = (argv: string[]) => runCommand(argv, { config });
  const json = async (argv: string[]) => {
    const r = await run([...argv, '-o', 'json']);
    expect(r.code, `${argv.join(' ')}: ${r.err}`).toBe(0);
    return JSON.parse(r.out);
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 15, orders: 60 });
    config = memoryConfig({ currentProfile: 'shop', profiles: { shop: drillProfile(p, sandbox) } });
    all = await json(['orders', 'list', '--all']);
  });
  afterAll(() => sandbox.close());

  it('list, get, export, count and status print JSON that validates, naming the store', async () => {
    expect(all.length).toBeGreaterThan(10);
    all.forEach((o, i) => expectValid('order', o, `orders list [${i}]`));
    expect(new Set(all.map((o) => o.store))).toEqual(new Set(['shop']));
    for (const o of all.slice(0, 5)) {
      expectValid('order', await json(['orders', 'get', o.id]), `orders get ${o.id}`);
      for (const result of await json(['orders', 'status', o.id]).then((r) => (Array.isArray(r) ? r : [r]))) expectValid('result', result, `orders status ${o.id}`);
    }
    const exported = await run(['orders', 'export', '--format', 'ndjson', '--out', '-']);
    expect(exported.code, exported.err).toBe(0);
    exported.out.trim().split('\n').forEach((line, i) => expectValid('order', JSON.parse(line), `export line ${i + 1}`));
    expectValid('count', await json(['orders', 'count']), 'orders count');
  });

  it('an error is one JSON line on stderr that validates, when the output is JSON and stderr no terminal', async () => {
    const r = await run(['orders', 'get', p.missingId, '-o', 'json']);
    expect(r.code).toBe(4);
    const lines = r.err.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expectValid('error', line, 'error line');
    expect(line.error).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('the error lines of a run over many orders validate too, each naming its order', async () => {
    const found = all[0]!.id;
    const change = p.platform === 'outshifter' ? ['cancel', '--all-items', '--yes'] : ['fulfill'];
    for (const argv of [['orders', 'get', found, p.missingId], ['orders', ...change, found, 'x!y', '--dry-run'], ['orders', 'get', '--stdin']]) {
      const r = await runCommand([...argv, '-o', 'json'], { config, io: { stdin: `${found}\ntwo words\n` } });
      expect(r.code, `${argv.join(' ')}: ${r.err}`).not.toBe(0);
      const lines = r.err.split('\n').filter((l) => l.startsWith('{'));
      expect(lines.length, argv.join(' ')).toBeGreaterThan(0);
      lines.forEach((l, i) => expectValid('error', JSON.parse(l), `${argv.join(' ')}: error line ${i + 1}`));
    }
  });

  it('a status filter returns exactly the orders the listing labels with it, for every status', async () => {
    for (const status of STATUSES) {
      const r = await run(['orders', 'list', '--all', '--status', status, '-o', 'ids']);
      expect(r.code, `${status}: ${r.err}`).toBe(0);
      const got = r.out.split('\n').filter(Boolean);
      const labelled = all.filter((o) => o.status === status).map((o) => o.id);
      expect(got, `--status ${status}`).toEqual(labelled);
    }
  });

  it('counts have one row per normalized status, agreeing with the listing', async () => {
    const c = await json(['orders', 'count']);
    expect(c.count).toBe(all.length);
    const statuses = c.statuses.map((s: { status: string | null }) => s.status);
    expect(new Set(statuses).size).toBe(statuses.length);
    for (const row of c.statuses as Array<{ status: string | null; count: number }>) {
      expect(row.count, `count of ${row.status}`).toBe(all.filter((o) => o.status === row.status).length);
    }
  });

  it('-o csv prints the export columns: raw amounts and a currency column', async () => {
    const r = await run(['orders', 'list', '--limit', '3', '-o', 'csv']);
    expect(r.code, r.err).toBe(0);
    const [header, first] = r.out.split('\n');
    expect(header).toBe(ORDER_COLUMNS.join(','));
    expect(first).not.toMatch(/\d \w{3}(,|$)/); // never "427.07 CAD"
  });
});

describe('outshifter buying flow', () => {
  let sandbox: Sandbox;
  let config: ConfigStore;
  const p = DRILL_PLATFORMS.find((x) => x.platform === 'outshifter')!;
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 15, orders: 20 });
    config = memoryConfig({ currentProfile: 'shop', profiles: { shop: drillProfile(p, sandbox) } });
  });
  afterAll(() => sandbox.close());

  it('carts, checkouts, quotes, payments and payment methods validate', async () => {
    const json = async (argv: string[]) => {
      const r = await runCommand([...argv, '-o', 'json'], { config });
      expect(r.code, `${argv.join(' ')}: ${r.err}`).toBe(0);
      return JSON.parse(r.out);
    };
    const cart = await json(['cart', 'create', '--currency', 'NOK']);
    expectValid('cart', cart, 'cart create');
    expectValid('cart', await json(['cart', 'add', cart.id, '--item', '4018:40181:1', '--item', '112000:2']), 'cart add');
    expectValid('cart', await json(['cart', 'get', cart.id]), 'cart get');
    const checkout = await json(['checkout', 'create', cart.id]);
    expectValid('checkout', checkout, 'checkout create');
    expectValid('checkout', await json(['checkout', 'get', checkout.id]), 'checkout get');
    expectValid('quote', await json(['shipping', 'quote', '--item', '4018:2', '--country', 'NO', '--currency', 'NOK']), 'shipping quote');
    for (const m of await json(['checkout', 'methods'])) expectValid('payment', m, 'checkout methods');
    const payFlags = ['--method', 'Vipps', '--email', 'j@example.com', '--first-name', 'J', '--last-name', 'D', '--address1', 'Gate 1', '--city', 'Oslo', '--zip', '0150', '--country-code', 'NO', '--billing-same'];
    expectValid('payment', await json(['checkout', 'pay', checkout.id, ...payFlags]), 'checkout pay');
    expectValid('payment', await json(['checkout', 'payment', checkout.id]), 'checkout payment');
    const klarnaCart = await json(['cart', 'create', '--currency', 'NOK']);
    await json(['cart', 'add', klarnaCart.id, '--item', '4018:40181:1']);
    expectValid('payment', await json(['checkout', 'klarna', klarnaCart.id]), 'checkout klarna');
  });
});
