// Outshifter REST (https://api.outshifter.com/api): orders, and the whole
// buying flow — cart, checkout, payment, flat-rate shipping. Quirks relied on,
// with their sources (seeds/outshifter-*.txt = seed; API-NOTES.md §4):
// - the API key goes in Authorization as the raw key, no scheme, as Outshifter's
//   own Magento connector sends it (API-NOTES.md, Decisions; the docs name no header)
// - orders are listed per channel storefront with status, dateFrom, dateTo
//   (seed). The path is not shown: GET /orders with the storefront as a query
//   parameter, the REST path the wording implies (API-NOTES.md, Decisions). No
//   paging is documented: one answer holds the whole list. Which time the dates
//   filter by is not said [I: last change, so --since means what it does elsewhere].
//   A profile's --list-request says otherwise (guesses.ts); an answer that looks
//   paged, or that did not filter as asked, stops the listing naming it
// - cancelling is per item: PUT /orders/{id}/items/{itemId} {"status":"CANCELED"}
//   under the API root (API-NOTES.md, Decisions; the seed's example drops /api);
//   --cancel-item-url says otherwise, and a 404/405 there names it
//   An order of one item is cancelled whole; of several, item by item; never
//   after shipping, when "a return must be initiated" instead (seed)
// - cart and checkout answers mix snake_case and camelCase, amounts as strings
//   or numbers (seed): mapping.ts reads every form
// - the payment PATCH creates a pending order (seed): it is never repeated once
//   it may have arrived; so are POSTs that create carts, checkouts and orders
// - no error format or rate limit is published [I]

import type { Profile } from '../../core/config.js';
import { ApiError, NotFoundError, RefusedError, UsageError } from '../../core/errors.js';
import { pathOf, unexpectedBody, type HttpClient, type PlatformHttp, type RequestSpec } from '../../core/http.js';
import { toIsoUtc } from '../../core/time.js';
import type { CartItemInput, Checkout, CheckoutPatch, Commerce, Got, PaymentInit } from '../commerce.js';
import type { Adapter, CancelOptions, Fetched, OrderFilters, Paging, StatusChange } from '../types.js';
import { fromContact, text, toCart, toCheckout, toKlarna, toNormalizedOrder, toPayment, toPaymentMethods, toQuote } from './mapping.js';
import { orderBodyProblems } from './rules.js';
import { CANCELED, DOCUMENTED_CODES, statusTable, type StatusTable } from './status.js';
import { GUESS_EXAMPLES, guessesOf, wrongGuess, type Guesses, type ListSlot } from './guesses.js';
import { nativeCodesForAll } from '../status-filter.js';
import { DEFAULT_SORT, orderComparator } from '../../core/sort.js';
import type { OsCart, OsCheckout, OsError, OsKlarnaSession, OsLineItem, OsOrder, OsPayment, OsPaymentStarted, OsQuote } from './types.js';
import { assertListedOrder } from '../listed.js';

export const DEFAULT_BASE_URL = 'https://api.outshifter.com/api';
/** What a list shows without --all or --limit, as the paged platforms' first page. */
export const DEFAULT_LIST_LIMIT = 50;

export const RETURN_HINT = 'shipped items cannot be cancelled: start a return in Outshifter\'s return solution instead';

export function outshifterHttp(profile: Profile, token: string): PlatformHttp {
  return {
    name: 'outshifter',
    baseUrl: profile.baseUrl ?? DEFAULT_BASE_URL,
    authHeaders: { authorization: token },
    secrets: [token],
    describeError,
  };
}

/** {statusCode, message, error}, message a sentence or a list [I: no format is published]. */
export function describeError(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const e = body as OsError;
  const m = Array.isArray(e.message) ? e.message.join('; ') : e.message;
  return typeof m === 'string' && m.trim() ? m.trim() : typeof e.error === 'string' ? e.error : undefined;
}

