// The signals drill: what cron, systemd and `timeout` send (TERM), a closed
// terminal (HUP), Ctrl-C (INT) and `kill -9`, during an export and a bulk
// run of the built binary. Each stops cleanly: exit 128 + the signal, a
// report, the previous file and checkpoint as they were, no temp file; after
// a kill -9 the next run removes what was left. And an export to a pipe that
// closes early does not exit 0.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { BIN, humanStderr, orderctl } from '../support/cli.js';
import { figures, FULL } from '../support/drill.js';
import { tempConfigDir } from '../support/tmp.js';

let sandbox: Sandbox;
let tmp: ReturnType<typeof tempConfigDir>;
const tally = figures('signals');
const env = () => ({ PATH: process.env.PATH, ORDERCTL_CONFIG_DIR: tmp.dir });
const CODES: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

beforeAll(async () => {
  // Every answer takes 120 ms: a signal lands while requests are in flight.
  sandbox = await startSandbox({ seed: 8, orders: 600, latencyMs: 120, rateLimit: { requests: 100_000, windowMs: 1000 } });
  tmp = tempConfigDir();
  const config = await tmp.open();
  await config.save({ currentProfile: 's', profiles: { s: { platform: 'bigcommerce', baseUrl: sandbox.baseUrls.bigcommerce!, token: sandbox.token } } });
});
afterAll(async () => {
  tally.save();
  await sandbox.close();
  tmp.remove();
});

function start(args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { child, done };
}

const temps = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** Resolves with the temp file's name once the export has one. */
async function tempAppears(dir: string): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const t = temps(dir)[0];
    if (t) return t;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no temp file appeared');
}

// npm test: the two signals this drill was written for; npm run drill: Ctrl-C too.
const SIGNALS = FULL ? (['SIGTERM', 'SIGHUP', 'SIGINT'] as const) : (['SIGTERM', 'SIGHUP'] as const);

describe.each(SIGNALS)('%s', (sig) => {
  it('during an export: exit 128+signal, the old file and checkpoint as they were, no temp file', async () => {
    const dir = fs.mkdtempSync(path.join(tmp.dir, 'out-'));
    const file = path.join(dir, 'orders.csv');
    const cp = `sig-${sig}`;
    expect((await orderctl(['orders', 'export', '--out', file, '--checkpoint', cp, '--max-id', '110'], { env: env() })).code).toBe(0);
    const before = fs.readFileSync(file, 'utf8');
    const cpFile = path.join(tmp.dir, 'checkpoints', `${cp}.json`);
    const cpBefore = fs.readFileSync(cpFile, 'utf8');
    const run = start(['orders', 'export', '--out', file, '--checkpoint', cp, '--overlap', '36500d', '--lines']);
    const temp = await tempAppears(dir);
    // Customer data, readable by its owner only.
    expect(fs.statSync(path.join(dir, temp)).mode & 0o777).toBe(0o600);
    run.child.kill(sig);
    const r = await run.done;
    expect(r.code, r.stderr).toBe(CODES[sig]);
    expect(humanStderr(r.stderr)).toMatch(/^error: interrupted/m);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readFileSync(cpFile, 'utf8')).toBe(cpBefore);
    expect(temps(dir)).toEqual([]);
    expect(fs.existsSync(`${cpFile}.lock`)).toBe(false);
    tally.add('signals during exports');
  });

  it('during a bulk run: exit 128+signal, what was done is reported, nothing unreported', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => String(200 + i));
    const run = start(['orders', 'status', ...ids, '--set', 'completed', '--yes', '-o', 'ndjson', '--concurrency', '2']);
    await new Promise<void>((resolve) => run.child.stdout!.once('data', () => resolve()));
    run.child.kill(sig);
    const r = await run.done;
    expect(r.code, r.stderr).toBe(CODES[sig]);
    const done = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string });
    const said = /interrupted: (\d+) of 60 orders done; not started: ([\d ]+)/.exec(r.stderr);
    expect(said, r.stderr).not.toBeNull();
    expect(Number(said![1])).toBe(done.length);
    // Every order is either reported done or named as not started.
    expect([...done.map((d) => d.id), ...said![2]!.trim().split(' ')].sort()).toEqual([...ids].sort());
    tally.add('signals during bulk runs');
  });
});

it('after kill -9 during an export, the next run removes the temp file and takes the lock over', async () => {
  const dir = fs.mkdtempSync(path.join(tmp.dir, 'kill-'));
  const file = path.join(dir, 'orders.ndjson');
  const run = start(['orders', 'export', '--out', file, '--checkpoint', 'killed', '--lines', '--format', 'csv']);
  const temp = await tempAppears(dir);
  run.child.kill('SIGKILL');
  await run.done;
  expect(temps(dir)).toEqual([temp]);
  expect(fs.statSync(path.join(dir, temp)).mode & 0o777).toBe(0o600);
  const again = await orderctl(['orders', 'export', '--out', file, '--checkpoint', 'killed', '--max-id', '105'], { env: env() });
  expect(again.code, again.stderr).toBe(0);
  expect(temps(dir)).toEqual([]);
  tally.add('kill -9 leftovers cleaned');
});

it('export --out - into a pipe that closes early exits 1, and the checkpoint does not move', async () => {
  const run = start(['orders', 'export', '--out', '-', '--format', 'ndjson', '--checkpoint', 'piped']);
  await new Promise<void>((resolve) => run.child.stdout!.once('data', () => resolve()));
  // `| head -c 100`: the reader goes away.
  run.child.stdout!.destroy();
  const r = await run.done;
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toMatch(/standard output was closed before the export was complete/);
  expect(fs.existsSync(path.join(tmp.dir, 'checkpoints', 'piped.json'))).toBe(false);
  tally.add('exports cut short by a pipe');
});
