// The concurrency drill: many `profile add` at once keep every profile; two
// exports with one checkpoint never both run (the second exits 1 at once,
// and nothing is exported twice). The built binary, run in parallel.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { orderctl } from '../support/cli.js';
import { figures, FULL } from '../support/drill.js';
import { tempConfigDir } from '../support/tmp.js';

let sandbox: Sandbox;
let tmp: ReturnType<typeof tempConfigDir>;
const tally = figures('concurrency');
const PROFILES = FULL ? 40 : 20;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 9, orders: 400, latencyMs: 100, rateLimit: { requests: 100_000, windowMs: 1000 } });
  tmp = tempConfigDir();
});
afterAll(async () => {
  tally.save();
  await sandbox.close();
  tmp.remove();
});

it(`${PROFILES} profile add at once keep ${PROFILES} profiles`, async () => {
  const dir = fs.mkdtempSync(path.join(tmp.dir, 'cfg-'));
  const runs = await Promise.all(
    Array.from({ length: PROFILES }, (_, i) =>
      orderctl(['profile', 'add', `p${i}`, '--platform', 'bigcommerce', '--store-hash', `h${i}`, '--token-stdin'], { env: { ORDERCTL_CONFIG_DIR: dir }, input: `token-${i}-abcdef`, timeoutMs: 60_000 }),
    ),
  );
  for (const r of runs) expect(r.code, r.stderr).toBe(0);
  const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'));
  expect(Object.keys(config.profiles).sort()).toEqual(Array.from({ length: PROFILES }, (_, i) => `p${i}`).sort());
  expect(fs.statSync(path.join(dir, 'config.json')).mode & 0o777).toBe(0o600);
  expect(fs.readdirSync(dir)).toEqual(['config.json']);
  tally.add('parallel profile writes', PROFILES);
  tally.add('profiles kept', Object.keys(config.profiles).length);
}, 90_000);

it('two exports with one checkpoint: one runs, the other exits 1 at once; nothing is exported twice', async () => {
  const dir = fs.mkdtempSync(path.join(tmp.dir, 'cfg-'));
  const env = { ORDERCTL_CONFIG_DIR: dir };
  const add = await orderctl(['profile', 'add', 's', '--platform', 'bigcommerce', '--base-url', sandbox.baseUrls.bigcommerce!, '--token-stdin'], { env, input: sandbox.token });
  expect(add.code, add.stderr).toBe(0);
  const [a, b] = await Promise.all(['a', 'b'].map((n) => orderctl(['orders', 'export', '--out', path.join(dir, `${n}.ndjson`), '--checkpoint', 'shared', '--lines', '--format', 'csv', '--max-id', '140'], { env, timeoutMs: 60_000 })));
  const codes = [a!.code, b!.code].sort();
  expect(codes, `${a!.stderr}\n${b!.stderr}`).toEqual([0, 1]);
  const refused = a!.code === 1 ? a! : b!;
  expect(refused.err).toMatch(/^error: checkpoint "shared" is in use by another export \(pid \d+/);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.csv') || f.endsWith('.ndjson'))).toHaveLength(1);
  tally.add('parallel exports on one checkpoint', 2);
}, 90_000);
