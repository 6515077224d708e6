// Checks for what a shopper types at checkout: e-mail, country code, postcode.
// Each returns a sentence saying what is wrong, or undefined when it is fine,
// so flags, address files and prompts report problems in the same words.

/** ISO 3166-1 alpha-2, the officially assigned codes. */
const ISO_COUNTRIES = new Set(
  ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' '),
);

/** Postcode shapes of the countries shoppers most often give; elsewhere a loose check. */
const POSTCODES: Record<string, [RegExp, string]> = {
  NO: [/^\d{4}$/, '4 digits, e.g. 0150'],
  DK: [/^\d{4}$/, '4 digits, e.g. 2100'],
  SE: [/^\d{3} ?\d{2}$/, '5 digits, e.g. 113 51'],
  FI: [/^\d{5}$/, '5 digits, e.g. 00100'],
  DE: [/^\d{5}$/, '5 digits, e.g. 10115'],
  FR: [/^\d{5}$/, '5 digits, e.g. 75001'],
  ES: [/^\d{5}$/, '5 digits, e.g. 28001'],
  IT: [/^\d{5}$/, '5 digits, e.g. 00118'],
  NL: [/^\d{4} ?[A-Za-z]{2}$/, '4 digits and 2 letters, e.g. 1011 AB'],
  GB: [/^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/, 'like SW1A 1AA'],
  US: [/^\d{5}(-\d{4})?$/, '5 digits or ZIP+4, e.g. 40202'],
  CA: [/^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/, 'like K1A 0B1'],
};

export function emailProblem(value: string): string | undefined {
  // One @, something on each side, a dot in the domain, no spaces: what shops accept.
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value.trim()) ? undefined : `"${value}" is not an e-mail address`;
}

export function countryProblem(value: string): string | undefined {
  return ISO_COUNTRIES.has(value.trim().toUpperCase()) ? undefined : `"${value}" is not an ISO 3166 country code (two letters, e.g. NO, SE, US)`;
}

export function postcodeProblem(value: string, country?: string | null): string | undefined {
  const v = value.trim();
  const rule = country ? POSTCODES[country.toUpperCase()] : undefined;
  if (rule) return rule[0].test(v) ? undefined : `"${value}" is not a postcode of ${country!.toUpperCase()} (${rule[1]})`;
  return /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/.test(v) ? undefined : `"${value}" is not a postcode`;
}

export function isCountryCode(value: string): boolean {
  return countryProblem(value) === undefined;
}

/** "NO" → "Norway", from Node's own ICU data; the code itself when unknown. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "Norway" (any case) → "NO"; undefined when no country has that English name. */
export function countryCodeOf(name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  for (const code of ISO_COUNTRIES) if (names.of(code)?.toLowerCase() === wanted) return code;
  return undefined;
}
