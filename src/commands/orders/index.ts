// `orderctl orders …`: registration only; each verb's module loads when it runs.

import type { Command } from 'commander';
import type { Runner } from '../runner.js';
import { examples } from '../examples.js';
import { addBulkOptions, addFilterOptions, addPagingOptions, collect } from './flags.js';

/** Parses the bulk flags in the action, where bulk.ts may load. */
const bulkFlags = async (flags: Record<string, unknown>) => (await import('./bulk.js')).parseBulkOptions(flags);

/** Adds the verbs of `orderctl orders` (the noun itself is declared in cli.ts). */
export function registerOrders(orders: Command, run: Runner): void {

  examples(addPagingOptions(addFilterOptions(orders.command('list').alias('ls').description('list orders'))), [
    'orderctl orders list --status awaiting_fulfillment --since 7d',
    'orderctl orders list --all -o ndjson > orders.ndjson',
    'orderctl orders list --email janedoe@example.com --fields id,status,totals.total.amount -o csv',
  ]).action(
    run(async (ctx, cmd) => {
      const m = await import('./list.js');
      await m.run(ctx, m.parseOptions(cmd.opts(), ctx.clock.now()));
    }),
  );

  examples(addBulkOptions(orders.command('get [ids...]').description('show orders with their items, shipments, payment and notes (#1060: by order number)')), [
    'orderctl orders get 101',
    "orderctl orders get '#1060'",
    'orderctl orders get 101 102 103 -o json --fields id,customer.email,items.sku',
    'orderctl orders list --status awaiting_fulfillment -o ids | orderctl orders get --stdin -o ndjson',
    'orderctl orders get 101 -p eu,us   # looked up in both stores; eu:101 asks eu only',
  ]).action(run(async (ctx, cmd) => (await import('./get.js')).run(ctx, { ...(await bulkFlags(cmd.opts())), ids: cmd.args, stdin: Boolean(cmd.opts().stdin) })));

  examples(
    orders
      .command('shipments <id>')
      .description("an order's shipments: carrier, tracking and items; bigcommerce also corrects (--update) or removes (--delete) one")
      .option('--update <shipment>', 'correct this shipment with the flags below (bigcommerce)')
      .option('--delete <shipment>', 'remove this shipment; the order keeps its status (bigcommerce)')
      .option('--tracking <number>', 'tracking number')
      .option('--carrier <carrier>', 'carrier (e.g. ups, fedex, usps, or any name)')
      .option('--service <service>', 'shipping service or method')
      .option('--tracking-url <url>', 'tracking link')
      .option('--ship-date <time>', 'ship date (platforms that record one)')
      .option('--address <id>', 'shipping address id')
      .option('--comment <text>', 'comment stored with the shipment'),
    [
      'orderctl orders shipments 118',
      "orderctl orders shipments '#1060' -o json",
      'orderctl orders shipments 118 --update 7 --tracking 1Z999AA10123456784 --carrier ups',
      'orderctl orders shipments 118 --delete 7 --yes',
    ],
  ).action(
    run(async (ctx, cmd) => {
      const m = await import('./shipments.js');
      await m.run(ctx, m.parseOptions(cmd.args[0]!, cmd.opts(), ctx.clock.now()));
    }),
  );

  examples(addFilterOptions(orders.command('count').description('count orders by status')), [
    'orderctl orders count',
    'orderctl orders count --since 30d -o json',
  ]).action(
    run(async (ctx, cmd) => {
      const m = await import('./count.js');
      await m.run(ctx, m.parseOptions(cmd.opts(), ctx.clock.now()));
    }),
  );

  examples(
    orders
      .command('create')
      .description('create an order from a JSON file in the platform\'s own format')
      .requiredOption('--file <file>', 'JSON file, or - for standard input')
      .option('--idempotency-key <key>', 'key that makes a repeated create safe (platforms that support it)'),
    ['orderctl orders create --file order.json', 'cat order.json | orderctl orders create --file -'],
  ).action(run(async (ctx, cmd) => (await import('./create.js')).run(ctx, { file: cmd.opts().file, idempotencyKey: cmd.opts().idempotencyKey })));

  examples(
    orders
      .command('update <id>')
      .description('update an order from a JSON file (only the fields given change)')
      .option('--file <file>', 'JSON file, or - for standard input')
      .option('--vendor-ref <ref>', 'set the vendor reference (cscart)'),
    ['orderctl orders update 101 --file changes.json', `echo '{"staff_notes":"called customer"}' | orderctl orders update 101 --file -`],
  ).action(run(async (ctx, cmd) => (await import('./update.js')).run(ctx, { id: cmd.args[0]!, file: cmd.opts().file, vendorRef: cmd.opts().vendorRef })));

  examples(
    addBulkOptions(orders.command('status [ids...]').description('show the status of orders, or change it with --set'))
      .option('--set <status>', 'new status: a normalized name or a native code')
      .option('--notify', 'notify the customer (platforms that support it)'),
    ['orderctl orders status 101 102', 'orderctl orders status 101 --set completed --yes', 'orderctl orders list --status pending -o ids | orderctl orders status --stdin --set on_hold --yes'],
  ).action(
    run(async (ctx, cmd) =>
      (await import('./status.js')).run(ctx, { ...(await bulkFlags(cmd.opts())), ids: cmd.args, stdin: Boolean(cmd.opts().stdin), set: cmd.opts().set, notify: Boolean(cmd.opts().notify) }),
    ),
  );

  examples(
    addBulkOptions(orders.command('fulfill [ids...]').description('ship orders: every unshipped item, or the ones given with --item'))
      .option('--tracking <number>', 'tracking number')
      .option('--carrier <carrier>', 'carrier (e.g. ups, fedex, usps, or any name)')
      .option('--service <service>', 'shipping service or method')
      .option('--tracking-url <url>', 'tracking link')
      .option('--ship-date <time>', 'ship date (platforms that record one)')
      .option('--notify', 'notify the customer')
      .option('--no-notify', 'do not notify the customer (where the platform allows)')
      .option('--item <item>', 'ITEM[:QTY] to ship (repeatable; default: everything unshipped)', collect, [])
      .option('--address <id>', 'shipping address id, for orders shipping to several addresses')
      .option('--comment <text>', 'comment stored with the shipment'),
    [
      'orderctl orders fulfill 101 --tracking 1Z999 --carrier ups',
      'orderctl orders list --status awaiting_fulfillment -o ids | orderctl orders fulfill --stdin --concurrency 8',
      'orderctl orders list -p eu,us --status awaiting_fulfillment -o ids | orderctl orders fulfill --stdin   # STORE:ID lines go to their store',
      `printf '%s\\n' '{"id":"101","tracking":"1Z1"}' '{"id":"102","tracking":"1Z2"}' | orderctl orders fulfill --stdin --carrier ups --dry-run`,
    ],
  ).action(
    run(async (ctx, cmd) => {
      const m = await import('./fulfill.js');
      await m.run(ctx, m.parseOptions(cmd.args, cmd.opts(), ctx.clock.now()));
    }),
  );

  examples(
    addBulkOptions(orders.command('cancel [ids...]').description('cancel orders'))
      .option('--item <item>', 'cancel only this item (outshifter; repeatable)', collect, [])
      .option('--all-items', 'outshifter: cancel every item of the order, one at a time')
      .option('--notify', 'notify the customer (platforms that support it)')
      .option('--by-merchant', 'cscart: cancelled by the merchant (status D) instead of the customer (I)'),
    [
      'orderctl orders cancel 101',
      'orderctl orders cancel 101 102 --yes',
      "orderctl orders cancel 'eu:#1060' --yes   # order number 1060 of store eu",
      'orderctl orders list --status pending --until 90d -o ids | orderctl orders cancel --stdin --yes --fail-fast',
      'orderctl orders cancel 3232 --item 17 --yes   # outshifter: one item of several',
    ],
  ).action(
    run(async (ctx, cmd) =>
      (await import('./cancel.js')).run(ctx, {
        ...(await bulkFlags(cmd.opts())),
        ids: cmd.args,
        stdin: Boolean(cmd.opts().stdin),
        items: cmd.opts().item,
        allItems: Boolean(cmd.opts().allItems),
        notify: Boolean(cmd.opts().notify),
        byMerchant: Boolean(cmd.opts().byMerchant),
      }),
    ),
  );

  examples(
    addFilterOptions(orders.command('export').description('export orders to a file, atomically, optionally from where the last run stopped'))
      .option('--format <format>', 'csv, ndjson or json (default: from the --out extension)')
      .option('--out <file>', 'file to write (appears only when complete), or - for standard output')
      .option('--checkpoint <name>', 'export only what changed since the last successful run with this name')
      .option('--overlap <duration>', 'how far before the checkpoint to look again (clock skew, late writes)', '5m')
      .option('--columns <list>', 'CSV columns, dotted paths (default: a stable set, see README)')
      .option('--lines', 'CSV: one row per line item instead of per order')
      .option('--show', 'print the checkpoint named by --checkpoint')
      .option('--reset', 'remove the checkpoint named by --checkpoint'),
    [
      'orderctl orders export --since 30d --format csv --out orders.csv',
      'orderctl orders export --checkpoint nightly --out /var/exports/orders.ndjson --quiet',
      'orderctl orders export --checkpoint nightly --show',
    ],
  ).action(
    run(async (ctx, cmd) => {
      const m = await import('./export.js');
      await m.run(ctx, m.parseOptions(cmd.opts(), ctx.clock.now()));
    }),
  );

  examples(
    addBulkOptions(orders.command('archive [ids...]').description('archive orders (BigCommerce: DELETE; they leave every list)')),
    ['orderctl orders archive 101', 'orderctl orders archive 101 102 --yes'],
  ).action(run(async (ctx, cmd) => (await import('./archive.js')).run(ctx, { ...(await bulkFlags(cmd.opts())), ids: cmd.args, stdin: Boolean(cmd.opts().stdin) })));
}
