// The sandbox's CS-Cart dialect: the orders API of seeds/cscart-orders.txt and
// API-NOTES.md §3 over the sandbox store. Paths are under /cscart/api, like a
// shop's https://SHOP/api. Where the sources are silent the choice is marked
// [I] (inferred). Every fact is read here from the documents (wire.ts,
// requests.ts), never taken from the adapter, so a misreading on one side
// shows against the other.

import type { Dialect, DialectContext, DialectRequest, DialectResponse } from '../../dialect.js';
import { sortByKeys } from '../../keyed-sort.js';
import { createRng, deriveSeed } from '../../rng.js';
import { listRow, orderDetails } from './answers.js';
import { CsRefusal, includesIncomplete, positiveInt, readNewOrder, readUpdate, refuse, statusLetters, unixSeconds } from './requests.js';
import { CSCART, totalsOf, type CsSection, type CsStoredOrder } from './section.js';
import { PEOPLE, seedCsCart } from './seed.js';
import { DEFAULT_ITEMS_PER_PAGE, errorBody, INCOMPLETE, NEW_ORDER_STATUS, phpEmpty, SORTINGS } from './wire.js';

export { CSCART, FIRST_ORDER_ID, formatCents, type CsNotification, type CsSection, type CsStoredOrder, type CsStoredProduct } from './section.js';
export { listRow, orderDetails } from './answers.js';
export { seedCsCart } from './seed.js';
export { phpEmpty } from './wire.js';

export function csError(status: number, detail?: string, headers?: Record<string, string>): DialectResponse {
  return { status, body: errorBody(status, detail), ...(headers ? { headers } : {}) };
}

// ---------------------------------------------------------------- GET /orders

function listOrders(sec: CsSection, query: Record<string, string>): DialectResponse {
  const letters = statusLetters(query);
  const includeIncomplete = includesIncomplete(query, letters);
  const from = unixSeconds(query, 'updated_at_from');
  const to = unixSeconds(query, 'updated_at_to');
  const email = query.email?.trim().toLowerCase();
  const rows = sec.orders.filter((o) => {
    if (!includeIncomplete && o.status === INCOMPLETE) return false;
    if (letters.length && !letters.includes(o.status)) return false;
    if (query.user_id && o.user_id !== query.user_id) return false;
    // [I] CS-Cart matches the e-mail with LIKE %…%: a part of the address finds it.
    if (email && !o.email.toLowerCase().includes(email)) return false;
    if (query.invoice_id && o.invoice_id !== query.invoice_id) return false;
    if (query.company_id && o.company_id !== query.company_id) return false;
    // "Searches only for the orders last modified during the specified date period" (seed): both ends included [I].
    if (from !== undefined && o.updated_at < from) return false;
    if (to !== undefined && o.updated_at > to) return false;
    return true;
  });
  // sort_by "date" and sort_order "desc" by default (seed); an unknown value falls back to them (fn_get_orders).
  const sortBy = (SORTINGS as readonly string[]).includes(query.sort_by ?? '') ? query.sort_by! : 'date';
  const sortOrder = query.sort_order === 'asc' ? 'asc' : 'desc';
  const key = (o: CsStoredOrder): Array<string | number> => {
    const id = Number(o.order_id);
    switch (sortBy) {
      case 'order_id':
        return [id];
      case 'status':
        return [o.status, id];
      case 'customer':
        return [o.lastname.toLowerCase(), o.firstname.toLowerCase(), id];
      case 'email':
        return [o.email.toLowerCase(), id];
      case 'total':
        return [totalsOf(o).total, id];
      default:
        return [o.timestamp, id];
    }
  };
  const sign = sortOrder === 'asc' ? 1 : -1;
  // Keys once per order, not per comparison (a total is computed from the lines).
  const sorted = sortByKeys(rows, key, (ka, kb) => {
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i]! < kb[i]! ? -1 : 1) * sign;
    return 0;
  }).map((x) => x.item);
  const page = positiveInt(query, 'page', 1);
  const perPage = positiveInt(query, 'items_per_page', DEFAULT_ITEMS_PER_PAGE);
  const slice = sorted.slice((page - 1) * perPage, page * perPage);
  const echoed = Object.fromEntries(Object.entries(query).filter(([k]) => !['page', 'items_per_page', 'sort_by', 'sort_order'].includes(k)));
  // get_orders_data: each row becomes the order's full details, as GET /orders/{id} gives them
  // (Orders::index: `if ($this->safeGet($params, 'get_orders_data', false))`, so PHP truthiness; API-NOTES.md §3).
  const full = !phpEmpty(query.get_orders_data);
  return {
    status: 200,
    body: {
      orders: slice.map(full ? orderDetails : listRow),
      // As in the docs' example (API-NOTES.md §3): page a number, the rest strings.
      params: {
        ...echoed,
        page,
        items_per_page: String(perPage),
        include_incompleted: includeIncomplete,
        sort_order: sortOrder,
        sort_by: sortBy,
        sort_order_rev: sortOrder === 'asc' ? 'desc' : 'asc',
        total_items: String(sorted.length),
      },
    },
  };
}

