// The built binary with a --platform cscart profile, against the sandbox's
// CS-Cart dialect: every command and parameter of issue 3, end to end.
// Run `npm run build` first so dist/ is current.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CsSection } from '../../src/sandbox/dialects/cscart/index.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { cliWith, orderctl, serveSandbox } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

const USER = 'admin@example.com';
let sandbox: Sandbox;
let cfg: ReturnType<typeof tempConfigDir>;
let env: Record<string, string>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3, orders: 30 });
  cfg = tempConfigDir();
  env = { ORDERCTL_CONFIG_DIR: cfg.dir };
  const add = await orderctl(['profile', 'add', 'shop', '--platform', 'cscart', '--base-url', sandbox.baseUrls.cscart!, '--username', USER, '--currency', 'EUR', '--token-stdin', '--use'], { env, input: `${sandbox.token}\n` });
  expect(add.err).toContain('added profile shop');
  expect(add.code).toBe(0);
});
afterAll(async () => {
  await sandbox.close();
  cfg.remove();
});

const { run, json, ids } = cliWith(() => env);
const section = () => sandbox.store.section<CsSection>('cscart');
const stored = (id: string) => section().orders.find((o) => o.order_id === id)!;

describe('orderctl profile add --platform cscart', () => {
  it('needs --base-url and --username: CS-Cart has no default host', async () => {
    const none = await run(['profile', 'add', 'x', '--platform', 'cscart'], 'key\n');
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^error: a CS-Cart profile needs --base-url and --username/);
    expect(none.err).toContain('hint: orderctl profile add NAME --platform cscart --base-url https://SHOP/api --username ADMIN_EMAIL');
    const noUser = await run(['profile', 'add', 'x', '--platform', 'cscart', '--base-url', 'https://shop.example/api', '--token-stdin'], 'key\n');
    expect(noUser.code).toBe(2);
    expect(noUser.err).toMatch(/needs --username/);
  });

  it('profile test reaches the shop with the stored credentials', async () => {
    const r = await run(['profile', 'test']);
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('orderctl orders list (cscart)', () => {
  it('prints normalized JSON: every order in full (items, addresses, currency), totals as decimal strings', async () => {
    const orders = await json(['orders', 'list']);
    expect(orders).toHaveLength(30); // 30 seeded; the incomplete one too (include_incompleted), so --status incomplete matches the listing
    expect(orders[0]).toMatchObject({ platform: 'cscart', currency: 'EUR', totals: { total: { amount: expect.stringMatching(/^\d+\.\d\d$/), currency: 'EUR' } } });
    expect(orders[0].items.length).toBeGreaterThan(0);
    expect(orders[0].shippingAddress.city).toBeTruthy();
  });

  it('shows status names in tables, not only letters', async () => {
    const r = await run(['orders', 'list', '--status', 'P', '-o', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/STATUS/);
    expect(r.stdout).toMatch(/awaiting_fulfillment/);
  });

  it('--raw prints CS-Cart’s own rows', async () => {
    const raw = await json(['orders', 'list', '--raw', '--limit', '2']);
    expect(raw).toHaveLength(2);
    expect(raw[0]).toHaveProperty('order_id');
    expect(raw[0].status).toMatch(/^[A-Z]$/);
  });

  it('--page and --page-size pick one page; --all reads every page', async () => {
    const all = await ids(['orders', 'list', '--all', '--page-size', '7']);
    expect(all).toHaveLength(30);
    expect(await ids(['orders', 'list', '--page', '2', '--page-size', '5'])).toEqual(all.slice(5, 10));
  });

  it('--sort FIELD:DIR sorts by CS-Cart’s fields and refuses others', async () => {
    const byId = (await ids(['orders', 'list', '--all', '--sort', 'order_id:asc'])).map(Number);
    expect(byId).toEqual([...byId].sort((a, b) => a - b));
    const totals = (await json(['orders', 'list', '--all', '--sort', 'total:desc'])).map((o: { totals: { total: { amount: string } } }) => Number(o.totals.total.amount));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const bad = await run(['orders', 'list', '--sort', 'date_modified']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/cannot sort cscart orders by updated: its API sorts by created, id, number, total/);
  });

  it('--status takes letters and normalized names, several at once', async () => {
    const mixed = await json(['orders', 'list', '--all', '--status', 'P', '--status', 'completed']);
    expect(mixed.length).toBeGreaterThan(0);
    expect(new Set(mixed.map((o: { nativeStatus: string }) => o.nativeStatus))).toEqual(new Set(['P', 'C']));
    const incomplete = await json(['orders', 'list', '--status', 'N']);
    expect(incomplete.map((o: { status: string }) => o.status)).toEqual(['incomplete']);
    const bad = await run(['orders', 'list', '--status', 'shipped']);
    expect(bad.code).toBe(2);
  });

  it('--customer, --email and --invoice filter', async () => {
    const raw = await json(['orders', 'list', '--all', '--raw']);
    const someone = raw.find((o: { user_id: string }) => o.user_id !== '0');
    const byCustomer = await json(['orders', 'list', '--all', '--customer', someone.user_id]);
    expect(byCustomer.every((o: { customer: { id: string } }) => o.customer.id === someone.user_id)).toBe(true);
    expect(await ids(['orders', 'list', '--all', '--email', someone.email])).toContain(someone.order_id);
    const invoiced = raw.find((o: { invoice_id: string }) => o.invoice_id);
    expect(await ids(['orders', 'list', '--invoice', invoiced.invoice_id])).toEqual([invoiced.order_id]);
  });

  it('--since and --until filter on the last change, which the shop knows and its rows do not carry', async () => {
    const times = section().orders.map((o) => o.updated_at).sort((a, b) => a - b);
    const [from, to] = [times[4]!, times[20]!];
    const iso = (s: number) => new Date(s * 1000).toISOString();
    const got = await ids(['orders', 'list', '--all', '--since', iso(from), '--until', iso(to)]);
    const inside = section().orders.filter((o) => o.updated_at >= from && o.updated_at <= to).map((o) => o.order_id);
    expect(got.sort()).toEqual(inside.sort());
    expect((await json(['orders', 'list', '--limit', '1']))[0].updatedAt).toBeNull();
  });

  it('refuses what CS-Cart cannot filter by, with exit 2', async () => {
    for (const args of [['--created-since', '7d'], ['--cursor', 'x'], ['--page-size', '500']]) {
      const r = await run(['orders', 'list', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^error: /);
    }
  });

  it('orders count counts from the shop, by status name', async () => {
    const counted = await json(['orders', 'count']);
    expect(counted.count).toBe(30);
    expect(counted.statuses.find((s: { status: string }) => s.status === 'completed')).toMatchObject({ native: [{ code: 'C', name: 'Complete' }] });
    const table = await run(['orders', 'count', '-o', 'table']);
    expect(table.stdout).toMatch(/P Processed/);
    expect(table.err).not.toMatch(/counting by listing/);
  });
});

describe('orderctl orders get (cscart)', () => {
  it('prints the full order with items and addresses', async () => {
    const o = await json(['orders', 'get', '95']);
    expect(o).toMatchObject({ id: '95', platform: 'cscart', currency: 'EUR' });
    expect(o.items.length).toBeGreaterThan(0);
    expect(o.billingAddress.country).toMatch(/^[A-Z]{2}$/);
  });

  it('exits 4 with a clear message for an unknown order', async () => {
    const r = await run(['orders', 'get', '9999']);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/^error: order 9999 not found on cscart\nhint: /);
  });

  it('never prints the API key or the Basic credentials in a debug trace', async () => {
    const r = await run(['--debug', 'orders', 'get', '95']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('authorization: [redacted]');
    expect(r.err).not.toContain(Buffer.from(`${USER}:${sandbox.token}`).toString('base64'));
    expect(r.err).not.toContain(sandbox.token);
  });
});

describe('orderctl orders status / cancel / fulfill (cscart)', () => {
  const notified = (id: string) => section().notifications.filter((n) => n.order_id === id).map((n) => n.status);

  it('status without --set shows the current status', async () => {
    const [r] = await json(['orders', 'status', '96']);
    expect(r).toMatchObject({ id: '96', ok: true, nativeStatus: stored('96').status });
  });

  it('status --set changes it without e-mail by default; --notify e-mails the customer', async () => {
    const [quiet] = await json(['orders', 'status', '96', '--set', 'B', '--yes']);
    expect(quiet).toMatchObject({ ok: true, status: 'on_hold', nativeStatus: 'B' });
    expect(stored('96').status).toBe('B');
    expect(notified('96')).toEqual([]);
    await json(['orders', 'status', '96', '--set', 'processed', '--notify', '--yes']);
    expect(stored('96').status).toBe('P');
    expect(notified('96')).toEqual(['P']);
  });

  it('status --stdin takes ids from a pipe', async () => {
    const results = await json(['orders', 'status', '--stdin', '--set', 'awaiting_payment', '--yes'], '97\n98\n');
    expect(results.map((r: { id: string; nativeStatus: string }) => [r.id, r.nativeStatus])).toEqual([['97', 'E'], ['98', 'E']]);
    expect([stored('97').status, stored('98').status]).toEqual(['E', 'E']);
  });

  it('status --set N is refused: the shop alone sets Incomplete', async () => {
    const r = await run(['orders', 'status', '96', '--set', 'N', '--yes']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Incomplete \(N\)/);
  });

  it('cancel sets I; --by-merchant sets D', async () => {
    await json(['orders', 'cancel', '99', '--yes']);
    await json(['orders', 'cancel', '100', '--by-merchant', '--yes']);
    expect([stored('99').status, stored('100').status]).toEqual(['I', 'D']);
  });

  it('fulfill sets C (Complete); tracking details are refused', async () => {
    const [r] = await json(['orders', 'fulfill', '101', '--yes']);
    expect(r).toMatchObject({ id: '101', ok: true });
    expect(stored('101').status).toBe('C');
    const bad = await run(['orders', 'fulfill', '102', '--tracking', '1Z999', '--yes']);
    expect(bad.code).toBe(2);
    expect(stored('102').status).not.toBe('C');
  });

  it('exits 4 when the order does not exist', async () => {
    const r = await run(['orders', 'status', '9999', '--set', 'C', '--yes']);
    expect(r.code).toBe(4);
  });
});

describe('orderctl orders update --vendor-ref / list --vendor-ref (cscart)', () => {
  it('sets the vendor reference and finds the order by it', async () => {
    const o = await json(['orders', 'update', '103', '--vendor-ref', 'ABC1234']);
    expect(o).toMatchObject({ id: '103', externalRef: 'ABC1234' });
    expect(await ids(['orders', 'list', '--vendor-ref', 'ABC1234'])).toEqual(['103']);
  });

  it('finds several orders that share a reference, with their items', async () => {
    const found = await json(['orders', 'list', '--vendor-ref', 'VR-1001']);
    expect(found.map((o: { id: string }) => o.id).sort()).toEqual(['91', '92']);
    expect(found.every((o: { items: unknown[] }) => o.items.length > 0)).toBe(true);
  });

  it('no match (the API’s 404) prints an empty list and exits 0', async () => {
    const r = await run(['orders', 'list', '--vendor-ref', 'nothing-like-it']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.err).toBe('');
  });

  it('refuses anything but a single string before the request', async () => {
    const changes = sandbox.store.changeCount('cscart', '104');
    for (const ref of ['', '["A","B"]']) {
      const r = await run(['orders', 'update', '104', '--vendor-ref', ref]);
      expect(r.code, ref).toBe(2);
    }
    expect(sandbox.store.changeCount('cscart', '104')).toBe(changes);
  });

  it('is not available on other platforms', async () => {
    const bc = await run(['--sandbox', 'orders', 'update', '101', '--vendor-ref', 'X']);
    expect(bc.code).toBe(2);
    expect(bc.err).toMatch(/not available on bigcommerce; it is on: cscart/);
  });
});

describe('orderctl sandbox serve with a cscart profile', () => {
  it('works end to end against the served /cscart/api', async () => {
    const served = tempConfigDir();
    const s = serveSandbox(['--port', '0', '--memory', '--seed', '5', '--orders', '12'], served.dir);
    try {
      const url = (await s.ready).baseUrls.cscart!;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cscart\/api$/);
      const e = { ORDERCTL_CONFIG_DIR: served.dir };
      const add = await orderctl(['profile', 'add', 'served', '--platform', 'cscart', '--base-url', url, '--username', USER, '--currency', 'EUR', '--token-stdin', '--use'], { env: e, input: 'sandbox-token\n' });
      expect(add.code, add.stderr).toBe(0);
      const list = await orderctl(['orders', 'list', '-o', 'ids'], { env: e });
      expect(list.code, list.stderr).toBe(0);
      expect(list.stdout.split('\n').filter(Boolean)).toHaveLength(12); // 12 seeded, the incomplete one included
      const set = await orderctl(['orders', 'status', '90', '--set', 'C', '--notify', '--yes'], { env: e });
      expect(set.code, set.stderr).toBe(0);
      const got = await orderctl(['orders', 'get', '90'], { env: e });
      expect(JSON.parse(got.stdout)).toMatchObject({ status: 'completed', nativeStatus: 'C' });
    } finally {
      await s.stop();
      served.remove();
    }
  });
});
