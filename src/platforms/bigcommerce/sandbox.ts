// The sandbox's BigCommerce Orders V2 dialect: the same paths, parameters,
// status codes, error bodies and headers as the documented API, over the
// sandbox store. Sources: shared/specs/bigcommerce-orders-v2.yml (the official
// OpenAPI file, "spec" below) and API-NOTES.md §1; where they are silent the
// choice is marked [I] (inferred).

import { toRfc2822 } from '../../core/time.js';
import type { Dialect, DialectContext, DialectRequest, DialectResponse } from '../../sandbox/dialect.js';
import type { QuotaReading } from '../../sandbox/rate-limit.js';
import type { Rng } from '../../sandbox/rng.js';
import type { PlatformSection } from '../../sandbox/store.js';
import { BC_STATUSES, isStatusId, statusName, statusesBySortOrder } from './status.js';
import type {
  BcAddress,
  BcOrder,
  BcOrderCount,
  BcOrderProduct,
  BcOrderStatus,
  BcPaymentStatus,
  BcProductOption,
  BcShipment,
  BcShipmentCreate,
  BcShippingAddress,
  BcShippingAddressBase,
} from './types.js';

export const BIGCOMMERCE = 'bigcommerce';
export const FIRST_ORDER_ID = 100;
/** Most items a page may hold (docs/start/about/common-query-params.mdx; API-NOTES.md §1). */
export const MAX_LIMIT = 250;
const DEFAULT_LIMIT = 50;

// ---------------------------------------------------------------- state

/** An order as stored: its links are made per request, from the URL it was asked at. */
export type StoredOrder = Omit<BcOrder, 'products' | 'shipping_addresses' | 'coupons'>;
export type StoredAddress = Omit<BcShippingAddress, 'shipping_quotes'>;

export interface BcOrderRecord {
  order: StoredOrder;
  products: BcOrderProduct[];
  addresses: StoredAddress[];
  shipments: BcShipment[];
}

export interface BcSection extends PlatformSection {
  next: { order: number; product: number; address: number; shipment: number; option: number };
  /** Ascending by id. */
  orders: BcOrderRecord[];
}

// ---------------------------------------------------------------- money and dates

// Money is held in ten-thousandths as integers, so totals never meet float error;
// answers are strings with 4 decimals ("336.3200"), as in every spec example.
const SCALE = 10_000;

export function formatMoney(units: number): string {
  const sign = units < 0 ? '-' : '';
  const a = Math.abs(units);
  return `${sign}${Math.floor(a / SCALE)}.${String(a % SCALE).padStart(4, '0')}`;
}

/** A number or decimal string → units; undefined when it is neither. Rounds half up past 4 places. */
export function parseMoney(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.round(v * SCALE) : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(-?)(\d+)(?:\.(\d*))?\s*$/.exec(v);
  if (!m) return undefined;
  const frac = (m[3] ?? '').padEnd(5, '0');
  let units = Number(m[2]) * SCALE + Number(frac.slice(0, 4));
  if (Number(frac[4]) >= 5) units += 1;
  return m[1] ? -units : units;
}

const M = (s: string): number => parseMoney(s)!;
/** Seeded and catalogue prices are whole minor units: cents, or whole yen. */
const minorUnit = (currency: string | undefined): number => (currency === 'JPY' ? SCALE : SCALE / 100);
const roundTo = (units: number, step: number): number => Math.round(units / step) * step;
const withTax = (ex: number, taxBp: number, currency?: string): number => roundTo((ex * (10_000 + taxBp)) / 10_000, minorUnit(currency));
/** A USD catalogue price in the order's currency. */
const convert = (usd: number, rate: number, currency?: string): number => roundTo((usd * rate) / SCALE, minorUnit(currency));

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** RFC 2822 in UTC, as the API answers: "Wed, 10 Jan 2018 21:05:30 +0000". */
export const rfc2822 = (ms: number): string => toRfc2822(new Date(ms));

const RFC2822 = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UTC|UT|Z)?$/;
const ISO8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Date filters accept RFC 2822 ("Thu, 20 Apr 2017 11:32:00 -0400") or ISO 8601
 * ("2017-04-20T11:32:00.000-04:00") (spec: min_date_created…). A "+" left
 * unencoded in a query string arrives as a space; it is read as "+".
 */
