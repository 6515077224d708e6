// npm run bench: measures orderctl side by side with what users would run
// instead, in one run on this machine, and prints ratios.
//   1. start-up: `orderctl --version` / `--help` against `node -e 0`
//   2. `orders get` against bare Node and curl | jq; `orders list --all` of 10,000
//      against a curl + jq loop; export of 100,000 sandbox orders: time, and peak
//      memory against 10,000 (flat memory: under 1.2×), against a curl loop
//   3. bulk status changes: concurrent against one at a time; quota use
// Usage: node bench/run.mjs [--orders N] [--runs N]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'orderctl.js');
const MEASURE = path.join(ROOT, 'bench', 'measure.mjs');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ORDERS = flag('--orders', 100_000);
const CHANGES = flag('--changes', 1000);
const RUNS = flag('--runs', 15);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'orderctl-bench-'));
const env = { ...process.env, ORDERCTL_CONFIG_DIR: work, NO_COLOR: '1' };
const rows = [];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function timeRuns(cmd, argv, runs = RUNS) {
  const times = [];
  for (let i = 0; i < runs + 2; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(cmd, argv, { env: { ...env, PAGE: path.join(work, 'page.json'), BASE: process.env.BENCH_BASE ?? '' }, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed: ${r.stderr}`);
    if (i >= 2) times.push(Number(process.hrtime.bigint() - t) / 1e6); // two warm-ups
  }
  return median(times);
}
function row(what, value, against, target) {
  rows.push({ what, value, against, target });
}

// 1. Start-up
const bare = timeRuns(process.execPath, ['-e', '0']);
const version = timeRuns(process.execPath, [BIN, '--version']);
const help = timeRuns(process.execPath, [BIN, '--help']);
row('orderctl --version', `${version.toFixed(0)} ms`, `node -e 0: ${bare.toFixed(0)} ms → ${(version / bare).toFixed(2)}×`, '≤ 1.3×');
row('orderctl --help', `${help.toFixed(0)} ms`, `node -e 0: ${bare.toFixed(0)} ms → ${(help / bare).toFixed(2)}×`, '≤ 1.5×');

/** A sandbox in a child process; resolves with its BigCommerce base URL. */
async function serve(extra) {
  const child = spawn(process.execPath, [BIN, 'sandbox', 'serve', '--memory', ...extra], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /bigcommerce\s+(\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`sandbox exited ${code}`)));
  });
  return { url, stop: () => child.kill('SIGINT') };
}

// 2. Reading and exporting
console.error(`starting a sandbox with ${ORDERS.toLocaleString('en-US')} orders (memory only)…`);
const server = await serve(['--orders', String(ORDERS), '--rate-limit', '100000000/1s']);
const base = server.url;
try {
  process.env.BENCH_BASE = base;
  execFileSync(process.execPath, [BIN, 'profile', 'add', 'bench', '--platform', 'bigcommerce', '--base-url', base, '--token-stdin', '--use'], { env, input: 'sandbox-token' });

  const exportRun = (extra, file) => {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [MEASURE, 'orders', 'export', '--format', 'ndjson', '--out', file, '--quiet', ...extra], { env, maxBuffer: 1 << 20 });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) throw new Error(`export failed: ${r.stderr}`);
    const { maxRssKiB } = JSON.parse(/@@bench (.*)/.exec(r.stderr.toString())[1]);
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
    return { ms, maxRssKiB, lines };
  };
  const small = exportRun(['--max-id', String(100 + ORDERS / 10 - 1)], path.join(work, 'small.ndjson'));
  const big = exportRun([], path.join(work, 'big.ndjson'));

  // What a user would write instead: curl over the same pages until the API answers 204.
  const curlScript = `p=1; : > "$OUT"; while :; do code=$(curl -s -o "$PAGE" -w '%{http_code}' -H 'X-Auth-Token: sandbox-token' -H 'Accept: application/json' "$BASE/orders?limit=250&page=$p"); [ "$code" = 200 ] || break; cat "$PAGE" >> "$OUT"; p=$((p+1)); done`;
  const t = process.hrtime.bigint();
  const curl = spawnSync('bash', ['-c', curlScript], { env: { ...env, BASE: base, OUT: path.join(work, 'curl.json'), PAGE: path.join(work, 'page.json') } });
  const curlMs = Number(process.hrtime.bigint() - t) / 1e6;
  if (curl.status !== 0) throw new Error(`curl loop failed: ${curl.stderr}`);

  // One order: orderctl (order, products and addresses, normalized) against curl | jq of the order alone.
  const getMs = timeRuns(process.execPath, [BIN, 'orders', 'get', '100', '-o', 'json']);
  const curlGetMs = timeRuns('bash', ['-c', `curl -s -H 'X-Auth-Token: sandbox-token' -H 'Accept: application/json' '${base}/orders/100' | jq . > /dev/null`]);
  row('orders get ID -o json', `${getMs.toFixed(0)} ms`, `node -e 0: ${(getMs / bare).toFixed(2)}×; curl | jq: ${curlGetMs.toFixed(0)} ms → ${(getMs / curlGetMs).toFixed(2)}×`, '≤ 2.0× node');

  // 10,000 orders as NDJSON: orderctl against a curl + jq loop over the same pages.
  const tenK = String(100 + Math.min(ORDERS, 10_000) - 1);
  const listMs = timeRuns(process.execPath, [BIN, 'orders', 'list', '--all', '--max-id', tenK, '-o', 'ndjson'], 3);
  const listMem = spawnSync(process.execPath, [MEASURE, 'orders', 'list', '--all', '--max-id', tenK, '-o', 'ndjson'], { env, maxBuffer: 1 << 30 });
  const listRss = JSON.parse(/@@bench (.*)/.exec(listMem.stderr.toString())[1]).maxRssKiB;
  const jqLoop = `p=1; while :; do code=$(curl -s -o "$PAGE" -w '%{http_code}' -H 'X-Auth-Token: sandbox-token' -H 'Accept: application/json' "$BASE/orders?limit=250&page=$p&max_id=${tenK}"); [ "$code" = 200 ] || break; jq -c '.[]' "$PAGE"; p=$((p+1)); done > /dev/null`;
  const jqMs = timeRuns('bash', ['-c', jqLoop], 3);
  row(`orders list --all -o ndjson (${Number(tenK) - 99} orders)`, `${(listMs / 1000).toFixed(1)} s, ${(listRss / 1024).toFixed(0)} MiB peak`, `curl + jq loop: ${(jqMs / 1000).toFixed(1)} s → ${(listMs / jqMs).toFixed(2)}×`, 'no slower');

  row(`export ${big.lines.toLocaleString('en-US')} orders`, `${(big.ms / 1000).toFixed(1)} s`, `curl loop over the same pages: ${(curlMs / 1000).toFixed(1)} s → ${(big.ms / curlMs).toFixed(2)}×`, 'no slower than curl');
  row(
    'export peak memory',
    `${(big.maxRssKiB / 1024).toFixed(0)} MiB for ${big.lines.toLocaleString('en-US')}`,
    `${(small.maxRssKiB / 1024).toFixed(0)} MiB for ${small.lines.toLocaleString('en-US')} → ${(big.maxRssKiB / small.maxRssKiB).toFixed(2)}×`,
    '< 1.2× (flat)',
  );
} finally {
  server.stop();
  fs.rmSync(work, { recursive: true, force: true });
}

// 3. Bulk status changes: concurrent against one at a time, 20 ms latency each.
function bulk(url, ids, extra) {
  const e = { ...env, ORDERCTL_TOKEN: 'sandbox-token' };
  execFileSync(process.execPath, [BIN, 'profile', 'add', 'bulk', '--platform', 'bigcommerce', '--base-url', url, '--use'], { env: e });
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, 'orders', 'status', '--stdin', '--set', '13', '--yes', '-o', 'ndjson', ...extra], { env: e, input: ids.join('\n'), maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const failed = r.stdout.toString().split('\n').filter((l) => l && !JSON.parse(l).ok).length;
  if (r.status !== 0 && !failed) throw new Error(`bulk run failed: ${r.stderr}`);
  return { ms, failed };
}
{
  const ids = Array.from({ length: CHANGES }, (_, i) => String(100 + i));
  const a = await serve(['--orders', String(CHANGES), '--latency', '20', '--rate-limit', '100000000/1s']);
  const one = bulk(a.url, ids, ['--concurrency', '1']);
  a.stop();
  const b = await serve(['--orders', String(CHANGES), '--latency', '20', '--rate-limit', '100000000/1s']);
  const many = bulk(b.url, ids, []);
  b.stop();
  row(`${CHANGES} status changes, 20 ms latency`, `${(many.ms / 1000).toFixed(1)} s concurrent`, `one at a time: ${(one.ms / 1000).toFixed(1)} s → ${(one.ms / many.ms).toFixed(1)}× faster`, '≥ 6× faster');
  // Under a quota: how much of it the run uses, and whether anything failed.
  const quota = 50;
  const windowS = 2;
  const c = await serve(['--orders', '400', '--rate-limit', `${quota}/${windowS}s`]);
  const n = Math.min(300, ids.length);
  const limited = bulk(c.url, ids.slice(0, n), []);
  c.stop();
  // Fixed windows: the run touched ceil(elapsed / window) of them, each worth `quota` requests.
  const used = n / (Math.ceil(limited.ms / 1000 / windowS) * quota);
  row(`${n} changes under ${quota} per ${windowS}s`, `${(limited.ms / 1000).toFixed(1)} s, ${limited.failed} failed`, `quota used: ${(used * 100).toFixed(0)}%`, '> 90%, none failed');
}

const widths = ['what', 'value', 'against', 'target'].map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
const line = (r) => ['what', 'value', 'against', 'target'].map((k, i) => String(r[k]).padEnd(widths[i])).join('  ');
console.log(line({ what: 'WHAT', value: 'MEASURED', against: 'AGAINST', target: 'TARGET' }));
for (const r of rows) console.log(line(r));
