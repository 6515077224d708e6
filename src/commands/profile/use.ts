import type { Context } from '../../core/context.js';
import { requireProfile } from './shared.js';

export async function run(ctx: Context, o: { name: string }): Promise<void> {
  const config = await ctx.config();
  if (ctx.globals.dryRun) {
    requireProfile(config.data(), o.name);
    if (!ctx.globals.quiet) ctx.io.stderr.write(`dry run: would use profile ${o.name}; nothing was changed\n`);
    return;
  }
  await config.update((data) => {
    requireProfile(data, o.name);
    data.currentProfile = o.name;
  });
  if (!ctx.globals.quiet) ctx.io.stderr.write(`now using profile ${o.name}\n`);
}
