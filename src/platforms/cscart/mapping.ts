// CS-Cart native JSON <-> the normalized order. Fields are the seed's "Order
// Details" (seeds/cscart-orders.txt) and the list row of API-NOTES.md §3.
// Amounts go from the API's numbers or strings straight to decimal strings
// (toDecimalString), never through float arithmetic.

import { addDecimal, money, multiplyDecimal, toDecimalString } from '../../core/money.js';
import { orderCurrency, type SortField, type Address, type FulfillmentStatus, type ItemStatus, type Money, type Order, type OrderItem, type PaymentStatus, type Shipment, type Status } from '../../core/order.js';
import { toIsoUtc } from '../../core/time.js';
import { UsageError } from '../../core/errors.js';
import type { StatusReading } from '../status-filter.js';
import { CS_STATUSES, STATUS_BY_LETTER } from './status.js';
import type { CsNumber, CsOrder, CsOrderProduct, CsOrderSummary } from './types.js';

/**
 * The shared sort names in fn_get_orders' $sortings (CS-Cart source: order_id,
 * status, customer, email, date, total; an unknown sort_by falls back to date,
 * desc). CS-Cart has no sort by modification time.
 */
export const SORT_NAMES: Partial<Record<SortField, string>> = { created: 'date', id: 'order_id', number: 'order_id', total: 'total' };

/** --status on CS-Cart: the letters, CS-Cart's own names, and any single letter (a store may define its own). */
export const STATUS_READING: StatusReading = {
  table: CS_STATUSES.map((x) => ({ code: x.letter, status: x.status })),
  alias: (input) => {
    const raw = input.trim();
    if (/^[A-Za-z]$/.test(raw)) return raw.toUpperCase();
    return BY_NATIVE_NAME[raw.toLowerCase().replace(/[\s-]+/g, '_')];
  },
};

/** The letter a normalized name sets or filters by; other letters are reached by their own code. */
const CANONICAL_LETTER: Partial<Record<Status, string>> = {
  pending: 'O',
  awaiting_fulfillment: 'P',
  completed: 'C',
  failed: 'F',
  declined: 'D',
  on_hold: 'B',
  cancelled: 'I',
  return_requested: 'G',
  returned: 'H',
  incomplete: 'N',
  awaiting_payment: 'E',
};

/** Normalized names with no CS-Cart letter, and the nearest one to use instead. */
const NEAREST: Partial<Record<Status, string>> = {
  fulfilled: 'completed (C)',
  partially_fulfilled: 'processed (P)',
  refunded: 'returned (H)',
  partially_refunded: 'return_requested (G)',
};

/** CS-Cart's own names ("processed", "return complete") as well as the shared ones. */
const BY_NATIVE_NAME: Record<string, string> = Object.fromEntries(CS_STATUSES.map((x) => [x.name.toLowerCase().replace(/\s+/g, '_'), x.letter]));

/**
 * Accepts a status letter (P, c), a normalized name (awaiting_fulfillment) or
 * CS-Cart's name (processed); returns the letter. A store may define its own
 * letters (API-NOTES.md §3: "store-configurable"), so any single letter passes.
 */
export function toStatusLetter(input: string): string {
  const raw = input.trim();
  if (/^[A-Za-z]$/.test(raw)) return raw.toUpperCase();
  const key = raw.toLowerCase().replace(/[\s-]+/g, '_');
  const letter = CANONICAL_LETTER[key as Status] ?? BY_NATIVE_NAME[key];
  if (letter) return letter;
  const nearest = NEAREST[key as Status];
  if (nearest) throw new UsageError(`CS-Cart has no "${key}" status: use ${nearest}`);
  const known = CS_STATUSES.filter((x) => x.letter !== 'Y').map((x) => `${x.letter} ${x.status}`).join(', ');
  throw new UsageError(`unknown CS-Cart status "${input}": use a status letter or a name (${known})`);
}

/** A letter's normalized status; null for a store's own letters. */
export function toStatus(letter: string): Status | null {
  return STATUS_BY_LETTER[letter]?.status ?? null;
}

const str = (v: CsNumber | null | undefined): string | null => (v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim());

/** Unix seconds (string or number) → ISO 8601 UTC; 0 and garbage → null. */
export function unixToIso(v: CsNumber | null | undefined): string | null {
  const s = str(v);
  if (s === null || !/^\d+$/.test(s) || Number(s) === 0) return null;
  return toIsoUtc(new Date(Number(s) * 1000));
}

/** A decimal amount, tolerant of what a shop may send ("", null, "abc"): null rather than a crash. */
function amount(v: CsNumber | null | undefined): string | null {
  try {
    return toDecimalString(v ?? null);
  } catch {
    return null;
  }
}

function moneyOf(v: CsNumber | null | undefined, currency: string): Money | null {
  const a = amount(v);
  return a === null ? null : money(a, currency);
}

function joinName(first?: string | null, last?: string | null): string | null {
  return [first, last].filter((p) => p && p.trim()).join(' ') || null;
}

/** The s_ (shipping) or b_ (billing) address of an order; null when it has none (list rows). */
export function toAddress(o: CsOrder, prefix: 's_' | 'b_'): Address | null {
  const f = (k: string) => str((o as unknown as Record<string, CsNumber | undefined>)[`${prefix}${k}`]);
  const address: Address = {
    name: joinName(f('firstname'), f('lastname')),
    company: null,
    line1: f('address'),
    line2: f('address_2'),
    city: f('city'),
    // The state's name where the shop sends one, else its code.
    state: f('state_descr') ?? f('state'),
    zip: f('zipcode'),
    // s_country / b_country are 2-letter codes (seed).
    country: f('country'),
    phone: f('phone'),
  };
  return Object.values(address).some((v) => v !== null) ? address : null;
}

