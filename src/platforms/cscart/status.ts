// CS-Cart's order status letters. The table is the seed's "Order status
// explained" (seeds/cscart-orders.txt), which has this shop's letters beyond
// the store defaults in API-NOTES.md §3 (H, G, N, E); Y "awaiting call" is a
// store default (API-NOTES.md §3) that the seed does not list.

import type { Status } from '../../core/order.js';

export interface CsStatusInfo {
  letter: string;
  /** The English name, as tables and counts show it. */
  name: string;
  /** What the letter means, from the seed. */
  description: string;
  /** The normalized status it maps to. */
  status: Status;
}

function s(letter: string, name: string, status: Status, description: string): CsStatusInfo {
  return { letter, name, status, description };
}

export const CS_STATUSES: readonly CsStatusInfo[] = [
  s('O', 'Open', 'pending', 'The order was placed and created in the store database, but it hasn’t been processed yet.'),
  s('P', 'Processed', 'awaiting_fulfillment', 'The payment was received; ready to ship.'),
  s('C', 'Complete', 'completed', 'All work on the order was completed.'),
  s('F', 'Failed', 'failed', 'The payment transaction failed.'),
  s('D', 'Declined', 'declined', 'The order was canceled by the store administrator.'),
  s('B', 'Backordered', 'on_hold', 'The order hasn’t been processed yet, as it contains out-of-stock items.'),
  s('I', 'Canceled', 'cancelled', 'The order was canceled by the customer.'),
  s('G', 'Return in progress', 'return_requested', 'Return request from customer in progress.'),
  s('H', 'Return complete', 'returned', 'Return is processed and repaid.'),
  s('N', 'Incomplete', 'incomplete', 'Created in the store database, awaiting the response from a payment method.'),
  s('E', 'Unpaid', 'awaiting_payment', 'The customer got a notification with instructions how to make the payment.'),
  s('Y', 'Awaiting call', 'on_hold', 'Store default status (API-NOTES.md §3).'),
];

export const STATUS_BY_LETTER: Readonly<Record<string, CsStatusInfo>> = Object.fromEntries(CS_STATUSES.map((x) => [x.letter, x]));

/**
 * "Incomplete (N) … cannot be set by administrator" (seed), and incomplete
 * orders are left out of lists unless asked for (API-NOTES.md §3,
 * include_incompleted).
 */
export const INCOMPLETE = 'N';

/** The English name of a letter ("Processed"); undefined for a store's own letters. */
export function statusName(letter: string): string | undefined {
  return STATUS_BY_LETTER[letter]?.name;
}
