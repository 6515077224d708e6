// The sandbox's CS-Cart dialect: the orders API of seeds/cscart-orders.txt and
// API-NOTES.md §3 over the sandbox store. Paths are under /cscart/api, like a
// shop's https://SHOP/api. Where the sources are silent the choice is marked
// [I] (inferred). Like the API, answers carry strings; the computed totals of
// an order's details are numbers, as the seed types them ("float").

import type { Dialect, DialectContext, DialectRequest, DialectResponse } from '../../dialect.js';
import type { Rng } from '../../rng.js';
import type { PlatformSection } from '../../store.js';
import { CS_STATUSES, INCOMPLETE, STATUS_BY_LETTER } from '../../../platforms/cscart/status.js';
import type { CsOrder, CsOrderProduct, CsOrderSummary } from '../../../platforms/cscart/types.js';

export const CSCART = 'cscart';
/** fn_get_orders' $sortings (CS-Cart source); an unknown sort_by falls back to date, desc. */
const SORTINGS = ['order_id', 'status', 'customer', 'email', 'date', 'total'];
export const FIRST_ORDER_ID = 90;
/** items_per_page when none is given: 10 in the docs (seed). */
const DEFAULT_ITEMS_PER_PAGE = 10;

// ---------------------------------------------------------------- state

/** A line as stored: money in cents, so totals never meet float error. */
export interface CsStoredProduct {
  item_id: string;
  product_id: string;
  product_code: string;
  product: string;
  price_cents: number;
  amount: number;
  options: Array<{ option_name: string; variant_name: string }>;
}

/** An order as stored: the list row's fields, the addresses, and money in cents. */
export interface CsStoredOrder {
  order_id: string;
  user_id: string;
  company_id: string;
  timestamp: number;
  updated_at: number;
  firstname: string;
  lastname: string;
  email: string;
  phone: string;
  status: string;
  invoice_id: string;
  vendor_ref: string;
  notes: string;
  details: string;
  lang_code: string;
  address: Record<string, string>; // s_* and b_* fields
  products: CsStoredProduct[];
  shipping_cents: number;
  subtotal_discount_cents: number;
}

export interface CsNotification {
  order_id: string;
  status: string;
  at: number;
}

export interface CsSection extends PlatformSection {
  next: { order: number };
  /** Ascending by id. */
  orders: CsStoredOrder[];
  /** The e-mails status changes with notify_user would have sent: what tests check notify by. */
  notifications: CsNotification[];
}

// ---------------------------------------------------------------- rendering

/** Cents → "12.30", the API's string form (API-NOTES.md §3 list example: "677.95"). */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** Cents → a JSON number (12.3): exact for two decimals, since the division is the parse of "12.30". */
const centsNumber = (cents: number): number => Number(formatCents(cents));

function totals(o: CsStoredOrder) {
  const subtotal = o.products.reduce((n, p) => n + p.price_cents * p.amount, 0);
  const total = Math.max(0, subtotal + o.shipping_cents - o.subtotal_discount_cents);
  // German prices include 19 % VAT [I: the seed's shop is German]: the tax is the share already in the total.
  const tax = Math.round((total * 19) / 119);
  return { subtotal, total, tax };
}

/** One row of GET /orders, as in API-NOTES.md §3: every value a string. */
export function listRow(o: CsStoredOrder): CsOrderSummary {
  return {
    order_id: o.order_id,
    issuer_id: null,
    user_id: o.user_id,
    is_parent_order: 'N',
    parent_order_id: '0',
    company_id: o.company_id,
    timestamp: String(o.timestamp),
    updated_at: String(o.updated_at),
    firstname: o.firstname,
    lastname: o.lastname,
    email: o.email,
    phone: o.phone,
    status: o.status,
    total: formatCents(totals(o).total),
    invoice_id: o.invoice_id,
    credit_memo_id: '',
    points: '0',
  };
}

