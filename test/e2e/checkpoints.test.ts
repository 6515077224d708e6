// Export checkpoints over time: a change made while a long run reads is in
// the next run; a shop whose orders carry no modification time (CS-Cart's
// documented row, API-NOTES §3) still moves forward, each change and each new
// order exported exactly once, and a shop that reads the window otherwise than
// guessed fails the run; a checkpoint belongs to its store. The sandbox and the
// command share one fake clock, so "nine minutes" takes none.

import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, type FakeClock } from '../../src/core/clock.js';
import type { ConfigStore, Profile } from '../../src/core/config.js';
import type { RequestSpec } from '../../src/core/http.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { runCommand, type TestContextOptions } from '../support/context.js';
import { tempConfigDir } from '../support/tmp.js';

let tmp: ReturnType<typeof tempConfigDir>;
let config: ConfigStore;
let clock: FakeClock;
let sandbox: Sandbox;
beforeEach(async () => {
  tmp = tempConfigDir();
  config = await tmp.open();
  clock = fakeClock('2026-11-23T02:00:00Z');
  sandbox = await startSandbox({ seed: 44, orders: 300, now: () => clock.now().getTime(), rateLimit: { requests: 100_000, windowMs: 1000 } });
});
afterEach(async () => {
  await sandbox.close();
  tmp.remove();
});

const run = (args: string[], onContext?: TestContextOptions['onContext']) => runCommand(args, { config, clock, onContext });
const ids = (file: string) => fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => String(JSON.parse(l).id));
const out = (name: string) => path.join(tmp.dir, name);
const HOUR = 3600_000;

async function useProfile(platform: string, baseUrl: string, extra: Partial<Profile> = {}) {
  await config.save({ currentProfile: 'p', profiles: { p: { platform: platform as Profile['platform'], baseUrl, token: sandbox.token, ...extra } } });
}

it('a change made behind a long run, on a platform paged by id, is in the next run', async () => {
  await useProfile('bigcommerce', sandbox.baseUrls.bigcommerce!);
  const all = (await run(['orders', 'list', '--all', '-o', 'ids', '--sort', 'id:asc'])).out.trim().split('\n');
  const [low, high] = [all[0]!, all[all.length - 1]!];
  clock.advance(HOUR);
  // While the first run reads: +65 s a change to an order its first page already passed,
  // +9 min one to an order it has yet to read (so its newest change is late in the run).
  let pages = 0;
  const first = await run(['orders', 'export', '--out', out('1.ndjson'), '--checkpoint', 'night'], (ctx) => {
    const make = ctx.http;
    ctx.http = (p) => {
      const client = make(p);
      const request = client.request.bind(client);
      client.request = (async (spec: RequestSpec) => {
        const answer = await request(spec);
        if (spec.method === 'GET' && /\/orders$/.test(spec.path) && ++pages === 1) {
          clock.advance(65_000);
          const r = await run(['orders', 'status', low, '--set', 'completed', '-q', '--yes']);
          expect(r.code, r.err).toBe(0);
          clock.advance(9 * 60_000);
          expect((await run(['orders', 'status', high, '--set', 'completed', '-q', '--yes'])).code).toBe(0);
        }
        return answer;
      }) as typeof client.request;
      return client;
    };
  });
  expect(first.code, first.err).toBe(0);
  expect(pages).toBeGreaterThan(1);
  expect(ids(out('1.ndjson'))).toContain(high);
  clock.advance(HOUR);
  const second = await run(['orders', 'export', '--out', out('2.ndjson'), '--checkpoint', 'night']);
  expect(second.code, second.err).toBe(0);
  // The low order's change went out in neither the first file (its old version) nor, before, the second.
  expect(ids(out('2.ndjson'))).toEqual([low]);
  clock.advance(HOUR);
  await run(['orders', 'export', '--out', out('3.ndjson'), '--checkpoint', 'night']);
  expect(ids(out('3.ndjson'))).toEqual([]);
});

/**
 * A CS-Cart shop that reads updated_at_from otherwise than orderctl guesses
 * (here: as milliseconds): a proxy multiplies the parameter on its way.
 */
