// The sandbox store's reference data: countries, catalogue, people.

import type { OptionType, PaymentStatus } from './wire.js';

export interface Country {
  iso2: string;
  name: string;
  currency: string;
  /** Transactional currency per store default (USD), as a 10-decimal string like the spec's rates. */
  rate: string;
  /** Tax in basis points. */
  taxBp: number;
  zone: number;
  phone: string;
  places: Array<[street: string, city: string, state: string, zip: string]>;
}

export const COUNTRIES: Country[] = [
  { iso2: 'US', name: 'United States', currency: 'USD', rate: '1.0000000000', taxBp: 800, zone: 1, phone: '+1 512-555-01', places: [['455 Main Street', 'Austin', 'Texas', '78751'], ['1200 Market St', 'San Francisco', 'California', '94103'], ['77 Elm Avenue, Apt 4', 'Brooklyn', 'New York', '11201']] },
  { iso2: 'GB', name: 'United Kingdom', currency: 'GBP', rate: '0.7900000000', taxBp: 2000, zone: 2, phone: '+44 20 7946 09', places: [['221B Baker Street', 'London', 'England', 'NW1 6XE'], ['5 Royal Mile', 'Edinburgh', 'Scotland', 'EH1 1RE']] },
  { iso2: 'DE', name: 'Germany', currency: 'EUR', rate: '0.9200000000', taxBp: 1900, zone: 3, phone: '+49 30 901820', places: [['Unter den Linden 77', 'Berlin', 'Berlin', '10117'], ['Königstraße 1', 'Stuttgart', 'Baden-Württemberg', '70173']] },
  { iso2: 'FR', name: 'France', currency: 'EUR', rate: '0.9200000000', taxBp: 2000, zone: 3, phone: '+33 1 42 68 53', places: [['12 Rue de Rivoli', 'Paris', 'Île-de-France', '75001'], ['3 Place Bellecour', 'Lyon', 'Auvergne-Rhône-Alpes', '69002']] },
  { iso2: 'NL', name: 'Netherlands', currency: 'EUR', rate: '0.9200000000', taxBp: 2100, zone: 3, phone: '+31 20 555 01', places: [['Damrak 1', 'Amsterdam', 'Noord-Holland', '1012 LG']] },
  { iso2: 'AU', name: 'Australia', currency: 'AUD', rate: '1.5200000000', taxBp: 1000, zone: 4, phone: '+61 2 9374 40', places: [['666 Sussex St', 'Sydney', 'New South Wales', '2000'], ['1 Flinders St', 'Melbourne', 'Victoria', '3000']] },
  { iso2: 'CA', name: 'Canada', currency: 'CAD', rate: '1.3600000000', taxBp: 1300, zone: 5, phone: '+1 416-555-01', places: [['290 Bremner Blvd', 'Toronto', 'Ontario', 'M5V 3L9'], ['1000 Rue Sherbrooke O', 'Montréal', 'Quebec', 'H3A 3G4']] },
  { iso2: 'JP', name: 'Japan', currency: 'JPY', rate: '150.0000000000', taxBp: 1000, zone: 6, phone: '+81 3-5555-01', places: [['1-1 Chiyoda', 'Tokyo', 'Tokyo', '100-0001'], ['2-4 Umeda', 'Osaka', 'Osaka', '530-0001']] },
];
export const ZONE_NAMES: Record<number, string> = { 1: 'United States', 2: 'United Kingdom', 3: 'Europe', 4: 'Australia', 5: 'Canada', 6: 'Japan' };
export const countryOf = (iso2: string | undefined): Country | undefined => COUNTRIES.find((c) => c.iso2 === iso2?.toUpperCase());

/**
 * The store's currencies, USD (its default) first; a currency's id is its place here [I].
 * currency_id and default_currency_id are "the display currency ID" and "the transactional
 * currency ID" (spec order_RespOnly), so an id always names the same code.
 */
