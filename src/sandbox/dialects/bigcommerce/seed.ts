// The seeded orders.

import type { Rng } from '../../rng.js';
import { STATUSES } from './statuses.js';
import { type BcOrderRecord, type BcSection, convert, FIRST_ORDER_ID, formatMoney, M, parseMoney, rfc2822, withTax } from './common.js';
import { AWKWARD_COMPANY, AWKWARD_MESSAGE, CATALOGUE, COUNTRIES, currencyId, MESSAGES, PAYMENT_METHODS, PAYMENT_STATUS, PEOPLE, STAFF_NOTES } from './reference.js';
import { billingOf, newAddress, newOrder, newProduct, recompute, setStatus } from './records.js';
import { makeShipment } from './shipments.js';

/**
 * Seeded orders: deterministic from the rng and `now` (a fixed reference date,
 * never the wall clock), spread over the ten months before it. Every status id
 * 0–14 appears once there are 15 orders or more; a few orders carry awkward
 * data (unicode names, a comma and quotes in a company, a newline in a message).
 */
export function seedBigCommerce(rng: Rng, count: number, now: number): BcSection {
  const sec: BcSection = { changes: {}, next: { order: FIRST_ORDER_ID, product: 1000, address: 500, shipment: 1, option: 1 }, orders: [] };
  // Most customers are in the store's home market (US), the rest abroad.
  const markets = [COUNTRIES[0]!, COUNTRIES[0]!, COUNTRIES[0]!, ...COUNTRIES];
  const customers = PEOPLE.slice(0, 12).map((p, i) => ({ ...p, id: i + 1, country: rng.pick(markets), place: rng.int(0, 9) }));
  const weighted = [11, 11, 11, 11, 10, 10, 10, 10, 2, 2, 2, 1, 1, 7, 7, 9, 3, 5, 4, 14, 0, 6, 8, 12, 13];
  const base = rng.shuffle(STATUSES.map((s) => s.id));
  const statuses = count <= base.length ? base.slice(0, count) : rng.shuffle([...base, ...Array.from({ length: count - base.length }, () => rng.pick(weighted))]);
  const day = 86_400_000;
  const created = Array.from({ length: count }, () => now - rng.int(3600, 300 * 86_400) * 1000).sort((a, b) => a - b);

  for (let i = 0; i < count; i++) {
    const id = sec.next.order++;
    const statusId = statuses[i]!;
    const guest = rng.chance(0.2);
    const person = guest ? { ...PEOPLE[12 + rng.int(0, 3)]!, id: 0, country: rng.pick(markets), place: rng.int(0, 9) } : rng.pick(customers);
    // Awkward data on fixed positions, so every seed has it.
    const first = i === 1 ? PEOPLE[4]! : person;
    const country = person.country;
    const [street, city, state, zip] = country.places[person.place % country.places.length]!;
    const billing = billingOf({
      first_name: first.first,
      last_name: first.last,
      company: i === 2 ? AWKWARD_COMPANY : first.company,
      street_1: street,
      street_2: rng.chance(0.15) ? `Floor ${rng.int(2, 9)}` : '',
      city,
      state,
      zip,
      country: country.name,
      country_iso2: country.iso2,
      phone: rng.chance(0.8) ? `${country.phone}${rng.int(10, 99)}` : '',
      email: i === 1 ? PEOPLE[4]!.email : person.email,
    });
    const o = newOrder(id, created[i]!, i === 1 ? 5 : person.id, billing, country);
    o.cart_id = `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${rng.hex(12)}`;
    o.ip_address = `203.0.113.${rng.int(1, 254)}`;
    o.geoip_country = country.name;
    o.geoip_country_iso2 = country.iso2;
    o.payment_method = rng.pick(PAYMENT_METHODS);
    o.payment_provider_id = o.payment_method === 'Credit Card' ? `ch_${rng.hex(24)}` : '';
    o.payment_status = PAYMENT_STATUS[statusId]!;
    o.order_source = rng.pick(['www', 'www', 'www', 'iphone', 'android', 'manual', 'external']);
    o.tax_provider_id = 'BasicTaxProvider';
    o.customer_message = i === 3 ? AWKWARD_MESSAGE : rng.pick(MESSAGES);
    o.staff_notes = rng.pick(STAFF_NOTES);
    o.is_email_opt_in = rng.chance(0.4);
    o.customer_locale = { DE: 'de', FR: 'fr', JP: 'ja', NL: 'nl' }[country.iso2] ?? 'en';
    if (rng.chance(0.1)) {
      o.order_source = 'amazon';
      o.external_source = 'Amazon';
      o.external_order_id = `${rng.int(100, 999)}-${rng.int(1000000, 9999999)}-${rng.int(1000000, 9999999)}`;
    }
    setStatus(o, statusId);
    // spec "Currency Fields": default_currency_code is the transactional currency, "the currency
    // the shopper pays in", so every amount is in it; currency_code is the display currency the
    // storefront showed prices in, which "may be different". Shoppers abroad sometimes browse in
    // the store's currency (USD) and pay in their own. Only storefront orders: "In v2 display
    // currency is set to the transactional currency" (order_RespOnly.currency_id), and
    // currency_exchange_rate (store default → display) is "always 1" for V2 orders, "only in the
    // storefront" other. Fixed positions: no extra draws.
    const storefront = ['www', 'iphone', 'android'].includes(o.order_source);
    if (storefront && i % 5 === 4 && country.currency !== 'USD') {
      o.currency_id = currencyId('USD');
      o.currency_code = 'USD';
    }
    if (storefront && o.currency_code !== 'USD') o.currency_exchange_rate = country.rate;
    const rate = parseMoney(country.rate)!;
    const currency = country.currency;
    const rec: BcOrderRecord = { order: o, products: [], addresses: [], shipments: [] };

    // Shipping: mostly one address (the billing one or another person's), sometimes two.
    const shipEx = convert(rng.pick([0, 0, M('5.0000'), M('9.9900'), M('15.0000')]), rate, currency);
    const twoAddresses = rng.chance(0.12);
    const recipient = rng.pick(PEOPLE);
    const shipTo = rng.chance(0.7) ? billing : billingOf({ ...billing, first_name: recipient.first, last_name: recipient.last, email: recipient.email, company: '' });
    rec.addresses.push(newAddress(sec, id, shipTo, shipEx ? 'Flat Rate' : 'Free Shipping', shipEx, withTax(shipEx, country.taxBp, currency)));
    if (twoAddresses) {
      const other = country.places[(person.place + 1) % country.places.length]!;
      const gift = rng.pick(PEOPLE);
      rec.addresses.push(newAddress(sec, id, { ...billing, first_name: gift.first, last_name: gift.last, company: '', street_1: other[0], city: other[1], state: other[2], zip: other[3], email: gift.email }, 'Free Shipping', 0, 0));
    }

    const picks = rng.shuffle(CATALOGUE).slice(0, rng.int(1, 4));
    picks.forEach((c, n) => {
      const priceEx = convert(M(c.price), rate, currency);
      const chosen = c.options.map((opt) => ({ option: opt, value: rng.pick(opt.values) }));
      const skuParts = chosen.map((x) => x.value[2]).filter(Boolean);
      const variantIndex = chosen.reduce((acc, x) => acc * 10 + x.option.values.indexOf(x.value), 0);
      const address = rec.addresses[twoAddresses ? n % 2 : 0]!;
      rec.products.push(
        newProduct(sec, id, address.id, {
          productId: c.product_id,
          variantId: c.product_id * 100 + variantIndex,
          name: c.name,
          sku: [c.sku, ...skuParts].join('-'),
          priceEx,
          priceInc: withTax(priceEx, country.taxBp, currency),
          quantity: rng.pick([1, 1, 1, 2, 2, 3]),
          brand: c.brand,
          weight: c.weight,
          options: chosen,
        }),
      );
    });
    if (rng.chance(0.15)) {
      o.discount_amount = formatMoney(convert(M('5.0000'), rate, currency));
      o.coupon_discount = o.discount_amount;
      // The coupon as it applied to the first line (spec orderProduct.applied_discounts).
      rec.products[0]!.applied_discounts = [{ id: 'coupon', amount: o.discount_amount, name: 'WELCOME5', code: 'WELCOME5', target: 'order' }];
    }
    recompute(rec);

    let modified = created[i]! + (statusId <= 1 ? 0 : rng.int(600, 10 * 86_400) * 1000);
    // Shipped-like statuses carry real shipments: all items, or some for Partially Shipped.
    if ([2, 3, 4, 10, 14].includes(statusId)) {
      const shippedAt = Math.min(now - 60_000, created[i]! + rng.int(1, 5) * day);
      for (const a of rec.addresses) {
        const lines = rec.products.filter((p) => p.order_address_id === a.id);
        const items = (statusId === 3 ? lines.slice(0, 1).map((p) => ({ p, q: Math.max(1, p.quantity - 1) })) : lines.map((p) => ({ p, q: p.quantity }))).filter((x) => x.q > 0);
        if (!items.length || (statusId === 3 && a !== rec.addresses[0])) continue;
        if (statusId === 3 && rec.products.length === 1 && items[0]!.p.quantity === 1) {
          // One unit cannot be shipped partially: add a second line that stays unshipped.
          const c = CATALOGUE[6]!;
          const priceEx = convert(M(c.price), rate, currency);
          rec.products.push(newProduct(sec, id, a.id, { productId: c.product_id, variantId: c.product_id * 100, name: c.name, sku: c.sku, priceEx, priceInc: withTax(priceEx, country.taxBp, currency), quantity: 1, brand: c.brand, weight: c.weight, options: [] }));
        }
        const provider = rng.pick(['ups', 'usps', 'fedex', 'royalmail', 'auspost', '']);
        const tracking = `${provider ? provider.toUpperCase().slice(0, 2) : 'TR'}${rng.int(100000000, 999999999)}`;
        rec.shipments.push(
          makeShipment(sec, rec, a, items.map((x) => ({ product: x.p, quantity: x.q })), shippedAt, {
            tracking_number: tracking,
            shipping_provider: provider,
            tracking_carrier: provider ? '' : 'dhl',
            shipping_method: a.shipping_method,
            comments: rng.chance(0.3) ? 'Packed with care' : '',
          }),
        );
      }
      recompute(rec);
      if (o.items_shipped >= o.items_total) o.date_shipped = rfc2822(shippedAt);
      modified = Math.max(modified, shippedAt);
    }
    if (statusId === 4) o.refunded_amount = o.total_inc_tax;
    if (statusId === 14) o.refunded_amount = rec.products[0]!.price_inc_tax;
    o.date_modified = rfc2822(Math.min(modified, now - 60_000));
    sec.orders.push(rec);
  }
  return sec;
}
