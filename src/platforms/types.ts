// What every platform adapter offers. Adapters translate — flags to requests,
// native JSON to the normalized order — and never print.

import type { Order, PaymentStatus, Platform, Shipment, Status } from '../core/order.js';
import type { SortSpec } from '../core/sort.js';
import type { Commerce } from './commerce.js';
import type { StatusReading } from './status-filter.js';

export type { SortSpec };

export type Capability =
  | 'list'
  | 'get'
  | 'count'
  | 'create'
  | 'update'
  | 'status'
  | 'fulfill'
  | 'cancel'
  | 'archive'
  | 'vendor_ref'
  | 'shipment_edit'
  | 'cart'
  | 'checkout'
  | 'shipping';

export interface OrderFilters {
  /** Normalized names or native codes, as the user typed them. */
  statuses: string[];
  since?: Date; // modified
  until?: Date;
  createdSince?: Date;
  createdUntil?: Date;
  customer?: string;
  email?: string;
  minId?: string;
  maxId?: string;
  sort?: SortSpec;
  cursor?: string;
  vendorRef?: string;
  invoice?: string;
  /** Words to find in the number, customer name or e-mail (filtered locally everywhere). */
  search?: string;
  /** Payment states: normalized names (paid, refunded…) or native codes, as typed. */
  paymentStatuses?: string[];
  paymentMethod?: string;
  /** The sales channel (BigCommerce channel_id). */
  channel?: string;
  /** Decimal strings, order total at least / at most. */
  minTotal?: string;
  maxTotal?: string;
  /** The marketplace's order reference (BigCommerce external_order_id: Amazon, eBay). */
  externalRef?: string;
  /** The vendor (CS-Cart Multi-Vendor company_id). */
  vendor?: string;
  /** The cart an order came from (BigCommerce cart_id). */
  cart?: string;
  /** The Context clock's now, set with --since/--until: Squarespace completes a one-sided window with it. */
  now?: Date;
}

export interface Paging {
  /** Stop after this many orders (--limit). */
  limit?: number;
  /**
   * Pages by id (keyset) rather than page number where the platform allows, so
   * orders created or changed during a long run cannot shift pages (exports).
   */
  keyset?: boolean;
  /**
   * With keyset: newest id first, where ids follow creation (an export over
   * several stores is merged newest created first, as lists are).
   */
  newestFirst?: boolean;
  /** Cursor-paged platforms report where the next page starts (null: no more). */
  onCursor?: (next: string | null) => void;
  /**
   * A listing that stops before the end (no --all) says so, for the paging hint:
   * `sure` when the platform said more exist (a next page, a total), not when only
   * a full last page suggests it; `total` where the answer carried it, with no
   * request of its own.
   */
  onMore?: (more: MoreOrders) => void;
  /** Every page (--all). */
  all: boolean;
  /** The output never shows an order's platform JSON: a listing may leave `raw` out, and keeps less. */
  dropRaw?: boolean;
  page?: number;
  pageSize?: number;
}

/** What a listing that stopped early knows of the orders it did not read. */
export interface MoreOrders {
  sure: boolean;
  total?: number;
}

/** An order with the platform's own JSON beside it, for --raw. */
export interface Fetched {
  order: Order;
  raw: unknown;
  /** A list answer that lacks what getOrder gives (items, addresses): a reader wanting them reads the order. */
  partial?: boolean;
}

/** How many orders have one native status. */
export interface StatusCount {
  status: Status | null;
  nativeStatus: string;
  name: string;
  count: number;
}

export interface OrderCount {
  count: number;
  statuses: StatusCount[];
}

export interface FulfillOptions {
  tracking?: string;
  carrier?: string;
  service?: string;
  trackingUrl?: string;
  shipDate?: Date;
  notify?: boolean;
  items: Array<{ id: string; quantity?: number }>;
  address?: string;
  comments?: string;
}

