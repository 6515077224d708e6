// What --fields accepts for each kind of record orderctl prints: the dotted
// paths of its JSON. Taken from the JSON Schemas where there is one
// (`orderctl schema`), else spelled out from the record's type.

import { schemaPaths } from '../core/schema.js';
import type { SandboxDescription } from '../sandbox/server.js';
import { ORDER_FIELDS } from './order-columns.js';

export { ORDER_FIELDS };

/** Every key of T, once: the compiler says when the type gains or loses one. */
const keysOf = <T>(keys: Record<keyof T, true>): readonly string[] => Object.keys(keys);

/** A shipment (`orders shipments`): the order's shipments.* paths. */
export const SHIPMENT_FIELDS: readonly string[] = ORDER_FIELDS.filter((p) => p.startsWith('shipments.')).map((p) => p.slice('shipments.'.length));

export const CART_FIELDS: readonly string[] = schemaPaths('cart');
export const CHECKOUT_FIELDS: readonly string[] = schemaPaths('checkout');
export const QUOTE_FIELDS: readonly string[] = schemaPaths('quote');
/** `checkout payment ID`: a payment's state. */
export const PAYMENT_FIELDS: readonly string[] = schemaPaths('payment', 0);
/** `checkout pay`: a started payment, which is pending until the shopper pays. */
export const STARTED_PAYMENT_FIELDS: readonly string[] = schemaPaths('payment', 1);
/** `checkout methods`: one method a record. */
export const METHOD_FIELDS: readonly string[] = schemaPaths('payment', 2);
/** `checkout klarna`: Klarna's checkout started from a cart. */
export const KLARNA_FIELDS: readonly string[] = schemaPaths('payment', 3);

const result = (...details: string[]): readonly string[] => [...new Set([...schemaPaths('result'), ...details])];

/**
 * What happened to each order of a bulk run (`orderctl schema result`), with the
 * details each command adds: cancelling items names the item and its order.
 */
export const RESULT_FIELDS = {
  status: result('nativeStatus'),
  fulfill: result('shipmentId'),
  cancel: result('nativeStatus', 'order', 'item', 'orderStatus'),
  archive: result('archived'),
} as const;

/** `profile list`: one profile a row. */
export const PROFILE_ROW_FIELDS: readonly string[] = ['name', 'current', 'platform', 'baseUrl', 'storeHash', 'token'];

/** Outshifter's overridable guesses, which `profile show` prints only where set. */
export const PROFILE_GUESSES = ['cancelItemUrl', 'listRequest', 'statusMap', 'shippingRateField', 'klarnaOrderField'] as const;

/** `profile show`: the profile's settings, where the secret comes from, and the config file. */
export const PROFILE_FIELDS: readonly string[] = [
  'name', 'current', 'platform', 'baseUrl', 'storeHash', 'username', 'storefront', 'currency', ...PROFILE_GUESSES, 'token', 'tokenFromEnv', 'configFile',
];

/** `sandbox info`: the state file and a summary per platform (whose keys are the dialect's own). */
export const SANDBOX_INFO_FIELDS = keysOf<SandboxDescription>({ file: true, exists: true, seed: true, version: true, platforms: true });

/** `sandbox pay`: the checkout paid and the order it made. */
export const SANDBOX_PAID_FIELDS: readonly string[] = ['checkoutId', 'status', 'orderId', 'orderStatus'];
