import type { Context } from '../../core/context.js';
import { intFlag, statePathFor } from './shared.js';

export function parseOptions(flags: Record<string, unknown>) {
  return { state: flags.state as string | undefined, seed: intFlag(flags.seed, '--seed'), orders: intFlag(flags.orders, '--orders', 0, 1_000_000) };
}

export async function run(ctx: Context, o: { state?: string; seed: number; orders: number }): Promise<void> {
  const { resetSandboxState } = await import('../../sandbox/server.js');
  const statePath = await statePathFor(ctx, o.state);
  if (ctx.globals.dryRun) {
    ctx.io.stderr.write(`dry run: would reset the sandbox state ${statePath} (seed ${o.seed}, ${o.orders} orders); nothing was changed\n`);
    return;
  }
  await resetSandboxState(statePath, o.seed, o.orders);
  if (!ctx.globals.quiet) ctx.io.stderr.write(`sandbox state reset: ${statePath} (seed ${o.seed}, ${o.orders} orders)\n`);
}
