// Seeded Squarespace orders: deterministic from the rng and a reference date.

import type { Rng } from '../../rng.js';
import { FIRST_ORDER_NUMBER, usd, type SqSection, type SqVariant } from './section.js';
import { isoUtc, type SqAddress, type SqLineItem, type SqPaymentState } from './wire.js';

const PEOPLE = [
  { first: 'Ava', last: 'Thompson', email: 'ava.thompson@example.com', phone: '+1 212 555 0101' },
  { first: 'Liam', last: "O'Brien", email: 'liam.obrien@example.com', phone: '+1 617 555 0102' },
  { first: 'Zoë', last: 'Martínez', email: 'zoe.martinez@example.com', phone: '' },
  { first: 'Noah', last: 'Kim', email: 'noah.kim@example.com', phone: '+1 415 555 0104' },
  { first: 'Emma', last: 'Schultz', email: 'emma.schultz@example.com', phone: '+1 312 555 0105' },
  { first: 'Oliver', last: 'Nguyễn', email: 'oliver.nguyen@example.com', phone: '+1 206 555 0106' },
  { first: 'Mia', last: 'Johnson', email: 'mia.johnson@example.com', phone: '+1 512 555 0107' },
  { first: 'Lucas', last: 'Dubois', email: 'lucas.dubois@example.ca', phone: '+1 514 555 0108' },
];

const PLACES: Array<[street: string, city: string, state: string, zip: string, country: string]> = [
  ['350 5th Ave', 'New York', 'NY', '10118', 'US'],
  ['1 Main St, Apt 4', 'Cambridge', 'MA', '02142', 'US'],
  ['500 Terry A Francois Blvd', 'San Francisco', 'CA', '94158', 'US'],
  ['233 S Wacker Dr', 'Chicago', 'IL', '60606', 'US'],
  ['1000 Rue Sherbrooke O', 'Montréal', 'QC', 'H3A 3G4', 'CA'],
];

const PRODUCTS: Array<[name: string, sku: string, cents: number, options: Array<[string, string[]]>]> = [
  ['Ceramic Pour-Over', 'SQ-POUR', 3800, []],
  ['Linen Apron', 'SQ-APRON', 4500, [['Color', ['Sand', 'Charcoal']]]],
  ['House Blend, 12 oz', 'SQ-BLEND', 1650, [['Grind', ['Whole bean', 'Espresso']]]],
  ['Enamel Mug', 'SQ-MUG', 2200, [['Color', ['White', 'Navy']]]],
  ['Tote Bag "Everyday"', 'SQ-TOTE', 2800, []],
];

const CARRIERS: Array<[carrier: string, service: string, url: string]> = [
  ['USPS', 'USPS Ground Advantage', 'https://tools.usps.com/go/TrackConfirmAction?tLabels='],
  ['UPS', 'UPS Ground', 'https://www.ups.com/track?tracknum='],
  ['FedEx', 'FedEx Home Delivery', 'https://www.fedex.com/fedextrack/?trknbr='],
];

const NOTES = ['Called the customer about the delivery window.', 'Gift: no prices on the packing slip.\nLeave at the back door — the bell is "broken".', 'Re-sent confirmation e-mail.'];

function seedCatalogue(rng: Rng): SqVariant[] {
  const out: SqVariant[] = [];
  for (const [name, sku, cents, options] of PRODUCTS) {
    const productId = rng.hex(24);
    const values = options.length ? options[0]![1].map((v) => [{ optionName: options[0]![0], value: v }]) : [[]];
    values.forEach((opts, i) => {
      out.push({
        variantId: `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${rng.hex(12)}`,
        productId,
        sku: opts.length ? `${sku}-${i + 1}` : sku,
        productName: name,
        options: opts,
        cents,
        weight: rng.int(2, 30) / 10,
        stock: rng.int(3, 40),
      });
    });
  }
  return out;
}

function address(p: (typeof PEOPLE)[number], place: (typeof PLACES)[number]): SqAddress {
  return { firstName: p.first, lastName: p.last, address1: place[0], address2: null, city: place[1], state: place[2], countryCode: place[4], postalCode: place[3], phone: p.phone || null };
}

/**
 * Seeded orders: deterministic from the rng and `now` (a fixed reference date),
 * created over the ten months before it. Every fulfillment status appears; a few
 * are test orders, point-of-sale orders or imported from another channel; one
 * awaits payment (hidden by the default paymentStates); empty arrays are
 * sometimes null, as the API allows.
 */
