// Each -o format means one thing on every command: table for people; json the
// record (or an array of them); ndjson one record a line; csv a header row of
// named columns, then one row per record; ids one id a line, each one another
// command accepts. A command whose output has no such form refuses the format
// (exit 2) before any request, naming the formats it has.

import type { Context, OutputFormat } from '../core/context.js';
import { OUTPUT_FORMATS } from '../core/context.js';
import { UsageError } from '../core/errors.js';

export function refuseFormats(ctx: Pick<Context, 'globals'>, command: string, refused: Partial<Record<OutputFormat, string>>): void {
  // The default (table or json) is always one a command has.
  const format = ctx.globals.output;
  const why = format && refused[format];
  if (!why) return;
  const usable = OUTPUT_FORMATS.filter((f) => !(f in refused));
  throw new UsageError(`-o ${format} is not available for ${command}: ${why}`, { hint: `use -o ${usable.slice(0, -1).join(', ')} or ${usable.at(-1)}` });
}
