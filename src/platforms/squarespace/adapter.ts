// Squarespace Commerce Orders API 1.0 (https://api.squarespace.com/1.0/commerce).
// Quirks relied on, with their sources (seeds/squarespace-commerce-orders.txt = seed):
// - Authorization: Bearer <API key or OAuth token>, and a User-Agent on every request
//   ("Requests without a User-Agent header are rejected", making-requests; API-NOTES.md §2).
//   core/http.ts always sends orderctl's own User-Agent.
// - modifiedAfter and modifiedBefore only as a pair, never with cursor; cursor "cannot be
//   used with other parameters" (seed), so later pages send the cursor alone (API-NOTES.md, Decisions)
// - fulfillmentStatus takes one of PENDING, FULFILLED, CANCELED (seed)
// - up to 50 orders a page, no page-size parameter; pagination.nextPageCursor (seed, API-NOTES.md §2)
// - money is { "value": "55.00", "currency": "USD" } with a string value (API-NOTES.md, Decisions)
// - POST /orders needs an Idempotency-Key (≤64 letters, digits, - and _); a repeat with the same
//   key and body gets the original answer (idempotency-key page; API-NOTES.md §2)
// - POST /orders/{id}/fulfillments answers 204 and has no idempotency key: never repeated once it
//   may have arrived, since a retry would add a second shipment (API-NOTES.md, Decisions)
// - no rate-limit headers; past 300 requests a minute a 429 with a one-minute cool-down (rate-limits)
// - no cancel, status change, archive or count endpoints: those commands are not offered

import type { Profile } from '../../core/config.js';
import { ApiError, NetworkError, NotFoundError, RefusedError, UsageError } from '../../core/errors.js';
import { pathOf, type HttpClient, type PlatformHttp, type RequestSpec } from '../../core/http.js';
import { PageGuard } from '../../core/page-guard.js';
import type { Adapter, Fetched, FulfillOptions, FulfillResult, OrderFilters, Paging } from '../types.js';
import { normalizeAmounts, paymentFilter, statusName, STATUS_READING, toNormalizedOrder } from './mapping.js';
import { nativeCodesForAll } from '../status-filter.js';
import { mergeSorted } from '../../core/merge.js';
import { orderComparator } from '../../core/sort.js';
import { createOrderProblem, fulfillProblem, IDEMPOTENCY_KEY, isoUtc, PAGE_SIZE, PAYMENT_STATES } from './rules.js';
import type { SqError, SqOrder, SqOrderPage, SqShipment } from './types.js';
import { assertListedOrder } from '../listed.js';

export const DEFAULT_BASE_URL = 'https://api.squarespace.com/1.0/commerce';
/** "429 … with a one-minute cool-down" (rate-limits; API-NOTES.md §2): no Retry-After is documented. */
export const COOL_DOWN_MS = 60_000;
/** The floor for --until without --since: the API wants both dates [I: any early instant]. */
export const EPOCH = new Date(0);

export const SECOND_SHIPMENT_HINT =
  'the request may have reached Squarespace, so it was not repeated: a retry could add a second shipment. Check the order with "orderctl orders get ID" before trying again';

export function squarespaceHttp(profile: Profile, token: string): PlatformHttp {
  return {
    name: 'squarespace',
    baseUrl: profile.baseUrl ?? DEFAULT_BASE_URL,
    authHeaders: { authorization: `Bearer ${token}` },
    secrets: [token],
    describeError,
    retryAfterMs: () => COOL_DOWN_MS,
  };
}

/** {"type","subtype","message","details","contextId"} (responses-error-handling; API-NOTES.md §2). */
export function describeError(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const e = body as Partial<SqError>;
  if (typeof e.message !== 'string' && typeof e.type !== 'string') return undefined;
  const kind = [e.type, e.subtype].filter(Boolean).join('/');
  // Squarespace asks for the contextId when a 5xx is reported to them.
  const context = e.contextId && /SERVER_ERROR|SERVICE_UNAVAILABLE/.test(String(e.type)) ? ` (contextId ${e.contextId})` : '';
  return `${e.message ?? 'error'}${kind ? ` [${kind}]` : ''}${context}`;
}

