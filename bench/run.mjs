// npm run bench: measures orderctl side by side with what users would run
// instead, in one run on this machine, and prints ratios of medians.
//   1. start-up and one order: `orderctl --version` / `--help` / `orders get`
//      against `node -e 0`, and `orders get` against `curl -s URL | jq .`
//      (against a sandbox of 1,000 orders)
//   2. `orders list --all` of 10,000 against a curl + jq loop; export of 100,000
//      sandbox orders: time, and peak memory against 10,000 (flat memory: under
//      1.2×), against a curl loop
//   3. bulk status changes: concurrent against one at a time; quota use
//   4. requests (counted from --debug): per `orders get`, and per 1,000 orders
//      listed and exported with and without --lines, on every platform; and an
//      export with lines of 2,000 BigCommerce orders at 100 ms under 150 per 30 s
//   5. `orders list --all` over four stores at once against one after another,
//      against sandboxes and against stand-in stores that replay their answers
//      with no CPU of theirs, and its peak memory against one store (bench/stores.mjs)
// Commands that are compared run in turns (a, b, c, a, b, c, …), so a busy
// machine slows all of them alike. Peak memory is each process's maxRSS: read
// by a preload for Node, by GNU time (/usr/bin/time) for curl and jq.
// Usage: node bench/run.mjs [--orders N] [--runs N] [--changes N]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serveSandbox } from '../scripts/serve-sandbox.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'orderctl.js');
const PEAK_RSS = pathToFileURL(path.join(ROOT, 'bench', 'peak-rss.mjs')).href;
const GNU_TIME = '/usr/bin/time';
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
const node = (...argv) => ({ cmd: process.execPath, argv });
const orderctl = (...argv) => node(BIN, ...argv);
const shell = (script) => ({ cmd: 'bash', argv: ['-c', script] });

