// BigCommerce Orders V2 (https://api.bigcommerce.com/stores/{store_hash}/v2).
// Quirks relied on, with their sources:
// - an empty page is 204 No Content, not [] (API-NOTES.md §1; aligent/bigcommerce-v3-api-php-client#161)
// - limit is at most 250 (docs/start/about/common-query-params.mdx)
// - POST /orders answers 200 in the spec and 201 per status-codes.mdx: both accepted
// - shipments need order_address_id and items (spec: createOrderShipment)
// - quota headers X-Rate-Limit-* and X-Retry-After (docs/api-docs/getting-started/api-rate-limits.mdx)
// - include=consignments.line_items&consignment_structure=object on GET /orders and
//   GET /orders/{id} puts each order's consignments in the answer, with their line
//   items as GET /orders/{id}/products gives them (spec: order_includes,
//   consignment_structure, orderConsignment_Get): one request for an order with its
//   items and shipping addresses, one per page of 250 for a listing
// Decisions where the documents disagree (README, "Platforms"):
// - money is in default_currency_code, the currency paid in; currency_code is only the
//   display currency (spec "Currency Fields"; seed line 19): see mapping.ts
// - tracking_carrier is "" or an AfterShip courier slug, never free text: see carrierFields
// - archived orders: the spec describes is_deleted: true on an order still read; a store may
//   also answer 404. Both are "not found" (exit 4) and out of every list: see archived
// - a PUT clears the discounts and promotions of the line items it changes (spec updateOrder,
//   the newer text; the older seed page says every discount of the order): the order printed
//   after an update is read after the PUT, so its totals show what the store kept

import { pathOf, unexpectedBody, type HttpClient, type PlatformHttp, type RequestSpec } from '../../core/http.js';
import { ExitCode, isOrderctlError, UsageError, NotFoundError, OrderctlError, RefusedError, UnsupportedError } from '../../core/errors.js';
import { PageGuard } from '../../core/page-guard.js';
import type { Shipment } from '../../core/order.js';
import { toIsoUtc } from '../../core/time.js';
import type { Profile } from '../../core/config.js';
import type {
  Adapter,
  Fetched,
  FulfillOptions,
  FulfillResult,
  OrderCount,
  OrderFilters,
  Paging,
  StatusChange,
} from '../types.js';
import { STATUS_BY_ID, STATUS_READING, toNormalizedOrder, toStatusId } from './mapping.js';
import { mergeSorted } from '../../core/merge.js';
import type { SortField } from '../../core/order.js';
import { DEFAULT_SORT, orderComparator } from '../../core/sort.js';
import { nativeCodesForAll } from '../status-filter.js';
import { PAYMENT_STATUSES_SHOWN, toShipment } from './shipments.js';
import { statusName } from './status.js';
import type { BcError, BcOrder, BcOrderCount, BcOrderProduct, BcShipment, BcShippingAddress, BcShippingAddressBase } from './types.js';
import { assertListedOrder } from '../listed.js';

export const DEFAULT_BASE_URL = 'https://api.bigcommerce.com/stores/{store_hash}/v2';
export const MAX_PAGE_SIZE = 250;
const DEFAULT_PAGE_SIZE = 50;
/** Asks for each order's items and shipping addresses in the order's own answer. */
const WITH_CONSIGNMENTS = { include: 'consignments.line_items', consignment_structure: 'object' } as const;
/** The shared sort names in the API's (GET /orders `sort`: id, customer_id, date_created, date_modified, …); no total. */
const SORT_NAMES: Partial<Record<SortField, string>> = { created: 'date_created', updated: 'date_modified', id: 'id', number: 'id' };
// shipping_provider enum of the spec; any other carrier goes in tracking_carrier.
const PROVIDERS = new Set(['auspost', 'canadapost', 'endicia', 'usps', 'fedex', 'royalmail', 'ups', 'upsready', 'upsonline', 'shipperhq']);

