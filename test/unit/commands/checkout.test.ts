// checkout update and pay in-process against the sandbox's Outshifter dialect:
// what is asked on a terminal (scripted answers, validation re-asking), and
// what happens without one — nothing is asked, the missing flags are named.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryConfig, type ConfigStore } from '../../../src/core/config.js';
import { OUTSHIFTER, type OsSection } from '../../../src/sandbox/dialects/outshifter/index.js';
import { startSandbox, type Exchange, type Sandbox } from '../../../src/sandbox/server.js';
import { runCommand } from '../../support/context.js';

let sandbox: Sandbox;
const exchanges: Exchange[] = [];
const TTY = { canPrompt: true, stdinIsTTY: true, stderrIsTTY: true };

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 9, orders: 10, onExchange: (ex) => ex.platform === OUTSHIFTER && exchanges.push(ex) });
});
afterAll(async () => {
  await sandbox.close();
});

function config(): ConfigStore {
  return memoryConfig({ currentProfile: 'shop', profiles: { shop: { platform: 'outshifter', baseUrl: sandbox.baseUrls.outshifter!, storefront: 'sandbox', token: sandbox.token } } });
}

/** A checkout of a cart with two products, nothing filled in yet. */
async function newCheckout(): Promise<string> {
  const c = config();
  const cart = JSON.parse((await runCommand(['cart', 'create', '--currency', 'NOK', '-o', 'json'], { config: c })).out).id;
  await runCommand(['cart', 'add', cart, '--item', '4018:40181:1', '--item', '112000:2'], { config: c });
  return (await runCommand(['checkout', 'create', cart, '-o', 'ids'], { config: c })).out.trim();
}

const stored = (id: string) => sandbox.store.section<OsSection>(OUTSHIFTER).checkouts.find((c) => c.id === id)!;

describe('checkout update on a terminal', () => {
  it('asks for each missing field, re-asks what is invalid, and asks whether billing is the same', async () => {
    const id = await newCheckout();
    const answers = ['not-an-email', 'jane@example.com', 'Jane', 'Doe', 'Møllergata 6', 'Oslo', 'XX', 'NO', '17', '0179', true];
    const r = await runCommand(['checkout', 'update', id, '-o', 'json'], { config: config(), io: TTY, answers });
    expect(r.code, r.err).toBe(0);
    expect(r.ctx.prompts.asked).toEqual([
      'E-mail',
      'E-mail',
      'First name',
      'Last name',
      'Street address',
      'City',
      'Country code (ISO, e.g. NO)',
      'Country code (ISO, e.g. NO)',
      'Postcode',
      'Postcode',
      'Billing address same as shipping?',
    ]);
    expect(r.ctx.prompts.refused).toEqual([
      '"not-an-email" is not an e-mail address',
      '"XX" is not an ISO 3166 country code (two letters, e.g. NO, SE, US)',
      '"17" is not a postcode of NO (4 digits, e.g. 0150)',
    ]);
    const co = stored(id);
    expect(co.email).toBe('jane@example.com');
    expect(co.shipping_address).toMatchObject({ first_name: 'Jane', last_name: 'Doe', address1: 'Møllergata 6', city: 'Oslo', country_code: 'NO', country: 'Norway', zip: '0179' });
    expect(co.billing_address).toMatchObject({ first_name: 'Jane', last_name: 'Doe', address1: 'Møllergata 6', country_code: 'NO', zip: '0179' });
    // With the country known, the flat rate is chosen and said.
    expect(r.err).toContain('shipping: Flat rate price to NO, 198.00 NOK (4018-FRP,112000-FRP)');
    expect(JSON.parse(r.out).shippingRate.code).toBe('4018-FRP,112000-FRP');
  });

  it('asks only for what neither the flags nor the checkout have; a different billing address field by field', async () => {
    const id = await newCheckout();
    const flags = ['--email', 'ola@example.no', '--first-name', 'Ola', '--last-name', 'Nordmann', '--address1', 'Bryggen 12', '--country', 'Norway'];
    const answers = ['Bergen', '5003', false, 'Kari', 'Nordmann', 'Kongens gate 3', 'Trondheim', 'NO', '7011'];
    const r = await runCommand(['checkout', 'update', id, ...flags], { config: config(), io: TTY, answers });
    expect(r.code, r.err).toBe(0);
    expect(r.ctx.prompts.asked).toEqual(['City', 'Postcode', 'Billing address same as shipping?', 'Billing first name', 'Billing last name', 'Billing street address', 'Billing city', 'Billing country code (ISO, e.g. NO)', 'Billing postcode']);
    expect(stored(id).billing_address).toMatchObject({ first_name: 'Kari', city: 'Trondheim', zip: '7011', country_code: 'NO' });
    expect(stored(id).shipping_address).toMatchObject({ city: 'Bergen', country_code: 'NO', country: 'Norway' });
    // Everything is there now: nothing more is asked.
    const again = await runCommand(['checkout', 'update', id, '--phone-code', '+47', '--phone', '99999999'], { config: config(), io: TTY, answers: [] });
    expect(again.code, again.err).toBe(0);
    expect(again.ctx.prompts.asked).toEqual([]);
  });
});