export function parseApiDate(input: string): number | undefined {
  const s = input.trim().replace(/(\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)\s+(\d{2}:?\d{2})$/, '$1+$2');
  const r = RFC2822.exec(s);
  if (r) {
    const month = MONTHS.findIndex((m) => m.toLowerCase() === r[2]!.toLowerCase());
    if (month < 0) return undefined;
    const zone = r[7] && /^[+-]/.test(r[7]) ? r[7] : '+0000';
    const offset = (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
    return validDate(Number(r[3]), month, Number(r[1]), Number(r[4]), Number(r[5]), Number(r[6] ?? 0), 0, offset);
  }
  const i = ISO8601.exec(s);
  if (i) {
    const zone = !i[8] || /^z$/i.test(i[8]) ? '+0000' : i[8].replace(':', '');
    const offset = (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
    const ms = i[7] ? Math.round(Number(i[7]) * 1000) : 0;
    return validDate(Number(i[1]), Number(i[2]) - 1, Number(i[3]), Number(i[4] ?? 0), Number(i[5] ?? 0), Number(i[6] ?? 0), ms, offset);
  }
  return undefined;
}

function validDate(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMin: number): number | undefined {
  const check = new Date(Date.UTC(y, mo, d));
  if (check.getUTCMonth() !== mo || h > 23 || mi > 59 || s > 59) return undefined;
  return Date.UTC(y, mo, d, h, mi, s, ms) - offsetMin * 60_000;
}

// ---------------------------------------------------------------- errors

/** A v2 error answer: always an array (spec 404_Resp, and the 400 example). */
export function bcError(status: number, message: string, headers?: Record<string, string>): DialectResponse {
  return { status, body: [{ status, message }], ...(headers ? { headers } : {}) };
}

class BcFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const NOT_FOUND = 'The requested resource was not found.';
const fail = (status: number, message: string): never => {
  throw new BcFailure(status, message);
};
const invalidField = (field: string, why: string): never => fail(400, `The field '${field}' is invalid: ${why}.`);

// ---------------------------------------------------------------- reference data

interface Country {
  iso2: string;
  name: string;
  currency: string;
  /** Transactional currency per store default (USD), as a 10-decimal string like the spec's rates. */
  rate: string;
  /** Tax in basis points. */
  taxBp: number;
  zone: number;
  phone: string;
  places: Array<[street: string, city: string, state: string, zip: string]>;
}

const COUNTRIES: Country[] = [
  { iso2: 'US', name: 'United States', currency: 'USD', rate: '1.0000000000', taxBp: 800, zone: 1, phone: '+1 512-555-01', places: [['455 Main Street', 'Austin', 'Texas', '78751'], ['1200 Market St', 'San Francisco', 'California', '94103'], ['77 Elm Avenue, Apt 4', 'Brooklyn', 'New York', '11201']] },
  { iso2: 'GB', name: 'United Kingdom', currency: 'GBP', rate: '0.7900000000', taxBp: 2000, zone: 2, phone: '+44 20 7946 09', places: [['221B Baker Street', 'London', 'England', 'NW1 6XE'], ['5 Royal Mile', 'Edinburgh', 'Scotland', 'EH1 1RE']] },
  { iso2: 'DE', name: 'Germany', currency: 'EUR', rate: '0.9200000000', taxBp: 1900, zone: 3, phone: '+49 30 901820', places: [['Unter den Linden 77', 'Berlin', 'Berlin', '10117'], ['Königstraße 1', 'Stuttgart', 'Baden-Württemberg', '70173']] },
  { iso2: 'FR', name: 'France', currency: 'EUR', rate: '0.9200000000', taxBp: 2000, zone: 3, phone: '+33 1 42 68 53', places: [['12 Rue de Rivoli', 'Paris', 'Île-de-France', '75001'], ['3 Place Bellecour', 'Lyon', 'Auvergne-Rhône-Alpes', '69002']] },
  { iso2: 'NL', name: 'Netherlands', currency: 'EUR', rate: '0.9200000000', taxBp: 2100, zone: 3, phone: '+31 20 555 01', places: [['Damrak 1', 'Amsterdam', 'Noord-Holland', '1012 LG']] },
  { iso2: 'AU', name: 'Australia', currency: 'AUD', rate: '1.5200000000', taxBp: 1000, zone: 4, phone: '+61 2 9374 40', places: [['666 Sussex St', 'Sydney', 'New South Wales', '2000'], ['1 Flinders St', 'Melbourne', 'Victoria', '3000']] },
  { iso2: 'CA', name: 'Canada', currency: 'CAD', rate: '1.3600000000', taxBp: 1300, zone: 5, phone: '+1 416-555-01', places: [['290 Bremner Blvd', 'Toronto', 'Ontario', 'M5V 3L9'], ['1000 Rue Sherbrooke O', 'Montréal', 'Quebec', 'H3A 3G4']] },
  { iso2: 'JP', name: 'Japan', currency: 'JPY', rate: '150.0000000000', taxBp: 1000, zone: 6, phone: '+81 3-5555-01', places: [['1-1 Chiyoda', 'Tokyo', 'Tokyo', '100-0001'], ['2-4 Umeda', 'Osaka', 'Osaka', '530-0001']] },
];
const ZONE_NAMES: Record<number, string> = { 1: 'United States', 2: 'United Kingdom', 3: 'Europe', 4: 'Australia', 5: 'Canada', 6: 'Japan' };
const countryOf = (iso2: string | undefined): Country | undefined => COUNTRIES.find((c) => c.iso2 === iso2?.toUpperCase());

interface CatalogueOption {
  option_id: number;
  product_option_id: number;
  name: string;
  display_name: string;
  type: BcProductOption['type'];
  display_style: string;
  values: Array<[valueId: string, label: string, skuPart: string]>;
}

interface CatalogueProduct {
  product_id: number;
  name: string;
  sku: string;
  /** USD, ex tax. */
  price: string;
  brand: string;
  weight: string;
  options: CatalogueOption[];
}

const SIZE: CatalogueOption = { option_id: 18, product_option_id: 120, name: 'Apparel sizes', display_name: 'Size', type: 'Multiple choice', display_style: 'Rectangle', values: [['69', 'S', 'S'], ['70', 'M', 'M'], ['71', 'L', 'L'], ['72', 'XL', 'XL']] };
const COLOR: CatalogueOption = { option_id: 3, product_option_id: 121, name: 'Colors', display_name: 'Color', type: 'Swatch', display_style: '', values: [['112', 'Orange', 'ORAN'], ['113', 'Blue', 'BLU'], ['114', 'Black', 'BLK']] };
const MUG_COLOR: CatalogueOption = { option_id: 4, product_option_id: 130, name: 'Mug colors', display_name: 'Color', type: 'Swatch', display_style: '', values: [['140', 'Grey', 'GRY'], ['141', 'White', 'WHT']] };
const GRIND: CatalogueOption = { option_id: 40, product_option_id: 150, name: 'Grind', display_name: 'Mahlgrad / Grind', type: 'Multiple choice', display_style: 'Drop-down', values: [['160', 'Whole bean', 'WB'], ['161', 'Espresso', 'ESP'], ['162', 'Filter', 'FIL']] };
const GIFT: CatalogueOption = { option_id: 38, product_option_id: 123, name: 'Gift Wrapping $5', display_name: 'Is this a gift?', type: 'Checkbox', display_style: '', values: [['104', 'Yes', 'GIFT'], ['105', 'No', '']] };

/** The store's catalogue: POST /orders with a product_id takes name, SKU and price from here. */
export const CATALOGUE: readonly CatalogueProduct[] = [
  { product_id: 77, name: 'Fog Linen Chambray Towel - Beige Stripe', sku: 'FLCT', price: '49.0000', brand: 'Fog Linen', weight: '1.0000', options: [SIZE] },
  { product_id: 86, name: 'Able Brewing System', sku: 'ABS', price: '225.0000', brand: 'Able', weight: '3.5000', options: [] },
  { product_id: 88, name: 'Chemex Coffeemaker 3 Cup', sku: 'CC3C', price: '49.5000', brand: 'Chemex', weight: '1.2000', options: [] },
  { product_id: 97, name: 'Tiered Wire Basket', sku: 'TWB', price: '119.9500', brand: 'Common Good', weight: '2.0000', options: [] },
  { product_id: 104, name: 'Orbit Terrarium - Large', sku: 'OTL', price: '109.0000', brand: 'Common Good', weight: '4.0000', options: [] },
  { product_id: 107, name: 'Dustpan & Brush', sku: 'DPB', price: '34.9500', brand: 'Iris Hantverk', weight: '0.8000', options: [] },
  { product_id: 111, name: 'Smith Journal 13', sku: 'SM13', price: '25.0000', brand: 'Smith', weight: '0.5000', options: [] },
  { product_id: 112, name: 'Canvas Laundry Cart', sku: 'CLC', price: '200.0000', brand: 'Common Good', weight: '6.0000', options: [] },
  { product_id: 118, name: 'Organic Cotton T-Shirt', sku: 'OCT', price: '28.0000', brand: 'OFS', weight: '0.3000', options: [SIZE, COLOR] },
  { product_id: 123, name: 'Ceramic Mug', sku: 'MUG', price: '12.4500', brand: 'OFS', weight: '0.4000', options: [MUG_COLOR] },
  { product_id: 184, name: 'Café Crème Espresso Beans 1 kg', sku: 'CCB-1KG', price: '18.9000', brand: 'Rösterei Süd', weight: '1.0000', options: [GRIND] },
  { product_id: 190, name: 'Gift Wrapping Paper', sku: 'GWP', price: '4.9900', brand: 'OFS', weight: '0.1000', options: [GIFT] },
];

interface Person {
  first: string;
  last: string;
  email: string;
  company: string;
}

// Some names are awkward on purpose: accents, CJK, an apostrophe.
const PEOPLE: Person[] = [
  { first: 'Jane', last: 'Doe', email: 'janedoe@example.com', company: '' },
  { first: 'Zoë', last: 'Ångström', email: 'zoe.angstrom@example.se', company: '' },
  { first: 'José', last: 'Müller-Lüdenscheidt', email: 'jose.muller@example.de', company: 'Müller & Söhne GmbH' },
  { first: 'Søren', last: 'Kierkegaard', email: 'soren@example.dk', company: '' },
  { first: '小龙', last: '李', email: 'xiaolong.li@example.cn', company: '' },
  { first: 'Amélie', last: 'Poulain', email: 'amelie@example.fr', company: 'Café des 2 Moulins' },
  { first: 'Oliver', last: 'Smith', email: 'oliver.smith@example.co.uk', company: '' },
  { first: 'Hannah', last: 'Schmidt', email: 'h.schmidt@example.de', company: '' },
  { first: 'Liam', last: "O'Brien", email: 'liam.obrien@example.ie', company: '' },
  { first: 'Mia', last: 'Wong', email: 'mia.wong@example.com.au', company: 'Acme Pty Ltd' },
  { first: 'Noah', last: 'Williams', email: 'noah.w@example.com', company: '' },
  { first: 'Chloé', last: 'Dubois', email: 'chloe.dubois@example.fr', company: '' },
  { first: 'Kenji', last: 'Watanabe', email: 'kenji.watanabe@example.jp', company: '' },
  { first: 'Emma', last: 'de Vries', email: 'emma.devries@example.nl', company: '' },
  { first: 'Jack', last: 'Taylor', email: 'jack.taylor@example.ca', company: 'Northwind Traders' },
  { first: 'Ava', last: 'Brown', email: 'ava.brown@example.com', company: '' },
];
const AWKWARD_COMPANY = 'Smith, "Bob" & Sons, Ltd.';
const AWKWARD_MESSAGE = 'Please leave it at the back door.\nRing twice — the bell is "broken".';
const MESSAGES = ['', '', '', '', 'Please gift wrap.', 'Leave with the neighbour if nobody is home.', 'Bitte nicht knicken!'];
const STAFF_NOTES = ['', '', '', 'Called the customer', 'VIP — ship first', 'Address checked'];
const PAYMENT_METHODS = ['Credit Card', 'Credit Card', 'PayPal', 'Test Payment Gateway', 'Bank Deposit', 'Cash on Delivery'];

const PAYMENT_STATUS: Record<number, BcPaymentStatus> = {
  0: '',
  1: 'pending',
  2: 'captured',
  3: 'captured',
  4: 'refunded',
  5: 'void',
  6: 'declined',
  7: 'pending',
  8: 'captured',
  9: 'captured',
  10: 'captured',
  11: 'captured',
  12: 'held for review',
  13: 'captured',
  14: 'partially refunded',
};

// ---------------------------------------------------------------- building records

const ADDRESS_KEYS = ['first_name', 'last_name', 'company', 'street_1', 'street_2', 'city', 'state', 'zip', 'country', 'country_iso2', 'phone', 'email'] as const;

function addressFields(src: Partial<Record<(typeof ADDRESS_KEYS)[number], unknown>>): Required<BcShippingAddressBase> {
  const out = {} as Required<BcShippingAddressBase>;
  for (const k of ADDRESS_KEYS) out[k] = typeof src[k] === 'string' ? (src[k] as string) : '';
  return out;
}

function billingOf(src: Partial<BcAddress>): BcAddress {
  return { ...addressFields(src), form_fields: Array.isArray(src.form_fields) ? src.form_fields : [] };
}

function newAddress(sec: BcSection, orderId: number, src: Partial<BcShippingAddressBase>, shippingMethod: string, costEx: number, costInc: number): StoredAddress {
  const country = countryOf(src.country_iso2);
  return {
    id: sec.next.address++,
    order_id: orderId,
    ...addressFields(src),
    items_total: 0,
    items_shipped: 0,
    shipping_method: shippingMethod,
    base_cost: formatMoney(costEx),
    cost_ex_tax: formatMoney(costEx),
    cost_inc_tax: formatMoney(costInc),
    cost_tax: formatMoney(costInc - costEx),
    cost_tax_class_id: 2,
    base_handling_cost: '0.0000',
    handling_cost_ex_tax: '0.0000',
    handling_cost_inc_tax: '0.0000',
    handling_cost_tax: '0.0000',
    handling_cost_tax_class_id: 2,
    shipping_zone_id: country?.zone ?? 1,
    shipping_zone_name: ZONE_NAMES[country?.zone ?? 1]!,
    form_fields: [],
  };
}

interface LineInput {
  productId: number;
  variantId?: number;
  name: string;
  sku: string;
  priceEx: number;
  priceInc: number;
  quantity: number;
  brand: string;
  weight: string;
  options: Array<{ option: CatalogueOption; value: [string, string, string] } | { custom: { id: number; value: string } }>;
  upc?: string;
}

function newProduct(sec: BcSection, orderId: number, addressId: number, line: LineInput): BcOrderProduct {
  const id = sec.next.product++;
  const product_options: BcProductOption[] = line.options.map((o) => {
    const optionRowId = sec.next.option++;
    if ('custom' in o) {
      const v = String(o.custom.value);
      return { id: optionRowId, option_id: 0, order_product_id: id, product_option_id: o.custom.id, display_name: `Option ${o.custom.id}`, display_name_customer: `Option ${o.custom.id}`, display_name_merchant: `Option ${o.custom.id}`, display_value: v, display_value_customer: v, display_value_merchant: v, value: v, type: 'Text field', name: `Option ${o.custom.id}`, display_style: '' };
    }
    const [valueId, label] = o.value;
    const opt = o.option;
    return { id: optionRowId, option_id: opt.option_id, order_product_id: id, product_option_id: opt.product_option_id, display_name: opt.display_name, display_name_customer: opt.display_name, display_name_merchant: opt.display_name, display_value: label, display_value_customer: label, display_value_merchant: label, value: valueId, type: opt.type, name: opt.name, display_style: opt.display_style };
  });
  const p: BcOrderProduct = {
    id,
    order_id: orderId,
    product_id: line.productId,
    ...(line.variantId !== undefined ? { variant_id: line.variantId } : {}),
    order_pickup_method_id: 0,
    order_address_id: addressId,
    name: line.name,
    name_customer: line.name,
    name_merchant: line.name,
    sku: line.sku,
    upc: line.upc ?? '',
    type: 'physical',
    base_price: '',
    price_ex_tax: '',
    price_inc_tax: '',
    price_tax: '',
    base_total: '',
    total_ex_tax: '',
    total_inc_tax: '',
    total_tax: '',
    weight: line.weight,
    width: '1.0000',
    height: '1.0000',
    depth: '1.0000',
    quantity: line.quantity,
    base_cost_price: formatMoney(Math.round(line.priceEx * 0.6)),
    cost_price_inc_tax: formatMoney(Math.round(line.priceEx * 0.6)),
    cost_price_ex_tax: formatMoney(Math.round(line.priceEx * 0.6)),
    cost_price_tax: '0.0000',
    is_refunded: false,
    quantity_refunded: 0,
    refund_amount: '0.0000',
    return_id: 0,
    wrapping_id: 0,
    wrapping_name: null,
    base_wrapping_cost: '0.0000',
    wrapping_cost_ex_tax: '0.0000',
    wrapping_cost_inc_tax: '0.0000',
    wrapping_cost_tax: '0.0000',
    wrapping_message: '',
    quantity_shipped: 0,
    event_name: null,
    event_date: null,
    fixed_shipping_cost: '0.0000',
    ebay_item_id: '',
    ebay_transaction_id: '',
    option_set_id: line.options.length && line.productId ? line.productId : null,
    parent_order_product_id: null,
    is_bundled_product: false,
    bin_picking_number: '',
    external_id: null,
    brand: line.brand,
    applied_discounts: [],
    product_options,
    configurable_fields: [],
    gift_certificate_id: null,
    discounted_total_inc_tax: '',
  };
  setPrices(p, line.priceEx, line.priceInc);
  return p;
}

function setPrices(p: BcOrderProduct, ex: number, inc: number): void {
  p.base_price = formatMoney(ex);
  p.price_ex_tax = formatMoney(ex);
  p.price_inc_tax = formatMoney(inc);
  p.price_tax = formatMoney(inc - ex);
  p.base_total = formatMoney(ex * p.quantity);
  p.total_ex_tax = formatMoney(ex * p.quantity);
  p.total_inc_tax = formatMoney(inc * p.quantity);
  p.total_tax = formatMoney((inc - ex) * p.quantity);
  p.discounted_total_inc_tax = p.total_inc_tax;
}

/** Recomputes the order's counts and totals from its lines and addresses (integer units). */
function recompute(r: BcOrderRecord): void {
  const o = r.order;
  let subEx = 0;
  let subInc = 0;
  for (const p of r.products) {
    setPrices(p, M(p.price_ex_tax), M(p.price_inc_tax));
    subEx += M(p.total_ex_tax);
    subInc += M(p.total_inc_tax);
  }
  let shipBase = 0;
  let shipEx = 0;
  let shipInc = 0;
  for (const a of r.addresses) {
    const lines = r.products.filter((p) => p.order_address_id === a.id);
    a.items_total = lines.reduce((n, p) => n + p.quantity, 0);
    a.items_shipped = lines.reduce((n, p) => n + p.quantity_shipped, 0);
    shipBase += M(a.base_cost);
    shipEx += M(a.cost_ex_tax);
    shipInc += M(a.cost_inc_tax);
  }
  const handlingEx = M(o.handling_cost_ex_tax);
  const handlingInc = M(o.handling_cost_inc_tax);
  const wrapEx = M(o.wrapping_cost_ex_tax);
  const wrapInc = M(o.wrapping_cost_inc_tax);
  const discount = M(o.discount_amount);
  const totalEx = Math.max(0, subEx + shipEx + handlingEx + wrapEx - discount);
  const totalInc = Math.max(0, subInc + shipInc + handlingInc + wrapInc - discount);
  Object.assign(o, {
    subtotal_ex_tax: formatMoney(subEx),
    subtotal_inc_tax: formatMoney(subInc),
    subtotal_tax: formatMoney(subInc - subEx),
    base_shipping_cost: formatMoney(shipBase),
    shipping_cost_ex_tax: formatMoney(shipEx),
    shipping_cost_inc_tax: formatMoney(shipInc),
    shipping_cost_tax: formatMoney(shipInc - shipEx),
    total_ex_tax: formatMoney(totalEx),
    total_inc_tax: formatMoney(totalInc),
    total_tax: formatMoney(Math.max(0, totalInc - totalEx)),
    items_total: r.products.reduce((n, p) => n + p.quantity, 0),
    items_shipped: r.products.reduce((n, p) => n + p.quantity_shipped, 0),
    shipping_address_count: r.addresses.length,
  });
}

function setStatus(o: StoredOrder, statusId: number): void {
  o.status_id = statusId;
  o.status = statusName(statusId)!;
  o.custom_status = o.status;
}

function newOrder(id: number, created: number, customerId: number, billing: BcAddress, country: Country | undefined): StoredOrder {
  const o = {
    id,
    customer_id: customerId,
    date_created: rfc2822(created),
    date_modified: rfc2822(created),
    date_shipped: '',
    status_id: 1,
    status: 'Pending',
    subtotal_ex_tax: '0.0000',
    subtotal_inc_tax: '0.0000',
    subtotal_tax: '0.0000',
    base_shipping_cost: '0.0000',
    shipping_cost_ex_tax: '0.0000',
    shipping_cost_inc_tax: '0.0000',
    shipping_cost_tax: '0.0000',
    shipping_cost_tax_class_id: 2,
    base_handling_cost: '0.0000',
    handling_cost_ex_tax: '0.0000',
    handling_cost_inc_tax: '0.0000',
    handling_cost_tax: '0.0000',
    handling_cost_tax_class_id: 2,
    base_wrapping_cost: '0.0000',
    wrapping_cost_ex_tax: '0.0000',
    wrapping_cost_inc_tax: '0.0000',
    wrapping_cost_tax: '0.0000',
    wrapping_cost_tax_class_id: 3,
    total_ex_tax: '0.0000',
    total_inc_tax: '0.0000',
    total_tax: '0.0000',
    is_tax_inclusive_pricing: false,
    items_total: 0,
    items_shipped: 0,
    payment_method: 'Manual',
    payment_provider_id: '',
    payment_status: '',
    refunded_amount: '0.0000',
    order_is_digital: false,
    store_credit_amount: '0.0000',
    gift_certificate_amount: '0.0000',
    ip_address: '',
    ip_address_v6: '',
    geoip_country: '',
    geoip_country_iso2: '',
    currency_id: 1,
    currency_code: country?.currency ?? 'USD',
    currency_exchange_rate: '1.0000000000',
    default_currency_id: 1,
    default_currency_code: country?.currency ?? 'USD',
    store_default_currency_code: 'USD',
    store_default_to_transactional_exchange_rate: country?.rate ?? '1.0000000000',
    staff_notes: '',
    customer_message: '',
    discount_amount: '0.0000',
    coupon_discount: '0.0000',
    shipping_address_count: 0,
    is_deleted: false,
    ebay_order_id: '0',
    cart_id: '',
    billing_address: billing,
    is_email_opt_in: false,
    order_source: 'external',
    channel_id: 1,
    external_source: null,
    external_id: null,
    external_merchant_id: null,
    external_order_id: '',
    tax_provider_id: '',
    customer_locale: 'en',
  } satisfies Omit<StoredOrder, 'custom_status'>;
  return o;
}

// ---------------------------------------------------------------- seed

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
  const base = rng.shuffle(BC_STATUSES.map((s) => s.id));
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

// ---------------------------------------------------------------- shipments

const PROVIDER_NAMES: Record<string, string> = {
  '': '',
  auspost: 'Australia Post',
  canadapost: 'Canada Post',
  endicia: 'Endicia',
  usps: 'USPS',
  fedex: 'FedEx',
  royalmail: 'Royal Mail',
  ups: 'UPS',
  upsready: 'UPS Ready',
  upsonline: 'UPS Online',
  shipperhq: 'ShipperHQ',
};

const TRACKING_URLS: Record<string, string> = {
  usps: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=',
  ups: 'https://www.ups.com/track?tracknum=',
  upsready: 'https://www.ups.com/track?tracknum=',
  upsonline: 'https://www.ups.com/track?tracknum=',
  fedex: 'https://www.fedex.com/fedextrack/?trknbr=',
  royalmail: 'https://www.royalmail.com/track-your-item#/tracking-results/',
  auspost: 'https://auspost.com.au/mypost/track/#/details/',
  canadapost: 'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=',
};

/** The optional fields of a shipment request (spec orderShipment_Post). */
type ShipmentFields = Omit<BcShipmentCreate, 'order_address_id' | 'items'>;

/** Creates the shipment and ships its quantities (the caller has checked them). */
function makeShipment(sec: BcSection, r: BcOrderRecord, a: StoredAddress, items: Array<{ product: BcOrderProduct; quantity: number }>, at: number, f: ShipmentFields): BcShipment {
  for (const it of items) it.product.quantity_shipped += it.quantity;
  const provider = f.shipping_provider ?? '';
  const tracking = f.tracking_number ?? '';
  const link = f.tracking_link ?? '';
  // spec createOrderShipments: a custom tracking_link leaves generated_tracking_link empty;
  // otherwise the provider's link, or an Aftership link for other carriers.
  const generated = link || !tracking ? '' : TRACKING_URLS[provider] ? `${TRACKING_URLS[provider]}${encodeURIComponent(tracking)}` : `https://track.aftership.com/${encodeURIComponent(tracking)}`;
  const billing = { ...r.order.billing_address };
  delete billing.form_fields;
  return {
    id: sec.next.shipment++,
    order_id: r.order.id,
    customer_id: r.order.customer_id,
    order_address_id: a.id,
    date_created: rfc2822(at),
    tracking_number: tracking,
    merchant_shipping_cost: formatMoney(parseMoney(f.merchant_shipping_cost ?? '0') ?? 0),
    shipping_method: f.shipping_method ?? '',
    comments: f.comments ?? '',
    shipping_provider: provider,
    tracking_carrier: f.tracking_carrier ?? '',
    tracking_link: link,
    billing_address: billing,
    shipping_address: addressFields(a),
    items: items.map((it) => ({ order_product_id: it.product.id, product_id: it.product.product_id, quantity: it.quantity })),
    shipping_provider_display_name: PROVIDER_NAMES[provider] ?? provider.replace(/^carrier_/, ''),
    generated_tracking_link: generated,
  };
}

// ---------------------------------------------------------------- query parameters

function intParam(q: Record<string, string>, name: string): number | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if (!/^-?\d+$/.test(v.trim())) invalidField(name, 'it must be an integer');
  return Number(v);
}

function moneyParam(q: Record<string, string>, name: string): number | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  const units = /^\s*\d+(\.\d+)?\s*$/.test(v) ? parseMoney(v) : undefined;
  return units ?? invalidField(name, 'it must be a number such as 12.50');
}

