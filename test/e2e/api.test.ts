// `orderctl api` through the built binary, as gh api users try it: typed
// fields, standard input, HEAD, answers that are not JSON, -i with
// --paginate, --silent, and paths that would take the credentials elsewhere.
// Run `npm run build` first so dist/ is current.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
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
// A server that answers in text, as a shop's pages or an export endpoint do.
let textServer: http.Server;
const textHits: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders }> = [];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11, orders: 60, onExchange: (ex) => exchanges.push(ex) });
  textServer = http.createServer((req, res) => {
    textHits.push({ method: req.method!, url: req.url!, headers: req.headers });
    if (req.url === '/v2/report.csv') {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end('id,total\n1,9.99\n');
    } else if (req.url!.startsWith('/v2/orders?')) {
      // A listing whose second page fails.
      const page = new URL(req.url!, 'http://x').searchParams.get('page');
      res.writeHead(page === '1' ? 200 : 500, { 'content-type': 'application/json' });
      res.end(page === '1' ? '[{"id":1},{"id":2}]' : '[{"status":500,"message":"boom"}]');
    } else if (req.url!.startsWith('/v2/stuck?')) {
      // Paging that ignores the page asked for.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[{"sku":"a"},{"sku":"b"}]');
    } else if (req.url!.startsWith('/v2/loop')) {
      // A Squarespace cursor that comes back, with new items each time.
      const n = textHits.filter((h) => h.url.startsWith('/v2/loop')).length;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ result: [{ id: `o${n}` }], pagination: { hasNextPage: true, nextPageCursor: 'c1' } }));
    } else if (req.url === '/v2/teapot') {
      res.writeHead(418, { 'content-type': 'text/plain' });
      res.end("I'm a teapot");
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    }
  });
  await new Promise<void>((resolve) => textServer.listen(0, '127.0.0.1', resolve));
  const textUrl = `http://127.0.0.1:${(textServer.address() as AddressInfo).port}/v2`;
  cfg = tempConfigDir();
  env = { ORDERCTL_CONFIG_DIR: cfg.dir };
  await addProfiles(env, sandbox.token, [
    ['bc', ['--platform', 'bigcommerce', '--base-url', sandbox.baseUrls.bigcommerce!, '--use']],
    ['sq', ['--platform', 'squarespace', '--base-url', sandbox.baseUrls.squarespace!]],
    ['cs', ['--platform', 'cscart', '--base-url', sandbox.baseUrls.cscart!, '--username', 'admin@example.com']],
    ['text', ['--platform', 'bigcommerce', '--base-url', textUrl]],
    ['textsq', ['--platform', 'squarespace', '--base-url', textUrl]],
  ]);
});
afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => textServer.close(resolve));
  cfg.remove();
});

const { run } = cliWith(() => env);
const lines = (s: string) => s.split('\n').filter(Boolean);