/** Orders and their items have whole-number ids ("order_id": 3232, seed); carts, their lines and checkouts UUIDs or numbers. */
function checkId(id: string, what: 'order' | 'item' | 'cart' | 'cart item' | 'checkout'): string {
  const numeric = what === 'order' || what === 'item';
  if (numeric ? /^\d{1,18}$/.test(id) : /^[A-Za-z0-9_-]{1,64}$/.test(id)) return id;
  throw new UsageError(`invalid Outshifter ${what} id "${id}"${numeric ? `: ${what} ids are whole numbers` : ''}`, { hint: numeric ? `list them with "orderctl orders ${what === 'order' ? 'list' : 'get ORDER'}"` : undefined });
}

const UNSUPPORTED_FILTERS: Array<[keyof OrderFilters, string]> = [
  ['createdSince', '--created-since'],
  ['createdUntil', '--created-until'],
  ['customer', '--customer'],
  ['email', '--email'],
  ['minId', '--min-id'],
  ['maxId', '--max-id'],
  ['cursor', '--cursor'],
  ['vendorRef', '--vendor-ref'],
  ['invoice', '--invoice'],
];

/** "2021-07-01": the documented form of dateFrom/dateTo (seed). */
const day = (d: Date) => toIsoUtc(d).slice(0, 10);

export function createOutshifterAdapter(http: (p: PlatformHttp) => HttpClient, profile: Profile, token: string): OutshifterAdapter {
  return new OutshifterAdapter(http(outshifterHttp(profile, token)), profile.storefront, profile.currency, guessesOf(profile, DEFAULT_BASE_URL));
}

/** Keys of a list answer that say it is one page of more (none is documented for Outshifter). */
const PAGING_KEYS = ['page', 'pages', 'totalPages', 'total_pages', 'pageCount', 'page_count', 'pageSize', 'page_size', 'perPage', 'per_page', 'next', 'nextPage', 'next_page', 'next_page_url', 'hasMore', 'has_more', 'hasNextPage', 'cursor', 'nextCursor', 'next_cursor', 'pagination', 'links', 'offset'];
const COUNT_KEYS = ['total', 'totalCount', 'total_count', 'count'];

export class OutshifterAdapter implements Adapter, Commerce {
  readonly platform = 'outshifter' as const;
  readonly statusReading;
  readonly commerce: Commerce = this;
  private readonly statuses: StatusTable;

  constructor(
    private readonly http: HttpClient,
    private readonly storefront?: string,
    private readonly currency?: string,
    private readonly guesses: Guesses = guessesOf({}, DEFAULT_BASE_URL),
  ) {
    this.statuses = statusTable(guesses.statusMap);
    this.statusReading = this.statuses.reading;
  }

  statusName(native: string): string | undefined {
    return this.statuses.info(native)?.name;
  }

  /** The payment methods: a cheap authenticated read that needs no storefront. */
  async ping(): Promise<void> {
    await this.http.request({ method: 'GET', path: '/checkout/payment-methods' });
  }

  // ---------------------------------------------------------------- orders

