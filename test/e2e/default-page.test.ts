// A list without --limit or --all shows one page: 50 orders, or --page-size N,
// however the listing is made. A BigCommerce status that is several ids
// (awaiting_fulfillment: 8, 9 and 11) is one request stream per id, and a
// --search is applied here over the listing: both used to show more than a
// page (up to one page per id; 50 matches whatever --page-size said).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { runCommand } from '../support/context.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 31, orders: 600 });
});
afterAll(async () => {
  await sandbox.close();
});

const config = () => ({ currentProfile: 'bc', profiles: { bc: { platform: 'bigcommerce' as const, baseUrl: sandbox.baseUrls.bigcommerce!, token: sandbox.token } } });
const list = async (...args: string[]) => {
  const r = await runCommand(['orders', 'list', '-o', 'ids', ...args], { config: config() });
  expect(r.code, r.err).toBe(0);
  return { ids: r.out.trim().split('\n').filter(Boolean), err: r.err };
};

it('a status of several BigCommerce ids shows one page of the merged list', async () => {
  const all = await list('--status', 'awaiting_fulfillment', '--all', '--sort', 'id:desc');
  expect(all.ids.length).toBeGreaterThan(60);
  const page = await list('--status', 'awaiting_fulfillment', '--sort', 'id:desc');
  expect(page.ids).toEqual(all.ids.slice(0, 50));
  expect(page.err).toBe('note: showing 50 orders; more may exist — use --all, or --limit N\n');
  const small = await list('--status', 'awaiting_fulfillment', '--sort', 'id:desc', '--page-size', '20');
  expect(small.ids).toEqual(all.ids.slice(0, 20));
});

it('--search shows --page-size matches without --limit', async () => {
  const all = await list('--search', 'example', '--all', '-q');
  expect(all.ids.length).toBeGreaterThan(30);
  const page = await list('--search', 'example', '--page-size', '20', '-q');
  expect(page.ids).toEqual(all.ids.slice(0, 20));
});