export const CURRENCIES: readonly string[] = [...new Set(COUNTRIES.map((c) => c.currency))];
export const currencyId = (code: string): number => CURRENCIES.indexOf(code) + 1;
/** Store default (USD) → the currency, as store_default_to_transactional_exchange_rate writes it. */
export const rateOf = (code: string): string => COUNTRIES.find((c) => c.currency === code)?.rate ?? '1.0000000000';

export interface CatalogueOption {
  option_id: number;
  product_option_id: number;
  name: string;
  display_name: string;
  type: OptionType;
  display_style: string;
  values: Array<[valueId: string, label: string, skuPart: string]>;
}

export interface CatalogueProduct {
  product_id: number;
  name: string;
  sku: string;
  /** USD, ex tax. */
  price: string;
  brand: string;
  weight: string;
  options: CatalogueOption[];
}

export const SIZE: CatalogueOption = { option_id: 18, product_option_id: 120, name: 'Apparel sizes', display_name: 'Size', type: 'Multiple choice', display_style: 'Rectangle', values: [['69', 'S', 'S'], ['70', 'M', 'M'], ['71', 'L', 'L'], ['72', 'XL', 'XL']] };
export const COLOR: CatalogueOption = { option_id: 3, product_option_id: 121, name: 'Colors', display_name: 'Color', type: 'Swatch', display_style: '', values: [['112', 'Orange', 'ORAN'], ['113', 'Blue', 'BLU'], ['114', 'Black', 'BLK']] };
export const MUG_COLOR: CatalogueOption = { option_id: 4, product_option_id: 130, name: 'Mug colors', display_name: 'Color', type: 'Swatch', display_style: '', values: [['140', 'Grey', 'GRY'], ['141', 'White', 'WHT']] };
export const GRIND: CatalogueOption = { option_id: 40, product_option_id: 150, name: 'Grind', display_name: 'Mahlgrad / Grind', type: 'Multiple choice', display_style: 'Drop-down', values: [['160', 'Whole bean', 'WB'], ['161', 'Espresso', 'ESP'], ['162', 'Filter', 'FIL']] };
export const GIFT: CatalogueOption = { option_id: 38, product_option_id: 123, name: 'Gift Wrapping $5', display_name: 'Is this a gift?', type: 'Checkbox', display_style: '', values: [['104', 'Yes', 'GIFT'], ['105', 'No', '']] };

/** The store's catalogue: POST /orders with a product_id takes name, SKU and price from here. */
export const CATALOGUE: readonly CatalogueProduct[] = [
  { product_id: 77, name: 'Fog Linen Chambray Towel - Beige Stripe', sku: 'FLCT', price: '49.0000', brand: 'Fog Linen', weight: '1.0000', options: [SIZE] },
  { product_id: 86, name: 'Able Brewing System', sku: 'ABS', price: '225.0000', brand: 'Able', weight: '3.5000', options: [] },
  { product_id: 88, name: 'Chemex Coffeemaker 3 Cup', sku: 'CC3C', price: '49.5000', brand: 'Chemex', weight: '1.2000', options: [] },
  { product_id: 97, name: 'Tiered Wire Basket', sku: 'TWB', price: '119.9500', brand: 'Common Good', weight: '2.0000', options: [] },
  { product_id: 104, name: 'Orbit Terrarium - Large', sku: 'OTL', price: '109.0000', brand: 'Common Good', weight: '4.0000', options: [] },
  { product_id: 107, name: 'Dustpan & Brush', sku: 'DPB', price: '34.9500', brand: 'Iris Hantverk', weight: '0.8000', options: [] },
  { product_id: 111, name: 'Smith Journal 13', sku: 'SM13', price: '25.0000', brand: 'Smith', weight: '0.5000', options: [] },
  { product_id: 112, name: 'Canvas Laundry Cart', sku: 'CLC', price: '200.0000', brand: 'Common Good', weight: '6.0000', options: [] },
  { product_id: 118, name: 'Organic Cotton T-Shirt', sku: 'OCT', price: '28.0000', brand: 'OFS', weight: '0.3000', options: [SIZE, COLOR] },
  { product_id: 123, name: 'Ceramic Mug', sku: 'MUG', price: '12.4500', brand: 'OFS', weight: '0.4000', options: [MUG_COLOR] },
  { product_id: 184, name: 'Café Crème Espresso Beans 1 kg', sku: 'CCB-1KG', price: '18.9000', brand: 'Rösterei Süd', weight: '1.0000', options: [GRIND] },
  { product_id: 190, name: 'Gift Wrapping Paper', sku: 'GWP', price: '4.9900', brand: 'OFS', weight: '0.1000', options: [GIFT] },
];

