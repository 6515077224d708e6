// Building stored orders, lines and addresses, and keeping their totals true.

import { nameOf } from './statuses.js';
import type { AddressFields, BillingAddress, OrderProduct, ProductOption } from './wire.js';
import { type BcOrderRecord, type BcSection, formatMoney, M, rfc2822, type StoredAddress, type StoredOrder } from './common.js';
import { type CatalogueOption, type Country, countryOf, currencyId, rateOf, ZONE_NAMES } from './reference.js';

export const ADDRESS_KEYS = ['first_name', 'last_name', 'company', 'street_1', 'street_2', 'city', 'state', 'zip', 'country', 'country_iso2', 'phone', 'email'] as const;

export function addressFields(src: Partial<Record<(typeof ADDRESS_KEYS)[number], unknown>>): Required<AddressFields> {
  const out = {} as Required<AddressFields>;
  for (const k of ADDRESS_KEYS) out[k] = typeof src[k] === 'string' ? (src[k] as string) : '';
  return out;
}

export function billingOf(src: Partial<BillingAddress>): BillingAddress {
  return { ...addressFields(src), form_fields: Array.isArray(src.form_fields) ? src.form_fields : [] };
}

export function newAddress(sec: BcSection, orderId: number, src: Partial<AddressFields>, shippingMethod: string, costEx: number, costInc: number): StoredAddress {
  const country = countryOf(src.country_iso2);
  return {
    id: sec.next.address++,
    order_id: orderId,
    ...addressFields(src),
    items_total: 0,
    items_shipped: 0,
    shipping_method: shippingMethod,
    base_cost: formatMoney(costEx),
    cost_ex_tax: formatMoney(costEx),
    cost_inc_tax: formatMoney(costInc),
    cost_tax: formatMoney(costInc - costEx),
    cost_tax_class_id: 2,
    base_handling_cost: '0.0000',
    handling_cost_ex_tax: '0.0000',
    handling_cost_inc_tax: '0.0000',
    handling_cost_tax: '0.0000',
    handling_cost_tax_class_id: 2,
    shipping_zone_id: country?.zone ?? 1,
    shipping_zone_name: ZONE_NAMES[country?.zone ?? 1]!,
    form_fields: [],
  };
}

export interface LineInput {
  productId: number;
  variantId?: number;
  name: string;
  sku: string;
  priceEx: number;
  priceInc: number;
  quantity: number;
  brand: string;
  weight: string;
  options: Array<{ option: CatalogueOption; value: [string, string, string] } | { custom: { id: number; value: string } }>;
  upc?: string;
}

