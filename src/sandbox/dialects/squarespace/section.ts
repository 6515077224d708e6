// The sandbox's Squarespace state: the site's orders (the wire shape of
// wire.ts), its catalogue, the idempotency keys it remembers and the e-mails it
// would have sent.

import type { PlatformSection } from '../../store.js';
import type { SqMoney, SqOrder } from './wire.js';

export const SQUARESPACE = 'squarespace';
export const FIRST_ORDER_NUMBER = 1001;

/** A product variant of the site's catalogue, with the stock that DEDUCT takes from. */
export interface SqVariant {
  variantId: string;
  productId: string;
  sku: string;
  productName: string;
  options: Array<{ optionName: string; value: string }>;
  /** The price in cents. */
  cents: number;
  weight: number;
  stock: number;
}

/** What an Idempotency-Key has seen: a request in progress, or the answer to repeat. */
export interface SqKeyRecord {
  state: 'in_progress' | 'done';
  /** sha256 of the body's canonical JSON. */
  fingerprint: string;
  at: number;
  status?: number;
  body?: unknown;
}

/** The e-mails shouldSendNotification would have sent: what tests check --notify by. */
export interface SqNotification {
  orderId: string;
  shipments: number;
  at: string;
}

export interface SqSection extends PlatformSection {
  next: { orderNumber: number; id: number };
  orders: SqOrder[];
  catalogue: SqVariant[];
  idempotency: Record<string, SqKeyRecord>;
  notifications: SqNotification[];
}

/** The site's currency [I: a Squarespace site sells in one]. */

export const CURRENCY = 'USD';
/** Cents → the API's money: { currency, value: "12.30" }. */
export const usd = (cents: number): SqMoney => ({ currency: CURRENCY, value: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}` });