/** Order ids are 24 hex digits ("585d498fdee9f31a60284a37"); the API answers 400 to anything else. */
function checkId(id: string): string {
  if (/^[0-9a-f]{24}$/i.test(id)) return id;
  const hint = /^\d+$/.test(id) ? `"${id}" looks like an order number; list orders to find the id` : 'list orders with "orderctl orders list" to find the id';
  throw new UsageError(`invalid Squarespace order id "${id}": ids are 24 hexadecimal digits`, { hint });
}

const UNSUPPORTED_FILTERS: Array<[keyof OrderFilters, string]> = [
  ['email', '--email'],
  ['createdSince', '--created-since'],
  ['createdUntil', '--created-until'],
  ['minId', '--min-id'],
  ['maxId', '--max-id'],
  ['vendorRef', '--vendor-ref'],
  ['invoice', '--invoice'],
];

export type ListQuery = Record<string, string | undefined>;

/** No local filter: every listed order is printed, so a next page surely holds more. */
const KEEP_ALL = (): boolean => true;

/**
 * The first request's query. With a cursor, the cursor alone: it carries the
 * listing's filters, and the API refuses it with any other parameter (seed).
 * One date alone is completed, since the API requires the pair: --since up to
 * now, --until from the epoch.
 */
export function listQuery(f: OrderFilters, now: Date): { query: ListQuery; statuses: Array<string | undefined>; keeps: (o: SqOrder) => boolean } {
  for (const [key, flag] of UNSUPPORTED_FILTERS) {
    if (f[key] !== undefined) throw new UsageError(`${flag} is not available on squarespace: it filters by customer, modified time and fulfillment status only`);
  }
  // Checked here, not only when first sent: a resumed listing (--cursor) keeps only what the name prints as.
  const payment = f.paymentStatuses?.length ? paymentFilter(f.paymentStatuses) : undefined;
  const keeps = payment?.keeps ?? KEEP_ALL;
  if (f.cursor !== undefined) {
    if (f.cursor.trim() === '') throw new UsageError('--cursor needs the value printed by a previous "orders list"');
    return { query: { cursor: f.cursor }, statuses: [undefined], keeps };
  }
  // Every payment state, always: without paymentStates the API lists only NOT_CHARGED, AUTHORIZED,
  // PAID and REFUNDED (the file's GET /orders parameters), so pending, failed and partly paid
  // orders would be missing from every list, count and export.
  const query: ListQuery = { customerId: f.customer, paymentStates: PAYMENT_STATES.join(',') };
  if (f.customer !== undefined && f.customer.trim() === '') throw new UsageError('--customer needs a customer id');
  if (f.since || f.until) {
    const after = f.since ?? EPOCH;
    const before = f.until ?? now;
    // The API answers 400 when modifiedBefore is not after modifiedAfter (API-NOTES.md §2).
    if (before.getTime() <= after.getTime()) {
      throw new UsageError(f.until ? '--since must be earlier than --until' : '--since is in the future: nothing can have been modified after it');
    }
    query.modifiedAfter = isoUtc(after.getTime());
    query.modifiedBefore = isoUtc(before.getTime());
  }
  if (payment) query.paymentStates = payment.states.join(',');
  // No sort parameter: the API lists by modification time, newest first [I: the docs say "ordered by
  // modifiedOn" without a direction]. That order is accepted by name; any other is refused, not faked.
  if (f.sort && !(f.sort.field === 'updated' && f.sort.direction === 'desc')) {
    throw new UsageError(`cannot sort squarespace orders by ${f.sort.field}:${f.sort.direction}: its API lists them by modification time, newest first (updated:desc)`, { hint: 'bigcommerce, cscart and outshifter sort by created' });
  }
  const natives = nativeCodesForAll('squarespace', f.statuses, STATUS_READING);
  // A status no Squarespace status is labelled with lists nothing.
  return { query, statuses: natives.length ? natives : f.statuses.length ? [] : [undefined], keeps };
}

