// Every dialect's list order, ties included: many orders are given the same
// date, and each list must be in the platform's order with its documented (or
// inferred) tie-break, page after page.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BcSection } from '../../../src/sandbox/dialects/bigcommerce/common.js';
import { parseApiDate } from '../../../src/sandbox/dialects/bigcommerce/index.js';
import type { CsSection } from '../../../src/sandbox/dialects/cscart/index.js';
import { OUTSHIFTER, type OsSection } from '../../../src/sandbox/dialects/outshifter/index.js';
import { SQUARESPACE, type SqSection } from '../../../src/sandbox/dialects/squarespace/index.js';
import { apiFor, openSandbox, type Api, type Opened } from './support.js';

let opened: Opened;
const clients: Api[] = [];
const client = (platform: string, headers: Record<string, string>): Api => {
  const plain = apiFor(opened.sandbox.baseUrls[platform]!, undefined);
  clients.push(plain);
  return Object.assign(<T,>(m: string, p: string, b?: unknown, h: Record<string, string> = {}) => plain<T>(m, p, b, { ...headers, ...h }), { close: () => plain.close() }) as Api;
};

beforeAll(async () => {
  opened = await openSandbox({ orders: 90 });
});
afterAll(async () => {
  for (const c of clients) await c.close();
  await opened.close();
});

/** Every third order gets the first one's value: runs of ties among distinct values. */
function tie<T>(rows: T[], get: (r: T) => string | number, set: (r: T, v: string | number) => void): void {
  const shared = get(rows[0]!);
  rows.forEach((r, i) => {
    if (i % 3 === 0) set(r, shared);
  });
}

describe('BigCommerce list order', () => {
  type Row = { id: number; date_created: string; date_modified: string; status_id: number };
  const cmp = (field: 'date_created' | 'date_modified' | 'status_id', dir: 1 | -1) => (a: Row, b: Row) => {
    const x = field === 'status_id' ? a[field] : parseApiDate(a[field])!;
    const y = field === 'status_id' ? b[field] : parseApiDate(b[field])!;
    return (x < y ? -1 : x > y ? 1 : 0) * dir || a.id - b.id;
  };

  it('sorts by a date or a field, ties by id ascending, the same on every page', async () => {
    const sec = opened.sandbox.store.section<BcSection>('bigcommerce');
    tie(sec.orders, (r) => r.order.date_created, (r, v) => (r.order.date_created = String(v)));
    tie(sec.orders.slice(1), (r) => r.order.date_modified, (r, v) => (r.order.date_modified = String(v)));
    const cases: Array<[string, ReturnType<typeof cmp>]> = [
      ['date_created:desc', cmp('date_created', -1)],
      ['date_created', cmp('date_created', 1)],
      ['date_modified:desc', cmp('date_modified', -1)],
      ['status_id:desc', cmp('status_id', -1)],
    ];
    for (const [sort, compare] of cases) {
      const all = (await opened.api<Row[]>('GET', `/orders?sort=${sort}&limit=250`)).body;
      expect(all.length).toBe(90);
      expect(all.map((o) => o.id), sort).toEqual([...all].sort(compare).map((o) => o.id));
      const pages: Row[] = [];
      for (let page = 1; page <= 13; page++) pages.push(...((await opened.api<Row[]>('GET', `/orders?sort=${sort}&limit=7&page=${page}`)).body ?? []));
      expect(pages.map((o) => o.id)).toEqual(all.map((o) => o.id));
    }
  });
});

