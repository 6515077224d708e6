// The paging hint, the same on every platform: a listing that stops before
// its end says, on stderr, how many orders it showed and how to see the rest —
// with the total where the answer carried one (CS-Cart's total_items,
// Outshifter's whole list), Squarespace's cursor, and never a request of its
// own. Run `npm run build` first so dist/ is current.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Exchange, type Sandbox } from '../../src/sandbox/server.js';
import { addProfiles, cliWith } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

let sandbox: Sandbox;
let cfg: ReturnType<typeof tempConfigDir>;
let env: Record<string, string>;
const exchanges: Exchange[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, orders: 70, onExchange: (ex) => exchanges.push(ex) });
  cfg = tempConfigDir();
  env = { ORDERCTL_CONFIG_DIR: cfg.dir };
  const extra: Array<[string, string[]]> = [
    ['bigcommerce', []],
    ['cscart', ['--username', 'admin@example.com']],
    ['squarespace', []],
    ['outshifter', ['--storefront', 'sandbox']],
  ];
  await addProfiles(env, sandbox.token, extra.map(([platform, args]) => [platform, ['--platform', platform, '--base-url', sandbox.baseUrls[platform]!, ...args]]));
});
afterAll(async () => {
  await sandbox.close();
  cfg.remove();
});

const { run, json } = cliWith(() => env);
const ordersRead = (from: number) => exchanges.slice(from).filter((e) => e.method === 'GET').length;

/** What each platform's first page (or --limit 5) says; `total` is the count --all lists. */
const expected: Record<string, { page: (total: number) => RegExp; limited: (total: number) => RegExp | null }> = {
  // No total, no next-page flag: a full page may be the last.
  bigcommerce: { page: () => /^note: showing 50 orders; more may exist — use --all, or --limit N\n$/, limited: () => null },
  cscart: {
    page: (t) => new RegExp(`^note: showing 50 of ${t} orders; more exist — use --all, or --limit N\\n$`),
    limited: (t) => new RegExp(`^note: showing 5 of ${t} orders; more exist — use --all, or --limit N\\n$`),
  },
  squarespace: {
    page: () => /^note: showing 50 orders; more exist — use --all, --limit N, or --cursor \S+\n$/,
    // Stopped inside a page: no cursor resumes there.
    limited: () => /^note: showing 5 orders; more exist — use --all, or --limit N\n$/,
  },
  outshifter: {
    page: (t) => new RegExp(`^note: showing 50 of ${t} orders; more exist — use --all, or --limit N\\n$`),
    limited: (t) => new RegExp(`^note: showing 5 of ${t} orders; more exist — use --all, or --limit N\\n$`),
  },
};

describe.each(Object.keys(expected))('the paging hint on %s', { timeout: 60_000 }, (platform) => {
  let total = 0;
  beforeAll(async () => {
    total = await json(['orders', 'list', '-p', platform, '--all', '--jq', 'length']);
    expect(total).toBeGreaterThan(50);
  });

  it('one page: stdout is the data, stderr the hint, and no request is added for it', async () => {
    const before = exchanges.length;
    const r = await run(['orders', 'list', '-p', platform, '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(50);
    expect(r.stderr).toMatch(expected[platform]!.page(total));
    expect(ordersRead(before)).toBe(1);
  });

  it('--limit: the hint only where the platform says more exist', async () => {
    const r = await run(['orders', 'list', '-p', platform, '--limit', '5', '-o', 'ids']);
    expect(r.code, r.stderr).toBe(0);
    const want = expected[platform]!.limited(total);
    if (want) expect(r.stderr).toMatch(want);
    else expect(r.stderr).toBe('');
  });

  it('nothing when the listing reached its end, with --all, or with --quiet', async () => {
    const whole = await run(['orders', 'list', '-p', platform, '--limit', String(total), '-o', 'ids']);
    expect(whole.stdout.split('\n').filter(Boolean)).toHaveLength(total);
    expect(whole.stderr).not.toMatch(/showing/);
    const all = await run(['orders', 'list', '-p', platform, '--all', '-o', 'ids']);
    expect(all.stderr).toBe('');
    const quiet = await run(['orders', 'list', '-p', platform, '--quiet', '-o', 'ids']);
    expect(quiet.stderr).toBe('');
  });
});

describe('the paging hint with --page', { timeout: 60_000 }, () => {
  it('names the next page where pages are numbered', async () => {
    const bc = await run(['orders', 'list', '-p', 'bigcommerce', '--page', '2', '--page-size', '10', '-o', 'ids']);
    expect(bc.stderr).toBe('note: showing 10 orders; more may exist — use --all, --limit N, or --page 3\n');
    const total = await json(['orders', 'list', '-p', 'cscart', '--all', '--jq', 'length']);
    const cs = await run(['orders', 'list', '-p', 'cscart', '--page', '2', '--page-size', '10', '-o', 'ids']);
    expect(cs.stderr).toBe(`note: showing 10 of ${total} orders; more exist — use --all, --limit N, or --page 3\n`);
  });
});

describe('the paging hint over several stores', { timeout: 60_000 }, () => {
  it('says more exist when any store has more; totals of single stores are not the list\'s, so none is given', async () => {
    const r = await run(['orders', 'list', '-p', 'cscart,outshifter', '-o', 'ids']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`note: showing ${r.stdout.split('\n').filter(Boolean).length} orders; more exist — use --all, or --limit N\n`);
  });
});
