// Waits that show: when BigCommerce's quota holds a bulk run, the progress line
// on a terminal says so and for how long; --debug logs it; without a terminal
// nothing is added. The sandbox's quota windows run on the test's fake clock,
// so the client's waits move the same time the server counts.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fakeClock, type FakeClock } from '../../src/core/clock.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { runCommand } from '../support/context.js';

let clock: FakeClock;
let sandbox: Sandbox;
beforeEach(async () => {
  clock = fakeClock();
  sandbox = await startSandbox({ seed: 5, orders: 10, rateLimit: { requests: 3, windowMs: 30_000 }, now: () => clock.now().getTime() });
});
afterEach(() => sandbox.close());

const config = () => ({ currentProfile: 'shop', profiles: { shop: { platform: 'bigcommerce' as const, baseUrl: sandbox.baseUrls.bigcommerce!, token: sandbox.token } } });
const argv = ['orders', 'status', '100', '101', '102', '103', '104', '--set', 'completed', '--yes', '-o', 'ndjson'];

it('counts down on a terminal while the rate limit holds the run', async () => {
  const r = await runCommand(argv, { config: config(), clock, io: { stderrIsTTY: true } });
  expect(r.code, r.err).toBe(0);
  expect(r.out.trim().split('\n').map((l) => JSON.parse(l).ok)).toEqual([true, true, true, true, true]);
  expect(r.err).toMatch(/changing .*, waiting (29|30) s for bigcommerce's rate limit/);
});

it('logs the wait with --debug, and adds nothing without a terminal', async () => {
  const quiet = await runCommand(argv, { config: config(), clock });
  expect(quiet.code, quiet.err).toBe(0);
  expect(quiet.err).not.toMatch(/waiting/);
  await sandbox.close();
  sandbox = await startSandbox({ seed: 5, orders: 10, rateLimit: { requests: 3, windowMs: 30_000 }, now: () => clock.now().getTime() });
  const debug = await runCommand(argv, { config: config(), clock, globals: { debug: true } });
  expect(debug.code, debug.err).toBe(0);
  expect(debug.err).toMatch(/^\[debug\] waiting (29|30) s for bigcommerce's rate limit$/m);
});