  async *listOrders(f: OrderFilters, paging: Paging): AsyncIterable<Fetched> {
    for (const [key, flag] of UNSUPPORTED_FILTERS) {
      if (f[key] !== undefined) throw new UsageError(`${flag} is not available on outshifter: it lists by status and date (--since/--until) only`);
    }
    if (paging.page !== undefined || paging.pageSize !== undefined) throw new UsageError('--page and --page-size do not apply on outshifter: its order list is not paged');
    if (!this.storefront) {
      throw new UsageError('this Outshifter profile has no storefront: orders are listed per channel storefront', {
        hint: 'orderctl profile add NAME --platform outshifter --storefront STOREFRONT --token-stdin',
      });
    }
    const limit = paging.all ? Infinity : (paging.limit ?? DEFAULT_LIST_LIMIT);
    const codes = nativeCodesForAll('outshifter', f.statuses, this.statusReading);
    if (f.statuses.length && !codes.length) return; // no Outshifter status is labelled so
    const list = this.guesses.list;
    // The list is not paged: each answer is whole, so the orders are sorted here, in any order asked.
    // A filter the request cannot carry (a --list-request without its slot) is applied here too.
    const found = new Map<string, Fetched>();
    const values = { storefront: this.storefront, dateFrom: f.since && day(f.since), dateTo: f.until && day(f.until) };
    /** Reads the list asked with `status`, keeping the orders of `wanted`; how many it listed. */
    const read = async (status: string | undefined, wanted: string[]): Promise<number> => {
      let listed = 0;
      for await (const raw of this.fetchOrderList({ ...values, status })) {
        listed++;
        const order = toNormalizedOrder(raw, this.currency, this.statuses);
        this.checkFiltered(raw, order, status);
        if (wanted.length && !wanted.includes(this.statuses.info(order.nativeStatus)?.native ?? '')) continue;
        // The API filters by whole days: the exact instants are applied here.
        const at = order.updatedAt ? Date.parse(order.updatedAt) : NaN;
        if ((f.since && at < f.since.getTime()) || (f.until && at > f.until.getTime())) continue;
        found.set(order.id, { order, raw });
      }
      return listed;
    };
    const unanswered: string[] = [];
    for (const status of codes.length && list.has.has('status') ? codes : [undefined]) {
      const listed = await read(status, codes);
      if (status !== undefined && listed === 0 && !DOCUMENTED_CODES.has(status)) unanswered.push(status);
    }
    // No order for a code the documents do not show may be the store spelling it otherwise
    // ("In transit" for IN_TRANSIT): its orders are then looked for in the whole list (one more
    // request, only then), where each carries the store's own spelling.
    if (unanswered.length) await read(undefined, unanswered);
    const compare = orderComparator(paging.keyset ? { field: 'id', direction: paging.newestFirst ? 'desc' : 'asc' } : (f.sort ?? DEFAULT_SORT));
    // The answer is whole: how many there are is known, at no cost.
    if (found.size > limit) paging.onMore?.({ sure: true, total: found.size });
    yield* [...found.values()].sort((a, b) => compare(a.order, b.order)).slice(0, limit);
  }

