// Which platform does what, and how a command gets the adapter for the
// active profile (or the sandbox). Adapters are imported lazily.

import path from 'node:path';
import type { Context } from '../core/context.js';
import type { HttpClient } from '../core/http.js';
import type { ConfigData, Profile } from '../core/config.js';
import { AuthError, UnsupportedError, UsageError } from '../core/errors.js';
import type { Platform } from '../core/order.js';
import type { Adapter, Capability } from './types.js';
import type { StoreIdentity } from '../core/checkpoints.js';

/** Platforms this build implements, with what each can do. */
export const CAPABILITIES: Partial<Record<Platform, readonly Capability[]>> = {
  bigcommerce: ['list', 'get', 'count', 'create', 'update', 'status', 'fulfill', 'cancel', 'archive', 'shipment_edit'],
  cscart: ['list', 'get', 'count', 'status', 'fulfill', 'cancel', 'vendor_ref'],
  // No cancel, status, archive or count endpoints (API-NOTES.md §2); `orders count` counts by listing.
  squarespace: ['list', 'get', 'create', 'fulfill'],
  // Cancel is per item; no status, fulfill, archive or count endpoints (API-NOTES.md §4); `orders count` counts by listing.
  outshifter: ['list', 'get', 'create', 'cancel', 'cart', 'checkout', 'shipping'],
};

/** List filters only some APIs take: elsewhere the flag exits 2 naming these platforms. */
export const FILTER_PLATFORMS: Record<string, { flag: string; platforms: readonly Platform[] }> = {
  paymentStatuses: { flag: '--payment-status', platforms: ['squarespace', 'bigcommerce'] },
  paymentMethod: { flag: '--payment-method', platforms: ['bigcommerce'] },
  channel: { flag: '--channel', platforms: ['bigcommerce'] },
  minTotal: { flag: '--min-total', platforms: ['bigcommerce'] },
  maxTotal: { flag: '--max-total', platforms: ['bigcommerce'] },
  externalRef: { flag: '--external-ref', platforms: ['bigcommerce'] },
  cart: { flag: '--cart', platforms: ['bigcommerce'] },
  vendor: { flag: '--vendor', platforms: ['cscart'] },
};

/** Where the API filters by e-mail; elsewhere orderctl filters the listing itself, saying so. */
export const EMAIL_FILTER_PLATFORMS: readonly Platform[] = ['bigcommerce', 'cscart'];

/**
 * Where the API filters by payment status (Squarespace paymentStates); elsewhere, among
 * FILTER_PLATFORMS.paymentStatuses, orderctl filters the listing by the payment.status it
 * prints, saying so (BigCommerce's GET /orders has no payment_status parameter).
 */
export const PAYMENT_FILTER_PLATFORMS: readonly Platform[] = ['squarespace'];

/** Builds an adapter from a profile and its secret; each platform's module is loaded on first use. */
export type AdapterFactory = (http: Context['http'], profile: Profile, token: string) => Adapter;

const FACTORIES: Partial<Record<Platform, () => Promise<AdapterFactory>>> = {
  bigcommerce: async () => (await import('./bigcommerce/adapter.js')).createBigCommerceAdapter,
  cscart: async () => (await import('./cscart/adapter.js')).createCsCartAdapter,
  squarespace: async () => (await import('./squarespace/adapter.js')).createSquarespaceAdapter,
  outshifter: async () => (await import('./outshifter/adapter.js')).createOutshifterAdapter,
};

export const SUPPORTED_PLATFORMS = Object.keys(CAPABILITIES) as Platform[];

export function requireCapability(platform: Platform, cap: Capability, what: string): void {
  if (CAPABILITIES[platform]?.includes(cap)) return;
  const able = SUPPORTED_PLATFORMS.filter((p) => CAPABILITIES[p]?.includes(cap));
  throw new UnsupportedError(what, platform, able);
}

export function checkPlatform(name: string): Platform {
  if ((SUPPORTED_PLATFORMS as string[]).includes(name)) return name as Platform;
  throw new UsageError(`unknown or unsupported platform "${name}": this version supports ${SUPPORTED_PLATFORMS.join(', ')}`);
}

export interface Session {
  /** The store's name: the profile's, or "sandbox". */
  profileName: string;
  profile: Profile;
  adapter: Adapter;
  /** Which store this is (platform and API root): what an export checkpoint belongs to. */
  store: StoreIdentity;
  /** The adapter's own HTTP client (each store has its own, and its own rate limiter). */
  client: HttpClient;
}

