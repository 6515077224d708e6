// Scripting through the built binary: `orderctl api`, `--jq` and
// `--sandbox PLATFORM`, against a sandbox holding every platform's dialect.
// Run `npm run build` first so dist/ is current.

import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Exchange, type Sandbox } from '../../src/sandbox/server.js';
import { addProfiles, BIN, cliWith, orderctl } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

let sandbox: Sandbox;
let cfg: ReturnType<typeof tempConfigDir>;
let env: Record<string, string>;
const exchanges: Exchange[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7, orders: 60, onExchange: (ex) => exchanges.push(ex) });
  cfg = tempConfigDir();
  env = { ORDERCTL_CONFIG_DIR: cfg.dir };
  await addProfiles(env, sandbox.token, [
    ['bc', ['--platform', 'bigcommerce', '--base-url', sandbox.baseUrls.bigcommerce!, '--use']],
    ['sq', ['--platform', 'squarespace', '--base-url', sandbox.baseUrls.squarespace!]],
    ['cs', ['--platform', 'cscart', '--base-url', sandbox.baseUrls.cscart!, '--username', 'admin@example.com']],
    ['os', ['--platform', 'outshifter', '--base-url', sandbox.baseUrls.outshifter!, '--storefront', 'sandbox']],
  ]);
});
afterAll(async () => {
  await sandbox.close();
  cfg.remove();
});

const { run, json } = cliWith(() => env);
const lines = (s: string) => s.split('\n').filter(Boolean);