export interface Person {
  first: string;
  last: string;
  email: string;
  company: string;
}

// Some names are awkward on purpose: accents, CJK, an apostrophe.
export const PEOPLE: Person[] = [
  { first: 'Jane', last: 'Doe', email: 'janedoe@example.com', company: '' },
  { first: 'Zoë', last: 'Ångström', email: 'zoe.angstrom@example.se', company: '' },
  { first: 'José', last: 'Müller-Lüdenscheidt', email: 'jose.muller@example.de', company: 'Müller & Söhne GmbH' },
  { first: 'Søren', last: 'Kierkegaard', email: 'soren@example.dk', company: '' },
  { first: '小龙', last: '李', email: 'xiaolong.li@example.cn', company: '' },
  { first: 'Amélie', last: 'Poulain', email: 'amelie@example.fr', company: 'Café des 2 Moulins' },
  { first: 'Oliver', last: 'Smith', email: 'oliver.smith@example.co.uk', company: '' },
  { first: 'Hannah', last: 'Schmidt', email: 'h.schmidt@example.de', company: '' },
  { first: 'Liam', last: "O'Brien", email: 'liam.obrien@example.ie', company: '' },
  { first: 'Mia', last: 'Wong', email: 'mia.wong@example.com.au', company: 'Acme Pty Ltd' },
  { first: 'Noah', last: 'Williams', email: 'noah.w@example.com', company: '' },
  { first: 'Chloé', last: 'Dubois', email: 'chloe.dubois@example.fr', company: '' },
  { first: 'Kenji', last: 'Watanabe', email: 'kenji.watanabe@example.jp', company: '' },
  { first: 'Emma', last: 'de Vries', email: 'emma.devries@example.nl', company: '' },
  { first: 'Jack', last: 'Taylor', email: 'jack.taylor@example.ca', company: 'Northwind Traders' },
  { first: 'Ava', last: 'Brown', email: 'ava.brown@example.com', company: '' },
];
export const AWKWARD_COMPANY = 'Smith, "Bob" & Sons, Ltd.';
export const AWKWARD_MESSAGE = 'Please leave it at the back door.\nRing twice — the bell is "broken".';
export const MESSAGES = ['', '', '', '', 'Please gift wrap.', 'Leave with the neighbour if nobody is home.', 'Bitte nicht knicken!'];
export const STAFF_NOTES = ['', '', '', 'Called the customer', 'VIP — ship first', 'Address checked'];
export const PAYMENT_METHODS = ['Credit Card', 'Credit Card', 'PayPal', 'Test Payment Gateway', 'Bank Deposit', 'Cash on Delivery'];

export const PAYMENT_STATUS: Record<number, PaymentStatus> = {
  0: '',
  1: 'pending',
  2: 'captured',
  3: 'captured',
  4: 'refunded',
  5: 'void',
  6: 'declined',
  7: 'pending',
  8: 'captured',
  9: 'captured',
  10: 'captured',
  11: 'captured',
  12: 'held for review',
  13: 'captured',
  14: 'partially refunded',
};
