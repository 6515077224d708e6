// --payment-status words: one parser of the shared names (core/order.ts), used
// both where orderctl filters a listing itself and by Squarespace's filter.

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { PAYMENT_STATUSES, paymentStatusName } from '../../src/core/order.js';
import { paymentNames } from '../../src/commands/orders/matching.js';
import { paymentFilter } from '../../src/platforms/squarespace/mapping.js';

const spellings = (name: string) => [name, ` ${name} `, name.replace(/_/g, ' '), name.replace(/_/g, '-'), name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' ')];
// Neither a shared name nor one of Squarespace's own states.
const refused = ['half_paid', 'captured', 'paid!', 'partially__refunded', 'un paid', '', '  '];

const refusal = (f: () => unknown): unknown => {
  try {
    f();
  } catch (err) {
    return err;
  }
  return undefined;
};

describe('--payment-status: the shared names', () => {
  it('are read in any case, with spaces or hyphens for _', () => {
    for (const name of PAYMENT_STATUSES) for (const s of spellings(name)) expect(paymentStatusName(s), s).toBe(name);
    for (const s of refused) expect(paymentStatusName(s), s).toBeUndefined();
  });

  it('both readers accept and refuse the same ones: the local filter and Squarespace’s', () => {
    for (const name of PAYMENT_STATUSES) {
      for (const s of spellings(name)) {
        expect([...paymentNames('bigcommerce', [s])], s).toEqual([name]);
        // Squarespace asks for exactly the states that print the name.
        expect(paymentFilter([s]).states, s).toEqual(paymentFilter([name]).states);
      }
    }
    for (const s of refused) {
      const local = refusal(() => paymentNames('bigcommerce', [s]));
      const squarespace = refusal(() => paymentFilter([s]));
      expect(local, JSON.stringify(s)).toBeInstanceOf(UsageError);
      expect(squarespace, JSON.stringify(s)).toBeInstanceOf(UsageError);
      // Each keeps its own message: what it compares differs.
      expect((local as Error).message).toBe(`unknown payment status "${s}": bigcommerce orders are filtered by the payment status orderctl prints, one of ${PAYMENT_STATUSES.join(', ')}`);
      expect((squarespace as Error).message).toMatch(new RegExp(`^unknown Squarespace payment status "${s}": use one of ${PAYMENT_STATUSES.join(', ')}, or a payment state \\(NOT_CHARGED, `));
    }
  });
});
