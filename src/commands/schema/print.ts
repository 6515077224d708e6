import type { Context } from '../../core/context.js';
import { schemaFor, SCHEMA_NAMES } from '../../core/schema.js';

export interface SchemaOptions {
  /** One schema; absent: the names, one a line. */
  name?: string;
}

export async function run(ctx: Context, o: SchemaOptions): Promise<void> {
  if (o.name === undefined) {
    ctx.io.stdout.write(`${SCHEMA_NAMES.join('\n')}\n`);
    if (ctx.io.stdoutIsTTY && !ctx.globals.quiet) ctx.io.stderr.write('print one with "orderctl schema NAME"\n');
    return;
  }
  ctx.io.stdout.write(`${JSON.stringify(schemaFor(o.name), null, 2)}\n`);
}
