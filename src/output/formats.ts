// Each -o format means one thing on every command: table for people; json the
// record (or an array of them); ndjson one record a line; csv a header row of
// named columns, then one row per record; ids one id a line, each one another
// command accepts. A command whose output has no such form refuses the format
// (exit 2) before any request, naming the formats it has.

import type { Context, OutputFormat } from '../core/context.js';
import { OUTPUT_FORMATS } from '../core/context.js';
import { UsageError } from '../core/errors.js';
import type { IO } from '../core/io.js';

export function refuseFormats(ctx: Pick<Context, 'globals'>, command: string, refused: Partial<Record<OutputFormat, string>>): void {
  // The default (table or json) is always one a command has.
  const format = ctx.globals.output;
  const why = format && refused[format];
  if (!why) return;
  const usable = OUTPUT_FORMATS.filter((f) => !(f in refused));
  throw new UsageError(`-o ${format} is not available for ${command}: ${why}`, { hint: `use -o ${usable.slice(0, -1).join(', ')} or ${usable.at(-1)}` });
}

/** -o when given; else JSON with --raw or off a terminal, a table on one. */
export function formatFor(io: Pick<IO, 'stdoutIsTTY'>, output: OutputFormat | undefined, raw: boolean): OutputFormat {
  if (output) return output;
  if (raw) return 'json';
  return io.stdoutIsTTY ? 'table' : 'json';
}

/**
 * Errors as JSON lines on stderr, for scripts: the output is JSON or NDJSON
 * (given, or by default off a terminal) and stderr is no terminal. cli.ts
 * asks before a Context exists too (commander's own errors), from the words.
 */
export function errorsAsJson(io: Pick<IO, 'stdoutIsTTY' | 'stderrIsTTY'>, output: OutputFormat | undefined, raw = false): boolean {
  if (io.stderrIsTTY) return false;
  const format = formatFor(io, output, raw);
  return format === 'json' || format === 'ndjson';
}

/** errorsAsJson for a command's own errors (a failing store, one id of many). */
export function jsonErrors(ctx: Context): boolean {
  return errorsAsJson(ctx.io, ctx.globals.output, ctx.globals.raw);
}
