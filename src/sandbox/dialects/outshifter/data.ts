// The Outshifter sandbox's data: the state section, a small catalogue with
// prices and flat shipping rates per zone, and seeded orders. Amounts are kept
// in minor units (øre, cents) and written as the API's decimal strings.

import { createHash } from 'node:crypto';
import { flatRateCode } from './rules.js';
import type { Rng } from '../../rng.js';
import type { PlatformSection } from '../../store.js';
import type { StoredOrder, WireAddress, WireVariant } from './wire.js';

export const OUTSHIFTER = 'outshifter';
export const STOREFRONTS = ['sandbox', 'outlet'];
export const FIRST_ORDER_ID = 3200;
export const CURRENCIES = ['NOK', 'SEK', 'DKK', 'EUR', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];
/** Prices are set in NOK; other currencies by these rates per 100 NOK, rounded to whole units. */
const RATE_PER_100_NOK: Record<Currency, number> = { NOK: 100, SEK: 100, DKK: 65, EUR: 9, USD: 10 };
/** Tax included in a price: 25 % VAT is 20 % of the gross [I]. */
const TAX_SHARE = 0.2;

export interface OsProduct {
  id: number;
  title: string;
  variants: Array<{ id: number; title: string }>;
  /** In NOK øre. */
  nok: number;
  /** Bulky goods pay a surcharge on every flat rate. */
  bulky: boolean;
}

export interface StoredLine {
  id: string;
  product_id: number;
  variant_id: number | null;
  quantity: number;
  /** Minor units, in the cart's currency. */
  unit: number;
  tax: number;
  created: number;
  updated: number;
}

export interface StoredCart {
  id: string;
  customer_session_id: string | null;
  currency: Currency;
  created: number;
  updated: number;
  lines: StoredLine[];
  /** Deleted carts stay for the checkouts completed on them (the API's deletedAt). */
  deleted?: number;
}

export interface StoredCheckout {
  id: string;
  cart_id: string;
  status: 'ACTIVE' | 'COMPLETED';
  created: number;
  updated: number;
  success_url: string | null;
  cancel_url: string | null;
  payment_method: string | null;
  email: string | null;
  shipping_address: WireAddress | null;
  billing_address: WireAddress | null;
  /** The flat rate's service code as chosen; its price follows the cart. */
  shipping_rate: string | null;
  order_id: number | null;
  checkout_url: string | null;
  paid_at: number | null;
}

export interface OsSection extends PlatformSection {
  next: { orderId: number; itemId: number; uuid: number };
  seed: number;
  catalogue: OsProduct[];
  orders: StoredOrder[];
  carts: StoredCart[];
  checkouts: StoredCheckout[];
  /** Where the documents leave a guess open, the other answer this sandbox plays (tests set it). */
  wire?: WireVariant;
}

export const PAYMENT_METHODS = ['Stripe', 'Klarna', 'Vipps'];

