// A server whose paging is broken cannot keep a listing going forever: the same
// page again, a cursor it gave before, a page larger than asked for, ids below
// the min_id (or above the max_id) asked for. Each ends with exit 1 and one line
// naming the platform and the page, through the built binary against a real
// local server.
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderctl } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

type Answer = (url: URL) => { status: number; body?: unknown };
let answer: Answer = () => ({ status: 404 });
const seen: string[] = [];
let server: http.Server;
let base: string;
let cfg: ReturnType<typeof tempConfigDir>;
const env = () => ({ ORDERCTL_CONFIG_DIR: cfg.dir });

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    seen.push(url.pathname + url.search);
    const a = answer(url);
    res.writeHead(a.status, { 'content-type': 'application/json' });
    res.end(a.body === undefined ? undefined : JSON.stringify(a.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cfg = tempConfigDir();
  const add = (args: string[]) => orderctl(['profile', 'add', ...args, '--token-stdin'], { env: env(), input: 'tok\n' });
  expect((await add(['bc', '--platform', 'bigcommerce', '--base-url', `${base}/bc`])).code).toBe(0);
  expect((await add(['sq', '--platform', 'squarespace', '--base-url', `${base}/sq`])).code).toBe(0);
  expect((await add(['cs', '--platform', 'cscart', '--base-url', `${base}/cs`, '--username', 'admin@example.com', '--currency', 'EUR'])).code).toBe(0);
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  cfg.remove();
});

const bcOrder = (id: number) => ({ id, status_id: 11, status: 'Awaiting Fulfillment', date_created: 'Wed, 10 Jan 2018 21:05:30 +0000', date_modified: 'Wed, 10 Jan 2018 21:05:30 +0000', total_inc_tax: '1.0000', currency_code: 'USD', billing_address: {} });
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

async function listing(profile: string, args: string[]) {
  seen.length = 0;
  const r = await orderctl(['-p', profile, 'orders', 'list', ...args, '-o', 'ids'], { env: env(), timeoutMs: 30_000 });
  return { ...r, requests: seen.length };
}

describe('bigcommerce', () => {
  it('the same full page forever stops at page 2', async () => {
    answer = () => ({ status: 200, body: range(100, 250).map(bcOrder) });
    const r = await listing('bc', ['--all']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bigcommerce answered page 2 of the order list with no order not listed before/);
    expect(r.requests).toBe(2);
    expect(r.stdout.trim().split('\n')).toHaveLength(250);
  });

  it('a page larger than asked for stops before any of it is shown', async () => {
    answer = () => ({ status: 200, body: range(100, 900).map(bcOrder) });
    const r = await listing('bc', ['--limit', '10']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bigcommerce answered page 1 of the order list with 900 orders, more than the 10 asked for/);
    expect(r.stdout).toBe('');
  });

  it('ids below min_id stop the export keyset walk', async () => {
    // Every page starts again at 100, whatever min_id was asked.
    answer = (u) => {
      if (u.pathname.endsWith('/orders')) return { status: 200, body: range(100, 250).map(bcOrder) };
      // An order read on its own (its rows carry no consignments); no products, no addresses.
      const one = /\/orders\/(\d+)$/.exec(u.pathname);
      return one ? { status: 200, body: bcOrder(Number(one[1])) } : { status: 204 };
    };
    seen.length = 0;
    const out = `${cfg.dir}/export.ndjson`;
    const r = await orderctl(['-p', 'bc', 'orders', 'export', '--out', out], { env: env(), timeoutMs: 30_000 });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bigcommerce answered the page from min_id 350 of the order list with order 100, below the min_id 350 asked for/);
    expect(seen.filter((p) => /\/orders\?/.test(p))).toHaveLength(2);
    expect(existsSync(out)).toBe(false);
  });

  it('a user-given --min-id is checked too', async () => {
    answer = () => ({ status: 200, body: [bcOrder(5)] });
    const r = await listing('bc', ['--min-id', '50']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/page 1 of the order list with order 5, below the min_id 50/);
  });

  it('an honest server still lists to the end', async () => {
    answer = (u) => {
      const page = Number(u.searchParams.get('page'));
      return page <= 2 ? { status: 200, body: range(100 + (page - 1) * 250, page === 2 ? 7 : 250).map(bcOrder) } : { status: 204 };
    };
    const r = await listing('bc', ['--all']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(257);
  });
});

