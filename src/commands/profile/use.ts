import type { Context } from '../../core/context.js';
import { requireProfile } from './shared.js';

export async function run(ctx: Context, o: { name: string }): Promise<void> {
  const config = await ctx.config();
  const data = config.data();
  requireProfile(data, o.name);
  data.currentProfile = o.name;
  await config.save(data);
  if (!ctx.globals.quiet) ctx.io.stderr.write(`now using profile ${o.name}\n`);
}
