// BigCommerce Orders V2 native JSON, as in the official OpenAPI file
// (shared/specs/bigcommerce-orders-v2.yml; schema names in the comments).
// Field names are the API's own. Money is a decimal string ("336.3200"),
// dates are RFC 2822 strings ("Wed, 10 Jan 2018 21:05:30 +0000").

/** Decimal string, 4 places in answers: "336.3200". */
export type BcMoney = string;
/** RFC 2822: "Wed, 10 Jan 2018 21:05:30 +0000". */
export type BcDate = string;

/** schema formFields */
export interface BcFormField {
  name: string;
  value: string | number | string[];
}

/** schema billingAddress_Base (+ form_fields in billingAddress_Resp). `zip` is required. */
export interface BcAddress {
  first_name?: string;
  last_name?: string;
  company?: string;
  street_1?: string;
  street_2?: string;
  city?: string;
  state?: string;
  zip: string;
  country?: string;
  country_iso2?: string;
  phone?: string;
  email?: string;
  form_fields?: BcFormField[];
}

/** schema shippingAddress_Base: the address part of a shipping address. */
export interface BcShippingAddressBase {
  first_name?: string;
  last_name?: string;
  company?: string;
  street_1?: string;
  street_2?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
  country_iso2?: string;
  phone?: string;
  email?: string;
}

/** { url, resource } links: products_Resource, shippingAddresses_Resource, coupons_Resource, shippingQuotes_Resource. */
export interface BcResourceLink {
  url: string;
  resource: string;
}

/** schema orderShippingAddress: GET /orders/{id}/shipping_addresses. */
export interface BcShippingAddress extends BcShippingAddressBase {
  id: number;
  order_id: number;
  items_total: number;
  items_shipped: number;
  shipping_method: string;
  base_cost: BcMoney;
  cost_ex_tax: BcMoney;
  cost_inc_tax: BcMoney;
  cost_tax: BcMoney;
  cost_tax_class_id: number;
  base_handling_cost: BcMoney;
  handling_cost_ex_tax: BcMoney;
  handling_cost_inc_tax: BcMoney;
  handling_cost_tax: BcMoney;
  handling_cost_tax_class_id: number;
  shipping_zone_id: number;
  shipping_zone_name: string;
  shipping_quotes: BcResourceLink;
  form_fields: BcFormField[];
}

export type BcPaymentStatus =
  | 'authorized'
  | 'captured'
  | 'capture pending'
  | 'declined'
  | 'held for review'
  | 'paid'
  | 'partially refunded'
  | 'pending'
  | 'refunded'
  | 'void'
  | 'void pending'
  | '';

/** schema order_Resp (order_RespOnly + order_Shared): GET/PUT/POST /orders[/{id}]. */
export interface BcOrder {
  id: number;
  customer_id: number;
  date_created: BcDate;
  date_modified: BcDate;
  /** "" until the order is fully shipped. */
  date_shipped: BcDate | '';
  status_id: number;
  status: string;
  custom_status?: string;
  subtotal_ex_tax: BcMoney;
  subtotal_inc_tax: BcMoney;
  subtotal_tax: BcMoney;
  base_shipping_cost: BcMoney;
  shipping_cost_ex_tax: BcMoney;
  shipping_cost_inc_tax: BcMoney;
  shipping_cost_tax: BcMoney;
  shipping_cost_tax_class_id: number;
  base_handling_cost: BcMoney;
  handling_cost_ex_tax: BcMoney;
  handling_cost_inc_tax: BcMoney;
  handling_cost_tax: BcMoney;
  handling_cost_tax_class_id: number;
  base_wrapping_cost: BcMoney;
  wrapping_cost_ex_tax: BcMoney;
  wrapping_cost_inc_tax: BcMoney;
  wrapping_cost_tax: BcMoney;
  wrapping_cost_tax_class_id: number;
  total_ex_tax: BcMoney;
  total_inc_tax: BcMoney;
  total_tax: BcMoney;
  is_tax_inclusive_pricing: boolean;
  items_total: number;
  items_shipped: number;
  payment_method: string;
  payment_provider_id: string | number;
  payment_status: BcPaymentStatus;
  refunded_amount: BcMoney;
  order_is_digital: boolean;
  store_credit_amount: BcMoney;
  gift_certificate_amount: BcMoney;
  ip_address: string;
  ip_address_v6: string;
  geoip_country: string;
  geoip_country_iso2: string;
  currency_id: number;
  currency_code: string;
  currency_exchange_rate: string;
  default_currency_id: number;
  default_currency_code: string;
  store_default_currency_code: string;
  store_default_to_transactional_exchange_rate: string;
  staff_notes: string;
  customer_message: string;
  discount_amount: BcMoney;
  coupon_discount: BcMoney;
  shipping_address_count: number;
  is_deleted: boolean;
  ebay_order_id: string;
  cart_id: string;
  billing_address: BcAddress;
  is_email_opt_in: boolean;
  order_source: string;
  channel_id: number;
  external_source: string | null;
  external_id: string | null;
  external_merchant_id: string | null;
  external_order_id: string;
  tax_provider_id: string;
  customer_locale: string;
  products: BcResourceLink;
  shipping_addresses: BcResourceLink;
  coupons: BcResourceLink;
  /**
   * A link, or with include=consignments.line_items&consignment_structure=object
   * the consignments themselves, their line items in full (schema orderConsignment_Get).
   */
  consignments?: BcResourceLink | BcConsignments;
}

