// Shared ground of the BigCommerce dialect: its limits, the stored state, money
// and dates as the API writes them, and the error answer.

import { toRfc2822 } from '../../../core/time.js';
import type { DialectResponse } from '../../dialect.js';
import type { PlatformSection } from '../../store.js';
import type { Order, OrderProduct, Shipment, ShippingAddress } from './wire.js';

export const BIGCOMMERCE = 'bigcommerce';
export const FIRST_ORDER_ID = 100;
/** Most items a page may hold (docs/start/about/common-query-params.mdx; API-NOTES.md §1). */
export const MAX_LIMIT = 250;
export const DEFAULT_LIMIT = 50;

/** An order as stored: its links are made per request, from the URL it was asked at. */
export type StoredOrder = Omit<Order, 'products' | 'shipping_addresses' | 'coupons' | 'consignments'>;
export type StoredAddress = Omit<ShippingAddress, 'shipping_quotes'>;

export interface BcOrderRecord {
  order: StoredOrder;
  products: OrderProduct[];
  addresses: StoredAddress[];
  shipments: Shipment[];
}

export interface BcSection extends PlatformSection {
  next: { order: number; product: number; address: number; shipment: number; option: number };
  /** Ascending by id. */
  orders: BcOrderRecord[];
}

// ---------------------------------------------------------------- money and dates

// Money is held in ten-thousandths as integers, so totals never meet float error;
// answers are strings with 4 decimals ("336.3200"), as in every spec example.
export const SCALE = 10_000;

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

export const M = (s: string): number => parseMoney(s)!;
/** Seeded and catalogue prices are whole minor units: cents, or whole yen. */
export const minorUnit = (currency: string | undefined): number => (currency === 'JPY' ? SCALE : SCALE / 100);
export const roundTo = (units: number, step: number): number => Math.round(units / step) * step;
export const withTax = (ex: number, taxBp: number, currency?: string): number => roundTo((ex * (10_000 + taxBp)) / 10_000, minorUnit(currency));
/** A USD catalogue price in the order's currency. */
export const convert = (usd: number, rate: number, currency?: string): number => roundTo((usd * rate) / SCALE, minorUnit(currency));

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** RFC 2822 in UTC, as the API answers: "Wed, 10 Jan 2018 21:05:30 +0000". */
export const rfc2822 = (ms: number): string => toRfc2822(new Date(ms));

export const RFC2822 = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UTC|UT|Z)?$/;
export const ISO8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

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

/** The form the store writes (rfc2822 above): weekday, two-digit day, UTC. */
const STORED = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) \+0000$/;
const MONTH_INDEX: Record<string, number> = Object.fromEntries(MONTHS.map((m, i) => [m, i]));

/**
 * parseApiDate for a stored order's date: the same number, read with one match
 * when the text is in the form the store writes. List sorts and date filters
 * read one per order on every request; anything else goes through parseApiDate.
 */
export function parseStoredDate(text: string): number | undefined {
  const m = STORED.exec(text);
  if (!m) return parseApiDate(text);
  return validDate(Number(m[3]), MONTH_INDEX[m[2]!]!, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]), 0, 0);
}

export function validDate(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMin: number): number | undefined {
  const check = new Date(Date.UTC(y, mo, d));
  if (check.getUTCMonth() !== mo || h > 23 || mi > 59 || s > 59) return undefined;
  return Date.UTC(y, mo, d, h, mi, s, ms) - offsetMin * 60_000;
}

// ---------------------------------------------------------------- errors

/** A v2 error answer: always an array (spec 404_Resp, and the 400 example). */
export function bcError(status: number, message: string, headers?: Record<string, string>): DialectResponse {
  return { status, body: [{ status, message }], ...(headers ? { headers } : {}) };
}

export class BcFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const NOT_FOUND = 'The requested resource was not found.';
export const fail = (status: number, message: string): never => {
  throw new BcFailure(status, message);
};
export const invalidField = (field: string, why: string): never => fail(400, `The field '${field}' is invalid: ${why}.`);