function dateParam(q: Record<string, string>, name: string): number | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  return parseApiDate(v) ?? invalidField(name, 'use RFC 2822 (Thu, 20 Apr 2017 11:32:00 -0400) or ISO 8601 (2017-04-20T11:32:00.000-04:00)');
}

/** page and limit: defaults 1 and 50; limit over 250 is 413 (status-codes.mdx), non-integers are 400. */
function paging(q: Record<string, string>): { page: number; limit: number } {
  const page = intParam(q, 'page') ?? 1;
  const limit = intParam(q, 'limit') ?? DEFAULT_LIMIT;
  if (page < 1) invalidField('page', 'it must be 1 or more');
  if (limit < 1) invalidField('limit', 'it must be 1 or more');
  if (limit > MAX_LIMIT) fail(413, `The limit ${limit} is too large: the maximum is ${MAX_LIMIT}.`);
  return { page, limit };
}

/**
 * A page of a list. An empty page — nothing matches, or past the last page —
 * is 204 with no body, not [] (API-NOTES.md §1, aligent/bigcommerce-v3-api-php-client#161).
 */
function pageAnswer<T>(items: T[], q: Record<string, string>, render: (item: T) => unknown = (x) => x): DialectResponse {
  const { page, limit } = paging(q);
  const slice = items.slice((page - 1) * limit, page * limit);
  return slice.length ? { status: 200, body: slice.map(render) } : { status: 204 };
}