export function newProduct(sec: BcSection, orderId: number, addressId: number, line: LineInput): OrderProduct {
  const id = sec.next.product++;
  const product_options: ProductOption[] = line.options.map((o) => {
    const optionRowId = sec.next.option++;
    if ('custom' in o) {
      const v = String(o.custom.value);
      return { id: optionRowId, option_id: 0, order_product_id: id, product_option_id: o.custom.id, display_name: `Option ${o.custom.id}`, display_name_customer: `Option ${o.custom.id}`, display_name_merchant: `Option ${o.custom.id}`, display_value: v, display_value_customer: v, display_value_merchant: v, value: v, type: 'Text field', name: `Option ${o.custom.id}`, display_style: '' };
    }
    const [valueId, label] = o.value;
    const opt = o.option;
    return { id: optionRowId, option_id: opt.option_id, order_product_id: id, product_option_id: opt.product_option_id, display_name: opt.display_name, display_name_customer: opt.display_name, display_name_merchant: opt.display_name, display_value: label, display_value_customer: label, display_value_merchant: label, value: valueId, type: opt.type, name: opt.name, display_style: opt.display_style };
  });
  const p: OrderProduct = {
    id,
    order_id: orderId,
    product_id: line.productId,
    ...(line.variantId !== undefined ? { variant_id: line.variantId } : {}),
    order_pickup_method_id: 0,
    order_address_id: addressId,
    name: line.name,
    name_customer: line.name,
    name_merchant: line.name,
    sku: line.sku,
    upc: line.upc ?? '',
    type: 'physical',
    base_price: '',
    price_ex_tax: '',
    price_inc_tax: '',
    price_tax: '',
    base_total: '',
    total_ex_tax: '',
    total_inc_tax: '',
    total_tax: '',
    weight: line.weight,
    width: '1.0000',
    height: '1.0000',
    depth: '1.0000',
    quantity: line.quantity,
    base_cost_price: formatMoney(Math.round(line.priceEx * 0.6)),
    cost_price_inc_tax: formatMoney(Math.round(line.priceEx * 0.6)),
    cost_price_ex_tax: formatMoney(Math.round(line.priceEx * 0.6)),
    cost_price_tax: '0.0000',
    is_refunded: false,
    quantity_refunded: 0,
    refund_amount: '0.0000',
    return_id: 0,
    wrapping_id: 0,
    wrapping_name: null,
    base_wrapping_cost: '0.0000',
    wrapping_cost_ex_tax: '0.0000',
    wrapping_cost_inc_tax: '0.0000',
    wrapping_cost_tax: '0.0000',
    wrapping_message: '',
    quantity_shipped: 0,
    event_name: null,
    event_date: null,
    fixed_shipping_cost: '0.0000',
    ebay_item_id: '',
    ebay_transaction_id: '',
    option_set_id: line.options.length && line.productId ? line.productId : null,
    parent_order_product_id: null,
    is_bundled_product: false,
    bin_picking_number: '',
    external_id: null,
    brand: line.brand,
    applied_discounts: [],
    product_options,
    configurable_fields: [],
    gift_certificate_id: null,
    discounted_total_inc_tax: '',
  };
  setPrices(p, line.priceEx, line.priceInc);
  return p;
}

export function setPrices(p: OrderProduct, ex: number, inc: number): void {
  p.base_price = formatMoney(ex);
  p.price_ex_tax = formatMoney(ex);
  p.price_inc_tax = formatMoney(inc);
  p.price_tax = formatMoney(inc - ex);
  p.base_total = formatMoney(ex * p.quantity);
  p.total_ex_tax = formatMoney(ex * p.quantity);
  p.total_inc_tax = formatMoney(inc * p.quantity);
  p.total_tax = formatMoney((inc - ex) * p.quantity);
  const off = p.applied_discounts.reduce((n, d) => n + M(d.amount), 0);
  p.discounted_total_inc_tax = formatMoney(Math.max(0, inc * p.quantity - off));
}

/** Recomputes the order's counts and totals from its lines and addresses (integer units). */
export function recompute(r: BcOrderRecord): void {
  const o = r.order;
  let subEx = 0;
  let subInc = 0;
  for (const p of r.products) {
    setPrices(p, M(p.price_ex_tax), M(p.price_inc_tax));
    subEx += M(p.total_ex_tax);
    subInc += M(p.total_inc_tax);
  }
  let shipBase = 0;
  let shipEx = 0;
  let shipInc = 0;
  for (const a of r.addresses) {
    const lines = r.products.filter((p) => p.order_address_id === a.id);
    a.items_total = lines.reduce((n, p) => n + p.quantity, 0);
    a.items_shipped = lines.reduce((n, p) => n + p.quantity_shipped, 0);
    shipBase += M(a.base_cost);
    shipEx += M(a.cost_ex_tax);
    shipInc += M(a.cost_inc_tax);
  }
  const handlingEx = M(o.handling_cost_ex_tax);
  const handlingInc = M(o.handling_cost_inc_tax);
  const wrapEx = M(o.wrapping_cost_ex_tax);
  const wrapInc = M(o.wrapping_cost_inc_tax);
  const discount = M(o.discount_amount);
  const totalEx = Math.max(0, subEx + shipEx + handlingEx + wrapEx - discount);
  const totalInc = Math.max(0, subInc + shipInc + handlingInc + wrapInc - discount);
  Object.assign(o, {
    subtotal_ex_tax: formatMoney(subEx),
    subtotal_inc_tax: formatMoney(subInc),
    subtotal_tax: formatMoney(subInc - subEx),
    base_shipping_cost: formatMoney(shipBase),
    shipping_cost_ex_tax: formatMoney(shipEx),
    shipping_cost_inc_tax: formatMoney(shipInc),
    shipping_cost_tax: formatMoney(shipInc - shipEx),
    total_ex_tax: formatMoney(totalEx),
    total_inc_tax: formatMoney(totalInc),
    total_tax: formatMoney(Math.max(0, totalInc - totalEx)),
    items_total: r.products.reduce((n, p) => n + p.quantity, 0),
    items_shipped: r.products.reduce((n, p) => n + p.quantity_shipped, 0),
    shipping_address_count: r.addresses.length,
  });
}

