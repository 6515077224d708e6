import type { Context } from '../../core/context.js';
import { createAdapter } from '../../platforms/index.js';
import { requireProfile, selectedProfileName } from './shared.js';

export async function run(ctx: Context, o: { name?: string }): Promise<void> {
  const data = (await ctx.config()).data();
  const name = selectedProfileName(ctx, data, o.name);
  const adapter = await createAdapter(ctx, name, requireProfile(data, name));
  // Errors (401 → exit 3, network → exit 1) say why the credentials don't work.
  await adapter.ping();
  if (!ctx.globals.quiet) ctx.io.stderr.write(`profile ${name}: credentials work (${adapter.platform})\n`);
  if (ctx.globals.output === 'json') ctx.io.stdout.write(`${JSON.stringify({ profile: name, platform: adapter.platform, ok: true })}\n`);
}
