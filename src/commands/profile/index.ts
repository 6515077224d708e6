// `orderctl profile …`: registration only; each verb's module loads when it runs.

import type { Command } from 'commander';
import type { Runner } from '../runner.js';

/** Adds the verbs of `orderctl profile` (the noun itself is declared in cli.ts). */
export function registerProfile(profile: Command, run: Runner): void {

  profile
    .command('add <name>')
    .description('add or replace a profile; the secret comes from --token-stdin, ORDERCTL_TOKEN or a hidden prompt')
    .requiredOption('--platform <platform>', 'bigcommerce, cscart, squarespace or outshifter')
    .option('--base-url <url>', 'API root the documented paths hang under ({store_hash} is filled in)')
    .option('--store-hash <hash>', 'BigCommerce store hash')
    .option('--username <user>', 'user name for HTTP Basic platforms')
    .option('--storefront <id>', 'outshifter: the channel storefront orders are listed for')
    .option('--currency <code>', "the currency of the shop's amounts (ISO 4217), where its API does not say it (cscart, outshifter)")
    .option('--cancel-item-url <url>', "outshifter: where an item is cancelled, with {order} and {item} (default /orders/{order}/items/{item} under the API root)")
    .option('--list-request <request>', "outshifter: how orders are listed, e.g. 'GET /orders?storefront={storefront}&status={status}&dateFrom={dateFrom}&dateTo={dateTo}' (add &page={page} if it pages)")
    .option('--status-map <map>', 'outshifter: native statuses orderctl does not know, as NATIVE=STATUS[,…] (e.g. PROCESSING=awaiting_fulfillment)')
    .option('--shipping-rate-field <field>', 'outshifter: the checkout field the flat rate goes in (default shipping_rate)')
    .option('--klarna-order-field <field>', "outshifter: the field of the Klarna answer with the order id (default order_id)")
    .option('--token-stdin', 'read the secret from standard input')
    .option('--use', 'make it the current profile')
    .addHelpText('after', '\nExamples:\n  echo "$TOKEN" | orderctl profile add shop --platform bigcommerce --store-hash abc123 --token-stdin --use\n  orderctl profile add local --platform bigcommerce --base-url http://127.0.0.1:8787/bigcommerce/stores/{store_hash}/v2 --store-hash sandbox --token-stdin\n  echo "$KEY" | orderctl profile add shop --platform outshifter --storefront my-store --token-stdin')
    .action(
      run(async (ctx, cmd) => {
        const m = await import('./add.js');
        await m.run(ctx, m.parseOptions(cmd.args[0]!, cmd.opts()));
      }),
    );

  profile
    .command('list')
    .alias('ls')
    .description('list profiles; the current one is marked')
    .addHelpText('after', '\nExamples:\n  orderctl profile list\n  orderctl profile list -o json')
    .action(run(async (ctx) => (await import('./list.js')).run(ctx)));

  profile
    .command('show [name]')
    .description('show a profile (secret masked to its last 4 characters)')
    .addHelpText('after', '\nExamples:\n  orderctl profile show\n  orderctl profile show shop -o json')
    .action(run(async (ctx, cmd) => (await import('./show.js')).run(ctx, { name: cmd.args[0] })));

  profile
    .command('use <name>')
    .description('make a profile the current one')
    .addHelpText('after', '\nExamples:\n  orderctl profile use shop\n  ORDERCTL_PROFILE=staging orderctl orders list   # one command, another profile')
    .action(run(async (ctx, cmd) => (await import('./use.js')).run(ctx, { name: cmd.args[0]! })));

  profile
    .command('remove <name>')
    .alias('rm')
    .description('remove a profile')
    .addHelpText('after', '\nExamples:\n  orderctl profile remove old-shop')
    .action(run(async (ctx, cmd) => (await import('./remove.js')).run(ctx, { name: cmd.args[0]! })));

  profile
    .command('test [name]')
    .description('make one cheap authenticated call and say whether the credentials work')
    .addHelpText('after', '\nExamples:\n  orderctl profile test\n  orderctl profile test shop && echo "credentials work"')
    .action(run(async (ctx, cmd) => (await import('./test.js')).run(ctx, { name: cmd.args[0] })));
}
