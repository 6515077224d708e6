import type { Context } from '../../core/context.js';
import { requireProfile } from './shared.js';

export async function run(ctx: Context, o: { name: string }): Promise<void> {
  const config = await ctx.config();
  if (ctx.globals.dryRun) {
    requireProfile(config.data(), o.name);
    if (!ctx.globals.quiet) ctx.io.stderr.write(`dry run: would remove profile ${o.name}; nothing was changed\n`);
    return;
  }
  await config.update((data) => {
    requireProfile(data, o.name);
    delete data.profiles[o.name];
    if (data.currentProfile === o.name) delete data.currentProfile;
  });
  if (!ctx.globals.quiet) ctx.io.stderr.write(`removed profile ${o.name}\n`);
}
