// Outshifter order and item statuses. The documents name three: COMPLETED (the
// list filter example), CANCELED (item cancel) and pending ("the order id is
// created just before the payment is attempted and marked as pending"). The
// rest of the table is [I]: the states an order passes through on its way.

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

const BY_NATIVE = new Map(OS_STATUSES.map((s) => [s.native, s]));

export const CANCELED = 'CANCELED';

export function statusInfo(native: string | null | undefined): OsStatusInfo | undefined {
  return native ? BY_NATIVE.get(native.toUpperCase()) : undefined;
}

/** --status on Outshifter: the table's codes (any case), each with the name a listing shows for it. */
export const STATUS_READING: StatusReading = {
  table: OS_STATUSES.map((s) => ({ code: s.native, status: s.status })),
  alias: (input) => statusInfo(input.trim().replace(/[\s-]+/g, '_'))?.native,
};