describe('orderctl api: fields', { timeout: 60_000 }, () => {
  it('-F sends a number as it was typed: no rounding of long ids, 1e3 and 1.10 kept', async () => {
    const r = await run(['api', '-X', 'PUT', '/orders/100', '-F', 'big=9007199254740993', '-F', 'x=1e3', '-F', 'f=1.10', '-F', 'n=007', '-F', 'i=12', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)[1]).toBe('{"big":9007199254740993,"x":1e3,"f":1.10,"n":"007","i":12}');
    const before = exchanges.length;
    const get = await run(['api', '-X', 'GET', '/orders', '-F', 'max_total=1.50', '-F', 'limit=1']);
    expect(get.code, get.stderr).toBe(0);
    expect(exchanges[before]!.query).toMatchObject({ max_total: '1.50' });
  });

  it('--input sends the file as written', async () => {
    const file = path.join(cfg.dir, 'body.json');
    fs.writeFileSync(file, '{"status_id": 2, "id": 12345678901234567890, "p": 1.10}\n');
    const r = await run(['api', '-X', 'PUT', '/orders/100', '--input', file, '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)[1]).toBe('{"status_id": 2, "id": 12345678901234567890, "p": 1.10}');
  });

  it('KEY[] alone makes an empty array, as in gh', async () => {
    const r = await run(['api', '-X', 'POST', '/orders', '-F', 'products[]', '-f', 'note=x', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(lines(r.stdout)[1]!)).toEqual({ products: [], note: 'x' });
  });

  it('standard input feeds one reader: -F KEY=@- and --input - together are a usage error', async () => {
    const both = await orderctl(['api', '-X', 'POST', '/orders', '-F', 'note=@-', '--input', '-'], { env, input: '{"a":1}' });
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/^error: -F note=@- and --input - both read standard input/m);
    const twice = await orderctl(['api', '-X', 'POST', '/orders', '-F', 'a=@-', '-F', 'b=@-'], { env, input: 'text' });
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/^error: -F b=@- and -F a=@- both read standard input/m);
    const one = await orderctl(['api', '-X', 'PUT', '/orders/100', '-F', 'staff_notes=@-', '--dry-run'], { env, input: 'called\n' });
    expect(one.code, one.stderr).toBe(0);
    expect(JSON.parse(lines(one.stdout)[1]!)).toEqual({ staff_notes: 'called\n' });
  });
});

describe('orderctl api: methods and answers', { timeout: 60_000 }, () => {
  it('-X HEAD sends a HEAD: nothing printed, -i shows the status and headers, a 404 exits 4', async () => {
    const before = exchanges.length;
    const r = await run(['api', '-X', 'HEAD', '/orders/count']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(exchanges[before]).toMatchObject({ method: 'HEAD', path: '/orders/count' });
    const i = await run(['api', '--method', 'head', '-i', '/orders/count']);
    expect(i.code, i.stderr).toBe(0);
    expect(i.stdout).toMatch(/^HTTP 200\n(?:[a-z0-9-]+: .*\n)+\n$/);
    const missing = await run(['api', '-X', 'HEAD', '/orders/99999']);
    expect(missing.code).toBe(4);
    expect(missing.err).toMatch(/^error: bigcommerce answered HEAD \S+\/orders\/99999 with 404$/m);
  });

  it('an answer that is not JSON is printed as it came; --jq on it fails', async () => {
    const csv = await run(['api', '-p', 'text', '/report.csv']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toBe('id,total\n1,9.99\n');
    const i = await run(['api', '-p', 'text', '-i', '/report.csv']);
    expect(i.stdout).toMatch(/^HTTP 200\n(?:.*\n)*content-type: text\/csv\n(?:.*\n)*\nid,total\n1,9\.99\n$/);
    const jq = await run(['api', '-p', 'text', '/report.csv', '--jq', '.']);
    expect(jq.code).toBe(1);
    expect(jq.err).toMatch(/answered GET \/v2\/report\.csv with 200 and text\/csv, not JSON: --jq reads JSON only/);
    expect(jq.stdout).toBe('');
    const before = textHits.length;
    const teapot = await run(['api', '-p', 'text', '/teapot']);
    expect(teapot.code).toBe(1);
    expect(teapot.stdout).toBe("I'm a teapot\n");
    expect(textHits.length - before).toBe(1);
  });

  it('--silent prints no body; the exit code still tells', async () => {
    const ok = await run(['api', '/orders/count', '--silent']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toBe('');
    const missing = await run(['api', '/orders/99999', '--silent']);
    expect(missing.code).toBe(4);
    expect(missing.stdout).toBe('');
    const pages = await run(['api', '/orders', '--paginate', '--silent']);
    expect(pages.code, pages.stderr).toBe(0);
    expect(pages.stdout).toBe('');
  });

  it('--paginate with fields and no -X (a POST, as in gh api) says to add -X GET; with -X POST it only refuses', async () => {
    const before = exchanges.length;
    const implied = await run(['api', '/orders', '-f', 'status_id=11', '--paginate']);
    expect([implied.code, implied.stdout]).toEqual([2, '']);
    expect(JSON.parse(implied.stderr).error).toMatchObject({ message: '--paginate follows the pages of a GET', hint: '-f, -F and --input make the request a POST; add -X GET to send the fields as query parameters' });
    const told = await run(['api', '-X', 'POST', '/orders', '-f', 'status_id=11', '--paginate']);
    expect(told.code).toBe(2);
    expect(JSON.parse(told.stderr).error).toMatchObject({ message: '--paginate follows the pages of a GET', hint: null });
    expect(exchanges.length).toBe(before);
  });

  it('-i with --paginate: each page after its own status and headers, as its own JSON array', async () => {
    const r = await run(['api', '-i', '--paginate', '-X', 'GET', '/orders', '-F', 'limit=25']);
    expect(r.code, r.stderr).toBe(0);
    const blocks = r.stdout.split(/^(?=HTTP \d{3}\n)/m);
    expect(blocks.map((b) => b.slice(0, 8))).toEqual(['HTTP 200', 'HTTP 200', 'HTTP 200']);
    const ids = blocks.flatMap((b) => JSON.parse(b.slice(b.indexOf('\n\n') + 2)).map((o: { id: number }) => o.id));
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
  });

  it('--fields picks from the answer with or without --paginate', async () => {
    const one = await run(['api', '/orders/100', '--fields', 'id,status_id']);
    expect(one.code, one.stderr).toBe(0);
    expect(Object.keys(JSON.parse(one.stdout))).toEqual(['id', 'status_id']);
    const list = await run(['api', '-X', 'GET', '/orders', '-F', 'limit=2', '--fields', 'id']);
    expect(JSON.parse(list.stdout)).toEqual([{ id: 100 }, { id: 101 }]);
    const pages = await run(['api', '-X', 'GET', '/orders', '-F', 'limit=2', '-F', 'max_id=101', '--paginate', '--fields', 'id']);
    expect(JSON.parse(pages.stdout)).toEqual([{ id: 100 }, { id: 101 }]);
  });

  it('--paginate failing on a later page: the items so far stay a whole array, then the answer\'s body', async () => {
    const r = await run(['api', '-p', 'text', '/orders', '-X', 'GET', '-F', 'limit=2', '--paginate']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: bigcommerce answered GET \/v2\/orders with 500: boom$/m);
    const [items, body] = r.stdout.split(/(?<=^\]\n)/m);
    expect(JSON.parse(items!)).toEqual([{ id: 1 }, { id: 2 }]);
    expect(JSON.parse(body!)).toEqual([{ status: 500, message: 'boom' }]);
  });
});

describe('orderctl api: --paginate on broken paging', { timeout: 60_000 }, () => {
  it('the same page again stops with exit 1 instead of running forever', async () => {
    const r = await run(['api', '-p', 'text', '/stuck', '-X', 'GET', '-F', 'limit=2', '--paginate', '-o', 'ndjson']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: bigcommerce answered page 2 of GET \/stuck with no order not listed before/m);
    expect(lines(r.stdout)).toEqual(['{"sku":"a"}', '{"sku":"b"}']);
  });

  it('a Squarespace cursor given before stops with exit 1', async () => {
    const r = await run(['api', '-p', 'textsq', '/loop', '--paginate', '-o', 'ndjson']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: squarespace answered page 2 of GET \/loop with a next-page cursor it gave before \(c1\)/m);
    expect(lines(r.stdout)).toEqual(['{"id":"o1"}']);
  });
});

describe('orderctl api: where the credentials go', { timeout: 60_000 }, () => {
  it('a path cannot climb out of the API root with .. (plain or encoded)', async () => {
    const before = exchanges.length;
    for (const p of ['/../../../squarespace/1.0/commerce/orders', 'orders/../../x', '/%2e%2e/%2e%2e/x', '/..\\..\\x']) {
      const r = await run(['api', p]);
      expect(r.code, p).toBe(2);
      expect(r.err).toMatch(/leads out of the profile's API root \(\/bigcommerce\/stores\/[^/]+\/v2\)/);
    }
    expect(exchanges.length).toBe(before);
    const inside = await run(['api', '/orders/../orders/count', '--jq', '.count']);
    expect(inside.stdout).toBe('60\n');
    const bare = await run(['api', 'orders/count', '--jq', '.count']);
    expect(bare.stdout).toBe('60\n');
  });

  it('a full URL under the profile\'s API root is taken; any other URL is refused before sending', async () => {
    const ok = await run(['api', `${sandbox.baseUrls.bigcommerce}/orders/count?status_id=11`, '--jq', '.count']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(Number(ok.stdout)).toBeGreaterThan(0);
    expect(exchanges.at(-1)).toMatchObject({ path: '/orders/count', query: { status_id: '11' } });
    const before = exchanges.length;
    const hits = textHits.length;
    const others = [
      `${sandbox.baseUrls.squarespace}/orders`,
      `${sandbox.baseUrls.bigcommerce}2/orders`,
      `${sandbox.baseUrls.bigcommerce}/../../x`,
      `${sandbox.baseUrls.bigcommerce!.replace('127.0.0.1', 'localhost')}/orders`,
      textServer.address() ? `http://127.0.0.1:${(textServer.address() as AddressInfo).port}/v2/x` : '',
      '//evil.example/x',
    ];
    for (const url of others) {
      const r = await run(['api', url]);
      expect(r.code, url).toBe(2);
      expect(r.err).toMatch(/is a URL outside the profile's API root/);
    }
    expect(exchanges.length).toBe(before);
    expect(textHits.length).toBe(hits);
  });
});
