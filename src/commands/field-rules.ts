// What --fields means on each command, checked before the command runs, so
// before any request or change: the paths its records have (an unknown one is
// an error listing them), or a refusal where nothing can be picked. One table
// for every command, so none takes the flag loosely (a test walks the tree).

import type { Context } from '../core/context.js';
import { UsageError } from '../core/errors.js';
import { validateFields } from '../output/fields.js';
import {
  CART_FIELDS,
  CHECKOUT_FIELDS,
  KLARNA_FIELDS,
  METHOD_FIELDS,
  ORDER_FIELDS,
  PAYMENT_FIELDS,
  PROFILE_FIELDS,
  PROFILE_ROW_FIELDS,
  QUOTE_FIELDS,
  RESULT_FIELDS,
  SANDBOX_INFO_FIELDS,
  SANDBOX_PAID_FIELDS,
  SHIPMENT_FIELDS,
  STARTED_PAYMENT_FIELDS,
} from '../output/record-fields.js';
import { LINE_FIELDS } from '../output/order-columns.js';

export type FieldRule =
  /** The record's paths; `raw`: --raw prints the platform's own JSON instead, whose paths orderctl does not know. */
  | { fields: readonly string[]; raw?: boolean }
  /** Nothing to pick: why, and what to do instead. */
  | { refuse: string; hint?: string }
  /** Any path: JSON orderctl does not shape (`api`). */
  | { any: true };

const JQ_HINT = 'use --jq to pick from its JSON';

/** Records that --raw replaces with the platform's own JSON. */
const orRaw = (fields: readonly string[]): FieldRule => ({ fields, raw: true });
const refuse = (why: string, hint: string | undefined = JQ_HINT): FieldRule => ({ refuse: why, hint });
const NO_OUTPUT = 'it prints no records';

export const FIELD_RULES: Readonly<Record<string, FieldRule>> = {
  'profile add': refuse(NO_OUTPUT, undefined),
  'profile list': { fields: PROFILE_ROW_FIELDS },
  'profile show': { fields: PROFILE_FIELDS },
  'profile use': refuse(NO_OUTPUT, undefined),
  'profile remove': refuse(NO_OUTPUT, undefined),
  'profile test': refuse('it prints only whether the credentials work'),

  'orders list': orRaw(ORDER_FIELDS),
  'orders get': orRaw(ORDER_FIELDS),
  'orders shipments': orRaw(SHIPMENT_FIELDS),
  // Its JSON is one summary (a store's, or every store's with a total) while its
  // table, CSV and NDJSON are rows (per status; over several stores per store, CSV per store
  // and status): no one list of paths fits all.
  'orders count': refuse('it prints counts, not records'),
  'orders create': orRaw(ORDER_FIELDS),
  'orders update': orRaw(ORDER_FIELDS),
  'orders status': { fields: RESULT_FIELDS.status },
  'orders fulfill': { fields: RESULT_FIELDS.fulfill },
  'orders cancel': { fields: RESULT_FIELDS.cancel },
  // Each JSON order's paths; a CSV's columns, with item.* paths for --lines (export checks which).
  // --raw exports the platform's own JSON (JSON and NDJSON only).
  'orders export': { fields: LINE_FIELDS, raw: true },
  'orders archive': { fields: RESULT_FIELDS.archive },

  'cart create': orRaw(CART_FIELDS),
  'cart get': orRaw(CART_FIELDS),
  'cart add': orRaw(CART_FIELDS),
  'cart update': orRaw(CART_FIELDS),
  'cart remove': orRaw(CART_FIELDS),
  'cart delete': refuse('it prints only the id it deleted'),

  'checkout create': orRaw(CHECKOUT_FIELDS),
  'checkout get': orRaw(CHECKOUT_FIELDS),
  'checkout update': orRaw(CHECKOUT_FIELDS),
  'checkout methods': orRaw(METHOD_FIELDS),
  'checkout pay': orRaw(STARTED_PAYMENT_FIELDS),
  'checkout payment': orRaw(PAYMENT_FIELDS),
  'checkout delete': refuse('it prints only the id it deleted'),
  'checkout klarna': orRaw(KLARNA_FIELDS),

  'shipping quote': orRaw(QUOTE_FIELDS),

  'sandbox serve': refuse('it prints where the sandbox listens', undefined),
  'sandbox reset': refuse(NO_OUTPUT, undefined),
  'sandbox pay': { fields: SANDBOX_PAID_FIELDS },
  'sandbox info': { fields: SANDBOX_INFO_FIELDS },

  api: { any: true },
  schema: refuse('it prints JSON Schemas, not records', "use --jq to pick from a schema, e.g. --jq '.properties | keys'"),
  completion: refuse('it prints a shell script', undefined),
};

interface Named {
  name(): string;
  parent: Named | null;
}

/** `orders list` for the command `list` under `orders`. */
export function commandPath(cmd: Named): string {
  const names: string[] = [];
  for (let c: Named | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Refuses --fields that the command cannot print (exit 2), before it runs. */
export function checkFields(ctx: Pick<Context, 'globals'>, cmd: Named): void {
  const fields = ctx.globals.fields;
  const command = commandPath(cmd);
  const rule = FIELD_RULES[command];
  if (!fields || !rule || 'any' in rule) return;
  if ('refuse' in rule) throw new UsageError(`--fields does not apply to ${command}: ${rule.refuse}`, { hint: rule.hint });
  if (rule.raw && ctx.globals.raw) return;
  validateFields(fields, rule.fields);
}

/**
 * Refuses -o csv with --raw and no --fields (exit 2), before the command runs:
 * CSV columns are the normalized record's paths, which the platform's own JSON
 * does not have, and orderctl does not know the platform's. `orders export`
 * refuses --raw with its own --format csv.
 */
export function checkRawCsv(ctx: Pick<Context, 'globals'>, cmd: Named): void {
  const command = commandPath(cmd);
  const rule = FIELD_RULES[command];
  if (!ctx.globals.raw || ctx.globals.output !== 'csv' || ctx.globals.fields || command === 'orders export') return;
  if (!rule || !('fields' in rule) || !rule.raw) return;
  throw new UsageError(`-o csv is not available for ${command} --raw: the platform's own JSON has no columns orderctl knows`, {
    hint: 'name its paths with --fields, or use -o json or ndjson',
  });
}
