// `orderctl api`: registration only; the command's module loads when it runs.

import type { Command } from 'commander';
import type { Runner } from '../runner.js';
import { collect } from '../orders/flags.js';
import { examples } from '../examples.js';

export function registerApi(program: Command, run: Runner): void {
  examples(
    program
      .command('api <path>')
      .description("send a request to the store's own API (PATH under the profile's API root), with its credentials")
      .option('-X, --method <method>', 'HTTP method: GET, HEAD, POST, PUT, PATCH or DELETE (default: GET, or POST with -f, -F or --input)')
      .option('-f, --raw-field <key=value>', 'a string field: the JSON body, or the query of a GET (repeatable; key[sub] and key[] nest)', collect, [])
      .option('-F, --field <key=value>', 'a typed field: numbers (sent as typed), true, false, null, @FILE for a file\'s text, @- for standard input; KEY[] alone is an empty array (repeatable)', collect, [])
      .option('--input <file>', 'the request body: a JSON file, or - for standard input (fields then go to the query)')
      .option('-H, --header <header>', "an extra request header, 'Name: value' (repeatable)", collect, [])
      .option('--paginate', "follow the platform's paging and print every item (a JSON array, or one a line with -o ndjson)")
      .option('-i, --include', 'print the status line and response headers before the body')
      .option('--silent', 'print no response body (the exit code still tells how it went)'),
    [
      'orderctl api /orders/count',
      'orderctl api -X GET /orders -F status_id=11 -F limit=5 --jq \'.[].id\'',
      'orderctl api /orders --paginate -o ndjson > orders.ndjson',
      'orderctl api -X PUT /orders/101 -F status_id=2',
      'orderctl api --sandbox squarespace /orders --paginate --jq \'.[].orderNumber\'',
    ],
  ).action(
    run(async (ctx, cmd) => {
      const m = await import('./api.js');
      await m.run(ctx, m.parseOptions(cmd.args[0]!, cmd.opts()));
    }),
  );
}
