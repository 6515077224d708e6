// --fields: dotted paths into a record (customer.email, items.sku), for every
// output format. JSON keeps the nesting; CSV and tables get one cell a path.

import { UsageError } from '../core/errors.js';

export function parseFieldList(spec: string): string[] {
  const parts = spec.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '' || !/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(p))) {
    throw new UsageError(`invalid --fields "${spec}": use comma-separated names or dotted paths, e.g. id,customer.email`);
  }
  return parts;
}

/** Walks a dotted path; through an array it maps (items.sku → every item's sku). */
export function getPath(obj: unknown, path: string): unknown {
  let current: unknown = obj;
  for (const key of path.split('.')) {
    if (Array.isArray(current)) current = current.map((x) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[key] : undefined));
    else if (current && typeof current === 'object') current = (current as Record<string, unknown>)[key];
    else return undefined;
  }
  return current;
}

/** The record reduced to the given paths, keeping its structure. */
export function pickFields(obj: unknown, paths: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    const keys = path.split('.');
    const value = getPath(obj, keys[0]!);
    if (keys.length === 1) out[keys[0]!] = value ?? null;
    else {
      const rest = keys.slice(1).join('.');
      const inner = Array.isArray(value) ? value.map((v) => pickFields(v, [rest])) : pickFields(value, [rest]);
      out[keys[0]!] = merge(out[keys[0]!], inner);
    }
  }
  return out;
}

function merge(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) return b.map((x, i) => merge(a[i], x));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b as Record<string, unknown>)) out[k] = merge(out[k], v);
    return out;
  }
  return b;
}

export function validateFields(paths: readonly string[], known: readonly string[]): void {
  const set = new Set(known);
  for (const p of paths) {
    if (set.has(p)) continue;
    const near = nearest(p, known);
    throw new UsageError(`unknown field "${p}"${near ? `; did you mean "${near}"?` : ''}`, { hint: `valid fields: ${known.filter((k) => !k.includes('.')).join(', ')} (and their dotted sub-fields)` });
  }
}

function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 4)) + 1;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

const ADDRESS = ['name', 'company', 'line1', 'line2', 'city', 'state', 'zip', 'country', 'phone'];
const MONEY = ['amount', 'currency'];
const nest = (parent: string, children: string[]) => [parent, ...children.map((c) => `${parent}.${c}`)];

/** Every path of the normalized order (src/core/order.ts). */
export const ORDER_FIELDS: readonly string[] = [
  'id', 'number', 'platform', 'status', 'nativeStatus', 'fulfillmentStatus', 'createdAt', 'updatedAt',
  ...nest('customer', ['id', 'name', 'email', 'phone']),
  ...nest('billingAddress', ADDRESS),
  ...nest('shippingAddress', ADDRESS),
  ...nest('items', ['id', 'productId', 'variantId', 'sku', 'title', 'variant', 'quantity', ...nest('unitPrice', MONEY), ...nest('total', MONEY), 'status']),
  'totals',
  ...['subtotal', 'shipping', 'tax', 'discount', 'total'].flatMap((t) => nest(`totals.${t}`, MONEY)),
  'currency', 'channel', 'externalRef', 'notes',
];

/** One cell a path, as text: money as "12.30 EUR", arrays joined with "; ". */
export function flattenForColumns(obj: unknown, paths: readonly string[]): string[] {
  return paths.map((p) => cellText(getPath(obj, p)));
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(cellText).join('; ');
  if (typeof v === 'object') {
    const m = v as Record<string, unknown>;
    if (typeof m.amount === 'string' && typeof m.currency === 'string' && Object.keys(m).length === 2) return `${m.amount} ${m.currency}`;
    return JSON.stringify(v);
  }
  return String(v);
}
