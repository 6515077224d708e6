// Several stores at once: each store reads two pages ahead of the merge, so a
// store whose first page waits whole for the slowest store has its next page
// on the way already. With one page of read-ahead it asked for the next only
// once the merge took its first order: every store then waited out each answer
// in step with the slowest (README, Performance: "Several stores at once").
//
// The slowest store is a sandbox behind a gate that holds its first list page
// until the fast store has answered a third page, then a grace period for
// a fourth: no timing decides whether correct code passes, however loaded the
// machine (a read-ahead of one page never reads a third: the gate then opens
// after GATE_MS, and the test fails on the count).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { runCommand } from '../support/context.js';

const GATE_MS = 15_000;
const GRACE_MS = 300;

let fast: Sandbox;
let slow: Sandbox;
let gate: http.Server;
let gateUrl: string;
/** List pages the fast store had answered when the slow store's first page went out. */
let fastPagesBeforeSlow: number | undefined;
let fastPages = 0;
let thirdAnswered: () => void;
const third = new Promise<void>((resolve) => (thirdAnswered = resolve));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  fast = await startSandbox({
    seed: 5,
    orders: 800,
    onExchange: (ex) => {
      if (ex.path === '/orders' && ++fastPages === 3) thirdAnswered();
    },
  });
  slow = await startSandbox({ seed: 6, orders: 20 });
  // Forwards to the slow sandbox; its first list page waits at the gate.
  let held = false;
  gate = http.createServer(async (req, res) => {
    if (!held && /\/orders(\?|$)/.test(req.url ?? '')) {
      held = true;
      await Promise.race([third.then(() => sleep(GRACE_MS)), sleep(GATE_MS)]);
      fastPagesBeforeSlow = fastPages;
    }
    const answer = await fetch(`${slow.url}${req.url}`, { method: req.method, headers: req.headers as Record<string, string> });
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve));
  gateUrl = `http://127.0.0.1:${(gate.address() as AddressInfo).port}`;
});
afterAll(async () => {
  gate.closeAllConnections();
  await new Promise((resolve) => gate.close(resolve));
  await fast.close();
  await slow.close();
});

it('a store reads its next page while the merge waits for the slowest store', async () => {
  const profile = (token: string, baseUrl: string) => ({ platform: 'bigcommerce' as const, baseUrl, token });
  const slowBase = slow.baseUrls.bigcommerce!.replace(slow.url, gateUrl);
  const config = { currentProfile: 'fast', profiles: { fast: profile(fast.token, fast.baseUrls.bigcommerce!), slow: profile(slow.token, slowBase) } };
  const r = await runCommand(['orders', 'list', '-p', 'fast,slow', '--all', '-o', 'ids'], { config });
  expect(r.code, r.err).toBe(0);
  expect(r.out.trim().split('\n')).toHaveLength(820);
  // Pages of 250 (the last of 50): 500 orders wait in the read-ahead and one
  // more as the merge's head, so three pages are read before the slow store
  // answers; the fourth waits for the merge. One page of read-ahead stopped at two.
  expect(fastPagesBeforeSlow).toBe(3);
  expect(fastPages).toBe(4);
}, 60_000);
