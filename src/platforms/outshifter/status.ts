// Outshifter order and item statuses. The documents name three: COMPLETED (the
// list filter example), CANCELED (item cancel) and pending ("the order id is
// created just before the payment is attempted and marked as pending"). The
// rest of the table is [I]: the states an order passes through on its way.

import { UsageError } from '../../core/errors.js';
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
const BY_STATUS = new Map(OS_STATUSES.map((s) => [s.status as string, s.native]));
// Another spelling users type for the same thing.
BY_STATUS.set('canceled', 'CANCELED');
BY_STATUS.set('awaiting_payment', 'PENDING');

export const CANCELED = 'CANCELED';

export function statusInfo(native: string | null | undefined): OsStatusInfo | undefined {
  return native ? BY_NATIVE.get(native.toUpperCase()) : undefined;
}

/** A native code (any case) or a normalized name → the native code the API filters by. */
export function toNativeStatus(input: string): string {
  const s = input.trim();
  const upper = s.toUpperCase().replace(/[\s-]+/g, '_');
  if (BY_NATIVE.has(upper)) return upper;
  const native = BY_STATUS.get(s.toLowerCase().replace(/[\s-]+/g, '_'));
  if (native) return native;
  throw new UsageError(`unknown Outshifter status "${input}": use ${OS_STATUSES.map((x) => x.native).join(', ')} or a normalized name such as ${OS_STATUSES.slice(0, 3).map((x) => x.status).join(', ')}`);
}