// ---------------------------------------------------------------- GET /orders/search/

function searchByVendorRef(sec: CsSection, query: Record<string, string>): DialectResponse {
  const ref = query.vendor_ref;
  // "Request failed: HTTP/1.1 400 Bad request" (seed).
  if (ref === undefined || ref === '') return refuse(400, 'vendor_ref is required');
  const found = sec.orders.filter((o) => o.vendor_ref === ref);
  // "No results where found: HTTP/1.1 404 Not found and message …" (seed).
  if (!found.length) return csError(404, 'Your search did not return any results');
  // "a list of detailed orders" (seed): an array of the same details GET /orders/{id} gives [I].
  return { status: 200, body: found.map(orderDetails) };
}

// ---------------------------------------------------------------- PUT /orders/{id}

function updateOrder(sec: CsSection, o: CsStoredOrder, body: unknown, ctx: DialectContext): DialectResponse {
  // Everything is read before anything changes: a refused PUT changes nothing.
  const u = readUpdate(body);
  const before = JSON.stringify(o);
  const statusChanged = u.status !== undefined && u.status !== o.status;
  if (u.status !== undefined) o.status = u.status;
  if (u.vendorRef !== undefined) o.vendor_ref = u.vendorRef;
  if (u.notes !== undefined) o.notes = u.notes;
  if (u.details !== undefined) o.details = u.details;
  if (statusChanged && u.notifyUser) sec.notifications.push({ order_id: o.order_id, status: o.status, at: ctx.now });
  // A PUT that changes nothing is no change: the counter shows retries never applied twice.
  if (JSON.stringify(o) !== before) {
    o.updated_at = Math.floor(ctx.now / 1000);
    ctx.store.recordChange(CSCART, o.order_id);
  }
  // "HTTP/1.1 200 OK and the order ID: { "order_id": "98" }" (seed).
  return { status: 200, body: { order_id: o.order_id } };
}

// ---------------------------------------------------------------- POST /orders

/** A registered customer of the sandbox shop: user ids 2…11, as the seed gives them. */
const customerOf = (userId: string) => PEOPLE[Number(userId) - 2];

