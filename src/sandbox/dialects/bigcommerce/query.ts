// Query parameters: filters, sorting and pages of a list.

import type { DialectResponse } from '../../dialect.js';
import { sortByKeys } from '../../keyed-sort.js';
import { type BcOrderRecord, DEFAULT_LIMIT, fail, invalidField, M, MAX_LIMIT, parseApiDate, parseMoney, parseStoredDate, type StoredOrder } from './common.js';

export function intParam(q: Record<string, string>, name: string): number | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if (!/^-?\d+$/.test(v.trim())) invalidField(name, 'it must be an integer');
  return Number(v);
}

export function moneyParam(q: Record<string, string>, name: string): number | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  const units = /^\s*\d+(\.\d+)?\s*$/.test(v) ? parseMoney(v) : undefined;
  return units ?? invalidField(name, 'it must be a number such as 12.50');
}

export function dateParam(q: Record<string, string>, name: string): number | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  return parseApiDate(v) ?? invalidField(name, 'use RFC 2822 (Thu, 20 Apr 2017 11:32:00 -0400) or ISO 8601 (2017-04-20T11:32:00.000-04:00)');
}

/** page and limit: defaults 1 and 50; limit over 250 is 413 (status-codes.mdx), non-integers are 400. */
export function paging(q: Record<string, string>): { page: number; limit: number } {
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
export function pageAnswer<T>(items: T[], q: Record<string, string>, render: (item: T) => unknown = (x) => x): DialectResponse {
  const { page, limit } = paging(q);
  const slice = items.slice((page - 1) * limit, page * limit);
  return slice.length ? { status: 200, body: slice.map(render) } : { status: 204 };
}

export function orderFilter(q: Record<string, string>): (r: BcOrderRecord) => boolean {
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
    if (o.is_deleted) return false; // archived orders leave lists and counts [I] (see findOrder)
    if (minId !== undefined && o.id < minId) return false;
    if (maxId !== undefined && o.id > maxId) return false;
    if (customerId !== undefined && o.customer_id !== customerId) return false;
    if (statusId !== undefined && o.status_id !== statusId) return false;
    if (channelId !== undefined && o.channel_id !== channelId) return false;
    if (minTotal !== undefined || maxTotal !== undefined) {
      const total = M(o.total_inc_tax);
      if ((minTotal !== undefined && total < minTotal) || (maxTotal !== undefined && total > maxTotal)) return false;
    }
    if (email !== undefined && o.billing_address.email?.toLowerCase() !== email) return false;
    if (cartId && o.cart_id !== cartId) return false;
    if (paymentMethod && o.payment_method !== paymentMethod) return false;
    if (externalOrderId && o.external_order_id !== externalOrderId) return false;
    if (minCreated !== undefined || maxCreated !== undefined) {
      const t = parseStoredDate(o.date_created)!;
      if ((minCreated !== undefined && t < minCreated) || (maxCreated !== undefined && t > maxCreated)) return false;
    }
    if (minModified !== undefined || maxModified !== undefined) {
      const t = parseStoredDate(o.date_modified)!;
      if ((minModified !== undefined && t < minModified) || (maxModified !== undefined && t > maxModified)) return false;
    }
    return true;
  };
}

export const SORT_KEYS: Record<string, (o: StoredOrder) => number | string> = {
  id: (o) => o.id,
  customer_id: (o) => o.customer_id,
  date_created: (o) => parseStoredDate(o.date_created)!,
  date_modified: (o) => parseStoredDate(o.date_modified)!,
  status_id: (o) => o.status_id,
  channel_id: (o) => o.channel_id,
  external_id: (o) => o.external_id ?? '',
};

/**
 * The records in the order sort=field[:asc|:desc] asks; default id ascending
 * (spec: getOrders notes). Ties keep id order. Each record's key is computed
 * once: a date key is parsed from its RFC 2822 text.
 */
export function sortOrders(records: readonly BcOrderRecord[], q: Record<string, string>): BcOrderRecord[] {
  const raw = q.sort?.trim() || 'id:asc';
  const m = /^([a-z_]+)(?::(asc|desc))?$/i.exec(raw);
  const key = m ? SORT_KEYS[m[1]!.toLowerCase()] : undefined;
  if (!m || !key) return invalidField('sort', `use one of ${Object.keys(SORT_KEYS).join(', ')}, with :asc or :desc`);
  const dir = m[2]?.toLowerCase() === 'desc' ? -1 : 1;
  return sortByKeys(
    records,
    (r) => ({ value: key(r.order), id: r.order.id }),
    (a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) * dir || a.id - b.id,
  ).map((x) => x.item);
}
