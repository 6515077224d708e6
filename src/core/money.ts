// Money as decimal strings, never floats. Arithmetic is done on BigInt
// scaled integers, so "0.1" + "0.2" is exactly "0.30".

import type { Money } from './order.js';

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

interface Scaled {
  units: bigint; // value × 10^scale
  scale: number;
}

function parse(value: string | number): Scaled {
  // A number from JSON: its shortest round-trip string is the literal that was sent.
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : 'x') : value.trim();
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`not a decimal amount: ${JSON.stringify(value)}`);
  const [, sign, int = '', frac = '', exp] = m;
  let digits = `${int}${frac}`;
  let scale = frac.length - Number(exp ?? 0);
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  const units = BigInt(digits || '0') * (sign === '-' ? -1n : 1n);
  return { units, scale };
}

function rescale(a: Scaled, scale: number): bigint {
  return a.units * 10n ** BigInt(scale - a.scale);
}

function format(units: bigint, scale: number, minPlaces = 2): string {
  const negative = units < 0n;
  let digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  let int = scale ? digits.slice(0, -scale) : digits;
  let frac = scale ? digits.slice(-scale) : '';
  frac = frac.replace(/0+$/, '');
  if (frac.length < minPlaces) frac = frac.padEnd(minPlaces, '0');
  digits = int;
  int = digits.replace(/^0+(?=\d)/, '');
  const text = frac ? `${int}.${frac}` : int;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

/** "336.3200" → "336.32", "1.5" → "1.50", 12 → "12.00", "1.2345" stays. */
export function toDecimalString(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const s = parse(value);
  return format(s.units, s.scale);
}

export function money(value: string | number | null | undefined, currency: string): Money | null {
  const amount = toDecimalString(value);
  return amount === null ? null : { amount, currency };
}

export function addDecimal(a: string, b: string): string {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  return format(rescale(x, scale) + rescale(y, scale), scale);
}

export function multiplyDecimal(a: string, qty: number): string {
  if (!Number.isInteger(qty)) throw new Error(`quantity must be a whole number: ${qty}`);
  const x = parse(a);
  return format(x.units * BigInt(qty), x.scale);
}

export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  const d = rescale(x, scale) - rescale(y, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Exactly `places` decimals (BigCommerce sends 4), rounding half away from zero. */
export function toFixedDecimal(value: string | number, places: number): string {
  const x = parse(value);
  let units: bigint;
  if (x.scale <= places) units = rescale(x, places);
  else {
    const div = 10n ** BigInt(x.scale - places);
    const abs = x.units < 0n ? -x.units : x.units;
    let q = abs / div;
    if ((abs % div) * 2n >= div) q += 1n;
    units = x.units < 0n ? -q : q;
  }
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const text = places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}
