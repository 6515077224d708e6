// The sandbox's BigCommerce Orders V2 dialect: the same paths, parameters,
// status codes, error bodies and headers as the documented API, over the
// sandbox store. Sources: shared/specs/bigcommerce-orders-v2.yml (the official
// OpenAPI file, "spec" below) and API-NOTES.md §1; where they are silent the
// choice is marked [I] (inferred).

import type { Dialect, DialectContext, DialectRequest, DialectResponse } from '../../dialect.js';
import type { QuotaReading } from '../../rate-limit.js';
import { bcError, BcFailure, type BcOrderRecord, type BcSection, BIGCOMMERCE, fail, NOT_FOUND, rfc2822 } from './common.js';
import { seedBigCommerce } from './seed.js';
import { createShipment, deleteShipments, updateShipment } from './shipments.js';
import { orderFilter, pageAnswer, sortOrders } from './query.js';
import { countOrders, createOrder, findOrder, renderAddress, renderOrder, statusRows, updateOrder } from './orders.js';
import { consignmentsAsked, renderConsignments } from './consignments.js';

function route(sec: BcSection, req: DialectRequest, ctx: DialectContext): DialectResponse {
  const parts = req.path.split('/').filter(Boolean);
  const method = req.method;
  const allow = (...methods: string[]) => {
    if (!methods.includes(method)) fail(405, `The method ${method} is not supported by this resource.`);
  };
  const [root, id, sub, subId, extra] = parts;
  // An order as GET answers it: with its consignments when include asks for them.
  const asked = consignmentsAsked(req.query);
  const orderAnswer = (r: BcOrderRecord) => (asked ? renderOrder(r.order, req.baseUrl, { consignments: renderConsignments(r, asked, req.baseUrl) }) : renderOrder(r.order, req.baseUrl));

  if (root === 'order_statuses' && parts.length <= 2) {
    allow('GET');
    if (id === undefined) return { status: 200, body: statusRows() };
    const s = /^\d+$/.test(id) ? statusRows()[Number(id)] : undefined;
    return s ? { status: 200, body: s } : fail(404, NOT_FOUND);
  }
  if (root !== 'orders' || parts.length > 4) return fail(404, NOT_FOUND);

  if (id === undefined) {
    allow('GET', 'POST', 'DELETE');
    if (method === 'GET') {
      const list = sortOrders(sec.orders.filter(orderFilter(req.query)), req.query);
      return pageAnswer(list, req.query, orderAnswer);
    }
    if (method === 'POST') return createOrder(sec, req.body, ctx, req.baseUrl);
    // DELETE /orders archives every order (spec deleteOrders).
    for (const r of sec.orders) {
      if (r.order.is_deleted) continue;
      r.order.is_deleted = true;
      r.order.date_modified = rfc2822(ctx.now);
      ctx.store.recordChange(BIGCOMMERCE, r.order.id);
    }
    return { status: 204 };
  }
  if (id === 'count' && sub === undefined) {
    allow('GET');
    return { status: 200, body: countOrders(sec, req.query) };
  }

  const r = findOrder(sec, id);
  if (sub === undefined) {
    allow('GET', 'PUT', 'DELETE');
    if (method === 'GET') return { status: 200, body: orderAnswer(r) };
    if (method === 'PUT') return updateOrder(sec, r, req.body, ctx, req.baseUrl);
    // DELETE /orders/{id} archives it (spec deleteOrder): 204; it is still read, with
    // is_deleted: true (see findOrder). Archiving an archived order changes nothing [I].
    if (r.order.is_deleted) return { status: 204 };
    r.order.is_deleted = true;
    r.order.date_modified = rfc2822(ctx.now);
    ctx.store.recordChange(BIGCOMMERCE, r.order.id);
    return { status: 204 };
  }
  if (extra !== undefined) return fail(404, NOT_FOUND);

  if (sub === 'products') {
    allow('GET');
    if (subId === undefined) return pageAnswer(r.products, req.query);
    const p = r.products.find((x) => String(x.id) === subId);
    return p ? { status: 200, body: p } : fail(404, NOT_FOUND);
  }
  if (sub === 'shipping_addresses' || sub === 'shippingaddresses') {
    allow('GET');
    if (subId === undefined) return pageAnswer(r.addresses, req.query, (a) => renderAddress(a, req.baseUrl));
    const a = r.addresses.find((x) => String(x.id) === subId);
    return a ? { status: 200, body: renderAddress(a, req.baseUrl) } : fail(404, NOT_FOUND);
  }
  if (sub === 'shipments') {
    if (subId === 'count') {
      allow('GET');
      return { status: 200, body: { count: r.shipments.length } };
    }
    if (subId !== undefined) {
      allow('GET', 'PUT', 'DELETE');
      const s = r.shipments.find((x) => String(x.id) === subId);
      if (!s) return fail(404, NOT_FOUND);
      if (method === 'PUT') return updateShipment(r, s, req.body, ctx);
      if (method === 'DELETE') return deleteShipments(r, [s], ctx);
      return { status: 200, body: s };
    }
    allow('GET', 'POST', 'DELETE');
    // GET with no shipments is 204 (spec getOrderShipments: "No shipments exist").
    if (method === 'GET') return pageAnswer(r.shipments, req.query);
    if (method === 'DELETE') return deleteShipments(r, [...r.shipments], ctx);
    return createShipment(sec, r, req.body, ctx);
  }
  return fail(404, NOT_FOUND);
}

