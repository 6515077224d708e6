// Several stores in one command, through the built binary: three profiles on
// one sandbox (BigCommerce, Squarespace, CS-Cart) and one with a refused key.
// Run `npm run build` first so dist/ is current.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Exchange, type Sandbox } from '../../src/sandbox/server.js';
import { cliWith, orderctl } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

let sandbox: Sandbox;
let cfg: ReturnType<typeof tempConfigDir>;
let env: Record<string, string>;
const exchanges: Exchange[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11, orders: 40, onExchange: (ex) => exchanges.push(ex) });
  cfg = tempConfigDir();
  env = { ORDERCTL_CONFIG_DIR: cfg.dir };
  const profiles: Array<[string, string[], string]> = [
    ['eu', ['--platform', 'bigcommerce', '--base-url', sandbox.baseUrls.bigcommerce!, '--use'], sandbox.token],
    ['us', ['--platform', 'squarespace', '--base-url', sandbox.baseUrls.squarespace!], sandbox.token],
    ['cs', ['--platform', 'cscart', '--base-url', sandbox.baseUrls.cscart!, '--username', 'admin@example.com'], sandbox.token],
    ['locked', ['--platform', 'cscart', '--base-url', sandbox.baseUrls.cscart!, '--username', 'admin@example.com'], 'not-the-key-1234'],
  ];
  for (const [name, args, token] of profiles) {
    const r = await orderctl(['profile', 'add', name, ...args, '--token-stdin'], { env, input: `${token}\n` });
    expect(r.code, r.stderr).toBe(0);
  }
});
afterAll(async () => {
  await sandbox.close();
  cfg.remove();
});

const { run, json, ids } = cliWith(() => env);
const lines = (s: string) => s.split('\n').filter(Boolean);

