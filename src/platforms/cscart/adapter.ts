// CS-Cart / Multi-Vendor REST API, orders (https://SHOP/api: the shop's own
// host, so there is no default base URL). Quirks relied on, with their sources:
// - HTTP Basic with the admin e-mail and the API key (API-NOTES.md §3)
// - the list answer is {"orders":[…],"params":{…,"total_items":"64"}}, every
//   value a string; pages = ceil(total_items / items_per_page) (API-NOTES.md §3)
// - an unknown sort_by silently falls back to date (CS-Cart fn_get_orders), so
//   the client refuses unknown sort fields itself
// - several statuses go as status[0]=P&status[1]=C: fn_get_orders takes an array
//   and adds incomplete orders by itself when N is among them [I, CS-Cart source]
// - status changes send no e-mail unless notify_user is set; "1" notifies, and
//   the field is left out otherwise (API-NOTES.md, Decisions: PHP's empty("N") is false)
// - Incomplete (N) cannot be set by an administrator (seed)
// - vendor_ref takes a single string; GET /orders/search/?vendor_ref=R answers 404
//   when nothing matches, which is an empty result, not an error (seed)
// - updated_at_from/to are Unix seconds (API-NOTES.md, Decisions) [I: the format is
//   undocumented]. No answer carries the modification time they filter by (the
//   documented row and "Order Details" have none), so an order's updatedAt is null
//   and an export checkpoint resumes from the moment its last run began, asking for
//   updated_at_from = that moment minus the overlap. Each run checks the guess: the
//   newest orders placed since then (by `timestamp`, which rows do carry) must be in
//   the window's answer, or the run fails (exit 1) and the checkpoint stays put
// - get_orders_data=1 makes each list row the full order, as GET /orders/{id}
//   answers it (Tygh\Api\Entities\Orders::index, API-NOTES.md §3): items,
//   addresses and totals for a whole page in one request

import { PageGuard } from '../../core/page-guard.js';
import { pathOf, type HttpClient, type PlatformHttp, type RequestSpec } from '../../core/http.js';
import { ApiError, NotFoundError, UsageError } from '../../core/errors.js';
import { secretForms } from '../../core/redact.js';
import { STATUS_BY_LETTER } from './status.js';
import type { Profile } from '../../core/config.js';
import type { Adapter, CancelOptions, Fetched, FulfillOptions, FulfillResult, OrderCount, OrderFilters, Paging, StatusChange, StatusCount } from '../types.js';
import { SORT_NAMES, STATUS_READING, toNormalizedOrder, toStatus, toStatusLetter } from './mapping.js';
import { DEFAULT_SORT } from '../../core/sort.js';
import { nativeCodesForAll } from '../status-filter.js';
import { CS_STATUSES, INCOMPLETE, statusName } from './status.js';
import type { CsError, CsOrder, CsOrderList, CsOrderSummary, CsUpdated } from './types.js';
import { assertListedOrder } from '../listed.js';

/** No documented maximum: a cap of our own, so one request stays modest [I]. */
export const MAX_PAGE_SIZE = 250;
/** Always sent: the docs say 10, the code uses the shop's admin setting (API-NOTES.md §3). */
const DEFAULT_PAGE_SIZE = 50;

export function cscartHttp(profile: Profile, token: string): PlatformHttp {
  const example = 'orderctl profile add NAME --platform cscart --base-url https://SHOP/api --username ADMIN_EMAIL --token-stdin';
  if (!profile.baseUrl) throw new UsageError('this CS-Cart profile has no base URL: CS-Cart runs on the shop\'s own host', { hint: example });
  if (!profile.username) throw new UsageError('this CS-Cart profile has no username (the admin e-mail the API key belongs to)', { hint: example });
  return {
    name: 'cscart',
    baseUrl: profile.baseUrl,
    authHeaders: { authorization: `Basic ${Buffer.from(`${profile.username}:${token}`).toString('base64')}` },
    // The key itself and the base64 credentials, so neither reaches a debug trace.
    secrets: secretForms(token, profile.username),
    describeError,
  };
}

