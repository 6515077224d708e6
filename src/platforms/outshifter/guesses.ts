// Where Outshifter's documents leave its API open, orderctl guesses (README,
// "Outshifter"). Each guess a user could need to change is a profile setting,
// and when the API answers in a way the guess did not expect, orderctl stops
// with one line naming the guess and the setting, never a silently wrong result.

import type { Profile } from '../../core/config.js';
import { ApiError, UsageError } from '../../core/errors.js';
import { STATUSES, type Status } from '../../core/order.js';
import { nativeKey } from './status.js';

/** The profile settings (flags of `profile add`) that override a guess. */
export const GUESS_FLAGS = {
  cancelItemUrl: '--cancel-item-url',
  listRequest: '--list-request',
  statusMap: '--status-map',
  shippingRateField: '--shipping-rate-field',
  klarnaOrderField: '--klarna-order-field',
} as const;
export type GuessKey = keyof typeof GUESS_FLAGS;

/**
 * The item cancel, under the API root. The document's example is
 * `PUT https://api.outshifter.com/orders/:id/items/:itemId`, without the /api
 * every other endpoint has (API-NOTES.md §4): taken as a slip of the page [I].
 */
export const DEFAULT_CANCEL_ITEM = '/orders/{order}/items/{item}';
/**
 * "Get user orders" shows the filters status, dateFrom, dateTo and says the
 * channel storefront is needed, but no path or method (seed) [I]: the REST
 * read its wording implies, every filter a query parameter, one whole answer.
 */
export const DEFAULT_LIST_REQUEST = 'GET /orders?storefront={storefront}&status={status}&dateFrom={dateFrom}&dateTo={dateTo}';
/** The checkout field the chosen flat rate's service_code goes in: "shipping rate" is required, no field is named (seed) [I]. */
export const DEFAULT_SHIPPING_RATE_FIELD = 'shipping_rate';
/** The field of POST /cart/:id/init-payment-klarna's answer with the pending order's id: the answer is not documented [I]. */
export const DEFAULT_KLARNA_ORDER_FIELD = 'order_id';

const SLOTS = ['storefront', 'status', 'dateFrom', 'dateTo', 'page'] as const;
export type ListSlot = (typeof SLOTS)[number];

export interface ListRequest {
  /** As written (the setting, or the guess). */
  text: string;
  method: 'GET' | 'POST';
  /** Under the API root; may hold {storefront}. */
  path: string;
  /** Each parameter's name, and the value it carries: a slot or a fixed text. */
  params: Array<{ name: string; slot?: ListSlot; text?: string }>;
  /** Which slots the request carries: a filter it cannot carry is applied to what comes back. */
  has: Set<ListSlot>;
}

export interface Guesses {
  /** The cancel's path, relative to the API root (it may climb out of it with /..), with {order} and {item}. */
  cancelItem: string;
  list: ListRequest;
  /** Native statuses the profile adds or re-maps. */
  statusMap: Array<[string, Status]>;
  shippingRateField: string;
  klarnaOrderField: string;
}

/** How a user changes one guess: the flag of `profile add`, with an example value. */
export function overrideHint(key: GuessKey, example: string): string {
  return `if Outshifter's API differs, say how: orderctl profile add NAME --platform outshifter ${GUESS_FLAGS[key]} ${example} (with the profile's other flags)`;
}

/** The API answered other than a guess expected: exit 1, naming the guess and its override. */
export function wrongGuess(message: string, key: GuessKey, example: string, status?: number): ApiError {
  return new ApiError(message, { hint: overrideHint(key, example), status, code: 'guess_failed' });
}

const quoteArg = (s: string) => (/^[\w/{}.:@-]+$/.test(s) ? s : `'${s}'`);

// ---------------------------------------------------------------- parsing the settings

function bad(key: GuessKey, value: string, why: string): UsageError {
  return new UsageError(`invalid ${GUESS_FLAGS[key]} ${JSON.stringify(value)}: ${why}`);
}

/** 'GET /orders?storefront={storefront}&status={status}' → the request; POST sends the same names in a JSON body. */
export function parseListRequest(text: string): ListRequest {
  const m = /^(GET|POST)\s+(\/[^?\s]*)(?:\?(\S+))?$/i.exec(text.trim());
  if (!m) throw bad('listRequest', text, "write METHOD PATH?NAME={SLOT}&…, e.g. 'GET /orders?storefront={storefront}&status={status}'");
  const has = new Set<ListSlot>();
  const slotOf = (v: string): ListSlot | undefined => {
    const s = /^\{(\w+)\}$/.exec(v)?.[1];
    if (s === undefined) return undefined;
    if (!(SLOTS as readonly string[]).includes(s)) throw bad('listRequest', text, `{${s}} is not one of ${SLOTS.map((x) => `{${x}}`).join(', ')}`);
    if (has.has(s as ListSlot)) throw bad('listRequest', text, `{${s}} is given twice`);
    has.add(s as ListSlot);
    return s as ListSlot;
  };
  const path = m[2]!;
  for (const [, s] of path.matchAll(/\{(\w+)\}/g)) {
    if (s !== 'storefront') throw bad('listRequest', text, 'only {storefront} may stand in the path');
    slotOf(`{${s}}`);
  }
  const params = (m[3] ?? '').split('&').filter(Boolean).map((pair) => {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    if (!/^[\w.[\]-]+$/.test(name)) throw bad('listRequest', text, `"${name}" is not a parameter name`);
    const slot = slotOf(value);
    if (!slot && /[{}]/.test(value)) throw bad('listRequest', text, `"${value}" is neither a {slot} nor plain text`);
    return slot ? { name, slot } : { name, text: value };
  });
  if (!has.has('storefront')) throw bad('listRequest', text, 'it must carry {storefront}: orders are listed per channel storefront (seed)');
  return { text: text.trim(), method: m[1]!.toUpperCase() as 'GET' | 'POST', path, params, has };
}

