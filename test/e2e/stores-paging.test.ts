// Paging over several stores, through the built binary: without --limit or
// --all the merged list shows its first page, as one store's listing does, and
// what names a place in one store's listing (--page, --cursor) is refused
// before any request. Two stores on each of BigCommerce and Squarespace, one
// on CS-Cart, each with more orders than a page. Run `npm run build` first.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Exchange, type Sandbox } from '../../src/sandbox/server.js';
import { addProfiles, cliWith, orderctl } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

let sandbox: Sandbox;
let cfg: ReturnType<typeof tempConfigDir>;
let env: Record<string, string>;
const exchanges: Exchange[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7, orders: 120, onExchange: (ex) => exchanges.push(ex) });
  cfg = tempConfigDir();
  env = { ORDERCTL_CONFIG_DIR: cfg.dir };
  const u = sandbox.baseUrls;
  await addProfiles(env, sandbox.token, [
    ['s1', ['--platform', 'bigcommerce', '--base-url', u.bigcommerce!, '--use']],
    ['s2', ['--platform', 'bigcommerce', '--base-url', u.bigcommerce!]],
    ['cs', ['--platform', 'cscart', '--base-url', u.cscart!, '--username', 'admin@example.com']],
    ['sq', ['--platform', 'squarespace', '--base-url', u.squarespace!]],
    ['sq2', ['--platform', 'squarespace', '--base-url', u.squarespace!]],
  ]);
});
afterAll(async () => {
  await sandbox.close();
  cfg.remove();
});

const { run, json } = cliWith(() => env);
/** The order-list requests since `from`, as "platform limit=N page=N". */
const listReads = (from: number) =>
  exchanges
    .slice(from)
    .filter((e) => e.method === 'GET' && e.path === '/orders')
    .map((e) => `${e.platform} limit=${e.query.limit ?? e.query.items_per_page} page=${e.query.page}`);

describe('the default page over several stores', { timeout: 60_000 }, () => {
  it('is the merged list\'s first page (50, or --page-size N), each store reading one page of that size', async () => {
    const all = await json(['orders', 'list', '-p', 's1,cs', '--all', '--jq', 'map("\\(.store):\\(.id)")']);
    expect(all.length).toBeGreaterThan(100);
    const one = await run(['orders', 'list', '-p', 's1']);
    expect(JSON.parse(one.stdout)).toHaveLength(50);

    const before = exchanges.length;
    const r = await run(['orders', 'list', '-p', 's1,cs']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).map((o: { store: string; id: string }) => `${o.store}:${o.id}`)).toEqual(all.slice(0, 50));
    // Both stores hold orders past the 50th: more surely exist.
    expect(r.stderr).toBe('note: showing 50 orders; more exist — use --all, or --limit N\n');
    expect(listReads(before).sort()).toEqual(['bigcommerce limit=50 page=1', 'cscart limit=50 page=1']);
    // One store alone cannot say (no total): "may". Merged, the other store's next order is
    // already read when the page is full, so more surely exist, whatever the stores' answers say.
    expect(one.stderr).toMatch(/^note: showing 50 orders; more may exist/);
    const twin = await run(['orders', 'list', '-p', 's1,s2']);
    expect(JSON.parse(twin.stdout)).toHaveLength(50);
    expect(twin.stderr).toBe('note: showing 50 orders; more exist — use --all, or --limit N\n');

    const sized = exchanges.length;
    const page = await json(['orders', 'list', '-p', 's1,cs', '--page-size', '20', '--jq', 'map("\\(.store):\\(.id)")']);
    expect(page).toEqual(all.slice(0, 20));
    expect(listReads(sized).sort()).toEqual(['bigcommerce limit=20 page=1', 'cscart limit=20 page=1']);
  });

  it('takes the newest of every store, a Squarespace store (which lists by last change) too', async () => {
    // Old orders changed now fill Squarespace's first page, by last change: the newest created are past it.
    const oldest: string[] = await json(['orders', 'list', '-p', 'sq', '--status', 'awaiting_fulfillment', '--all', '--jq', 'sort_by(.createdAt) | .[0:30] | map("sq:\\(.id)")']);
    expect(oldest).toHaveLength(30);
    const shipped = await run(['orders', 'fulfill', ...oldest, '--tracking', '1Z1', '--carrier', 'ups', '--service', 'ground']);
    expect(shipped.code, shipped.stderr).toBe(0);
    const changed = await json(['orders', 'list', '-p', 'sq', '--jq', 'map("sq:\\(.id)")']);
    expect(changed.slice(0, 30).sort()).toEqual([...oldest].sort());
    const all = await json(['orders', 'list', '-p', 's1,sq', '--all', '--jq', 'map("\\(.store):\\(.id)")']);
    const first = await json(['orders', 'list', '-p', 's1,sq', '--jq', 'map("\\(.store):\\(.id)")']);
    expect(first).toEqual(all.slice(0, 50));
  });
});

describe('what names a place in one store\'s listing, over several stores', { timeout: 60_000 }, () => {
  const refused = async (args: string[], message: string, opts: { env?: Record<string, string> } = {}) => {
    const before = exchanges.length;
    const r = await orderctl([...args, '-o', 'table'], { env: { ...env, ...opts.env } });
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(`error: ${message}`);
    expect(exchanges.length, args.join(' ')).toBe(before);
    return r;
  };

  it('--page: exit 2 before any request, pointing to --limit and --all', async () => {
    const r = await refused(['orders', 'list', '-p', 's1,s2', '--page', '2'], '--page belongs to one store: use it with one -p');
    expect(r.stderr).toBe('error: --page belongs to one store: use it with one -p\nhint: use --limit N or --all across stores\n');
    await refused(['orders', 'list', '--page', '1', '--page-size', '10'], '--page belongs to one store: use it with one -p', { env: { ORDERCTL_PROFILE: 's1,cs' } });
    await refused(['orders', 'list', '--all-profiles', '--page', '3'], '--page belongs to one store: use it with one -p');
    // One store still pages.
    const one = await json(['orders', 'list', '-p', 's1', '--page', '2', '--page-size', '10', '--jq', 'length']);
    expect(one).toBe(10);
  });

  it('--cursor: orders list, count and export refuse it before any request', async () => {
    const message = '--cursor belongs to one store: use it with one -p';
    await refused(['orders', 'list', '-p', 'sq,sq2', '--cursor', 'abc'], message);
    await refused(['orders', 'count', '-p', 'sq,sq2', '--cursor', 'abc'], message);
    await refused(['orders', 'export', '-p', 'sq,sq2', '--cursor', 'abc', '--out', '-', '--format', 'ndjson'], message);
  });
});

describe('ORDERCTL_PROFILE', { timeout: 60_000 }, () => {
  it('an empty name in its list is refused, as in -p, naming the variable', async () => {
    for (const value of ['s1,,cs', 's1,', ',s1']) {
      const before = exchanges.length;
      const r = await orderctl(['orders', 'list', '-o', 'table'], { env: { ...env, ORDERCTL_PROFILE: value } });
      expect(r.code, value).toBe(2);
      expect(r.stderr).toBe(`error: invalid ORDERCTL_PROFILE "${value}": give profile names separated by commas\n`);
      expect(exchanges.length).toBe(before);
    }
    // Set to nothing it is unset: the current profile.
    const r = await orderctl(['orders', 'list', '--limit', '1', '--jq', '.[0].store'], { env: { ...env, ORDERCTL_PROFILE: '' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('s1\n');
  });
});