/** {"message":"Not Found: detail","status":404} (API-NOTES.md §3). */
function describeError(body: unknown): string | undefined {
  const m = body && typeof body === 'object' ? (body as CsError).message : undefined;
  return typeof m === 'string' && m.trim() ? m.trim() : undefined;
}

function checkId(id: string): string {
  if (!/^\d+$/.test(id)) throw new UsageError(`invalid CS-Cart order id "${id}": ids are whole numbers`);
  return id;
}

const unixSeconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** The query of GET /orders for the filters; flags CS-Cart has no parameter for are refused. */
export function listQuery(f: OrderFilters): Record<string, string | number | undefined> {
  const refused: Array<[string, unknown]> = [
    ['--created-since', f.createdSince],
    ['--created-until', f.createdUntil],
    ['--min-id', f.minId],
    ['--max-id', f.maxId],
    ['--cursor', f.cursor],
  ];
  for (const [flag, v] of refused) if (v !== undefined) throw new UsageError(`${flag} is not available on cscart`);
  if (f.customer !== undefined && !/^\d+$/.test(f.customer)) throw new UsageError(`invalid customer id "${f.customer}": CS-Cart user ids are whole numbers`);
  if (f.vendor !== undefined && !/^\d+$/.test(f.vendor)) throw new UsageError(`invalid --vendor "${f.vendor}": CS-Cart vendor (company) ids are whole numbers`);
  if (f.invoice !== undefined && !/^\d+$/.test(f.invoice)) throw new UsageError(`invalid invoice id "${f.invoice}": CS-Cart invoice ids are whole numbers`);
  const query: Record<string, string | number | undefined> = {
    // Incomplete orders (N) are hidden unless asked for (API-NOTES.md §3): asked for always, so a
    // listing shows every order and --status incomplete is exactly what it labels so.
    include_incompleted: 1,
    user_id: f.customer,
    email: f.email,
    invoice_id: f.invoice,
    company_id: f.vendor,
    updated_at_from: f.since ? unixSeconds(f.since) : undefined,
    updated_at_to: f.until ? unixSeconds(f.until) : undefined,
  };
  // Always said, so the shop's own default (an admin setting) does not decide the order.
  const sort = f.sort ?? DEFAULT_SORT;
  const name = SORT_NAMES[sort.field];
  if (!name) throw new UsageError(`cannot sort cscart orders by ${sort.field}: its API sorts by ${Object.keys(SORT_NAMES).join(', ')}`, { hint: 'bigcommerce and outshifter sort by updated' });
  query.sort_by = name;
  query.sort_order = sort.direction;
  const letters = nativeCodesForAll('cscart', f.statuses, STATUS_READING);
  if (letters.length === 1) query.status = letters[0];
  else letters.forEach((l, i) => (query[`status[${i}]`] = l));
  return query;
}

