// Order references as support staff type them: an id, or `#1060`, the number
// the customer sees in e-mails. Where the number is the id (BigCommerce,
// CS-Cart) that is free; elsewhere no API filters by number, so the listing is
// read once for every number asked, with a note on stderr.

import type { Context } from '../../core/context.js';
import { NotFoundError, UsageError } from '../../core/errors.js';
import type { Adapter, Fetched } from '../../platforms/types.js';

/** "#1060" → "1060"; an id → undefined. */
export function orderNumberOf(ref: string): string | undefined {
  if (!ref.startsWith('#')) return undefined;
  const n = ref.replace(/^#+/, '').trim();
  if (!n) throw new UsageError(`"${ref}" is not an order number: write it as #1060`);
  return n;
}

export interface Resolver {
  /** The id a reference means (no request). */
  id(ref: string): Promise<string>;
  /** The order a reference means, read with the single-order request. */
  get(ref: string): Promise<Fetched>;
}

/** Finds the ids behind every `#number` in `refs` (one listing at most); then fetches by id. */
export async function orderResolver(ctx: Context, adapter: Adapter, refs: string[]): Promise<Resolver> {
  const wanted = new Set(refs.map(orderNumberOf).filter((n): n is string => n !== undefined));
  const found = new Map<string, string>();
  if (wanted.size && !adapter.numberIsId) {
    if (!ctx.globals.quiet) ctx.io.stderr.write(`note: ${adapter.platform} cannot look orders up by number: reading the order list to find ${[...wanted].map((n) => `#${n}`).join(', ')}\n`);
    for await (const { order } of adapter.listOrders({ statuses: [], ...adapter.everyOrder }, { all: true })) {
      if (wanted.has(order.number) && !found.has(order.number)) found.set(order.number, order.id);
      if (found.size === wanted.size) break;
    }
  }
  const id = async (ref: string) => {
    const n = orderNumberOf(ref);
    if (n === undefined) return ref;
    const match = adapter.numberIsId ? n : found.get(n);
    if (match === undefined) throw new NotFoundError(`no order #${n} on ${adapter.platform}`, { hint: 'find it with "orderctl orders list --search TEXT"' });
    return match;
  };
  return { id, get: async (ref) => adapter.getOrder(await id(ref)) };
}

/** A reference sent to a store: `id` is the store's own reference (an id or #number), `label` how output names it. */
export interface StoreRef {
  session: { adapter: Adapter };
  id: string;
  label: string;
}

/**
 * Every command that takes ids resolves `#number` here, store by store: one
 * listing at most per store that needs one, all stores at once. A number a
 * store does not have, or a store whose listing fails, becomes that reference's
 * `failure` (an order of a bulk run that fails), never the whole run's.
 */
export async function resolveNumbers<R extends StoreRef>(ctx: Context, routes: R[]): Promise<Array<R & { failure?: unknown }>> {
  // A bare "#" is a usage error before any request.
  const numbered = routes.filter((r) => orderNumberOf(r.id) !== undefined);
  if (!numbered.length) return routes;
  const refs = new Map<R['session'], string[]>();
  for (const r of numbered) refs.set(r.session, [...(refs.get(r.session) ?? []), r.id]);
  const resolvers = new Map([...refs].map(([session, wanted]) => [session, orderResolver(ctx, session.adapter, wanted)] as const));
  // Settled here so a store's failure is its references' failure, not an unhandled rejection.
  resolvers.forEach((p) => p.catch(() => undefined));
  return Promise.all(
    routes.map(async (r) => {
      if (orderNumberOf(r.id) === undefined) return r;
      try {
        const id = await (await resolvers.get(r.session)!).id(r.id);
        // The label names the order as its store knows it: STORE:ID stays STORE:ID.
        return { ...r, id, label: `${r.label.slice(0, r.label.length - r.id.length)}${id}` };
      } catch (failure) {
        return { ...r, failure };
      }
    }),
  );
}