/** GET /orders/{id}: the seed's "Order Details". */
export function orderDetails(o: CsStoredOrder): CsOrder {
  const t = totals(o);
  const products: Record<string, CsOrderProduct & Record<string, unknown>> = {};
  for (const p of o.products) {
    products[p.item_id] = {
      item_id: p.item_id,
      order_id: o.order_id,
      product_id: p.product_id,
      product_code: p.product_code,
      price: formatCents(p.price_cents),
      amount: String(p.amount),
      product: p.product,
      subtotal: centsNumber(p.price_cents * p.amount),
      product_options: p.options.map((x, i) => ({ option_id: String(i + 1), ...x })),
    };
  }
  return {
    ...listRow(o),
    ip_address: '203.0.113.7',
    lang_code: o.lang_code,
    total: formatCents(t.total),
    discount: '0.00',
    subtotal: centsNumber(t.subtotal),
    subtotal_discount: formatCents(o.subtotal_discount_cents),
    display_subtotal: centsNumber(t.subtotal),
    payment_id: '2',
    payment_info: [],
    payment_method: { payment_id: '2', payment: 'Vorkasse' },
    payment_surcharge: 0,
    repaid: '0',
    products,
    promotion_ids: o.subtotal_discount_cents ? '3' : '',
    promotions: [],
    need_shipping: true,
    shipping_ids: '1',
    shipping: [],
    shipping_id: '1',
    need_shipment: !['C', 'G', 'H', 'I', 'D', 'F'].includes(o.status),
    shipment_ids: '',
    shipping_cost: formatCents(o.shipping_cents),
    display_shipping_cost: centsNumber(o.shipping_cents),
    tax_exempt: 'N',
    tax_subtotal: centsNumber(t.tax),
    taxes: [],
    notes: o.notes,
    details: o.details,
    vendor_ref: o.vendor_ref,
    secondary_currency: 'EUR',
    ...o.address,
  };
}

// ---------------------------------------------------------------- errors

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** `{"message":"<HTTP reason>[: detail]","status":<code>}` (API-NOTES.md §3, Response.php). */
export function csError(status: number, detail?: string, headers?: Record<string, string>): DialectResponse {
  const reason = REASONS[status] ?? 'Error';
  return { status, body: { message: detail ? `${reason}: ${detail}` : reason, status }, ...(headers ? { headers } : {}) };
}

class CsFailure extends Error {
  constructor(
    readonly status: number,
    readonly detail?: string,
  ) {
    super(detail);
  }
}
const fail = (status: number, detail?: string): never => {
  throw new CsFailure(status, detail);
};

// ---------------------------------------------------------------- list

/** PHP's empty(): "", "0", 0, false and null are empty; "N" is not (API-NOTES.md, Decisions). */
export const phpEmpty = (v: unknown): boolean => v === undefined || v === null || v === '' || v === '0' || v === 0 || v === false;

function intParam(query: Record<string, string>, name: string, fallback: number): number {
  const v = query[name];
  // PHP casts: anything that is not a positive whole number falls back to the default.
  return v !== undefined && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : fallback;
}

function unixParam(query: Record<string, string>, name: string): number | undefined {
  const v = query[name];
  if (v === undefined || v === '') return undefined;
  // [I] the docs give no format; the sandbox insists on Unix seconds (API-NOTES.md, Decisions).
  if (!/^\d+$/.test(v)) fail(400, `${name} must be a Unix time in seconds`);
  return Number(v);
}

/** status=P, or status[0]=P&status[1]=C (PHP arrays; fn_get_orders takes both [I]). */
function statusParam(query: Record<string, string>): string[] {
  const letters = Object.entries(query)
    .filter(([k]) => k === 'status' || /^status\[\d*\]$/.test(k))
    .map(([, v]) => v.trim().toUpperCase())
    .filter(Boolean);
  return [...new Set(letters)];
}

