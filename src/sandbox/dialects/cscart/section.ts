// The sandbox's CS-Cart state: the shop's orders as stored (money in cents, so
// totals never meet float error), and the e-mails it would have sent.

import type { PlatformSection } from '../../store.js';

export const CSCART = 'cscart';
export const FIRST_ORDER_ID = 90;

/** A line as stored. */
export interface CsStoredProduct {
  item_id: string;
  product_id: string;
  product_code: string;
  product: string;
  price_cents: number;
  amount: number;
  options: Array<{ option_name: string; variant_name: string }>;
}

/** An order as stored: the list row's fields, the addresses, money in cents. */
export interface CsStoredOrder {
  order_id: string;
  user_id: string;
  company_id: string;
  timestamp: number;
  /**
   * Unix seconds of the last change: what updated_at_from/to filter by ("last
   * modified during the specified date period", seed). Kept here only: no
   * answer carries it, as none is documented to.
   */
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
  /** The payment and shipping methods chosen [I: the sandbox shop has one of each unless an order names another]. */
  payment_id?: string;
  shipping_id?: string;
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

/** Cents → "12.30", the API's string form (API-NOTES.md §3 list example: "677.95"). */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** An order's computed amounts, in cents. */
export function totalsOf(o: CsStoredOrder): { subtotal: number; total: number; tax: number } {
  const subtotal = o.products.reduce((n, p) => n + p.price_cents * p.amount, 0);
  const total = Math.max(0, subtotal + o.shipping_cents - o.subtotal_discount_cents);
  // German prices include 19 % VAT [I: the seed's shop is German]: the tax is the share already in the total.
  const tax = Math.round((total * 19) / 119);
  return { subtotal, total, tax };
}
