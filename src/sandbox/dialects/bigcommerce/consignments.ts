// An order's consignments, for GET /orders and GET /orders/{id} with
// include=consignments[.line_items] and consignment_structure=object (spec:
// parameters order_includes and consignment_structure, schemas
// orderConsignment_Get and shippingConsignment_Get). Written from the spec
// alone: the adapter's reading of the same answer is its own.

import type { BcOrderRecord, StoredAddress } from './common.js';

interface Link {
  url: string;
  resource: string;
}

/**
 * What `include` and `consignment_structure` ask for: the object with links to
 * the line items (consignments), the object with the line items in full
 * (consignments.line_items, which "also includes the resources associated with
 * include=consignments"), or nothing. `include` is a form array (explode false:
 * "consignments.line_items,fees"); values the sandbox does not serve (fees) are
 * left out of the answer [I]. Without consignment_structure=object the spec
 * names no structure: the sandbox then keeps the link [I].
 */
export function consignmentsAsked(query: Record<string, string>): 'links' | 'line_items' | undefined {
  if (query.consignment_structure !== 'object') return undefined;
  const include = (query.include ?? '').split(',').map((s) => s.trim());
  if (include.includes('consignments.line_items')) return 'line_items';
  if (include.includes('consignments')) return 'links';
  return undefined;
}

/**
 * The consignments object: one shipping consignment per shipping address, with
 * that address's fields and id [I: the spec's examples give a shipping address
 * and its consignment the same id, 23], and its products; money in this schema
 * is a number (shippingConsignment_Get: base_cost 5.1). The sandbox has no
 * pickups, downloads or gift certificates, so those lists are empty.
 */
export function renderConsignments(r: BcOrderRecord, asked: 'links' | 'line_items', baseUrl: string) {
  const link = (path: string): Link => ({ url: `${baseUrl}${path}`, resource: path });
  const lineItems = (a: StoredAddress) =>
    r.products.filter((p) => p.order_address_id === a.id).map((p) => (asked === 'line_items' ? p : link(`/orders/${r.order.id}/products/${p.id}`)));
  return {
    pickups: [],
    shipping: r.addresses.map((a) => ({
      id: a.id,
      first_name: a.first_name,
      last_name: a.last_name,
      company: a.company,
      street_1: a.street_1,
      street_2: a.street_2,
      city: a.city,
      zip: a.zip,
      country: a.country,
      country_iso2: a.country_iso2,
      state: a.state,
      email: a.email,
      phone: a.phone,
      form_fields: a.form_fields,
      line_items: lineItems(a),
      items_total: a.items_total,
      items_shipped: a.items_shipped,
      shipping_method: a.shipping_method,
      base_cost: Number(a.base_cost),
      cost_ex_tax: Number(a.cost_ex_tax),
      cost_inc_tax: Number(a.cost_inc_tax),
      cost_tax: Number(a.cost_tax),
      cost_tax_class_id: a.cost_tax_class_id,
      base_handling_cost: Number(a.base_handling_cost),
      handling_cost_ex_tax: Number(a.handling_cost_ex_tax),
      handling_cost_inc_tax: Number(a.handling_cost_inc_tax),
      handling_cost_tax: Number(a.handling_cost_tax),
      handling_cost_tax_class_id: a.handling_cost_tax_class_id,
      shipping_zone_id: a.shipping_zone_id,
      shipping_zone_name: a.shipping_zone_name,
      shipping_quotes: link(`/orders/${r.order.id}/consignments/shipping/${a.id}/shipping_quotes`),
    })),
    downloads: [],
    email: { gift_certificates: [] },
  };
}