function orderFilter(q: Record<string, string>): (r: BcOrderRecord) => boolean {
  const minId = intParam(q, 'min_id');
  const maxId = intParam(q, 'max_id');
  const customerId = intParam(q, 'customer_id');
  const statusId = intParam(q, 'status_id');
  const channelId = intParam(q, 'channel_id');
  const minTotal = moneyParam(q, 'min_total');
  const maxTotal = moneyParam(q, 'max_total');
  const minCreated = dateParam(q, 'min_date_created');
  const maxCreated = dateParam(q, 'max_date_created');
  const minModified = dateParam(q, 'min_date_modified');
  const maxModified = dateParam(q, 'max_date_modified');
  const email = q.email?.trim().toLowerCase() || undefined;
  const { cart_id: cartId, payment_method: paymentMethod, external_order_id: externalOrderId } = q;
  return (r) => {
    const o = r.order;
    if (o.is_deleted) return false; // archived orders are not listed (spec: DELETE archives)
    if (minId !== undefined && o.id < minId) return false;
    if (maxId !== undefined && o.id > maxId) return false;
    if (customerId !== undefined && o.customer_id !== customerId) return false;
    if (statusId !== undefined && o.status_id !== statusId) return false;
    if (channelId !== undefined && o.channel_id !== channelId) return false;
    const total = M(o.total_inc_tax);
    if (minTotal !== undefined && total < minTotal) return false;
    if (maxTotal !== undefined && total > maxTotal) return false;
    if (email !== undefined && o.billing_address.email?.toLowerCase() !== email) return false;
    if (cartId && o.cart_id !== cartId) return false;
    if (paymentMethod && o.payment_method !== paymentMethod) return false;
    if (externalOrderId && o.external_order_id !== externalOrderId) return false;
    if (minCreated !== undefined || maxCreated !== undefined) {
      const t = parseApiDate(o.date_created)!;
      if ((minCreated !== undefined && t < minCreated) || (maxCreated !== undefined && t > maxCreated)) return false;
    }
    if (minModified !== undefined || maxModified !== undefined) {
      const t = parseApiDate(o.date_modified)!;
      if ((minModified !== undefined && t < minModified) || (maxModified !== undefined && t > maxModified)) return false;
    }
    return true;
  };
}