/** A consignment's line_items: links, or with include=consignments.line_items the products (schema orderProducts). */
type BcLineItems = BcResourceLink[] | BcOrderProduct[];

/** schema orderConsignment_Get (consignment_structure=object). */
export interface BcConsignments {
  pickups?: Array<{ id: number; line_items?: BcLineItems }>;
  /** schema shippingConsignment_Get: the shipping address's fields, and its line items. */
  shipping?: Array<BcShippingAddressBase & { id: number; line_items?: BcLineItems; items_total?: number; items_shipped?: number; shipping_method?: string }>;
  downloads?: Array<{ recipient_email?: string; line_items?: BcLineItems }>;
  email?: { gift_certificates?: Array<{ recipient_email?: string; line_items?: BcLineItems }> };
}

/** schema orderProductOptions */
export interface BcProductOption {
  id: number;
  option_id: number;
  order_product_id: number;
  product_option_id: number;
  display_name: string;
  display_name_customer: string;
  display_name_merchant: string;
  display_value: string;
  display_value_customer: string;
  display_value_merchant: string;
  value: string;
  type: 'Checkbox' | 'Date field' | 'File Upload' | 'Multi-line text field' | 'Multiple choice' | 'Product Pick List' | 'Swatch' | 'Text field';
  name: string;
  display_style: string;
}

/** schema orderProductAppliedDiscounts */
export interface BcAppliedDiscount {
  id: string;
  amount: BcMoney;
  name: string;
  code: string | null;
  target: 'order' | 'product';
}

/**
 * schema orderProducts: GET /orders/{id}/products. The schema forbids other
 * properties (additionalProperties: false). `id` is the order_product_id that
 * shipments name; product_id is 0 for a custom product.
 */
export interface BcOrderProduct {
  id: number;
  order_id: number;
  product_id: number;
  /** Not available for custom products (spec). */
  variant_id?: number;
  order_pickup_method_id: number;
  order_address_id: number;
  name: string;
  name_customer: string;
  name_merchant: string;
  sku: string;
  upc: string;
  type: 'physical' | 'digital' | 'giftcertificate';
  base_price: BcMoney;
  price_ex_tax: BcMoney;
  price_inc_tax: BcMoney;
  price_tax: BcMoney;
  base_total: BcMoney;
  total_ex_tax: BcMoney;
  total_inc_tax: BcMoney;
  total_tax: BcMoney;
  weight: number | string;
  width: string;
  height: string;
  depth: string;
  quantity: number;
  base_cost_price: BcMoney;
  cost_price_inc_tax: BcMoney;
  cost_price_ex_tax: BcMoney;
  cost_price_tax: BcMoney;
  is_refunded: boolean;
  quantity_refunded: number;
  refund_amount: BcMoney;
  return_id: number;
  wrapping_id: number;
  wrapping_name: string | null;
  base_wrapping_cost: BcMoney | number;
  wrapping_cost_ex_tax: BcMoney;
  wrapping_cost_inc_tax: BcMoney;
  wrapping_cost_tax: BcMoney;
  wrapping_message: string;
  quantity_shipped: number;
  event_name: string | null;
  event_date: string | null;
  fixed_shipping_cost: BcMoney;
  ebay_item_id: string;
  ebay_transaction_id: string;
  option_set_id: number | null;
  parent_order_product_id: number | null;
  is_bundled_product: boolean;
  bin_picking_number: string;
  external_id: string | null;
  brand: string;
  applied_discounts: BcAppliedDiscount[];
  product_options: BcProductOption[];
  configurable_fields: Array<{ name: string; value: string }>;
  gift_certificate_id: number | null;
  discounted_total_inc_tax: BcMoney;
}

