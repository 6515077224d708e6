// The many-stores row: four stores of 2,500 orders each, every request 50 ms
// away, `orders list --all` over all four at once (-p a,b,c,d) against the
// four run one after another; and peak memory of four stores against one
// (flat in the number of stores). Each store is a sandbox process of its own.
// Called by bench/run.mjs; alone: node bench/stores.mjs [--runs N]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serveSandbox } from '../scripts/serve-sandbox.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'orderctl.js');
const PEAK_RSS = pathToFileURL(path.join(ROOT, 'bench', 'peak-rss.mjs')).href;
const STORES = ['s1', 's2', 's3', 's4'];

/** One timed run of `orderctl ARGS` with its peak memory (MiB). */
function measure(env, argv) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', PEAK_RSS, BIN, ...argv], { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 << 20 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`orderctl ${argv.join(' ')} failed: ${r.stderr}`);
  const mib = JSON.parse(/@@bench (.*)/.exec(r.stderr.toString())[1]).maxRssKiB / 1024;
  const lines = r.stdout.toString().split('\n').filter(Boolean).length;
  return { ms, mib, lines };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** @returns {Promise<Array<{what: string, value: string, against: string, ratios: string, target: string}>>} */
export async function storesRows({ runs = 3 } = {}) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'orderctl-bench-stores-'));
  const env = { ...process.env, ORDERCTL_CONFIG_DIR: work, NO_COLOR: '1' };
  const servers = await Promise.all(STORES.map(() => serveSandbox(['--memory', '--orders', '2500', '--latency', '50', '--rate-limit', '100000000/1s'], env)));
  try {
    STORES.forEach((name, i) => {
      execFileSync(process.execPath, [BIN, 'profile', 'add', name, '--platform', 'bigcommerce', '--base-url', servers[i].baseUrls.bigcommerce, '--token-stdin'], { env, input: 'sandbox-token' });
    });
    const list = ['orders', 'list', '--all', '-o', 'ndjson'];
    const together = [];
    const oneByOne = [];
    let all;
    let one;
    // In turns, so a busy machine slows both alike.
    for (let i = 0; i < runs; i++) {
      all = measure(env, [...list, '-p', STORES.join(',')]);
      together.push(all.ms);
      const each = STORES.map((s) => measure(env, [...list, '-p', s]));
      one = each[0];
      oneByOne.push(each.reduce((n, r) => n + r.ms, 0));
    }
    const fmt = (x) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);
    const t = median(together);
    const s = median(oneByOne);
    return [
      {
        what: `orders list --all, 4 stores × 2,500 orders, 50 ms (${all.lines.toLocaleString('en-US')} orders)`,
        value: `${fmt(t)}, ${all.mib.toFixed(0)} MiB`,
        against: `one store after another: ${fmt(s)}`,
        ratios: `${(s / t).toFixed(2)}× faster`,
        target: '≥ 3× faster',
      },
      {
        what: 'orders list --all peak memory, 4 stores against 1',
        value: `${all.mib.toFixed(0)} MiB`,
        against: `one store: ${one.mib.toFixed(0)} MiB`,
        ratios: `memory ${(all.mib / one.mib).toFixed(2)}×`,
        target: 'flat (< 1.5×)',
      },
    ];
  } finally {
    servers.forEach((s) => s.stop());
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--runs');
  const rows = await storesRows({ runs: i > 0 ? Number(process.argv[i + 1]) : 3 });
  for (const r of rows) console.log([r.what, r.value, r.against, r.ratios, r.target].join('  |  '));
}
