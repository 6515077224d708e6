// Several stores on different platforms in one command, through the built
// binary: one profile on each of the sandbox's four dialects, a profile whose
// key is refused and one whose server is not there. Run `npm run build` first.

import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaFor } from '../../src/core/schema.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { addProfiles, cliWith } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

let sandbox: Sandbox;
let cfg: ReturnType<typeof tempConfigDir>;
let env: Record<string, string>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, orders: 30 });
  cfg = tempConfigDir();
  env = { ORDERCTL_CONFIG_DIR: cfg.dir };
  const u = sandbox.baseUrls;
  await addProfiles(env, sandbox.token, [
    ['bc', ['--platform', 'bigcommerce', '--base-url', u.bigcommerce!, '--use']],
    ['cs', ['--platform', 'cscart', '--base-url', u.cscart!, '--username', 'admin@example.com', '--currency', 'EUR']],
    ['sq', ['--platform', 'squarespace', '--base-url', u.squarespace!]],
    ['os', ['--platform', 'outshifter', '--base-url', u.outshifter!, '--storefront', 'sandbox']],
    ['locked', ['--platform', 'bigcommerce', '--base-url', u.bigcommerce!], 'not-the-key-1234'],
    // Nothing listens on port 1.
    ['down', ['--platform', 'cscart', '--base-url', 'http://127.0.0.1:1/cscart/api', '--username', 'admin@example.com']],
  ]);
});
afterAll(async () => {
  await sandbox.close();
  cfg.remove();
});

const { run, json } = cliWith(() => env);