async function misreadingShop(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const up = new URL(target);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const from = url.searchParams.get('updated_at_from');
    if (from) url.searchParams.set('updated_at_from', String(Number(from) * 1000));
    const fwd = http.request({ host: up.hostname, port: up.port, path: `${url.pathname}${url.search}`, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(fwd);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${up.pathname}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** A new CS-Cart order, placed over the API as a shop's storefront would (POST /orders, API-NOTES.md §3). */
async function placeCsCartOrder(product = '12'): Promise<string> {
  const r = await run(['api', '-X', 'POST', '/orders', '-f', 'user_id=3', '-f', 'payment_id=2', '-f', 'shipping_id=1', '-f', `products[${product}][product_id]=${product}`, '-f', `products[${product}][amount]=1`]);
  expect(r.code, r.err).toBe(0);
  return String(JSON.parse(r.out).order_id);
}

// CS-Cart as documented: neither list rows nor order details carry a modification time.
describe('CS-Cart, whose rows carry no modification time', () => {
  beforeEach(async () => {
    await useProfile('cscart', sandbox.baseUrls.cscart!, { username: 'admin@example.com' });
  });

  it('moves forward, and each change is exported exactly once', async () => {
    clock.advance(HOUR);
    const first = await run(['orders', 'export', '--out', out('1.ndjson'), '--checkpoint', 'night']);
    expect(first.code, first.err).toBe(0);
    const everything = ids(out('1.ndjson'));
    expect(everything.length).toBeGreaterThan(50);
    expect(JSON.parse(fs.readFileSync(out('1.ndjson'), 'utf8').split('\n')[0]!).updatedAt).toBeNull();

    clock.advance(24 * HOUR);
    await run(['orders', 'export', '--out', out('2.ndjson'), '--checkpoint', 'night']);
    expect(ids(out('2.ndjson'))).toEqual([]);
    const show = JSON.parse((await run(['orders', 'export', '--checkpoint', 'night', '--show'])).out);
    // Without modification times the position is the moment the run began.
    expect(show.stores[0].highWater).toBeNull();
    expect(Date.parse(show.stores[0].resumeFrom)).toBeGreaterThan(clock.now().getTime() - 2 * HOUR);

    clock.advance(HOUR);
    const target = everything[7]!;
    expect((await run(['orders', 'status', target, '--set', 'completed', '-q', '--yes'])).code).toBe(0);
    clock.advance(24 * HOUR);
    await run(['orders', 'export', '--out', out('3.ndjson'), '--checkpoint', 'night']);
    expect(ids(out('3.ndjson'))).toEqual([target]);
    // Twice in one overlap window: nothing again.
    clock.advance(60_000);
    await run(['orders', 'export', '--out', out('4.ndjson'), '--checkpoint', 'night']);
    expect(ids(out('4.ndjson'))).toEqual([]);
  });

  it('exports everything first, then only the orders placed since, then nothing', async () => {
    clock.advance(HOUR);
    expect((await run(['orders', 'export', '--out', out('1.ndjson'), '--checkpoint', 'new'])).code).toBe(0);
    const first = ids(out('1.ndjson'));
    expect(first.length).toBe(300);
    clock.advance(3 * HOUR);
    const placed = [await placeCsCartOrder('12'), await placeCsCartOrder('15')];
    expect(first).not.toContain(placed[0]);
    clock.advance(21 * HOUR);
    const second = await run(['orders', 'export', '--out', out('2.ndjson'), '--checkpoint', 'new']);
    expect(second.code, second.err).toBe(0);
    expect(ids(out('2.ndjson')).sort()).toEqual(placed.sort());
    clock.advance(24 * HOUR);
    expect((await run(['orders', 'export', '--out', out('3.ndjson'), '--checkpoint', 'new'])).code).toBe(0);
    expect(ids(out('3.ndjson'))).toEqual([]);
  });

  it('fails loudly, writing nothing and keeping the checkpoint, when the shop reads the window otherwise', async () => {
    const shop = await misreadingShop(sandbox.baseUrls.cscart!);
    try {
      await useProfile('cscart', shop.url, { username: 'admin@example.com' });
      clock.advance(HOUR);
      expect((await run(['orders', 'export', '--out', out('1.ndjson'), '--checkpoint', 'odd'])).code).toBe(0);
      const cpFile = path.join(tmp.dir, 'checkpoints', 'odd.json');
      const before = fs.readFileSync(cpFile, 'utf8');
      // No new order: the misreading cannot be told, and nothing is lost.
      clock.advance(HOUR);
      expect((await run(['orders', 'export', '--out', out('2.ndjson'), '--checkpoint', 'odd'])).code).toBe(0);
      const kept = fs.readFileSync(cpFile, 'utf8');
      expect(kept).not.toBe(before);
      clock.advance(HOUR);
      const placed = await placeCsCartOrder();
      clock.advance(HOUR);
      const r = await run(['orders', 'export', '--out', out('3.ndjson'), '--checkpoint', 'odd']);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`error: cscart left out order ${placed}, placed `);
      expect(r.err).toContain('(updated_at_from in Unix seconds)');
      expect(fs.existsSync(out('3.ndjson'))).toBe(false);
      expect(fs.readFileSync(cpFile, 'utf8')).toBe(kept);
    } finally {
      await shop.close();
    }
  });
});

describe('a checkpoint belongs to its store', () => {
  it('refuses another store with exit 2 and changes nothing', async () => {
    await useProfile('bigcommerce', sandbox.baseUrls.bigcommerce!);
    expect((await run(['orders', 'export', '--out', out('a.ndjson'), '--checkpoint', 'shared'])).code).toBe(0);
    const cpFile = path.join(tmp.dir, 'checkpoints', 'shared.json');
    const before = fs.readFileSync(cpFile, 'utf8');
    // The same platform on another API root is another store.
    const other = await startSandbox({ seed: 45, orders: 30 });
    try {
      await config.save({ currentProfile: 'q', profiles: { q: { platform: 'bigcommerce', baseUrl: other.baseUrls.bigcommerce!, token: other.token } } });
      const r = await run(['orders', 'export', '--out', out('b.ndjson'), '--checkpoint', 'shared']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^error: checkpoint "shared" belongs to bigcommerce http:\/\/127\.0\.0\.1:\d+\/bigcommerce\/\S+, not bigcommerce http/);
      expect(fs.existsSync(out('b.ndjson'))).toBe(false);
      expect(fs.readFileSync(cpFile, 'utf8')).toBe(before);
    } finally {
      await other.close();
    }
  });

  it('reads a version 1 file and records the store on the next write', async () => {
    await useProfile('bigcommerce', sandbox.baseUrls.bigcommerce!);
    clock.advance(HOUR);
    const cpFile = path.join(tmp.dir, 'checkpoints', 'old.json');
    fs.mkdirSync(path.dirname(cpFile), { recursive: true });
    const mark = new Date(clock.now().getTime() - 10 * 60_000).toISOString();
    fs.writeFileSync(cpFile, JSON.stringify({ name: 'old', platform: 'bigcommerce', profile: 'p', highWater: mark, seen: {}, completedAt: mark, exported: 3, file: 'x' }));
    const r = await run(['orders', 'export', '--out', out('o.ndjson'), '--checkpoint', 'old']);
    expect(r.code, r.err).toBe(0);
    // Every seeded order is older than the old mark: nothing to export.
    expect(ids(out('o.ndjson'))).toEqual([]);
    const written = JSON.parse(fs.readFileSync(cpFile, 'utf8'));
    expect(written.version).toBe(2);
    expect(Object.keys(written.stores)).toEqual([`bigcommerce ${sandbox.baseUrls.bigcommerce!.replace(/\/+$/, '')}`]);
    // A cscart run may not take it now.
    await useProfile('cscart', sandbox.baseUrls.cscart!, { username: 'admin@example.com' });
    expect((await run(['orders', 'export', '--out', out('c.ndjson'), '--checkpoint', 'old'])).code).toBe(2);
  });

  it('a second run with the checkpoint in use is refused with exit 1; a lock left by a killed run is taken over', async () => {
    await useProfile('bigcommerce', sandbox.baseUrls.bigcommerce!);
    const lock = path.join(tmp.dir, 'checkpoints', 'busy.json.lock');
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), since: '2026-11-23T01:00:00Z' }));
    const r = await run(['orders', 'export', '--out', out('busy.ndjson'), '--checkpoint', 'busy']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: checkpoint "busy" is in use by another export \(pid \d+/);
    expect(fs.existsSync(out('busy.ndjson'))).toBe(false);
    // --reset waits its turn too; --show reads the last successful run's positions meanwhile.
    expect((await run(['orders', 'export', '--checkpoint', 'busy', '--reset'])).code).toBe(1);
    fs.writeFileSync(path.join(tmp.dir, 'checkpoints', 'busy.json'), JSON.stringify({ name: 'busy', platform: 'bigcommerce', profile: 'p', highWater: null, seen: {}, completedAt: '2026-11-22T02:00:00Z', exported: 7, file: 'x' }));
    const show = await run(['orders', 'export', '--checkpoint', 'busy', '--show']);
    expect(show.code, show.err).toBe(0);
    expect(JSON.parse(show.out)).toMatchObject({ name: 'busy', stores: [{ platform: 'bigcommerce', exported: 7 }] });
    expect(fs.existsSync(lock)).toBe(true);
    fs.rmSync(path.join(tmp.dir, 'checkpoints', 'busy.json'));
    // The holder is gone (a pid no process has).
    fs.writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 17, host: (await import('node:os')).hostname(), since: '2026-11-23T01:00:00Z' }));
    const again = await run(['orders', 'export', '--out', out('busy.ndjson'), '--checkpoint', 'busy']);
    expect(again.code, again.err).toBe(0);
    expect(fs.existsSync(lock)).toBe(false);
  });
});
