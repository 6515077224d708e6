// Every command that reaches BigCommerce, through the built binary, against
// Stoplight Prism serving the official Orders V2 file with request validation
// (--errors): no request may be refused, and every answer Prism makes from the
// file's examples must be read without error. Where a flag becomes a query
// parameter or a body field, the --debug trace shows it was sent, so Prism
// validated it rather than never seeing it.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PAYMENT_STATUSES } from '../../src/core/order.js';
import { describePrism, patchedBigCommerceSpec } from '../support/prism.js';

describePrism(
  'BigCommerce commands against Prism serving the official file',
  {
    spec: 'bigcommerce-orders-v2.yml',
    // shipped: the example order says one item shipped, so `orders get` reads its shipments.
    serve: (file, dir) => patchedBigCommerceSpec(file, dir, { shipped: true }),
    profile: (url) => ['--platform', 'bigcommerce', '--base-url', url],
  },
  ({ run, ok, sent, dir }) => {
    it('profile test, orders list, count and export read the examples', async () => {
      await ok(['profile', 'test', 'prism']);
      const list = JSON.parse((await ok(['orders', 'list', '-o', 'json'])).stdout);
      expect(list.length).toBeGreaterThan(0);
      expect(list[0].id).toBe('100');
      expect(list[0].totals.total.amount).toBe('361.95');
      await ok(['orders', 'list', '--status', 'awaiting_fulfillment', '--since', '2018-01-01T00:00:00Z', '--min-id', '1', '--sort', 'date_created', '-o', 'ids']);
      const count = JSON.parse((await ok(['orders', 'count', '-o', 'json'])).stdout);
      expect(typeof count.count).toBe('number');
      const out = path.join(dir(), 'orders.ndjson');
      await ok(['orders', 'export', '--out', out]);
      expect(fs.readFileSync(out, 'utf8').trim().split('\n').length).toBeGreaterThan(0);
    });

    it('orders get reads the order with its products, shipping addresses and, as it has shipped, its shipments', async () => {
      const { result, requests } = await sent(['orders', 'get', '100', '-o', 'json']);
      const got = JSON.parse(result.stdout);
      expect(got.id).toMatch(/^\d+$/);
      expect(got.items.length).toBeGreaterThan(0);
      // The example's consignments are a link, so its products and addresses are read on their own too.
      expect(requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual(['GET /orders/100', 'GET /orders/100/products', 'GET /orders/100/shipments', 'GET /orders/100/shipping_addresses']);
      // The file's shipments example: USPS, with the link BigCommerce generates.
      expect(got.shipments.map((s: { id: string; carrier: string; tracking: string }) => [s.id, s.carrier, s.tracking])).toEqual([
        ['6', 'USPS', 'EJ958083578US'],
        ['7', 'USPS', 'EJ958083578UK'],
      ]);
      expect(got.shipments[0].trackingUrl).toMatch(/^https:\/\/trkcnfrm1\.smi\.usps\.com\//);
      expect(got.shipments[0].items).toEqual([{ itemId: '188', quantity: 1 }]);
      expect(got.payment).toEqual({ status: 'authorized', method: 'Cash' });
    });

    it('orders get #N reads the order whose number is N: the id, directly', async () => {
      const { result, requests } = await sent(['orders', 'get', '#100', '-o', 'json']);
      expect(JSON.parse(result.stdout).number).toMatch(/^\d+$/);
      expect(requests[0]).toMatchObject({ method: 'GET', path: '/orders/100' });
      expect(requests.some((r) => r.path === '/orders')).toBe(false);
    });

    it('orders shipments lists the shipments endpoint mapped, for an id or a #number', async () => {
      for (const ref of ['100', '#100']) {
        const { result, requests } = await sent(['orders', 'shipments', ref, '-o', 'json']);
        expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /orders/100/shipments']);
        const shipments = JSON.parse(result.stdout);
        expect(shipments).toHaveLength(2);
        expect(shipments[1]).toMatchObject({ id: '7', carrier: 'USPS', service: 'None', tracking: 'EJ958083578UK', shippedAt: '2019-03-11T17:22:31Z', items: [{ itemId: '189', quantity: 1 }] });
      }
    });

    it('orders shipments --update sends the fulfil flags as the shipment fields the file takes', async () => {
      const { result, requests } = await sent([
        'orders', 'shipments', '100', '--update', '11',
        '--tracking', '1Z999AA10123456784', '--carrier', 'fedex', '--service', 'Ground',
        '--tracking-url', 'https://www.fedex.com/apps/fedextrack/?tracknumbers=1Z999AA10123456784',
        '--comment', 'Relabelled', '--address', '131', '-o', 'json',
      ]);
      const put = requests.find((r) => r.method === 'PUT')!;
      expect(put.path).toBe('/orders/100/shipments/11');
      expect(put.body).toEqual({
        tracking_number: '1Z999AA10123456784',
        tracking_link: 'https://www.fedex.com/apps/fedextrack/?tracknumbers=1Z999AA10123456784',
        shipping_method: 'Ground',
        shipping_provider: 'fedex',
        comments: 'Relabelled',
        order_address_id: 131,
      });
      // Prism answers with the file's example shipment.
      expect(JSON.parse(result.stdout)).toMatchObject({ id: '11', carrier: 'USPS', items: [{ itemId: '194', quantity: 1 }, { itemId: '195', quantity: 1 }] });
      // A carrier outside the provider list goes as an AfterShip slug.
      const slug = await sent(['orders', 'shipments', '100', '--update', '11', '--carrier', 'Royal Mail', '-o', 'json']);
      expect(slug.requests.find((r) => r.method === 'PUT')!.body).toEqual({ tracking_carrier: 'royal-mail' });
    });

    it('orders shipments --delete sends DELETE for that shipment, with --yes', async () => {
      const { result, requests } = await sent(['orders', 'shipments', '100', '--delete', '11', '--yes']);
      expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /orders/100/shipments/11']);
      expect(result.stderr).toContain('deleted shipment 11 of order 100');
    });

    it('the list filters of issue 17 become the query parameters the file documents, on list and count', async () => {
      const filters = ['--payment-method', 'Credit Card', '--channel', '1', '--min-total', '10.50', '--max-total', '500', '--external-ref', '113-5512345-1234567', '--cart', 'd4e978c2-bdcf-41b0-a49b-fecf4f5223c1', '--email', 'janedoe@example.com'];
      const expected = {
        payment_method: 'Credit Card',
        channel_id: '1',
        min_total: '10.50',
        max_total: '500',
        external_order_id: '113-5512345-1234567',
        cart_id: 'd4e978c2-bdcf-41b0-a49b-fecf4f5223c1',
        email: 'janedoe@example.com',
      };
      const list = await sent(['orders', 'list', ...filters, '-o', 'json']);
      expect(JSON.parse(list.result.stdout).length).toBeGreaterThan(0);
      expect(Object.fromEntries(Object.keys(expected).map((k) => [k, list.requests[0]!.query.get(k)]))).toEqual(expected);
      const count = await sent(['orders', 'count', ...filters, '-o', 'json']);
      expect(count.requests[0]!.path).toBe('/orders/count');
      expect(Object.fromEntries(Object.keys(expected).map((k) => [k, count.requests[0]!.query.get(k)]))).toEqual(expected);
      expect(typeof JSON.parse(count.result.stdout).count).toBe('number');
      // Each alone, too: a parameter valid only beside another would hide here.
      for (let i = 0; i < filters.length; i += 2) {
        const one = await sent(['orders', 'list', filters[i]!, filters[i + 1]!, '--limit', '1', '-o', 'ids']);
        expect(one.requests).toHaveLength(1);
      }
    });

    it('--payment-status reads the listing and keeps the orders printed with that status; the requests are plain list pages', async () => {
      const printed = new Map<string, number>();
      for (const status of PAYMENT_STATUSES) {
        const { result, requests } = await sent(['orders', 'list', '--payment-status', status, '-o', 'json']);
        const got = JSON.parse(result.stdout);
        expect(got.every((o: { payment: { status: string } }) => o.payment.status === status), status).toBe(true);
        printed.set(status, got.length);
        expect(requests.every((r) => r.path === '/orders' && ![...r.query.keys()].some((k) => k.includes('payment'))), status).toBe(true);
      }
      // The file's list examples are paid for in several ways: some status finds them.
      expect([...printed.values()].some((n) => n > 0)).toBe(true);
      const count = await sent(['orders', 'count', '--payment-status', 'authorized', '-o', 'json']);
      expect(count.requests.every((r) => r.path === '/orders')).toBe(true);
      expect(JSON.parse(count.result.stdout).count).toBe(printed.get('authorized'));
    });

    it('--search reads the listing (every page) and matches here; the requests are plain list pages', async () => {
      // The example orders' billing name is Jane Doe.
      const { result, requests } = await sent(['orders', 'list', '--search', 'jane doe', '-o', 'json']);
      expect(JSON.parse(result.stdout).length).toBeGreaterThan(0);
      expect(requests.every((r) => r.path === '/orders' && !r.query.has('search'))).toBe(true);
      expect(result.stderr).toContain('note: no bigcommerce filter searches names');
      const none = await run(['orders', 'list', '--search', 'nobody-by-this-name', '-o', 'json']);
      expect(none.code, none.stderr).toBe(0);
      expect(JSON.parse(none.stdout)).toEqual([]);
    });

    it('create, update, status, cancel and archive send what the file accepts', async () => {
      const order = path.join(dir(), 'order.json');
      fs.writeFileSync(
        order,
        JSON.stringify({
          billing_address: { first_name: 'Jane', last_name: 'Doe', street_1: '455 Main Street', city: 'Austin', state: 'Texas', zip: '78751', country: 'United States', country_iso2: 'US', email: 'janedoe@example.com' },
          products: [{ name: 'Custom', quantity: 1, price_inc_tax: 10, price_ex_tax: 10 }],
        }),
      );
      await ok(['orders', 'create', '--file', order, '--yes']);
      fs.writeFileSync(order, JSON.stringify({ staff_notes: 'checked' }));
      await ok(['orders', 'update', '100', '--file', order, '--yes']);
      await ok(['orders', 'status', '100']);
      await ok(['orders', 'status', '100', '--set', 'fulfilled', '--yes']);
      await ok(['orders', 'cancel', '100', '--yes']);
      await ok(['orders', 'archive', '100', '--yes']);
    });

    it('fulfill sends a shipping provider, or an AfterShip slug as tracking_carrier', async () => {
      // The file's examples do not agree with each other: the addresses are 132 and 133, the
      // products' order_address_id 51. So the address and the item are named.
      await ok(['orders', 'fulfill', '100', '--address', '132', '--item', '65', '--tracking', '1Z999', '--carrier', 'ups', '--yes']);
      await ok(['orders', 'fulfill', '100', '--address', '132', '--item', '65:1', '--tracking', 'JD0123', '--carrier', 'Royal Mail', '--yes']);
    });
  },
);