/**
 * A path under the API root, or a full URL on the API's own host (the document
 * writes https://api.outshifter.com/orders/…); either with {order} and {item}.
 * A URL becomes a path that climbs out of the root, so the request keeps the
 * profile's host and its key never goes to another one.
 */
export function parseCancelItem(text: string, baseUrl: string): string {
  const t = text.trim();
  for (const s of ['{order}', '{item}']) if (!t.includes(s)) throw bad('cancelItemUrl', text, `it must hold ${s}`);
  if (t.startsWith('/')) {
    if (/[?#\s]/.test(t)) throw bad('cancelItemUrl', text, 'a path has no query, fragment or spaces');
    return t;
  }
  let url: URL;
  try {
    url = new URL(t.replace('{order}', 'ORDER__').replace('{item}', 'ITEM__'));
  } catch {
    throw bad('cancelItemUrl', text, 'write a path under the API root (/orders/{order}/items/{item}) or a full URL');
  }
  const base = new URL(baseUrl);
  if (url.origin !== base.origin) throw bad('cancelItemUrl', text, `it is not on the profile's API host (${base.origin}): the API key goes only there`);
  const depth = base.pathname.split('/').filter(Boolean).length;
  return '/..'.repeat(depth) + url.pathname.replace('ORDER__', '{order}').replace('ITEM__', '{item}');
}

/** 'PROCESSING=awaiting_fulfillment,DISPATCHED=fulfilled' → native codes (as nativeKey spells them) and their normalized status. */
export function parseStatusMap(text: string): Array<[string, Status]> {
  const pairs = text.split(',').map((p) => p.trim()).filter(Boolean);
  if (!pairs.length) throw bad('statusMap', text, 'write NATIVE=STATUS[,NATIVE=STATUS…], e.g. PROCESSING=awaiting_fulfillment');
  return pairs.map((pair) => {
    const [native, status, ...rest] = pair.split('=').map((s) => s.trim());
    if (!native || !status || rest.length || !/^[A-Za-z][\w -]*$/.test(native)) throw bad('statusMap', text, `"${pair}" is not NATIVE=STATUS`);
    if (!(STATUSES as readonly string[]).includes(status)) throw bad('statusMap', text, `"${status}" is not a status (${STATUSES.join(', ')})`);
    return [nativeKey(native), status as Status];
  });
}

function parseField(key: GuessKey, text: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(text.trim())) throw bad(key, text, 'a JSON field name is letters, digits and _');
  return text.trim();
}

/** The guesses of a profile: its settings where it has them, orderctl's guesses elsewhere. Bad settings: exit 2. */
export function guessesOf(profile: Pick<Profile, 'baseUrl'> & Partial<Record<GuessKey, string>>, defaultBaseUrl: string): Guesses {
  return {
    cancelItem: profile.cancelItemUrl ? parseCancelItem(profile.cancelItemUrl, profile.baseUrl ?? defaultBaseUrl) : DEFAULT_CANCEL_ITEM,
    list: parseListRequest(profile.listRequest ?? DEFAULT_LIST_REQUEST),
    statusMap: profile.statusMap ? parseStatusMap(profile.statusMap) : [],
    shippingRateField: profile.shippingRateField ? parseField('shippingRateField', profile.shippingRateField) : DEFAULT_SHIPPING_RATE_FIELD,
    klarnaOrderField: profile.klarnaOrderField ? parseField('klarnaOrderField', profile.klarnaOrderField) : DEFAULT_KLARNA_ORDER_FIELD,
  };
}

export const GUESS_EXAMPLES: Record<GuessKey, string> = {
  cancelItemUrl: 'https://api.outshifter.com/orders/{order}/items/{item}',
  listRequest: quoteArg("GET /orders?storefront={storefront}&status={status}&dateFrom={dateFrom}&dateTo={dateTo}&page={page}"),
  statusMap: 'NATIVE=awaiting_fulfillment',
  shippingRateField: 'FIELD',
  klarnaOrderField: 'FIELD',
};
