import type { Context } from '../../core/context.js';
import type { Profile } from '../../core/config.js';
import { UsageError } from '../../core/errors.js';
import { checkBaseUrl } from '../../core/http.js';
import { checkPlatform } from '../../platforms/index.js';
import { DEFAULT_BASE_URL } from '../../platforms/outshifter/adapter.js';
import { GUESS_FLAGS, guessesOf, type GuessKey } from '../../platforms/outshifter/guesses.js';

export interface AddOptions {
  name: string;
  platform: string;
  baseUrl?: string;
  storeHash?: string;
  username?: string;
  storefront?: string;
  currency?: string;
  /** Outshifter's guesses, overridden (each a profile key). */
  guesses: Partial<Record<GuessKey, string>>;
  tokenStdin: boolean;
  use: boolean;
}

export function parseOptions(name: string, flags: Record<string, unknown>): AddOptions {
  return {
    name,
    platform: String(flags.platform),
    baseUrl: flags.baseUrl as string | undefined,
    storeHash: flags.storeHash as string | undefined,
    username: flags.username as string | undefined,
    storefront: flags.storefront as string | undefined,
    currency: flags.currency === undefined ? undefined : String(flags.currency).toUpperCase(),
    guesses: Object.fromEntries(Object.keys(GUESS_FLAGS).filter((k) => typeof flags[k] === 'string').map((k) => [k, flags[k] as string])),
    tokenStdin: Boolean(flags.tokenStdin),
    use: Boolean(flags.use),
  };
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export async function run(ctx: Context, o: AddOptions): Promise<void> {
  if (!NAME.test(o.name)) throw new UsageError(`invalid profile name "${o.name}": use letters, digits, ".", "_" and "-"`);
  const platform = checkPlatform(o.platform);
  if (o.baseUrl) checkBaseUrl(o.baseUrl.replace('{store_hash}', o.storeHash ?? 'x'));
  if (platform === 'bigcommerce' && !o.storeHash && !(o.baseUrl && !o.baseUrl.includes('{store_hash}'))) {
    throw new UsageError('a BigCommerce profile needs --store-hash (or a --base-url without {store_hash})');
  }
  // CS-Cart runs on the shop's own host (no default API root) with Basic auth by admin e-mail (API-NOTES.md §3).
  if (platform === 'cscart' && (!o.baseUrl || !o.username)) {
    throw new UsageError(`a CS-Cart profile needs ${[!o.baseUrl && '--base-url', !o.username && '--username'].filter(Boolean).join(' and ')}`, {
      hint: 'orderctl profile add NAME --platform cscart --base-url https://SHOP/api --username ADMIN_EMAIL --token-stdin',
    });
  }
  if (o.currency !== undefined && !/^[A-Z]{3}$/.test(o.currency)) throw new UsageError(`invalid --currency "${o.currency}": use an ISO 4217 code such as EUR`);
  const guessed = Object.keys(o.guesses) as GuessKey[];
  if (guessed.length && platform !== 'outshifter') throw new UsageError(`${guessed.map((k) => GUESS_FLAGS[k]).join(', ')} ${guessed.length > 1 ? 'are' : 'is'} for outshifter profiles only`);
  // A setting orderctl cannot read fails now, not at the first command that needs it.
  if (guessed.length) guessesOf({ baseUrl: o.baseUrl, ...o.guesses }, DEFAULT_BASE_URL);
  const token = await readSecret(ctx, o);
  const profile: Profile = { platform };
  if (o.baseUrl) profile.baseUrl = o.baseUrl;
  if (o.storeHash) profile.storeHash = o.storeHash;
  if (o.username) profile.username = o.username;
  if (o.storefront) profile.storefront = o.storefront;
  if (o.currency) profile.currency = o.currency;
  Object.assign(profile, o.guesses);
  if (token) profile.token = token;

  const config = await ctx.config();
  if (ctx.globals.dryRun) {
    // Checked as a real run is, and nothing written: --dry-run changes nothing, local settings included.
    const data = config.data();
    const current = o.use || !data.currentProfile || data.currentProfile === o.name ? ' (current)' : '';
    if (!ctx.globals.quiet) ctx.io.stderr.write(`dry run: would ${o.name in data.profiles ? 'update' : 'add'} profile ${o.name}${current}; nothing was changed\n`);
    return;
  }
  let existed = false;
  const data = await config.update((d) => {
    existed = o.name in d.profiles;
    d.profiles[o.name] = profile;
    if (o.use || !d.currentProfile) d.currentProfile = o.name;
  });
  if (!ctx.globals.quiet) {
    const current = data.currentProfile === o.name ? ' (current)' : '';
    ctx.io.stderr.write(`${existed ? 'updated' : 'added'} profile ${o.name}${current}${token ? '' : '; no token stored (set ORDERCTL_TOKEN)'}\n`);
  }
}

async function readSecret(ctx: Context, o: AddOptions): Promise<string | undefined> {
  if (o.tokenStdin) {
    const token = (await ctx.io.readStdin()).trim();
    if (!token) throw new UsageError('--token-stdin read nothing from standard input');
    if (/\s/.test(token)) throw new UsageError('--token-stdin read more than one line or word; pass the token alone');
    return token;
  }
  if (ctx.env.ORDERCTL_TOKEN) return ctx.env.ORDERCTL_TOKEN;
  // A dry run stores nothing, so it asks for no secret.
  if (ctx.io.canPrompt && !ctx.globals.dryRun) {
    const prompter = await ctx.prompter();
    const token = (await prompter.password(`API token for ${o.name} (${o.platform})`)).trim();
    if (!token) throw new UsageError('no token entered');
    return token;
  }
  return undefined;
}