function listOrders(sec: CsSection, query: Record<string, string>): DialectResponse {
  const statuses = statusParam(query);
  // Incomplete orders are hidden unless asked for, by status N or include_incompleted (API-NOTES.md §3).
  const includeIncomplete = statuses.includes(INCOMPLETE) || (!phpEmpty(query.include_incompleted) && query.include_incompleted !== 'false');
  const from = unixParam(query, 'updated_at_from');
  const to = unixParam(query, 'updated_at_to');
  const email = query.email?.trim().toLowerCase();
  const rows = sec.orders.filter((o) => {
    if (!includeIncomplete && o.status === INCOMPLETE) return false;
    if (statuses.length && !statuses.includes(o.status)) return false;
    if (query.user_id && o.user_id !== query.user_id) return false;
    // [I] CS-Cart matches the e-mail with LIKE %…%: a part of the address finds it.
    if (email && !o.email.toLowerCase().includes(email)) return false;
    if (query.invoice_id && o.invoice_id !== query.invoice_id) return false;
    if (query.company_id && o.company_id !== query.company_id) return false;
    if (from !== undefined && o.updated_at < from) return false;
    if (to !== undefined && o.updated_at > to) return false;
    return true;
  });
  // An unknown sort_by or sort_order falls back to date, desc (fn_get_orders).
  const sortBy = SORTINGS.includes(query.sort_by ?? '') ? query.sort_by! : 'date';
  const sortOrder = query.sort_order === 'asc' ? 'asc' : 'desc';
  const key = (o: CsStoredOrder): Array<string | number> => {
    switch (sortBy) {
      case 'order_id':
        return [Number(o.order_id)];
      case 'status':
        return [o.status, Number(o.order_id)];
      case 'customer':
        return [o.lastname.toLowerCase(), o.firstname.toLowerCase(), Number(o.order_id)];
      case 'email':
        return [o.email.toLowerCase(), Number(o.order_id)];
      case 'total':
        return [totals(o).total, Number(o.order_id)];
      default:
        return [o.timestamp, Number(o.order_id)];
    }
  };
  const sign = sortOrder === 'asc' ? 1 : -1;
  rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i]! < kb[i]! ? -1 : 1) * sign;
    return 0;
  });
  const page = intParam(query, 'page', 1);
  const perPage = intParam(query, 'items_per_page', DEFAULT_ITEMS_PER_PAGE);
  const slice = rows.slice((page - 1) * perPage, page * perPage);
  const echoed = Object.fromEntries(Object.entries(query).filter(([k]) => !['page', 'items_per_page', 'sort_by', 'sort_order'].includes(k)));
  // get_orders_data: each row becomes the order's full details, as GET /orders/{id} gives them
  // (Orders::index: `if ($this->safeGet($params, 'get_orders_data', false))`, so PHP truthiness).
  const full = !phpEmpty(query.get_orders_data);
  return {
    status: 200,
    body: {
      orders: slice.map(full ? orderDetails : listRow),
      // As in the docs' example: page a number, the rest strings.
      params: {
        ...echoed,
        page,
        items_per_page: String(perPage),
        include_incompleted: includeIncomplete,
        sort_order: sortOrder,
        sort_by: sortBy,
        sort_order_rev: sortOrder === 'asc' ? 'desc' : 'asc',
        total_items: String(rows.length),
      },
    },
  };
}

// ---------------------------------------------------------------- search and update

function searchByVendorRef(sec: CsSection, query: Record<string, string>): DialectResponse {
  const ref = query.vendor_ref;
  if (ref === undefined || ref === '') return fail(400, 'vendor_ref is required');
  const found = sec.orders.filter((o) => o.vendor_ref === ref);
  // "No results where found: HTTP/1.1 404 Not found and message …" (seed).
  if (!found.length) return csError(404, 'Your search did not return any results');
  // "a list of detailed orders" (seed): an array of the same details GET /orders/{id} gives [I].
  return { status: 200, body: found.map(orderDetails) };
}

function updateOrder(sec: CsSection, o: CsStoredOrder, body: unknown, ctx: DialectContext): DialectResponse {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return fail(400, 'the request body must be a JSON object');
  const b = body as Record<string, unknown>;
  const known = ['status', 'notify_user', 'notify_department', 'notify_vendor', 'vendor_ref', 'notes', 'details'];
  if (!Object.keys(b).some((k) => known.includes(k))) return fail(400, 'nothing to update');
  // Check everything before changing anything: a refused PUT changes nothing.
  let status = o.status;
  if (b.status !== undefined) {
    if (typeof b.status !== 'string' || !STATUS_BY_LETTER[b.status]) return fail(400, `unknown status ${JSON.stringify(b.status)}`);
    // "This status cannot be set by administrator" (seed, Incomplete).
    if (b.status === INCOMPLETE) return fail(400, 'the Incomplete status (N) cannot be set');
    status = b.status;
  }
  // "vendor_ref only accepts a single string" (seed).
  if (b.vendor_ref !== undefined && typeof b.vendor_ref !== 'string') return fail(400, 'vendor_ref only accepts a single string');
  for (const k of ['notes', 'details'] as const) if (b[k] !== undefined && typeof b[k] !== 'string') fail(400, `${k} must be a string`);
  for (const k of ['notify_user', 'notify_department', 'notify_vendor']) {
    if (b[k] !== undefined && b[k] !== null && !['string', 'number', 'boolean'].includes(typeof b[k])) fail(400, `${k} must be 0 or 1`);
  }

  const before = JSON.stringify(o);
  const statusChanged = status !== o.status;
  o.status = status;
  if (typeof b.vendor_ref === 'string') o.vendor_ref = b.vendor_ref;
  if (typeof b.notes === 'string') o.notes = b.notes;
  if (typeof b.details === 'string') o.details = b.details;
  // The customer hears of a status change only when notify_user is not PHP-empty (seed: no e-mail by default).
  if (statusChanged && !phpEmpty(b.notify_user)) sec.notifications.push({ order_id: o.order_id, status, at: ctx.now });
  // A PUT that changes nothing is no change: the counter shows retries never applied twice.
  if (JSON.stringify(o) !== before) {
    o.updated_at = Math.floor(ctx.now / 1000);
    ctx.store.recordChange(CSCART, o.order_id);
  }
  return { status: 200, body: { order_id: o.order_id } };
}