const SORT_KEYS: Record<string, (o: StoredOrder) => number | string> = {
  id: (o) => o.id,
  customer_id: (o) => o.customer_id,
  date_created: (o) => parseApiDate(o.date_created)!,
  date_modified: (o) => parseApiDate(o.date_modified)!,
  status_id: (o) => o.status_id,
  channel_id: (o) => o.channel_id,
  external_id: (o) => o.external_id ?? '',
};

/** sort=field[:asc|:desc]; default id ascending (spec: getOrders notes). Ties keep id order. */
function sorter(q: Record<string, string>): (a: BcOrderRecord, b: BcOrderRecord) => number {
  const raw = q.sort?.trim() || 'id:asc';
  const m = /^([a-z_]+)(?::(asc|desc))?$/i.exec(raw);
  const key = m ? SORT_KEYS[m[1]!.toLowerCase()] : undefined;
  if (!m || !key) return invalidField('sort', `use one of ${Object.keys(SORT_KEYS).join(', ')}, with :asc or :desc`);
  const dir = m[2]?.toLowerCase() === 'desc' ? -1 : 1;
  return (a, b) => {
    const x = key(a.order);
    const y = key(b.order);
    return (x < y ? -1 : x > y ? 1 : 0) * dir || a.order.id - b.order.id;
  };
}

// ---------------------------------------------------------------- rendering

function renderOrder(o: StoredOrder, baseUrl: string): BcOrder {
  const link = (path: string) => ({ url: `${baseUrl}${path}`, resource: path });
  // The spec's examples link "shippingaddresses" (no underscore) although the
  // endpoint is /shipping_addresses (API-NOTES.md §1); kept, and both paths are served.
  return { ...o, products: link(`/orders/${o.id}/products`), shipping_addresses: link(`/orders/${o.id}/shippingaddresses`), coupons: link(`/orders/${o.id}/coupons`) };
}

function renderAddress(a: StoredAddress, baseUrl: string): BcShippingAddress {
  const path = `/orders/${a.order_id}/shippingaddresses/${a.id}/shippingquotes`;
  return { ...a, shipping_quotes: { url: `${baseUrl}${path}`, resource: path } };
}

function statusRows(): BcOrderStatus[] {
  return BC_STATUSES.map((s) => ({ id: s.id, name: s.name, system_label: s.system_label, custom_label: s.name, system_description: s.system_description }));
}

// ---------------------------------------------------------------- request bodies