describe('orderctl api', { timeout: 60_000 }, () => {
  it('GET a path under the profile\'s API root, with its credentials', async () => {
    const count = await json(['api', '/orders/count']);
    expect(count.count).toBe(60);
    const ex = exchanges.at(-1)!;
    expect(ex.method).toBe('GET');
    expect(ex.platform).toBe('bigcommerce');
    expect(ex.path).toBe('/orders/count');
  });

  it('-X GET with fields sends them as the query; -F types them', async () => {
    const r = await run(['api', '-X', 'GET', '/orders', '-F', 'limit=3', '-f', 'sort=id:asc', '--jq', '.[].id']);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)).toEqual(['100', '101', '102']);
  });

  it('a non-2xx answer prints its body on stdout and exits with the mapped code (404 → 4)', async () => {
    const r = await run(['api', '/orders/99999']);
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout)).toEqual([{ status: 404, message: expect.any(String) }]);
    expect(r.err).toMatch(/^error: bigcommerce answered GET \S+\/orders\/99999 with 404/m);
  });

  it('refused credentials exit 3, and --debug never shows the token', async () => {
    const bad = { ...env, ORDERCTL_TOKEN: 'wrong-token-123456' };
    const r = await orderctl(['api', '/orders/count', '--debug'], { env: bad });
    expect(r.code).toBe(3);
    expect(r.err).toContain('[debug] > GET');
    expect(r.err + r.stdout).not.toContain('wrong-token-123456');
    expect(r.err + r.stdout).not.toContain(sandbox.token);
  });

  it('--dry-run prints a change instead of sending it; -F builds the JSON body', async () => {
    const before = exchanges.length;
    const r = await run(['api', '-X', 'PUT', '/orders/100', '-F', 'status_id=2', '-f', 'staff_notes=called', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    const [line, body] = lines(r.stdout);
    expect(line).toMatch(/^PUT http:\/\/127\.0\.0\.1:\d+\/bigcommerce\/stores\/[^/]+\/v2\/orders\/100$/);
    expect(JSON.parse(body!)).toEqual({ status_id: 2, staff_notes: 'called' });
    expect(exchanges.length).toBe(before);
  });

  it('-i prints the status line and headers first', async () => {
    const r = await run(['api', '-i', '/orders/count']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^HTTP 200\n(?:[a-z0-9-]+: .*\n)+\n\{/);
    expect(r.stdout).toContain('x-rate-limit-requests-quota:');
  });

  it('--paginate follows BigCommerce pages (page/limit until a short page or 204)', async () => {
    const before = exchanges.length;
    const r = await run(['api', '/orders', '-X', 'GET', '-F', 'limit=25', '--paginate', '-o', 'ndjson', '--jq', '.id']);
    expect(r.code, r.stderr).toBe(0);
    const listed = await json(['orders', 'list', '--all', '--raw', '--jq', 'map(.id)']);
    expect(lines(r.stdout).map(Number).sort((a, b) => a - b)).toEqual([...listed].sort((a: number, b: number) => a - b));
    const pages = exchanges.slice(before, before + 3).map((e) => e.query.page);
    expect(pages).toEqual(['1', '2', '3']);
  });

  it('--paginate of an object that holds a list prints the object, once: BigCommerce /orders/count and its statuses', async () => {
    const count = await json(['api', '/orders/count']);
    expect(count.statuses.length).toBeGreaterThan(1);
    const before = exchanges.length;
    expect(await json(['api', '/orders/count', '--paginate'])).toEqual(count);
    expect(exchanges.length - before).toBe(1);
  });

  it('--paginate follows Squarespace cursors, sending the cursor alone', async () => {
    const before = exchanges.length;
    // orderctl's lists ask for every payment state (the API's default leaves five out).
    const states = 'NOT_CHARGED,AUTHORIZED,PAID,REFUNDED,PENDING,FAILED,REFUND_PENDING,REFUND_FAILED,PARTIALLY_PAID';
    const r = await run(['api', '-p', 'sq', '/orders', '-X', 'GET', '-f', `paymentStates=${states}`, '--paginate', '--jq', 'length']);
    expect(r.code, r.stderr).toBe(0);
    const all = await json(['orders', 'list', '-p', 'sq', '--all', '--jq', 'length']);
    expect(Number(r.stdout)).toBe(all);
    const later = exchanges.slice(before + 1).filter((e) => e.platform === 'squarespace' && e.query.cursor);
    expect(later.length).toBeGreaterThan(0);
    for (const e of later) expect(Object.keys(e.query)).toEqual(['cursor']);
  });

  it('--paginate follows CS-Cart pages (page/items_per_page until total_items)', async () => {
    // orderctl's lists ask for incomplete orders too (the API hides them by default).
    const r = await run(['api', '-p', 'cs', '/orders', '-X', 'GET', '-F', 'items_per_page=20', '-F', 'include_incompleted=1', '--paginate', '--jq', 'map(.order_id) | length']);
    expect(r.code, r.stderr).toBe(0);
    const all = await json(['orders', 'list', '-p', 'cs', '--all', '--jq', 'length']);
    expect(Number(r.stdout)).toBe(all);
  });

  it('--paginate on Outshifter makes its one request (its lists are not paged)', async () => {
    const before = exchanges.length;
    const r = await run(['api', '-p', 'os', '/orders', '-X', 'GET', '-f', 'storefront=sandbox', '--paginate', '--jq', 'length']);
    expect(r.code, r.stderr).toBe(0);
    expect(Number(r.stdout)).toBeGreaterThan(0);
    expect(exchanges.length - before).toBe(1);
  });

  it('refuses URLs of other hosts, and output formats that are not JSON', async () => {
    const url = await run(['api', 'https://example.com/x']);
    expect(url.code).toBe(2);
    expect(url.err).toMatch(/^error: "https:\/\/example.com\/x" is a URL/);
    const csv = await run(['api', '/orders', '-o', 'csv']);
    expect(csv.code).toBe(2);
  });
});

describe('--jq', { timeout: 60_000 }, () => {
  it('filters the JSON of any command, as jq -rc', async () => {
    const r = await run(['orders', 'list', '--limit', '3', '--jq', '.[] | [.id, .status] | @tsv']);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)).toHaveLength(3);
    expect(lines(r.stdout)[0]).toMatch(/^\d+\t[a-z_]+$/);
    const one = await run(['orders', 'get', '100', '--jq', '.totals.total.amount']);
    expect(one.stdout).toMatch(/^\d+\.\d{2}\n$/);
    const count = await run(['orders', 'count', '--jq', '.count']);
    expect(count.stdout).toBe('60\n');
  });

  it('with -o ndjson runs on each line', async () => {
    const r = await run(['orders', 'list', '--all', '-o', 'ndjson', '--jq', 'select(.status == "cancelled") | .id']);
    expect(r.code, r.stderr).toBe(0);
    const cancelled = await json(['orders', 'list', '--all', '--status', 'cancelled', '--jq', 'map(.id)']);
    expect(lines(r.stdout).sort()).toEqual([...cancelled].sort());
  });

  it('a bad expression exits 2 before any request', async () => {
    const before = exchanges.length;
    const r = await run(['orders', 'list', '--jq', '.[']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: invalid --jq expression: syntax error/);
    expect(exchanges.length).toBe(before);
  });

  it('--jq with a table, CSV or ids is a usage error', async () => {
    for (const format of ['csv', 'table', 'ids']) {
      const before = exchanges.length;
      const r = await run(['orders', 'list', '-o', format, '--jq', '.']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`--jq filters JSON: it cannot be used with -o ${format}`));
      expect(exchanges.length).toBe(before);
    }
  });

  it('an error while it runs exits 1 after what was printed before it, as jq prints it', async () => {
    const r = await run(['orders', 'list', '--limit', '3', '--sort', 'id:asc', '--jq', '.[0].id, error("boom"), .[1].id']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('100\n');
    expect(r.err.trim()).toBe('error: --jq: boom');
  });

  it('when the command fails too, jq\'s error is told before the command\'s, which sets the exit code', async () => {
    const r = await run(['orders', 'get', '101', '99999', '--jq', '.id']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const errors = lines(r.stderr).map((l) => JSON.parse(l).error);
    expect(errors.map((e) => e.code)).toEqual(['not_found', 'jq_error', 'api_error']);
    expect(errors[1].message).toBe('--jq: Cannot index array with string "id"');
  });

  it('with -o ndjson an error ends its line only: every other line prints, then exit 1', async () => {
    const expr = 'if .id == "105" then error("boom \\(.id)") else .id end';
    const r = await run(['orders', 'list', '--all', '--sort', 'id:asc', '-o', 'ndjson', '--jq', expr]);
    expect(r.code).toBe(1);
    const all = await json(['orders', 'list', '--all', '--sort', 'id:asc', '--jq', 'map(.id)']);
    expect(lines(r.stdout)).toEqual(all.filter((id: string) => id !== '105'));
    expect(r.err.trim()).toBe('error: --jq: boom 105');
  });

  it('halt_error prints its text as jq does and exits with its code', async () => {
    const r = await run(['orders', 'count', '--jq', 'if .count > 0 then "\\(.count) orders\\n" | halt_error(3) else empty end']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('60 orders\n');
  });

  it('the error of a failing command is not filtered: it stays the one JSON error line', async () => {
    const r = await run(['orders', 'get', '99999', '--jq', '.id']);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr).error).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('orders export --out - filters its JSON, NDJSON line by line; other exports refuse --jq before any request', async () => {
    expect((await run(['orders', 'export', '--format', 'json', '--out', '-', '-q', '--jq', 'length'])).stdout).toBe('60\n');
    const lines1 = await run(['orders', 'export', '--format', 'ndjson', '--out', '-', '-q', '--jq', 'input_line_number']);
    expect(lines(lines1.stdout).at(-1)).toBe('60');
    const next = await run(['orders', 'export', '--format', 'ndjson', '--out', '-', '-q', '--jq', 'input']);
    expect(next.code).toBe(1);
    expect(next.err).toMatch(/NDJSON output is filtered line by line/);
    for (const [args, message] of [
      [['--format', 'csv', '--out', '-'], /--jq filters JSON: it cannot be used with --format csv/],
      [['--format', 'json', '--out', `${cfg.dir}/orders.json`], /--jq filters standard output, and this export goes to /],
      [['--format', 'ndjson', '--out', '-', '--checkpoint', 'nightly'], /--jq cannot be used with --checkpoint/],
    ] as const) {
      const before = exchanges.length;
      const r = await run(['orders', 'export', ...args, '--jq', '.']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(exchanges.length).toBe(before);
    }
  });

  it('filters schema\'s list of names as a JSON array; completion, a script, refuses --jq', async () => {
    const names = await run(['schema', '--jq', '.[]']);
    expect(names.code, names.stderr).toBe(0);
    expect(lines(names.stdout)).toContain('order');
    expect((await run(['schema', '-o', 'json'])).stdout).toMatch(/^\["order",/);
    const completion = await run(['completion', 'bash', '--jq', '.']);
    expect(completion.code).toBe(2);
    expect(completion.err).toMatch(/--jq filters JSON, and completion prints a shell script/);
  });
});

describe('--jq -o ndjson streams', { timeout: 60_000 }, () => {
  // A BigCommerce store whose second page waits until orderctl has printed a
  // line of the first (or 20 s): a filter that held lines back would wait too.
  it('prints the first page\'s lines before the last page is read', async () => {
    let release: (by: string) => void = () => undefined;
    const released = new Promise<string>((r) => (release = r));
    const order = (id: number) => ({ id, status_id: 11, status: 'Awaiting Fulfillment', date_created: 'Wed, 10 Jan 2018 21:05:30 +0000', date_modified: 'Wed, 10 Jan 2018 21:05:30 +0000', total_inc_tax: '1.0000', currency_code: 'USD', billing_address: {} });
    const server = http.createServer((req, res) => {
      const page = Number(new URL(req.url!, 'http://x').searchParams.get('page') ?? '1');
      const answer = (body: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (page === 1) answer([order(1), order(2)]);
      else void released.then(() => answer([order(3)]));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const cfgDir = tempConfigDir();
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const e = { ORDERCTL_CONFIG_DIR: cfgDir.dir };
      expect((await orderctl(['profile', 'add', 'held', '--platform', 'bigcommerce', '--base-url', base, '--token-stdin'], { env: e, input: 'tok\n' })).code).toBe(0);
      const child = spawn(process.execPath, [BIN, '-p', 'held', 'orders', 'list', '--all', '--page-size', '2', '-o', 'ndjson', '--jq', '.id'], { env: { PATH: process.env.PATH, ...e } });
      let stdout = '';
      child.stdout.on('data', (d) => {
        stdout += d;
        release('output');
      });
      const timer = setTimeout(() => release('timeout'), 20_000);
      const code = await new Promise((r) => child.on('close', r));
      clearTimeout(timer);
      expect(await released).toBe('output');
      expect(code).toBe(0);
      expect(stdout).toBe('1\n2\n3\n');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      cfgDir.remove();
    }
  });
});

describe('--sandbox [PLATFORM]', { timeout: 60_000 }, () => {
  it('picks the dialect; the default is BigCommerce', async () => {
    const sbEnv = { ORDERCTL_CONFIG_DIR: tempConfigDir().dir };
    const platforms = async (args: string[]) => {
      const r = await orderctl([...args, 'orders', 'list', '--limit', '1', '--jq', '.[].platform'], { env: sbEnv });
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.trim();
    };
    expect(await platforms(['--sandbox'])).toBe('bigcommerce');
    expect(await platforms(['--sandbox', 'squarespace'])).toBe('squarespace');
    expect(await platforms(['--sandbox', 'cscart'])).toBe('cscart');
    expect(await platforms(['--sandbox=outshifter'])).toBe('outshifter');
  });

  it('with -p or --all-profiles is an error, not a silent choice', async () => {
    const r = await run(['--sandbox', '-p', 'sq', 'orders', 'list']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: --sandbox and -p cannot be used together/);
    const all = await run(['orders', 'list', '--sandbox', '--all-profiles']);
    expect(all.code).toBe(2);
  });

  it('an unknown platform is a usage error', async () => {
    const r = await run(['orders', 'list', '--sandbox=shopify']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown sandbox platform "shopify"/);
  });
});

describe('--stdin', { timeout: 60_000 }, () => {
  it('an order list\'s JSON array (the default off a terminal) is refused whole before any request: exit 2, one error', async () => {
    const list = await run(['orders', 'list', '--limit', '3']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout.startsWith('[\n')).toBe(true);
    for (const command of [['get'], ['status'], ['fulfill', '--tracking', 'T1'], ['cancel', '--yes'], ['archive', '--yes']]) {
      const before = exchanges.length;
      const r = await run(['orders', ...command, '--stdin', '-o', 'table'], list.stdout);
      expect(r.code, `${command[0]}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toBe('error: --stdin reads one order a line (an id, or a JSON object), not a JSON array\nhint: pipe "-o ids" or "-o ndjson" into it, e.g. orderctl orders list … -o ids | orderctl orders fulfill --stdin\n');
      expect(r.stdout).toBe('');
      expect(exchanges.length).toBe(before);
    }
  });
});
