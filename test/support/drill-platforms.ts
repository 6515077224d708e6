// The platforms the drills run on, one entry each: how to reach its sandbox
// dialect, which commands change an order and whether their change request may
// be repeated, and where hostile text goes in its stored orders. A platform
// joins every drill (faults, secrets, hostile responses, bad input) by adding
// its entry here.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Profile } from '../../src/core/config.js';
import type { Platform } from '../../src/core/order.js';
import type { Sandbox } from '../../src/sandbox/server.js';

/** One command that changes an order. */
export interface DrillMutation {
  /** e.g. 'status --set'. */
  name: string;
  args(id: string): string[];
  /** The order (its --raw JSON from a listing) is one this command really changes. */
  eligible(raw: Record<string, unknown>): boolean;
  /** The change request is safe to send twice (PUT; a POST with an Idempotency-Key). */
  repeatable: boolean;
  /** Once made, the change may make a repeat answer "not found" (archive, on a store that answers archived orders 404): the advised retry may end so (exit 4, saying so). */
  goneWhenDone?: RegExp;
}

export interface DrillPlatform {
  platform: Platform;
  /** Profile fields beyond baseUrl and token. */
  profile?: Partial<Profile>;
  /** Every form the secret takes on the wire (the token itself is always searched). */
  secretForms(token: string, profile: Partial<Profile>): string[];
  /** orders create, where the platform has it: a valid body, distinct per n. */
  create?: { body(n: number): unknown; repeatable: boolean };
  mutations: DrillMutation[];
  /** Writes `text` into the customer name and e-mail of the stored order at `index`. */
  plant(sandbox: Sandbox, index: number, text: string): void;
  /** A syntactically valid order id that does not exist. */
  missingId: string;
  /** The order list is one answer, not pages (Outshifter): a fault meant for page two goes to the first. */
  unpaged?: boolean;
}

type Json = Record<string, unknown>;

/** The body `orders update` sends in the drills: written on first use, where every drill reads it. */
function updateFile(): string {
  const file = path.join(os.tmpdir(), `orderctl-drill-update-${process.pid}.json`);
  if (!fs.existsSync(file)) fs.writeFileSync(file, JSON.stringify({ staff_notes: 'drilled' }));
  return file;
}
const section = (sandbox: Sandbox, platform: string) => sandbox.store.section(platform) as unknown as { orders: Json[] };

