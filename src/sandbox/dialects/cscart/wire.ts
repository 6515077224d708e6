// What the CS-Cart orders API says on the wire, read for the sandbox from the
// documents themselves: this shop's orders page (seeds/cscart-orders.txt) and
// API-NOTES.md §3 (the cscart/docs pages and CS-Cart's source). The adapter
// states the same facts in src/platforms/cscart/: neither side imports the
// other, so a misreading on one side shows against the other.

/**
 * The status letters of the seed's "Order status explained" table, with the
 * English word the table gives each; Y ("awaiting call") is a store default of
 * API-NOTES.md §3 that this shop's table does not list.
 */
export const STATUS_LETTERS: Readonly<Record<string, string>> = {
  O: 'Open',
  P: 'Processed',
  C: 'Complete',
  F: 'Failed',
  D: 'Declined',
  B: 'Backordered',
  I: 'Canceled',
  G: 'Return in progress',
  H: 'Return complete',
  N: 'Incomplete',
  E: 'Unpaid',
  Y: 'Awaiting call',
};

/**
 * "There is also one hidden initial status: Incomplete (N) … This status cannot
 * be set by administrator" (seed); lists leave such orders out unless asked
 * (include_incompleted, API-NOTES.md §3).
 */
export const INCOMPLETE = 'N';

/** "If the customer uses an offline payment method, the order status changes to Open" (seed); "new orders always status O" (API-NOTES.md §3). */
export const NEW_ORDER_STATUS = 'O';

/**
 * One row of GET /orders, exactly the documented row (API-NOTES.md §3, list
 * response): "The API always accepts and returns data as strings". There is no
 * modification time in it: updated_at_from/to filter by one, but no row or
 * order detail carries it (seed, "Order Details"; API-NOTES.md §3).
 */
export interface CsListRow {
  order_id: string;
  issuer_id: string | null;
  user_id: string;
  is_parent_order: 'Y' | 'N';
  parent_order_id: string;
  company_id: string;
  /** "The Unix time when the order was placed" (seed). */
  timestamp: string;
  firstname: string;
  lastname: string;
  email: string;
  phone: string;
  status: string;
  total: string;
  invoice_id: string;
  credit_memo_id: string;
  points: string;
}

/** A line of an order's `products` ("object", seed), keyed by item id; names are CS-Cart's order_details columns [I]. */
export interface CsProductLine {
  item_id: string;
  order_id: string;
  product_id: string;
  product_code: string;
  price: string;
  amount: string;
  product: string;
  /** A "float" like the seed's other computed amounts. */
  subtotal: number;
  product_options: Array<{ option_id: string; option_name: string; variant_name: string }>;
}

/** GET /orders/{id}: the seed's "Order Details" table, plus this shop's vendor_ref. */
export interface CsOrderDetails extends CsListRow {
  ip_address: string;
  lang_code: string;
  discount: string;
  subtotal: number;
  subtotal_discount: string;
  display_subtotal: number;
  payment_id: string;
  payment_info: unknown[];
  payment_method: { payment_id: string; payment: string };
  payment_surcharge: number;
  repaid: string;
  products: Record<string, CsProductLine>;
  promotion_ids: string;
  promotions: unknown[];
  need_shipping: boolean;
  shipping_ids: string;
  shipping: unknown[];
  shipping_id: string;
  need_shipment: boolean;
  shipment_ids: string;
  shipping_cost: string;
  display_shipping_cost: number;
  tax_exempt: 'Y' | 'N';
  tax_subtotal: number;
  taxes: unknown[];
  notes: string;
  details: string;
  /** "Add filterable reference to order" (seed, v.1.03.0). */
  vendor_ref: string;
  /** CS-Cart's secondary_currency column [I: not in the seed; the adapter reads the currency from it]. */
  secondary_currency: string;
  [address: `${'s' | 'b'}_${string}`]: string;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** `{"message":"<HTTP reason>[: detail]","status":<code>}` (API-NOTES.md §3, Response.php). */
export function errorBody(status: number, detail?: string): { message: string; status: number } {
  const reason = REASONS[status] ?? 'Error';
  return { message: detail ? `${reason}: ${detail}` : reason, status };
}

/** PHP's empty(): "", "0", 0, false and null are empty; "N" is not (API-NOTES.md, Decisions). */
export const phpEmpty = (v: unknown): boolean => v === undefined || v === null || v === '' || v === '0' || v === 0 || v === false;

/** fn_get_orders' $sortings (CS-Cart source, API-NOTES.md §3); an unknown sort_by falls back to date, desc. */
export const SORTINGS = ['order_id', 'status', 'customer', 'email', 'date', 'total'] as const;

/** items_per_page when none is given: "10" (seed's table). */
export const DEFAULT_ITEMS_PER_PAGE = 10;
