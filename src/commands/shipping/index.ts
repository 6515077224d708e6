// `orderctl shipping …`: registration only; the verb's module loads when it runs.

import type { Command } from 'commander';
import type { Runner } from '../runner.js';
import { collect } from '../orders/flags.js';

/** Adds the verbs of `orderctl shipping` (the noun itself is declared in cli.ts). */
export function registerShipping(shipping: Command, run: Runner): void {
  shipping
    .command('quote')
    .description('the flat shipping rate of products to a country')
    .option('--item <spec>', 'PRODUCT[:QTY] (repeatable)', collect, [])
    .requiredOption('--country <code>', 'destination country (ISO 3166, e.g. NO)')
    .requiredOption('--currency <code>', 'currency, e.g. NOK')
    .addHelpText('after', '\nExamples:\n  orderctl shipping quote --item 920 --item 4018:2 --country NO --currency NOK\n  orderctl shipping quote --item 112232 --country SE --currency SEK -o json')
    .action(
      run(async (ctx, cmd) => {
        const m = await import('./quote.js');
        await m.run(ctx, m.parseOptions(cmd.opts()));
      }),
    );
}