export interface CancelOptions {
  notify?: boolean;
  /** CS-Cart: cancelled by the merchant (status D) rather than the customer (I). */
  byMerchant?: boolean;
  /** Platforms that cancel single items (Outshifter). */
  items?: string[];
  /** Outshifter: every item not yet cancelled, one at a time. */
  allItems?: boolean;
}

export interface FulfillResult {
  orderId: string;
  shipmentId: string | null;
  raw: unknown;
}

export interface StatusChange {
  orderId: string;
  status: Status | null;
  nativeStatus: string;
  raw: unknown;
}

export interface Adapter {
  readonly platform: Platform;
  /** One cheap authenticated call, for `profile test`. */
  ping(): Promise<void>;
  listOrders(filters: OrderFilters, paging: Paging): AsyncIterable<Fetched>;
  getOrder(id: string): Promise<Fetched>;
  countOrders?(filters: OrderFilters): Promise<OrderCount>;
  createOrder?(body: unknown, opts: { idempotencyKey?: string }): Promise<Fetched>;
  updateOrder?(id: string, body: unknown): Promise<Fetched>;
  setStatus?(id: string, status: string, opts: { notify?: boolean }): Promise<StatusChange>;
  fulfillOrder?(id: string, opts: FulfillOptions): Promise<FulfillResult>;
  /** What fulfillOrder refuses in its options alone (no request): orders fulfill checks every order's before sending any. */
  checkFulfill?(opts: FulfillOptions): void;
  cancelOrder?(id: string, opts: CancelOptions): Promise<StatusChange>;
  /** CS-Cart's vendor reference (orders update --vendor-ref). */
  setVendorRef?(id: string, ref: string): Promise<Fetched>;
  /** True when create takes an Idempotency-Key: the command makes one when none is given. */
  readonly idempotentCreate?: boolean;
  archiveOrder?(id: string): Promise<void>;
  /** How --status values read on this platform: its native codes and the normalized name of each. */
  readonly statusReading: StatusReading;
  /** The payment statuses a listing can show, where --payment-status is applied locally over it. */
  readonly paymentStatusesShown?: readonly PaymentStatus[];
  /** The platform's own name for a native status code ("P" → "Processed"), for tables. */
  statusName?(nativeStatus: string): string | undefined;
  /** The one order the API lists in, where it cannot sort (Squarespace: newest change first). */
  readonly listedBy?: SortSpec;
  /** True for a test order (Squarespace testmode), which tables mark. */
  isTestOrder?(raw: unknown): boolean;
  /** Checks a create/update body before any request; returns the body to send. */
  validateOrderBody?(body: unknown, kind: 'create' | 'update'): unknown;
  /**
   * Platforms that cancel item by item (Outshifter): which items a cancel means
   * (refusing before any request what the platform would refuse), and one item's cancel.
   */
  planCancel?(id: string, opts: CancelOptions): Promise<string[]>;
  cancelItem?(id: string, itemId: string): Promise<StatusChange>;
  /** An order's shipments from their own endpoint (BigCommerce); elsewhere they come with the order. */
  listShipments?(id: string): Promise<{ shipments: Shipment[]; raw: unknown }>;
  /** Corrects a shipment's tracking, carrier, service, link, comment or address. */
  updateShipment?(id: string, shipmentId: string, o: FulfillOptions): Promise<{ shipment: Shipment; raw: unknown }>;
  deleteShipment?(id: string, shipmentId: string): Promise<void>;
  /**
   * Set where listed orders carry no modification time (CS-Cart's documented
   * row): `window` says how the shop is asked for the orders modified since a
   * moment. An export checkpoint then rests on that filter, and checks it
   * (commands/orders/window-check.ts).
   */
  readonly untimedRows?: { window: string };
  /** True where the number customers see is the order id (BigCommerce, CS-Cart): `#1060` is order 1060. */
  readonly numberIsId?: boolean;
  /** Filters that make a listing hold every order, for finding one by number (Squarespace hides unpaid ones by default). */
  readonly everyOrder?: Partial<OrderFilters>;
  /** Carts, checkouts, payment and shipping quotes, where the platform has them. */
  readonly commerce?: Commerce;
}
