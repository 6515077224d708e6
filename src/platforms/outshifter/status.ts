// Outshifter order and item statuses. The documents name three: COMPLETED (the
// list filter example), CANCELED (item cancel) and pending ("the order id is
// created just before the payment is attempted and marked as pending"). The
// rest of the table is [I]: the states an order passes through on its way.
// A profile's --status-map adds or re-maps codes; a code in neither is never
// given some default: reading it fails, naming the setting (guesses.ts).

import type { StatusReading } from '../status-filter.js';
import type { Status } from '../../core/order.js';

export interface OsStatusInfo {
  native: string;
  status: Status;
  name: string;
  /** Items in this state may still be cancelled: before shipping (seed). */
  cancellable: boolean;
}

export const OS_STATUSES: readonly OsStatusInfo[] = [
  { native: 'PENDING', status: 'pending', name: 'Pending payment', cancellable: true },
  { native: 'PAID', status: 'awaiting_fulfillment', name: 'Paid', cancellable: true },
  { native: 'PARTIALLY_SHIPPED', status: 'partially_fulfilled', name: 'Partially shipped', cancellable: false },
  { native: 'SHIPPED', status: 'fulfilled', name: 'Shipped', cancellable: false },
  { native: 'COMPLETED', status: 'completed', name: 'Completed', cancellable: false },
  { native: 'CANCELED', status: 'cancelled', name: 'Canceled', cancellable: false },
  { native: 'RETURN_REQUESTED', status: 'return_requested', name: 'Return requested', cancellable: false },
  { native: 'RETURNED', status: 'returned', name: 'Returned', cancellable: false },
  { native: 'FAILED', status: 'failed', name: 'Payment failed', cancellable: false },
];

export const CANCELED = 'CANCELED';

/** The codes the documents spell: COMPLETED (the list's filter example) and CANCELED (item cancel); "pending" is only prose. */
export const DOCUMENTED_CODES: ReadonlySet<string> = new Set(['COMPLETED', CANCELED]);

/** A mapped code may be cancelled while nothing has left the warehouse. */
const BEFORE_SHIPPING: ReadonlySet<Status> = new Set(['incomplete', 'pending', 'awaiting_payment', 'awaiting_fulfillment', 'on_hold']);

export interface StatusTable {
  info(native: string | null | undefined): OsStatusInfo | undefined;
  /** The codes known, for messages. */
  codes: string[];
  /** --status on Outshifter: the table's codes (any case), each with the name a listing shows for it. */
  reading: StatusReading;
}

/**
 * The one spelling rule for a native code, wherever one is looked up or
 * suggested: trimmed, upper case, runs of spaces and hyphens as one "_"
 * ("In transit", "in-transit" → IN_TRANSIT). The documented codes are already
 * in this form, so what is sent to the API stays the table's own spelling.
 */
export function nativeKey(code: string): string {
  return code.trim().toUpperCase().replace(/[\s-]+/g, '_');
}

/** The table, with a profile's own codes added or re-mapped. */
export function statusTable(extra: ReadonlyArray<[string, Status]> = []): StatusTable {
  const byNative = new Map(OS_STATUSES.map((s) => [s.native, s]));
  for (const [code, status] of extra) {
    const native = byNative.get(nativeKey(code))?.native ?? nativeKey(code);
    const name = native.charAt(0) + native.slice(1).toLowerCase().replace(/_/g, ' ');
    byNative.set(native, { native, status, name: byNative.get(native)?.name ?? name, cancellable: BEFORE_SHIPPING.has(status) });
  }
  const info = (native: string | null | undefined) => (native ? byNative.get(nativeKey(native)) : undefined);
  const all = [...byNative.values()];
  return {
    info,
    codes: all.map((s) => s.native),
    reading: {
      table: all.map((s) => ({ code: s.native, status: s.status })),
      // The table's spelling is what a filter sends, never the input's key.
      alias: (input) => info(input)?.native,
    },
  };
}

export const DEFAULT_STATUSES = statusTable();
export const statusInfo = DEFAULT_STATUSES.info;
export const STATUS_READING: StatusReading = DEFAULT_STATUSES.reading;