export function setStatus(o: StoredOrder, statusId: number): void {
  o.status_id = statusId;
  o.status = nameOf(statusId);
  o.custom_status = o.status;
}

/** A new order charged in `currency` (default: the billing country's, else the store's USD). */
export function newOrder(id: number, created: number, customerId: number, billing: BillingAddress, country: Country | undefined, currency = country?.currency ?? 'USD'): StoredOrder {
  const o = {
    id,
    customer_id: customerId,
    date_created: rfc2822(created),
    date_modified: rfc2822(created),
    date_shipped: '',
    status_id: 1,
    status: 'Pending',
    subtotal_ex_tax: '0.0000',
    subtotal_inc_tax: '0.0000',
    subtotal_tax: '0.0000',
    base_shipping_cost: '0.0000',
    shipping_cost_ex_tax: '0.0000',
    shipping_cost_inc_tax: '0.0000',
    shipping_cost_tax: '0.0000',
    shipping_cost_tax_class_id: 2,
    base_handling_cost: '0.0000',
    handling_cost_ex_tax: '0.0000',
    handling_cost_inc_tax: '0.0000',
    handling_cost_tax: '0.0000',
    handling_cost_tax_class_id: 2,
    base_wrapping_cost: '0.0000',
    wrapping_cost_ex_tax: '0.0000',
    wrapping_cost_inc_tax: '0.0000',
    wrapping_cost_tax: '0.0000',
    wrapping_cost_tax_class_id: 3,
    total_ex_tax: '0.0000',
    total_inc_tax: '0.0000',
    total_tax: '0.0000',
    is_tax_inclusive_pricing: false,
    items_total: 0,
    items_shipped: 0,
    payment_method: 'Manual',
    payment_provider_id: '',
    payment_status: '',
    refunded_amount: '0.0000',
    order_is_digital: false,
    store_credit_amount: '0.0000',
    gift_certificate_amount: '0.0000',
    ip_address: '',
    ip_address_v6: '',
    geoip_country: '',
    geoip_country_iso2: '',
    currency_id: currencyId(currency),
    currency_code: currency,
    currency_exchange_rate: '1.0000000000',
    default_currency_id: currencyId(currency),
    default_currency_code: currency,
    store_default_currency_code: 'USD',
    store_default_to_transactional_exchange_rate: rateOf(currency),
    staff_notes: '',
    customer_message: '',
    discount_amount: '0.0000',
    coupon_discount: '0.0000',
    shipping_address_count: 0,
    is_deleted: false,
    ebay_order_id: '0',
    cart_id: '',
    billing_address: billing,
    is_email_opt_in: false,
    order_source: 'external',
    channel_id: 1,
    external_source: null,
    external_id: null,
    external_merchant_id: null,
    external_order_id: '',
    tax_provider_id: '',
    customer_locale: 'en',
    custom_status: 'Pending',
  } satisfies StoredOrder;
  return o;
}
