// The order statuses, as the spec gives them: ids, names and descriptions from the
// "Order Status Descriptions" table of GET /order_statuses, the control-panel
// position from the `order` of every orderStatusCollection_Resp example (the same
// numbers as the sort_order of the ordersCount_Resp example).

export interface StatusRow {
  id: number;
  name: string;
  description: string;
  /** Position in the control panel: `order` in /order_statuses, `sort_order` in /orders/count. */
  order: number;
}

/** Indexed by id, 0–14. */
export const STATUSES: readonly StatusRow[] = [
  { id: 0, name: 'Incomplete', order: 0, description: 'An incomplete order happens when a shopper reached the payment page, but did not complete the transaction.' },
  { id: 1, name: 'Pending', order: 1, description: 'Customer started the checkout process, but did not complete it.' },
  { id: 2, name: 'Shipped', order: 8, description: 'Order has been shipped, but receipt has not been confirmed; seller has used the Ship Items action.' },
  { id: 3, name: 'Partially Shipped', order: 6, description: 'Only some items in the order have been shipped, due to some products being pre-order only or other reasons.' },
  { id: 4, name: 'Refunded', order: 11, description: 'Seller has used the Refund action.' },
  { id: 5, name: 'Cancelled', order: 9, description: 'Seller has cancelled an order, due to a stock inconsistency or other reasons.' },
  { id: 6, name: 'Declined', order: 10, description: 'Seller has marked the order as declined for lack of manual payment, or other reasons.' },
  { id: 7, name: 'Awaiting Payment', order: 2, description: 'Customer has completed checkout process, but payment has yet to be confirmed.' },
  { id: 8, name: 'Awaiting Pickup', order: 5, description: 'Order has been pulled, and is awaiting customer pickup from a seller-specified location.' },
  { id: 9, name: 'Awaiting Shipment', order: 4, description: 'Order has been pulled and packaged, and is awaiting collection from a shipping provider.' },
  { id: 10, name: 'Completed', order: 7, description: 'Client has paid for their digital product and their file(s) are available for download.' },
  { id: 11, name: 'Awaiting Fulfillment', order: 3, description: 'Customer has completed the checkout process and payment has been confirmed.' },
  { id: 12, name: 'Manual Verification Required', order: 13, description: 'Order is on hold while some aspect needs to be manually confirmed.' },
  { id: 13, name: 'Disputed', order: 12, description: 'Customer has initiated a dispute resolution process for the PayPal transaction that paid for the order.' },
  { id: 14, name: 'Partially Refunded', order: 14, description: 'Seller has partially refunded the order.' },
];

/** A status_id the API knows: an integer 0–14 (the table above). */
export function isKnownStatus(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && STATUSES[v] !== undefined;
}

/** The English name of a known status id. */
export function nameOf(id: number): string {
  const s = STATUSES[id];
  if (!s) throw new Error(`BigCommerce has no status ${id}`);
  return s.name;
}

/** The table in the control panel's order, as GET /orders/count lists it. */
export function byControlPanelOrder(): StatusRow[] {
  return [...STATUSES].sort((a, b) => a.order - b.order);
}
