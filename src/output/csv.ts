// CSV rows via csv-stringify (RFC 4180 quoting, embedded newlines), with a
// guard against formula injection: a cell starting with = + - @ (or tab/CR)
// is prefixed with ' so spreadsheets show it as text (OWASP "CSV Injection").

import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(cell: string): string {
  // Plain negative numbers ("-3.50") are data, not formulas.
  if (/^-\d+(\.\d+)?$/.test(cell)) return cell;
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Excel reads a CSV file as UTF-8 only when it starts with this mark (otherwise as the system's code page). */
export const UTF8_BOM = '\uFEFF';

export function csvRow(cells: readonly string[]): string {
  return stringify([cells.map(guardFormula)], { record_delimiter: '\n' });
}
