// The JSON the BigCommerce dialect serves and reads, written from the official
// Orders V2 file (shared/specs/bigcommerce-orders-v2.yml, "spec" below): each
// type names its schema, each field is the schema's own. Stated here, not
// taken from the adapter, so one misreading cannot sit on both sides of a test
// (DESIGN.md: a dialect is a second, independent reading).
//
// Where the schema types money as a string, answers carry 4 decimals
// ("336.3200", every example); dates are RFC 2822 (order_RespOnly.date_modified:
// "RFC-2822 … always in UTC in the api response").

/** A decimal string: "(Float, Float-As-String, Integer)" in the spec, a string in every answer. */
export type Money = string;
/** RFC 2822 in UTC: "Wed, 10 Jan 2018 21:05:30 +0000". */
export type RfcDate = string;

/** products_Resource, shippingAddresses_Resource, coupons_Resource, shippingQuotes_Resource. */
export interface Link {
  url: string;
  resource: string;
}

/** formFields: value is a number, a string or an array. */
export interface FormField {
  name: string;
  value: number | string | unknown[];
}

/** shippingAddress_Base: every field optional, all strings. */
export interface AddressFields {
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

/** billingAddress_Resp: billingAddress_Base (zip required, "two or more characters") + form_fields. */
export interface BillingAddress extends AddressFields {
  zip: string;
  form_fields?: FormField[];
}

/** orderShippingAddress: an id, the address (shippingAddress_Base), its counts and costs. */
export interface ShippingAddress extends AddressFields {
  id: number;
  order_id: number;
  items_total: number;
  items_shipped: number;
  shipping_method: string;
  base_cost: Money;
  cost_ex_tax: Money;
  cost_inc_tax: Money;
  cost_tax: Money;
  cost_tax_class_id: number;
  base_handling_cost: Money;
  handling_cost_ex_tax: Money;
  handling_cost_inc_tax: Money;
  handling_cost_tax: Money;
  handling_cost_tax_class_id: number;
  shipping_zone_id: number;
  shipping_zone_name: string;
  form_fields: FormField[];
  shipping_quotes: Link;
}

/** order_RespOnly.payment_status: its enum, "" included. */
export const PAYMENT_STATUSES = ['authorized', 'captured', 'capture pending', 'declined', 'held for review', 'paid', 'partially refunded', 'pending', 'refunded', 'void', 'void pending', ''] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * order_Resp = order_RespOnly + order_Shared. custom_status is in the examples
 * only (orderCollection_Resp, order_Resp), not in either schema; it is served as
 * they show it. consignments is a link or, with include=consignments and
 * consignment_structure=object, orderConsignment_Get.
 */
export interface Order {
  // order_RespOnly
  id: number;
  date_modified: RfcDate;
  /** "the date when the order is fully shipped"; "" before (every example). */
  date_shipped: RfcDate | '';
  cart_id: string;
  status: string;
  custom_status: string;
  subtotal_tax: Money;
  shipping_cost_tax: Money;
  shipping_cost_tax_class_id: number;
  handling_cost_tax: Money;
  handling_cost_tax_class_id: number;
  wrapping_cost_tax: Money;
  wrapping_cost_tax_class_id: number;
  payment_status: PaymentStatus;
  store_credit_amount: Money;
  gift_certificate_amount: Money;
  /** The display currency's id. */
  currency_id: number;
  /** The display currency: what the storefront showed prices in. */
  currency_code: string;
  /** Store default → display currency; "always 1" for orders made through V2. */
  currency_exchange_rate: string;
  /** The transactional currency's id. */
  default_currency_id: number;
  /** The transactional currency: the one the shopper pays in. */
  default_currency_code: string;
  store_default_currency_code: string;
  store_default_to_transactional_exchange_rate: string;
  coupon_discount: Money;
  shipping_address_count: number;
  /** "deleted/archived"; true in a PUT "has the same result as" DELETE. */
  is_deleted: boolean;
  total_tax: Money;
  is_tax_inclusive_pricing: boolean;
  is_email_opt_in: boolean;
  order_source: string;
  status_id: number;
  billing_address: BillingAddress;
  products: Link;
  shipping_addresses: Link;
  coupons: Link;
  consignments?: Link | Consignments;
  // order_Shared
  base_handling_cost: Money;
  base_shipping_cost: Money;
  base_wrapping_cost: Money;
  channel_id: number;
  customer_id: number;
  customer_message: string;
  date_created: RfcDate;
  discount_amount: Money;
  ebay_order_id: string;
  external_id: string | null;
  external_merchant_id: string | null;
  external_source: string | null;
  geoip_country: string;
  geoip_country_iso2: string;
  handling_cost_ex_tax: Money;
  handling_cost_inc_tax: Money;
  ip_address: string;
  ip_address_v6: string;
  items_shipped: number;
  items_total: number;
  order_is_digital: boolean;
  payment_method: string;
  payment_provider_id: string | number;
  /**
   * [C] The schema says "always returns 0" (the words of orderProducts.refund_amount, which is
   * deprecated); the examples, all unrefunded, show "0.0000". The sandbox carries the amount
   * refunded on Refunded (4) and Partially Refunded (14) orders [I].
   */
  refunded_amount: Money;
  shipping_cost_ex_tax: Money;
  shipping_cost_inc_tax: Money;
  staff_notes: string;
  subtotal_ex_tax: Money;
  subtotal_inc_tax: Money;
  tax_provider_id: string;
  customer_locale: string;
  external_order_id: string;
  total_ex_tax: Money;
  total_inc_tax: Money;
  wrapping_cost_ex_tax: Money;
  wrapping_cost_inc_tax: Money;
}

/** orderConsignment_Get, as far as the sandbox serves it (no pickups, downloads or gift certificates). */
export interface Consignments {
  pickups: unknown[];
  shipping: ShippingConsignment[];
  downloads: unknown[];
  email: { gift_certificates: unknown[] };
}

/** shippingConsignment_Get: here money is a number (base_cost: 5.1). */
export interface ShippingConsignment extends AddressFields {
  id: number;
  form_fields: FormField[];
  line_items: Link[] | OrderProduct[];
  items_total: number;
  items_shipped: number;
  shipping_method: string;
  base_cost: number;
  cost_ex_tax: number;
  cost_inc_tax: number;
  cost_tax: number;
  cost_tax_class_id: number;
  base_handling_cost: number;
  handling_cost_ex_tax: number;
  handling_cost_inc_tax: number;
  handling_cost_tax: number;
  handling_cost_tax_class_id: number;
  shipping_zone_id: number;
  shipping_zone_name: string;
  shipping_quotes: Link;
}

/** orderProductOptions.type: its enum. */
export type OptionType = 'Checkbox' | 'Date field' | 'File Upload' | 'Multi-line text field' | 'Multiple choice' | 'Product Pick List' | 'Swatch' | 'Text field';

/** orderProductOptions */
export interface ProductOption {
  id: number;
  option_id: number;
  order_product_id: number;
  product_option_id: number;
  display_name: string;
  display_value: string;
  value: string;
  type: OptionType;
  name: string;
  display_style: string;
  display_name_customer: string;
  display_name_merchant: string;
  display_value_customer: string;
  display_value_merchant: string;
}

/** orderProductAppliedDiscounts: id is "Name of the coupon applied to order"; target is read-only. */
export interface AppliedDiscount {
  id: string;
  amount: Money;
  name: string;
  code: string | null;
  target: 'order' | 'product';
}

/** orderProducts (additionalProperties: false, so nothing beyond these). */
export interface OrderProduct {
  id: number;
  order_id: number;
  product_id: number;
  order_pickup_method_id: number;
  order_address_id: number;
  name: string;
  sku: string;
  type: 'physical' | 'digital' | 'giftcertificate';
  base_price: Money;
  price_ex_tax: Money;
  price_inc_tax: Money;
  price_tax: Money;
  base_total: Money;
  total_ex_tax: Money;
  total_inc_tax: Money;
  total_tax: Money;
  quantity: number;
  base_cost_price: Money;
  cost_price_inc_tax: Money;
  cost_price_ex_tax: Money;
  weight: number | string;
  width: string;
  height: string;
  depth: string;
  cost_price_tax: Money;
  is_refunded: boolean;
  quantity_refunded: number;
  refund_amount: Money;
  return_id: number;
  wrapping_id: number;
  wrapping_name: string | null;
  base_wrapping_cost: Money | number;
  wrapping_cost_ex_tax: Money;
  wrapping_cost_inc_tax: Money;
  wrapping_cost_tax: Money;
  wrapping_message: string;
  quantity_shipped: number;
  event_name: string | null;
  event_date: string | null;
  fixed_shipping_cost: Money;
  ebay_item_id: string;
  ebay_transaction_id: string;
  option_set_id: number | null;
  parent_order_product_id: number | null;
  is_bundled_product: boolean;
  bin_picking_number: string;
  external_id: string | null;
  brand: string;
  applied_discounts: AppliedDiscount[];
  product_options: ProductOption[];
  configurable_fields: Array<{ name: string; value: string }>;
  upc: string;
  /** "not available for custom products": absent on them. */
  variant_id?: number;
  name_customer: string;
  name_merchant: string;
  gift_certificate_id: number | null;
  discounted_total_inc_tax: Money;
}

/** orderShipment.items: order_product_id and quantity, product_id read-only. */
export interface ShipmentItem {
  order_product_id: number;
  product_id: number;
  quantity: number;
}

/**
 * orderShipment. billing_address is billingAddress_Base, without form_fields
 * (and so in every example); shipping_address is shippingAddress_Base.
 */
export interface Shipment {
  id: number;
  order_id: number;
  customer_id: number;
  order_address_id: number;
  date_created: RfcDate;
  tracking_number: string;
  merchant_shipping_cost: Money;
  shipping_method: string;
  comments: string;
  /** shipping_provider_standard, or shipping_provider_custom ("carrier_{id}"). */
  shipping_provider: string;
  /** "" or an AfterShip courier slug ("Acceptable values for tracking_carrier"). */
  tracking_carrier: string;
  tracking_link: string;
  billing_address: Omit<BillingAddress, 'form_fields'>;
  shipping_address: Required<AddressFields>;
  items: ShipmentItem[];
  shipping_provider_display_name: string;
  generated_tracking_link: string;
}

/** orderShipment_Post / orderShipment_Put: the optional fields both take. */
export interface ShipmentFields {
  tracking_number?: string;
  tracking_link?: string;
  merchant_shipping_cost?: string;
  shipping_method?: string;
  shipping_provider?: string;
  tracking_carrier?: string;
  comments?: string;
}

/**
 * orderStatus_Base, and `order`: every /order_statuses example carries it (the
 * control panel's position, the sort_order of GET /orders/count) although the
 * schema does not list it.
 */
export interface OrderStatus {
  id: number;
  name: string;
  system_label: string;
  custom_label: string;
  system_description: string;
  order: number;
}

/** ordersCountStatus: orderStatus_Base + count + sort_order. */
export interface StatusCount {
  id: number;
  name: string;
  system_label: string;
  custom_label: string;
  system_description: string;
  count: number;
  sort_order: number;
}

/** ordersCount_Full */
export interface OrdersCount {
  statuses: StatusCount[];
  count: number;
}