describe('checkout update and pay without a terminal', () => {
  it('update sends what was given and asks nothing; with nothing given it exits 2 naming the flags', async () => {
    const id = await newCheckout();
    const r = await runCommand(['checkout', 'update', id, '--email', 'a@example.com', '--first-name', 'A'], { config: config() });
    expect(r.code, r.err).toBe(0);
    expect(r.ctx.prompts.asked).toEqual([]);
    expect(stored(id)).toMatchObject({ email: 'a@example.com', shipping_address: { first_name: 'A' } });
    const none = await runCommand(['checkout', 'update', id], { config: config() });
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^error: nothing to update\nhint: give address flags \(--email, --first-name, --address1, …\), --address-file FILE, or run on a terminal to be asked\n$/);
  });

  it('bad values are one line, exit 2, before any change', async () => {
    const id = await newCheckout();
    exchanges.length = 0;
    for (const [flags, message] of [
      [['--email', 'nope'], '--email: "nope" is not an e-mail address'],
      [['--country-code', 'XX'], '--country-code: "XX" is not an ISO 3166 country code'],
      [['--country-code', 'SE', '--zip', '1'], '--zip: "1" is not a postcode of SE'],
      [['--billing-zip', 'x', '--billing-country-code', 'NO'], '--billing-zip: "x" is not a postcode of NO'],
      [['--billing-same', '--billing-city', 'Oslo'], '--billing-same cannot be used with --billing-… flags'],
      [['--success-url', 'nope'], '--success-url must be an http(s) URL'],
    ] as const) {
      const r = await runCommand(['checkout', 'update', id, ...flags], { config: config() });
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.err.split('\n')[0]).toContain(message);
    }
    expect(exchanges.filter((e) => e.method !== 'GET')).toEqual([]);
  });

  it('pay exits 2 naming every missing flag, sends no payment, and asks nothing even with --no-input on a terminal', async () => {
    const id = await newCheckout();
    exchanges.length = 0;
    const r = await runCommand(['checkout', 'pay', id, '--email', 'j@example.com'], { config: config() });
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(
      `error: checkout ${id} cannot be paid yet: missing personal information (--first-name, --last-name); shipping information (--address1, --city, --zip, --country-code); billing information (--billing-first-name, --billing-last-name, --billing-address1, --billing-city, --billing-zip, --billing-country-code or --billing-same); payment method (--method); shipping rate (--shipping-rate)`,
    );
    expect(exchanges.filter((e) => e.method !== 'GET')).toEqual([]);
    const noInput = await runCommand(['checkout', 'pay', id, '--no-input'], { config: config(), io: { ...TTY, canPrompt: false } });
    expect(noInput.code).toBe(2);
    expect(noInput.ctx.prompts.asked).toEqual([]);
  });

  it('pay with everything as flags: saves billing, picks the flat rate, starts the payment once', async () => {
    const id = await newCheckout();
    exchanges.length = 0;
    const flags = ['--method', 'Vipps', '--email', 'j@example.com', '--first-name', 'J', '--last-name', 'D', '--address1', 'Gate 1', '--city', 'Oslo', '--zip', '0150', '--country-code', 'no', '--billing-same'];
    const r = await runCommand(['checkout', 'pay', id, ...flags, '-o', 'json'], { config: config() });
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toEqual({ checkoutId: id, checkoutUrl: `${sandbox.url}/outshifter/pay/${id}`, orderId: expect.stringMatching(/^\d+$/), status: 'pending' });
    expect(exchanges.filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.path}`)).toEqual(['POST /api/shipping/flat-rate', `PATCH /api/checkout/${id}`, `PATCH /api/checkout/${id}/payment`]);
    expect(r.err).toContain(`in the sandbox, pay as the shopper would: orderctl sandbox pay ${id}`);
    const again = await runCommand(['checkout', 'get', id, '-o', 'json'], { config: config() });
    expect(JSON.parse(again.out)).toMatchObject({ paymentMethod: 'Vipps', orderId: out.orderId, billingAddress: { firstName: 'J', countryCode: 'NO' } });
  });

  it('pay on a terminal asks for the payment method among the seller’s', async () => {
    const id = await newCheckout();
    const flags = ['--email', 'j@example.com', '--first-name', 'J', '--last-name', 'D', '--address1', 'Gate 1', '--city', 'Oslo', '--zip', '0150', '--country-code', 'NO', '--billing-same'];
    const r = await runCommand(['checkout', 'pay', id, ...flags, '-o', 'json'], { config: config(), io: TTY, answers: ['Klarna'] });
    expect(r.code, r.err).toBe(0);
    expect(r.ctx.prompts.asked).toEqual(['Payment method']);
    expect(stored(id).payment_method).toBe('Klarna');
  });
});