function asObject(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) fail(400, 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

function optString(b: Record<string, unknown>, field: string, max = 65_535): string | undefined {
  const v = b[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') invalidField(field, 'it must be a string');
  if ((v as string).length > max) invalidField(field, `it must be at most ${max} characters`);
  return v as string;
}

function optInt(b: Record<string, unknown>, field: string, min = 0): number | undefined {
  const v = b[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) invalidField(field, `it must be an integer of ${min} or more`);
  return v as number;
}

function optMoney(b: Record<string, unknown>, field: string): number | undefined {
  const v = b[field];
  if (v === undefined) return undefined;
  const units = parseMoney(v);
  if (units === undefined || units < 0) invalidField(field, "it must be a number that can't be negative");
  return units;
}

function optStatus(b: Record<string, unknown>): number | undefined {
  const v = b.status_id;
  if (v === undefined) return undefined;
  if (!isStatusId(v)) invalidField('status_id', 'it must be a status id from 0 to 14');
  return v as number;
}

function addressInput(v: unknown, field: string): Partial<BcAddress> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) invalidField(field, 'it must be an object');
  const a = v as Record<string, unknown>;
  for (const k of ADDRESS_KEYS) if (a[k] !== undefined && typeof a[k] !== 'string') invalidField(`${field}.${k}`, 'it must be a string');
  return a as Partial<BcAddress>;
}

/** A new product line from POST /orders or PUT (no id): a catalogue product_id, or a custom product. */
function lineInput(v: unknown, where: string, country: Country | undefined): LineInput {
  const p = asLine(v, where);
  const quantity = p.quantity;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) invalidField(`${where}.quantity`, 'it must be an integer of 1 or more');
  const priceEx = optMoney(p, 'price_ex_tax');
  const priceInc = optMoney(p, 'price_inc_tax');
  const name = optString(p, 'name', 250) ?? optString(p, 'name_customer', 250) ?? optString(p, 'name_merchant', 250);
  if (p.product_id !== undefined && p.product_id !== 0) {
    const c = CATALOGUE.find((x) => x.product_id === p.product_id);
    if (!c) return fail(400, `The product with ID ${String(p.product_id)} does not exist.`);
    const rate = parseMoney(country?.rate ?? '1')!;
    const currency = country?.currency;
    const ex = priceEx ?? convert(M(c.price), rate, currency);
    const options = Array.isArray(p.product_options) ? (p.product_options as Array<{ id: number; value: unknown }>) : [];
    const chosen: LineInput['options'] = options.map((po) => {
      const opt = c.options.find((x) => x.product_option_id === po.id);
      const value = opt?.values.find((x) => x[0] === String(po.value));
      return opt && value ? { option: opt, value } : { custom: { id: Number(po.id), value: String(po.value) } };
    });
    const skuParts = chosen.flatMap((x) => ('option' in x && x.value[2] ? [x.value[2]] : []));
    return {
      productId: c.product_id,
      variantId: optInt(p, 'variant_id') ?? c.product_id * 100,
      name: name || c.name,
      sku: optString(p, 'sku') ?? [c.sku, ...skuParts].join('-'),
      priceEx: ex,
      priceInc: priceInc ?? withTax(ex, country?.taxBp ?? 0, currency),
      quantity: quantity as number,
      brand: c.brand,
      weight: c.weight,
      options: chosen,
      upc: optString(p, 'upc'),
    };
  }
  // orderCustomProduct_Post: name, quantity, price_inc_tax and price_ex_tax are required.
  if (!name) return invalidField(`${where}.name`, 'a custom product needs a non-empty name (or a product_id from the catalogue)');
  if (priceEx === undefined || priceInc === undefined) return invalidField(where, 'a custom product needs price_ex_tax and price_inc_tax');
  return { productId: 0, name, sku: optString(p, 'sku') ?? '', priceEx, priceInc, quantity: quantity as number, brand: '', weight: '0.0000', options: [], upc: optString(p, 'upc') };
}

function asLine(v: unknown, where: string): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) invalidField(where, 'each product must be an object');
  return v as Record<string, unknown>;
}

// Read-only in order_RespOnly: the API refuses them with this message (spec: the 400 example).
const READ_ONLY = ['id', 'date_modified', 'date_shipped', 'status', 'custom_status', 'subtotal_tax', 'total_tax', 'items_shipped', 'shipping_address_count', 'cart_id', 'payment_status', 'store_credit_amount', 'gift_certificate_amount', 'currency_id', 'currency_code', 'currency_exchange_rate', 'default_currency_id', 'coupon_discount', 'is_email_opt_in', 'external_id'];

function refuseReadOnly(b: Record<string, unknown>): void {
  for (const k of READ_ONLY) {
    if (k in b) fail(400, `The field '${k}' cannot be written to. Please remove it from your request before trying again.`);
  }
}

/** Simple writable fields shared by POST and PUT. */
function applyScalars(o: StoredOrder, b: Record<string, unknown>): void {
  for (const k of ['staff_notes', 'customer_message', 'payment_method', 'external_order_id', 'customer_locale', 'ebay_order_id'] as const) {
    const v = optString(b, k);
    if (v !== undefined) o[k] = v;
  }
  if (b.external_source !== undefined) o.external_source = b.external_source === null ? null : optString(b, 'external_source')!;
  const customerId = optInt(b, 'customer_id');
  if (customerId !== undefined) o.customer_id = customerId;
  const channelId = optInt(b, 'channel_id', 1);
  if (channelId !== undefined) o.channel_id = channelId;
  const discount = optMoney(b, 'discount_amount');
  if (discount !== undefined) o.discount_amount = formatMoney(discount);
  const statusId = optStatus(b);
  if (statusId !== undefined) setStatus(o, statusId);
}

// ---------------------------------------------------------------- handlers

function findOrder(sec: BcSection, idText: string): BcOrderRecord {
  if (!/^\d+$/.test(idText)) fail(400, `The order ID '${idText}' is invalid: it must be an integer.`);
  const id = Number(idText);
  const r = sec.orders.find((x) => x.order.id === id);
  if (!r || r.order.is_deleted) return fail(404, NOT_FOUND);
  return r;
}

function countOrders(sec: BcSection, q: Record<string, string>): BcOrderCount {
  const matching = sec.orders.filter(orderFilter(q));
  const statuses = statusesBySortOrder().map((s) => ({
    id: s.id,
    name: s.name,
    system_label: s.system_label,
    custom_label: s.name,
    system_description: s.system_description,
    count: matching.filter((r) => r.order.status_id === s.id).length,
    sort_order: s.sort_order,
  }));
  return { statuses, count: matching.length };
}

