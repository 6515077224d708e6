// Outshifter's rules, shared by the adapter (to refuse before any request)
// and the sandbox dialect (to refuse as the API would), so both say the same.

import { countryProblem, emailProblem } from '../../core/contact.js';
import type { Checkout, Contact } from '../commerce.js';

/** "Anonymous and unfinished checkouts are deleted after 60 days from the last modification" (seed). */
export const CHECKOUT_TTL_MS = 60 * 86_400_000;

/** The address fields a payment cannot go without [I: the seed says "shipping information"]. */
export const REQUIRED_ADDRESS: ReadonlyArray<keyof Contact> = ['address1', 'city', 'zip', 'countryCode'];

export interface Requirement {
  /** The seed's words: personal information, shipping, billing, payment method, shipping rate. */
  need: string;
  /** What is missing of it, as field names of Contact (or the checkout). */
  fields: string[];
}

const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === '';

function missingOf(c: Contact | null, fields: ReadonlyArray<keyof Contact>): string[] {
  return fields.filter((f) => blank(c?.[f]));
}

/**
 * "You will not be able to proceed with payment without the following
 * information: personal information (name, email), shipping information,
 * billing information, payment method, shipping rate" (seed).
 */
export function missingForPayment(c: Pick<Checkout, 'shippingAddress' | 'billingAddress' | 'email' | 'paymentMethod' | 'shippingRate'>): Requirement[] {
  const out: Requirement[] = [];
  const personal = [...missingOf(c.shippingAddress, ['firstName', 'lastName']), ...(blank(c.email) ? ['email'] : [])];
  if (personal.length) out.push({ need: 'personal information', fields: personal });
  const shipping = missingOf(c.shippingAddress, REQUIRED_ADDRESS);
  if (shipping.length) out.push({ need: 'shipping information', fields: shipping });
  const billing = missingOf(c.billingAddress, ['firstName', 'lastName', ...REQUIRED_ADDRESS]);
  if (billing.length) out.push({ need: 'billing information', fields: billing.map((f) => `billing.${f}`) });
  if (blank(c.paymentMethod)) out.push({ need: 'payment method', fields: ['paymentMethod'] });
  if (!c.shippingRate) out.push({ need: 'shipping rate', fields: ['shippingRate'] });
  return out;
}

/** Problems with the e-mail and country code of a contact, in the API's words for its fields. */
export function contactProblems(c: Partial<Contact>, prefix = ''): string[] {
  const out: string[] = [];
  if (!blank(c.email) && emailProblem(c.email!)) out.push(`${prefix}email: ${emailProblem(c.email!)}`);
  if (!blank(c.countryCode) && countryProblem(c.countryCode!)) out.push(`${prefix}country_code: ${countryProblem(c.countryCode!)}`);
  return out;
}

/** The flat rate's code of one product (seed: "1214089-FRP", "920-FRP,4108-FRP"). */
export const flatRateCode = (productIds: Array<string | number>) => productIds.map((id) => `${id}-FRP`).join(',');

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const isAmount = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0) || (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim()));
const isId = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0) || (typeof v === 'string' && /^\d+$/.test(v));

/**
 * The body of POST /orders (seed: channel, channelId, channelOrderName,
 * channelCreatedDate, paymentProcessor, currency, customer, items,
 * shippingItems). Which fields are required is [I]: the ones every example has.
 */
export function orderBodyProblems(body: unknown): string[] {
  if (!isObj(body)) return ['the order must be a JSON object'];
  const p: string[] = [];
  for (const k of ['channel', 'channelOrderName', 'currency']) if (!isText(body[k])) p.push(`${k} is required (a string)`);
  if (body.channelId !== undefined && !isText(body.channelId) && typeof body.channelId !== 'number') p.push('channelId must be a string');
  if (body.channelCreatedDate !== undefined && (typeof body.channelCreatedDate !== 'string' || Number.isNaN(Date.parse(body.channelCreatedDate)))) {
    p.push('channelCreatedDate must be an ISO 8601 time, e.g. 1994-11-05T13:15:30Z');
  }
  if (isText(body.currency) && !/^[A-Z]{3}$/.test(String(body.currency))) p.push('currency must be an ISO 4217 code such as NOK');
  const c = body.customer;
  if (!isObj(c)) p.push('customer is required (an object with fullName, email, shipping… and billing… fields)');
  else {
    if (!isText(c.fullName)) p.push('customer.fullName is required');
    if (!isText(c.email)) p.push('customer.email is required');
    else if (emailProblem(String(c.email))) p.push(`customer.email: ${emailProblem(String(c.email))}`);
    for (const k of ['shippingAddress', 'shippingCity', 'shippingZip']) if (!isText(c[k])) p.push(`customer.${k} is required`);
    for (const k of ['shippingCountry', 'billingCountry']) if (c[k] !== undefined && (typeof c[k] !== 'string' || countryProblem(c[k] as string))) p.push(`customer.${k} must be an ISO 3166 country code`);
  }
  const items = body.items;
  if (!Array.isArray(items) || items.length === 0) p.push('items must be a non-empty list');
  else
    items.forEach((it, i) => {
      if (!isObj(it)) return void p.push(`items[${i}] must be an object`);
      if (!isId(it.productId)) p.push(`items[${i}].productId must be a product id (a whole number)`);
      if (!(Number.isInteger(it.quantity) && (it.quantity as number) > 0)) p.push(`items[${i}].quantity must be a whole number of at least 1`);
      if (!isAmount(it.priceChannel)) p.push(`items[${i}].priceChannel must be an amount such as 100 or "100.00"`);
      if (it.variantTitle !== undefined && typeof it.variantTitle !== 'string') p.push(`items[${i}].variantTitle must be a string`);
    });
  const ship = body.shippingItems;
  if (ship !== undefined) {
    if (!Array.isArray(ship)) p.push('shippingItems must be a list');
    else
      ship.forEach((s, i) => {
        if (!isObj(s) || !isText(s.code) || !isAmount(s.price)) p.push(`shippingItems[${i}] needs a code and a price`);
      });
  }
  return p;
}