/** `products` is an object keyed by item id (seed: "object"); an array is accepted too. */
export function productsOf(o: CsOrder): CsOrderProduct[] {
  const p = o.products;
  if (!p || typeof p !== 'object') return [];
  return Array.isArray(p) ? p : Object.values(p);
}

export function toItem(p: CsOrderProduct, currency: string, letter = ''): OrderItem {
  const quantity = Number(str(p.amount) ?? '0');
  const unit = amount(p.price);
  // subtotal is the line total; without it, price × amount in decimal arithmetic.
  const total = amount(p.subtotal) ?? (unit !== null && Number.isInteger(quantity) ? multiplyDecimal(unit, quantity) : null);
  const options = (p.product_options ?? []).map((x) => [x.option_name, x.variant_name].filter(Boolean).join(': ')).filter(Boolean).join(', ');
  return {
    id: String(p.item_id),
    productId: str(p.product_id),
    variantId: null,
    sku: str(p.product_code),
    title: p.product ?? '',
    variant: options || null,
    quantity,
    unitPrice: unit === null ? null : money(unit, currency),
    total: total === null ? null : money(total, currency),
    // CS-Cart tracks the order, not its lines: each line shares the order's state.
    status: ITEM_STATUS[letter] ?? null,
  };
}

/**
 * What a status letter says of the payment (seed, "Order status explained"): P "the payment was
 * received", O and E "not yet paid", F "the payment transaction failed", N "awaiting the
 * response from a payment method", H "return is processed and repaid". The others say nothing.
 */
export const PAYMENT_BY_LETTER: Record<string, PaymentStatus> = { P: 'paid', C: 'paid', G: 'paid', O: 'unpaid', E: 'unpaid', F: 'failed', N: 'pending', H: 'refunded' };

/** "A string of shipment IDs separated by commas" (seed): the orders API tells nothing more of them. */
function shipmentsOf(ids: string | undefined): Shipment[] {
  return (ids ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .map((id) => ({ id, carrier: null, service: null, tracking: null, trackingUrl: null, shippedAt: null, items: [] }));
}

/**
 * Fulfilment from the status letter (seed: "Complete" means all work was done;
 * the return letters come after delivery; D and I are cancellations, F a failed
 * payment that never shipped). A store's own letters say nothing: null.
 */
const FULFILLMENT: Record<string, FulfillmentStatus> = {
  C: 'fulfilled', G: 'fulfilled', H: 'fulfilled',
  D: 'cancelled', I: 'cancelled',
  O: 'unfulfilled', P: 'unfulfilled', B: 'unfulfilled', E: 'unfulfilled', N: 'unfulfilled', Y: 'unfulfilled', F: 'unfulfilled',
};
const ITEM_STATUS: Record<string, ItemStatus> = { ...FULFILLMENT, H: 'returned', D: 'cancelled', I: 'cancelled' } as Record<string, ItemStatus>;

/** payment_method: the method's name, whether the shop sends an object ({payment: "Credit card"}) or a string. */
function paymentMethodOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (v && typeof v === 'object') {
    const name = (v as Record<string, unknown>).payment;
    return typeof name === 'string' && name.trim() ? name : null;
  }
  return null;
}

/**
 * The currency of an order's amounts: the profile's, where given (CS-Cart keeps
 * amounts in the shop's primary currency, which the API never names [I, CS-Cart
 * source]), else the order's secondary_currency; with neither, no guess.
 */
export function currencyOf(o: CsOrderSummary | CsOrder, shopCurrency?: string): string {
  return orderCurrency('cscart', shopCurrency ?? str((o as CsOrder).secondary_currency), undefined, String(o.order_id));
}

/** A full order (GET /orders/{id}, or a list row with get_orders_data), or a bare list row (no items, no addresses). */
export function toNormalizedOrder(o: CsOrderSummary | CsOrder, shopCurrency?: string): Order {
  const d = o as CsOrder;
  const currency = currencyOf(o, shopCurrency);
  const letter = String(o.status ?? '').trim();
  const discounts = [amount(d.discount), amount(d.subtotal_discount)].filter((x): x is string => x !== null);
  return {
    id: String(o.order_id),
    number: String(o.order_id),
    store: '',
    platform: 'cscart',
    status: toStatus(letter),
    nativeStatus: letter,
    fulfillmentStatus: FULFILLMENT[letter] ?? null,
    createdAt: unixToIso(o.timestamp),
    updatedAt: unixToIso(o.updated_at),
    customer: {
      // Guests have user_id 0 (seed).
      id: str(o.user_id) === '0' ? null : str(o.user_id),
      name: joinName(o.firstname, o.lastname),
      email: str(o.email),
      phone: str(o.phone),
    },
    billingAddress: toAddress(d, 'b_'),
    shippingAddress: toAddress(d, 's_'),
    items: productsOf(d).map((p) => toItem(p, currency, letter)),
    totals: {
      subtotal: moneyOf(d.subtotal, currency),
      shipping: moneyOf(d.shipping_cost, currency),
      tax: moneyOf(d.tax_subtotal, currency),
      // Product discounts (discount) and the order's own (subtotal_discount).
      discount: discounts.length ? money(discounts.reduce(addDecimal), currency) : null,
      refunded: null,
      total: moneyOf(o.total, currency),
    },
    shipments: shipmentsOf(d.shipment_ids),
    payment: { status: PAYMENT_BY_LETTER[letter] ?? null, method: paymentMethodOf(d.payment_method) },
    currency,
    channel: null,
    externalRef: str(d.vendor_ref),
    notes: str(d.notes),
    // "details: Administrator's notes about the order" (seed).
    staffNotes: str(d.details),
  };
}
