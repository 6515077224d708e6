// `orderctl cart …`: registration only; each verb's module loads when it runs.

import type { Command } from 'commander';
import type { Runner } from '../runner.js';
import { examples } from '../examples.js';
import { collect } from '../orders/flags.js';

/** Adds the verbs of `orderctl cart` (the noun itself is declared in cli.ts). */
export function registerCart(cart: Command, run: Runner): void {

  examples(cart.command('create').description('create an empty cart').option('--session <id>', "the shopper's session id (default: a new one)").option('--currency <code>', 'currency, e.g. NOK or EUR'), [
    'orderctl cart create --currency NOK',
    'orderctl cart create --session 92sdj34234 --currency EUR -o json',
  ]).action(
    run(async (ctx, cmd) => {
      const m = await import('./create.js');
      await m.run(ctx, m.parseOptions(cmd.opts()));
    }),
  );

  examples(cart.command('get <id>').description('show a cart and its items'), ['orderctl cart get dd961398-e3de-4204-9404-450b6170ddf3']).action(
    run(async (ctx, cmd) => (await import('./get.js')).run(ctx, { id: cmd.args[0]! })),
  );

  examples(
    cart
      .command('add <id>')
      .description('add items to a cart, several in one request')
      .option('--item <spec>', 'PRODUCT[:VARIANT]:QTY[@PRICE] (repeatable)', collect, []),
    ['orderctl cart add CART --item 4018:40181:1 --item 112000:2', 'orderctl cart add CART --item 920:9201:1@349.00'],
  ).action(
    run(async (ctx, cmd) => {
      const m = await import('./add.js');
      await m.run(ctx, m.parseOptions(cmd.args[0]!, cmd.opts()));
    }),
  );

  examples(cart.command('update <id> <item>').description("change an item's quantity").requiredOption('--qty <n>', 'new quantity'), ['orderctl cart update CART ITEM --qty 3']).action(
    run(async (ctx, cmd) => {
      const m = await import('./update.js');
      await m.run(ctx, m.parseOptions(cmd.args[0]!, cmd.args[1]!, cmd.opts()));
    }),
  );

  examples(cart.command('remove <id> [items...]').alias('rm').description('remove items from a cart'), ['orderctl cart remove CART ITEM', 'orderctl cart remove CART ITEM1 ITEM2']).action(
    run(async (ctx, cmd) => {
      const m = await import('./remove.js');
      await m.run(ctx, m.parseOptions(cmd.args[0]!, cmd.args.slice(1)));
    }),
  );

  examples(cart.command('delete <id>').description('delete a cart (asks first; --yes without a terminal)'), ['orderctl cart delete CART --yes']).action(
    run(async (ctx, cmd) => (await import('./delete.js')).run(ctx, { id: cmd.args[0]! })),
  );
}
