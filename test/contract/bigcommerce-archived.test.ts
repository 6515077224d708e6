// Archived BigCommerce orders, read either way: the spec describes is_deleted:
// true on an order that can still be read (the sandbox serves that reading; see
// bigcommerce.test.ts), and a store may answer 404 instead, or list archived
// orders. This server does the last two. Both mean the same to orderctl: not
// found (exit 4), and out of every list.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fakeClock, seededRandom } from '../../src/core/clock.js';
import { NotFoundError } from '../../src/core/errors.js';
import { DEFAULT_HTTP, HttpClient } from '../../src/core/http.js';
import { BigCommerceAdapter, bigcommerceHttp } from '../../src/platforms/bigcommerce/adapter.js';

const order = (id: number, isDeleted: boolean) => ({ id, is_deleted: isDeleted, status_id: 5, status: 'Cancelled', date_created: 'Wed, 10 Jan 2018 21:05:30 +0000', date_modified: 'Wed, 10 Jan 2018 21:05:30 +0000', total_inc_tax: '1.0000', default_currency_code: 'USD', currency_code: 'USD', billing_address: {} });
let server: http.Server;
let adapter: BigCommerceAdapter;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    const body = path === '/orders' ? [order(100, false), order(101, true), order(102, false)] : path === '/orders/101' ? order(101, true) : [{ status: 404, message: 'The requested resource was not found.' }];
    res.writeHead(path === '/orders' || path === '/orders/101' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  adapter = new BigCommerceAdapter(new HttpClient(bigcommerceHttp({ platform: 'bigcommerce', baseUrl }, 't'), { ...DEFAULT_HTTP, clock: fakeClock(), random: seededRandom(1), env: {} }));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

it('leaves is_deleted orders out of a list', async () => {
  const ids: string[] = [];
  for await (const f of adapter.listOrders({ statuses: [] }, { all: false })) ids.push(f.order.id);
  expect(ids).toEqual(['100', '102']);
});

it('answers a get of an is_deleted order as not found, saying it is archived', async () => {
  await expect(adapter.getOrder('101')).rejects.toThrow(NotFoundError);
  await expect(adapter.getOrder('101')).rejects.toThrow(/order 101 is archived on bigcommerce/);
  await expect(adapter.getOrder('103')).rejects.toThrow(/order 103 not found on bigcommerce/);
});

it('answers a repeated archive that the store answers 404 as not found, saying it may be archived already', async () => {
  await expect(adapter.archiveOrder('103')).rejects.toThrow(NotFoundError);
  await expect(adapter.archiveOrder('103')).rejects.toThrow(/order 103 not found on bigcommerce: it does not exist, or is archived already/);
});
