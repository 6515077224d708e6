// The many-stores row: four stores of 2,500 orders each, every request 50 ms
// away, `orders list --all` over all four at once (-p a,b,c,d) against the
// four run one after another; and peak memory of four stores against one
// (flat in the number of stores). Each store is a sandbox process of its own.
// A second row times the same against stand-in stores that replay the
// sandboxes' recorded answers (bench/replay-server.mjs): the stores' CPU then
// leaves this machine's two cores to orderctl, as real stores' does, and
// orderctl's own CPU (all threads) shows what bounds the run at once.
// A last row is that bound, measured in the same runs: a run at once takes no
// less than orderctl's main thread's CPU, nor than all the CPU it and the
// stores spent divided among this machine's cores; one after another over
// that bound is the best ratio the machine allows.
// Called by bench/run.mjs; alone: node bench/stores.mjs [--runs N]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serveSandbox } from '../scripts/serve-sandbox.mjs';
import { processMicros } from './proc-cpu.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'orderctl.js');
const PEAK_RSS = pathToFileURL(path.join(ROOT, 'bench', 'peak-rss.mjs')).href;
const REPLAY = path.join(ROOT, 'bench', 'replay-server.mjs');
const STORES = ['s1', 's2', 's3', 's4'];
const LATENCY = 50;

/** One timed run of `orderctl ARGS` with its peak memory (MiB), CPU time (ms) and its main thread's (ms, or undefined). */
function measure(env, argv) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', PEAK_RSS, BIN, ...argv], { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 << 20 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`orderctl ${argv.join(' ')} failed: ${r.stderr}`);
  const report = JSON.parse(/@@bench (.*)/.exec(r.stderr.toString())[1]);
  const lines = r.stdout.toString().split('\n').filter(Boolean).length;
  return { ms, mib: report.maxRssKiB / 1024, cpuMs: report.cpuMicros / 1000, mainMs: report.mainThreadMicros === undefined ? undefined : report.mainThreadMicros / 1000, lines };
}

const bestRatio = (r) => (r.bound === undefined ? 'n/a' : `${(r.s / r.bound).toFixed(2)}×`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);
const LIST = ['orders', 'list', '--all', '-o', 'ndjson'];

/** CPU (ms) the store processes have spent so far, or undefined where /proc does not tell. */
function storesCpuMs(pids) {
  const each = pids.map(processMicros);
  return each.includes(undefined) ? undefined : each.reduce((n, us) => n + us, 0) / 1000;
}

/**
 * The four stores at once, then one after another, in turns, so a busy machine
 * slows both alike; and, for each run at once, the least time this machine
 * allows it (ms, or undefined): orderctl's main thread's CPU, or all the CPU of
 * orderctl and the stores divided among the cores, whichever is more.
 */
function timeStores(env, names, runs, storePids) {
  const together = [];
  const oneByOne = [];
  const cpu = [];
  const bound = [];
  let all;
  let one;
  for (let i = 0; i < runs; i++) {
    const storesBefore = storesCpuMs(storePids);
    all = measure(env, [...LIST, '-p', names.join(',')]);
    const storesCpu = storesBefore === undefined ? undefined : storesCpuMs(storePids) - storesBefore;
    together.push(all.ms);
    cpu.push(all.cpuMs);
    if (storesCpu !== undefined && all.mainMs !== undefined) bound.push(Math.max(all.mainMs, (all.cpuMs + storesCpu) / os.availableParallelism()));
    const each = names.map((s) => measure(env, [...LIST, '-p', s]));
    one = each[0];
    oneByOne.push(each.reduce((n, r) => n + r.ms, 0));
  }
  return { t: median(together), s: median(oneByOne), cpu: median(cpu), bound: bound.length === runs ? median(bound) : undefined, all, one };
}

function addProfiles(env, names, urls) {
  names.forEach((name, i) => {
    execFileSync(process.execPath, [BIN, 'profile', 'add', name, '--platform', 'bigcommerce', '--base-url', urls[i], '--token-stdin'], { env, input: 'sandbox-token', stdio: ['pipe', 'ignore', 'pipe'] });
  });
}

