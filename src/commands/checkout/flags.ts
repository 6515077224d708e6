// The address and contact flags of `checkout update` and `checkout pay`, kept
// apart from the modules that use them so registering commands stays cheap.

import type { Command } from 'commander';
import type { Contact } from '../../platforms/commerce.js';

/** Contact fields and their flags; billing flags are the same with "billing-" in front. */
export const CONTACT_FLAGS: Array<[keyof Contact, string, string]> = [
  ['firstName', 'first-name', 'first name'],
  ['lastName', 'last-name', 'last name'],
  ['email', 'email', 'e-mail'],
  ['phoneCode', 'phone-code', 'phone country code, e.g. +47'],
  ['phone', 'phone', 'phone number'],
  ['company', 'company', 'company'],
  ['address1', 'address1', 'street address'],
  ['address2', 'address2', 'address, second line'],
  ['city', 'city', 'city'],
  ['province', 'province', 'province or state'],
  ['provinceCode', 'province-code', 'province or state code'],
  ['country', 'country', 'country name (or its code)'],
  ['countryCode', 'country-code', 'country code (ISO 3166, e.g. NO)'],
  ['zip', 'zip', 'postcode'],
];

/** The address and contact flags of `checkout update` and `checkout pay`. */
export function addContactOptions(cmd: Command): Command {
  for (const [, flag, what] of CONTACT_FLAGS) cmd.option(`--${flag} <value>`, flag === 'email' ? "the shopper's e-mail" : `shipping ${what}`);
  for (const [, flag, what] of CONTACT_FLAGS) if (flag !== 'email') cmd.option(`--billing-${flag} <value>`, `billing ${what}`);
  return cmd
    .option('--billing-same', 'billing address is the shipping address')
    .option('--address-file <file>', 'JSON file with "email", "shipping" and "billing" addresses (or one address)')
    .option('--shipping-rate <code>', 'flat-rate service code (default: the flat rate to the shipping country)')
    .option('--success-url <url>', 'where the shopper goes after paying')
    .option('--cancel-url <url>', 'where the shopper goes when leaving the payment');
}