function route(sec: CsSection, req: DialectRequest, ctx: DialectContext): DialectResponse {
  // CS-Cart answers /orders and /orders/ alike.
  const parts = req.path.split('/').filter(Boolean);
  const [root, id, extra] = parts;
  if (root !== 'orders' || extra !== undefined) return fail(404);
  const allow = (...methods: string[]) => {
    if (!methods.includes(req.method)) fail(405);
  };
  if (id === undefined) {
    // Creating orders is not part of this shop's orders API (seed) [I]: not emulated.
    allow('GET');
    return listOrders(sec, req.query);
  }
  if (id === 'search') {
    allow('GET');
    return searchByVendorRef(sec, req.query);
  }
  allow('GET', 'PUT');
  const o = sec.orders.find((x) => x.order_id === id);
  // "The order doesn't exist: HTTP/1.1 404 Not Found" (seed).
  if (!o) return fail(404);
  if (req.method === 'GET') return { status: 200, body: orderDetails(o) };
  return updateOrder(sec, o, req.body, ctx);
}

// ---------------------------------------------------------------- seed

const PEOPLE = [
  { first: 'Jürgen', last: 'Müller', email: 'juergen.mueller@example.de', phone: '+49 30 5550101' },
  { first: 'Anna', last: 'Schmidt', email: 'anna.schmidt@example.de', phone: '+49 89 5550102' },
  { first: 'Zoë', last: 'Weiß', email: 'zoe.weiss@example.at', phone: '+43 1 5550103' },
  { first: 'Lukas', last: 'Becker', email: 'lukas.becker@example.de', phone: '' },
  { first: 'Sophie', last: "O'Neill", email: 'sophie.oneill@example.ie', phone: '+353 1 5550105' },
  { first: 'Mehmet', last: 'Yılmaz', email: 'mehmet.yilmaz@example.de', phone: '+49 221 5550106' },
  { first: 'Claire', last: 'Dubois', email: 'claire.dubois@example.ch', phone: '+41 44 5550107' },
  { first: 'Jonas', last: 'Fischer', email: 'jonas.fischer@example.de', phone: '+49 40 5550108' },
  { first: 'Marie', last: 'Wagner', email: 'marie.wagner@example.de', phone: '' },
  { first: 'Felix', last: 'Hoffmann', email: 'felix.hoffmann@example.de', phone: '+49 711 5550110' },
];

const PLACES: Array<[country: string, countryName: string, state: string, stateName: string, city: string, zip: string, street: string]> = [
  ['DE', 'Germany', 'BE', 'Berlin', 'Berlin', '10117', 'Unter den Linden 77'],
  ['DE', 'Germany', 'BY', 'Bayern', 'München', '80331', 'Marienplatz 8'],
  ['DE', 'Germany', 'HH', 'Hamburg', 'Hamburg', '20095', 'Mönckebergstraße 7, Hinterhaus'],
  ['AT', 'Austria', 'W', 'Wien', 'Wien', '1010', 'Stephansplatz 3'],
  ['CH', 'Switzerland', 'ZH', 'Zürich', 'Zürich', '8001', 'Bahnhofstrasse 12'],
];

const CATALOGUE = [
  { id: '12', code: 'MUG-MACKE', name: 'Tasse „Ne Macke“', cents: 1490 },
  { id: '13', code: 'STICKER-SET', name: 'Sticker-Set (10 Stück)', cents: 499 },
  { id: '14', code: 'SHIRT-MACKE', name: 'T-Shirt Macke', cents: 2490, options: [['Größe', ['S', 'M', 'L', 'XL']]] as const },
  { id: '15', code: 'NOTE-A5', name: 'Notizbuch A5, liniert', cents: 990 },
  { id: '16', code: 'BAG-JUTE', name: 'Jutebeutel', cents: 1290, options: [['Farbe', ['Natur', 'Schwarz']]] as const },
  { id: '17', code: 'POSTER-A2', name: 'Poster A2', cents: 1990 },
];

const NOTES = ['', '', '', 'Bitte klingeln.', 'Geschenk – bitte ohne Rechnung beilegen.'];

