// The orders flags, declared for commander. Kept apart from the code that
// parses and acts on them, so building the command tree loads nothing heavy.

import { Option, type Command } from 'commander';

export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--status <status>', 'status: a normalized name (awaiting_fulfillment) or a native code; repeatable', collect, [])
    .option('--since <time>', 'modified at or after (ISO 8601, or 7d, 12h, yesterday)')
    .option('--until <time>', 'modified at or before')
    .option('--created-since <time>', 'created at or after')
    .option('--created-until <time>', 'created at or before')
    .option('--customer <id>', 'customer id')
    .option('--email <email>', 'customer e-mail (filtered here, with a note, where the API cannot)')
    .option('--search <text>', 'find orders by customer name, e-mail or number; case and accents ignored')
    .option('--payment-status <status>', 'payment status as printed: paid, partially_refunded, refunded, pending… (squarespace, bigcommerce), or a squarespace state (PAID); repeatable', collect, [])
    .option('--payment-method <method>', 'payment method, e.g. "Credit Card" (bigcommerce)')
    .option('--channel <id>', 'sales channel id (bigcommerce)')
    .option('--min-total <amount>', 'order total at least (bigcommerce)')
    .option('--max-total <amount>', 'order total at most (bigcommerce)')
    .option('--external-ref <ref>', 'marketplace order reference, e.g. an Amazon or eBay order id (bigcommerce)')
    .option('--cart <id>', 'the cart the order came from (bigcommerce)')
    .option('--vendor <id>', 'vendor (company) id (cscart Multi-Vendor)')
    .option('--min-id <id>', 'smallest order id')
    .option('--max-id <id>', 'largest order id')
    .option('--cursor <cursor>', 'resume from a printed cursor (cursor-paged platforms)')
    .option('--vendor-ref <ref>', 'vendor reference (cscart)')
    .option('--invoice <id>', 'invoice id (cscart)');
}

export function addPagingOptions(cmd: Command): Command {
  return cmd
    .option('--limit <n>', 'print at most N orders (fetching as many pages as needed)')
    .option('--all', 'fetch every page')
    .option('--page <n>', 'page number to start from')
    .option('--page-size <n>', 'orders per request (bigcommerce: at most 250)')
    .addOption(new Option('--sort <field>', 'sort by FIELD[:asc|desc], e.g. date_created:desc'));
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function addBulkOptions(cmd: Command): Command {
  return cmd
    .option('--stdin', 'read orders from standard input: one id a line, or NDJSON objects {"id": …, flag fields…}')
    .addOption(new Option('--concurrency <n>', 'requests in flight at once (default: chosen per platform)'))
    .option('--fail-fast', 'stop starting new orders after the first failure');
}