export function bigcommerceHttp(profile: Profile, token: string): PlatformHttp {
  const template = profile.baseUrl ?? DEFAULT_BASE_URL;
  if (template.includes('{store_hash}') && !profile.storeHash) {
    throw new UsageError('this BigCommerce profile has no store hash', { hint: 'orderctl profile add NAME --platform bigcommerce --store-hash HASH' });
  }
  return {
    name: 'bigcommerce',
    baseUrl: template.replace('{store_hash}', encodeURIComponent(profile.storeHash ?? '')),
    authHeaders: { 'x-auth-token': token },
    secrets: [token],
    describeError,
    readQuota: (h) => ({
      left: numberHeader(h['x-rate-limit-requests-left']),
      resetMs: numberHeader(h['x-rate-limit-time-reset-ms']),
    }),
    retryAfterMs: (h) => {
      const reset = numberHeader(h['x-rate-limit-time-reset-ms']);
      if (reset !== undefined) return reset;
      const s = numberHeader(h['x-retry-after']);
      return s === undefined ? undefined : s * 1000;
    },
  };
}

function numberHeader(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** v2 errors are an array: [{"status":404,"message":"…"}] (spec 404_Resp). */
function describeError(body: unknown): string | undefined {
  const list = Array.isArray(body) ? (body as BcError[]) : [body as BcError];
  const messages = list.map((e) => (e && typeof e === 'object' ? (e.message ?? (e as { title?: string }).title) : undefined)).filter(Boolean);
  return messages.length ? messages.join('; ') : undefined;
}

function checkId(id: string): string {
  if (!/^\d+$/.test(id)) throw new UsageError(`invalid BigCommerce order id "${id}": ids are whole numbers`);
  return id;
}

/** Which page of the order list a request asks for. */
interface PageQuery {
  page: number;
  sort?: string;
  min_id?: string;
  max_id?: string;
}

/**
 * Keyset paging: always page 1 of "ids past the last one seen", sorted by id:
 * above it (min_id), or newest first below it (max_id; the first page from the
 * newest, or from --max-id).
 */
function keysetQuery(base: ReturnType<typeof listQuery>, afterId: number | undefined, newestFirst = false): PageQuery {
  if (!newestFirst) return { page: 1, sort: 'id', min_id: String(Math.max(Number(base.min_id ?? 0), (afterId ?? 0) + 1)) };
  const below = afterId === undefined ? undefined : afterId - 1;
  const max = base.max_id === undefined ? below : below === undefined ? Number(base.max_id) : Math.min(Number(base.max_id), below);
  return { page: 1, sort: 'id:desc', max_id: max === undefined ? undefined : String(max) };
}

export function listQuery(f: OrderFilters): Record<string, string | undefined> {
  const iso = (d?: Date) => (d ? toIsoUtc(d) : undefined);
  if (f.customer !== undefined && !/^\d+$/.test(f.customer)) throw new UsageError(`invalid customer id "${f.customer}": BigCommerce customer ids are whole numbers`);
  for (const [flag, v] of [['--min-id', f.minId], ['--max-id', f.maxId]] as const) {
    if (v !== undefined && !/^\d+$/.test(v)) throw new UsageError(`invalid ${flag} "${v}": ids are whole numbers`);
  }
  const spec = f.sort ?? DEFAULT_SORT;
  const name = SORT_NAMES[spec.field];
  if (!name) throw new UsageError(`cannot sort bigcommerce orders by ${spec.field}: its API sorts by ${Object.keys(SORT_NAMES).join(', ')}`, { hint: 'cscart and outshifter sort by total' });
  // [C] The file's sort enum lists bare fields while its description adds ":asc"/":desc":
  // ascending is sent bare, which both accept; descending needs ":desc".
  const sort = spec.direction === 'desc' ? `${name}:desc` : name;
  if (f.channel !== undefined && !/^\d+$/.test(f.channel)) throw new UsageError(`invalid --channel "${f.channel}": BigCommerce channel ids are whole numbers (1 is the storefront)`);
  for (const flag of ['cursor', 'vendorRef', 'invoice'] as const) {
    if (f[flag] !== undefined) throw new UsageError(`--${flag.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())} is not available on bigcommerce`);
  }
  return {
    min_date_modified: iso(f.since),
    max_date_modified: iso(f.until),
    min_date_created: iso(f.createdSince),
    max_date_created: iso(f.createdUntil),
    customer_id: f.customer,
    email: f.email,
    min_id: f.minId,
    max_id: f.maxId,
    sort,
    payment_method: f.paymentMethod,
    channel_id: f.channel,
    min_total: f.minTotal,
    max_total: f.maxTotal,
    external_order_id: f.externalRef,
    cart_id: f.cart,
  };
}

export function createBigCommerceAdapter(http: (p: PlatformHttp) => HttpClient, profile: Profile, token: string): BigCommerceAdapter {
  return new BigCommerceAdapter(http(bigcommerceHttp(profile, token)));
}

export class BigCommerceAdapter implements Adapter {
  readonly platform = 'bigcommerce' as const;
  /** The order id is the number the shop shows the customer. */
  readonly numberIsId = true;
  readonly statusReading = STATUS_READING;
  readonly paymentStatusesShown = PAYMENT_STATUSES_SHOWN;

  constructor(private readonly http: HttpClient) {}

  async ping(): Promise<void> {
    await this.http.request({ method: 'GET', path: '/orders/count' });
  }

  statusName(nativeStatus: string): string | undefined {
    return /^\d+$/.test(nativeStatus) ? statusName(Number(nativeStatus)) : undefined;
  }

  async *listOrders(filters: OrderFilters, paging: Paging): AsyncIterable<Fetched> {
    const base = listQuery(filters);
    // Fetching everything: the biggest pages, fewest requests.
    const pageSize = paging.pageSize ?? (paging.all ? MAX_PAGE_SIZE : paging.limit !== undefined ? Math.min(paging.limit, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new UsageError(`--page-size must be between 1 and ${MAX_PAGE_SIZE} on bigcommerce`);
    }
    const codes = nativeCodesForAll('bigcommerce', filters.statuses, STATUS_READING);
    if (filters.statuses.length && !codes.length) return; // no BigCommerce status is labelled so
    // status_id takes one value: a status that is several ids (awaiting_fulfillment: 8, 9, 11) is one
    // request stream per id, merged in the requested order.
    if (codes.length > 1 && paging.page !== undefined) {
      throw new UsageError(`--page cannot be used with several bigcommerce statuses (${codes.join(', ')}): pages are per status id`, { hint: 'use --limit or --all' });
    }
    const order = orderComparator(paging.keyset ? { field: 'id', direction: paging.newestFirst ? 'desc' : 'asc' } : (filters.sort ?? DEFAULT_SORT));
    const streams = (codes.length ? codes : [undefined]).map((statusId) => this.listByStatus(base, statusId, paging, pageSize));
    // Without --limit or --all a list is one page, also when it is merged from several ids' pages.
    const limit = paging.limit ?? (!paging.all && codes.length > 1 ? pageSize : undefined);
    let yielded = 0;
    for await (const fetched of mergeSorted(streams, (a, b) => order(a.order, b.order))) {
      yield fetched;
      if (limit !== undefined && ++yielded >= limit) {
        // No total and no next-page flag (API-NOTES.md §1): whether more exist is not known.
        paging.onMore?.({ sure: false });
        return;
      }
    }
  }

  /** One status id's orders (or every order), page by page, in the query's sort. */
  private async *listByStatus(base: ReturnType<typeof listQuery>, statusId: string | undefined, paging: Paging, pageSize: number): AsyncGenerator<Fetched> {
    let afterId: number | undefined;
    let yielded = 0;
    const guard = new PageGuard('bigcommerce');
    for (let page = paging.page ?? 1; ; page++) {
      const keyset: PageQuery = paging.keyset ? keysetQuery(base, afterId, paging.newestFirst) : { page };
      const res = await this.http.request<ListedOrder[]>({
        method: 'GET',
        path: '/orders',
        query: { ...base, status_id: statusId, limit: pageSize, ...keyset, ...WITH_CONSIGNMENTS },
        mapElement: (raw, i) => listedOrder(raw, i, !paging.dropRaw),
      });
      const listed = res.status === 204 || !res.body ? [] : expectArray<ListedOrder>(res.body, 'GET /orders');
      const minId = keyset.min_id ?? base.min_id;
      const maxId = keyset.max_id;
      guard.check({
        where: keyset.min_id ? `the page from min_id ${keyset.min_id} of the order list` : maxId ? `the page from max_id ${maxId} of the order list` : `page ${page} of the order list`,
        ids: listed.map((l) => l.id),
        asked: pageSize,
        minId: minId === undefined ? undefined : Number(minId),
        maxId: maxId === undefined ? undefined : Number(maxId),
      });
      for (const { id, fetched } of listed) {
        afterId = id;
        if (!fetched) continue;
        yield fetched;
        yielded++;
      }
      const more = paging.all || (paging.limit !== undefined && yielded < paging.limit);
      // Past the last page the API answers 204; a short page is the last one too.
      if (listed.length < pageSize) return;
      if (!more) {
        // A full page may or may not be the last: the list answer has no total (API-NOTES.md §1).
        paging.onMore?.({ sure: false });
        return;
      }
    }
  }

  async getOrder(id: string): Promise<Fetched> {
    checkId(id);
    const res = await this.orderRequest<BcOrder>(id, { method: 'GET', path: pathOf`/orders/${id}`, query: WITH_CONSIGNMENTS });
    const raw = expectOrder(res, 'GET /orders/{id}');
    if (raw.is_deleted === true) throw archived(id);
    // Shipments have their own endpoint (spec getOrderShipments), read once the order is known to
    // exist, and only when it has shipped something: an order with nothing shipped has none.
    const shipments = raw.items_shipped > 0 ? await this.shipments(id) : [];
    const whole = fromConsignments(raw);
    if (whole) return { order: toNormalizedOrder(raw, whole.products, whole.addresses, shipments), raw: { ...raw, shipments } };
    // A server that ignores include: the items and addresses from their own endpoints.
    this.http.note(`order ${id} came without its consignments: reading its products and shipping addresses one request each`);
    const [products, addresses] = await Promise.all([this.products(id), this.shippingAddresses(id)]);
    return { order: toNormalizedOrder(raw, products, addresses, shipments), raw: { ...raw, products, shipping_addresses: addresses, shipments } };
  }

  async countOrders(filters: OrderFilters): Promise<OrderCount> {
    // The count takes the list's filters but no sort (spec: GET /orders/count).
    const { sort: _sort, ...query } = listQuery(filters);
    const res = await this.http.request<BcOrderCount>({ method: 'GET', path: '/orders/count', query });
    const body = res.body;
    if (!body || typeof body.count !== 'number' || !Array.isArray(body.statuses)) {
      throw new OrderctlError('bigcommerce answered GET /orders/count with an unexpected body', 1, 'api_error');
    }
    const wanted = filters.statuses.length ? new Set(nativeCodesForAll('bigcommerce', filters.statuses, STATUS_READING)) : undefined;
    const statuses = body.statuses
      .filter((s) => !wanted || wanted.has(String(s.id)))
      .map((s) => ({ status: STATUS_BY_ID[s.id] ?? null, nativeStatus: String(s.id), name: s.custom_label || s.name, count: s.count }));
    const count = wanted ? statuses.reduce((n, s) => n + s.count, 0) : body.count;
    return { count, statuses };
  }

  validateOrderBody(body: unknown, kind: 'create' | 'update'): unknown {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new UsageError('the order file must hold one JSON object');
    const b = body as Record<string, unknown>;
    if (kind === 'create') {
      if (!b.billing_address || typeof b.billing_address !== 'object') throw new UsageError('the order needs a "billing_address" object (BigCommerce requires it)');
      const hasProducts = Array.isArray(b.products) && b.products.length > 0;
      const hasConsignments = Array.isArray(b.consignments) && b.consignments.length > 0;
      if (!hasProducts && !hasConsignments) throw new UsageError('the order needs a non-empty "products" or "consignments" array');
      if (hasConsignments && (b.products !== undefined || b.shipping_addresses !== undefined)) {
        throw new UsageError('"consignments" cannot be combined with "products" or "shipping_addresses" (BigCommerce: one fulfillment method per order)');
      }
    }
    if (b.status_id !== undefined && !(Number.isInteger(b.status_id) && (b.status_id as number) >= 0 && (b.status_id as number) <= 14)) {
      throw new UsageError('"status_id" must be a whole number from 0 to 14');
    }
    return body;
  }

  async createOrder(body: unknown): Promise<Fetched> {
    // No idempotency key exists for this endpoint: the client never repeats it once it may have arrived.
    const spec = { method: 'POST', path: '/orders', body: this.validateOrderBody(body, 'create') } as const;
    const res = await this.http.request<BcOrder>(spec);
    const raw = expectOrder(res, 'POST /orders', spec);
    // Like a PUT's, the answer has no items or shipping addresses: read it back whole.
    return this.readBack(String(raw.id), 'created', 'before creating it again');
  }

  async updateOrder(id: string, body: unknown): Promise<Fetched> {
    checkId(id);
    const raw = await this.putOrder(id, this.validateOrderBody(body, 'update'));
    if (raw.is_deleted === true) return { order: toNormalizedOrder(raw), raw };
    // A PUT takes no include (spec updateOrder): its answer has no items, shipping addresses or
    // shipments, so the order is read again to be printed whole (its totals are what the store kept).
    return this.readBack(id, 'updated', 'before updating again');
  }

  /** The order just changed, read whole; a failure says the change is made. */
  private async readBack(id: string, done: string, before: string): Promise<Fetched> {
    try {
      return await this.getOrder(id);
    } catch (err) {
      if (isOrderctlError(err) && err.exitCode === ExitCode.interrupted) throw err;
      const why = err instanceof Error ? err.message : String(err);
      throw new OrderctlError(`order ${id} was ${done} on bigcommerce, but reading it back failed: ${why}`, 1, 'api_error', {
        hint: `the change is made: check it with "orderctl orders get ${id}" ${before}`,
      });
    }
  }

  async setStatus(id: string, status: string): Promise<StatusChange> {
    checkId(id);
    const statusId = toStatusId(status);
    const raw = await this.putOrder(id, { status_id: statusId });
    const order = toNormalizedOrder(raw);
    return { orderId: id, status: order.status, nativeStatus: order.nativeStatus, raw };
  }

  private async putOrder(id: string, body: unknown): Promise<BcOrder> {
    const res = await this.orderRequest<BcOrder>(id, { method: 'PUT', path: pathOf`/orders/${id}`, body });
    return expectOrder(res, 'PUT /orders/{id}');
  }

  async cancelOrder(id: string): Promise<StatusChange> {
    return this.setStatus(id, '5');
  }

  async archiveOrder(id: string): Promise<void> {
    checkId(id);
    // Archiving an archived order: 204 again where the store still reads it (the spec's reading,
    // and the sandbox's), 404 where it answers archived orders as missing; the message says both.
    await this.orderRequest(id, { method: 'DELETE', path: pathOf`/orders/${id}` }, 'it does not exist, or is archived already');
  }

  async fulfillOrder(id: string, o: FulfillOptions): Promise<FulfillResult> {
    checkId(id);
    refuseShipDate(o);
    const [products, addresses] = await Promise.all([this.products(id), this.shippingAddresses(id)]);
    const address = pickAddress(id, addresses, o.address);
    const items = o.items.length ? itemsFromFlags(id, o.items, products) : unshippedItems(products, address.id);
    // The order's state refuses it, not the command line: exit 5, as a platform's own rule would.
    if (items.length === 0) throw new RefusedError(`order ${id} has nothing left to ship`, { hint: `every item is shipped already; see its shipments with "orderctl orders shipments ${id}"` });
    const body = { order_address_id: address.id, items, ...shipmentFields(o) };
    const res = await this.orderRequest<BcShipment>(id, { method: 'POST', path: pathOf`/orders/${id}/shipments`, body, neverRetryAfterSend: true });
    const shipment = res.body;
    return { orderId: id, shipmentId: shipment?.id !== undefined ? String(shipment.id) : null, raw: shipment };
  }

  /** GET /orders/{id}/shipments: 204 when there are none (spec getOrderShipments). */
  async listShipments(id: string): Promise<{ shipments: Shipment[]; raw: unknown }> {
    checkId(id);
    const raw = await this.shipments(id);
    return { shipments: raw.map(toShipment), raw };
  }

  /** PUT …/shipments/{shipment_id} with the fields given (spec orderShipment_Put: items cannot change). */
  async updateShipment(id: string, shipmentId: string, o: FulfillOptions): Promise<{ shipment: Shipment; raw: unknown }> {
    checkId(id);
    checkShipmentId(shipmentId);
    refuseShipDate(o);
    if (o.items.length) throw new UsageError('a shipment\'s items cannot be changed: delete it (--delete) and ship again');
    const body = { ...shipmentFields(o), ...(o.address !== undefined ? { order_address_id: addressId(o.address) } : {}) };
    if (!Object.values(body).some((v) => v !== undefined)) {
      throw new UsageError('nothing to change: give --tracking, --carrier, --service, --tracking-url, --comment or --address');
    }
    // A PUT of the same fields is harmless to repeat.
    const res = await this.shipmentRequest<BcShipment>(id, shipmentId, { method: 'PUT', path: pathOf`/orders/${id}/shipments/${shipmentId}`, body });
    const raw = res.body;
    if (!raw || typeof raw !== 'object' || typeof raw.id !== 'number') throw unexpectedBody('bigcommerce', 'PUT /orders/{id}/shipments/{id}', 'a shipment');
    return { shipment: toShipment(raw), raw };
  }

  /** DELETE …/shipments/{shipment_id}: 204. It sends no e-mail and leaves the order's status as it is (API-NOTES.md §1). */
  async deleteShipment(id: string, shipmentId: string): Promise<void> {
    checkId(id);
    checkShipmentId(shipmentId);
    await this.shipmentRequest(id, shipmentId, { method: 'DELETE', path: pathOf`/orders/${id}/shipments/${shipmentId}` });
  }

  private async shipmentRequest<T>(id: string, shipmentId: string, spec: RequestSpec) {
    try {
      return await this.http.request<T>(spec);
    } catch (err) {
      if (err instanceof NotFoundError) {
        throw new NotFoundError(`order ${id} has no shipment ${shipmentId} on bigcommerce (or the order does not exist)`, { status: 404, hint: `list them with "orderctl orders shipments ${id}"` });
      }
      throw err;
    }
  }

  private async shipments(id: string): Promise<BcShipment[]> {
    return this.allPages<BcShipment>(pathOf`/orders/${id}/shipments`, id);
  }

  private async products(id: string): Promise<BcOrderProduct[]> {
    return this.allPages<BcOrderProduct>(pathOf`/orders/${id}/products`, id);
  }

  private async shippingAddresses(id: string): Promise<BcShippingAddress[]> {
    return this.allPages<BcShippingAddress>(pathOf`/orders/${id}/shipping_addresses`, id);
  }

  private async allPages<T extends { id: number }>(path: string, id: string): Promise<T[]> {
    const out: T[] = [];
    const guard = new PageGuard('bigcommerce');
    for (let page = 1; ; page++) {
      // The spec marks Content-Type required on GET /orders/{order_id}/products (a GET with no
      // body); Prism refuses the request without it (422), so it is sent on these reads.
      const headers = { 'content-type': 'application/json' };
      const res = await this.orderRequest<T[]>(id, { method: 'GET', path, query: { page, limit: MAX_PAGE_SIZE }, headers });
      const rows = res.status === 204 || !res.body ? [] : expectArray<T>(res.body, `GET ${path}`);
      guard.check({ where: `page ${page} of GET ${path}`, ids: rows.map((r) => r?.id), asked: MAX_PAGE_SIZE });
      out.push(...rows);
      if (rows.length < MAX_PAGE_SIZE) return out;
    }
  }

  /** A request about one order: a 404 says which order was not found (and, given `why`, what that may mean). */
  private async orderRequest<T>(id: string, spec: Parameters<HttpClient['request']>[0], why?: string) {
    try {
      return await this.http.request<T>(spec);
    } catch (err) {
      if (err instanceof NotFoundError) {
        throw new NotFoundError(`order ${id} not found on bigcommerce${why ? `: ${why}` : ''}`, { status: 404, hint: 'list orders with "orderctl orders list"' });
      }
      throw err;
    }
  }
}

/** An element of a page of GET /orders: its id (for the page guard), and the order unless it is archived. */
interface ListedOrder {
  id: number;
  fetched?: Fetched;
}

/** Read as the page is parsed, so the platform's JSON of each order dies young (unless the output shows it). */
function listedOrder(raw: unknown, i: number, keepRaw: boolean): ListedOrder {
  assertListedOrder('bigcommerce', raw, 'id', i);
  const o = raw as unknown as BcOrder;
  if (o.is_deleted === true) return { id: o.id }; // archived: out of every list (see archived)
  const whole = fromConsignments(o);
  return { id: o.id, fetched: { order: toNormalizedOrder(o, whole?.products, whole?.addresses), raw: keepRaw ? o : undefined, partial: !whole } };
}

/**
 * An order's items and shipping addresses from its consignments (every kind:
 * shipping, pickups, downloads, gift certificates); undefined when the answer
 * carries none or only links to them, so the caller reads them another way.
 */
export function fromConsignments(o: BcOrder): { products: BcOrderProduct[]; addresses: BcShippingAddressBase[] } | undefined {
  const c = o.consignments;
  if (!c || typeof c !== 'object' || Array.isArray(c) || 'url' in c) return undefined;
  const groups: Array<{ line_items?: unknown }> = [...(c.shipping ?? []), ...(c.pickups ?? []), ...(c.downloads ?? []), ...(c.email?.gift_certificates ?? [])];
  const products = new Map<number, BcOrderProduct>();
  for (const g of groups) {
    const items: unknown[] = Array.isArray(g.line_items) ? g.line_items : g.line_items ? [g.line_items] : [];
    for (const li of items) {
      if (!isProduct(li)) return undefined;
      products.set(li.id, li);
    }
  }
  // A shipping consignment is the shipping address, with the same fields and id [I: spec examples share id 23].
  const addresses = (c.shipping ?? []).map(({ line_items: _items, items_total: _total, items_shipped: _shipped, shipping_method: _method, ...address }) => address);
  return { products: [...products.values()].sort((a, b) => a.id - b.id), addresses };
}

function isProduct(li: unknown): li is BcOrderProduct {
  return Boolean(li && typeof li === 'object' && typeof (li as BcOrderProduct).id === 'number' && typeof (li as BcOrderProduct).quantity === 'number');
}

/**
 * Archived orders, read either way: the spec describes is_deleted on an order that can still
 * be read ("deleted/archived"; a PUT with true is a DELETE), and the sandbox serves it so; a
 * store may instead answer 404, as for an order that never was. Decision: both mean the same
 * to orderctl: not found (exit 4), and out of every list, even a store's that lists them.
 */
function archived(id: string): NotFoundError {
  return new NotFoundError(`order ${id} is archived on bigcommerce`, { status: 404, hint: 'archived orders leave every list; restore it in the control panel to work on it' });
}

function expectArray<T>(body: unknown, what: string): T[] {
  if (!Array.isArray(body)) throw new OrderctlError(`bigcommerce answered ${what} with an unexpected body (expected a list)`, 1, 'api_error');
  return body as T[];
}

/** `sent`: the change request, so a spoilt answer to a create says the order exists. */
function expectOrder(res: { body: BcOrder | undefined }, what: string, sent?: RequestSpec): BcOrder {
  const o = res.body;
  if (!o || typeof o !== 'object' || typeof o.id !== 'number' || typeof o.status_id !== 'number') throw unexpectedBody('bigcommerce', what, 'an order', sent);
  return o;
}

/**
 * --carrier as the spec takes it: a shipping_provider from its list (or carrier_{id}), else a
 * tracking_carrier, which must be "" or an AfterShip courier slug (spec createOrderShipments:
 * "Acceptable values for tracking_carrier"). Slugs are lower-case words joined by hyphens
 * ("dhl", "royal-mail"), so "Royal Mail" is sent as "royal-mail"; anything else is refused
 * here rather than stored as a carrier BigCommerce cannot link.
 */
export function carrierFields(carrier: string | undefined): { shipping_provider: string } | { tracking_carrier: string } | Record<string, never> {
  if (carrier === undefined || carrier.trim() === '') return {};
  const lower = carrier.trim().toLowerCase();
  if (PROVIDERS.has(lower) || /^carrier_[a-z0-9_-]+$/.test(lower)) return { shipping_provider: lower };
  const slug = lower.replace(/[\s_]+/g, '-');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
    throw new UsageError(`--carrier "${carrier}" is neither a BigCommerce shipping provider nor an AfterShip courier slug`, {
      hint: `use one of ${[...PROVIDERS].join(', ')}, or a slug such as dhl or royal-mail (aftership.com supported couriers); --tracking-url sets a link of your own`,
    });
  }
  return { tracking_carrier: slug };
}

/** The carrier, service, tracking and comment fields of a shipment create or update. */
function shipmentFields(o: FulfillOptions) {
  return {
    tracking_number: o.tracking,
    tracking_link: o.trackingUrl,
    shipping_method: o.service,
    ...carrierFields(o.carrier),
    comments: o.comments,
  };
}

/** A shipment is dated when it is made: the API takes no ship date (spec orderShipment_Post). */
function refuseShipDate(o: FulfillOptions): void {
  if (o.shipDate !== undefined) throw new UnsupportedError('--ship-date', 'bigcommerce (a shipment is dated when it is created)', ['squarespace']);
}

function checkShipmentId(id: string): void {
  if (!/^\d+$/.test(id)) throw new UsageError(`invalid BigCommerce shipment id "${id}": ids are whole numbers`);
}

function addressId(v: string): number {
  if (!/^\d+$/.test(v)) throw new UsageError(`invalid --address "${v}": shipping address ids are whole numbers`);
  return Number(v);
}

function pickAddress(id: string, addresses: BcShippingAddress[], wanted?: string): BcShippingAddress {
  if (wanted !== undefined) {
    const a = addresses.find((x) => String(x.id) === wanted);
    if (!a) throw new UsageError(`order ${id} has no shipping address ${wanted}; it has: ${addresses.map((x) => x.id).join(', ') || 'none'}`);
    return a;
  }
  if (addresses.length === 1) return addresses[0]!;
  if (addresses.length === 0) throw new UsageError(`order ${id} has no shipping address to ship to`);
  throw new UsageError(`order ${id} ships to ${addresses.length} addresses: choose one with --address (${addresses.map((a) => a.id).join(', ')})`);
}

function unshippedItems(products: BcOrderProduct[], addressId: number) {
  return products
    .filter((p) => p.order_address_id === undefined || p.order_address_id === addressId)
    .map((p) => ({ order_product_id: p.id, quantity: p.quantity - (p.quantity_shipped ?? 0) }))
    .filter((i) => i.quantity > 0);
}

function itemsFromFlags(id: string, wanted: FulfillOptions['items'], products: BcOrderProduct[]) {
  return wanted.map((w) => {
    const p = products.find((x) => String(x.id) === w.id);
    if (!p) throw new UsageError(`order ${id} has no item ${w.id}; its items are: ${products.map((x) => x.id).join(', ')}`);
    const left = p.quantity - (p.quantity_shipped ?? 0);
    const quantity = w.quantity ?? left;
    // --item parsing keeps quantities at 1 or more: what is short here is the order's unshipped quantity.
    if (quantity < 1 || quantity > left) throw new RefusedError(`item ${w.id} of order ${id} has ${left} left to ship, not ${quantity}`);
    return { order_product_id: p.id, quantity };
  });
}