describe('CS-Cart list order', () => {
  type Row = { order_id: string; timestamp: string; status: string };
  it('sorts by date or status, ties by id in the same direction', async () => {
    const sec = opened.sandbox.store.section<CsSection>('cscart');
    tie(sec.orders, (o) => o.timestamp, (o, v) => (o.timestamp = Number(v)));
    const api = client('cscart', { authorization: `Basic ${Buffer.from(`admin@example.com:${opened.sandbox.token}`).toString('base64')}` });
    const key = (o: Row, by: string) => (by === 'status' ? [o.status, Number(o.order_id)] : [Number(o.timestamp), Number(o.order_id)]);
    for (const [by, order] of [['date', 'desc'], ['date', 'asc'], ['status', 'asc']] as const) {
      const rows = (await api<{ orders: Row[] }>('GET', `/orders?sort_by=${by}&sort_order=${order}&items_per_page=500`)).body.orders;
      const sign = order === 'asc' ? 1 : -1;
      const expected = [...rows].sort((a, b) => {
        const [ka, kb] = [key(a, by), key(b, by)];
        for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i]! < kb[i]! ? -1 : 1) * sign;
        return 0;
      });
      expect(rows.length).toBeGreaterThan(30);
      expect(rows.map((o) => o.order_id), `${by} ${order}`).toEqual(expected.map((o) => o.order_id));
    }
  });
});

describe('Squarespace list order', () => {
  type Row = { id: string; modifiedOn: string };
  it('lists newest change first, ties by id descending, and cursors carry on through ties', async () => {
    const sec = opened.sandbox.store.section<SqSection>(SQUARESPACE);
    tie(sec.orders, (o) => o.modifiedOn, (o, v) => (o.modifiedOn = String(v)));
    const api = client('squarespace', { authorization: `Bearer ${opened.sandbox.token}`, 'user-agent': 'orderctl-test/1.0' });
    const rows: Row[] = [];
    let page = (await api<{ result: Row[]; pagination: { nextPageCursor: string | null } }>('GET', '/orders')).body;
    rows.push(...page.result);
    while (page.pagination.nextPageCursor) {
      page = (await api<typeof page>('GET', `/orders?cursor=${encodeURIComponent(page.pagination.nextPageCursor)}`)).body;
      rows.push(...page.result);
    }
    const expected = [...rows].sort((a, b) => Date.parse(b.modifiedOn) - Date.parse(a.modifiedOn) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    expect(rows.length).toBeGreaterThan(50); // more than one page of 50
    expect(new Set(rows.map((o) => o.id)).size).toBe(rows.length);
    expect(rows.map((o) => o.id)).toEqual(expected.map((o) => o.id));
  });
});

describe('Outshifter list order', () => {
  type Row = { id: number; createdAt: string };
  it('lists newest first, ties by id descending', async () => {
    const sec = opened.sandbox.store.section<OsSection>(OUTSHIFTER);
    tie(sec.orders, (o) => o.createdAt, (o, v) => (o.createdAt = String(v)));
    const api = client('outshifter', { authorization: opened.sandbox.token });
    const rows = (await api<Row[]>('GET', '/orders?storefront=sandbox')).body;
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.map((o) => o.id)).toEqual([...rows].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id).map((o) => o.id));
  });

  it('pages a paged variant in the same order, each page in the variant’s words', async () => {
    const sec = opened.sandbox.store.section<OsSection>(OUTSHIFTER);
    const api = client('outshifter', { authorization: opened.sandbox.token });
    const whole = (await api<Array<Row & { status: string }>>('GET', '/orders?storefront=sandbox')).body;
    sec.wire = { list: { pageSize: 4 }, statusNames: { PAID: 'PROCESSING' } };
    try {
      const rows: Array<Row & { status: string }> = [];
      for (let page = 1; ; page++) {
        const r = (await api<{ data: typeof rows; total: number; page: number; pageSize: number }>('GET', `/orders?storefront=sandbox&page=${page}`)).body;
        expect(r).toMatchObject({ total: whole.length, page, pageSize: 4 });
        if (!r.data.length) break;
        rows.push(...r.data);
      }
      expect(rows.map((o) => o.id)).toEqual(whole.map((o) => o.id));
      expect(rows.map((o) => o.status)).toEqual(whole.map((o) => (o.status === 'PAID' ? 'PROCESSING' : o.status)));
      expect(rows.some((o) => o.status === 'PROCESSING')).toBe(true);
    } finally {
      delete sec.wire;
    }
  });
});
