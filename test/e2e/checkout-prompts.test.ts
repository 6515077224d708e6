// The checkout's address prompts (src/commands/checkout/contact.ts), driven
// through a real pseudo-terminal: the built binary on `script` (or tmux), each
// question answered as a shopper would, validation refusing and asking again;
// and the paths with no terminal, or --no-input, that never ask.
// Run `npm run build` first so dist/ is current.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTSHIFTER, type OsSection } from '../../src/sandbox/dialects/outshifter/index.js';
import { startSandbox, type Exchange, type Sandbox } from '../../src/sandbox/server.js';
import { orderctl } from '../support/cli.js';
import { PTY_TOOL, PTY_UNAVAILABLE, spawnPty } from '../support/pty.js';
import { tempConfigDir } from '../support/tmp.js';

let sandbox: Sandbox;
let cfg: ReturnType<typeof tempConfigDir>;
let env: Record<string, string>;
const exchanges: Exchange[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 1, orders: 12, onExchange: (ex) => ex.platform === OUTSHIFTER && exchanges.push(ex) });
  cfg = tempConfigDir();
  env = { ORDERCTL_CONFIG_DIR: cfg.dir };
  const add = await orderctl(['profile', 'add', 'shop', '--platform', 'outshifter', '--base-url', sandbox.baseUrls.outshifter!, '--storefront', 'sandbox', '--token-stdin', '--use'], { env, input: `${sandbox.token}\n` });
  expect(add.code, add.stderr).toBe(0);
});
afterAll(async () => {
  await sandbox?.close();
  cfg?.remove();
});

const section = () => sandbox.store.section<OsSection>(OUTSHIFTER);
const stored = (id: string) => section().checkouts.find((c) => c.id === id)!;