function createOrder(sec: CsSection, body: unknown, ctx: DialectContext): DialectResponse {
  const n = readNewOrder(body, (id) => customerOf(id) !== undefined);
  const id = String(sec.next.order++);
  const person = customerOf(n.userId);
  const d = n.userData;
  const rng = createRng(deriveSeed(Number(id), 'cscart-item'));
  const nowS = Math.floor(ctx.now / 1000);
  const address: Record<string, string> = {};
  for (const prefix of ['b_', 's_']) {
    for (const f of ['firstname', 'lastname', 'address', 'address_2', 'city', 'state', 'state_descr', 'country', 'country_descr', 'zipcode', 'phone']) {
      address[`${prefix}${f}`] = d[`${prefix}${f}`] ?? (f === 'firstname' ? (person?.first ?? '') : f === 'lastname' ? (person?.last ?? '') : '');
    }
  }
  sec.orders.push({
    order_id: id,
    user_id: n.userId,
    // Every product of the sandbox catalogue is the first vendor's [I].
    company_id: '1',
    timestamp: nowS,
    updated_at: nowS,
    firstname: person?.first ?? d.b_firstname ?? '',
    lastname: person?.last ?? d.b_lastname ?? '',
    email: person?.email ?? d.email ?? '',
    phone: person?.phone ?? d.phone ?? d.b_phone ?? '',
    // "new orders always status O" (API-NOTES.md §3).
    status: NEW_ORDER_STATUS,
    invoice_id: '',
    vendor_ref: '',
    notes: typeof (body as Record<string, unknown>).notes === 'string' ? ((body as Record<string, unknown>).notes as string) : '',
    details: '',
    lang_code: 'de',
    address,
    products: n.lines.map((l) => ({
      item_id: String(rng.int(1_000_000_000, 4_294_967_295)),
      product_id: l.product.id,
      product_code: l.product.code,
      product: l.product.name,
      // "price comes from the catalogue" (API-NOTES.md §3).
      price_cents: l.product.cents,
      amount: l.amount,
      options: l.options,
    })),
    shipping_cents: 490,
    subtotal_discount_cents: 0,
    payment_id: n.paymentId,
    shipping_id: n.shippingId,
  });
  ctx.store.recordChange(CSCART, id);
  // "201 {"order_id":"98"}" (API-NOTES.md §3).
  return { status: 201, body: { order_id: id } };
}

// ---------------------------------------------------------------- routes

function route(sec: CsSection, req: DialectRequest, ctx: DialectContext): DialectResponse {
  // CS-Cart answers /orders and /orders/ alike.
  const [root, id, extra] = req.path.split('/').filter(Boolean);
  if (root !== 'orders' || extra !== undefined) return refuse(404);
  const allow = (...methods: string[]) => {
    if (!methods.includes(req.method)) refuse(405);
  };
  if (id === undefined) {
    allow('GET', 'POST');
    return req.method === 'GET' ? listOrders(sec, req.query) : createOrder(sec, req.body, ctx);
  }
  if (id === 'search') {
    allow('GET');
    return searchByVendorRef(sec, req.query);
  }
  // Delete is documented (API-NOTES.md §3) but not emulated [I]: nothing here deletes orders.
  allow('GET', 'PUT');
  const o = sec.orders.find((x) => x.order_id === id);
  // "The order doesn't exist: HTTP/1.1 404 Not Found" (seed).
  if (!o) return refuse(404);
  if (req.method === 'GET') return { status: 200, body: orderDetails(o) };
  return updateOrder(sec, o, req.body, ctx);
}

// ---------------------------------------------------------------- the dialect

/** Basic credentials: any admin e-mail (it has an "@"), with the sandbox token as the API key. */
function credentials(header: string | undefined): { user: string; key: string } | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!m) return undefined;
  const text = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? undefined : { user: text.slice(0, colon), key: text.slice(colon + 1) };
}

export const cscartDialect: Dialect<CsSection> = {
  platform: CSCART,
  prefix: '/cscart/api',
  basePath: '/cscart/api',
  // No rate limits are documented (API-NOTES.md §3): none unless the sandbox is given one.

  seed: seedCsCart,

  authenticate(headers, token) {
    const c = credentials(headers.authorization);
    if (c && c.user.includes('@') && c.key === token) return undefined;
    // A 401 carries WWW-Authenticate: Basic realm="User email/API key" (API-NOTES.md §3).
    return csError(401, undefined, { 'WWW-Authenticate': 'Basic realm="User email/API key"' });
  },

  handle(req, ctx) {
    const sec = ctx.store.section<CsSection>(CSCART);
    try {
      return route(sec, req, ctx);
    } catch (err) {
      if (err instanceof CsRefusal) return csError(err.status, err.detail);
      throw err;
    }
  },

  quotaHeaders: () => ({}),
  quotaExceeded: () => csError(429),
  error: (status, message) => csError(status, message),

  summarize: (sec) => ({ orders: sec.orders.length, notifications: sec.notifications.length }),
};