export function sandboxStatePath(configDir: string): string {
  return path.join(configDir, 'sandbox', 'state.json');
}

/** The name the sandbox goes by as a store (the normalized order's `store`). */
export const SANDBOX_STORE = 'sandbox';

/**
 * The profiles a command means: -p (comma lists, repeated), --all-profiles,
 * else ORDERCTL_PROFILE (a name or a comma list), else the current one.
 */
export function chosenProfileNames(ctx: Context, data: ConfigData): string[] {
  if (ctx.globals.allProfiles) {
    const all = Object.keys(data.profiles);
    if (!all.length) throw new UsageError('--all-profiles: no profile configured', { hint: 'add one with "orderctl profile add"' });
    return all;
  }
  if (ctx.globals.profiles.length) return ctx.globals.profiles;
  // Names as written: " d" is not "d" (a stray space names no profile, and says so). Set to
  // nothing it is unset; an empty name in a list ("a,,b", "a,") is refused, as in -p.
  const value = ctx.env.ORDERCTL_PROFILE ?? '';
  const env = value === '' ? [] : value.split(',');
  if (env.includes('')) throw new UsageError(`invalid ORDERCTL_PROFILE "${value}": give profile names separated by commas`);
  if (env.length) return [...new Set(env)];
  return data.currentProfile ? [data.currentProfile] : [];
}

/** The one profile a single-store command means; several named is an error, not a silent choice. */
export function chosenProfileName(ctx: Context, data: ConfigData): string | undefined {
  const names = chosenProfileNames(ctx, data);
  if (names.length > 1) {
    throw new UsageError(`this command works on one store, and ${names.length} were named (${names.join(', ')})`, {
      hint: 'orders list, get, count, export and status (without --set) take several; name one with -p NAME otherwise',
    });
  }
  return names[0];
}

/**
 * Resolves the profile (flag, ORDERCTL_PROFILE, current) or the sandbox, and
 * builds its adapter. `need` picks the sandbox's platform: BigCommerce, unless
 * only another platform offers what the command needs (a cart: Outshifter).
 */
export async function openSession(ctx: Context, need?: Capability): Promise<Session> {
  const sessions = await openSessions(ctx, need, { several: false });
  return sessions[0]!;
}

/**
 * Every store a command names, each with its own adapter and HTTP client.
 * Commands that work on one store pass `several: false`, which refuses a list.
 */
export async function openSessions(ctx: Context, need?: Capability, opts: { several: boolean } = { several: true }): Promise<Session[]> {
  const config = await ctx.config();
  const data = config.data();
  if (ctx.globals.sandbox) return [await openSandboxSession(ctx, config.dir, need)];
  const names = opts.several ? chosenProfileNames(ctx, data) : [chosenProfileName(ctx, data)].filter((n): n is string => n !== undefined);
  const known = Object.keys(data.profiles);
  if (names.length === 0) {
    if (known.length === 0) {
      if (!ctx.globals.quiet) ctx.io.stderr.write('notice: no profile configured, using the built-in sandbox (add one with "orderctl profile add")\n');
      return [await openSandboxSession(ctx, config.dir, need)];
    }
    throw new UsageError('no profile selected', { hint: `use -p NAME or "orderctl profile use NAME" (profiles: ${known.join(', ')})` });
  }
  const missing = names.filter((n) => !data.profiles[n]);
  if (missing.length) {
    throw new UsageError(`profile${missing.length > 1 ? 's' : ''} ${missing.map((n) => `"${n}"`).join(', ')} not found`, {
      hint: known.length ? `profiles: ${known.join(', ')}` : 'add one with "orderctl profile add"',
    });
  }
  return Promise.all(names.map((name) => openProfile(ctx, name, data.profiles[name]!)));
}

async function openProfile(ctx: Context, name: string, profile: Profile): Promise<Session> {
  const { adapter, ...rest } = await connect(ctx, name, profile);
  return { profileName: name, profile, adapter: withOrderStore(adapter, name), ...rest };
}

