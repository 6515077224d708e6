// How the sandbox reads CS-Cart requests: list parameters, the PUT and POST
// bodies (seeds/cscart-orders.txt, API-NOTES.md §3). A refused request throws
// CsRefusal, which the dialect answers with CS-Cart's error body.

import { CATALOGUE } from './seed.js';
import { INCOMPLETE, phpEmpty, STATUS_LETTERS } from './wire.js';

export class CsRefusal extends Error {
  constructor(
    readonly status: number,
    readonly detail?: string,
  ) {
    super(detail);
  }
}
export const refuse = (status: number, detail?: string): never => {
  throw new CsRefusal(status, detail);
};

/** page, items_per_page: PHP casts, so anything but a positive whole number falls back to the default. */
export function positiveInt(query: Record<string, string>, name: string, fallback: number): number {
  const v = query[name];
  return v !== undefined && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : fallback;
}

/** updated_at_from/to: "the specified date period" (seed) in Unix seconds [I: API-NOTES.md, Decisions]; anything else is a 400, so a wrong guess is loud. */
export function unixSeconds(query: Record<string, string>, name: string): number | undefined {
  const v = query[name];
  if (v === undefined || v === '') return undefined;
  if (!/^\d+$/.test(v)) refuse(400, `${name} must be a Unix time in seconds`);
  return Number(v);
}

/** status=P, or status[0]=P&status[1]=C (PHP arrays; fn_get_orders takes both [I]). */
export function statusLetters(query: Record<string, string>): string[] {
  const letters = Object.entries(query)
    .filter(([k]) => k === 'status' || /^status\[\d*\]$/.test(k))
    .map(([, v]) => v.trim().toUpperCase())
    .filter(Boolean);
  return [...new Set(letters)];
}

/** Incomplete orders are listed only when asked for: by status N, or include_incompleted (API-NOTES.md §3). */
export function includesIncomplete(query: Record<string, string>, letters: string[]): boolean {
  return letters.includes(INCOMPLETE) || (!phpEmpty(query.include_incompleted) && query.include_incompleted !== 'false');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields PUT /orders/{id} takes here: status with its notify flags (seed, API-NOTES.md §3), vendor_ref (seed), notes and details. */
export interface OrderUpdate {
  status?: string;
  notifyUser: boolean;
  vendorRef?: string;
  notes?: string;
  details?: string;
}

/** Reads a PUT body, refusing (400) before anything changes: "The order couldn't be updated: HTTP/1.1 400 Bad Request" (seed). */
export function readUpdate(body: unknown): OrderUpdate {
  if (!isObject(body)) return refuse(400, 'the request body must be a JSON object');
  const known = ['status', 'notify_user', 'notify_department', 'notify_vendor', 'vendor_ref', 'notes', 'details'];
  if (!Object.keys(body).some((k) => known.includes(k))) refuse(400, 'nothing to update');
  if (body.status !== undefined) {
    if (typeof body.status !== 'string' || !(body.status in STATUS_LETTERS)) refuse(400, `unknown status ${JSON.stringify(body.status)}`);
    // "This status cannot be set by administrator" (seed, Incomplete).
    if (body.status === INCOMPLETE) refuse(400, 'the Incomplete status (N) cannot be set');
  }
  // "vendor_ref only accepts a single string. Objects or arrays will not be added to the order." (seed)
  if (body.vendor_ref !== undefined && typeof body.vendor_ref !== 'string') refuse(400, 'vendor_ref only accepts a single string');
  for (const k of ['notes', 'details']) if (body[k] !== undefined && typeof body[k] !== 'string') refuse(400, `${k} must be a string`);
  // "with 0 or 1 as values" (seed); PHP reads any scalar.
  for (const k of ['notify_user', 'notify_department', 'notify_vendor']) {
    if (body[k] !== undefined && body[k] !== null && !['string', 'number', 'boolean'].includes(typeof body[k])) refuse(400, `${k} must be 0 or 1`);
  }
  return {
    status: body.status as string | undefined,
    // "By default … no email notifications are sent"; notify_user decides, by PHP's empty() (API-NOTES.md, Decisions).
    notifyUser: !phpEmpty(body.notify_user),
    vendorRef: body.vendor_ref as string | undefined,
    notes: body.notes as string | undefined,
    details: body.details as string | undefined,
  };
}

/** A line of a created order: a catalogue product and how many. */
export interface NewLine {
  product: (typeof CATALOGUE)[number];
  amount: number;
  options: Array<{ option_name: string; variant_name: string }>;
}

export interface NewOrder {
  userId: string;
  /** Guests' contact and address fields (user_data), empty for a registered customer. */
  userData: Record<string, string>;
  paymentId: string;
  shippingId: string;
  lines: NewLine[];
}

/** "The API always accepts and returns data as strings": a whole number may come as either. */
const wholeNumber = (v: unknown): string | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? String(v) : typeof v === 'string' && /^\d+$/.test(v.trim()) ? v.trim() : undefined);

