import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { note, openCommerce } from '../cart/shared.js';
import { gatherInput, parseContactFlags, promptMissing, type ContactInput } from './contact.js';
import { patchFor, showCheckout, withShippingRate, type CheckoutExtras } from './shared.js';

export interface UpdateOptions {
  id: string;
  contact: ContactInput & { file?: string };
  extras: CheckoutExtras;
}

export function parseExtras(flags: Record<string, unknown>): CheckoutExtras {
  const url = (flag: string, v: unknown) => {
    if (v === undefined) return undefined;
    try {
      const u = new URL(String(v));
      if (u.protocol === 'https:' || u.protocol === 'http:') return u.href;
    } catch {
      // reported below
    }
    throw new UsageError(`${flag} must be an http(s) URL, not "${String(v)}"`);
  };
  const method = flags.method === undefined ? undefined : String(flags.method).trim();
  if (method === '') throw new UsageError('--method needs a payment method; list them with "orderctl checkout methods"');
  const rate = flags.shippingRate === undefined ? undefined : String(flags.shippingRate).trim();
  if (rate === '') throw new UsageError('--shipping-rate needs a service code; get one with "orderctl shipping quote"');
  return { method, shippingRate: rate, successUrl: url('--success-url', flags.successUrl), cancelUrl: url('--cancel-url', flags.cancelUrl) };
}

export function parseOptions(id: string, flags: Record<string, unknown>): UpdateOptions {
  return { id, contact: parseContactFlags(flags), extras: parseExtras(flags) };
}

/** Sends what was given (and, on a terminal, what was asked for); the checkout is shown after. */
export async function run(ctx: Context, o: UpdateOptions): Promise<void> {
  const commerce = await openCommerce(ctx, 'checkout', 'checkout');
  const current = (await commerce.getCheckout(o.id)).value;
  const input = await promptMissing(ctx, current, await gatherInput(ctx, o.contact));
  const extras = await withShippingRate(ctx, commerce, current, input, o.extras);
  const patch = patchFor(input, extras, current);
  if (!patch) {
    throw new UsageError('nothing to update', { hint: 'give address flags (--email, --first-name, --address1, …), --address-file FILE, or run on a terminal to be asked' });
  }
  const got = await commerce.updateCheckout(o.id, patch);
  note(ctx, `updated checkout ${o.id}`);
  showCheckout(ctx, got);
}