/** The store an order came from: the profile's name, stamped on every order the adapter hands out. */
export function withOrderStore(adapter: Adapter, store: string): Adapter {
  const stamp = <T extends { order: { store: string } }>(f: T): T => {
    f.order.store = store;
    return f;
  };
  const wrapped: Adapter = Object.create(adapter);
  wrapped.listOrders = async function* (filters, paging) {
    for await (const f of adapter.listOrders(filters, paging)) yield stamp(f);
  };
  wrapped.getOrder = async (id) => stamp(await adapter.getOrder(id));
  if (adapter.createOrder) wrapped.createOrder = async (body, opts) => stamp(await adapter.createOrder!(body, opts));
  if (adapter.updateOrder) wrapped.updateOrder = async (id, body) => stamp(await adapter.updateOrder!(id, body));
  if (adapter.setVendorRef) wrapped.setVendorRef = async (id, ref) => stamp(await adapter.setVendorRef!(id, ref));
  return wrapped;
}

export async function createAdapter(ctx: Context, name: string, profile: Profile): Promise<Adapter> {
  return (await connect(ctx, name, profile)).adapter;
}

/** The adapter, its HTTP client, and the store it talks to: the API root is the one its HTTP client is built on. */
export async function connect(ctx: Context, name: string, profile: Profile): Promise<{ adapter: Adapter; client: HttpClient; store: StoreIdentity }> {
  const platform = checkPlatform(profile.platform);
  const token = ctx.env.ORDERCTL_TOKEN || profile.token;
  if (!token) {
    throw new AuthError(`profile "${name}" has no token`, { hint: `set ORDERCTL_TOKEN, or run "orderctl profile add ${name} --platform ${platform} --token-stdin"` });
  }
  const load = FACTORIES[platform];
  if (!load) throw new UsageError(`platform "${platform}" is not supported yet`);
  let apiRoot = '';
  const authHint = secretSourceHint(ctx, name);
  let client: HttpClient | undefined;
  const adapter = (await load())((p) => {
    apiRoot ||= p.baseUrl.replace(/\/+$/, '');
    // Each store its own client, and so its own rate limiter.
    const made = ctx.http({ ...p, authHint });
    client ??= made;
    return made;
  }, profile, token);
  return { adapter, client: client!, store: { platform, apiRoot } };
}

/** Names where the secret a 401/403 refused came from: ORDERCTL_TOKEN wins over the profile's own. */
export function secretSourceHint(ctx: Pick<Context, 'env'>, name: string): string {
  if (ctx.env.ORDERCTL_TOKEN) return `the token came from ORDERCTL_TOKEN, which replaces profile "${name}"'s stored one: check it, or unset ORDERCTL_TOKEN`;
  return `the token is the one stored in profile "${name}": check it with "orderctl profile test ${name}", or store a new one with "orderctl profile add ${name} … --token-stdin"`;
}

async function openSandboxSession(ctx: Context, configDir: string, need?: Capability): Promise<Session> {
  const { startSandbox } = await import('../sandbox/server.js');
  const sandbox = await startSandbox({ port: 0, statePath: sandboxStatePath(configDir) });
  ctx.defer(() => sandbox.close());
  const platform: Platform = ctx.globals.sandboxPlatform
    ? checkPlatform(ctx.globals.sandboxPlatform)
    : need && !CAPABILITIES.bigcommerce!.includes(need)
      ? (SUPPORTED_PLATFORMS.find((p) => CAPABILITIES[p]!.includes(need)) ?? 'bigcommerce')
      : 'bigcommerce';
  // "sandbox" is the first storefront the sandbox's Outshifter dialect seeds.
  // CS-Cart signs in with an admin e-mail beside the key; the sandbox takes any.
  const extra = platform === 'outshifter' ? { storefront: 'sandbox' } : platform === 'cscart' ? { username: 'admin@sandbox.example' } : {};
  const profile: Profile = { platform, baseUrl: sandbox.baseUrls[platform], token: sandbox.token, ...extra };
  // The sandbox's own token, never the user's ORDERCTL_TOKEN.
  const create = await FACTORIES[platform]!();
  // Its port changes every run; its state (and so the store) is the config dir's.
  let client: HttpClient | undefined;
  const adapter = create((p) => (client = ctx.http(p)), profile, sandbox.token);
  return { profileName: SANDBOX_STORE, profile, adapter: withOrderStore(adapter, SANDBOX_STORE), client: client!, store: { platform, apiRoot: 'sandbox' } };
}