/** schema orderShipment: GET/POST /orders/{id}/shipments. */
export interface BcShipment {
  id: number;
  order_id: number;
  customer_id: number;
  order_address_id: number;
  date_created: BcDate;
  tracking_number: string;
  merchant_shipping_cost: BcMoney;
  shipping_method: string;
  comments: string;
  /** shipping_provider_standard ("", auspost, canadapost, endicia, usps, fedex, royalmail, ups, upsready, upsonline, shipperhq) or carrier_{id}. */
  shipping_provider: string;
  tracking_carrier: string;
  tracking_link: string;
  billing_address: BcAddress;
  shipping_address: BcShippingAddressBase;
  items: Array<{ order_product_id: number; product_id: number; quantity: number }>;
  shipping_provider_display_name: string;
  generated_tracking_link: string;
}

/** schema orderShipment_Post: POST /orders/{id}/shipments. order_address_id and items are required. */
export interface BcShipmentCreate {
  order_address_id: number;
  items: Array<{ order_product_id: number; quantity: number }>;
  tracking_number?: string;
  tracking_link?: string;
  merchant_shipping_cost?: string;
  shipping_method?: string;
  shipping_provider?: string;
  tracking_carrier?: string;
  comments?: string;
}

/** schema ordersCountStatus */
export interface BcStatusCount {
  id: number;
  name: string;
  system_label: string;
  custom_label: string;
  system_description: string;
  count: number;
  sort_order: number;
}

/** schema ordersCount_Full: GET /orders/count. */
export interface BcOrderCount {
  statuses: BcStatusCount[];
  count: number;
}

/** schema orderCount: GET /orders/{id}/shipments/count. */
export interface BcCount {
  count: number;
}

/** schema orderStatus_Base: GET /order_statuses. */
export interface BcOrderStatus {
  id: number;
  name: string;
  system_label: string;
  custom_label: string;
  system_description: string;
}

/** One entry of a v2 error answer, which is always an array (spec 404_Resp and the 400 example). */
export interface BcError {
  status: number;
  message: string;
}

export type BcErrorBody = BcError[];

/** A product line in POST /orders (orderCatalogProduct_Post | orderCustomProduct_Post). */
export interface BcProductCreate {
  product_id?: number;
  variant_id?: number;
  name?: string;
  name_customer?: string;
  name_merchant?: string;
  quantity: number;
  price_inc_tax?: number;
  price_ex_tax?: number;
  sku?: string;
  upc?: string;
  product_options?: Array<{ id: number; value: string }>;
}

/** schema order_Post (the fields orderctl uses). billing_address and products (or consignments) are required. */
export interface BcOrderCreate {
  billing_address: BcAddress;
  products?: BcProductCreate[];
  shipping_addresses?: Array<BcShippingAddressBase & { shipping_method?: string }>;
  consignments?: unknown;
  status_id?: number;
  customer_id?: number;
  customer_message?: string;
  staff_notes?: string;
  payment_method?: string;
  external_source?: string | null;
  external_order_id?: string;
  customer_locale?: string;
  channel_id?: number;
  date_created?: BcDate;
  default_currency_code?: string;
  discount_amount?: string;
  shipping_cost_ex_tax?: string;
  shipping_cost_inc_tax?: string;
}

/** schema order_Put (the fields orderctl uses): a partial update; products add (no id), update (id) or remove (quantity 0). */
export type BcOrderUpdate = Partial<Omit<BcOrderCreate, 'products' | 'billing_address'>> & {
  billing_address?: Partial<BcAddress>;
  products?: Array<Partial<BcProductCreate> & { id?: number }>;
  is_deleted?: boolean;
};