function createOrder(sec: BcSection, body: unknown, ctx: DialectContext, baseUrl: string): DialectResponse {
  const b = asObject(body);
  refuseReadOnly(b);
  // spec createOrder: billing_address, and products or consignments, are required;
  // consignments exclude products and shipping_addresses.
  if (b.billing_address === undefined) fail(400, "The required field 'billing_address' was not supplied.");
  const hasConsignments = b.consignments !== undefined;
  if (hasConsignments && (b.products !== undefined || b.shipping_addresses !== undefined)) {
    fail(400, "An order can have either 'consignments' or 'products' and 'shipping_addresses', not both.");
  }
  if (hasConsignments) fail(400, "The sandbox does not emulate pickup 'consignments': create the order with 'products' and 'shipping_addresses'.");
  if (!Array.isArray(b.products) || b.products.length === 0) fail(400, "The required field 'products' was not supplied.");
  const billing = billingOf(addressInput(b.billing_address, 'billing_address'));
  const country = countryOf(billing.country_iso2);
  const lines = (b.products as unknown[]).map((p, i) => lineInput(p, `products[${i}]`, country));
  if (b.shipping_addresses !== undefined && !Array.isArray(b.shipping_addresses)) invalidField('shipping_addresses', 'it must be an array');
  const shipping = ((b.shipping_addresses as unknown[] | undefined) ?? []).map((a, i) => addressInput(a, `shipping_addresses[${i}]`));
  let created = ctx.now;
  if (b.date_created !== undefined) {
    // Settable on POST for migrated orders (spec order_Shared.date_created).
    created = (typeof b.date_created === 'string' ? parseApiDate(b.date_created) : undefined) ?? invalidField('date_created', 'use RFC 2822, e.g. Tue, 20 Nov 2012 00:00:00 +0000');
  }
  const shipEx = optMoney(b, 'shipping_cost_ex_tax') ?? 0;
  const shipInc = optMoney(b, 'shipping_cost_inc_tax') ?? shipEx;

  const id = sec.next.order++;
  const o = newOrder(id, created, 0, billing, country);
  o.date_modified = rfc2822(ctx.now);
  const currency = optString(b, 'default_currency_code');
  if (currency) {
    o.currency_code = currency.toUpperCase();
    o.default_currency_code = currency.toUpperCase();
  }
  applyScalars(o, b);
  if (b.status_id === undefined) setStatus(o, 1); // default Pending (docs/store-operations/orders)
  o.payment_status = PAYMENT_STATUS[o.status_id]!;
  const rec: BcOrderRecord = { order: o, products: [], addresses: [], shipments: [] };
  // [I] Without shipping_addresses the order ships to the billing address, so it can be fulfilled.
  const targets = shipping.length ? shipping : [billing];
  targets.forEach((a, i) => {
    const method = typeof (a as { shipping_method?: unknown }).shipping_method === 'string' ? (a as { shipping_method: string }).shipping_method : 'None';
    rec.addresses.push(newAddress(sec, id, a, method, i === 0 ? shipEx : 0, i === 0 ? shipInc : 0));
  });
  // Legacy (non-consignment) orders put every line on the first shipping address [I].
  for (const line of lines) rec.products.push(newProduct(sec, id, rec.addresses[0]!.id, line));
  recompute(rec);
  sec.orders.push(rec);
  // spec createOrder answers 200 (status-codes.mdx says 201): the sandbox follows the spec (API-NOTES.md, Decisions).
  return { status: 200, body: renderOrder(o, baseUrl) };
}

function updateOrder(sec: BcSection, r: BcOrderRecord, body: unknown, ctx: DialectContext, baseUrl: string): DialectResponse {
  const b = asObject(body);
  refuseReadOnly(b);
  const o = r.order;
  // Check everything before changing anything: a refused PUT changes nothing.
  const draft: BcOrderRecord = structuredClone(r);
  const next = { ...sec.next };
  const scratch: BcSection = { ...sec, next };
  applyScalars(draft.order, b);
  if (b.billing_address !== undefined) {
    const patch = addressInput(b.billing_address, 'billing_address');
    draft.order.billing_address = billingOf({ ...draft.order.billing_address, ...patch });
  }
  if (b.shipping_addresses !== undefined) {
    if (!Array.isArray(b.shipping_addresses)) invalidField('shipping_addresses', 'it must be an array');
    (b.shipping_addresses as unknown[]).forEach((v, i) => {
      const patch = addressInput(v, `shipping_addresses[${i}]`) as Partial<StoredAddress>;
      if (patch.id !== undefined) {
        const a = draft.addresses.find((x) => x.id === patch.id);
        if (!a) fail(400, `The shipping address with ID ${String(patch.id)} does not belong to order ${o.id}.`);
        Object.assign(a!, addressFields({ ...a!, ...patch }));
        if (typeof patch.shipping_method === 'string') a!.shipping_method = patch.shipping_method;
      } else {
        draft.addresses.push(newAddress(scratch, o.id, patch, typeof patch.shipping_method === 'string' ? patch.shipping_method : 'None', 0, 0));
      }
    });
  }
  if (b.products !== undefined) {
    if (!Array.isArray(b.products)) invalidField('products', 'it must be an array');
    const country = countryOf(draft.order.billing_address.country_iso2);
    (b.products as unknown[]).forEach((v, i) => {
      const where = `products[${i}]`;
      const p = asLine(v, where);
      if (p.id === undefined) {
        // spec updateOrder: a product without id is added.
        draft.products.push(newProduct(scratch, o.id, draft.addresses[0]?.id ?? 0, lineInput(p, where, country)));
        return;
      }
      // With id it is updated; quantity 0 removes it.
      const line = draft.products.find((x) => x.id === p.id);
      if (!line) return fail(400, `The order product with ID ${String(p.id)} does not belong to order ${o.id}.`);
      const quantity = optInt(p, 'quantity');
      if (quantity !== undefined && quantity < line.quantity_shipped) invalidField(`${where}.quantity`, `${line.quantity_shipped} of this product have already shipped`);
      if (quantity === 0) {
        draft.products = draft.products.filter((x) => x !== line);
        return;
      }
      if (quantity !== undefined) line.quantity = quantity;
      const ex = optMoney(p, 'price_ex_tax');
      const inc = optMoney(p, 'price_inc_tax');
      if (ex !== undefined) line.price_ex_tax = formatMoney(ex);
      if (inc !== undefined) line.price_inc_tax = formatMoney(inc);
      const name = optString(p, 'name', 250) ?? optString(p, 'name_customer', 250);
      if (name !== undefined) {
        if (!name) invalidField(`${where}.name`, 'it cannot be empty');
        line.name = name;
        line.name_customer = name;
      }
      const merchant = optString(p, 'name_merchant', 250);
      if (merchant) line.name_merchant = merchant;
      const sku = optString(p, 'sku');
      if (sku !== undefined) line.sku = sku;
    });
    if (draft.products.length === 0) fail(400, 'An order must keep at least one product.');
  }
  if (b.is_deleted !== undefined && typeof b.is_deleted !== 'boolean') invalidField('is_deleted', 'it must be true or false');
  if (b.is_deleted === true) draft.order.is_deleted = true; // spec: same as DELETE /orders/{id}
  recompute(draft);
  // A PUT that changes nothing (a repeated status change, say) is not a change:
  // the change counter then proves that retries never applied anything twice.
  if (JSON.stringify(draft.order) === JSON.stringify(r.order) && JSON.stringify(draft.products) === JSON.stringify(r.products)) {
    return { status: 200, body: renderOrder(r.order, baseUrl) };
  }
  draft.order.date_modified = rfc2822(ctx.now);
  Object.assign(r, draft);
  sec.next = next;
  ctx.store.recordChange(BIGCOMMERCE, o.id);
  return { status: 200, body: renderOrder(r.order, baseUrl) };
}

const PROVIDER_PATTERN = /^(|auspost|canadapost|endicia|usps|fedex|royalmail|ups|upsready|upsonline|shipperhq|carrier_[A-Za-z0-9_-]+)$/;

