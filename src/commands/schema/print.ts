import type { Context } from '../../core/context.js';
import { schemaFor, SCHEMA_NAMES } from '../../core/schema.js';

export interface SchemaOptions {
  /** One schema; absent: the names, one a line (a JSON array with -o json or --jq, JSON strings with -o ndjson). */
  name?: string;
}

export async function run(ctx: Context, o: SchemaOptions): Promise<void> {
  if (o.name === undefined) {
    const format = ctx.globals.output;
    if (format === 'json') ctx.io.stdout.write(`${JSON.stringify(SCHEMA_NAMES)}\n`);
    else if (format === 'ndjson') ctx.io.stdout.write(SCHEMA_NAMES.map((n) => `${JSON.stringify(n)}\n`).join(''));
    else ctx.io.stdout.write(`${SCHEMA_NAMES.join('\n')}\n`);
    if (ctx.io.stdoutIsTTY && !ctx.globals.quiet) ctx.io.stderr.write('print one with "orderctl schema NAME"\n');
    return;
  }
  ctx.io.stdout.write(`${JSON.stringify(schemaFor(o.name), null, 2)}\n`);
}
