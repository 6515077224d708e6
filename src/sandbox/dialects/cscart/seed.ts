// Seeded CS-Cart orders: deterministic from the rng and a reference date.

import type { Rng } from '../../rng.js';
import { FIRST_ORDER_ID, type CsSection } from './section.js';
import { STATUS_LETTERS } from './wire.js';

export const PEOPLE = [
  { first: 'Jürgen', last: 'Müller', email: 'juergen.mueller@example.de', phone: '+49 30 5550101' },
  { first: 'Anna', last: 'Schmidt', email: 'anna.schmidt@example.de', phone: '+49 89 5550102' },
  { first: 'Zoë', last: 'Weiß', email: 'zoe.weiss@example.at', phone: '+43 1 5550103' },
  { first: 'Lukas', last: 'Becker', email: 'lukas.becker@example.de', phone: '' },
  { first: 'Sophie', last: "O'Neill", email: 'sophie.oneill@example.ie', phone: '+353 1 5550105' },
  { first: 'Mehmet', last: 'Yılmaz', email: 'mehmet.yilmaz@example.de', phone: '+49 221 5550106' },
  { first: 'Claire', last: 'Dubois', email: 'claire.dubois@example.ch', phone: '+41 44 5550107' },
  { first: 'Jonas', last: 'Fischer', email: 'jonas.fischer@example.de', phone: '+49 40 5550108' },
  { first: 'Marie', last: 'Wagner', email: 'marie.wagner@example.de', phone: '' },
  { first: 'Felix', last: 'Hoffmann', email: 'felix.hoffmann@example.de', phone: '+49 711 5550110' },
];

const PLACES: Array<[country: string, countryName: string, state: string, stateName: string, city: string, zip: string, street: string]> = [
  ['DE', 'Germany', 'BE', 'Berlin', 'Berlin', '10117', 'Unter den Linden 77'],
  ['DE', 'Germany', 'BY', 'Bayern', 'München', '80331', 'Marienplatz 8'],
  ['DE', 'Germany', 'HH', 'Hamburg', 'Hamburg', '20095', 'Mönckebergstraße 7, Hinterhaus'],
  ['AT', 'Austria', 'W', 'Wien', 'Wien', '1010', 'Stephansplatz 3'],
  ['CH', 'Switzerland', 'ZH', 'Zürich', 'Zürich', '8001', 'Bahnhofstrasse 12'],
];

export const CATALOGUE = [
  { id: '12', code: 'MUG-MACKE', name: 'Tasse „Ne Macke“', cents: 1490 },
  { id: '13', code: 'STICKER-SET', name: 'Sticker-Set (10 Stück)', cents: 499 },
  { id: '14', code: 'SHIRT-MACKE', name: 'T-Shirt Macke', cents: 2490, options: [['Größe', ['S', 'M', 'L', 'XL']]] as const },
  { id: '15', code: 'NOTE-A5', name: 'Notizbuch A5, liniert', cents: 990 },
  { id: '16', code: 'BAG-JUTE', name: 'Jutebeutel', cents: 1290, options: [['Farbe', ['Natur', 'Schwarz']]] as const },
  { id: '17', code: 'POSTER-A2', name: 'Poster A2', cents: 1990 },
];

const NOTES = ['', '', '', 'Bitte klingeln.', 'Geschenk – bitte ohne Rechnung beilegen.'];

/**
 * Seeded orders: deterministic from the rng and `now` (a fixed reference
 * date), spread over the ten months before it. Every letter of the seed's
 * table appears once there are 11 orders or more; some orders share a
 * vendor_ref, and a few carry awkward data (umlauts, an apostrophe, a comma
 * in a street, a newline in the notes).
 */
export function seedCsCart(rng: Rng, count: number, now: number): CsSection {
  const sec: CsSection = { changes: {}, next: { order: FIRST_ORDER_ID }, orders: [], notifications: [] };
  // Every letter of the seed's table (Y, a store default, is not among them).
  const letters = Object.keys(STATUS_LETTERS).filter((l) => l !== 'Y');
  const weighted = ['P', 'P', 'P', 'C', 'C', 'C', 'C', 'O', 'O', 'E', 'I', 'D', 'B', 'F', 'G', 'H'];
  const base = rng.shuffle(letters);
  const statuses = count <= base.length ? base.slice(0, count) : rng.shuffle([...base, ...Array.from({ length: count - base.length }, () => rng.pick(weighted))]);
  const nowS = Math.floor(now / 1000);
  const created = Array.from({ length: count }, () => nowS - rng.int(3600, 300 * 86_400)).sort((a, b) => a - b);
  let invoice = 1;
  for (let i = 0; i < count; i++) {
    const id = String(sec.next.order++);
    const guest = rng.chance(0.2);
    const person = rng.pick(PEOPLE);
    const place = rng.pick(PLACES);
    const status = statuses[i]!;
    const address: Record<string, string> = {};
    const recipient = rng.chance(0.8) ? person : rng.pick(PEOPLE);
    for (const [prefix, who] of [['b_', person], ['s_', recipient]] as const) {
      Object.assign(address, {
        [`${prefix}firstname`]: who.first,
        [`${prefix}lastname`]: who.last,
        [`${prefix}address`]: place[6],
        [`${prefix}address_2`]: rng.chance(0.15) ? `${rng.int(1, 5)}. OG` : '',
        [`${prefix}city`]: place[4],
        [`${prefix}state`]: place[2],
        [`${prefix}state_descr`]: place[3],
        [`${prefix}country`]: place[0],
        [`${prefix}country_descr`]: place[1],
        [`${prefix}zipcode`]: place[5],
        [`${prefix}phone`]: who.phone,
      });
    }
    const products = rng.shuffle(CATALOGUE).slice(0, rng.int(1, 3)).map((c) => ({
      item_id: String(rng.int(1_000_000_000, 4_294_967_295)),
      product_id: c.id,
      product_code: c.code,
      product: c.name,
      price_cents: c.cents,
      amount: rng.pick([1, 1, 1, 2, 3]),
      options: 'options' in c && c.options ? c.options.map(([name, values]) => ({ option_name: name, variant_name: rng.pick(values) })) : [],
    }));
    const timestamp = created[i]!;
    const updated = Math.min(nowS - 60, timestamp + (status === 'O' || status === 'N' ? 0 : rng.int(600, 5 * 86_400)));
    sec.orders.push({
      order_id: id,
      user_id: guest ? '0' : String(PEOPLE.indexOf(person) + 2),
      // Multi-Vendor: every fifth order is the second vendor's, so --vendor has something to tell apart.
      company_id: i % 5 === 4 ? '2' : '1',
      timestamp,
      updated_at: updated,
      firstname: person.first,
      lastname: person.last,
      email: person.email,
      phone: person.phone,
      status,
      // Invoices exist once an order is paid [I].
      invoice_id: ['P', 'C', 'G', 'H'].includes(status) ? String(invoice++) : '',
      // Every fourth order carries a reference; two share one, so a search can find several.
      vendor_ref: i % 4 === 1 ? `VR-${1000 + i}` : i === 2 ? `VR-${1000 + 1}` : '',
      notes: i === 3 ? 'Bitte nicht knicken.\nDanke!' : rng.pick(NOTES),
      details: '',
      lang_code: place[0] === 'CH' && rng.chance(0.5) ? 'fr' : 'de',
      address,
      products,
      shipping_cents: rng.pick([0, 490, 590]),
      subtotal_discount_cents: rng.chance(0.15) ? 500 : 0,
    });
  }
  return sec;
}
