// `orderctl schema [NAME]`: the JSON Schema of what orderctl prints — part of the contract.

import { Argument, type Command } from 'commander';
import type { Runner } from '../runner.js';

/** The schemas' names, kept here so help needs no schema module (a unit test checks them against src/core/schema.ts). */
export const SCHEMA_NAMES = ['order', 'cart', 'checkout', 'payment', 'quote', 'result', 'error', 'count'] as const;

export function registerSchema(program: Command, run: Runner): void {
  program
    .command('schema')
    .description('print the JSON Schema of what orderctl prints (the normalized order, results, errors)')
    .addArgument(new Argument('[name]', SCHEMA_NAMES.join(', ')).choices(SCHEMA_NAMES))
    .addHelpText('after', '\nExamples:\n  orderctl schema order\n  orderctl schema error | jq .properties')
    .action(
      run(async (ctx, cmd) => {
        const { run: print } = await import('./print.js');
        await print(ctx, { name: cmd.args[0] });
      }),
    );
}
