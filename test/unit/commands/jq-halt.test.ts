// jq's halt and halt_error end jq: it reads nothing more. Over NDJSON, which
// jq filters as it streams, orderctl then sends no further request: the
// sandbox counts what was asked. Whole lines are filtered before each request
// (not only on the next turn of the event loop), so a halt on page 1 is known
// before page 2 would be asked for.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memoryConfig } from '../../../src/core/config.js';
import { startSandbox, type Exchange, type Sandbox } from '../../../src/sandbox/server.js';
import { runCommand } from '../../support/context.js';

// Three full pages of 250 (BigCommerce's largest), then the empty one that ends the listing.
const ORDERS = 750;
const ALL_PAGES = 4;

let sandbox: Sandbox;
let exchanges: Exchange[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 13, orders: ORDERS, onExchange: (ex) => exchanges.push(ex) });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  exchanges = [];
});

const profile = () => ({ platform: 'bigcommerce' as const, baseUrl: sandbox.baseUrls.bigcommerce!, token: sandbox.token });
const shop = () => memoryConfig({ currentProfile: 'a', profiles: { a: profile(), b: profile() } });
const run = (args: string[]) => runCommand(args, { config: shop() });
const pages = () => exchanges.filter((ex) => ex.method === 'GET' && ex.path === '/orders').map((ex) => ex.query.page ?? ex.query.min_id);

describe('--jq halt over NDJSON stops the requests', () => {
  it('orders list --all: halt on the first line asks for page 1 only, prints nothing more, exits 0', async () => {
    const r = await run(['orders', 'list', '--all', '-o', 'ndjson', '--jq', 'halt']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toBe('');
    expect(pages()).toEqual(['1']);
  });

  it('halt_error: what came before it is kept, its text is on stderr, its code is the exit code', async () => {
    const r = await run(['orders', 'list', '--all', '--sort', 'id:asc', '-o', 'ndjson', '--jq', '.id, ("bye\\n" | halt_error(3))']);
    expect(r.code).toBe(3);
    expect(r.out).toBe('100\n');
    expect(r.err).toBe('bye\n');
    expect(pages()).toEqual(['1']);
  });

  it('a halt on the last page asks for no empty page after it; the lines before it are all printed', async () => {
    const r = await run(['orders', 'list', '--all', '--sort', 'id:asc', '-o', 'ndjson', '--jq', 'if .id == "700" then halt else .id end']);
    expect(r.code, r.err).toBe(0);
    const ids = r.out.split('\n').filter(Boolean);
    expect(ids).toHaveLength(600);
    expect([ids[0], ids.at(-1)]).toEqual(['100', '699']);
    expect(pages()).toEqual(['1', '2', '3']);
  });

  it('without a halt every page is read (the count the tests above stop short of)', async () => {
    const r = await run(['orders', 'list', '--all', '-o', 'ndjson', '--jq', 'empty']);
    expect(r.code, r.err).toBe(0);
    expect(pages()).toHaveLength(ALL_PAGES);
  });

  it('orders export --out - --format ndjson: page 1 only, and no "exported" line for a run jq ended', async () => {
    const r = await run(['orders', 'export', '--out', '-', '--format', 'ndjson', '--jq', '"stop\\n" | halt_error(4)']);
    expect(r.code).toBe(4);
    expect(r.out).toBe('');
    expect(r.err).toBe('stop\n');
    expect(exchanges).toHaveLength(1);
  });

  it('api --paginate -o ndjson: page 1 only', async () => {
    const r = await run(['api', '/orders', '--paginate', '-o', 'ndjson', '--jq', 'halt']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('');
    expect(exchanges.map((ex) => ex.query.page)).toEqual(['1']);
  });

  it('several stores: no store reports the halt as its failure; only pages asked before the first line was printed are read', async () => {
    const r = await run(['orders', 'list', '--all', '-p', 'a,b', '-o', 'ndjson', '--jq', 'halt']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    // Page 1 of each store; a store's page 2 may be on its way, read ahead (READ_AHEAD),
    // while the merge waits for the other store's page 1. Never page 3.
    expect(pages().filter((p) => p === '1')).toHaveLength(2);
    expect(pages().length).toBeLessThanOrEqual(4);
    expect(pages()).not.toContain('3');
  });

  it('a bulk run stops as on Ctrl-C: the order in flight is done, the rest are not started and named', async () => {
    const ids = ['100', '101', '102', '103', '104', '105'];
    const r = await run(['orders', 'cancel', ...ids, '--yes', '--concurrency', '1', '-o', 'ndjson', '--jq', 'halt']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    // The first result is printed while the second order's change is being sent: that one finishes.
    expect(r.err).toBe('interrupted: 2 of 6 orders done; not started: 102 103 104 105\n');
    expect(exchanges.filter((ex) => ex.method !== 'GET').map((ex) => ex.path)).toEqual(['/orders/100', '/orders/101']);
  });
});
