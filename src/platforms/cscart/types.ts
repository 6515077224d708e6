// CS-Cart orders API native JSON (seeds/cscart-orders.txt, API-NOTES.md §3).
// Field names are the API's own. "The API always accepts and returns data as
// strings and arrays" (cscart/docs api index), yet the seed types totals as
// float and timestamp as integer: every scalar may arrive as a string or a
// number, so the types say so and the mapping never does float arithmetic.

/** A number as a JSON number or a decimal string: "677.95", 677.95. */
export type CsNumber = string | number;

/** One row of GET /orders (API-NOTES.md §3, list response). */
export interface CsOrderSummary {
  order_id: CsNumber;
  issuer_id?: CsNumber | null;
  user_id?: CsNumber;
  is_parent_order?: 'Y' | 'N';
  parent_order_id?: CsNumber;
  company_id?: CsNumber;
  /** Unix seconds, when the order was placed. */
  timestamp?: CsNumber;
  /** Unix seconds of the last change [I]: the field behind updated_at_from/to, absent from the seed. */
  updated_at?: CsNumber;
  firstname?: string;
  lastname?: string;
  email?: string;
  phone?: string;
  /** A status letter (status.ts). */
  status: string;
  total?: CsNumber;
  invoice_id?: CsNumber | null;
  credit_memo_id?: CsNumber | null;
  points?: CsNumber;
}

/** `params` of the list envelope: the search as the shop understood it. */
export interface CsListParams {
  page?: CsNumber;
  items_per_page?: CsNumber;
  sort_by?: string;
  sort_order?: string;
  sort_order_rev?: string;
  include_incompleted?: boolean | string;
  /** How many orders match; pages = ceil(total_items / items_per_page). */
  total_items?: CsNumber;
  [k: string]: unknown;
}

/** GET /orders: `{"orders":[…],"params":{…}}`. */
export interface CsOrderList {
  orders: CsOrderSummary[];
  params: CsListParams;
}

/**
 * One line of an order's `products` object (keyed by item id). The seed only
 * says "object"; these names are CS-Cart's order_details columns [I].
 */
export interface CsOrderProduct {
  item_id: CsNumber;
  order_id?: CsNumber;
  product_id?: CsNumber;
  product_code?: string;
  product?: string;
  price?: CsNumber;
  amount?: CsNumber;
  subtotal?: CsNumber;
  product_options?: Array<{ option_name?: string; variant_name?: string }>;
}

/** Address fields, each with an s_ (shipping) and b_ (billing) prefix in the order. */
export const ADDRESS_FIELDS = [
  'firstname',
  'lastname',
  'address',
  'address_2',
  'city',
  'state',
  'state_descr',
  'country',
  'country_descr',
  'zipcode',
  'phone',
] as const;
export type CsAddressField = (typeof ADDRESS_FIELDS)[number];
type Prefixed<P extends string> = { [K in CsAddressField as `${P}${K}`]?: string };

/** GET /orders/{id}: the seed's "Order Details" (plus vendor_ref, this shop's addition). */
export interface CsOrder extends CsOrderSummary, Prefixed<'s_'>, Prefixed<'b_'> {
  ip_address?: string;
  lang_code?: string;
  discount?: CsNumber;
  subtotal?: CsNumber;
  subtotal_discount?: CsNumber;
  display_subtotal?: CsNumber;
  payment_id?: CsNumber;
  payment_info?: unknown;
  payment_method?: unknown;
  payment_surcharge?: CsNumber;
  repaid?: CsNumber;
  products?: Record<string, CsOrderProduct> | CsOrderProduct[];
  promotion_ids?: string;
  promotions?: unknown;
  need_shipping?: boolean;
  shipping_ids?: string;
  shipping?: unknown;
  shipping_id?: CsNumber;
  need_shipment?: boolean;
  shipment_ids?: string;
  shipping_cost?: CsNumber;
  display_shipping_cost?: CsNumber;
  tax_exempt?: 'Y' | 'N';
  tax_subtotal?: CsNumber;
  taxes?: unknown;
  /** Customer's notes. */
  notes?: string;
  /** Administrator's notes. */
  details?: string;
  /** The shop's filterable reference (seed: "Add filterable reference to order preview"). */
  vendor_ref?: string;
  /** The order's display currency [I]: CS-Cart's secondary_currency column; not in the seed. */
  secondary_currency?: string;
}

/** PUT /orders/{id} answer: `{ "order_id": "98" }`. */
export interface CsUpdated {
  order_id: CsNumber;
}

/** Error body: `{"message":"Not Found","status":404}` (API-NOTES.md §3, Response.php). */
export interface CsError {
  message?: string;
  status?: number;
}