export const DRILL_PLATFORMS: readonly DrillPlatform[] = [
  {
    platform: 'bigcommerce',
    secretForms: () => [],
    create: {
      // POST /orders has no idempotency key: never repeated once it may have arrived.
      repeatable: false,
      body: (n) => ({ billing_address: { first_name: `Drill${n}`, email: `drill${n}@example.com`, zip: '1' }, products: [{ name: 'x', quantity: 1, price_inc_tax: 1, price_ex_tax: 1 }] }),
    },
    mutations: [
      { name: 'status --set', args: (id) => ['orders', 'status', id, '--set', '13', '--yes'], eligible: (o) => o.status_id !== 13, repeatable: true },
      { name: 'cancel', args: (id) => ['orders', 'cancel', id, '--yes'], eligible: (o) => o.status_id !== 5, repeatable: true },
      // A shipment is a POST without a key: a repeat would add a second one.
      { name: 'fulfill', args: (id) => ['orders', 'fulfill', id, '--tracking', '1Z999', '--carrier', 'ups'], eligible: (o) => o.items_shipped === 0 && o.shipping_address_count === 1 && o.status_id !== 5, repeatable: false },
      // A PUT of values: a repeat sets them again, which changes nothing.
      { name: 'update --file', args: (id) => ['orders', 'update', id, '--file', updateFile()], eligible: (o) => o.staff_notes !== 'drilled' && o.is_deleted === false, repeatable: true },
      // DELETE archives: a repeat answers 204 where the store still reads archived orders (the
      // file's reading, and the sandbox's), or finds the order archived already where it answers 404.
      { name: 'archive', args: (id) => ['orders', 'archive', id, '--yes'], eligible: (o) => o.is_deleted === false, repeatable: true, goneWhenDone: /archived already/ },
    ],
    plant: (sb, i, text) => {
      const r = section(sb, 'bigcommerce').orders[i] as { order: { billing_address: Json } };
      Object.assign(r.order.billing_address, { first_name: text, last_name: text, email: text });
    },
    missingId: '999999',
  },
  {
    platform: 'squarespace',
    secretForms: () => [],
    create: {
      // POST /orders with an Idempotency-Key: a repeat gets the first answer.
      repeatable: true,
      body: (n) => ({
        channelName: 'Drill',
        externalOrderReference: `DRILL-${n}`,
        createdOn: '2026-11-20T10:00:00Z',
        priceTaxInterpretation: 'EXCLUSIVE',
        customerEmail: `drill${n}@example.com`,
        lineItems: [{ lineItemType: 'CUSTOM', title: 'Gift wrap', quantity: 2, unitPricePaid: { currency: 'USD', value: '5.00' } }],
        shippingLines: [{ method: 'Courier', amount: { currency: 'USD', value: '7.50' } }],
        fulfillments: [],
        grandTotal: { currency: 'USD', value: '17.50' },
      }),
    },
    mutations: [
      // A fulfillment POST has no key: a repeat would add a second shipment.
      { name: 'fulfill', args: (id) => ['orders', 'fulfill', id, '--tracking', '1Z999', '--carrier', 'UPS', '--service', 'Ground'], eligible: (o) => o.fulfillmentStatus === 'PENDING', repeatable: false },
    ],
    plant: (sb, i, text) => {
      const o = section(sb, 'squarespace').orders[i] as { billingAddress: Json; customerEmail: string };
      Object.assign(o.billingAddress, { firstName: text, lastName: text });
      o.customerEmail = text;
    },
    missingId: 'ffffffffffffffffffffffff',
  },
  {
    platform: 'cscart',
    profile: { username: 'admin@example.com', currency: 'EUR' },
    // Basic auth: base64 of "user:key" travels, not the key alone.
    secretForms: (token, p) => [Buffer.from(`${p.username}:${token}`).toString('base64')],
    mutations: [
      { name: 'status --set', args: (id) => ['orders', 'status', id, '--set', 'B', '--yes'], eligible: (o) => o.status !== 'B', repeatable: true },
      { name: 'cancel', args: (id) => ['orders', 'cancel', id, '--yes'], eligible: (o) => o.status !== 'I', repeatable: true },
      // With --notify the PUT also e-mails the customer: never repeated once it may have arrived.
      { name: 'status --notify', args: (id) => ['orders', 'status', id, '--set', 'P', '--notify', '--yes'], eligible: (o) => o.status !== 'P', repeatable: false },
      { name: 'fulfill', args: (id) => ['orders', 'fulfill', id], eligible: (o) => o.status !== 'C', repeatable: true },
    ],
    plant: (sb, i, text) => Object.assign(section(sb, 'cscart').orders[i]!, { firstname: text, lastname: text, email: text }),
    missingId: '999999',
  },
  {
    platform: 'outshifter',
    profile: { storefront: 'sandbox' },
    // The raw key in Authorization: nothing but the key travels.
    secretForms: () => [],
    create: {
      // POST /orders has no idempotency key: never repeated once it may have arrived.
      repeatable: false,
      body: (n) => ({
        channel: 'Drill',
        channelId: '5',
        channelOrderName: `#D${n}`,
        currency: 'NOK',
        customer: { fullName: `Drill ${n}`, email: `drill${n}@example.com`, shippingAddress: 'Gate 1', shippingCity: 'Oslo', shippingZip: '0150', shippingCountry: 'NO' },
        items: [{ productId: 25, quantity: 1, priceChannel: '299.00', variantTitle: 'M-White' }],
      }),
    },
    mutations: [
      // One item, so one PUT: the order is cancelled whole (seed).
      {
        name: 'cancel',
        args: (id) => ['orders', 'cancel', id, '--yes'],
        eligible: (o) => ['PAID', 'PENDING'].includes(String(o.status)) && Array.isArray(o.items) && o.items.length === 1,
        repeatable: true,
      },
    ],
    plant: (sb, i, text) => Object.assign((section(sb, 'outshifter').orders[i] as { customer: Json }).customer, { fullName: text, email: text }),
    missingId: '999999',
    unpaged: true,
  },
];

/** The profile of a platform's sandbox dialect. */
export function drillProfile(p: DrillPlatform, sandbox: Sandbox, token = sandbox.token): Profile {
  return { platform: p.platform, baseUrl: sandbox.baseUrls[p.platform]!, token, ...p.profile };
}
