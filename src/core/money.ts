// Money as decimal strings, never floats. Arithmetic is done on BigInt scaled
// integers, so "0.1" + "0.2" is exactly "0.30". Results show at least two
// decimals and keep any further non-zero ones ("1.2345" stays).

import type { Money } from './order.js';

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;
const MAX_EXPONENT = 400; // beyond any amount; stops "1e999999999" from eating memory

interface Scaled {
  units: bigint; // the value × 10^scale
  scale: number;
}

function parse(value: string | number): Scaled {
  // A number parsed from JSON: its shortest round-trip string is the literal
  // that was sent (677.95 → "677.95"), so no float arithmetic happens here.
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const m = DECIMAL.exec(text);
  const [, sign = '', int = '', frac = '', exp = '0'] = m ?? [];
  if (!m || (int === '' && frac === '') || Math.abs(Number(exp)) > MAX_EXPONENT) {
    throw new Error(`not a decimal amount: ${typeof value === 'number' ? String(value) : JSON.stringify(value)}`);
  }
  let digits = int + frac;
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  const units = BigInt(digits);
  return { units: sign === '-' ? -units : units, scale };
}

function rescale(x: Scaled, scale: number): bigint {
  return x.units * 10n ** BigInt(scale - x.scale);
}

/** Exactly `places` decimals; no "-0.00". */
function fixed(units: bigint, places: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const text = places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return negative && units !== 0n ? `-${text}` : text;
}

/** At least two decimals, more only when they are not zero. */
function normalized({ units, scale }: Scaled): string {
  let u = units;
  let s = scale;
  while (s > 2 && u % 10n === 0n) {
    u /= 10n;
    s--;
  }
  return s < 2 ? fixed(u * 10n ** BigInt(2 - s), 2) : fixed(u, s);
}

/**
 * An amount as the API sent it, normalized: "336.3200" → "336.32", "1.5" → "1.50",
 * 12 → "12.00", "1e3" → "1000.00". Absent (null, undefined, blank) → null;
 * anything else that is not a number throws, naming the value.
 */
export function toDecimalString(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  return (typeof value === 'string' && plainDecimal(value)) || normalized(parse(value));
}

const PLAIN = /^(-?)(\d+)(?:\.(\d*))?$/;

/**
 * The common case ("336.3200", "0", "-5.5") by string work alone: several
 * amounts per listed order went through BigInt. Same result as
 * normalized(parse(text)); anything else (a sign "+", an exponent, ".5",
 * spaces) is left to that, as undefined.
 */
export function plainDecimal(text: string): string | undefined {
  const m = PLAIN.exec(text);
  if (!m) return undefined;
  const [, sign, digits, frac = ''] = m;
  let end = frac.length;
  while (end > 2 && frac.charCodeAt(end - 1) === 48) end--;
  const fraction = frac.slice(0, end).padEnd(2, '0');
  let start = 0;
  while (start < digits!.length - 1 && digits!.charCodeAt(start) === 48) start++;
  const whole = digits!.slice(start);
  const zero = whole === '0' && !/[1-9]/.test(fraction);
  return `${sign && !zero ? '-' : ''}${whole}.${fraction}`;
}

export function money(value: string | number | null | undefined, currency: string): Money | null {
  const amount = toDecimalString(value);
  return amount === null ? null : { amount, currency };
}

export function addDecimal(a: string, b: string): string {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  return normalized({ units: rescale(x, scale) + rescale(y, scale), scale });
}

/** A unit price times a whole quantity. */
export function multiplyDecimal(a: string, qty: number): string {
  if (!Number.isSafeInteger(qty)) throw new Error(`quantity must be a whole number: ${qty}`);
  const x = parse(a);
  return normalized({ units: x.units * BigInt(qty), scale: x.scale });
}

export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  const d = rescale(x, scale) - rescale(y, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Exactly `places` decimals (BigCommerce sends 4): "12.3", 4 → "12.3000"; rounds half away from zero. */
export function toFixedDecimal(value: string | number, places: number): string {
  if (!Number.isInteger(places) || places < 0) throw new Error(`decimal places must be a whole number ≥ 0: ${places}`);
  const x = parse(value);
  if (x.scale <= places) return fixed(rescale(x, places), places);
  const div = 10n ** BigInt(x.scale - places);
  const abs = x.units < 0n ? -x.units : x.units;
  const q = abs / div + ((abs % div) * 2n >= div ? 1n : 0n);
  return fixed(x.units < 0n ? -q : q, places);
}
