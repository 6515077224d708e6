// What the sandbox puts on the wire for list pages holding ASCII, Latin-1, CJK
// and emoji text: exactly the UTF-8 bytes of JSON.stringify(body), with a
// Content-Length that counts them, while onExchange still sees the body
// object; a truncated answer announces all of those bytes and sends half.

import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BcSection } from '../../../src/sandbox/dialects/bigcommerce/common.js';
import type { CsSection } from '../../../src/sandbox/dialects/cscart/index.js';
import { SQUARESPACE, type SqSection } from '../../../src/sandbox/dialects/squarespace/index.js';
import type { Exchange } from '../../../src/sandbox/server.js';
import { openSandbox, type Opened } from './support.js';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: Buffer;
  /** Whether the whole announced body arrived. */
  complete: boolean;
}

/** A GET over its own socket, keeping the bytes as they came, also when the server drops the connection. */
function rawGet(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.get(url, { headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', () => undefined); // a dropped connection: what came is kept
      res.on('close', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks), complete: res.complete }));
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
  });
}

const NAMES = ['山田', '太郎', 'Zoë', 'Ångström', '🎁 Gift', 'Müller 👍🏽', 'Plain'];
let opened: Opened;
const exchanges: Exchange[] = [];

beforeAll(async () => {
  opened = await openSandbox({ orders: 300, onExchange: (ex) => exchanges.push(ex) });
  const { store } = opened.sandbox;
  store.section<BcSection>('bigcommerce').orders.forEach((r, i) => {
    if (i % 40 === 3) r.order.billing_address.first_name = NAMES[(i / 40) % NAMES.length | 0]!;
  });
  store.section<CsSection>('cscart').orders.forEach((o, i) => {
    if (i % 25 === 1) o.firstname = NAMES[i % NAMES.length]!;
  });
  store.section<SqSection>(SQUARESPACE).orders.forEach((o, i) => {
    if (i % 9 === 2) o.customerEmail = `${NAMES[i % NAMES.length]!}@example.com`;
  });
});
afterAll(async () => {
  await opened.close();
});

const expected = (ex: Exchange) => Buffer.from(JSON.stringify(ex.responseBody), 'utf8');

async function page(platform: string, path: string, headers: Record<string, string>) {
  exchanges.length = 0;
  const raw = await rawGet(`${opened.sandbox.baseUrls[platform]}${path}`, headers);
  expect(exchanges).toHaveLength(1);
  return { raw, ex: exchanges[0]! };
}

const bc = { 'x-auth-token': 'sandbox-token', accept: 'application/json' };

describe('list pages on the wire', () => {
  it('BigCommerce: a page of 250 orders with consignments is JSON.stringify’s bytes, counted in Content-Length', async () => {
    const { raw, ex } = await page('bigcommerce', '/orders?limit=250&sort=date_created:desc&include=consignments.line_items&consignment_structure=object', bc);
    expect(raw.status).toBe(200);
    expect(Array.isArray(ex.responseBody)).toBe(true);
    expect((ex.responseBody as unknown[]).length).toBe(250);
    expect(raw.bytes.equals(expected(ex))).toBe(true);
    expect(Number(raw.headers['content-length'])).toBe(raw.bytes.length);
    expect(raw.headers['content-type']).toBe('application/json');
    for (const name of ['山田', 'Zoë', '🎁 Gift']) expect(raw.bytes.includes(Buffer.from(name))).toBe(true);
  });

  it('CS-Cart: the {orders, params} envelope', async () => {
    const auth = `Basic ${Buffer.from(`admin@example.com:${opened.sandbox.token}`).toString('base64')}`;
    const { raw, ex } = await page('cscart', '/orders?items_per_page=300', { authorization: auth });
    expect(raw.status).toBe(200);
    expect(raw.bytes.equals(expected(ex))).toBe(true);
    expect(Number(raw.headers['content-length'])).toBe(raw.bytes.length);
    expect(raw.bytes.includes(Buffer.from('太郎'))).toBe(true);
  });

  it('Squarespace: the {result, pagination} envelope', async () => {
    const { raw, ex } = await page('squarespace', '/orders', { authorization: `Bearer ${opened.sandbox.token}`, 'user-agent': 'orderctl-test/1.0' });
    expect(raw.status).toBe(200);
    expect(raw.bytes.equals(expected(ex))).toBe(true);
    expect(Number(raw.headers['content-length'])).toBe(raw.bytes.length);
    expect(NAMES.some((n) => raw.bytes.includes(Buffer.from(n)))).toBe(true);
  });

  it('an empty page (BigCommerce 204) has no body and Content-Length 0', async () => {
    const { raw } = await page('bigcommerce', '/orders?limit=250&page=99', bc);
    expect(raw.status).toBe(204);
    expect(raw.bytes.length).toBe(0);
  });

  it('truncated: announces every byte of the page and sends the first half', async () => {
    opened.sandbox.injectFaults(['truncated']);
    const { raw, ex } = await page('bigcommerce', '/orders?limit=250&include=consignments.line_items&consignment_structure=object', bc);
    const whole = expected(ex);
    expect(raw.status).toBe(200);
    expect(Number(raw.headers['content-length'])).toBe(whole.length);
    expect(raw.complete).toBe(false);
    expect(raw.bytes.equals(whole.subarray(0, Math.floor(whole.length / 2)))).toBe(true);
  });
});
