// What the sandbox answers about an order: the documented list row and the
// seed's "Order Details", built from the stored order.

import { formatCents, totalsOf, type CsStoredOrder } from './section.js';
import type { CsListRow, CsOrderDetails, CsProductLine } from './wire.js';

/** Cents → a JSON number (12.3): exact for two decimals, since the division is the parse of "12.30". */
const centsNumber = (cents: number): number => Number(formatCents(cents));

/** Letters after which nothing is left to ship [I: complete, returned, cancelled or declined, failed]. */
const SHIPPED_OR_CLOSED = ['C', 'G', 'H', 'I', 'D', 'F'];

/** One row of GET /orders, field for field the documented row (API-NOTES.md §3): every value a string. */
export function listRow(o: CsStoredOrder): CsListRow {
  return {
    order_id: o.order_id,
    issuer_id: null,
    user_id: o.user_id,
    is_parent_order: 'N',
    parent_order_id: '0',
    company_id: o.company_id,
    timestamp: String(o.timestamp),
    firstname: o.firstname,
    lastname: o.lastname,
    email: o.email,
    phone: o.phone,
    status: o.status,
    total: formatCents(totalsOf(o).total),
    invoice_id: o.invoice_id,
    credit_memo_id: '',
    points: '0',
  };
}

/** GET /orders/{id}: the seed's "Order Details"; the computed amounts are numbers, as the seed types them ("float"). */
export function orderDetails(o: CsStoredOrder): CsOrderDetails {
  const t = totalsOf(o);
  const products: Record<string, CsProductLine> = {};
  for (const p of o.products) {
    products[p.item_id] = {
      item_id: p.item_id,
      order_id: o.order_id,
      product_id: p.product_id,
      product_code: p.product_code,
      price: formatCents(p.price_cents),
      amount: String(p.amount),
      product: p.product,
      subtotal: centsNumber(p.price_cents * p.amount),
      product_options: p.options.map((x, i) => ({ option_id: String(i + 1), ...x })),
    };
  }
  const paymentId = o.payment_id ?? '2';
  const shippingId = o.shipping_id ?? '1';
  return {
    ...listRow(o),
    ip_address: '203.0.113.7',
    lang_code: o.lang_code,
    discount: '0.00',
    subtotal: centsNumber(t.subtotal),
    subtotal_discount: formatCents(o.subtotal_discount_cents),
    display_subtotal: centsNumber(t.subtotal),
    payment_id: paymentId,
    payment_info: [],
    payment_method: { payment_id: paymentId, payment: 'Vorkasse' },
    payment_surcharge: 0,
    repaid: '0',
    products,
    promotion_ids: o.subtotal_discount_cents ? '3' : '',
    promotions: [],
    need_shipping: true,
    shipping_ids: shippingId,
    shipping: [],
    shipping_id: shippingId,
    need_shipment: !SHIPPED_OR_CLOSED.includes(o.status),
    shipment_ids: '',
    shipping_cost: formatCents(o.shipping_cents),
    display_shipping_cost: centsNumber(o.shipping_cents),
    tax_exempt: 'N',
    tax_subtotal: centsNumber(t.tax),
    taxes: [],
    notes: o.notes,
    details: o.details,
    vendor_ref: o.vendor_ref,
    secondary_currency: 'EUR',
    ...o.address,
  };
}
