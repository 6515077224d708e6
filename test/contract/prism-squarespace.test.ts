// Every command that reaches Squarespace, through the built binary, against
// Stoplight Prism serving the official Commerce OpenAPI extract (patched only in
// MonetaryAmount, in a temp copy, as ../shared/specs/SOURCES.md says) with
// request validation (--errors): no request may be refused, and every answer
// Prism makes from the file's examples must be read without error. Where a flag
// becomes a query parameter, the --debug trace shows it was sent.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PAYMENT_STATUSES } from '../../src/core/order.js';
import { PAYMENT_STATES } from '../../src/platforms/squarespace/rules.js';
import { describePrism, patchedSquarespaceSpec } from '../support/prism.js';

// The file's example order (components.schemas.Order examples).
const EXAMPLE_ID = '585d498fdee9f31a60284a37';

describePrism(
  'Squarespace commands against Prism serving the official extract',
  {
    spec: 'squarespace-commerce-orders.json',
    serve: patchedSquarespaceSpec,
    // The extract's paths start with /1.0/commerce (SOURCES.md).
    profile: (url) => ['--platform', 'squarespace', '--base-url', `${url}/1.0/commerce`],
  },
  ({ run, ok, sent, dir }) => {
    it('profile test and one page of orders read the examples', async () => {
      await ok(['profile', 'test', 'prism']);
      const list = JSON.parse((await ok(['orders', 'list', '-o', 'json'])).stdout);
      expect(list.length).toBeGreaterThan(0);
      expect(list[0].id).toMatch(/^[0-9a-f]{24}$/);
      await ok(['orders', 'list', '--status', 'pending', '--since', '2024-01-01T00:00:00Z', '--customer', 'c1', '-o', 'ids']);
    });

    it('--all, count and export stop at the example next page that repeats its cursor, naming the page', async () => {
      // Prism's list example always has a next page with the same cursor (SOURCES.md).
      for (const args of [['orders', 'list', '--all', '-o', 'ids'], ['orders', 'count'], ['orders', 'export', '--out', path.join(dir(), 'o.ndjson')]]) {
        const r = await run(args);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
        expect(r.stderr).toMatch(/squarespace answered page 2 of the order list with (a next-page cursor it gave before|no order not listed before)/);
      }
      expect(fs.existsSync(path.join(dir(), 'o.ndjson'))).toBe(false);
    });

    it('orders get reads the example order', async () => {
      const got = JSON.parse((await ok(['orders', 'get', EXAMPLE_ID, '-o', 'json'])).stdout);
      expect(got.id).toMatch(/^[0-9a-f]{24}$/);
      expect(got.totals.total.amount).toMatch(/^\d+\.\d{2}$/);
    });

    it('orders get #N finds the number in the listing (every payment state), then reads the order by id', async () => {
      const { result, requests } = await sent(['orders', 'get', '#3', '-o', 'json']);
      expect(JSON.parse(result.stdout)).toMatchObject({ id: EXAMPLE_ID, number: '3' });
      expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /1.0/commerce/orders', `GET /1.0/commerce/orders/${EXAMPLE_ID}`]);
      expect(requests[0]!.query.get('paymentStates')).toBe(PAYMENT_STATES.join(','));
      expect(result.stderr).toContain('note: squarespace cannot look orders up by number');
    });

    it('orders shipments reads the order and maps its fulfillments, for an id or a #number', async () => {
      for (const ref of [EXAMPLE_ID, '#3']) {
        const { result, requests } = await sent(['orders', 'shipments', ref, '-o', 'json']);
        expect(requests.at(-1)).toMatchObject({ method: 'GET', path: `/1.0/commerce/orders/${EXAMPLE_ID}` });
        expect(JSON.parse(result.stdout)).toEqual([
          {
            id: null,
            carrier: 'FedEx',
            service: 'Same-Day Delivery',
            tracking: '103932814692659',
            trackingUrl: 'https://www.fedex.com/apps/fedextrack/?tracknumbers=103932814692659',
            shippedAt: '2017-01-29T22:19:26.980Z',
            items: [],
          },
        ]);
      }
    });

    it('--payment-status: every value the tool accepts becomes paymentStates the file lists', async () => {
      // The shared names the mapping prints, and the API's own states as written.
      for (const value of [...PAYMENT_STATUSES, ...PAYMENT_STATES]) {
        const { result, requests } = await sent(['orders', 'list', '--payment-status', value, '-o', 'json']);
        const states = requests[0]!.query.get('paymentStates')!.split(',');
        expect(states.length, value).toBeGreaterThan(0);
        expect(states.every((s) => (PAYMENT_STATES as readonly string[]).includes(s)), `${value}: ${states.join(',')}`).toBe(true);
        // Prism answers every query with the example order, NOT_CHARGED with a refundedTotal:
        // printed unpaid, so only that name keeps it.
        const printed = JSON.parse(result.stdout).map((o: { payment: { status: string } }) => o.payment.status);
        if (value === value.toLowerCase()) expect(printed, value).toEqual(value === 'unpaid' ? ['unpaid'] : []);
      }
    });

    it('--email and --search read the listing and match here; the requests are plain list pages', async () => {
      // The example order: foo@example.com, billed to Bob Loblaw. --limit 1 stops before
      // page 2, which Prism's example makes a loop.
      for (const filter of [['--email', 'FOO@example.com'], ['--search', 'bob loblaw']]) {
        const { result, requests } = await sent(['orders', 'list', ...filter, '--limit', '1', '-o', 'json']);
        expect(JSON.parse(result.stdout).map((o: { id: string }) => o.id)).toEqual([EXAMPLE_ID]);
        expect(requests).toHaveLength(1);
        expect([...requests[0]!.query.keys()]).toEqual(['paymentStates']);
      }
    });

    it('create sends what the file accepts, with its Idempotency-Key', async () => {
      const order = path.join(dir(), 'order.json');
      fs.writeFileSync(
        order,
        JSON.stringify({
          channelName: 'Etsy',
          externalOrderReference: 'ETSY-1',
          createdOn: '2026-11-20T10:00:00Z',
          priceTaxInterpretation: 'EXCLUSIVE',
          fulfillments: [],
          grandTotal: { value: '55.00', currency: 'USD' },
          subtotal: { value: '55.00', currency: 'USD' },
          lineItems: [{ lineItemType: 'CUSTOM', title: 'Mug', quantity: 1, unitPricePaid: { value: '55.00', currency: 'USD' } }],
        }),
      );
      await ok(['orders', 'create', '--file', order, '--yes']);
    });

    it('fulfill sends shipments with and without a tracking URL, and none', async () => {
      await ok(['orders', 'fulfill', EXAMPLE_ID, '--tracking', '1Z999', '--carrier', 'UPS', '--service', 'Ground', '--yes']);
      await ok(['orders', 'fulfill', EXAMPLE_ID, '--tracking', '1Z999', '--carrier', 'UPS', '--service', 'Ground', '--tracking-url', 'https://www.ups.com/track?tracknum=1Z999', '--yes']);
      await ok(['orders', 'fulfill', EXAMPLE_ID, '--yes']);
    });
  },
);