/** Stand-ins for the sandboxes at `urls`: each answer recorded by one listing of each store, then replayed. */
async function standIns(env, urls, names) {
  const child = spawn(process.execPath, [REPLAY, '--latency', String(LATENCY), ...urls], { stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  child.stdout.on('data', (d) => (text += d));
  const printed = (line) =>
    new Promise((resolve, reject) => {
      const check = () => (new RegExp(`^${line}$`, 'm').test(text) ? resolve(text) : undefined);
      child.stdout.on('data', check);
      child.on('exit', (code) => reject(new Error(`bench/replay-server.mjs exited ${code}`)));
      check();
    });
  const out = await printed('ready');
  const standInUrls = out.trim().split('\n').slice(0, -1).map((l) => l.split(' ')[1]);
  addProfiles(env, names, standInUrls);
  for (const name of names) measure(env, [...LIST, '-p', name]);
  child.kill('SIGUSR2');
  await printed('replaying');
  return { pid: child.pid, stop: () => child.kill('SIGINT') };
}

/** @returns {Promise<Array<{what: string, value: string, against: string, ratios: string, target: string}>>} */
export async function storesRows({ runs = 3 } = {}) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'orderctl-bench-stores-'));
  const env = { ...process.env, ORDERCTL_CONFIG_DIR: work, NO_COLOR: '1' };
  const servers = await Promise.all(STORES.map(() => serveSandbox(['--memory', '--orders', '2500', '--latency', String(LATENCY), '--rate-limit', '100000000/1s'], env)));
  let replay;
  try {
    const urls = servers.map((s) => s.baseUrls.bigcommerce);
    addProfiles(env, STORES, urls);
    const sandboxes = timeStores(env, STORES, runs, servers.map((s) => s.pid));
    const replayNames = STORES.map((s) => `r${s}`);
    replay = await standIns(env, urls, replayNames);
    const replayed = timeStores(env, replayNames, runs, [replay.pid]);
    const { all, one } = sandboxes;
    return [
      {
        what: `orders list --all, 4 stores × 2,500 orders, 50 ms (${all.lines.toLocaleString('en-US')} orders)`,
        value: `${fmt(sandboxes.t)}, ${all.mib.toFixed(0)} MiB`,
        against: `one store after another: ${fmt(sandboxes.s)}`,
        ratios: `${(sandboxes.s / sandboxes.t).toFixed(2)}× faster`,
        target: '≥ 3× faster',
      },
      {
        what: 'the same, stores replayed with no CPU of theirs (bound: orderctl\'s own CPU)',
        value: `${fmt(replayed.t)}, orderctl CPU ${fmt(replayed.cpu)}`,
        against: `one store after another: ${fmt(replayed.s)}`,
        ratios: `${(replayed.s / replayed.t).toFixed(2)}× faster`,
        target: '(≥ 3× faster)',
      },
      {
        what: `the least time at once this machine allows (${os.availableParallelism()} cores): orderctl's main thread's CPU, or all CPU of orderctl and the stores over the cores`,
        value: `sandboxes ${sandboxes.bound === undefined ? 'n/a' : fmt(sandboxes.bound)}; stand-ins ${replayed.bound === undefined ? 'n/a' : fmt(replayed.bound)}`,
        against: `one store after another: ${fmt(sandboxes.s)}; ${fmt(replayed.s)}`,
        ratios: `at best ${bestRatio(sandboxes)}; ${bestRatio(replayed)} faster`,
        target: '(≥ 3× possible?)',
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
    replay?.stop();
    servers.forEach((s) => s.stop());
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--runs');
  const rows = await storesRows({ runs: i > 0 ? Number(process.argv[i + 1]) : 3 });
  for (const r of rows) console.log([r.what, r.value, r.against, r.ratios, r.target].join('  |  '));
}
