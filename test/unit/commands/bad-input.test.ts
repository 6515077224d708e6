// Generated bad input (seeded, so every run tries the same cases): each gets
// exit 2 and one "error:" line naming the problem; no stack trace, no request.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededRandom } from '../../../src/core/clock.js';
import { memoryConfig, openConfig } from '../../../src/core/config.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/server.js';
import { runCommand } from '../../support/context.js';
import { tempConfigDir } from '../../support/tmp.js';

const random = seededRandom(2026);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const junk = () => pick(['', ' ', 'x', '-1', '0', '1.5', '2026-13-01', '2026-02-30', 'tomorrowish', '7y', '%00', '../x', '💥', 'a,,b', '{"', 'NaN', '1e999', '9'.repeat(30)]);

let sandbox: Sandbox;
let requests = 0;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 1, orders: 5, onExchange: () => requests++ });
});
afterAll(() => sandbox.close());

const config = () => memoryConfig({ currentProfile: 's', profiles: { s: { platform: 'bigcommerce', baseUrl: sandbox.baseUrls.bigcommerce!, token: sandbox.token } } });

function cases(): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < 60; i++) {
    out.push(
      pick([
        ['orders', 'list', '--since', junk()],
        ['orders', 'list', '--created-until', junk()],
        ['orders', 'list', '--page-size', pick(['0', '251', '-3', 'ten', '1.5'])],
        ['orders', 'list', '--limit', pick(['0', '-1', 'many'])],
        ['orders', 'list', '--status', pick(['lost', 'shipped-ish', '15', '', 'P'])],
        ['orders', 'list', '--sort', pick(['total', 'id:up', ':asc', 'date_created:sideways'])],
        ['orders', 'list', '--customer', pick(['abc', '-5', '1.5'])],
        ['orders', 'list', '--fields', pick(['a,,b', 'custmer.email', '.', 'id,'])],
        ['orders', 'list', '--all', '--limit', '5'],
        ['-o', pick(['xml', 'yaml', 'TABLE', '']), 'orders', 'list'],
        ['--timeout', pick(['0s', 'soon', '-1', ''])!, 'orders', 'list'],
        ['orders', 'get', pick(['abc', '../x', '1.5', '-1', '..'])],
        ['orders', 'status', '1', '--set', pick(['returned', 'bogus', '99'])],
        ['orders', 'fulfill', '1', '--item', pick(['', ':3', 'a:0', 'a:b'])],
        ['orders', 'fulfill', '1', '--tracking-url', pick(['ftp://x', 'not a url', 'javascript:alert(1)'])],
        ['orders', 'export', '--out', 'x.txt'],
        ['orders', 'export', '--format', pick(['xml', 'tsv']), '--out', '-'],
        ['profile', 'add', pick(['', '-x', 'a b', '💥']), '--platform', 'bigcommerce', '--store-hash', 'h'],
        ['profile', 'add', 'p', '--platform', pick(['shopify', '', 'BIGCOMMERCE'])],
        ['sandbox', 'serve', '--port', pick(['65536', '-1', 'http'])],
        ['sandbox', 'serve', '--fail-rate', pick(['1.5', '-0.1', 'often'])],
      ]),
    );
  }
  return out;
}

it('every generated bad command line exits 2 with one error line and sends nothing', async () => {
  const tried = cases();
  for (const args of tried) {
    const before = requests;
    const r = await runCommand(args, { config: config() });
    const where = args.join(' ');
    expect(r.code, where).toBe(2);
    expect(r.err, where).toMatch(/^error: .+\n/);
    expect(r.err, where).not.toMatch(/\n\s+at /);
    expect(r.out, where).toBe('');
    expect(requests - before, where).toBe(0);
  }
  expect(tried.length).toBe(60);
});

it('bad order files are refused before any request', async () => {
  const bodies = ['', '{', '[]', 'null', '42', '{"products": []}', '{"billing_address": {}}', '{"billing_address": {}, "products": [{"product_id": 1}], "consignments": [{}]}', '{"billing_address": {}, "products": [{}], "status_id": 99}'];
  for (const body of bodies) {
    const before = requests;
    const r = await runCommand(['orders', 'create', '--file', '-'], { config: config(), io: { stdin: body } });
    expect(r.code, body).toBe(2);
    expect(r.err, body).toMatch(/^error: /);
    expect(requests - before, body).toBe(0);
  }
});

it('damaged config files give exit 2 naming the file, and stay as they were', async () => {
  const texts = ['', '{', '[1]', '{"profiles": 5}', '{"profiles": {"a": {"platform": "shopify"}}}', '{"profiles": {"a": {"platform": "bigcommerce", "token": []}}}', '{"currentProfile": 3, "profiles": {}}', '\u0000\u0001'];
  for (const text of texts) {
    const tmp = tempConfigDir();
    const file = path.join(tmp.dir, 'config.json');
    fs.writeFileSync(file, text);
    let r;
    try {
      const store = await openConfig({ ORDERCTL_CONFIG_DIR: tmp.dir });
      r = await runCommand(['profile', 'list'], { config: store });
    } catch (err) {
      r = { code: (err as { exitCode?: number }).exitCode, err: `error: ${(err as Error).message}\n` };
    }
    if (text.trim() === '') expect(r.code).toBe(0); // an empty file is an empty config
    else {
      expect(r.code, text).toBe(2);
      expect(r.err, text).toContain(file);
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    tmp.remove();
  }
});
