import type { Context } from '../../core/context.js';
import { AuthError } from '../../core/errors.js';
import { createAdapter, secretSourceHint } from '../../platforms/index.js';
import { requireProfile, selectedProfileName } from './shared.js';

export async function run(ctx: Context, o: { name?: string }): Promise<void> {
  const data = (await ctx.config()).data();
  const name = selectedProfileName(ctx, data, o.name);
  const adapter = await createAdapter(ctx, name, requireProfile(data, name));
  try {
    await adapter.ping();
  } catch (err) {
    // Say plainly that the credentials are the problem; other failures (network: exit 1) speak for themselves.
    if (err instanceof AuthError) {
      const hint = ctx.env.ORDERCTL_TOKEN ? secretSourceHint(ctx, name) : `store a new token with "orderctl profile add ${name} --platform ${adapter.platform} … --token-stdin"`;
      throw new AuthError(`profile ${name}: the credentials were refused (${err.message})`, { status: err.status, hint });
    }
    throw err;
  }
  if (!ctx.globals.quiet) ctx.io.stderr.write(`profile ${name}: credentials work (${adapter.platform})\n`);
  if (ctx.globals.output === 'json') ctx.io.stdout.write(`${JSON.stringify({ profile: name, platform: adapter.platform, ok: true })}\n`);
}
