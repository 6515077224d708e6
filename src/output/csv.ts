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

export function csvRow(cells: string[]): string {
  return stringify([cells.map(guardFormula)], { record_delimiter: '\n' });
}
