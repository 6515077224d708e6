// The hostile-server drill: a server that answers like BigCommerce but
// without limits (endless or trickled bodies, waits of days in its headers,
// orders nested 100,000 deep, list elements that are not orders, the token
// echoed where a trace cuts it), bad input past every bound, and paths to a
// terminal. The built binary must end each case promptly with its exit code
// and one clear line. Run against the binary over real sockets.

import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { orderctl } from '../support/cli.js';
import { runCommand } from '../support/context.js';
import { expectCleanFailure, figures, UNSAFE_TEXT } from '../support/drill.js';
import { tempConfigDir } from '../support/tmp.js';

const TOKEN = 'hx7Qz2Vw9KpL4mNs8RtY';
type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
let handler: Handler = (_req, res) => res.writeHead(404).end();
let server: http.Server;
let base = '';
let tmp: ReturnType<typeof tempConfigDir>;
let sandbox: Sandbox;
/** A real BigCommerce order with its items and addresses, as the sandbox dialect writes it. */
let order: Record<string, unknown>;
const tally = figures('hostile');
const env = () => ({ ORDERCTL_CONFIG_DIR: tmp.dir, ORDERCTL_MAX_BODY: '2MB' });
const run = (args: string[], input?: string, timeoutMs = 40_000) => orderctl(args, { env: env(), input, timeoutMs });
const json = (res: http.ServerResponse, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(200, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

beforeAll(async () => {
  server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
  tmp = tempConfigDir();
  const config = await tmp.open();
  await config.save({ currentProfile: 'h', profiles: { h: { platform: 'bigcommerce', baseUrl: base, token: TOKEN } } });
  sandbox = await startSandbox({ seed: 12, orders: 3 });
  const res = await fetch(`${sandbox.baseUrls.bigcommerce}/orders?limit=1&include=consignments.line_items&consignment_structure=object`, { headers: { 'x-auth-token': sandbox.token, accept: 'application/json' } });
  order = ((await res.json()) as Array<Record<string, unknown>>)[0]!;
});
afterAll(async () => {
  tally.save();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  await sandbox.close();
  tmp.remove();
});

/** The first page of a listing: by page number, or by id (`min_id`, from 1). */
function firstPage(req: http.IncomingMessage): boolean {
  const q = new URL(req.url!, 'http://x').searchParams;
  return Number(q.get('min_id') ?? 0) <= 1 && Number(q.get('page') ?? 1) <= 1;
}

/** Times one case: how long the binary took to end it. */
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = Date.now();
  const r = await fn();
  return [r, Date.now() - t];
}

describe('unbounded answers', () => {
  it('an endless chunked body is cut at ORDERCTL_MAX_BODY: exit 1, one line', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = `[${'{"id":1},'.repeat(6000)}`;
      const pump = () => {
        while (res.write(chunk)) if (res.destroyed) return;
        res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    };
    const [r, ms] = await timed(() => run(['orders', 'get', '1']));
    expectCleanFailure({ code: r.code ?? -1, err: r.stderr }, 1, 'endless body');
    expect(r.err).toMatch(/larger than 2 MB/);
    tally.add('hostile answers ended promptly');
    expect(ms).toBeLessThan(30_000);
  });

  it('a body trickled a byte at a time is bounded by --timeout as a whole', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 200);
      res.on('close', () => clearInterval(timer));
    };
    const [r, ms] = await timed(() => run(['orders', 'get', '1', '--timeout', '1s']));
    expectCleanFailure({ code: r.code ?? -1, err: r.stderr }, 1, 'trickle');
    expect(r.err).toMatch(/timed out/);
    // Four attempts of a second each, and the backoff between them.
    expect(ms).toBeLessThan(25_000);
    tally.add('hostile answers ended promptly');
  });
});

