import type { Context } from '../../core/context.js';
import { writeOne } from '../../output/writer.js';
import { PROFILE_FIELDS, PROFILE_GUESSES } from '../../output/record-fields.js';
import type { View } from '../../output/view.js';
import { maskSecret, requireProfile, selectedProfileName } from './shared.js';

type Shown = Record<string, string | boolean | null>;

const view: View<Shown> = {
  columns: [],
  json: (r) => r,
  id: (r) => String(r.name),
  fields: PROFILE_FIELDS,
};

export async function run(ctx: Context, o: { name?: string }): Promise<void> {
  const config = await ctx.config();
  const data = config.data();
  const name = selectedProfileName(ctx, data, o.name);
  const p = requireProfile(data, name);
  const shown: Shown = {
    name,
    current: name === data.currentProfile,
    platform: p.platform,
    baseUrl: p.baseUrl ?? null,
    storeHash: p.storeHash ?? null,
    username: p.username ?? null,
    storefront: p.storefront ?? null,
    currency: p.currency ?? null,
    // Outshifter's overridden guesses, only where set.
    ...Object.fromEntries(PROFILE_GUESSES.filter((k) => p[k] !== undefined).map((k) => [k, p[k]!])),
    token: maskSecret(p.token),
    tokenFromEnv: Boolean(ctx.env.ORDERCTL_TOKEN),
    configFile: config.path,
  };
  // Labels padded to the longest (Outshifter's settings are longer than the others).
  const width = Math.max(...Object.keys(shown).map((k) => k.length));
  writeOne(ctx, view, shown, (r) =>
    Object.entries(r)
      .map(([k, v]) => `${k.padEnd(width)}  ${v ?? ''}`.trimEnd() + '\n')
      .join(''),
  );
}
