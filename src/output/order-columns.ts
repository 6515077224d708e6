// The normalized order's paths, from its JSON Schema: what --fields accepts,
// and the columns `orders list -o csv` and `orders export` print (the same
// columns, so a listing and an export read alike in a spreadsheet).

import { schemaPaths } from '../core/schema.js';

/** Every dotted path of the normalized order, parents included. */
export const ORDER_FIELDS: readonly string[] = schemaPaths('order');

const ADDRESS = ['name', 'company', 'line1', 'line2', 'city', 'state', 'zip', 'country', 'phone'];

/** One row per order: a stable order, documented in README (amounts, with the currency in its own column). */
export const ORDER_COLUMNS: readonly string[] = [
  'id', 'number', 'store', 'platform', 'status', 'nativeStatus', 'fulfillmentStatus', 'createdAt', 'updatedAt',
  'customer.id', 'customer.name', 'customer.email', 'customer.phone',
  ...ADDRESS.map((f) => `shippingAddress.${f}`),
  'payment.status', 'payment.method',
  'currency', ...['subtotal', 'shipping', 'tax', 'discount', 'refunded', 'total'].map((t) => `totals.${t}.amount`),
  'channel', 'externalRef',
];

/** One row per line item (--lines): the order's key fields, then the item's. */
export const LINE_COLUMNS: readonly string[] = [
  'id', 'number', 'store', 'status', 'createdAt', 'updatedAt', 'customer.email', 'currency',
  'item.id', 'item.productId', 'item.variantId', 'item.sku', 'item.title', 'item.variant', 'item.quantity', 'item.unitPrice.amount', 'item.total.amount', 'item.status',
];

/** What a row per line item (--lines) may show: the order's paths, and its item's under item. */
export const LINE_FIELDS: readonly string[] = [...ORDER_FIELDS, 'item', ...ORDER_FIELDS.filter((f) => f.startsWith('items.')).map((f) => f.replace(/^items\./, 'item.'))];