export function createSquarespaceAdapter(http: (p: PlatformHttp) => HttpClient, profile: Profile, token: string): SquarespaceAdapter {
  return new SquarespaceAdapter(http(squarespaceHttp(profile, token)));
}

export class SquarespaceAdapter implements Adapter {
  readonly platform = 'squarespace' as const;
  readonly statusReading = STATUS_READING;
  /** POST /orders takes an Idempotency-Key: `orders create` makes and prints one. */
  readonly idempotentCreate = true;
  /** No sort parameter: the API lists by modification time, newest first (see listQuery). */
  readonly listedBy = { field: 'updated', direction: 'desc' } as const;
  /** Without paymentStates the API leaves out pending, failed and partly paid orders (API-NOTES.md §2). */
  readonly everyOrder: Partial<OrderFilters> = { paymentStatuses: [...PAYMENT_STATES] };

  /** `now` dates a shipment without --ship-date and closes a --since window when filters carry no time. */
  constructor(
    private readonly http: HttpClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async ping(): Promise<void> {
    // There is no cheaper authenticated read than one page of orders.
    await this.http.request({ method: 'GET', path: '/orders' });
  }

  statusName(nativeStatus: string): string | undefined {
    return statusName(nativeStatus);
  }

  /** testmode orders were paid with a payment method in test mode (seed): tables mark them. */
  isTestOrder(raw: unknown): boolean {
    return Boolean(raw && typeof raw === 'object' && (raw as SqOrder).testmode === true);
  }

  async *listOrders(filters: OrderFilters, paging: Paging): AsyncIterable<Fetched> {
    if (paging.page !== undefined) throw new UsageError('--page is not available on squarespace: it pages by cursor', { hint: 'continue a listing with the --cursor it prints' });
    if (paging.pageSize !== undefined) throw new UsageError(`--page-size is not available on squarespace: the API serves up to ${PAGE_SIZE} orders a page`);
    const { query, statuses, keeps } = listQuery(filters, filters.now ?? this.now());
    if (statuses.length === 1) {
      yield* this.listByStatus(query, statuses[0], paging, keeps);
      return;
    }
    // Several statuses: one stream each (fulfillmentStatus takes one value), merged in the API's
    // order. No cursor can resume a merge, so none is reported.
    const newestChange = orderComparator({ field: 'updated', direction: 'desc' });
    let yielded = 0;
    const streams = statuses.map((status) => this.listByStatus(query, status, { all: paging.all, limit: paging.limit, onMore: paging.onMore }, keeps));
    for await (const fetched of mergeSorted(streams, (a, b) => newestChange(a.order, b.order))) {
      yield fetched;
      if (paging.limit !== undefined && ++yielded >= paging.limit) {
        // The merge stops here: whether another status still had orders is not known without reading on.
        paging.onMore?.({ sure: false });
        return;
      }
    }
  }

  /** One fulfillment status's orders (or all), cursor page by cursor page; those `keeps` refuses are left out. */
  private async *listByStatus(query: ListQuery, status: string | undefined, paging: Paging, keeps: (o: SqOrder) => boolean): AsyncGenerator<Fetched> {
    let yielded = 0;
    let q: ListQuery = status ? { ...query, fulfillmentStatus: status } : query;
    const guard = new PageGuard('squarespace');
    for (let n = 1; ; n++) {
      const res = await this.http.request<SqOrderPage>({ method: 'GET', path: '/orders', query: q });
      const page = expectPage(res.body);
      const next = page.pagination.hasNextPage && page.pagination.nextPageCursor ? page.pagination.nextPageCursor : null;
      const orders = page.result ?? [];
      guard.check({ where: `page ${n} of the order list`, ids: orders.map((o) => o?.id), asked: PAGE_SIZE, cursor: q.cursor, nextCursor: next });
      for (let i = 0; i < orders.length; i++) {
        const raw = orders[i]!;
        assertListedOrder('squarespace', raw, 'id', i);
        const order = toNormalizedOrder(raw);
        if (!keeps(raw)) continue;
        yield { order, raw };
        if (paging.limit !== undefined && ++yielded >= paging.limit) {
          // The cursor starts after the whole page: stopping inside it, there is none that resumes
          // here, unless nothing after this order would have been listed.
          const laterOnPage = orders.slice(i + 1).some(keeps);
          paging.onCursor?.(laterOnPage ? null : next);
          if (laterOnPage || next) paging.onMore?.({ sure: laterOnPage || keeps === KEEP_ALL });
          return;
        }
      }
      paging.onCursor?.(next);
      const more = paging.all || (paging.limit !== undefined && yielded < paging.limit);
      // hasNextPage says more exist (no total is sent); a local filter may find none of them.
      if (next && !more) paging.onMore?.({ sure: keeps === KEEP_ALL });
      if (!next || !more) return;
      q = { cursor: next };
    }
  }

  async getOrder(id: string): Promise<Fetched> {
    checkId(id);
    const res = await this.orderRequest<SqOrder>(id, { method: 'GET', path: pathOf`/orders/${id}` });
    const raw = expectOrder(res.body, 'GET /orders/{id}');
    return { order: toNormalizedOrder(raw), raw };
  }

  validateOrderBody(body: unknown, kind: 'create' | 'update'): unknown {
    if (kind === 'update') throw new UsageError('orders update is not available on squarespace');
    const normalized = normalizeAmounts(body);
    const problem = createOrderProblem(normalized);
    if (problem) throw new UsageError(`invalid Squarespace order: ${problem.message}`, { hint: 'see "Create order" in the Squarespace Commerce API documentation' });
    return normalized;
  }

  async createOrder(body: unknown, opts: { idempotencyKey?: string }): Promise<Fetched> {
    const key = opts.idempotencyKey;
    if (key === undefined) throw new UsageError('Squarespace needs an Idempotency-Key to create an order');
    if (!IDEMPOTENCY_KEY.test(key)) throw new UsageError(`invalid idempotency key "${key}": use at most 64 letters, digits, "-" and "_"`);
    const sent = this.validateOrderBody(body, 'create');
    try {
      // The key makes the POST safe to retry: every retry sends the same key and body.
      const res = await this.http.request<SqOrder>({ method: 'POST', path: '/orders', body: sent, idempotencyKey: key });
      const raw = expectOrder(res.body, 'POST /orders');
      return { order: toNormalizedOrder(raw), raw };
    } catch (err) {
      throw createFailure(err, key);
    }
  }

  checkFulfill(o: FulfillOptions): void {
    this.fulfillBody(o);
  }

  /** The fulfill-order body of these options; what the API would refuse in them is refused here (exit 2). */
  private fulfillBody(o: FulfillOptions) {
    if (o.items.length) throw new UsageError('--item is not available on squarespace: it fulfills whole orders');
    if (o.address !== undefined) throw new UsageError('--address is not available on squarespace: an order has one shipping address');
    if (o.comments !== undefined) throw new UsageError('--comment is not available on squarespace: shipments have no comment');
    const body = { shouldSendNotification: o.notify ?? false, shipments: shipmentsFrom(o, this.now) };
    const problem = fulfillProblem(body);
    if (problem) throw new UsageError(`invalid shipment: ${problem.message.replace(/^shipments\[0\]\./, '')}`);
    return body;
  }

  async fulfillOrder(id: string, o: FulfillOptions): Promise<FulfillResult> {
    checkId(id);
    const body = this.fulfillBody(o);
    try {
      await this.orderRequest(id, { method: 'POST', path: pathOf`/orders/${id}/fulfillments`, body, neverRetryAfterSend: true });
    } catch (err) {
      throw fulfillFailure(err);
    }
    // 204 No Content: Squarespace gives shipments no id.
    return { orderId: id, shipmentId: null, raw: null };
  }

  /** A request about one order: a 404 says which order was not found. */
  private async orderRequest<T>(id: string, spec: RequestSpec) {
    try {
      return await this.http.request<T>(spec);
    } catch (err) {
      if (err instanceof NotFoundError) throw new NotFoundError(`order ${id} not found on squarespace`, { status: 404, hint: 'list orders with "orderctl orders list"' });
      throw err;
    }
  }
}

/**
 * The shipment of --tracking/--carrier/--service (all three required by the API,
 * fulfill-order), or none: then the order is only marked fulfilled.
 * shouldSendNotification defaults to false: no e-mail unless --notify [I].
 */
function shipmentsFrom(o: FulfillOptions, now: () => Date): SqShipment[] {
  const given = { '--tracking': o.tracking, '--carrier': o.carrier, '--service': o.service };
  const any = Object.values(given).some((v) => v !== undefined) || o.trackingUrl !== undefined || o.shipDate !== undefined;
  if (!any) return [];
  const missing = Object.entries(given).filter(([, v]) => v === undefined || v.trim() === '').map(([flag]) => flag);
  if (missing.length) {
    throw new UsageError(`a Squarespace shipment needs --tracking, --carrier and --service; missing ${missing.join(', ')}`, {
      hint: 'or give none of the shipment flags to mark the order fulfilled without a shipment',
    });
  }
  // trackingUrl is left out when not given: the file's CreateOrderShipmentRequest types it a
  // string, and a null is refused (400).
  return [{ shipDate: isoUtc((o.shipDate ?? now()).getTime()), carrierName: o.carrier!, service: o.service!, trackingNumber: o.tracking!, ...(o.trackingUrl !== undefined ? { trackingUrl: o.trackingUrl } : {}) }];
}

// What core/http.ts names the failures where the request never left this machine.
const NEVER_SENT = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT/;

/** A failed fulfill says whether a shipment may have been added (API-NOTES.md, Decisions). */
function fulfillFailure(err: unknown): unknown {
  if (err instanceof NetworkError && !NEVER_SENT.test(err.message)) return new NetworkError(err.message, { hint: SECOND_SHIPMENT_HINT, cause: err });
  if (err instanceof ApiError && err.status !== undefined) {
    if (err.status === 429) return new ApiError(err.message, { status: 429, hint: 'rate limited before anything was processed: nothing was shipped; try again in a minute', cause: err });
    // A 5xx may come after the shipment was stored; a 2xx with a spoilt body certainly does.
    if (err.status >= 500 || err.status < 300) return new ApiError(err.message, { status: err.status, hint: SECOND_SHIPMENT_HINT, cause: err });
  }
  return err;
}

function createFailure(err: unknown, key: string): unknown {
  if (err instanceof RefusedError && err.status === 409) {
    return new RefusedError(err.message, {
      status: 409,
      hint: `a request with this Idempotency-Key may still be in progress: wait, then repeat with --idempotency-key ${key} to get its answer`,
      cause: err,
    });
  }
  if (err instanceof ApiError && err.status === 400 && /idempotency/i.test(err.message)) {
    return new ApiError(err.message, { status: 400, hint: 'an Idempotency-Key belongs to one order body: create a different order with a new key (or none, and one is made)', cause: err });
  }
  // The key makes a repeat harmless: say so when the outcome is unknown.
  const safe = `repeating with --idempotency-key ${key} is safe: the order is created at most once`;
  if (err instanceof NetworkError) return new NetworkError(err.message, { hint: safe, cause: err });
  if (err instanceof ApiError && (err.status === undefined || err.status >= 500 || err.status === 429)) return new ApiError(err.message, { status: err.status, hint: safe, cause: err });
  return err;
}

function expectPage(body: SqOrderPage | undefined): SqOrderPage {
  if (!body || typeof body !== 'object' || !Array.isArray(body.result) || !body.pagination || typeof body.pagination !== 'object') {
    throw new ApiError('squarespace answered GET /orders with an unexpected body (expected result and pagination)');
  }
  return body;
}

function expectOrder(body: SqOrder | undefined, what: string): SqOrder {
  if (!body || typeof body !== 'object' || typeof body.id !== 'string' || typeof body.fulfillmentStatus !== 'string') {
    throw new ApiError(`squarespace answered ${what} with an unexpected body (expected an order)`);
  }
  return body;
}