/**
 * Seeded orders: deterministic from the rng and `now` (a fixed reference
 * date), spread over the ten months before it. Every letter of the seed's
 * table appears once there are 11 orders or more; some orders share a
 * vendor_ref, and a few carry awkward data (umlauts, an apostrophe, a comma
 * in a street, a newline in the notes).
 */
export function seedCsCart(rng: Rng, count: number, now: number): CsSection {
  const sec: CsSection = { changes: {}, next: { order: FIRST_ORDER_ID }, orders: [], notifications: [] };
  const letters = CS_STATUSES.map((s) => s.letter).filter((l) => l !== 'Y');
  const weighted = ['P', 'P', 'P', 'C', 'C', 'C', 'C', 'O', 'O', 'E', 'I', 'D', 'B', 'F', 'G', 'H'];
  const base = rng.shuffle(letters);
  const statuses = count <= base.length ? base.slice(0, count) : rng.shuffle([...base, ...Array.from({ length: count - base.length }, () => rng.pick(weighted))]);
  const nowS = Math.floor(now / 1000);
  const created = Array.from({ length: count }, () => nowS - rng.int(3600, 300 * 86_400)).sort((a, b) => a - b);
  let invoice = 1;
  for (let i = 0; i < count; i++) {
    const id = String(sec.next.order++);
    const guest = rng.chance(0.2);
    const person = rng.pick(PEOPLE);
    const place = rng.pick(PLACES);
    const status = statuses[i]!;
    const address: Record<string, string> = {};
    const recipient = rng.chance(0.8) ? person : rng.pick(PEOPLE);
    for (const [prefix, who] of [['b_', person], ['s_', recipient]] as const) {
      Object.assign(address, {
        [`${prefix}firstname`]: who.first,
        [`${prefix}lastname`]: who.last,
        [`${prefix}address`]: place[6],
        [`${prefix}address_2`]: rng.chance(0.15) ? `${rng.int(1, 5)}. OG` : '',
        [`${prefix}city`]: place[4],
        [`${prefix}state`]: place[2],
        [`${prefix}state_descr`]: place[3],
        [`${prefix}country`]: place[0],
        [`${prefix}country_descr`]: place[1],
        [`${prefix}zipcode`]: place[5],
        [`${prefix}phone`]: who.phone,
      });
    }
    const products = rng.shuffle(CATALOGUE).slice(0, rng.int(1, 3)).map((c) => ({
      item_id: String(rng.int(1_000_000_000, 4_294_967_295)),
      product_id: c.id,
      product_code: c.code,
      product: c.name,
      price_cents: c.cents,
      amount: rng.pick([1, 1, 1, 2, 3]),
      options: 'options' in c && c.options ? c.options.map(([name, values]) => ({ option_name: name, variant_name: rng.pick(values) })) : [],
    }));
    const timestamp = created[i]!;
    const updated = Math.min(nowS - 60, timestamp + (status === 'O' || status === 'N' ? 0 : rng.int(600, 5 * 86_400)));
    sec.orders.push({
      order_id: id,
      user_id: guest ? '0' : String(PEOPLE.indexOf(person) + 2),
      // Multi-Vendor: every fifth order is the second vendor's, so --vendor has something to tell apart.
      company_id: i % 5 === 4 ? '2' : '1',
      timestamp,
      updated_at: updated,
      firstname: person.first,
      lastname: person.last,
      email: person.email,
      phone: person.phone,
      status,
      // Invoices exist once an order is paid [I].
      invoice_id: ['P', 'C', 'G', 'H'].includes(status) ? String(invoice++) : '',
      // Every fourth order carries a reference; two share one, so a search can find several.
      vendor_ref: i % 4 === 1 ? `VR-${1000 + i}` : i === 2 ? `VR-${1000 + 1}` : '',
      notes: i === 3 ? 'Bitte nicht knicken.\nDanke!' : rng.pick(NOTES),
      details: '',
      lang_code: place[0] === 'CH' && rng.chance(0.5) ? 'fr' : 'de',
      address,
      products,
      shipping_cents: rng.pick([0, 490, 590]),
      subtotal_discount_cents: rng.chance(0.15) ? 500 : 0,
    });
  }
  return sec;
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
      if (err instanceof CsFailure) return csError(err.status, err.detail);
      throw err;
    }
  },

  quotaHeaders: () => ({}),
  quotaExceeded: () => csError(429),
  error: (status, message) => csError(status, message),

  summarize: (sec) => ({ orders: sec.orders.length, notifications: sec.notifications.length }),
};