function runOnce({ cmd, argv }) {
  const r = spawnSync(cmd, argv, { env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed: ${r.stderr}`);
}

/** Median wall time (ms) of each command, run in turns after two warm-up rounds. */
function timeInTurns(commands, runs = RUNS) {
  const times = commands.map(() => []);
  for (let i = 0; i < runs + 2; i++) {
    commands.forEach((c, j) => {
      const t = process.hrtime.bigint();
      runOnce(c);
      if (i >= 2) times[j].push(Number(process.hrtime.bigint() - t) / 1e6);
    });
  }
  return times.map(median);
}

/** Peak memory (MiB) of one run: Node reports its own; for a shell pipeline, GNU time reports its largest process. */
function peakMiB({ cmd, argv }) {
  const measured = cmd === process.execPath ? { cmd, argv: ['--import', PEAK_RSS, ...argv] } : fs.existsSync(GNU_TIME) ? { cmd: GNU_TIME, argv: ['-f', '\n@@bench {"maxRssKiB":%M}', cmd, ...argv] } : undefined;
  if (!measured) return undefined;
  const r = spawnSync(measured.cmd, measured.argv, { env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(/@@bench (.*)/.exec(r.stderr.toString())[1]).maxRssKiB / 1024;
}

const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);
const mib = (x) => (x === undefined ? 'n/a' : `${x.toFixed(0)} MiB`);
const ratio = (a, b) => (a === undefined || b === undefined ? 'n/a' : `${(a / b).toFixed(2)}×`);
function row(what, value, against, ratios, target) {
  rows.push({ what, value, against, ratios, target });
}
/** A row of time and memory against another command's. */
function compared(what, mine, theirs, theirName, target) {
  row(what, `${ms(mine.ms)}, ${mib(mine.mib)}`, `${theirName}: ${ms(theirs.ms)}, ${mib(theirs.mib)}`, `time ${ratio(mine.ms, theirs.ms)}, memory ${ratio(mine.mib, theirs.mib)}`, target);
}

/** A sandbox in a child process, in memory; resolves with its BigCommerce base URL. */
async function serve(extra) {
  const { baseUrls, stop } = await serveSandbox(['--memory', ...extra], env);
  return { url: baseUrls.bigcommerce, stop };
}

const CURL_HEADERS = `-H 'X-Auth-Token: sandbox-token' -H 'Accept: application/json'`;
const addProfile = (name, url) =>
  execFileSync(process.execPath, [BIN, 'profile', 'add', name, '--platform', 'bigcommerce', '--base-url', url, '--token-stdin', '--use'], { env, input: 'sandbox-token' });

// 1. Start-up, and one order: orderctl (order, products and addresses, normalized: 3 requests)
// against curl | jq of the order alone. A small sandbox of its own: the big one's
// 1 GiB heap (and its garbage collector) would share the CPU with what is measured.
{
  console.error('start-up and orders get…');
  const small = await serve(['--orders', '1000', '--rate-limit', '100000000/1s']);
  try {
    addProfile('start-up', small.url);
    const quick = {
      bare: node('-e', '0'),
      version: orderctl('--version'),
      help: orderctl('--help'),
      get: orderctl('orders', 'get', '100', '-o', 'json'),
      curlGet: shell(`curl -s ${CURL_HEADERS} '${small.url}/orders/100' | jq . > /dev/null`),
    };
    const quickMs = timeInTurns(Object.values(quick));
    const q = Object.fromEntries(Object.keys(quick).map((k, i) => [k, { ms: quickMs[i], mib: peakMiB(quick[k]) }]));
    compared('orderctl --version', q.version, q.bare, 'node -e 0', '≤ 1.3× time');
    compared('orderctl --help', q.help, q.bare, 'node -e 0', '≤ 1.4× time');
    compared('orders get ID -o json', q.get, q.bare, 'node -e 0', '≤ 1.8× time');
    compared('orders get ID -o json', q.get, q.curlGet, 'curl -s | jq .', '');
  } finally {
    small.stop();
  }
}

console.error(`starting a sandbox with ${ORDERS.toLocaleString('en-US')} orders (memory only)…`);
const server = await serve(['--orders', String(ORDERS), '--rate-limit', '100000000/1s']);
const base = server.url;
try {
  addProfile('bench', base);

  // 2. 10,000 orders as NDJSON: orderctl against a curl + jq loop over the same pages.
  console.error('orders list --all and a curl + jq loop…');
  const tenK = String(100 + Math.min(ORDERS, 10_000) - 1);
  const list = orderctl('orders', 'list', '--all', '--max-id', tenK, '-o', 'ndjson');
  const jqLoop = shell(`p=1; while :; do code=$(curl -s -o '${path.join(work, 'page.json')}' -w '%{http_code}' ${CURL_HEADERS} "${base}/orders?limit=250&page=$p&max_id=${tenK}"); [ "$code" = 200 ] || break; jq -c '.[]' '${path.join(work, 'page.json')}'; p=$((p+1)); done > /dev/null`);
  const [listMs, jqMs] = timeInTurns([list, jqLoop], 3);
  compared(`orders list --all -o ndjson (${Number(tenK) - 99} orders)`, { ms: listMs, mib: peakMiB(list) }, { ms: jqMs, mib: peakMiB(jqLoop) }, 'curl + jq loop', 'no slower');

  // Export: 10,000 and everything, for time against curl and for flat memory.
  console.error('orders export…');
  const exportRun = (extra, file) => {
    const argv = ['orders', 'export', '--format', 'ndjson', '--out', file, '--quiet', ...extra];
    // One run gives both: the preload's cost is nothing next to an export.
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', PEAK_RSS, BIN, ...argv], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const took = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) throw new Error(`export failed: ${r.stderr}`);
    const peak = JSON.parse(/@@bench (.*)/.exec(r.stderr.toString())[1]).maxRssKiB / 1024;
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
    return { ms: took, mib: peak, lines };
  };
  const small = exportRun(['--max-id', String(100 + ORDERS / 10 - 1)], path.join(work, 'small.ndjson'));
  const big = exportRun([], path.join(work, 'big.ndjson'));
  // What a user would write instead: curl over the same pages until the API answers 204.
  const curlLoop = `p=1; : > "$OUT"; while :; do code=$(curl -s -o "$PAGE" -w '%{http_code}' ${CURL_HEADERS} "$BASE/orders?limit=250&page=$p"); [ "$code" = 200 ] || break; cat "$PAGE" >> "$OUT"; p=$((p+1)); done`;
  const t = process.hrtime.bigint();
  const curl = spawnSync('bash', ['-c', curlLoop], { env: { ...env, BASE: base, OUT: path.join(work, 'curl.json'), PAGE: path.join(work, 'page.json') } });
  const curlMs = Number(process.hrtime.bigint() - t) / 1e6;
  if (curl.status !== 0) throw new Error(`curl loop failed: ${curl.stderr}`);
  row(`export ${big.lines.toLocaleString('en-US')} orders`, ms(big.ms), `curl loop over the same pages: ${ms(curlMs)}`, `time ${ratio(big.ms, curlMs)}`, 'no slower than curl');
  row('export peak memory', `${mib(big.mib)} for ${big.lines.toLocaleString('en-US')}`, `${mib(small.mib)} for ${small.lines.toLocaleString('en-US')}`, `memory ${ratio(big.mib, small.mib)}`, '< 1.2× (flat)');
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
  const took = Number(process.hrtime.bigint() - t) / 1e6;
  const failed = r.stdout.toString().split('\n').filter((l) => l && !JSON.parse(l).ok).length;
  if (r.status !== 0 && !failed) throw new Error(`bulk run failed: ${r.stderr}`);
  return { ms: took, failed };
}
{
  console.error('bulk status changes…');
  const ids = Array.from({ length: CHANGES }, (_, i) => String(100 + i));
  const a = await serve(['--orders', String(CHANGES), '--latency', '20', '--rate-limit', '100000000/1s']);
  const one = bulk(a.url, ids, ['--concurrency', '1']);
  a.stop();
  const b = await serve(['--orders', String(CHANGES), '--latency', '20', '--rate-limit', '100000000/1s']);
  const many = bulk(b.url, ids, []);
  b.stop();
  row(`${CHANGES} status changes, 20 ms latency`, `${ms(many.ms)} concurrent`, `one at a time: ${ms(one.ms)}`, `${(one.ms / many.ms).toFixed(1)}× faster`, '≥ 6× faster');
  // Under a quota: how much of it the run uses, and whether anything failed.
  const quota = 50;
  const windowS = 2;
  const c = await serve(['--orders', '400', '--rate-limit', `${quota}/${windowS}s`]);
  const n = Math.min(300, ids.length);
  const limited = bulk(c.url, ids.slice(0, n), []);
  c.stop();
  // Fixed windows: the run touched ceil(elapsed / window) of them, each worth `quota` requests.
  const used = n / (Math.ceil(limited.ms / 1000 / windowS) * quota);
  row(`${n} changes under ${quota} per ${windowS}s`, `${ms(limited.ms)}, ${limited.failed} failed`, '', `quota used: ${(used * 100).toFixed(0)}%`, '> 90%, none failed');
}

// 4. Requests per order: counted from --debug's trace (one "> METHOD URL" line a request).
const PROFILE_EXTRA = {
  bigcommerce: ['--store-hash', 'sandbox'],
  cscart: ['--username', 'admin@example.com'],
  squarespace: [],
  outshifter: ['--storefront', 'sandbox'],
};
function counted(argv) {
  const r = spawnSync(process.execPath, [BIN, ...argv, '--debug'], { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`orderctl ${argv.join(' ')} failed: ${r.stderr.toString().split('\n').filter((l) => !l.startsWith('[debug]')).join('\n')}`);
  const requests = r.stderr.toString().split('\n').filter((l) => /^\[debug\] > (GET|POST|PUT|PATCH|DELETE) /.test(l)).length;
  return { requests, stdout: r.stdout.toString() };
}
{
  console.error('requests per order on every platform…');
  fs.mkdirSync(work, { recursive: true });
  const s = await serveSandbox(['--memory', '--orders', '1000', '--rate-limit', '100000000/1s'], env);
  try {
    for (const [platform, extra] of Object.entries(PROFILE_EXTRA)) {
      execFileSync(process.execPath, [BIN, 'profile', 'add', `req-${platform}`, '--platform', platform, '--base-url', s.baseUrls[platform], ...extra, '--token-stdin'], { env, input: 'sandbox-token' });
      const p = ['-p', `req-${platform}`];
      const id = counted(['orders', 'list', '--limit', '1', '-o', 'ids', ...p]).stdout.trim();
      const get = counted(['orders', 'get', id, '-o', 'json', ...p]);
      const list = counted(['orders', 'list', '--all', '-o', 'ids', ...p]);
      const n = list.stdout.trim().split('\n').length;
      const plain = counted(['orders', 'export', '--format', 'csv', '--out', '-', '--quiet', ...p]);
      const lines = counted(['orders', 'export', '--format', 'csv', '--lines', '--out', '-', '--quiet', ...p]);
      const per1000 = (x) => (x * 1000) / n;
      row(`${platform}: requests per orders get`, String(get.requests), '', '', '1');
      row(
        `${platform}: requests per 1,000 exported orders`,
        `${per1000(plain.requests).toFixed(1)} plain, ${per1000(lines.requests).toFixed(1)} with --lines`,
        `listing alone: ${per1000(list.requests).toFixed(1)} (${n.toLocaleString('en-US')} orders)`,
        `--lines ${ratio(lines.requests, list.requests)}`,
        '≤ 1.1× the listing',
      );
    }
  } finally {
    s.stop();
  }

  console.error('export with lines: 2,000 BigCommerce orders, 100 ms latency, 150 requests per 30 s…');
  const slow = await serveSandbox(['--memory', '--orders', '2000', '--latency', '100', '--rate-limit', '150/30s'], env);
  try {
    addProfile('quota', slow.baseUrls.bigcommerce);
    const t = process.hrtime.bigint();
    const r = counted(['orders', 'export', '--format', 'csv', '--lines', '--out', '-', '--quiet', '-p', 'quota']);
    const took = Number(process.hrtime.bigint() - t) / 1e6;
    row('export --lines, 2,000 orders, 100 ms, 150/30 s', `${ms(took)}, ${r.requests} requests`, '', '', '');
  } finally {
    slow.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// 5. Several stores at once (bench/stores.mjs): four stores of 2,500 orders at 50 ms,
// together against one after another, and peak memory against one store.
console.error('orders list over four stores…');
rows.push(...(await (await import('./stores.mjs')).storesRows()));

const KEYS = ['what', 'value', 'against', 'ratios', 'target'];
const widths = KEYS.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
const line = (r) => KEYS.map((k, i) => String(r[k]).padEnd(widths[i])).join('  ').trimEnd();
console.log(line({ what: 'WHAT', value: 'MEASURED', against: 'AGAINST', ratios: 'RATIO', target: 'TARGET' }));
for (const r of rows) console.log(line(r));
