// What a list page holds is checked before it is mapped: an element that is
// not an order (a number, null, an object without its id) would otherwise
// print as {"id":"undefined"} and exit 0. It fails the listing with one line
// naming the platform and the element.

import { ApiError } from '../core/errors.js';

export function assertListedOrder(platform: string, raw: unknown, idKey: string, index: number): asserts raw is Record<string, unknown> {
  // Said only when it fails: this runs for every listed order.
  const where = () => `${platform} listed, as element ${index + 1} of a page of orders,`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ApiError(`${where()} ${raw === null ? 'null' : Array.isArray(raw) ? 'a list' : `a ${typeof raw}`}, not an order`);
  }
  const id = (raw as Record<string, unknown>)[idKey];
  if (!((typeof id === 'number' && Number.isFinite(id)) || (typeof id === 'string' && id.trim() !== ''))) {
    throw new ApiError(`${where()} an object without an order id ("${idKey}")`);
  }
}
