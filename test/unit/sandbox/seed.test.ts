// Seeded BigCommerce data: deterministic from the seed, independent of the
// clock, and varied enough to exercise every status and awkward input.

import { describe, expect, it } from 'vitest';
import type { BcSection } from '../../../src/sandbox/dialects/bigcommerce/index.js';
import { parseApiDate, parseMoney, seedBigCommerce } from '../../../src/sandbox/dialects/bigcommerce/index.js';
import { createRng } from '../../../src/sandbox/rng.js';
import { SEED_REFERENCE_MS, seedState } from '../../../src/sandbox/server.js';

const RFC2822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d \+0000$/;
const MONEY = /^\d+\.\d{4}$/;

function seeded(seed = 7, orders = 60): BcSection {
  return seedState(seed, orders).platforms.bigcommerce as BcSection;
}

describe('seeded BigCommerce orders', () => {
  it('are the same for the same seed, and differ for another', () => {
    expect(JSON.stringify(seedState(7, 60))).toBe(JSON.stringify(seedState(7, 60)));
    expect(JSON.stringify(seedState(8, 60))).not.toBe(JSON.stringify(seedState(7, 60)));
  });

  it('do not depend on the wall clock: every date is before the fixed reference day', () => {
    const sec = seeded();
    for (const { order } of sec.orders) {
      expect(order.date_created).toMatch(RFC2822);
      expect(order.date_modified).toMatch(RFC2822);
      expect(parseApiDate(order.date_created)!).toBeLessThan(SEED_REFERENCE_MS);
      expect(parseApiDate(order.date_modified)!).toBeLessThan(SEED_REFERENCE_MS);
      expect(parseApiDate(order.date_modified)!).toBeGreaterThanOrEqual(parseApiDate(order.date_created)!);
      expect(parseApiDate(order.date_created)!).toBeGreaterThan(SEED_REFERENCE_MS - 301 * 86_400_000);
    }
  });

  it('number orders from 100 upward with dates rising with the id', () => {
    const sec = seeded();
    expect(sec.orders.map((r) => r.order.id)).toEqual(Array.from({ length: 60 }, (_, i) => 100 + i));
    const created = sec.orders.map((r) => parseApiDate(r.order.date_created)!);
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });

  it('represent every status id 0–14, with matching names', () => {
    for (const [seed, orders] of [[1, 15], [7, 60], [99, 200]] as const) {
      const ids = new Set(seeded(seed, orders).orders.map((r) => r.order.status_id));
      expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i));
    }
    const pending = seeded().orders.find((r) => r.order.status_id === 11)!.order;
    expect(pending.status).toBe('Awaiting Fulfillment');
  });

  it('have registered customers and guests (customer_id 0), in several countries', () => {
    const orders = seeded().orders.map((r) => r.order);
    expect(orders.some((o) => o.customer_id === 0)).toBe(true);
    expect(new Set(orders.filter((o) => o.customer_id > 0).map((o) => o.customer_id)).size).toBeGreaterThan(5);
    expect(new Set(orders.map((o) => o.billing_address.country_iso2)).size).toBeGreaterThanOrEqual(4);
    for (const o of orders) {
      expect(o.billing_address.email).toMatch(/@/);
      expect(typeof o.billing_address.zip).toBe('string'); // billingAddress_Base requires zip
    }
  });

  it('price in the currency the shopper pays in, which a display currency can differ from (spec "Currency Fields")', () => {
    const orders = seeded().orders.map((r) => r.order);
    const local: Record<string, string> = { US: 'USD', GB: 'GBP', DE: 'EUR', FR: 'EUR', NL: 'EUR', AU: 'AUD', CA: 'CAD', JP: 'JPY' };
    for (const o of orders) expect(o.default_currency_code).toBe(local[o.billing_address.country_iso2!]);
    const browsing = orders.filter((o) => o.currency_code !== o.default_currency_code);
    expect(browsing.length).toBeGreaterThan(0);
    for (const o of browsing) expect(o.currency_code).toBe('USD');
    // Only in the storefront: an order made through V2 or by hand shows the currency it charges,
    // at a display exchange rate of 1 ("always 1" for V2 orders).
    for (const o of orders.filter((x) => ['manual', 'external', 'amazon'].includes(x.order_source))) {
      expect(o.currency_code).toBe(o.default_currency_code);
      expect(o.currency_exchange_rate).toBe('1.0000000000');
    }
    const shownAbroad = orders.filter((o) => ['www', 'iphone', 'android'].includes(o.order_source) && o.currency_code !== 'USD');
    expect(shownAbroad.length).toBeGreaterThan(0);
    for (const o of shownAbroad) expect(o.currency_exchange_rate).toBe(o.store_default_to_transactional_exchange_rate);
  });

  it('carry awkward data: unicode names, a comma and quotes in a company, a newline in a message', () => {
    const orders = seeded().orders.map((r) => r.order);
    expect(orders.some((o) => /[^\p{ASCII}]/u.test(`${o.billing_address.first_name}${o.billing_address.last_name}`))).toBe(true);
    expect(orders.some((o) => /,/.test(o.billing_address.company ?? '') && /"/.test(o.billing_address.company ?? ''))).toBe(true);
    expect(orders.some((o) => o.customer_message.includes('\n'))).toBe(true);
  });

  it('have 1–4 lines with SKUs and options, and totals that add up to the cent', () => {
    const sec = seeded();
    let withOptions = 0;
    for (const r of sec.orders) {
      const o = r.order;
      expect(r.products.length).toBeGreaterThanOrEqual(1);
      expect(r.products.length).toBeLessThanOrEqual(5); // 4, plus one added to make a partial shipment possible
      for (const p of r.products) {
        expect(p.sku).not.toBe('');
        expect(p.total_inc_tax).toMatch(MONEY);
        expect(parseMoney(p.total_inc_tax)).toBe(parseMoney(p.price_inc_tax)! * p.quantity);
        if (p.product_options.length) withOptions++;
        expect(r.addresses.map((a) => a.id)).toContain(p.order_address_id);
      }
      for (const k of ['subtotal_ex_tax', 'subtotal_inc_tax', 'total_ex_tax', 'total_inc_tax', 'total_tax', 'shipping_cost_inc_tax'] as const) expect(o[k]).toMatch(MONEY);
      const sum = r.products.reduce((n, p) => n + parseMoney(p.total_inc_tax)!, 0);
      expect(parseMoney(o.subtotal_inc_tax)).toBe(sum);
      expect(parseMoney(o.total_inc_tax)).toBe(sum + parseMoney(o.shipping_cost_inc_tax)! - parseMoney(o.discount_amount)!);
      expect(o.items_total).toBe(r.products.reduce((n, p) => n + p.quantity, 0));
      expect(o.shipping_address_count).toBe(r.addresses.length);
    }
    expect(withOptions).toBeGreaterThan(5);
    expect(sec.orders.some((r) => r.addresses.length === 2)).toBe(true);
  });

  it('ship what the status says: all of Shipped, part of Partially Shipped, none of Awaiting Fulfillment', () => {
    for (const r of seeded(3, 120).orders) {
      const o = r.order;
      if (o.status_id === 2) {
        expect(o.items_shipped).toBe(o.items_total);
        expect(o.date_shipped).toMatch(RFC2822);
        expect(r.shipments.length).toBeGreaterThan(0);
      } else if (o.status_id === 3) {
        expect(o.items_shipped).toBeGreaterThan(0);
        expect(o.items_shipped).toBeLessThan(o.items_total);
        expect(o.date_shipped).toBe('');
      } else if (o.status_id === 11) {
        expect(o.items_shipped).toBe(0);
        expect(o.date_shipped).toBe(''); // "" when unshipped (API-NOTES.md §1)
        expect(r.shipments).toEqual([]);
      }
    }
  });

  it('seed straight from a dialect with its own rng', () => {
    const a = seedBigCommerce(createRng(5), 3, SEED_REFERENCE_MS);
    const b = seedBigCommerce(createRng(5), 3, SEED_REFERENCE_MS);
    expect(a).toEqual(b);
    expect(a.orders).toHaveLength(3);
    expect(a.changes).toEqual({});
  });
});

describe('money and dates', () => {
  it('parses decimals into integer units without float error', () => {
    expect(parseMoney('336.32')).toBe(3_363_200);
    expect(parseMoney(0.1)! + parseMoney(0.2)!).toBe(parseMoney('0.3'));
    expect(parseMoney('1.00005')).toBe(10_001);
    expect(parseMoney('abc')).toBeUndefined();
  });

  it('reads RFC 2822 and ISO 8601, with or without a zone', () => {
    const t = Date.UTC(2017, 3, 20, 15, 32);
    expect(parseApiDate('Thu, 20 Apr 2017 11:32:00 -0400')).toBe(t);
    expect(parseApiDate('2017-04-20T11:32:00.000-04:00')).toBe(t);
    expect(parseApiDate('2017-04-20T15:32:00Z')).toBe(t);
    expect(parseApiDate('2017-04-20T11:32:00 04:00')).toBe(Date.UTC(2017, 3, 20, 7, 32)); // "+" decoded to a space
    expect(parseApiDate('2017-04-20')).toBe(Date.UTC(2017, 3, 20));
    expect(parseApiDate('2017-02-30')).toBeUndefined();
    expect(parseApiDate('yesterday')).toBeUndefined();
  });
});