/**
 * POST /orders (Multi-Vendor's POST /api/orders/, API-NOTES.md §3): user_id
 * (or user_data for a guest), payment_id, shipping_id and products keyed by
 * any id, {"product_id","amount","product_options"}. The price comes from the
 * catalogue, never from the request.
 */
export function readNewOrder(body: unknown, knownUser: (id: string) => boolean): NewOrder {
  if (!isObject(body)) return refuse(400, 'the request body must be a JSON object');
  const missing = ['payment_id', 'shipping_id', 'products'].filter((k) => body[k] === undefined || body[k] === null || body[k] === '');
  const userId = wholeNumber(body.user_id ?? '0');
  if (userId === undefined) refuse(400, 'user_id must be a whole number');
  const guest = userId === '0';
  if (guest && body.user_data === undefined) missing.unshift('user_id');
  if (missing.length) refuse(400, `required fields are missing: ${missing.join(', ')}`);
  if (!guest && !knownUser(userId!)) refuse(400, `there is no customer with user_id ${userId}`);
  const userData: Record<string, string> = {};
  if (guest) {
    if (!isObject(body.user_data)) return refuse(400, 'user_data must be an object');
    for (const [k, v] of Object.entries(body.user_data)) {
      if (typeof v !== 'string') refuse(400, `user_data.${k} must be a string`);
      userData[k] = v as string;
    }
    if (!/^[^\s@]+@[^\s@]+$/.test(userData.email ?? '')) refuse(400, 'user_data.email is required for a guest');
    for (const k of ['b_firstname', 'b_lastname']) if (!userData[k]?.trim()) refuse(400, `user_data.${k} is required for a guest`);
  }
  const paymentId = wholeNumber(body.payment_id);
  const shippingId = wholeNumber(body.shipping_id);
  if (!paymentId || paymentId === '0') refuse(400, 'payment_id must be a method id');
  // "shipping_id (or array keyed by product group)": the sandbox shop has one group [I].
  if (!shippingId || shippingId === '0') refuse(400, 'shipping_id must be a method id');
  if (!isObject(body.products) || Object.keys(body.products).length === 0) return refuse(400, 'products must be an object of products keyed by id');
  const lines = Object.entries(body.products).map(([key, p]): NewLine => {
    if (!isObject(p)) return refuse(400, `products.${key} must be an object`);
    const productId = wholeNumber(p.product_id ?? key);
    const product = CATALOGUE.find((c) => c.id === productId);
    if (!product) return refuse(400, `products.${key}: there is no product ${String(p.product_id ?? key)}`);
    const amount = Number(wholeNumber(p.amount ?? '1'));
    if (!Number.isInteger(amount) || amount < 1) refuse(400, `products.${key}.amount must be a whole number of at least 1`);
    return { product, amount, options: productOptions(product, p.product_options, key) };
  });
  return { userId: userId!, userData, paymentId: paymentId!, shippingId: shippingId!, lines };
}

/**
 * product_options: {"option id": "variant id"}. The sandbox catalogue numbers a
 * product's options and their variants from 1 [I]; a product with options and
 * none chosen takes each option's first variant.
 */
function productOptions(product: (typeof CATALOGUE)[number], given: unknown, key: string): NewLine['options'] {
  const options = 'options' in product && product.options ? product.options : [];
  if (given !== undefined && given !== null && !isObject(given)) refuse(400, `products.${key}.product_options must be an object`);
  const chosen = (given ?? {}) as Record<string, unknown>;
  for (const optionId of Object.keys(chosen)) if (!options[Number(optionId) - 1]) refuse(400, `products.${key}: product ${product.id} has no option ${optionId}`);
  return options.map(([name, values], i) => {
    const pick = chosen[String(i + 1)];
    const variant = pick === undefined ? values[0] : values[Number(wholeNumber(pick)) - 1];
    if (variant === undefined) return refuse(400, `products.${key}: option ${i + 1} has no variant ${String(pick)}`);
    return { option_name: name, variant_name: variant };
  });
}
