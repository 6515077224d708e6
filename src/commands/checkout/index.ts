// `orderctl checkout …`: registration only; each verb's module loads when it runs.

import type { Command } from 'commander';
import type { Runner } from '../runner.js';
import { examples } from '../examples.js';
import { addContactOptions } from './flags.js';

/** Adds the verbs of `orderctl checkout` (the noun itself is declared in cli.ts). */
export function registerCheckout(checkout: Command, run: Runner): void {

  examples(checkout.command('create <cart-id>').description('start a checkout from a cart'), ['orderctl checkout create CART']).action(
    run(async (ctx, cmd) => (await import('./create.js')).run(ctx, { cartId: cmd.args[0]! })),
  );

  examples(checkout.command('get <id>').description('show a checkout: addresses, items, totals'), ['orderctl checkout get CHECKOUT']).action(
    run(async (ctx, cmd) => (await import('./get.js')).run(ctx, { id: cmd.args[0]! })),
  );

  examples(addContactOptions(checkout.command('update <id>').description('add or change addresses and contact (on a terminal, asks for what is missing)')).option('--method <method>', 'payment method'), [
    'orderctl checkout update CHECKOUT   # asks on a terminal',
    'orderctl checkout update CHECKOUT --email jane@example.com --first-name Jane --last-name Doe --address1 "Møllergata 6" --city Oslo --zip 0179 --country-code NO --billing-same',
    'orderctl checkout update CHECKOUT --address-file address.json --no-input',
  ]).action(
    run(async (ctx, cmd) => {
      const m = await import('./update.js');
      await m.run(ctx, m.parseOptions(cmd.args[0]!, cmd.opts()));
    }),
  );

  examples(checkout.command('methods').description('list the payment methods the seller offers'), ['orderctl checkout methods']).action(
    run(async (ctx) => (await import('./methods.js')).run(ctx)),
  );

  examples(addContactOptions(checkout.command('pay <id>').description('start the payment: prints the checkout URL and the pending order id')).option('--method <method>', 'payment method (see "orderctl checkout methods")'), [
    'orderctl checkout pay CHECKOUT --method Stripe',
    'orderctl checkout pay CHECKOUT --method Klarna --success-url https://shop.example/thanks --cancel-url https://shop.example/cart',
  ]).action(
    run(async (ctx, cmd) => {
      const m = await import('./pay.js');
      await m.run(ctx, m.parseOptions(cmd.args[0]!, cmd.opts()));
    }),
  );

  examples(checkout.command('payment <id>').description("show a checkout's payment: method, addresses, cart"), ['orderctl checkout payment CHECKOUT -o json']).action(
    run(async (ctx, cmd) => (await import('./payment.js')).run(ctx, { id: cmd.args[0]! })),
  );

  examples(checkout.command('delete <id>').description('delete a checkout (asks first; --yes without a terminal)'), ['orderctl checkout delete CHECKOUT --yes']).action(
    run(async (ctx, cmd) => (await import('./delete.js')).run(ctx, { id: cmd.args[0]! })),
  );

  examples(checkout.command('klarna <cart-id>').description("pay a cart through Klarna's own checkout: a pending order and Klarna's snippet"), ['orderctl checkout klarna CART -o json']).action(
    run(async (ctx, cmd) => (await import('./klarna.js')).run(ctx, { cartId: cmd.args[0]! })),
  );
}
