// The shopper's address and contact for a checkout: from flags, an address
// file, and — on a terminal — prompts for whatever is still missing. Without a
// terminal (or with --no-input) nothing is asked: the command names the flags.

import type { Context } from '../../core/context.js';
import { countryCodeOf, countryName, countryProblem, emailProblem, isCountryCode, postcodeProblem } from '../../core/contact.js';
import { UsageError } from '../../core/errors.js';
import type { Checkout, Contact } from '../../platforms/commerce.js';
import { REQUIRED_ADDRESS, type Requirement } from '../../platforms/outshifter/rules.js';
import type { Prompter } from '../../prompts/prompter.js';
import { readJsonFile } from '../orders/shared.js';
import { CONTACT_FLAGS } from './flags.js';

const camel = (flag: string) => flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const SNAKE: Record<string, keyof Contact> = Object.fromEntries(CONTACT_FLAGS.map(([k]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), k]));

export interface ContactInput {
  shipping: Partial<Contact>;
  billing: Partial<Contact>;
  billingSame: boolean;
}

const clean = (c: Partial<Contact>) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined && v !== null && String(v).trim() !== '')) as Partial<Contact>;

/** Country name and code from whichever was given: "NO" → Norway; "Norway" → NO. */
function completeCountry(c: Partial<Contact>, where: string): Partial<Contact> {
  const out = { ...c };
  if (out.country && !out.countryCode) {
    if (out.country.length === 2 && isCountryCode(out.country)) out.countryCode = out.country.toUpperCase();
    else out.countryCode = countryCodeOf(out.country);
  }
  if (out.countryCode) {
    out.countryCode = out.countryCode.toUpperCase();
    const problem = countryProblem(out.countryCode);
    if (problem) throw new UsageError(`${where}country-code: ${problem}`);
    if (!out.country || out.country.toUpperCase() === out.countryCode) out.country = countryName(out.countryCode);
  }
  return out;
}

/** Each given value is checked here, so a typo is a usage error before any request. */
function checkContact(c: Partial<Contact>, where: string): void {
  if (c.email && emailProblem(c.email)) throw new UsageError(`--${where}email: ${emailProblem(c.email)}`);
  if (c.zip && postcodeProblem(c.zip, c.countryCode)) throw new UsageError(`--${where}zip: ${postcodeProblem(c.zip, c.countryCode)}`);
  if (c.phoneCode && !/^\+\d{1,4}$/.test(c.phoneCode)) throw new UsageError(`--${where}phone-code: "${c.phoneCode}" is not a country calling code such as +47`);
  if (c.phone && !/^[\d ()-]{4,20}$/.test(c.phone)) throw new UsageError(`--${where}phone: "${c.phone}" is not a phone number (digits, spaces, dashes)`);
}

/** The address flags of commander's opts(); billing without the e-mail. */
export function parseContactFlags(flags: Record<string, unknown>): ContactInput & { file?: string } {
  const read = (prefix: string) =>
    clean(Object.fromEntries(CONTACT_FLAGS.map(([key, flag]) => [key, flags[camel(prefix + flag)] as string | undefined])) as Partial<Contact>);
  const shipping = read('');
  const billing = read('billing-');
  delete billing.email;
  const billingSame = Boolean(flags.billingSame);
  if (billingSame && Object.keys(billing).length) throw new UsageError('--billing-same cannot be used with --billing-… flags');
  return { shipping, billing, billingSame, file: flags.addressFile as string | undefined };
}

/**
 * An address file: {"email", "shipping": {…}, "billing": {…}, "billingSame"}, the
 * API's own shipping_address/billing_address, or one flat address (shipping).
 * Keys in camelCase (firstName) or the API's snake_case (first_name).
 */
export async function readAddressFile(ctx: Context, file: string): Promise<ContactInput> {
  const raw = await readJsonFile(ctx, file);
  const bad = (why: string) => new UsageError(`address file ${file}: ${why}`);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad('not a JSON object');
  const o = raw as Record<string, unknown>;
  const nested = ['shipping', 'shipping_address', 'shippingAddress', 'billing', 'billing_address', 'billingAddress'].some((k) => k in o);
  const contact = (v: unknown, where: string): Partial<Contact> => {
    if (v === undefined || v === null) return {};
    if (typeof v !== 'object' || Array.isArray(v)) throw bad(`${where} is not an object`);
    const out: Record<string, string> = {};
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
      const key = (CONTACT_FLAGS.some(([c]) => c === k) ? k : SNAKE[k]) as keyof Contact | undefined;
      if (!key) throw bad(`unknown field "${where ? `${where}.` : ''}${k}"`);
      if (val === null) continue;
      if (typeof val !== 'string' && typeof val !== 'number') throw bad(`${where ? `${where}.` : ''}${k} is not a string`);
      out[key] = String(val);
    }
    return clean(out);
  };
  if (!nested) return { shipping: contact(o, ''), billing: {}, billingSame: false };
  const known = new Set(['email', 'shipping', 'shipping_address', 'shippingAddress', 'billing', 'billing_address', 'billingAddress', 'billingSame', 'billing_same']);
  const unknown = Object.keys(o).filter((k) => !known.has(k));
  if (unknown.length) throw bad(`unknown field "${unknown[0]}"`);
  const shipping = contact(o.shipping ?? o.shipping_address ?? o.shippingAddress, 'shipping');
  if (typeof o.email === 'string') shipping.email = o.email;
  return { shipping, billing: contact(o.billing ?? o.billing_address ?? o.billingAddress, 'billing'), billingSame: o.billingSame === true || o.billing_same === true };
}

