// Several stores in one command, through the built binary: three profiles on
// one sandbox (BigCommerce, Squarespace, CS-Cart) and one with a refused key.
// Run `npm run build` first so dist/ is current.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Exchange, type Sandbox } from '../../src/sandbox/server.js';
import { addProfiles, cliWith, orderctl } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

let sandbox: Sandbox;
let cfg: ReturnType<typeof tempConfigDir>;
let env: Record<string, string>;
const exchanges: Exchange[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11, orders: 40, onExchange: (ex) => exchanges.push(ex) });
  cfg = tempConfigDir();
  env = { ORDERCTL_CONFIG_DIR: cfg.dir };
  await addProfiles(env, sandbox.token, [
    ['eu', ['--platform', 'bigcommerce', '--base-url', sandbox.baseUrls.bigcommerce!, '--use']],
    ['us', ['--platform', 'squarespace', '--base-url', sandbox.baseUrls.squarespace!]],
    ['cs', ['--platform', 'cscart', '--base-url', sandbox.baseUrls.cscart!, '--username', 'admin@example.com']],
    ['locked', ['--platform', 'cscart', '--base-url', sandbox.baseUrls.cscart!, '--username', 'admin@example.com'], 'not-the-key-1234'],
  ]);
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

  it("orders export over several stores writes them merged as orders list -p lists them, newest created first", async () => {
    const out = path.join(cfg.dir, 'merged.ndjson');
    const r = await run(['orders', 'export', '-p', 'eu,us,cs', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const written = lines(fs.readFileSync(out, 'utf8')).map((l) => JSON.parse(l) as { store: string; id: string; createdAt: string });
    expect(written.map((o) => `${o.store}:${o.id}`)).toEqual(await ids(['orders', 'list', '-p', 'eu,us,cs', '--all']));
    const created = written.map((o) => Date.parse(o.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    // The stores' creation times interleave: merged, not one store after the other.
    const switches = written.filter((o, i) => i > 0 && o.store !== written[i - 1]!.store).length;
    expect(switches).toBeGreaterThan(10);
    // Same orders, same file.
    const again = await run(['orders', 'export', '-p', 'eu,us,cs', '--format', 'ndjson', '--out', `${out}.again`]);
    expect(again.code, again.stderr).toBe(0);
    expect(fs.readFileSync(`${out}.again`, 'utf8')).toBe(fs.readFileSync(out, 'utf8'));
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

  it('an export to standard output with a failing store says the others were printed, not that nothing was', async () => {
    const r = await run(['orders', 'export', '-p', 'eu,locked', '--checkpoint', 'piped', '--out', '-', '--format', 'ndjson']);
    expect(r.code).toBe(1);
    const printed = lines(r.stdout).map((l) => JSON.parse(l));
    expect(printed.length).toBeGreaterThan(0);
    expect(printed.every((o) => o.store === 'eu')).toBe(true);
    expect(r.err).toMatch(/^error: locked: /m);
    expect(r.err).toMatch(/^error: the export is incomplete: 1 of 2 stores failed \(locked\); the other stores' orders were printed$/m);
    expect(r.err).not.toMatch(/nothing was written/);
    expect(fs.existsSync(path.join(cfg.dir, 'checkpoints', 'piped.json'))).toBe(false);
  });
});

// BigCommerce (eu) has ids 100–139, CS-Cart (cs) 90–129: 95 is only in cs, 135 only in eu, 100 in both.
describe('orders get over several stores', { timeout: 60_000 }, () => {
  const since = () => exchanges.length;
  const reads = (from: number) => exchanges.slice(from).filter((e) => e.method === 'GET');

  it('an id without a store is asked of every store named: printed with the store that has it, or with each', async () => {
    const before = since();
    const one = await json(['orders', 'get', '-p', 'eu,cs', '95', '-o', 'json']);
    expect(one.map((o: { store: string; id: string }) => [o.store, o.id])).toEqual([['cs', '95']]);
    expect(new Set(reads(before).map((e) => e.platform))).toEqual(new Set(['bigcommerce', 'cscart']));
    const both = await json(['orders', 'get', '-p', 'eu,cs', '100', '-o', 'json']);
    expect(both.map((o: { store: string; id: string }) => [o.store, o.id])).toEqual([['eu', '100'], ['cs', '100']]);
    const fromEnv = await orderctl(['orders', 'get', '135', '--jq', '.[] | .store'], { env: { ...env, ORDERCTL_PROFILE: 'eu,cs' } });
    expect(fromEnv.stdout).toBe('eu\n');
    // Every profile: us (Squarespace) cannot have a numeric id, locked refuses the key (exit 1, named).
    const all = await run(['orders', 'get', '--all-profiles', '135', '--jq', '.[] | .store']);
    expect(all.code).toBe(1);
    expect(all.stdout).toBe('eu\n');
    expect(all.err).toMatch(/^error: locked: /m);
    expect(all.err).not.toMatch(/\bus: /);
  });

  it('found in no store: exit 4, naming the stores tried', async () => {
    const r = await run(['orders', 'get', '-p', 'eu,cs', '999', '-o', 'json']);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/^error: order 999 not found in eu, cs$/m);
  });

  it('STORE:ID goes to that store only', async () => {
    const before = since();
    // One store involved, so one order: an object, as for one store.
    const r = await json(['orders', 'get', '-p', 'eu,cs', 'cs:100', '-o', 'json']);
    expect([r.store, r.id]).toEqual(['cs', '100']);
    expect(reads(before).map((e) => e.platform)).toEqual(['cscart']);
  });

  it('--stdin NDJSON lines carrying "store" go to their store', async () => {
    const listed = (await run(['orders', 'list', '-p', 'eu,cs', '--sort', 'id:asc', '--limit', '4', '-o', 'ndjson'])).stdout;
    const stores = lines(listed).map((l) => JSON.parse(l) as { store: string; id: string });
    expect(new Set(stores.map((s) => s.store))).toEqual(new Set(['cs']));
    const mixed = [...stores.slice(0, 2), { store: 'eu', id: '135' }].map((s) => JSON.stringify(s)).join('\n');
    const before = since();
    const r = await run(['orders', 'get', '-p', 'eu,cs', '--stdin', '-o', 'ndjson', '--jq', '"\\(.store):\\(.id)"'], `${mixed}\n`);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)).toEqual(['cs:90', 'cs:91', 'eu:135']);
    const orderReads = reads(before).filter((e) => /\/orders\/\d+$/.test(e.path));
    expect(orderReads.map((e) => `${e.platform} ${e.path.split('/').at(-1)}`).sort()).toEqual(['bigcommerce 135', 'cscart 90', 'cscart 91']);
  });

  it('a store failing is named, the others still print, and the exit code is 1', async () => {
    const r = await run(['orders', 'get', '-p', 'eu,locked', '135', '-o', 'ndjson', '--jq', '.store']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('eu\n');
    expect(r.err).toMatch(/^error: locked: cscart answered GET \S+ with 401/m);
    expect(r.err).toMatch(/^error: 1 of 2 stores failed: locked$/m);
  });

  it('sheets show the store; -o ids prints STORE:ID', async () => {
    const sheets = await run(['orders', 'get', '-p', 'eu,cs', '100', '-o', 'table']);
    expect(sheets.code, sheets.stderr).toBe(0);
    expect(sheets.stdout.match(/^Store +(\S+)$/gm)).toEqual(['Store          eu', 'Store          cs']);
    expect(await ids(['orders', 'get', '-p', 'eu,cs', '100'])).toEqual(['eu:100', 'cs:100']);
  });

  it('#number is looked up in each store, each the way its platform can', async () => {
    const [us] = await json(['orders', 'list', '-p', 'us', '--limit', '1', '-o', 'json']);
    const r = await json(['orders', 'get', '-p', 'eu,us', `#${us.number}`, '-o', 'json']);
    expect(r.map((o: { store: string; id: string }) => [o.store, o.id])).toEqual([['us', us.id]]);
  });
});

describe('ids across stores in commands that change orders', { timeout: 60_000 }, () => {
  const since = () => exchanges.length;
  const writes = (from: number) => exchanges.slice(from).filter((e) => e.method !== 'GET');

  it('orders cancel routes STORE:ID and NDJSON "store" to each store; the confirmation names the stores', async () => {
    const refused = await run(['orders', 'cancel', 'eu:131', 'cs:92']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^error: cancel 2 orders in eu \(1\), cs \(1\): confirmation needed$/m);
    const before = since();
    const r = await json(['orders', 'cancel', 'eu:131', 'cs:92', '--yes', '-o', 'json']);
    expect(r.map((x: { id: string; store: string; ok: boolean; status: string }) => [x.id, x.store, x.ok, x.status])).toEqual([
      ['eu:131', 'eu', true, 'cancelled'],
      ['cs:92', 'cs', true, 'cancelled'],
    ]);
    expect(writes(before).map((e) => `${e.platform} ${e.method} ${e.path.split('/').at(-1)}`).sort()).toEqual(['bigcommerce PUT 131', 'cscart PUT 92']);
    const piped = await run(['orders', 'cancel', '--stdin', '--yes', '-o', 'ndjson', '--jq', '.id'], '{"id":"132","store":"eu"}\n{"id":"93","store":"cs"}\n');
    expect(piped.code, piped.stderr).toBe(0);
    expect(lines(piped.stdout)).toEqual(['eu:132', 'cs:93']);
    const one = await run(['orders', 'cancel', 'cs:94']);
    expect(one.err).toMatch(/^error: cancel 1 order in cs: confirmation needed$/m);
  });

  it('#number in fulfill, shipments, status, cancel, archive and update, as STORE:#N too', async () => {
    const unshipped = await json(['orders', 'list', '-p', 'us', '--status', 'awaiting_fulfillment', '--all', '-o', 'json']);
    const target = unshipped.at(-1);
    const before = since();
    const shipped = await run(['orders', 'fulfill', '--stdin', '--tracking', '1Z1', '--carrier', 'ups', '--service', 'ground', '-o', 'json'], `us:#${target.number}\n`);
    expect(shipped.code, shipped.stderr).toBe(0);
    expect(JSON.parse(shipped.stdout)).toMatchObject([{ id: target.id, store: 'us', ok: true }]);
    expect(writes(before).some((e) => e.platform === 'squarespace' && e.path.includes(target.id))).toBe(true);
    const shipments = await json(['orders', 'shipments', `us:#${target.number}`, '-o', 'json']);
    expect(shipments.map((x: { tracking: string }) => x.tracking)).toEqual(['1Z1']);
    const shown = await json(['orders', 'status', `us:#${target.number}`, '-o', 'json']);
    expect(shown).toMatchObject([{ id: target.id, store: 'us', status: 'fulfilled' }]);
    const cancelled = await json(['orders', 'cancel', '-p', 'cs', '#96', '--yes', '-o', 'json']);
    expect(cancelled).toMatchObject([{ id: '96', ok: true, status: 'cancelled' }]);
    const file = path.join(cfg.dir, 'changes.json');
    fs.writeFileSync(file, '{"staff_notes":"called the customer"}');
    const updated = await json(['orders', 'update', 'eu:#133', '--file', file, '-o', 'json']);
    expect(updated).toMatchObject({ id: '133', staffNotes: 'called the customer' });
    const archived = await json(['orders', 'archive', 'eu:#134', '--yes', '-o', 'json']);
    expect(archived).toMatchObject([{ id: '134', store: 'eu', ok: true }]);
  });

  it('a #number its store does not have fails that order only', async () => {
    const [us] = await json(['orders', 'list', '-p', 'us', '--status', 'awaiting_fulfillment', '--limit', '1', '-o', 'json']);
    const r = await run(['orders', 'fulfill', '-p', 'us', `#${us.number}`, '#999999', '--tracking', '1Z2', '--carrier', 'ups', '--service', 'ground', '-o', 'json']);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout).sort((a: { ok: boolean }, b: { ok: boolean }) => Number(b.ok) - Number(a.ok));
    expect(results.map((x: { id: string; ok: boolean; error: { code: string } | null }) => [x.id, x.ok, x.error?.code ?? null])).toEqual([
      [us.id, true, null],
      ['#999999', false, 'not_found'],
    ]);
  });
});