/** A cart with a jacket and a mug, and an ACTIVE checkout of it with nothing filled in: straight to the API, to keep the tests fast. */
async function freshCheckout(): Promise<string> {
  const api = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${sandbox.baseUrls.outshifter}${path}`, { method, headers: { authorization: sandbox.token, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status, path).toBe(201);
    return (await res.json()) as Record<string, string>;
  };
  const cart = await api('POST', '/cart', { customer_session_id: 'pty-shopper', currency: 'NOK' });
  await api('POST', `/cart/${cart.cart_id}/item/add`, { line_items: [{ product_id: 4018, variant_id: 40181, quantity: 1 }, { product_id: 112000, variant_id: null, quantity: 2 }] });
  const co = await api('POST', '/checkout', { cart_id: cart.cart_id });
  exchanges.length = 0;
  return co.id!;
}

/** Ctrl-U: readline clears what is typed, as after a refused answer inquirer keeps it. */
const CLEAR_LINE = '\x15';

describe.skipIf(PTY_UNAVAILABLE !== undefined)(`checkout prompts on a terminal (${PTY_TOOL ?? PTY_UNAVAILABLE})`, () => {
  it('checkout update asks each missing field in turn, re-asks refused answers, and a different billing address', async () => {
    const id = await freshCheckout();
    const t = spawnPty(['checkout', 'update', id, '-o', 'json'], { env });
    await t.expect('E-mail');
    t.answer('jane.example.com');
    await t.expect('"jane.example.com" is not an e-mail address');
    t.answer(`${CLEAR_LINE}jane@example.com`);
    await t.expect('First name');
    t.answer('Jane');
    await t.expect('Last name');
    t.answer('Doe');
    await t.expect('Street address');
    t.answer('Møllergata 6');
    await t.expect('City');
    t.answer('Oslo');
    await t.expect('Country code (ISO, e.g. NO)');
    t.answer('XX');
    await t.expect('"XX" is not an ISO 3166 country code');
    t.answer(`${CLEAR_LINE}no`);
    await t.expect('Postcode');
    t.answer('12');
    await t.expect('"12" is not a postcode of NO (4 digits, e.g. 0150)');
    t.answer(`${CLEAR_LINE}0179`);
    await t.expect('Billing address same as shipping?');
    t.answer('n');
    await t.expect('Billing first name');
    t.answer('Ola');
    await t.expect('Billing last name');
    t.answer('Nordmann');
    await t.expect('Billing street address');
    t.answer('Bryggen 12');
    await t.expect('Billing city');
    t.answer('Bergen');
    // Only the first letter is lowered: ISO and NO keep their capitals.
    await t.expect('Billing country code (ISO, e.g. NO)');
    t.answer('NO');
    await t.expect('Billing postcode');
    t.answer('5003');
    await t.expect(`updated checkout ${id}`);
    expect(await t.exited, t.output()).toBe(0);

    // What was answered is on the checkout, and only what was answered.
    const co = stored(id);
    expect(co.email).toBe('jane@example.com');
    expect(co.shipping_address).toMatchObject({ first_name: 'Jane', last_name: 'Doe', address1: 'Møllergata 6', city: 'Oslo', country_code: 'NO', country: 'Norway', zip: '0179' });
    expect(co.billing_address).toMatchObject({ first_name: 'Ola', last_name: 'Nordmann', address1: 'Bryggen 12', city: 'Bergen', country_code: 'NO', zip: '5003' });
    // The flat rate to the answered country was chosen with the addresses.
    expect(co.shipping_rate).toBe('4018-FRP,112000-FRP');
    // One PATCH of the checkout: the refused answers never reached the API.
    const patches = exchanges.filter((e) => e.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(JSON.stringify(patches[0]!.requestBody)).not.toMatch(/jane\.example\.com|"XX"|"12"/);
    // The JSON of the updated checkout is printed (on the same terminal).
    expect(t.output()).toMatch(/"email": "jane@example\.com"/);
  });

  it('asks only for what neither the flags nor the checkout have; the postcode is checked against the given country', async () => {
    const id = await freshCheckout();
    const t = spawnPty(['checkout', 'update', id, '--email', 'erik@example.se', '--first-name', 'Erik', '--last-name', 'Svensson', '--address1', 'Drottninggatan 53', '--city', 'Stockholm', '--country-code', 'SE', '-o', 'json'], { env });
    await t.expect('Postcode');
    t.answer('0179');
    await t.expect('is not a postcode of SE');
    t.answer(`${CLEAR_LINE}111 21`);
    await t.expect('Billing address same as shipping?');
    t.answer('y');
    await t.expect(`updated checkout ${id}`);
    expect(await t.exited, t.output()).toBe(0);
    for (const question of ['E-mail', 'First name', 'Last name', 'Street address', 'City', 'Country code', 'Billing first name']) expect(t.output()).not.toContain(question);
    const co = stored(id);
    expect(co.shipping_address).toMatchObject({ first_name: 'Erik', city: 'Stockholm', country_code: 'SE', zip: '111 21' });
    expect(co.billing_address).toMatchObject({ first_name: 'Erik', last_name: 'Svensson', address1: 'Drottninggatan 53', city: 'Stockholm', country_code: 'SE', zip: '111 21' });

    // Now that the checkout has everything, a second update on a terminal asks nothing.
    const again = spawnPty(['checkout', 'update', id, '--phone-code', '+46', '--phone', '701234567', '-o', 'json'], { env });
    expect(await again.exited, again.output()).toBe(0);
    expect(again.output()).not.toMatch(/Postcode|Billing address same/);
    expect(stored(id).shipping_address).toMatchObject({ phone_code: '+46', phone: '701234567', zip: '111 21' });
  });

  it('checkout pay asks the addresses, billing same by default (Enter), then the payment method (Enter picks the first), and pays', async () => {
    const id = await freshCheckout();
    const t = spawnPty(['checkout', 'pay', id, '-o', 'json'], { env });
    const answers: Array<[string, string]> = [
      ['E-mail', 'kari.hansen@example.no'],
      ['First name', 'Kari'],
      ['Last name', 'Hansen'],
      ['Street address', 'Kongens gate 3'],
      ['City', 'Trondheim'],
      ['Country code (ISO, e.g. NO)', 'NO'],
      ['Postcode', '7011'],
      ['Billing address same as shipping?', ''],
    ];
    for (const [question, answer] of answers) {
      await t.expect(question);
      t.answer(answer);
    }
    await t.expect('Payment method');
    await t.expect('Stripe');
    t.write('\r');
    await t.expect('payment started: order');
    expect(await t.exited, t.output()).toBe(0);
    expect(t.output()).not.toContain('Billing first name');

    const co = stored(id);
    expect(co.payment_method).toBe('Stripe');
    expect(co.order_id).toEqual(expect.any(Number));
    expect(co.checkout_url).toBe(`${sandbox.url}/outshifter/pay/${id}`);
    expect(co.shipping_address).toMatchObject({ first_name: 'Kari', last_name: 'Hansen', address1: 'Kongens gate 3', city: 'Trondheim', country_code: 'NO', zip: '7011' });
    expect(co.billing_address).toMatchObject({ first_name: 'Kari', last_name: 'Hansen', address1: 'Kongens gate 3', city: 'Trondheim', country_code: 'NO', zip: '7011' });
    expect(t.output()).toContain(`"checkoutUrl": "${co.checkout_url}"`);
    expect(t.output()).toContain(`"orderId": "${co.order_id}"`);
    // The payment was started once.
    expect(exchanges.filter((e) => e.method === 'PATCH' && e.path.endsWith('/payment'))).toHaveLength(1);
    const order = section().orders.find((o) => o.id === co.order_id)!;
    expect(order).toMatchObject({ status: 'PENDING', paymentProcessor: 'Stripe', customer: { fullName: 'Kari Hansen', email: 'kari.hansen@example.no', shippingCity: 'Trondheim' } });
  });

  it('--no-input on a terminal never asks: exit 2 naming the missing flags, and nothing is sent', async () => {
    const id = await freshCheckout();
    const pay = spawnPty(['checkout', 'pay', id, '--no-input'], { env });
    expect(await pay.exited, pay.output()).toBe(2);
    const out = pay.output();
    expect(out).toContain(`error: checkout ${id} cannot be paid yet: missing personal information (--first-name, --last-name, --email); shipping information (--address1, --city, --zip, --country-code)`);
    expect(out).toContain('or --billing-same); payment method (--method)');
    expect(out).not.toMatch(/E-mail|First name|Billing address same|Payment method/);
    const update = spawnPty(['checkout', 'update', id, '--no-input'], { env });
    expect(await update.exited, update.output()).toBe(2);
    expect(update.output()).toContain('error: nothing to update');
    expect(update.output()).not.toContain('E-mail');
    expect(exchanges.filter((e) => e.method !== 'GET')).toEqual([]);
    expect(stored(id).shipping_address).toBeNull();
  });
});

describe('checkout prompts without a terminal', () => {
  it('checkout pay with stdin and stderr piped never asks: exit 2 naming every missing flag, no payment request', async () => {
    const id = await freshCheckout();
    const r = await orderctl(['checkout', 'pay', id], { env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const [error, hint, ...rest] = r.err.trimEnd().split('\n');
    expect(rest).toEqual([]);
    expect(error).toBe(
      `error: checkout ${id} cannot be paid yet: missing personal information (--first-name, --last-name, --email); shipping information (--address1, --city, --zip, --country-code); billing information (--billing-first-name, --billing-last-name, --billing-address1, --billing-city, --billing-zip, --billing-country-code or --billing-same); payment method (--method); shipping rate (--shipping-rate)`,
    );
    expect(hint).toBe('hint: give them as flags, or run on a terminal (without --no-input) to be asked');
    expect(r.err).not.toMatch(/E-mail|Payment method|\?/);
    expect(exchanges.filter((e) => e.method !== 'GET')).toEqual([]);
  });

  it('checkout pay with some flags names only what is still missing', async () => {
    const id = await freshCheckout();
    const r = await orderctl(['checkout', 'pay', id, '--email', 'jane@example.com', '--first-name', 'Jane', '--last-name', 'Doe', '--address1', 'Møllergata 6', '--city', 'Oslo', '--zip', '0179', '--country-code', 'NO'], { env });
    expect(r.code).toBe(2);
    // The flat rate to NO is chosen (a quote, changing nothing); then what is missing, in one line.
    expect(r.err).toMatch(/^shipping: Flat rate price to NO, 198\.00 NOK \(4018-FRP,112000-FRP\)\n/);
    expect(r.err).toMatch(/^error: checkout \S+ cannot be paid yet: missing billing information \(.*or --billing-same\); payment method \(--method\)$/m);
    expect(r.err).not.toMatch(/personal information|shipping information|shipping rate \(/);
    expect(exchanges.some((e) => e.path.endsWith('/payment'))).toBe(false);
    expect(stored(id).shipping_address).toBeNull();
  });

  it('checkout update with nothing given and no terminal: exit 2 saying how to give the fields', async () => {
    const id = await freshCheckout();
    const r = await orderctl(['checkout', 'update', id], { env });
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: nothing to update\nhint: give address flags (--email, --first-name, --address1, …), --address-file FILE, or run on a terminal to be asked\n');
    expect(exchanges.filter((e) => e.method !== 'GET')).toEqual([]);
  });
});