export function seedSquarespace(rng: Rng, count: number, now: number): SqSection {
  const sec: SqSection = { changes: {}, next: { orderNumber: FIRST_ORDER_NUMBER, id: 1 }, orders: [], catalogue: seedCatalogue(rng), idempotency: {}, notifications: [] };
  const customers = PEOPLE.map(() => rng.hex(24));
  const base: Array<'PENDING' | 'FULFILLED' | 'CANCELED'> = rng.shuffle(['PENDING', 'FULFILLED', 'CANCELED']);
  const created = Array.from({ length: count }, () => now - rng.int(3_600_000, 300 * 86_400_000)).sort((a, b) => a - b);
  for (let i = 0; i < count; i++) {
    const status = base[i] ?? rng.pick(['PENDING', 'PENDING', 'FULFILLED', 'FULFILLED', 'FULFILLED', 'CANCELED'] as const);
    const personIndex = rng.int(0, PEOPLE.length - 1);
    const person = PEOPLE[personIndex]!;
    const place = rng.pick(PLACES);
    const guest = rng.chance(0.2);
    const createdOn = created[i]!;
    // Changed within 20 days of the order, and before the reference date.
    const room = Math.max(60_000, Math.min(20 * 86_400_000, now - 60_000 - createdOn));
    const modified = createdOn + 999 + (status === 'PENDING' && rng.chance(0.5) ? 0 : rng.int(60_000, room));
    const lines = rng.shuffle(sec.catalogue).slice(0, rng.int(1, 3));
    const lineItems: SqLineItem[] = lines.map((v) => ({
      id: rng.hex(24),
      variantId: v.variantId,
      sku: v.sku,
      weight: v.weight,
      width: null,
      length: null,
      height: null,
      productId: v.productId,
      productName: v.productName,
      quantity: rng.pick([1, 1, 1, 2, 3]),
      unitPricePaid: usd(v.cents),
      variantOptions: v.options,
      customizations: i === 4 ? [{ label: 'Engraving', value: 'For Sam, with love' }] : null,
      imageUrl: `https://images.example.com/${v.productId}.jpg`,
      lineItemType: 'PHYSICAL_PRODUCT',
    }));
    // Seed money in cents: exact integers, formatted as the API's decimal strings.
    const subtotal = lines.reduce((n, v, j) => n + v.cents * lineItems[j]!.quantity, 0);
    const free = subtotal >= 10_000;
    const shipping = free ? 0 : rng.pick([695, 995]);
    const promo = rng.chance(0.15);
    const discount = promo ? 500 : 0;
    // Sales tax of 8 % on the discounted subtotal, prices exclusive of tax [I].
    const tax = Math.round(((subtotal - discount) * 8) / 100);
    const grand = subtotal + shipping + tax - discount;
    // Shipped before the last change (fulfilling is a change).
    const shipDate = Math.min(modified, createdOn + rng.int(3_600_000, 3 * 86_400_000));
    const [carrier, service, url] = rng.pick(CARRIERS);
    const tracking = `${carrier === 'UPS' ? '1Z' : '94'}${rng.hex(16).toUpperCase()}`;
    const imported = i % 9 === 6;
    const refunded = status === 'CANCELED' && rng.chance(0.5);
    const paymentState: SqPaymentState = i === 5 && count > 6 ? 'PENDING' : refunded ? 'REFUNDED' : rng.chance(0.1) ? 'AUTHORIZED' : 'PAID';
    const noteCount = i === 3 ? 2 : rng.chance(0.15) ? 1 : 0;
    sec.orders.push({
      id: rng.hex(24),
      orderNumber: String(sec.next.orderNumber++),
      createdOn: isoUtc(createdOn + rng.int(0, 999)),
      modifiedOn: isoUtc(modified),
      channel: !imported && rng.chance(0.15) ? 'pos' : 'web',
      // A few test orders, always one among the first three (tables mark them).
      testmode: i === 2 || rng.chance(0.08),
      customerEmail: person.email,
      customerId: guest ? null : customers[personIndex]!,
      billingAddress: address(person, place),
      shippingAddress: rng.chance(0.85) ? address(person, place) : address(rng.pick(PEOPLE), rng.pick(PLACES)),
      fulfillmentStatus: status,
      lineItems,
      internalNotes: noteCount ? NOTES.slice(0, noteCount).map((content) => ({ content })) : rng.chance(0.5) ? null : [],
      shippingLines: [{ method: free ? 'Free Shipping' : 'Flat Rate', amount: usd(shipping) }],
      discountLines: promo ? [{ description: 'Welcome offer', name: 'Welcome offer', amount: usd(discount), promoCode: 'WELCOME5' }] : rng.chance(0.5) ? null : [],
      formSubmission: i === 4 ? [{ label: 'Gift message', value: 'Happy birthday, Sam!' }] : null,
      fulfillments: status === 'FULFILLED' ? [{ shipDate: isoUtc(shipDate), carrierName: carrier, service, trackingNumber: tracking, trackingUrl: `${url}${tracking}` }] : rng.chance(0.5) ? null : [],
      subtotal: usd(subtotal),
      shippingTotal: usd(shipping),
      discountTotal: usd(discount),
      taxTotal: usd(tax),
      refundedTotal: usd(refunded ? grand : 0),
      grandTotal: usd(grand),
      channelName: imported ? 'Etsy' : null,
      externalOrderReference: imported ? `ETSY-${rng.int(100_000_000, 999_999_999)}` : null,
      fulfilledOn: status === 'FULFILLED' ? isoUtc(shipDate) : null,
      priceTaxInterpretation: 'EXCLUSIVE',
      paymentState,
      shippingOptionName: free ? 'Free Shipping' : 'Flat Rate',
      shippingOptionServiceType: null,
    });
  }
  return sec;
}
