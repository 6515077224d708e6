// `orderctl sandbox …`: the built-in emulator of every platform's API.

import type { Command } from 'commander';
import type { Runner } from '../runner.js';

/** Adds the verbs of `orderctl sandbox` (the noun itself is declared in cli.ts). */
export function registerSandbox(sandbox: Command, run: Runner): void {

  sandbox
    .command('serve')
    .description('serve the sandbox on 127.0.0.1 until stopped (Ctrl-C)')
    .option('--port <n>', 'port (default: any free port)', '0')
    .option('--state <file>', 'state file (default: sandbox/state.json in the config dir)')
    .option('--memory', 'keep state in memory only (large --orders counts, benchmarks)')
    .option('--seed <n>', 'seed for the generated orders', '1')
    .option('--orders <n>', 'orders to generate for a new state', '60')
    .option('--latency <ms>', 'added to every response', '0')
    .option('--fail-rate <r>', 'share of requests that meet a fault (0–1)', '0')
    .option('--rate-limit <n/window>', 'quota, e.g. 150/30s')
    .addHelpText('after', '\nExamples:\n  orderctl sandbox serve --port 8787\n  orderctl sandbox serve --fail-rate 0.1 --latency 50 --rate-limit 20/10s')
    .action(
      run(async (ctx, cmd) => {
        const m = await import('./serve.js');
        await m.run(ctx, m.parseOptions(cmd.opts()));
      }),
    );

  sandbox
    .command('reset')
    .description('regenerate the sandbox state from its seed')
    .option('--state <file>', 'state file (default: sandbox/state.json in the config dir)')
    .option('--seed <n>', 'seed', '1')
    .option('--orders <n>', 'orders to generate', '60')
    .addHelpText('after', '\nExamples:\n  orderctl sandbox reset\n  orderctl sandbox reset --seed 7 --orders 500')
    .action(
      run(async (ctx, cmd) => {
        const m = await import('./reset.js');
        await m.run(ctx, m.parseOptions(cmd.opts()));
      }),
    );

  sandbox
    .command('pay <checkout>')
    .description('pay an Outshifter sandbox checkout as the shopper would (its id, or the URL "checkout pay" printed)')
    .option('--state <file>', 'state file (default: sandbox/state.json in the config dir)')
    .addHelpText('after', '\nExamples:\n  orderctl sandbox pay 67954a7d-7bb4-49ef-82a6-bbe491d949a6\n  orderctl sandbox pay http://127.0.0.1:8787/outshifter/pay/67954a7d-7bb4-49ef-82a6-bbe491d949a6')
    .action(run(async (ctx, cmd) => (await import('./pay.js')).run(ctx, { target: cmd.args[0]!, state: cmd.opts().state })));

  sandbox
    .command('info')
    .description('show the sandbox state file and what it holds')
    .addHelpText('after', '\nExamples:\n  orderctl sandbox info\n  orderctl sandbox info --state ./state.json -o json')
    .option('--state <file>', 'state file (default: sandbox/state.json in the config dir)')
    .action(run(async (ctx, cmd) => (await import('./info.js')).run(ctx, { state: cmd.opts().state })));
}
