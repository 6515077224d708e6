// BigCommerce shipments and payment in the normalized shapes. Field meanings
// from the official OpenAPI file (orderShipment, order_RespOnly.payment_status).

import type { PaymentStatus, Shipment } from '../../core/order.js';
import { rfc2822ToIso } from '../../core/time.js';
import type { BcPaymentStatus, BcShipment } from './types.js';

const text = (v: string | null | undefined): string | null => (v === undefined || v === null || v.trim() === '' ? null : v);

/**
 * payment_status → the shared vocabulary. "captured" is money taken; "held for
 * review" and "capture pending" wait; "void" released an authorization, so
 * nothing was paid; "void pending" is still authorized until it completes.
 */
export const PAYMENT_BY_STATUS: Record<BcPaymentStatus, PaymentStatus | null> = {
  authorized: 'authorized',
  captured: 'paid',
  'capture pending': 'pending',
  declined: 'failed',
  'held for review': 'pending',
  paid: 'paid',
  'partially refunded': 'partially_refunded',
  pending: 'pending',
  refunded: 'refunded',
  void: 'unpaid',
  'void pending': 'authorized',
  '': null,
};

/** Every payment status a BigCommerce order can show: --payment-status asks for no other. */
export const PAYMENT_STATUSES_SHOWN: readonly PaymentStatus[] = [...new Set(Object.values(PAYMENT_BY_STATUS).filter((s) => s !== null))];

export function toPaymentStatus(s: string | null | undefined): PaymentStatus | null {
  return PAYMENT_BY_STATUS[(s ?? '').trim().toLowerCase() as BcPaymentStatus] ?? null;
}

/**
 * The carrier as the store shows it: the provider's display name, else the
 * tracking carrier; the link: a custom tracking_link, else the generated one
 * (spec createOrderShipments: one of the two is empty).
 */
export function toShipment(s: BcShipment): Shipment {
  return {
    id: String(s.id),
    carrier: text(s.shipping_provider_display_name) ?? text(s.tracking_carrier) ?? text(s.shipping_provider),
    service: text(s.shipping_method),
    tracking: text(s.tracking_number),
    trackingUrl: text(s.tracking_link) ?? text(s.generated_tracking_link),
    shippedAt: rfc2822ToIso(s.date_created),
    items: (s.items ?? []).map((i) => ({ itemId: String(i.order_product_id), quantity: i.quantity })),
  };
}
