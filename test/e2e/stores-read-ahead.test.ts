// Several stores at once: each store reads two pages ahead of the merge, so a
// store whose first page waits whole for the slowest store has its next page
// on the way already. With one page of read-ahead it asked for the next only
// once the merge took its first order: every store then waited out each answer
// in step with the slowest (README, Performance: "Several stores at once").
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { runCommand } from '../support/context.js';

let fast: Sandbox;
let slow: Sandbox;
/** List requests the fast store had answered when the slow one answered its first. */
let fastPagesBeforeSlow: number | undefined;
let fastPages = 0;

beforeAll(async () => {
  fast = await startSandbox({ seed: 5, orders: 800, onExchange: (ex) => ex.path === '/orders' && fastPages++ });
  slow = await startSandbox({ seed: 6, orders: 20, latencyMs: 600, onExchange: (ex) => ex.path === '/orders' && (fastPagesBeforeSlow ??= fastPages) });
});
afterAll(async () => {
  await fast.close();
  await slow.close();
});

it('a store reads its next page while the merge waits for the slowest store', async () => {
  const profile = (s: Sandbox) => ({ platform: 'bigcommerce' as const, baseUrl: s.baseUrls.bigcommerce!, token: s.token });
  const config = { currentProfile: 'fast', profiles: { fast: profile(fast), slow: profile(slow) } };
  const r = await runCommand(['orders', 'list', '-p', 'fast,slow', '--all', '-o', 'ids'], { config });
  expect(r.code, r.err).toBe(0);
  expect(r.out.trim().split('\n')).toHaveLength(820);
  // Pages of 250 (the last of 50): 500 orders wait in the read-ahead and one
  // more as the merge's head, so three pages are read before the slow store
  // answers; the fourth waits for the merge. One page of read-ahead stopped at two.
  expect(fastPagesBeforeSlow).toBe(3);
  expect(fastPages).toBe(4);
}, 30_000);