describe('several stores', { timeout: 60_000 }, () => {
  it('-p a,b, repeated -p and ORDERCTL_PROFILE lists read every store, each order with its store', async () => {
    const eu = await json(['orders', 'list', '-p', 'eu', '--all']);
    const us = await json(['orders', 'list', '-p', 'us', '--all']);
    const both = await json(['orders', 'list', '-p', 'eu,us', '--all']);
    expect(both).toHaveLength(eu.length + us.length);
    expect(both.filter((o: { store: string }) => o.store === 'eu').map((o: { id: string }) => o.id).sort()).toEqual(eu.map((o: { id: string }) => o.id).sort());
    const repeated = await json(['orders', 'list', '-p', 'eu', '-p', 'us', '--all', '--jq', 'length']);
    expect(repeated).toBe(both.length);
    const fromEnv = await orderctl(['orders', 'list', '--all', '--jq', 'length'], { env: { ...env, ORDERCTL_PROFILE: 'eu,us' } });
    expect(Number(fromEnv.stdout)).toBe(both.length);
  });

  it('merges in the requested order across stores (--sort id:desc), not one store after the other', async () => {
    const merged = await json(['orders', 'list', '-p', 'eu,cs', '--all', '--sort', 'id:desc', '--jq', 'map([.store, (.id | tonumber)])']);
    const numbers = merged.map(([, n]: [string, number]) => n);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    const stores = merged.map(([store]: [string]) => store);
    const switches = stores.filter((s: string, i: number) => i > 0 && s !== stores[i - 1]).length;
    expect(switches).toBeGreaterThan(1);
  });

  it('tables gain a STORE column; -o ids prints STORE:ID', async () => {
    const table = await run(['orders', 'list', '-p', 'eu,us', '--limit', '4', '-o', 'table']);
    expect(table.code, table.stderr).toBe(0);
    expect(lines(table.stdout)[0]).toMatch(/^STORE\s+ID\s+STATUS/);
    const listed = await ids(['orders', 'list', '-p', 'eu,us', '--all']);
    expect(listed.every((id) => /^(eu|us):\S+$/.test(id))).toBe(true);
    const single = await ids(['orders', 'list', '-p', 'eu', '--limit', '2']);
    expect(single.every((id) => /^\d+$/.test(id))).toBe(true);
  });

  it("--raw prints each store's platform JSON, and the table marks test orders, as one store's listing does", async () => {
    const raw = (profiles: string) => run(['orders', 'list', '-p', profiles, '--all', '--raw', '-o', 'ndjson']).then((r) => lines(r.stdout).sort());
    const [eu, us, both] = await Promise.all([raw('eu'), raw('us'), raw('eu,us')]);
    expect(both.length).toBeGreaterThan(0);
    expect(both).toEqual([...eu, ...us].sort());
    // Squarespace's testmode orders are marked from their platform JSON (its sandbox seeds some).
    const alone = await run(['orders', 'list', '-p', 'us', '--all', '-o', 'table']);
    const marked = lines(alone.stdout).filter((l) => l.includes(' (test)')).length;
    expect(marked).toBeGreaterThan(0);
    const table = await run(['orders', 'list', '-p', 'eu,us', '--all', '-o', 'table']);
    expect(table.code, table.stderr).toBe(0);
    expect(lines(table.stdout).filter((l) => /^us\s+\S+ \(test\)/.test(l))).toHaveLength(marked);
  });

  it('--all-profiles: one store failing does not stop the others; it is named, and the exit code is 1', async () => {
    const r = await run(['orders', 'list', '--all-profiles', '--all', '-o', 'ndjson', '--jq', '.store']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: locked: cscart answered GET \S+ with 401/m);
    expect(r.err).toMatch(/^error: 1 of 4 stores failed: locked$/m);
    expect(new Set(lines(r.stdout))).toEqual(new Set(['eu', 'us', 'cs']));
  });

  it('the stores are read concurrently, each with its own connection', async () => {
    const before = exchanges.length;
    const r = await run(['orders', 'list', '-p', 'eu,us,cs', '--all', '-o', 'ndjson']);
    expect(r.code, r.stderr).toBe(0);
    const first = exchanges.slice(before, before + 3).map((e) => e.platform).sort();
    expect(first).toEqual(['bigcommerce', 'cscart', 'squarespace']);
  });

  it('orders count: a row per store and the total', async () => {
    const r = await json(['orders', 'count', '-p', 'eu,us,cs']);
    const counts = await Promise.all(['eu', 'us', 'cs'].map((p) => json(['orders', 'count', '-p', p, '--jq', '.count'])));
    expect(r.stores.map((s: { store: string; count: number }) => [s.store, s.count])).toEqual([['eu', counts[0]], ['us', counts[1]], ['cs', counts[2]]]);
    expect(r.count).toBe(counts[0] + counts[1] + counts[2]);
    const table = await run(['orders', 'count', '-p', 'eu,us', '-o', 'table']);
    expect(table.stdout).toMatch(/^STORE\s+PLATFORM\s+COUNT\n/);
    expect(table.stdout).toContain(`total ${counts[0] + counts[1]}\n`);
  });

  it('list -o ids | fulfill --stdin routes each order to its store', async () => {
    const all = await ids(['orders', 'list', '-p', 'eu,us', '--status', 'awaiting_fulfillment', '--all']);
    // BigCommerce's Awaiting Fulfillment (11): its 8 and 9 include orders of several addresses, which need --address.
    const eu11 = new Set((await ids(['orders', 'list', '-p', 'eu', '--status', '11', '--all'])).map((id) => `eu:${id}`));
    const listed = [...all.filter((id) => eu11.has(id)).slice(0, 2), ...all.filter((id) => id.startsWith('us:')).slice(0, 2)];
    expect(listed).toHaveLength(4);
    const before = exchanges.length;
    const r = await run(['orders', 'fulfill', '--stdin', '--tracking', '1Z999', '--carrier', 'ups', '--service', 'ground', '-o', 'json'], `${listed.join('\n')}\n`);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout);
    expect(results.map((x: { id: string }) => x.id).sort()).toEqual([...listed].sort());
    const posts = exchanges.slice(before).filter((e) => e.method === 'POST');
    for (const id of listed) {
      const [store, native] = id.split(':');
      const platform = store === 'eu' ? 'bigcommerce' : 'squarespace';
      expect(posts.some((e) => e.platform === platform && e.path.includes(native!)), id).toBe(true);
    }
  });

  it('NDJSON lines carrying "store" are routed too; an unknown store is refused', async () => {
    const [euId] = await ids(['orders', 'list', '-p', 'eu', '--limit', '1']);
    const r = await run(['orders', 'status', '--stdin', '-o', 'json'], `{"id":"${euId}","store":"eu"}\n`);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([{ id: euId, ok: true }]);
    const bad = await run(['orders', 'status', '--stdin'], '{"id":"1","store":"nowhere"}\n');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/no store named "nowhere"/);
  });

  it('a command that changes orders refuses a bare id when several stores are named', async () => {
    const r = await run(['orders', 'archive', '-p', 'eu,us', '100', '--yes']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/works on one store/);
  });

  it('orders export over several stores: one atomic file, a position per store, nothing twice', async () => {
    const out = path.join(cfg.dir, 'both.ndjson');
    const first = await run(['orders', 'export', '-p', 'eu,us', '--checkpoint', 'both', '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.err).toMatch(/exported [\d,]+ orders from 2 stores/);
    const rows = lines(fs.readFileSync(out, 'utf8')).map((l) => JSON.parse(l));
    const eu = await json(['orders', 'list', '-p', 'eu', '--all', '--jq', 'length']);
    const us = await json(['orders', 'list', '-p', 'us', '--all', '--jq', 'length']);
    expect(rows.filter((o) => o.store === 'eu')).toHaveLength(eu);
    expect(rows.filter((o) => o.store === 'us')).toHaveLength(us);
    const checkpoint = JSON.parse(fs.readFileSync(path.join(cfg.dir, 'checkpoints', 'both.json'), 'utf8'));
    expect(Object.values(checkpoint.stores).map((p) => (p as { profile: string }).profile).sort()).toEqual(['eu', 'us']);
    const again = await run(['orders', 'export', '-p', 'eu,us', '--checkpoint', 'both', '--out', out]);
    expect(again.code, again.stderr).toBe(0);
    expect(lines(fs.readFileSync(out, 'utf8'))).toHaveLength(0);
  });

  it('an export with a failing store writes nothing and keeps the checkpoint', async () => {
    const out = path.join(cfg.dir, 'partial.ndjson');
    const r = await run(['orders', 'export', '-p', 'eu,locked', '--checkpoint', 'partial', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: locked: /m);
    expect(r.err).toMatch(/nothing was written: 1 of 2 stores failed \(locked\)/);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(path.join(cfg.dir, 'checkpoints', 'partial.json'))).toBe(false);
  });
});
