import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { announcePathFor, intFlag, parseRateLimit, rateFlag, statePathFor } from './shared.js';

export interface ServeOptions {
  port: number;
  state?: string;
  memory: boolean;
  seed: number;
  orders: number;
  latencyMs: number;
  failRate: number;
  rateLimit?: { requests: number; windowMs: number };
}

export function parseOptions(flags: Record<string, unknown>): ServeOptions {
  return {
    port: intFlag(flags.port, '--port', 0, 65535),
    state: flags.state as string | undefined,
    memory: Boolean(flags.memory),
    seed: intFlag(flags.seed, '--seed'),
    orders: intFlag(flags.orders, '--orders', 0, 1_000_000),
    latencyMs: intFlag(flags.latency, '--latency', 0, 600_000),
    failRate: rateFlag(flags.failRate),
    rateLimit: flags.rateLimit === undefined ? undefined : parseRateLimit(String(flags.rateLimit)),
  };
}

export async function run(ctx: Context, o: ServeOptions): Promise<void> {
  const { startSandbox } = await import('../../sandbox/server.js');
  if (o.memory && o.state) throw new UsageError('--memory and --state cannot be used together');
  const statePath = o.memory ? undefined : await statePathFor(ctx, o.state);
  const sandbox = await startSandbox({
    port: o.port,
    statePath,
    seed: o.seed,
    orders: o.orders,
    latencyMs: o.latencyMs,
    failRate: o.failRate,
    rateLimit: o.rateLimit,
    announce: await announcePathFor(ctx, o.state),
  });
  const out = ctx.io.stdout;
  out.write(`sandbox listening on ${sandbox.url}\n`);
  for (const [platform, url] of Object.entries(sandbox.baseUrls)) out.write(`  ${platform.padEnd(12)} ${url}\n`);
  out.write(`  token        ${sandbox.token}\n  state        ${statePath ?? '(memory only)'}\n`);
  if (!ctx.globals.quiet) {
    ctx.io.stderr.write(
      `try: echo ${sandbox.token} | orderctl profile add sandbox --platform bigcommerce --base-url ${sandbox.baseUrls.bigcommerce} --token-stdin --use\n` +
        `or:  echo ${sandbox.token} | orderctl profile add shop --platform outshifter --base-url ${sandbox.baseUrls.outshifter} --storefront sandbox --token-stdin\n` +
        'press Ctrl-C to stop\n',
    );
  }
  // Serve until Ctrl-C, then close cleanly (state is written after every change).
  await new Promise<void>((resolve) => {
    if (ctx.signal.aborted) resolve();
    ctx.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await sandbox.close();
  if (!ctx.globals.quiet) ctx.io.stderr.write('sandbox stopped\n');
}