describe('waits a server asks for are capped', () => {
  it.each(['999999999', '1e15'])('X-Rate-Limit-Time-Reset-Ms: %s with no requests left fails the next request at once', async (reset) => {
    handler = (req, res) => {
      json(res, firstPage(req) ? [{ ...order, id: 1 }] : [], { 'x-rate-limit-requests-left': '0', 'x-rate-limit-time-reset-ms': reset });
    };
    const [r, ms] = await timed(() => run(['orders', 'list', '--all', '--page-size', '1', '-o', 'ndjson']));
    expectCleanFailure({ code: r.code ?? -1, err: r.stderr }, 1, `reset ${reset}`);
    expect(r.err).toMatch(/asked \(in its quota headers\) to wait \d+d/);
    expect(r.err).not.toMatch(/TimeoutOverflowWarning/);
    expect(ms).toBeLessThan(20_000);
    tally.add('hostile answers ended promptly');
  });

  it('a Retry-After of days on one order of a bulk run fails that order only', async () => {
    handler = (req, res) => {
      if (req.method === 'DELETE' && req.url === '/v2/orders/1') return res.writeHead(429, { 'retry-after': '99999999' }).end();
      if (req.method === 'DELETE') return res.writeHead(204).end();
      res.writeHead(404).end();
    };
    const ids = Array.from({ length: 24 }, (_, i) => String(i + 1));
    const [r, ms] = await timed(() => run(['orders', 'archive', ...ids, '--yes', '-o', 'ndjson']));
    expect(r.code, r.stderr).toBe(1);
    const results = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; ok: boolean });
    expect(results.filter((x) => x.ok).map((x) => x.id).sort()).toEqual(ids.slice(1).sort());
    expect(results.find((x) => x.id === '1')?.ok).toBe(false);
    expect(ms).toBeLessThan(20_000);
    tally.add('hostile answers ended promptly');
  });
});

describe('malformed orders', () => {
  it('an order nested 100,000 levels deep fails the export with one line, no crash', async () => {
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    handler = (req, res) => {
      if (!firstPage(req)) return json(res, []);
      res.writeHead(200, { 'content-type': 'application/json' }).end(`[${JSON.stringify({ ...order, id: 1 }).slice(0, -1)},"deep":${deep}}]`);
    };
    const file = path.join(tmp.dir, 'deep.ndjson');
    const r = await run(['orders', 'export', '--out', file, '--format', 'ndjson']);
    expectCleanFailure({ code: r.code ?? -1, err: r.stderr }, 1, 'deep');
    expect(r.err).toMatch(/nested more than 64 levels/);
    expect(fs.existsSync(file)).toBe(false);
    tally.add('malformed orders refused');
  });

  it.each([['a number', 7], ['null', null], ['an object without an id', { status: 'x' }]])('a list element that is %s is refused, not printed', async (_name, element) => {
    handler = (_req, res) => json(res, [element, { ...order, id: 2 }]);
    const r = await run(['orders', 'list', '-o', 'json']);
    expectCleanFailure({ code: r.code ?? -1, err: r.stderr }, 1, String(element));
    expect(r.err).toMatch(/bigcommerce listed, as element 1 of a page of orders, .*not an order|without an order id/);
    expect(r.stdout).not.toMatch(/"id": ?"undefined"/);
    tally.add('malformed orders refused');
  });
});