  /**
   * The order list as the profile's --list-request (or the guess) asks for it:
   * one whole answer, or with a {page} slot, pages 1, 2, … until one brings
   * nothing new. An answer that looks paged when no {page} was asked for, and
   * a 404/405 on the path, stop the listing naming the guess.
   */
  private async *fetchOrderList(values: Partial<Record<ListSlot, string>>): AsyncIterable<OsOrder> {
    const list = this.guesses.list;
    const seen = new Set<string>();
    for (let page = 1; ; page++) {
      const filled: Partial<Record<ListSlot, string>> = { ...values, page: list.has.has('page') ? String(page) : undefined };
      const args: Record<string, string | number | undefined> = {};
      for (const p of list.params) args[p.name] = p.slot ? filled[p.slot] : p.text;
      const path = list.path.replace('{storefront}', encodeURIComponent(this.storefront ?? ''));
      const spec: RequestSpec = list.method === 'GET' ? { method: 'GET', path, query: args } : { method: 'POST', path, body: Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined)), readOnly: true };
      let res;
      try {
        res = await this.http.request<unknown>(spec);
      } catch (err) {
        throw this.listRefused(err);
      }
      const { rows, paged } = orderRows(res.body, res.headers);
      if (paged && !list.has.has('page')) {
        throw wrongGuess(`outshifter answered ${list.method} ${list.path} with one page of more (${paged}; ${rows.length} orders here): that the order list is not paged is a guess`, 'listRequest', quoted(`${list.text}&page={page}`));
      }
      let fresh = 0;
      for (const [i, raw] of rows.entries()) {
        assertListedOrder('outshifter', raw, 'id', i);
        if (seen.has(String(raw.id))) continue;
        seen.add(String(raw.id));
        fresh++;
        yield raw;
      }
      if (!list.has.has('page') || fresh === 0) return;
    }
  }

  /** A refused list: the path, method or parameter names may be what is wrong, and the message says which setting changes them. */
  private listRefused(err: unknown): unknown {
    const list = this.guesses.list;
    const status = (err as { status?: number }).status;
    if (err instanceof NotFoundError || status === 405) {
      return wrongGuess(`outshifter answered ${list.method} ${list.path} with ${status}: the order list's path and method are a guess (the documents do not show them)`, 'listRequest', quoted(list.text));
    }
    if (status === 400) return wrongGuess(`${(err as Error).message} (the order list's parameter names are a guess: ${list.text})`, 'listRequest', quoted(list.text), 400);
    return err;
  }

  /** An answer to a filter it did not apply means the parameter's name is wrong: never print it as if it were filtered. */
  private checkFiltered(raw: OsOrder, order: { nativeStatus: string | null }, status: string | undefined): void {
    const list = this.guesses.list;
    const param = (slot: ListSlot) => list.params.find((p) => p.slot === slot)?.name ?? slot;
    if (status !== undefined && order.nativeStatus && this.statuses.info(order.nativeStatus)?.native !== status) {
      throw wrongGuess(`outshifter answered a list of ${param('status')}=${status} with order ${String(raw.id)} of status ${order.nativeStatus}: it did not filter by "${param('status')}" (the list's parameter names are a guess)`, 'listRequest', quoted(list.text));
    }
    const front = text(raw.storefront);
    if (front !== null && this.storefront !== undefined && front !== this.storefront) {
      throw wrongGuess(`outshifter answered a list of storefront ${this.storefront} with order ${String(raw.id)} of storefront ${front}: it did not filter by "${list.path.includes('{storefront}') ? 'the path' : param('storefront')}" (the list's request is a guess)`, 'listRequest', quoted(list.text));
    }
  }

  async getOrder(id: string): Promise<Fetched> {
    const raw = await this.about<OsOrder>('order', id, { method: 'GET', path: pathOf`/orders/${checkId(id, 'order')}` });
    return { order: toNormalizedOrder(raw, this.currency, this.statuses), raw };
  }

  validateOrderBody(body: unknown): unknown {
    const problems = orderBodyProblems(body);
    if (problems.length) throw new UsageError(`the order file is not a valid Outshifter order: ${problems.join('; ')}`);
    return body;
  }

  async createOrder(body: unknown): Promise<Fetched> {
    const spec: RequestSpec = { method: 'POST', path: '/orders', body: this.validateOrderBody(body), neverRetryAfterSend: true };
    const res = await this.http.request<OsOrder>(spec);
    return { order: made(spec, 'an order', () => toNormalizedOrder(res.body!, this.currency, this.statuses)), raw: res.body };
  }

  /**
   * The items a cancel means: those named, every live one (allItems), or the
   * only one. Refused here, before any request, when shipping has happened.
   */
  async planCancel(id: string, o: CancelOptions): Promise<string[]> {
    const { order } = await this.getOrder(id);
    const live = order.items.filter((i) => i.status !== 'cancelled');
    const info = this.statuses.info(order.nativeStatus);
    const refuse = () => new RefusedError(`order ${id} is ${info?.name.toLowerCase() ?? order.nativeStatus}: it can no longer be cancelled`, { hint: RETURN_HINT });
    if (info?.native === CANCELED) return [];
    if (info?.cancellable === false) throw refuse();
    const known = (list: typeof order.items) => list.map((i) => `${i.id} (${i.title}${i.variant ? `, ${i.variant}` : ''})`).join(', ');
    if (o.items?.length) {
      const missing = o.items.filter((it) => !order.items.some((i) => i.id === it));
      if (missing.length) throw new UsageError(`order ${id} has no item ${missing.join(', ')}`, { hint: `its items: ${known(order.items)}` });
      return o.items;
    }
    if (o.allItems || order.items.length === 1) return live.map((i) => i.id);
    throw new UsageError(`order ${id} has ${order.items.length} items: Outshifter cancels them one by one`, {
      hint: `name them with --item ITEM, or cancel all with --all-items (items: ${known(live)})`,
    });
  }

  async cancelItem(id: string, itemId: string): Promise<StatusChange> {
    checkId(itemId, 'item');
    checkId(id, 'order');
    const path = this.guesses.cancelItem.replace('{order}', encodeURIComponent(id)).replace('{item}', encodeURIComponent(itemId));
    let raw: OsOrder;
    try {
      raw = (await this.http.request<OsOrder>({ method: 'PUT', path, body: { status: CANCELED } })).body as OsOrder;
    } catch (err) {
      // Shipped since we looked: the API's refusal, with what to do instead.
      if (err instanceof RefusedError) throw new RefusedError(err.message, { status: err.status, hint: RETURN_HINT });
      if (err instanceof NotFoundError || (err as { status?: number }).status === 405) throw await this.cancelRefused(id, itemId, err as Error);
      throw err;
    }
    const order = raw && typeof raw === 'object' && 'id' in raw ? toNormalizedOrder(raw, this.currency, this.statuses) : undefined;
    const item = raw?.items?.find((i) => String(i.id) === itemId);
    return { orderId: id, status: order?.status ?? null, nativeStatus: text(item?.status) ?? CANCELED, raw };
  }

  /**
   * A 404/405 to the cancel: when the order is there to read, the URL is what
   * was not found, and the URL is a guess; otherwise the order is not found.
   */
  private async cancelRefused(id: string, itemId: string, err: Error): Promise<Error> {
    const { order } = await this.getOrder(id); // its own 404 names the order
    if (!order.items.some((i) => i.id === itemId)) return new NotFoundError(`order ${id} has no item ${itemId} on outshifter`, { status: 404 });
    const status = (err as { status?: number }).status;
    return wrongGuess(`outshifter answered PUT ${this.guesses.cancelItem} with ${status ?? 404}, though order ${id} and its item ${itemId} are there: the cancel-item URL is a guess (under the API root; the document's example has no /api)`, 'cancelItemUrl', GUESS_EXAMPLES.cancelItemUrl, status);
  }

  /** Every planned item in turn; the order's state after the last. */
  async cancelOrder(id: string, o: CancelOptions): Promise<StatusChange> {
    let last: StatusChange | undefined;
    for (const itemId of await this.planCancel(id, o)) last = await this.cancelItem(id, itemId);
    return last ?? { orderId: id, status: 'cancelled', nativeStatus: CANCELED, raw: undefined };
  }

  // ---------------------------------------------------------------- carts

  async createCart(o: { sessionId: string; currency?: string }): Promise<Got<ReturnType<typeof toCart>>> {
    const spec: RequestSpec = { method: 'POST', path: '/cart', body: { customer_session_id: o.sessionId, currency: o.currency }, neverRetryAfterSend: true };
    const res = await this.http.request<OsCart>(spec);
    return { value: made(spec, 'a cart', () => toCart(res.body!)), raw: res.body };
  }

  async getCart(id: string) {
    const raw = await this.about<OsCart>('cart', id, { method: 'GET', path: pathOf`/cart/${checkId(id, 'cart')}` });
    return { value: toCart(raw), raw };
  }

  /** Several items in one request (seed); the cart is read back to show it whole. */
  async addCartItems(id: string, items: CartItemInput[]) {
    const needPrice = items.some((i) => i.unitPrice !== undefined);
    const currency = needPrice ? (await this.getCart(id)).value.currency : undefined;
    const line_items = items.map((i) => ({
      product_id: Number(i.productId),
      variant_id: i.variantId === undefined ? null : Number(i.variantId),
      quantity: i.quantity,
      ...(i.unitPrice !== undefined ? { price_data: { unit_price: i.unitPrice, currency } } : {}),
    }));
    await this.about<{ line_items: OsLineItem[] }>('cart', id, { method: 'POST', path: pathOf`/cart/${checkId(id, 'cart')}/item/add`, body: { line_items }, neverRetryAfterSend: true });
    return this.getCart(id);
  }

  async updateCartItem(id: string, itemId: string, quantity: number) {
    await this.about('cart item', itemId, { method: 'PATCH', path: pathOf`/cart/${checkId(id, 'cart')}/item/update/${checkId(itemId, 'cart item')}`, body: { qty: quantity }, idempotent: true });
    return this.getCart(id);
  }

  async removeCartItem(id: string, itemId: string): Promise<void> {
    await this.about('cart item', itemId, { method: 'PATCH', path: pathOf`/cart/${checkId(id, 'cart')}/item/delete/${checkId(itemId, 'cart item')}` });
  }

  async deleteCart(id: string): Promise<void> {
    await this.about('cart', id, { method: 'DELETE', path: pathOf`/cart/${checkId(id, 'cart')}` });
  }

  async klarna(cartId: string) {
    const spec: RequestSpec = { method: 'POST', path: pathOf`/cart/${checkId(cartId, 'cart')}/init-payment-klarna`, neverRetryAfterSend: true };
    const raw = await this.about<OsKlarnaSession>('cart', cartId, spec);
    return { value: made(spec, 'an order_id', () => toKlarna(raw, cartId, this.guesses.klarnaOrderField)), raw };
  }

  // ---------------------------------------------------------------- checkouts

  async createCheckout(cartId: string) {
    const spec: RequestSpec = { method: 'POST', path: '/checkout', body: { cart_id: checkId(cartId, 'cart') }, neverRetryAfterSend: true };
    const raw = await this.about<OsCheckout>('cart', cartId, spec);
    return { value: made(spec, 'a checkout', () => toCheckout(raw, this.guesses.shippingRateField)), raw };
  }

  async getCheckout(id: string): Promise<Got<Checkout>> {
    const raw = await this.about<OsCheckout>('checkout', id, { method: 'GET', path: pathOf`/checkout/${checkId(id, 'checkout')}` });
    return { value: toCheckout(raw, this.guesses.shippingRateField), raw };
  }

  async updateCheckout(id: string, p: CheckoutPatch): Promise<Got<Checkout>> {
    const body: Record<string, unknown> = {};
    if (p.shippingAddress) body.shipping_address = fromContact(p.shippingAddress);
    if (p.billingAddress) body.billing_address = fromContact(p.billingAddress);
    if (p.email !== undefined) body.email = p.email;
    if (p.paymentMethod !== undefined) body.payment_method = p.paymentMethod;
    if (p.shippingRate !== undefined) body[this.guesses.shippingRateField] = p.shippingRate;
    if (p.successUrl !== undefined) body.success_url = p.successUrl;
    if (p.cancelUrl !== undefined) body.cancel_url = p.cancelUrl;
    // Setting fields to values: a repeat changes nothing more.
    const raw = await this.about<OsCheckout>('checkout', id, { method: 'PATCH', path: pathOf`/checkout/${checkId(id, 'checkout')}`, body, idempotent: true });
    const value = toCheckout(raw, this.guesses.shippingRateField);
    // The rate's field is a guess: an API that ignored it would leave the checkout unpayable, silently.
    if (p.shippingRate !== undefined && value.shippingRate?.code !== p.shippingRate) {
      const field = this.guesses.shippingRateField;
      throw wrongGuess(`outshifter answered PATCH /checkout/${id} without the shipping rate ${p.shippingRate} in "${field}": the checkout field of the shipping rate is a guess (the documents require a rate and name no field)`, 'shippingRateField', GUESS_EXAMPLES.shippingRateField);
    }
    return { value, raw };
  }

  async deleteCheckout(id: string): Promise<void> {
    await this.about('checkout', id, { method: 'DELETE', path: pathOf`/checkout/${checkId(id, 'checkout')}` });
  }

  async paymentMethods() {
    const res = await this.http.request<unknown>({ method: 'GET', path: '/checkout/payment-methods' });
    return { value: toPaymentMethods(res.body), raw: res.body };
  }

  /** The documented flat body (seed); it creates the pending order, so it is sent at most once. */
  async startPayment(id: string, o: PaymentInit) {
    const body = { success_url: o.successUrl, cancel_url: o.cancelUrl, payment_method: o.method, ...fromContact(o.contact) };
    const spec: RequestSpec = { method: 'PATCH', path: pathOf`/checkout/${checkId(id, 'checkout')}/payment`, body, neverRetryAfterSend: true };
    const raw = await this.about<OsPaymentStarted>('checkout', id, spec);
    if (!raw || typeof raw.checkout_url !== 'string' || raw.order_id === undefined || raw.order_id === null) throw unexpectedBody('outshifter', `PATCH /checkout/${id}/payment`, 'checkout_url and order_id', spec);
    return { value: { checkoutId: id, checkoutUrl: raw.checkout_url, orderId: String(raw.order_id) }, raw };
  }

  async getPayment(id: string) {
    const raw = await this.about<OsPayment>('checkout', id, { method: 'GET', path: pathOf`/checkout/${checkId(id, 'checkout')}/payment` });
    return { value: toPayment(raw, id), raw };
  }

  /** POST /shipping/flat-rate (seed): a quote changes nothing, so it is safe to repeat. */
  async shippingQuote(q: { items: Array<{ productId: string; quantity: number }>; country: string; currency: string }) {
    const body = { items: q.items.map((i) => ({ productId: Number(i.productId), quantity: i.quantity })), destination: { country: q.country }, currency: q.currency };
    const res = await this.http.request<OsQuote>({ method: 'POST', path: '/shipping/flat-rate', body, readOnly: true });
    return { value: toQuote(res.body!), raw: res.body };
  }

  /** A request about one thing: a 404 names it. */
  private async about<T>(what: string, id: string, spec: RequestSpec): Promise<T> {
    try {
      return (await this.http.request<T>(spec)).body as T;
    } catch (err) {
      if (err instanceof NotFoundError) throw new NotFoundError(`${what} ${id} not found on outshifter`, { status: 404 });
      throw err;
    }
  }
}

