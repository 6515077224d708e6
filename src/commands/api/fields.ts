// -f and -F, as gh api reads them: KEY=VALUE pairs that build a JSON body (or
// a GET's query). -f keeps the value a string; -F types it (numbers, true,
// false, null) or reads it from a file (@FILE, @- for standard input).
// KEY[sub] makes an object, KEY[] appends to an array (KEY[] alone: an empty one).

import { UsageError } from '../../core/errors.js';

export interface FieldInput {
  /** The key as typed, e.g. "items[][sku]". */
  key: string;
  value: unknown;
}

/** `-F tags[]` (no value): the key holds an empty array, as in gh. */
export const EMPTY_ARRAY = Symbol('empty array');

export function splitField(arg: string, flag: string): { key: string; value: string | typeof EMPTY_ARRAY } {
  const eq = arg.indexOf('=');
  if (eq < 0 && arg.endsWith('[]')) return { key: arg, value: EMPTY_ARRAY };
  if (eq <= 0) throw new UsageError(`invalid ${flag} "${arg}": use KEY=VALUE, or KEY[] for an empty array`);
  return { key: arg.slice(0, eq), value: arg.slice(eq + 1) };
}

/**
 * A number as it was typed: `1e3`, `1.10` or a 20-digit id would change on
 * the way through a JavaScript number, so the request carries the text.
 */
export class JsonNumber {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
  toJSON(): number {
    return Number(this.text);
  }
}

/** -F's typing: what would be a JSON number, boolean or null becomes one. */
export function typedValue(value: string): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (value === 'null') return null;
  if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(value) && Number.isFinite(Number(value))) {
    return String(Number(value)) === value ? Number(value) : new JsonNumber(value);
  }
  return value;
}

/** JSON text of a body the fields built, with each number as it was typed. */
export function jsonText(value: unknown): string {
  if (value instanceof JsonNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`;
  return JSON.stringify(value);
}

/** "a[b][]" → ["a", "b", ""]: the path a value goes to ("" appends). */
export function keyPath(key: string): string[] {
  const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!m) throw new UsageError(`invalid field name "${key}": use name, name[key] or name[]`);
  return [m[1]!, ...[...m[2]!.matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1]!)];
}

/** The JSON body the fields make. */
export function buildBody(fields: FieldInput[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const { key, value } of fields) {
    const path = keyPath(key);
    let node: Record<string, unknown> | unknown[] = body;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const nextIsArray = !last && path[i + 1] === '';
      const fresh = () => (nextIsArray ? [] : {});
      if (Array.isArray(node)) {
        if (part !== '') throw new UsageError(`field "${key}": an array takes [] here, not [${part}]`);
        // "items[][sku]=a" then "items[][qty]=1": fill the last object until a key repeats.
        const tail = node[node.length - 1];
        const reuse = !last && !nextIsArray && tail && typeof tail === 'object' && !Array.isArray(tail) && !(path[i + 1]! in tail);
        if (last) {
          if (value !== EMPTY_ARRAY) node.push(value);
        } else if (reuse) node = tail as Record<string, unknown>;
        else {
          const child = fresh();
          node.push(child);
          node = child;
        }
        return;
      }
      if (part === '') throw new UsageError(`field "${key}": [] must follow a name`);
      if (last) {
        node[part] = value;
        return;
      }
      const existing = node[part];
      if (existing === undefined || existing === null || typeof existing !== 'object' || Array.isArray(existing) !== nextIsArray) node[part] = fresh();
      node = node[part] as Record<string, unknown> | unknown[];
    });
  }
  return body;
}

/** The fields as a query string's pairs, keys as typed (gh's form: a[]=1&a[]=2). */
export function queryPairs(fields: FieldInput[]): Array<[string, string]> {
  return fields.flatMap(({ key, value }): Array<[string, string]> => {
    keyPath(key);
    // An empty array has no pairs in a query string.
    if (value === EMPTY_ARRAY) return [];
    if (value !== null && typeof value === 'object' && !(value instanceof JsonNumber)) throw new UsageError(`field "${key}": a query value must be text or a number`);
    return [[key, value === null ? '' : String(value)]];
  });
}