/** A deterministic UUID: the section's seed and a counter, hashed. */
export function nextUuid(sec: OsSection): string {
  const h = createHash('sha256').update(`${sec.seed}:${sec.next.uuid++}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function priceIn(nokMinor: number, currency: Currency): number {
  return Math.round((nokMinor * RATE_PER_100_NOK[currency]) / 100 / 100) * 100;
}

export const taxOf = (minor: number) => Math.round(minor * TAX_SHARE);

/** Minor units → "128.00". */
export function decimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "128.00" or 128 → minor units; undefined when it is not an amount. */
export function minorOf(v: unknown): number | undefined {
  const s = typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' ? v.trim() : '';
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : undefined;
}

// ---------------------------------------------------------------- shipping

const NORDIC = new Set(['SE', 'DK', 'FI', 'IS']);
const EUROPE = new Set('AT BE BG CH CY CZ DE EE ES FR GB GR HR HU IE IT LI LT LU LV MT NL PL PT RO SI SK'.split(' '));
/** Flat rates in NOK øre by zone; a bulky product adds 100 NOK. */
const ZONE_NOK = { domestic: 9900, nordic: 14900, europe: 19900, world: 34900 };
const BULKY_NOK = 10000;

export function zoneOf(country: string): keyof typeof ZONE_NOK {
  const c = country.toUpperCase();
  return c === 'NO' ? 'domestic' : NORDIC.has(c) ? 'nordic' : EUROPE.has(c) ? 'europe' : 'world';
}

/** One product's flat rate to a country: once per product, whatever the quantity [I]. */
export function flatRate(p: OsProduct, country: string, currency: Currency): number {
  return priceIn(ZONE_NOK[zoneOf(country)] + (p.bulky ? BULKY_NOK : 0), currency);
}

// ---------------------------------------------------------------- seed

const CATALOGUE: OsProduct[] = [
  { id: 920, title: 'Wool Beanie', variants: [{ id: 9201, title: 'One size-Grey' }, { id: 9202, title: 'One size-Navy' }], nok: 34900, bulky: false },
  { id: 4018, title: 'Rain Jacket', variants: [{ id: 40181, title: 'M-Yellow' }, { id: 40182, title: 'L-Yellow' }, { id: 40183, title: 'M-Black' }], nok: 129900, bulky: false },
  { id: 25, title: 'Organic T-shirt', variants: [{ id: 251, title: 'M-White' }, { id: 252, title: 'L-White' }], nok: 29900, bulky: false },
  { id: 112232, title: 'Hiking Boots', variants: [{ id: 231, title: '42-Brown' }, { id: 232, title: '44-Brown' }], nok: 189900, bulky: true },
  { id: 112000, title: 'Enamel Mug', variants: [], nok: 19900, bulky: false },
  { id: 1214089, title: 'Camping Chair', variants: [], nok: 89900, bulky: true },
];

const PEOPLE = [
  { name: 'Jane Doe', email: 'jane.doe@example.com', phone: '+4763727263', street: 'Møllergata 6', city: 'Oslo', state: 'Oslo', zip: '0179', country: 'NO' },
  { name: 'Ola Nordmann', email: 'ola@example.no', phone: '+4799999999', street: 'Bryggen 12', city: 'Bergen', state: 'Vestland', zip: '5003', country: 'NO' },
  { name: 'Kari Hansen', email: 'kari.hansen@example.no', phone: '+4791234567', street: 'Kongens gate 3', city: 'Trondheim', state: 'Trøndelag', zip: '7011', country: 'NO' },
  { name: 'Erik Svensson', email: 'erik@example.se', phone: '+46701234567', street: 'Drottninggatan 53', city: 'Stockholm', state: 'Stockholm', zip: '111 21', country: 'SE' },
  { name: 'Mette Jensen', email: 'mette@example.dk', phone: '+4520123456', street: 'Nørrebrogade 20', city: 'København', state: 'Hovedstaden', zip: '2200', country: 'DK' },
  { name: 'Will Smith', email: 'will.smith@example.com', phone: '+15025550100', street: 'Chestnut Street 92', city: 'Louisville', state: 'Kentucky', zip: '40202', country: 'US' },
];

const CARRIERS = [
  ['Posten', 'https://sporing.posten.no/sporing/'],
  ['PostNord', 'https://tracking.postnord.com/no/?id='],
  ['Bring', 'https://tracking.bring.com/tracking/'],
] as const;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Seeded orders over the ten months before `now`, on two storefronts. Every
 * status appears, and among the first: a paid order of one item, a paid order
 * of several, a shipped one, a pending one and a cancelled one.
 */
export function seedOutshifter(rng: Rng, count: number, now: number): OsSection {
  const sec: OsSection = { changes: {}, next: { orderId: FIRST_ORDER_ID, itemId: 1, uuid: 1 }, seed: rng.int(1, 1_000_000), catalogue: CATALOGUE, orders: [], carts: [], checkouts: [] };
  const first = ['PAID', 'PAID', 'SHIPPED', 'PENDING', 'CANCELED', 'COMPLETED'];
  const created = Array.from({ length: count }, () => now - rng.int(3_600_000, 300 * 86_400_000)).sort((a, b) => a - b);
  for (let i = 0; i < count; i++) {
    const status = first[i] ?? rng.pick(['PAID', 'PAID', 'SHIPPED', 'SHIPPED', 'COMPLETED', 'COMPLETED', 'CANCELED', 'PENDING', 'RETURNED']);
    const person = rng.pick(PEOPLE);
    const currency: Currency = person.country === 'SE' ? 'SEK' : person.country === 'DK' ? 'DKK' : person.country === 'US' ? 'USD' : 'NOK';
    const lines = i === 0 ? 1 : i === 1 ? 3 : rng.pick([1, 1, 2, 3]);
    const products = rng.shuffle(CATALOGUE).slice(0, lines);
    const items = products.map((p) => ({
      id: sec.next.itemId++,
      productId: p.id,
      title: p.title,
      variantTitle: p.variants.length ? rng.pick(p.variants).title : null,
      quantity: rng.pick([1, 1, 1, 2]),
      priceChannel: decimal(priceIn(p.nok, currency)),
      status,
    }));
    const shipping = products.reduce((n, p) => n + flatRate(p, person.country, currency), 0);
    const at = created[i]!;
    const room = Math.max(60_000, Math.min(15 * 86_400_000, now - 60_000 - at));
    const updated = status === 'PENDING' ? at : at + rng.int(60_000, room);
    const [carrier, url] = rng.pick(CARRIERS);
    const tracking = `${rng.int(10, 99)}${rng.hex(10).toUpperCase()}NO`;
    const id = sec.next.orderId++;
    sec.orders.push({
      createdAt: iso(at),
      updatedAt: iso(updated),
      id,
      channel: i % 5 === 4 ? 'Partner' : 'Outshifter Checkout',
      channelId: i % 5 === 4 ? '5' : '1',
      channelOrderName: `#${1000 + i + 1}`,
      channelCreatedDate: iso(at),
      status,
      currency,
      paymentProcessor: rng.pick(['Stripe', 'Klarna', 'Vipps']),
      storefront: i % 7 === 6 ? STOREFRONTS[1]! : STOREFRONTS[0]!,
      shippingPrice: decimal(shipping),
      shippingTitle: `Flat rate price to ${person.country}`,
      shippingCode: flatRateCode(products.map((p) => p.id)),
      customer: {
        fullName: person.name,
        email: person.email,
        phone: person.phone,
        shippingContactName: person.name,
        shippingAddress: person.street,
        shippingCity: person.city,
        shippingState: person.state,
        shippingZip: person.zip,
        shippingCountry: person.country,
        billingName: person.name,
        billingAddress: person.street,
        billingZip: person.zip,
        billingCity: person.city,
        billingState: person.state,
        billingCountry: person.country,
      },
      items,
      reseller: { id: 5, name: 'Sandbox Outdoor AS' },
      trackings: ['SHIPPED', 'COMPLETED', 'RETURNED'].includes(status) ? [{ trackingNumber: tracking, trackingUrl: `${url}${tracking}`, carrier, createdAt: iso(Math.min(updated, at + 86_400_000)) }] : [],
    });
  }
  return sec;
}