/** Flags over the file, each checked; country names and codes completed. */
export async function gatherInput(ctx: Context, flags: ContactInput & { file?: string }): Promise<ContactInput> {
  const file = flags.file ? await readAddressFile(ctx, flags.file) : { shipping: {}, billing: {}, billingSame: false };
  const shipping = completeCountry({ ...file.shipping, ...flags.shipping }, '--');
  const billing = completeCountry({ ...file.billing, ...flags.billing }, '--billing-');
  checkContact(shipping, '');
  checkContact(billing, 'billing-');
  return { shipping, billing, billingSame: flags.billingSame || (file.billingSame && !Object.keys(flags.billing).length) };
}

const has = (v: string | null | undefined) => v !== null && v !== undefined && v.trim() !== '';

/** The checkout as it will be once `input` is applied. */
export function merged(current: Checkout, input: ContactInput): Pick<Checkout, 'shippingAddress' | 'billingAddress' | 'email' | 'paymentMethod' | 'shippingRate'> {
  const shipping = { ...emptyContact(), ...clean(current.shippingAddress ?? {}), ...input.shipping } as Contact;
  const billing = input.billingSame ? { ...shipping, email: null } : ({ ...emptyContact(), ...clean(current.billingAddress ?? {}), ...input.billing } as Contact);
  return { shippingAddress: shipping, billingAddress: billing, email: input.shipping.email ?? current.email, paymentMethod: current.paymentMethod, shippingRate: current.shippingRate };
}

function emptyContact(): Contact {
  return Object.fromEntries(CONTACT_FLAGS.map(([k]) => [k, null])) as unknown as Contact;
}

const PROMPTS: Array<[keyof Contact, string]> = [
  ['email', 'E-mail'],
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['address1', 'Street address'],
  ['city', 'City'],
  ['countryCode', 'Country code (ISO, e.g. NO)'],
  ['zip', 'Postcode'],
];

async function askContact(p: Prompter, have: Partial<Contact>, label: string, fields: Array<keyof Contact>): Promise<Partial<Contact>> {
  const out: Partial<Contact> = {};
  for (const [key, question] of PROMPTS) {
    if (!fields.includes(key) || has(have[key])) continue;
    const country = out.countryCode ?? have.countryCode;
    const validate = (v: string): string | true => {
      if (!v.trim()) return 'required';
      const problem = key === 'email' ? emailProblem(v) : key === 'countryCode' ? countryProblem(v) : key === 'zip' ? postcodeProblem(v, country) : undefined;
      return problem ?? true;
    };
    out[key] = (await p.input(label ? `${label}${question[0]!.toLowerCase()}${question.slice(1)}` : question, { validate })).trim();
  }
  return completeCountry(out, '');
}

/**
 * On a terminal: asks for each required field neither given nor on the
 * checkout yet, then whether billing is the same as shipping. Returns the
 * input with the answers in it.
 */
export async function promptMissing(ctx: Context, current: Checkout, input: ContactInput): Promise<ContactInput> {
  if (!ctx.io.canPrompt) return input;
  const now = merged(current, input);
  const p = await ctx.prompter();
  const shippingFields: Array<keyof Contact> = ['email', 'firstName', 'lastName', ...REQUIRED_ADDRESS];
  const shipping = { ...input.shipping, ...(await askContact(p, { ...now.shippingAddress, email: now.email }, '', shippingFields)) };
  let { billing, billingSame } = input;
  const billingFields: Array<keyof Contact> = ['firstName', 'lastName', ...REQUIRED_ADDRESS];
  const billingDone = billingFields.every((f) => has(now.billingAddress?.[f]));
  if (!billingSame && !billingDone && !Object.keys(billing).length) {
    billingSame = await p.confirm('Billing address same as shipping?', true);
    if (!billingSame) billing = { ...billing, ...(await askContact(p, now.billingAddress ?? {}, 'Billing ', billingFields)) };
  }
  return { shipping, billing, billingSame };
}

const FLAG_OF: Record<string, string> = {
  ...Object.fromEntries(CONTACT_FLAGS.map(([k, flag]) => [k, `--${flag}`])),
  ...Object.fromEntries(CONTACT_FLAGS.map(([k, flag]) => [`billing.${k}`, `--billing-${flag}`])),
  countryCode: '--country-code',
  paymentMethod: '--method',
  shippingRate: '--shipping-rate',
};

/** "missing personal information (--email), billing information (--billing-city or --billing-same)". */
export function describeMissing(missing: Requirement[]): string {
  return missing
    .map((m) => {
      const flags = m.fields.map((f) => FLAG_OF[f] ?? f);
      const billing = m.need === 'billing information' ? ' or --billing-same' : '';
      return `${m.need} (${flags.join(', ')}${billing})`;
    })
    .join('; ');
}
