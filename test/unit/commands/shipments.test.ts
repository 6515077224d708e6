// Where an order went: `orders shipments ID` on every platform that documents
// shipments, and on BigCommerce correcting and removing one. In-process
// against a real sandbox over HTTP.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryConfig } from '../../../src/core/config.js';
import type { Platform } from '../../../src/core/order.js';
import { BIGCOMMERCE, type BcSection } from '../../../src/sandbox/dialects/bigcommerce/common.js';
import { SQUARESPACE, type SqSection } from '../../../src/sandbox/dialects/squarespace/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/server.js';
import { runCommand } from '../../support/context.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7, orders: 40 });
});
afterAll(() => sandbox.close());

const config = (platform: Platform) => memoryConfig({ currentProfile: 's', profiles: { s: { platform, baseUrl: sandbox.baseUrls[platform]!, token: sandbox.token } } });
const cli = (platform: Platform, args: string[], yes = false) => runCommand(args, { config: config(platform), globals: yes ? { yes: true } : {} });
const json = async (platform: Platform, args: string[]) => {
  const r = await cli(platform, [...args, '-o', 'json']);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
};
const bc = () => sandbox.store.section<BcSection>(BIGCOMMERCE);
const sq = () => sandbox.store.section<SqSection>(SQUARESPACE);

describe('orders shipments (bigcommerce)', () => {
  const shipped = () => bc().orders.find((r) => r.shipments.length > 0 && !r.order.is_deleted)!;

  it('lists the shipments with carrier, tracking, link and items; orders get carries them too', async () => {
    const r = shipped();
    const s = r.shipments[0]!;
    const list = await json('bigcommerce', ['orders', 'shipments', String(r.order.id)]);
    expect(list[0]).toMatchObject({ id: String(s.id), tracking: s.tracking_number, items: s.items.map((i) => ({ itemId: String(i.order_product_id), quantity: i.quantity })) });
    expect(list[0].trackingUrl).toMatch(/^https:/);
    const order = await json('bigcommerce', ['orders', 'get', String(r.order.id)]);
    expect(order.shipments).toEqual(list);
    expect(order.payment.status).not.toBeUndefined();
  });

  it('--update corrects the tracking and carrier with one PUT', async () => {
    const r = shipped();
    const s = r.shipments[0]!;
    const updated = await json('bigcommerce', ['orders', 'shipments', String(r.order.id), '--update', String(s.id), '--tracking', '1Z999AA10123456784', '--carrier', 'ups']);
    expect(updated).toMatchObject({ id: String(s.id), tracking: '1Z999AA10123456784', carrier: 'UPS' });
    expect(r.shipments[0]!.tracking_number).toBe('1Z999AA10123456784');
  });

  it('--update with nothing to change, --item or --ship-date exits 2', async () => {
    const r = shipped();
    const id = String(r.order.id);
    expect((await cli('bigcommerce', ['orders', 'shipments', id, '--update', String(r.shipments[0]!.id)])).code).toBe(2);
    const dated = await cli('bigcommerce', ['orders', 'shipments', id, '--update', String(r.shipments[0]!.id), '--ship-date', '2026-01-01']);
    expect(dated.code).toBe(2);
    expect(dated.err).toContain('--ship-date is not available on bigcommerce');
    expect((await cli('bigcommerce', ['orders', 'shipments', id, '--tracking', 'X'])).code).toBe(2);
  });

  it('--delete needs --yes without a terminal; then the shipment is gone and its items can ship again', async () => {
    const r = shipped();
    const id = String(r.order.id);
    const s = r.shipments[0]!;
    const asked = await cli('bigcommerce', ['orders', 'shipments', id, '--delete', String(s.id)]);
    expect(asked.code).toBe(2);
    expect(r.shipments).toContain(s);
    const done = await cli('bigcommerce', ['orders', 'shipments', id, '--delete', String(s.id)], true);
    expect(done.code, done.err).toBe(0);
    expect(r.shipments.map((x) => x.id)).not.toContain(s.id);
    const p = r.products.find((x) => x.id === s.items[0]!.order_product_id)!;
    expect(p.quantity_shipped).toBeLessThan(p.quantity);
    const missing = await cli('bigcommerce', ['orders', 'shipments', id, '--delete', String(s.id)], true);
    expect(missing.code).toBe(4);
  });

  it('--delete with STORE:ID names the store in what it asks and what it says', async () => {
    const r = shipped();
    const s = r.shipments[0]!;
    const asked = await cli('bigcommerce', ['orders', 'shipments', `s:${r.order.id}`, '--delete', String(s.id)]);
    expect(asked.code).toBe(2);
    expect(asked.err).toContain(`delete shipment ${s.id} of order ${r.order.id} in s`);
    const done = await cli('bigcommerce', ['orders', 'shipments', `s:${r.order.id}`, '--delete', String(s.id)], true);
    expect(done.code, done.err).toBe(0);
    expect(done.err).toContain(`deleted shipment ${s.id} of order ${r.order.id} in s;`);
  });
});

describe('orders shipments (squarespace)', () => {
  it('fulfillments become shipments of the whole order; a refunded order says so in payment', async () => {
    const o = sq().orders.find((x) => (x.fulfillments ?? []).length > 0)!;
    const list = await json('squarespace', ['orders', 'shipments', o.id]);
    expect(list[0]).toMatchObject({ id: null, carrier: o.fulfillments![0]!.carrierName, tracking: o.fulfillments![0]!.trackingNumber, items: [] });
    const refunded = sq().orders.find((x) => x.paymentState === 'REFUNDED');
    if (refunded) {
      const got = await json('squarespace', ['orders', 'get', refunded.id]);
      expect(got.payment.status).toBe('refunded');
      expect(got.totals.refunded.amount).toBe(refunded.refundedTotal.value);
    }
  });

  it('--update is BigCommerce only: exit 2 naming it', async () => {
    const o = sq().orders[0]!;
    const r = await cli('squarespace', ['orders', 'shipments', o.id, '--delete', '1'], true);
    expect(r.code).toBe(2);
    expect(r.err).toContain('it is on: bigcommerce');
  });
});