function pageSizeOf(paging: Paging): number {
  const size = paging.pageSize ?? (paging.all ? MAX_PAGE_SIZE : paging.limit !== undefined ? Math.min(paging.limit, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw new UsageError(`--page-size must be between 1 and ${MAX_PAGE_SIZE} on cscart`);
  return size;
}

/** Not a valid vendor_ref: the seed's "only accepts a single string". */
function checkVendorRef(ref: unknown): string {
  if (typeof ref !== 'string' || ref.trim() === '') throw new UsageError('the vendor reference must be a single non-empty string');
  let parsed: unknown;
  try {
    parsed = JSON.parse(ref);
  } catch {
    return ref;
  }
  // "Objects or arrays will not be added to the order" (seed): refuse them here, not silently there.
  if (parsed !== null && typeof parsed === 'object') throw new UsageError('the vendor reference must be a single string, not a JSON object or array (CS-Cart ignores those)');
  return ref;
}

export function createCsCartAdapter(http: (p: PlatformHttp) => HttpClient, profile: Profile, token: string): CsCartAdapter {
  return new CsCartAdapter(http(cscartHttp(profile, token)), profile.currency);
}

export class CsCartAdapter implements Adapter {
  readonly platform = 'cscart' as const;
  /** The order id is the number the shop shows the customer. */
  readonly numberIsId = true;
  /**
   * Neither the list row (API-NOTES.md §3) nor the order details (seed) carry a
   * modification time, though updated_at_from/to filter by one: an export
   * checkpoint asks for the orders modified since its last run and checks the
   * shop's reading of that window against the orders' own `timestamp`
   * (commands/orders/window-check.ts).
   */
  readonly untimedRows = { window: 'updated_at_from in Unix seconds' };
  readonly statusReading = STATUS_READING;

  /** `currency`: the profile's, for the amounts (see currencyOf). */
  constructor(
    private readonly http: HttpClient,
    private readonly currency?: string,
  ) {}

  statusName(nativeStatus: string): string | undefined {
    return STATUS_BY_LETTER[nativeStatus.toUpperCase()]?.name;
  }

  async ping(): Promise<void> {
    await this.fetchOrderPage({}, 1, 1);
  }

  async *listOrders(filters: OrderFilters, paging: Paging): AsyncIterable<Fetched> {
    if (filters.vendorRef !== undefined) {
      yield* this.searchByVendorRef(filters, paging);
      return;
    }
    const query = { ...listQuery(filters), get_orders_data: 1 };
    if (filters.statuses.length && !nativeCodesForAll('cscart', filters.statuses, STATUS_READING).length) return; // no letter is labelled so
    // Keyset runs (exports): oldest id first, so orders created meanwhile land on later pages.
    // Newest first (several stores merged): orders created meanwhile push the rest a place
    // down, so an order is read twice at most (an export writes it once), never missed.
    if (paging.keyset && !filters.sort) Object.assign(query, { sort_by: 'order_id', sort_order: paging.newestFirst ? 'desc' : 'asc' });
    const pageSize = pageSizeOf(paging);
    let yielded = 0;
    const guard = new PageGuard('cscart');
    for (let page = paging.page ?? 1; ; page++) {
      const list = await this.fetchOrderPage(query, page, pageSize);
      // The shop may page by its own items_per_page, which it echoes (API-NOTES.md §3).
      const echoed = Number(list.params?.items_per_page);
      const asked = Number.isInteger(echoed) && echoed > pageSize && echoed <= MAX_PAGE_SIZE ? echoed : pageSize;
      guard.check({ where: `page ${page} of the order list`, ids: list.orders.map((o) => o?.order_id), asked });
      for (const [i, raw] of list.orders.entries()) {
        assertListedOrder('cscart', raw, 'order_id', i);
        yield { order: toNormalizedOrder(raw, this.currency), raw };
        if (paging.limit !== undefined && ++yielded >= paging.limit) {
          reportRest(paging, list, page, pageSize, i < list.orders.length - 1);
          return;
        }
      }
      const more = paging.all || (paging.limit !== undefined && yielded < paging.limit);
      if (list.orders.length === 0 || isLastPage(list, page, pageSize)) return;
      if (!more) return reportRest(paging, list, page, pageSize, false);
    }
  }

  async getOrder(id: string): Promise<Fetched> {
    checkId(id);
    const res = await this.orderRequest<CsOrder>(id, { method: 'GET', path: pathOf`/orders/${id}` });
    const raw = expectOrder(res.body, 'GET /orders/{id}');
    return { order: toNormalizedOrder(raw, this.currency), raw };
  }

  /** total_items of the list envelope: one small request per status, no listing. */
  async countOrders(filters: OrderFilters): Promise<OrderCount> {
    if (filters.vendorRef !== undefined) {
      let count = 0;
      for await (const _ of this.searchByVendorRef(filters, { all: true })) count++;
      return { count, statuses: [] };
    }
    const base = listQuery({ ...filters, statuses: [] });
    const asked = nativeCodesForAll('cscart', filters.statuses, STATUS_READING);
    if (filters.statuses.length && !asked.length) return { count: 0, statuses: [] }; // no CS-Cart letter is labelled so
    // Without a status filter: every known letter (lists ask for incomplete ones too).
    const letters = asked.length ? asked : CS_STATUSES.map((s) => s.letter);
    const statuses: StatusCount[] = [];
    for (const letter of letters) {
      const n = totalItems(await this.fetchOrderPage({ ...base, status: letter }, 1, 1));
      statuses.push({ status: toStatus(letter), nativeStatus: letter, name: statusName(letter) ?? letter, count: n });
    }
    // The shop may have letters of its own: the total comes from the shop, not from our table.
    const count = asked.length ? statuses.reduce((n, s) => n + s.count, 0) : totalItems(await this.fetchOrderPage(base, 1, 1));
    return { count, statuses: asked.length ? statuses : statuses.filter((s) => s.count > 0) };
  }

  async setStatus(id: string, status: string, opts: { notify?: boolean } = {}): Promise<StatusChange> {
    checkId(id);
    const letter = toStatusLetter(status);
    if (letter === INCOMPLETE) throw new UsageError('CS-Cart does not let an administrator set Incomplete (N): the shop sets it while a payment is pending');
    const body = { status: letter, ...(opts.notify ? { notify_user: '1' } : {}) };
    // A repeated PUT with notify_user would e-mail the customer twice: never repeat that one.
    const res = await this.orderRequest<CsUpdated>(id, { method: 'PUT', path: pathOf`/orders/${id}`, body, neverRetryAfterSend: Boolean(opts.notify) });
    return { orderId: id, status: toStatus(letter), nativeStatus: letter, raw: res.body };
  }

  /** Cancelled by the customer (I), or by the merchant (D) with --by-merchant (seed). */
  async cancelOrder(id: string, opts: CancelOptions): Promise<StatusChange> {
    return this.setStatus(id, opts.byMerchant ? 'D' : 'I', { notify: opts.notify });
  }

  /** Complete (C): "all work on the order was completed" (seed). The orders API carries no shipment details. */
  async fulfillOrder(id: string, o: FulfillOptions): Promise<FulfillResult> {
    const unsupported: Array<[string, unknown]> = [
      ['--tracking', o.tracking],
      ['--carrier', o.carrier],
      ['--service', o.service],
      ['--tracking-url', o.trackingUrl],
      ['--ship-date', o.shipDate],
      ['--address', o.address],
      ['--comment', o.comments],
      ['--item', o.items.length ? o.items : undefined],
    ];
    const given = unsupported.filter(([, v]) => v !== undefined).map(([flag]) => flag);
    if (given.length) throw new UsageError(`cscart fulfils an order by setting it Complete (C); ${given.join(', ')} cannot be sent`);
    const r = await this.setStatus(id, 'C', { notify: o.notify });
    return { orderId: id, shipmentId: null, raw: r.raw };
  }

  async setVendorRef(id: string, ref: string): Promise<Fetched> {
    checkId(id);
    const vendorRef = checkVendorRef(ref);
    await this.orderRequest<CsUpdated>(id, { method: 'PUT', path: pathOf`/orders/${id}`, body: { vendor_ref: vendorRef } });
    // The PUT answers only {"order_id"}: read the order back to show it.
    return this.getOrder(id);
  }

  private async fetchOrderPage(query: Record<string, string | number | undefined>, page: number, itemsPerPage: number): Promise<CsOrderList> {
    const res = await this.http.request<CsOrderList>({ method: 'GET', path: '/orders', query: { ...query, page, items_per_page: itemsPerPage } });
    const body = res.body;
    if (!body || typeof body !== 'object' || !Array.isArray(body.orders)) {
      throw new ApiError('cscart answered GET /orders with an unexpected body (expected {"orders":[…],"params":{…}})');
    }
    return body;
  }

  /** GET /orders/search/?vendor_ref=R: detailed orders, not paged; 404 means none (seed). */
  private async *searchByVendorRef(filters: OrderFilters, paging: Paging): AsyncIterable<Fetched> {
    const others = Object.entries({ ...filters, statuses: filters.statuses.length ? filters.statuses : undefined, vendorRef: undefined }).filter(([, v]) => v !== undefined);
    if (others.length) throw new UsageError('--vendor-ref cannot be combined with other filters on cscart: GET /orders/search takes only vendor_ref');
    if (paging.page !== undefined || paging.pageSize !== undefined) throw new UsageError('--page and --page-size do not apply to --vendor-ref: the search is not paged');
    const vendorRef = checkVendorRef(filters.vendorRef);
    let body: unknown;
    try {
      body = (await this.http.request({ method: 'GET', path: '/orders/search/', query: { vendor_ref: vendorRef } })).body;
    } catch (err) {
      // "No results where found: HTTP/1.1 404 Not found" (seed): an empty result, exit 0.
      if (err instanceof NotFoundError) return;
      throw err;
    }
    let yielded = 0;
    for (const raw of searchRows(body)) {
      yield { order: toNormalizedOrder(raw, this.currency), raw };
      if (paging.limit !== undefined && ++yielded >= paging.limit) return;
    }
  }

  /** A request about one order: a 404 says which order was not found. */
  private async orderRequest<T>(id: string, spec: RequestSpec) {
    try {
      return await this.http.request<T>(spec);
    } catch (err) {
      if (err instanceof NotFoundError) throw new NotFoundError(`order ${id} not found on cscart`, { status: 404, hint: 'list orders with "orderctl orders list"' });
      throw err;
    }
  }
}

/**
 * A listing stopped before its end says what the page told of the rest:
 * total_items, when the shop sends it (API-NOTES.md §3), makes it sure.
 */
function reportRest(paging: Paging, list: CsOrderList, page: number, pageSize: number, insidePage: boolean): void {
  if (!insidePage && isLastPage(list, page, pageSize)) return;
  const total = Number(list.params?.total_items);
  const known = list.params?.total_items !== undefined && Number.isInteger(total) && total >= 0;
  paging.onMore?.({ sure: insidePage || known, ...(known && { total }) });
}

/** The last page: total_items says so, or (without it) a short page. */
function isLastPage(list: CsOrderList, page: number, pageSize: number): boolean {
  const total = Number(list.params?.total_items);
  // The shop's own items_per_page, as it echoes it, in case it changed ours.
  const perPage = Number(list.params?.items_per_page) || pageSize;
  if (list.params?.total_items !== undefined && Number.isFinite(total)) return page * perPage >= total;
  return list.orders.length < perPage;
}

function totalItems(list: CsOrderList): number {
  const total = Number(list.params?.total_items);
  if (list.params?.total_items === undefined || !Number.isInteger(total) || total < 0) {
    throw new ApiError('cscart answered GET /orders without params.total_items, so orders cannot be counted');
  }
  return total;
}

/** "a list of detailed orders" (seed): an array, {"orders": …}, or an object keyed by id are all read. */
function searchRows(body: unknown): CsOrder[] {
  const inner = body && typeof body === 'object' && !Array.isArray(body) && 'orders' in body ? (body as { orders: unknown }).orders : body;
  const rows = Array.isArray(inner) ? inner : inner && typeof inner === 'object' ? Object.values(inner) : undefined;
  if (!rows) throw new ApiError('cscart answered GET /orders/search/ with an unexpected body (expected a list of orders)');
  return rows.map((r) => expectOrder(r, 'GET /orders/search/'));
}

function expectOrder(o: unknown, what: string): CsOrder {
  if (!o || typeof o !== 'object' || (o as CsOrderSummary).order_id === undefined || typeof (o as CsOrderSummary).status !== 'string') {
    throw new ApiError(`cscart answered ${what} with an unexpected body (expected an order)`);
  }
  return o as CsOrder;
}