function createShipment(sec: BcSection, r: BcOrderRecord, body: unknown, ctx: DialectContext): DialectResponse {
  const b = asObject(body);
  // spec createOrderShipments: order_address_id and items are required.
  if (b.order_address_id === undefined) fail(400, "The required field 'order_address_id' was not supplied.");
  const addressId = optInt(b, 'order_address_id', 1)!;
  const address = r.addresses.find((a) => a.id === addressId);
  if (!address) fail(400, `The shipping address with ID ${addressId} does not belong to order ${r.order.id}.`);
  if (!Array.isArray(b.items) || b.items.length === 0) fail(400, "The required field 'items' was not supplied.");
  const wanted = new Map<BcOrderProduct, number>();
  (b.items as unknown[]).forEach((v, i) => {
    const it = asLine(v, `items[${i}]`);
    const pid = optInt(it, 'order_product_id', 1);
    const quantity = optInt(it, 'quantity', 1);
    if (pid === undefined || quantity === undefined) fail(400, `items[${i}] needs order_product_id and quantity.`);
    const p = r.products.find((x) => x.id === pid);
    if (!p || p.order_address_id !== addressId) return fail(400, `The order product with ID ${pid} is not on shipping address ${addressId} of order ${r.order.id}.`);
    const total = (wanted.get(p) ?? 0) + quantity!;
    if (total > p.quantity - p.quantity_shipped) fail(400, `Cannot ship ${total} of order product ${pid}: only ${p.quantity - p.quantity_shipped} left to ship.`);
    wanted.set(p, total);
  });
  const fields: ShipmentFields = {
    tracking_number: optString(b, 'tracking_number', 50),
    tracking_link: optString(b, 'tracking_link', 500),
    merchant_shipping_cost: optMoney(b, 'merchant_shipping_cost') === undefined ? undefined : formatMoney(optMoney(b, 'merchant_shipping_cost')!),
    shipping_method: optString(b, 'shipping_method'),
    shipping_provider: optString(b, 'shipping_provider'),
    tracking_carrier: optString(b, 'tracking_carrier'),
    comments: optString(b, 'comments'),
  };
  if (fields.shipping_provider !== undefined && !PROVIDER_PATTERN.test(fields.shipping_provider)) {
    invalidField('shipping_provider', 'use "", auspost, canadapost, endicia, usps, fedex, royalmail, ups, upsready, upsonline, shipperhq or carrier_{id}');
  }
  const shipment = makeShipment(sec, r, address!, [...wanted].map(([product, quantity]) => ({ product, quantity })), ctx.now, fields);
  r.shipments.push(shipment);
  recompute(r);
  const o = r.order;
  // [I] A shipment moves the order to Shipped (2) when everything has shipped, else Partially Shipped (3).
  const all = o.items_shipped >= o.items_total;
  setStatus(o, all ? 2 : 3);
  if (all) o.date_shipped = rfc2822(ctx.now);
  o.date_modified = rfc2822(ctx.now);
  ctx.store.recordChange(BIGCOMMERCE, o.id);
  return { status: 201, body: shipment };
}

function route(sec: BcSection, req: DialectRequest, ctx: DialectContext): DialectResponse {
  const parts = req.path.split('/').filter(Boolean);
  const method = req.method;
  const allow = (...methods: string[]) => {
    if (!methods.includes(method)) fail(405, `The method ${method} is not supported by this resource.`);
  };
  const [root, id, sub, subId, extra] = parts;

  if (root === 'order_statuses' && parts.length <= 2) {
    allow('GET');
    if (id === undefined) return { status: 200, body: statusRows() };
    const s = /^\d+$/.test(id) ? statusRows()[Number(id)] : undefined;
    return s ? { status: 200, body: s } : fail(404, NOT_FOUND);
  }
  if (root !== 'orders' || parts.length > 4) return fail(404, NOT_FOUND);

  if (id === undefined) {
    allow('GET', 'POST', 'DELETE');
    if (method === 'GET') {
      const list = sec.orders.filter(orderFilter(req.query)).sort(sorter(req.query));
      return pageAnswer(list, req.query, (r) => renderOrder(r.order, req.baseUrl));
    }
    if (method === 'POST') return createOrder(sec, req.body, ctx, req.baseUrl);
    // DELETE /orders archives every order (spec deleteOrders).
    for (const r of sec.orders) {
      if (r.order.is_deleted) continue;
      r.order.is_deleted = true;
      r.order.date_modified = rfc2822(ctx.now);
      ctx.store.recordChange(BIGCOMMERCE, r.order.id);
    }
    return { status: 204 };
  }
  if (id === 'count' && sub === undefined) {
    allow('GET');
    return { status: 200, body: countOrders(sec, req.query) };
  }

  const r = findOrder(sec, id);
  if (sub === undefined) {
    allow('GET', 'PUT', 'DELETE');
    if (method === 'GET') return { status: 200, body: renderOrder(r.order, req.baseUrl) };
    if (method === 'PUT') return updateOrder(sec, r, req.body, ctx, req.baseUrl);
    // DELETE /orders/{id} archives it (spec deleteOrder): 204, and later GETs 404.
    r.order.is_deleted = true;
    r.order.date_modified = rfc2822(ctx.now);
    ctx.store.recordChange(BIGCOMMERCE, r.order.id);
    return { status: 204 };
  }
  if (extra !== undefined) return fail(404, NOT_FOUND);

  if (sub === 'products') {
    allow('GET');
    if (subId === undefined) return pageAnswer(r.products, req.query);
    const p = r.products.find((x) => String(x.id) === subId);
    return p ? { status: 200, body: p } : fail(404, NOT_FOUND);
  }
  if (sub === 'shipping_addresses' || sub === 'shippingaddresses') {
    allow('GET');
    if (subId === undefined) return pageAnswer(r.addresses, req.query, (a) => renderAddress(a, req.baseUrl));
    const a = r.addresses.find((x) => String(x.id) === subId);
    return a ? { status: 200, body: renderAddress(a, req.baseUrl) } : fail(404, NOT_FOUND);
  }
  if (sub === 'shipments') {
    if (subId === 'count') {
      allow('GET');
      return { status: 200, body: { count: r.shipments.length } };
    }
    if (subId !== undefined) {
      allow('GET');
      const s = r.shipments.find((x) => String(x.id) === subId);
      return s ? { status: 200, body: s } : fail(404, NOT_FOUND);
    }
    allow('GET', 'POST');
    // GET with no shipments is 204 (spec getOrderShipments: "No shipments exist").
    if (method === 'GET') return pageAnswer(r.shipments, req.query);
    return createShipment(sec, r, req.body, ctx);
  }
  return fail(404, NOT_FOUND);
}

// ---------------------------------------------------------------- the dialect

export const bigcommerceDialect: Dialect<BcSection> = {
  platform: BIGCOMMERCE,
  prefix: '/bigcommerce/stores/:hash/v2',
  basePath: '/bigcommerce/stores/sandbox/v2',
  // Standard and Plus plans: 150 requests per 30 s (api-rate-limits.mdx; API-NOTES.md §1).
  defaultRateLimit: { requests: 150, windowMs: 30_000 },

  seed: seedBigCommerce,

  authenticate(headers, token) {
    // X-Auth-Token (spec securitySchemes); header names are case-insensitive.
    const given = headers['x-auth-token'];
    if (given === token) return undefined;
    return bcError(401, given ? 'The X-Auth-Token is not valid for this store.' : 'The X-Auth-Token header is missing: authenticate with an API account token.');
  },

  handle(req, ctx) {
    const sec = ctx.store.section<BcSection>(BIGCOMMERCE);
    try {
      return route(sec, req, ctx);
    } catch (err) {
      if (err instanceof BcFailure) return bcError(err.status, err.message);
      throw err;
    }
  },

  // X-Rate-Limit-* on every answer (api-rate-limits.mdx; API-NOTES.md §1).
  quotaHeaders: (q: QuotaReading) => ({
    'X-Rate-Limit-Time-Window-Ms': String(q.windowMs),
    'X-Rate-Limit-Time-Reset-Ms': String(q.resetMs),
    'X-Rate-Limit-Requests-Quota': String(q.quota),
    'X-Rate-Limit-Requests-Left': String(q.left),
  }),

  quotaExceeded: (q: QuotaReading) =>
    bcError(429, 'You have exceeded the request quota for this time window. Retry after X-Retry-After seconds.', {
      'X-Retry-After': String(Math.max(1, Math.ceil(q.resetMs / 1000))),
    }),

  error: bcError,

  summarize(sec) {
    const archived = sec.orders.filter((r) => r.order.is_deleted).length;
    return { orders: sec.orders.length - archived, archived, shipments: sec.orders.reduce((n, r) => n + r.shipments.length, 0) };
  },
};
