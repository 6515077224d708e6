// One sort vocabulary for every platform (created, updated, id, number, total),
// which each adapter maps to its API's names, and the order the same sort
// means on normalized orders (to merge several requests or stores, and to sort
// where an API answers in one piece).

import { UsageError } from './errors.js';
import { compareDecimal } from './money.js';
import { SORT_FIELDS, type Order, type SortField } from './order.js';

export interface SortSpec {
  field: SortField;
  direction: 'asc' | 'desc';
}

/** Newest first, as every admin panel lists orders. */
export const DEFAULT_SORT: SortSpec = { field: 'created', direction: 'desc' };

/** The platforms' own names, accepted for the shared ones. */
const ALIASES: Record<string, SortField> = {
  date_created: 'created',
  date: 'created',
  created_at: 'created',
  createdon: 'created',
  date_modified: 'updated',
  modified: 'updated',
  updated_at: 'updated',
  modifiedon: 'updated',
  order_id: 'id',
  order_number: 'number',
  grand_total: 'total',
};

/** "created", "total:desc", "date_created:asc" → a SortSpec; anything else is a usage error. */
export function parseSort(value: string): SortSpec {
  const m = /^([A-Za-z_]+)(?::(asc|desc))?$/i.exec(value.trim());
  const name = m?.[1]!.toLowerCase();
  const field = name && ((SORT_FIELDS as readonly string[]).includes(name) ? (name as SortField) : ALIASES[name]);
  if (!m || !field) throw new UsageError(`invalid --sort "${value}": use one of ${SORT_FIELDS.join(', ')}, optionally with :asc or :desc (e.g. created:desc)`);
  return { field, direction: (m[2]?.toLowerCase() ?? 'asc') as 'asc' | 'desc' };
}

/** Whole-number ids compare as numbers ("9" before "10"); others as text. */
function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Two ISO 8601 UTC times as printed (toIsoUtc: milliseconds only when there
 * are some), earlier first; null (unknown) before any time. As text,
 * "…:20.250Z" would come before "…:20Z" ('.' < 'Z'), though it is later.
 */
export function compareTimes(a: string | null, b: string | null): number {
  const x = a ?? '';
  const y = b ?? '';
  if (x.length === y.length) return x < y ? -1 : x > y ? 1 : 0;
  const px = withMillis(x);
  const py = withMillis(y);
  return px < py ? -1 : px > py ? 1 : 0;
}

const withMillis = (t: string) => (t.endsWith('Z') && t.charAt(t.length - 5) !== '.' ? `${t.slice(0, -1)}.000Z` : t);

function compareField(field: SortField, a: Order, b: Order): number {
  switch (field) {
    case 'created':
      return compareTimes(a.createdAt, b.createdAt);
    case 'updated':
      return compareTimes(a.updatedAt, b.updatedAt);
    case 'id':
      return compareIds(a.id, b.id);
    case 'number':
      return compareIds(a.number, b.number);
    case 'total': {
      const x = a.totals.total?.amount;
      const y = b.totals.total?.amount;
      if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? -1 : 1;
      return compareDecimal(x, y);
    }
  }
}

/** The order a sort means on normalized orders; ties broken by id, so it is total. */
export function orderComparator(sort: SortSpec): (a: Order, b: Order) => number {
  const sign = sort.direction === 'desc' ? -1 : 1;
  return (a, b) => sign * (compareField(sort.field, a, b) || compareIds(a.id, b.id));
}
