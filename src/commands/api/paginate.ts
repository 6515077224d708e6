// --paginate: each platform pages its own way, and the items of every page
// are handed on as they arrive.
// - BigCommerce: page and limit (at most 250) until 204 No Content or a page
//   shorter than the limit (API-NOTES.md §1).
// - Squarespace: pagination.nextPageCursor while hasNextPage; later pages send
//   `cursor` alone, nothing else (API-NOTES.md §2).
// - CS-Cart: page and items_per_page until page × items_per_page reaches
//   params.total_items, or a short or empty page (API-NOTES.md §3).
// - Outshifter: its lists are not paged (API-NOTES.md §4): one request.

// A server whose paging is broken (the same page again, a cursor it gave
// before) is stopped by a PageGuard, as the listings are, not followed forever.

import { createHash } from 'node:crypto';
import type { HttpClient, RequestSpec } from '../../core/http.js';
import type { Platform } from '../../core/order.js';
import { PageGuard } from '../../core/page-guard.js';

type Page = { items: unknown[] } | { whole: unknown };

/**
 * The items of a page: the body when it is a list, else its list field
 * (result, orders, data…). `pagedBy`: the field a page of the platform's
 * object lists carries beside its list (Squarespace's pagination, CS-Cart's
 * params), without which an object with one list in it (an order and its
 * items) is no page; null where every list is an array (BigCommerce V2, whose
 * /orders/count is an object with a list of statuses).
 */
export function pageItems(body: unknown, preferred: string[], pagedBy?: string | null): unknown[] | undefined {
  if (Array.isArray(body)) return body;
  if (!body || typeof body !== 'object' || pagedBy === null) return undefined;
  const o = body as Record<string, unknown>;
  for (const key of preferred) if (Array.isArray(o[key])) return o[key];
  if (pagedBy !== undefined && !(pagedBy in o)) return undefined;
  const lists = Object.entries(o).filter(([, v]) => Array.isArray(v));
  return lists.length === 1 ? (lists[0]![1] as unknown[]) : undefined;
}

/** What tells items apart: their id (order_id on CS-Cart), else their whole JSON. */
function itemKey(item: unknown): string {
  const o = item !== null && typeof item === 'object' ? (item as Record<string, unknown>) : {};
  const id = o.id ?? o.order_id;
  if (id !== undefined && id !== null && typeof id !== 'object') return `id ${String(id)}`;
  return createHash('sha256').update(JSON.stringify(item) ?? '').digest('base64');
}

/**
 * Yields each page's items. A body with no list in it (an object endpoint)
 * is yielded whole, once: there is nothing to page.
 */
export async function* paginate(client: HttpClient, platform: Platform, spec: RequestSpec, onPage?: (status: number, headers: Record<string, string>) => void): AsyncIterable<Page> {
  const get = async (s: RequestSpec) => {
    const res = await client.request(s);
    onPage?.(res.status, res.headers);
    return res;
  };
  const query = spec.query ?? {};
  const guard = new PageGuard(client.platform.name);
  const what = `${spec.method} ${spec.path.split('?')[0]}`;
  const checked = (n: number, items: unknown[], cursors?: { cursor?: string; nextCursor?: string | null }) => {
    guard.check({ where: `page ${n} of ${what}`, ids: items.map(itemKey), ...cursors });
    return { items };
  };
  switch (platform) {
    case 'bigcommerce': {
      const limit = Number(query.limit ?? 250);
      for (let page = Number(query.page ?? 1); ; page++) {
        const res = await get({ ...spec, query: { ...query, page, limit } });
        if (res.status === 204 || res.body === undefined) return;
        const items = pageItems(res.body, [], null);
        if (!items) return yield { whole: res.body };
        yield checked(page, items);
        if (items.length < limit || items.length === 0) return;
      }
    }
    case 'squarespace': {
      let s = spec;
      for (let n = 1; ; n++) {
        const res = await get(s);
        const items = pageItems(res.body, ['result'], 'pagination');
        if (!items) return yield { whole: res.body };
        const p = (res.body as { pagination?: { hasNextPage?: boolean; nextPageCursor?: string | null } }).pagination;
        const next = p?.hasNextPage ? p.nextPageCursor : null;
        yield checked(n, items, { cursor: s.query?.cursor === undefined ? undefined : String(s.query.cursor), nextCursor: typeof next === 'string' ? next : null });
        if (typeof next !== 'string' || next === '') return;
        s = { ...spec, path: spec.path.split('?')[0]!, query: { cursor: next } };
      }
    }
    case 'cscart': {
      const perPage = Number(query.items_per_page ?? 100);
      for (let page = Number(query.page ?? 1); ; page++) {
        const res = await get({ ...spec, query: { ...query, page, items_per_page: perPage } });
        const items = pageItems(res.body, ['orders'], 'params');
        if (!items) return yield { whole: res.body };
        yield checked(page, items);
        const params = (res.body as { params?: { total_items?: unknown; items_per_page?: unknown } }).params;
        // The shop's own items_per_page, as it echoes it, in case it changed ours.
        const size = Number(params?.items_per_page) || perPage;
        const total = Number(params?.total_items);
        if (items.length === 0 || items.length < size || (Number.isFinite(total) && page * size >= total)) return;
      }
    }
    default: {
      const res = await get(spec);
      const items = pageItems(res.body, ['orders', 'data']);
      yield items ? { items } : { whole: res.body };
    }
  }
}
