// README's "Exports for cron" lists the CSV columns of an export in order:
// the lists must be the ones orders export writes.

import fs from 'node:fs';
import { expect, it } from 'vitest';
import { LINE_COLUMNS, ORDER_COLUMNS } from '../../src/output/order-columns.js';

const README = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The backquoted, comma-separated list after `lead` in the README. */
function listAfter(lead: string): string[] {
  const at = README.indexOf(lead);
  expect(at, lead).toBeGreaterThan(-1);
  const list = /`([^`]+)`/.exec(README.slice(at + lead.length))![1]!;
  return list.split(',').map((c) => c.trim());
}

it('README lists the CSV columns orders export writes, per order and per line item', () => {
  expect(listAfter('CSV: one row per order with these columns, in this order:')).toEqual(ORDER_COLUMNS);
  expect(listAfter('`--lines` gives one row per line item:')).toEqual(LINE_COLUMNS);
});
