// --status as every platform reads it: a normalized name means every native
// code that maps to it (so `list --status S` is exactly the orders a listing
// labels S), and a native code (as the platform spells it: 11, P, FULFILLED)
// means itself.

import { UsageError } from '../core/errors.js';
import { STATUSES, type Status } from '../core/order.js';

export interface NativeStatus {
  code: string;
  status: Status | null;
}

export interface StatusReading {
  /** The platform's statuses, each with the normalized name a listing shows for it. */
  table: readonly NativeStatus[];
  /** Other spellings the platform knows (its own names, lower case): the code, or undefined. */
  alias?: (input: string) => string | undefined;
}

const key = (s: string) => s.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * The native codes one --status value means. A code as the platform spells it
 * wins ("PENDING" on Squarespace is its own status); then the shared names
 * (possibly no code at all: none of this platform's statuses is labelled so);
 * then the platform's own names.
 */
export function nativeCodesFor(platform: string, input: string, reading: StatusReading): string[] {
  const exact = reading.table.find((s) => s.code === input.trim());
  if (exact) return [exact.code];
  const k = key(input) === 'canceled' ? 'cancelled' : key(input);
  if ((STATUSES as readonly string[]).includes(k)) return reading.table.filter((s) => s.status === k).map((s) => s.code);
  const alias = reading.alias?.(input);
  if (alias !== undefined) return [alias];
  const codes = reading.table.map((s) => s.code).join(', ');
  throw new UsageError(`unknown ${platform} status "${input}": use a status name (${STATUSES.join(', ')}) or one of ${platform}'s codes (${codes})`);
}

/** Every code the values mean, once each, in the order given. */
export function nativeCodesForAll(platform: string, inputs: readonly string[], reading: StatusReading): string[] {
  return [...new Set(inputs.flatMap((i) => nativeCodesFor(platform, i, reading)))];
}

/** The values that mean no code on this platform: the listing answers nothing for them, and says why. */
export function unmatchedStatuses(platform: string, inputs: readonly string[], reading: StatusReading): string[] {
  return inputs.filter((i) => nativeCodesFor(platform, i, reading).length === 0);
}