const sqOrder = (n: number) => ({
  id: n.toString(16).padStart(24, '0'),
  orderNumber: String(n),
  createdOn: '2024-01-01T00:00:00.000Z',
  modifiedOn: '2024-01-01T00:00:00.000Z',
  fulfillmentStatus: 'PENDING',
  grandTotal: { value: '1.00', currency: 'USD' },
  lineItems: [],
});

describe('several stores', () => {
  it('ids above max_id stop the newest-first walk of an export over several stores', async () => {
    answer = (u) => {
      if (u.pathname.startsWith('/sq/')) return { status: 200, body: { result: [sqOrder(1)], pagination: { hasNextPage: false, nextPageCursor: null, nextPageUrl: null } } };
      // Every page starts again at the newest, whatever max_id was asked.
      if (u.pathname.endsWith('/orders')) return { status: 200, body: range(100, 250).reverse().map(bcOrder) };
      const one = /\/orders\/(\d+)$/.exec(u.pathname);
      return one ? { status: 200, body: bcOrder(Number(one[1])) } : { status: 204 };
    };
    seen.length = 0;
    const out = `${cfg.dir}/merged.ndjson`;
    const r = await orderctl(['-p', 'bc,sq', 'orders', 'export', '--out', out], { env: env(), timeoutMs: 30_000 });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: bc: bigcommerce answered the page from max_id 99 of the order list with order 349, above the max_id 99 asked for$/m);
    expect(seen.filter((p) => /^\/bc\/orders\?/.test(p))).toHaveLength(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('squarespace', () => {
  it('a cursor given before stops the listing (the spec example answers so forever)', async () => {
    let n = 0;
    // New orders on every page, but the cursor goes round: a, b, a, ...
    answer = () => {
      n++;
      return { status: 200, body: { result: [sqOrder(n)], pagination: { hasNextPage: true, nextPageCursor: n % 2 ? 'a' : 'b', nextPageUrl: null } } };
    };
    const r = await listing('sq', ['--all']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/squarespace answered page 3 of the order list with a next-page cursor it gave before \(a\)/);
    expect(r.requests).toBe(3);
  });

  it('the cursor it was asked with, given back, stops at once', async () => {
    answer = () => ({ status: 200, body: { result: [sqOrder(1)], pagination: { hasNextPage: true, nextPageCursor: 'same', nextPageUrl: null } } });
    const r = await listing('sq', ['--all', '--cursor', 'same']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/squarespace answered page 1 of the order list with a next-page cursor it gave before \(same\)/);
  });

  it('the same orders under new cursors stop at page 2', async () => {
    let n = 0;
    answer = () => ({ status: 200, body: { result: [sqOrder(1), sqOrder(2)], pagination: { hasNextPage: true, nextPageCursor: `c${++n}`, nextPageUrl: null } } });
    const r = await listing('sq', ['--all']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/squarespace answered page 2 of the order list with no order not listed before/);
  });

  it('more than 50 orders on a page stops', async () => {
    answer = () => ({ status: 200, body: { result: range(1, 60).map(sqOrder), pagination: { hasNextPage: false, nextPageCursor: null, nextPageUrl: null } } });
    const r = await listing('sq', ['--all']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/squarespace answered page 1 of the order list with 60 orders, more than the 50 asked for/);
  });
});

const csRow = (id: number) => ({ order_id: String(id), status: 'O', timestamp: '1456917981', total: '1.00', firstname: 'A', lastname: 'B', email: 'a@example.com' });

describe('cscart', () => {
  it('the same page forever (total_items never reached) stops at page 2', async () => {
    answer = () => ({ status: 200, body: { orders: range(1, 10).map(csRow), params: { page: 1, items_per_page: '10', total_items: '1000000' } } });
    const r = await listing('cs', ['--all', '--page-size', '10']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cscart answered page 2 of the order list with no order not listed before/);
    expect(r.requests).toBe(2);
  });

  it('a page larger than asked for stops', async () => {
    answer = () => ({ status: 200, body: { orders: range(1, 400).map(csRow), params: { page: 1, items_per_page: '400', total_items: '400' } } });
    const r = await listing('cs', ['--limit', '5']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cscart answered page 1 of the order list with 400 orders, more than the 5 asked for/);
  });
});
