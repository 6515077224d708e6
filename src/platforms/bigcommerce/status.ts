// BigCommerce's order statuses, ids 0–14, with the names, labels and
// descriptions of the official OpenAPI file (GET /order_statuses table) and
// the control-panel sort order of its GET /orders/count example.

export interface BcStatusInfo {
  id: number;
  name: string;
  system_label: string;
  system_description: string;
  sort_order: number;
}

function status(id: number, name: string, sort_order: number, system_description: string): BcStatusInfo {
  return { id, name, system_label: name, system_description, sort_order };
}

/** Indexed by status_id. */
export const BC_STATUSES: readonly BcStatusInfo[] = [
  status(0, 'Incomplete', 0, 'An incomplete order happens when a shopper reached the payment page, but did not complete the transaction.'),
  status(1, 'Pending', 1, 'Customer started the checkout process, but did not complete it.'),
  status(2, 'Shipped', 8, 'Order has been shipped, but receipt has not been confirmed; seller has used the Ship Items action.'),
  status(3, 'Partially Shipped', 6, 'Only some items in the order have been shipped, due to some products being pre-order only or other reasons.'),
  status(4, 'Refunded', 11, 'Seller has used the Refund action.'),
  status(5, 'Cancelled', 9, 'Seller has cancelled an order, due to a stock inconsistency or other reasons.'),
  status(6, 'Declined', 10, 'Seller has marked the order as declined for lack of manual payment, or other reasons.'),
  status(7, 'Awaiting Payment', 2, 'Customer has completed checkout process, but payment has yet to be confirmed.'),
  status(8, 'Awaiting Pickup', 5, 'Order has been pulled, and is awaiting customer pickup from a seller-specified location.'),
  status(9, 'Awaiting Shipment', 4, 'Order has been pulled and packaged, and is awaiting collection from a shipping provider.'),
  status(10, 'Completed', 7, 'Client has paid for their digital product and their file(s) are available for download.'),
  status(11, 'Awaiting Fulfillment', 3, 'Customer has completed the checkout process and payment has been confirmed.'),
  status(12, 'Manual Verification Required', 13, 'Order is on hold while some aspect needs to be manually confirmed.'),
  status(13, 'Disputed', 12, 'Customer has initiated a dispute resolution process for the PayPal transaction that paid for the order.'),
  status(14, 'Partially Refunded', 14, 'Seller has partially refunded the order.'),
];

export const MIN_STATUS_ID = 0;
export const MAX_STATUS_ID = 14;

export function isStatusId(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= MIN_STATUS_ID && v <= MAX_STATUS_ID;
}

/** The English name of a status id ("Awaiting Fulfillment"); undefined outside 0–14. */
export function statusName(id: number): string | undefined {
  return BC_STATUSES[id]?.name;
}

/** Statuses in the control panel's order (sort_order), as GET /orders/count lists them. */
export function statusesBySortOrder(): BcStatusInfo[] {
  return [...BC_STATUSES].sort((a, b) => a.sort_order - b.sort_order);
}