describe('several stores on different platforms', { timeout: 60_000 }, () => {
  it('orders count: each store its row, its statuses shaped as one store count is (orderctl schema count)', async () => {
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(schemaFor('count')!);
    const merged = await json(['orders', 'count', '-p', 'bc,cs,sq,os', '-q']);
    expect(merged.stores.map((s: { store: string }) => s.store)).toEqual(['bc', 'cs', 'sq', 'os']);
    for (const row of merged.stores) {
      const { platform, ...counted } = row;
      expect(validate(counted), `${row.store}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(await json(['orders', 'count', '-p', row.store, '-q'])).toEqual(counted);
      expect(typeof platform).toBe('string');
    }
    const ndjson = (await run(['orders', 'count', '-p', 'bc,sq', '-q', '-o', 'ndjson'])).stdout.split('\n').filter(Boolean);
    expect(ndjson.map((l) => JSON.parse(l))).toEqual(merged.stores.filter((s: { store: string }) => s.store === 'bc' || s.store === 'sq'));
  });

  it('what one store cannot do (a sort, a filter) refuses the whole command with exit 2, naming the store, before printing anything', async () => {
    const sorted = await run(['orders', 'list', '-p', 'bc,sq', '--sort', 'created:asc', '--all', '-o', 'ids']);
    expect(sorted.code).toBe(2);
    expect(sorted.stdout).toBe('');
    expect(sorted.err).toMatch(/^error: sq: cannot sort squarespace orders by created:asc/m);
    const filtered = await run(['orders', 'list', '-p', 'bc,cs', '--channel', '1', '-o', 'json']);
    expect([filtered.code, filtered.stdout]).toEqual([2, '']);
    expect(JSON.parse(filtered.stderr).error).toMatchObject({ code: 'unsupported', store: 'cs', message: 'cs: --channel is not available on cscart; it is on: bigcommerce' });
    const counted = await run(['orders', 'count', '-p', 'bc,cs', '--channel', '1', '-o', 'table']);
    expect([counted.code, counted.stdout]).toEqual([2, '']);
    expect(counted.err).toMatch(/^error: cs: --channel is not available on cscart/m);
  });

  it('a --status no status of a platform is labelled with is noted, as for one store', async () => {
    const r = await run(['orders', 'list', '-p', 'bc,cs', '--status', 'returned', '--all', '-o', 'ids']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^note: no bigcommerce status is labelled returned/m);
    expect(r.stdout.split('\n').filter(Boolean).every((id) => id.startsWith('cs:'))).toBe(true);
  });

  it('with JSON output, each failing store is one JSON error line on stderr with its code, status and store; the others still print', async () => {
    for (const args of [['orders', 'list', '-p', 'bc,locked,down', '--all', '-o', 'ndjson', '--fields', 'id'], ['orders', 'count', '-p', 'bc,locked,down', '-o', 'json']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout).not.toBe('');
      const errors = r.stderr.split('\n').filter((l) => l && !l.startsWith('note: ')).map((l) => JSON.parse(l).error);
      expect(errors.map((e: { code: string; status: number | null; store: string | null }) => [e.code, e.status, e.store]), args.join(' ')).toEqual([
        ['auth_error', 401, 'locked'],
        ['network_error', null, 'down'],
        ['stores_failed', null, null],
      ]);
      expect(errors[0].message).toMatch(/^locked: bigcommerce answered GET \S+ with 401/);
    }
    // For people: lines naming each store.
    const table = await run(['orders', 'list', '-p', 'bc,locked', '--limit', '2', '-o', 'table']);
    expect(table.code).toBe(1);
    expect(table.stderr).toMatch(/^error: locked: bigcommerce answered GET \S+ with 401/m);
    expect(table.stderr).toMatch(/^hint: locked: the token is the one stored in profile "locked"/m);
  });

  it('without --sort, every store merges newest created first, Squarespace (which lists by last change) too; --limit takes the newest of all', async () => {
    // Old Squarespace orders changed now: first in their store's own listing, last of its merged orders.
    const oldest: string[] = await json(['orders', 'list', '-p', 'sq', '--status', 'awaiting_fulfillment', '--all', '--jq', 'sort_by(.createdAt) | map("sq:\\(.id)") | .[0:8]']);
    expect(oldest).toHaveLength(8);
    const shipped = await run(['orders', 'fulfill', ...oldest, '--tracking', '1Z1', '--carrier', 'ups', '--service', 'ground']);
    expect(shipped.code, shipped.stderr).toBe(0);
    const all = await json(['orders', 'list', '-p', 'bc,cs,sq,os', '--all', '--jq', 'map([.store, .id, .createdAt])']);
    const counts = await json(['orders', 'count', '-p', 'bc,cs,sq,os', '-q', '--jq', '.count']);
    expect(all).toHaveLength(counts);
    const created = all.map(([, , c]: string[]) => c);
    expect(created).toEqual([...created].sort().reverse());
    // Squarespace's own listing is by last change, so its orders are reordered, not only merged.
    const sq = await json(['orders', 'list', '-p', 'sq', '--all', '--jq', 'map(.createdAt)']);
    expect(sq).not.toEqual([...sq].sort().reverse());
    for (const limit of [1, 2, 3, 5, 8, 13, 21]) {
      const first = await json(['orders', 'list', '-p', 'bc,cs,sq,os', '--limit', String(limit), '--jq', 'map([.store, .id, .createdAt])']);
      expect(first, `--limit ${limit}`).toEqual(all.slice(0, limit));
    }
  });

  it('a refused -p or --sandbox with -p is one line in the format asked for: text with -o ids, JSON with -o json', async () => {
    for (const args of [['-p', 'bc,'], ['--sandbox', '-p', 'bc'], ['-p', 'bc', '--all-profiles']]) {
      const text = await run(['orders', 'list', '-o', 'ids', ...args]);
      expect(text.code, args.join(' ')).toBe(2);
      expect(text.stderr, args.join(' ')).toMatch(/^error: [^\n]+\n(hint: [^\n]+\n)?$/);
      const json = await run(['orders', 'list', '-o', 'json', ...args]);
      expect(json.code).toBe(2);
      expect(JSON.parse(json.stderr).error.code).toBe('usage_error');
    }
  });

  it('STORE:ID naming no profile is refused as such, with the stores there are', async () => {
    for (const args of [['orders', 'get', '-p', 'bc,os', 'nope:100'], ['orders', 'status', 'nope:100'], ['orders', 'cancel', '-p', 'cs', 'nope:100', '--yes']]) {
      const r = await run([...args, '-o', 'table']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe('error: order nope:100: no store named "nope"\nhint: stores: bc, cs, sq, os, locked, down\n');
    }
  });
});

describe('orders get over several stores', { timeout: 60_000 }, () => {
  it('one id no store gives: its error alone, nothing on stdout, as for one store', async () => {
    for (const [id, code] of [['99999', 4], ['abc', 2]] as const) {
      for (const format of ['json', 'ndjson', 'csv', 'ids']) {
        const r = await run(['orders', 'get', '-p', 'bc,cs', id, '-o', format]);
        expect([r.code, r.stdout], `${id} -o ${format}`).toEqual([code, '']);
      }
    }
    const one = await run(['orders', 'get', '-p', 'bc', '99999', '-o', 'json']);
    expect([one.code, one.stdout]).toEqual([4, '']);
  });
});

describe('-o ids of an order given with its store', { timeout: 60_000 }, () => {
  it('keeps the store (STORE:ID), so piped on it goes to that store, not the current profile', async () => {
    const ids = async (args: string[]) => {
      const r = await run([...args, '-o', 'ids']);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.split('\n').filter(Boolean);
    };
    expect(await ids(['orders', 'get', 'cs:100'])).toEqual(['cs:100']);
    expect(await ids(['orders', 'status', 'cs:100', 'cs:101'])).toEqual(['cs:100', 'cs:101']);
    expect(await ids(['orders', 'status', 'cs:102', '--set', 'completed', '--yes'])).toEqual(['cs:102']);
    // No store named: the current profile's ids, bare.
    expect(await ids(['orders', 'get', '100'])).toEqual(['100']);
    // Piped on without -p, each goes to its own store (bc is the current profile).
    const piped = await run(['orders', 'status', '--stdin', '-o', 'json'], `${(await ids(['orders', 'get', 'cs:100'])).join('\n')}\n`);
    expect(piped.code, piped.stderr).toBe(0);
    expect(JSON.parse(piped.stdout)).toMatchObject([{ store: 'cs', ok: true }]);
  });
});

describe('orders status (show) over several stores', { timeout: 60_000 }, () => {
  it("an id is shown from the stores that have it, each native status named by its own platform", async () => {
    // 100 is an order on BigCommerce and CS-Cart, not on Outshifter, and cannot be one on Squarespace.
    const r = await run(['orders', 'status', '-p', 'bc,cs,sq,os', '100', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const shown = JSON.parse(r.stdout).map((x: { id: string; store: string; ok: boolean }) => [x.id, x.store, x.ok]);
    expect(shown.sort()).toEqual([
      ['bc:100', 'bc', true],
      ['cs:100', 'cs', true],
    ]);
    const table = await run(['orders', 'status', '-p', 'bc,cs', 'bc:100', 'cs:100', '-o', 'table']);
    expect(table.code, table.stderr).toBe(0);
    const bc = await json(['orders', 'get', 'bc:100', '-o', 'json']);
    const cs = await json(['orders', 'get', 'cs:100', '-o', 'json']);
    const names = { bc: /^bc:100 .* (\d+) \w+/m, cs: /^cs:100 .* ([A-Z]) \w+/m };
    expect(table.stdout).toMatch(names.bc);
    expect(table.stdout).toMatch(names.cs);
    expect(table.stdout.match(names.cs)![1]).toBe(cs.nativeStatus);
    expect(table.stdout.match(names.bc)![1]).toBe(bc.nativeStatus);
  });

  it('an id no store has: exit 4 naming the stores tried; a store that fails otherwise is still a failure', async () => {
    const missing = await run(['orders', 'status', '-p', 'bc,cs', '99999', '-o', 'table']);
    expect(missing.code).toBe(4);
    expect(missing.err).toMatch(/^error: order 99999 not found in bc, cs$/m);
    // Several ids, every one missing (asked of each store, or named with their store): exit 4, as orders get.
    for (const args of [['-p', 'bc,cs', '99998', '99999'], ['bc:99998', 'cs:99999']]) {
      for (const command of ['status', 'get']) {
        const r = await run(['orders', command, ...args, '-o', 'table']);
        expect(r.code, `${command} ${args.join(' ')}: ${r.stderr}`).toBe(4);
        expect(r.err).toMatch(/^error: 2 of 2 orders could not be read$/m);
      }
    }
    // One of them there, or a store refusing its credentials where the other lacks the id: a failed run.
    for (const args of [['-p', 'bc,cs', '99999', '100'], ['-p', 'bc,locked', '99998', '99999'], ['bc:99999', 'cs:100']]) {
      for (const command of ['status', 'get']) expect((await run(['orders', command, ...args, '-o', 'json'])).code, `${command} ${args.join(' ')}`).toBe(1);
    }
    const locked = await run(['orders', 'status', '-p', 'bc,locked', '100', '-o', 'json']);
    expect(locked.code).toBe(1);
    const results = JSON.parse(locked.stdout).map((x: { id: string; ok: boolean; error: { status: number } | null }) => [x.id, x.ok, x.error?.status ?? null]);
    expect(results.sort()).toEqual([
      ['bc:100', true, null],
      ['locked:100', false, 401],
    ]);
  });
});

describe('the error of an order given with its store', { timeout: 60_000 }, () => {
  it('names that store in its JSON line (STORE:ID); an id without one names none', async () => {
    const error = async (args: string[], code: number) => {
      const r = await run([...args, '-o', 'json']);
      expect(r.code, r.stderr).toBe(code);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      return JSON.parse(lines[0]!).error;
    };
    expect(await error(['orders', 'get', 'cs:999999'], 4)).toMatchObject({ code: 'not_found', store: 'cs' });
    expect(await error(['orders', 'cancel', 'cs:999999', '--yes'], 4)).toMatchObject({ code: 'not_found', store: 'cs' });
    expect(await error(['orders', 'shipments', 'bc:999999'], 4)).toMatchObject({ code: 'not_found', store: 'bc' });
    expect(await error(['orders', 'get', '999999'], 4)).toMatchObject({ code: 'not_found', store: null });
  });

  it("names that store when its platform cannot do the change", async () => {
    const error = async (args: string[]) => {
      const r = await run([...args, '-o', 'json']);
      expect(r.code, r.stderr).toBe(2);
      return JSON.parse(r.stderr.trim()).error;
    };
    const sq = 'sq:0123456789abcdef01234567';
    expect(await error(['orders', 'update', sq, '--file', 'order.json'])).toMatchObject({ code: 'unsupported', store: 'sq' });
    expect(await error(['orders', 'update', 'os:3201', '--vendor-ref', 'R1'])).toMatchObject({ code: 'unsupported', store: 'os' });
    expect(await error(['orders', 'cancel', sq, '--yes'])).toMatchObject({ code: 'unsupported', store: 'sq' });
    expect(await error(['orders', 'status', sq, '--set', 'shipped', '--yes'])).toMatchObject({ code: 'unsupported', store: 'sq' });
    expect(await error(['orders', 'archive', 'cs:100', '--yes'])).toMatchObject({ code: 'unsupported', store: 'cs' });
    // Several stores in one run: the one that cannot.
    expect(await error(['orders', 'cancel', 'bc:100', sq, '--yes'])).toMatchObject({ code: 'unsupported', store: 'sq' });
    // A bare id names no store; flags that conflict whatever the store name none either.
    expect(await error(['orders', 'update', '-p', 'sq', '0123456789abcdef01234567', '--file', 'order.json'])).toMatchObject({ code: 'unsupported', store: null });
    expect(await error(['orders', 'cancel', 'os:3201', '--item', '1', '--all-items', '--yes'])).toMatchObject({ code: 'usage_error', store: null });
  });
});
