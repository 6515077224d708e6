// --fields: dotted paths into a record (customer.email, items.sku), for every
// output format. JSON keeps the nesting; CSV and tables get one cell a path.
// Through an array a path maps over its elements: items.sku is every item's sku.

import { UsageError } from '../core/errors.js';

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

// A segment is a key as the platforms spell them: camelCase, snake_case, digits.
const PATH = /^[\w-]+(\.[\w-]+)*$/;

/** "id, customer.email" → ["id", "customer.email"]; duplicates dropped, order kept. */
/** `flag`: the option the list came from, named in the error (export's --columns too). */
export function parseFieldList(spec: string, flag = '--fields'): string[] {
  const parts = spec.split(',').map((p) => p.trim());
  const bad = parts.find((p) => !PATH.test(p));
  if (bad !== undefined) {
    const why = bad === '' ? 'an empty field name' : `"${bad}" is not a field name or dotted path`;
    throw new UsageError(`invalid ${flag} "${spec}": ${why}; use comma-separated names or dotted paths, e.g. id,customer.email`);
  }
  return [...new Set(parts)];
}

/** The value at a dotted path; through an array it maps (items.sku → every item's sku); missing → undefined. */
export function getPath(obj: unknown, path: string): unknown {
  return walk(obj, path.split('.'));
}

function walk(value: unknown, keys: readonly string[]): unknown {
  if (keys.length === 0) return value;
  if (Array.isArray(value)) return value.map((v) => walk(v, keys));
  if (!isObject(value)) return undefined;
  return walk(value[keys[0]!], keys.slice(1));
}

/**
 * The record reduced to the given paths, keeping its structure:
 * ["id", "customer.email"] → { id, customer: { email } }. Arrays keep their
 * elements (items.sku → items: [{ sku }, …]); what is missing becomes null, so
 * every record of a list has the same shape.
 */
export function pickFields(obj: unknown, paths: readonly string[]): Record<string, unknown> {
  let out: Obj = {};
  for (const path of paths) {
    const [first, ...rest] = path.split('.');
    const source = isObject(obj) ? obj[first!] : undefined;
    out = merge(out, { [first!]: pick(source, rest) }) as Obj;
  }
  return out;
}

function pick(value: unknown, keys: readonly string[]): unknown {
  if (keys.length === 0) return value === undefined ? null : value;
  if (Array.isArray(value)) return value.map((v) => pick(v, keys));
  if (!isObject(value)) return null; // billingAddress.name of an order without one: billingAddress: null
  return { [keys[0]!]: pick(value[keys[0]!], keys.slice(1)) };
}

// Two picks of one record: same arrays, so elements merge pairwise.
function merge(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) return b.map((x, i) => merge(a[i], x));
  if (isObject(a) && isObject(b)) {
    const out: Obj = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? merge(out[k], v) : v;
    return out;
  }
  if (isObject(a) && b === null) return a; // a parent picked whole stays whole
  return b === null && a !== undefined ? a : b;
}

/**
 * Refuses a path that is not a field. A path is valid when it is known, when
 * it leads to known paths (customer), or when it goes inside a known leaf that
 * the list does not spell out (total.amount when only total is listed).
 */
export function validateFields(paths: readonly string[], known: readonly string[]): void {
  const set = new Set(known);
  const isLeaf = (k: string) => !known.some((other) => other.startsWith(`${k}.`));
  for (const p of paths) {
    if (set.has(p)) continue;
    if (known.some((k) => k.startsWith(`${p}.`))) continue;
    if (known.some((k) => p.startsWith(`${k}.`) && isLeaf(k))) continue;
    const near = suggestion(p, known);
    throw new UsageError(`unknown field "${p}"; ${near ? `did you mean "${near}"? ` : ''}valid fields: ${describeFields(known)}`);
  }
}

function describeFields(known: readonly string[]): string {
  const top = [...new Set(known.map((k) => k.split('.')[0]!))];
  const nested = known.find((k) => k.includes('.'));
  return top.join(', ') + (nested ? ` (and the dotted paths inside them, e.g. ${nested})` : '');
}

/** A close spelling (custmer.email), or the one path that ends with what was typed (email → customer.email). */
function suggestion(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 4)) + 1;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  if (best) return best;
  const endings = known.filter((k) => k.endsWith(`.${word}`));
  return endings.length === 1 ? endings[0] : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The paths that lead to no other of the list: customer.email and not customer, total.amount and total.currency, not total. */
export function leafPaths(paths: readonly string[]): string[] {
  return paths.filter((p) => !paths.some((q) => q.startsWith(`${p}.`)));
}

/**
 * The leaf paths of a JSON value itself, for records whose keys no list names
 * (`sandbox info`'s platforms, keyed by dialect): objects give their keys'
 * paths, an array of objects the paths of every element's keys, anything else
 * (a string, a list of strings, an empty list) is a leaf.
 */
export function jsonPaths(value: unknown, prefix = ''): string[] {
  const elements = Array.isArray(value) && value.length > 0 && value.every(isObject) ? value : undefined;
  const keys = isObject(value) ? Object.keys(value) : elements ? [...new Set(elements.flatMap((e) => Object.keys(e)))] : undefined;
  if (!keys || keys.length === 0) return prefix ? [prefix] : [];
  const under = (k: string) => (isObject(value) ? value[k] : elements!.find((e) => k in e)![k]);
  return keys.flatMap((k) => jsonPaths(under(k), prefix ? `${prefix}.${k}` : k));
}

/** One cell a path, as text: null → "", money as "12.30 EUR", arrays joined with "; ", objects as JSON. */
export function flattenForColumns(obj: unknown, paths: readonly string[]): string[] {
  return paths.map((p) => cellText(getPath(obj, p)));
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(cellText).join('; ');
  if (isObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 2 && typeof v.amount === 'string' && typeof v.currency === 'string') return `${v.amount} ${v.currency}`;
    return JSON.stringify(v);
  }
  return String(v);
}