/** Reads the answer to a change that is never repeated: an unreadable one still means it was made. */
function made<T>(spec: RequestSpec, expected: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    // A guess that failed says so itself; other unreadable answers say the change was made.
    if (err instanceof ApiError && err.code !== 'guess_failed') throw unexpectedBody('outshifter', `${spec.method} ${spec.path}`, expected, spec);
    throw err;
  }
}

/** A list request as the user would write it back on a command line. */
const quoted = (t: string) => `'${t}'`;

/**
 * The list answer: an array, or one wrapped in {orders} or {data} [I: the
 * answer is not documented], and what in it (or its headers) says it is one
 * page of more: paging keys, a total above what came, a Link rel="next".
 */
function orderRows(body: unknown, headers: Record<string, string>): { rows: OsOrder[]; paged?: string } {
  const o = body as Record<string, unknown> | undefined;
  const rows = Array.isArray(body) ? body : Array.isArray(o?.orders) ? o.orders : Array.isArray(o?.data) ? o.data : undefined;
  if (!rows) throw new ApiError('outshifter answered the order list with an unexpected body (expected a list of orders)');
  const signs: string[] = [];
  if (!Array.isArray(body) && o) {
    for (const k of PAGING_KEYS) if (o[k] !== undefined && o[k] !== null) signs.push(`${k}: ${JSON.stringify(o[k]).slice(0, 40)}`);
    for (const k of COUNT_KEYS) if (typeof o[k] === 'number' && (o[k] as number) > rows.length) signs.push(`${k}: ${o[k] as number}`);
  }
  const link = headers.link ?? headers.Link;
  if (link && /rel="?next"?/i.test(link)) signs.push('a Link header with rel="next"');
  const total = Number(headers['x-total-count']);
  if (Number.isFinite(total) && total > rows.length) signs.push(`x-total-count: ${total}`);
  return { rows: rows as OsOrder[], paged: signs.length ? signs.join(', ') : undefined };
}