describe('bounds on input', () => {
  it.each([
    ['--timeout 30d', ['orders', 'list', '--timeout', '30d'], /--timeout may be at most 24h/],
    ['--overlap 99999999d', ['orders', 'export', '--out', '-', '--format', 'ndjson', '--overlap', '99999999d'], /at most 100 years/],
    ['--since 99999999d', ['orders', 'list', '--since', '99999999d'], /at most 100 years back/],
    ['an id of 100,000 characters', ['orders', 'get', '9'.repeat(100_000)], /an argument of 100000 characters/],
  ])('%s exits 2 with one short line, sending nothing', async (_name, args, why) => {
    let requests = 0;
    handler = (_req, res) => {
      requests++;
      json(res, []);
    };
    const r = await run(args as string[]);
    expectCleanFailure({ code: r.code ?? -1, err: r.stderr }, 2, (args as string[]).join(' ').slice(0, 80));
    expect(r.err).toMatch(why);
    expect(r.err.length).toBeLessThan(500);
    expect(requests).toBe(0);
    tally.add('out-of-bounds inputs refused');
  });

  it('standard input past 64 MB is refused before anything is sent', async () => {
    let requests = 0;
    handler = (_req, res) => {
      requests++;
      res.writeHead(204).end();
    };
    const r = await run(['orders', 'archive', '--stdin', '--yes'], '7'.repeat(70 * 1024 * 1024));
    expectCleanFailure({ code: r.code ?? -1, err: r.stderr }, 2, 'big stdin');
    expect(r.err).toMatch(/standard input is larger than 64 MB/);
    expect(requests).toBe(0);
    tally.add('out-of-bounds inputs refused');
  });

  it('a rejected --stdin line with escape bytes is shown, not obeyed; a line past 10,000 characters is cut', async () => {
    handler = (_req, res) => res.writeHead(204).end();
    const r = await run(['orders', 'archive', '--stdin', '--yes'], `\u001b]0;pwned\u0007 \u001b[2J x\n${'8'.repeat(20_000)}\n5\n`);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(UNSAFE_TEXT);
    expect(r.err).toMatch(/stdin line 1: ".*\\x1b.*" is not one id/);
    expect(r.err).toMatch(/stdin line 2: longer than 10000 characters/);
    expect(r.err.length).toBeLessThan(1000);
    tally.add('out-of-bounds inputs refused');
  });
});

describe('config folder and export target', () => {
  it('an impossible config folder: reads work without it, writes exit 2 naming it, nothing spins', async () => {
    const bad = { ORDERCTL_CONFIG_DIR: '/proc/orderctl-drill' };
    const [list, ms] = await timed(() => orderctl(['profile', 'list', '-o', 'json'], { env: bad, timeoutMs: 15_000 }));
    expect(list.code, list.stderr).toBe(0);
    expect(ms).toBeLessThan(10_000);
    const add = await orderctl(['profile', 'add', 'x', '--platform', 'bigcommerce', '--store-hash', 'h', '--token-stdin'], { env: bad, input: 'tok3n-value', timeoutMs: 15_000 });
    expectCleanFailure({ code: add.code ?? -1, err: add.stderr }, 2, 'config dir');
    expect(add.err).toMatch(/cannot create folder \/proc\/orderctl-drill/);
    tally.add('config folder cases');
  });

  it('a folder as --out is refused before anything is downloaded; a 0600 file stays 0600', async () => {
    let requests = 0;
    handler = (req, res) => {
      requests++;
      json(res, firstPage(req) ? [{ ...order, id: 1 }] : []);
    };
    const dir = path.join(tmp.dir, 'a-folder');
    fs.mkdirSync(dir, { recursive: true });
    const r = await run(['orders', 'export', '--out', dir, '--format', 'csv']);
    expectCleanFailure({ code: r.code ?? -1, err: r.stderr }, 2, 'folder target');
    expect(requests).toBe(0);
    const file = path.join(tmp.dir, 'private.csv');
    fs.writeFileSync(file, 'old\n', { mode: 0o600 });
    const ok = await run(['orders', 'export', '--out', file]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    tally.add('export target cases');
  });
});

describe('secrets and terminals', () => {
  it('--debug redacts a body before cutting it: a token split by the cut never shows in part', async () => {
    // The token straddles the 4,000th character of the traced body.
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(`{"pad":"${'x'.repeat(4000 - 9 - 6)}${TOKEN}${'y'.repeat(100)}"}`);
    const r = await run(['orders', 'get', '1', '--debug']);
    expect(r.err).not.toContain(TOKEN.slice(0, 6));
    expect(r.err).toContain('[redacted]');
    tally.add('secret cases');
  });

  it('-o csv on a terminal shows escape sequences and bidi controls instead of passing them', async () => {
    handler = (_req, res) => json(res, [{ ...order, id: 1, billing_address: { ...(order.billing_address as object), first_name: 'Ev\u001b[31mil\u202eknab', email: 'x\u001b]8;;http://e/\u0007y@example.com' } }]);
    const r = await runCommand(['orders', 'list', '-o', 'csv'], { config: await tmp.open(), io: { stdoutIsTTY: true } });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('\\x1b[31m');
    expect(r.out).not.toMatch(UNSAFE_TEXT);
    tally.add('terminal paths checked');
  });
});