// ---------------------------------------------------------------- the dialect

export const bigcommerceDialect: Dialect<BcSection> = {
  platform: BIGCOMMERCE,
  prefix: '/bigcommerce/stores/:hash/v2',
  basePath: '/bigcommerce/stores/sandbox/v2',
  // Standard and Plus plans: 150 requests per 30 s (api-rate-limits.mdx; API-NOTES.md §1).
  defaultRateLimit: { requests: 150, windowMs: 30_000 },

  seed: seedBigCommerce,

  authenticate(headers, token) {
    // X-Auth-Token (spec securitySchemes); header names are case-insensitive.
    const given = headers['x-auth-token'];
    if (given === token) return undefined;
    return bcError(401, given ? 'The X-Auth-Token is not valid for this store.' : 'The X-Auth-Token header is missing: authenticate with an API account token.');
  },

  handle(req, ctx) {
    const sec = ctx.store.section<BcSection>(BIGCOMMERCE);
    try {
      return route(sec, req, ctx);
    } catch (err) {
      if (err instanceof BcFailure) return bcError(err.status, err.message);
      throw err;
    }
  },

  // X-Rate-Limit-* on every answer (api-rate-limits.mdx; API-NOTES.md §1).
  quotaHeaders: (q: QuotaReading) => ({
    'X-Rate-Limit-Time-Window-Ms': String(q.windowMs),
    'X-Rate-Limit-Time-Reset-Ms': String(q.resetMs),
    'X-Rate-Limit-Requests-Quota': String(q.quota),
    'X-Rate-Limit-Requests-Left': String(q.left),
  }),

  quotaExceeded: (q: QuotaReading) =>
    bcError(429, 'You have exceeded the request quota for this time window. Retry after X-Retry-After seconds.', {
      'X-Retry-After': String(Math.max(1, Math.ceil(q.resetMs / 1000))),
    }),

  error: bcError,

  summarize(sec) {
    const archived = sec.orders.filter((r) => r.order.is_deleted).length;
    return { orders: sec.orders.length - archived, archived, shipments: sec.orders.reduce((n, r) => n + r.shipments.length, 0) };
  },
};

export type { BcOrderRecord, BcSection, StoredAddress, StoredOrder } from './common.js';
export { bcError, FIRST_ORDER_ID, formatMoney, MAX_LIMIT, parseApiDate, parseMoney, rfc2822 } from './common.js';
export { CATALOGUE } from './reference.js';
export { seedBigCommerce } from './seed.js';
