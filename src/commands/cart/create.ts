import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { note, openCommerce, showCart } from './shared.js';

export interface CreateOptions {
  session?: string;
  currency?: string;
}

export function parseOptions(flags: Record<string, unknown>): CreateOptions {
  const currency = flags.currency === undefined ? undefined : String(flags.currency).toUpperCase();
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) throw new UsageError(`invalid --currency "${String(flags.currency)}": an ISO 4217 code such as NOK or EUR`);
  const session = flags.session as string | undefined;
  if (session !== undefined && !session.trim()) throw new UsageError("--session needs the shopper's session id");
  return { session, currency };
}

/** The session id is the shop front end's; without one, orderctl makes one (seeded in tests). */
export async function run(ctx: Context, o: CreateOptions): Promise<void> {
  const commerce = await openCommerce(ctx, 'cart', 'cart');
  const session = o.session ?? `orderctl-${Array.from({ length: 12 }, () => Math.floor(ctx.random() * 16).toString(16)).join('')}`;
  const got = await commerce.createCart({ sessionId: session, currency: o.currency });
  note(ctx, `created cart ${got.value.id}`);
  showCart(ctx, got);
}
