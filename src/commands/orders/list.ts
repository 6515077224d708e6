import type { Context } from '../../core/context.js';
import { openSessions, type Session } from '../../platforms/index.js';
import type { OrderFilters, Paging } from '../../platforms/types.js';
import { chooseFormat, listWriter } from '../../output/writer.js';
import { listMatching } from './matching.js';
import { noteUnmatchedStatuses, orderView, parseFilters, parsePaging, storesView } from './shared.js';
import { mergeStores, refuseOneStoreFlags, reordered, StoreFailures, withoutRaw } from './stores.js';
import { PagingHint } from './paging-hint.js';

export interface ListOptions {
  filters: OrderFilters;
  paging: Paging;
}

export function parseOptions(flags: Record<string, unknown>, now: Date): ListOptions {
  return { filters: parseFilters(flags, now), paging: parsePaging(flags) };
}

export async function run(ctx: Context, o: ListOptions): Promise<void> {
  const sessions = await openSessions(ctx);
  // Only --raw and the table (its ID column marks test orders) read each order's platform JSON.
  const dropRaw = !ctx.globals.raw && chooseFormat(ctx) !== 'table';
  o = { ...o, paging: { ...o.paging, dropRaw } };
  if (sessions.length > 1) return listStores(ctx, sessions, o);
  const { adapter } = sessions[0]!;
  noteUnmatchedStatuses(ctx, adapter, o.filters);
  const out = listWriter(ctx, orderView(ctx, adapter));
  const hint = new PagingHint(ctx, o.paging);
  // Pages are written as they arrive: memory stays flat with --all. On a failure the
  // output is left unfinished (a JSON array unclosed), so nothing reads it as complete.
  for await (const fetched of listMatching(ctx, adapter, o.filters, hint.watch())) out.write(o.paging.dropRaw ? withoutRaw(fetched) : fetched);
  out.end();
  // On stderr, so stdout stays pure data: how to see the rest (Squarespace: where to resume).
  hint.write(out.count);
}

/**
 * Without --limit or --all, the merged list's first page: as many orders as
 * one store's default page (50 on every platform), or --page-size.
 */
const MERGED_PAGE = 50;

/** Every store at once, merged in the requested order; --limit (or one page) counts the merged list. */
async function listStores(ctx: Context, sessions: Session[], o: ListOptions): Promise<void> {
  refuseOneStoreFlags(o.filters, o.paging);
  // Once per platform: the note names the platform, not the store.
  for (const s of new Map(sessions.map((s) => [s.adapter.platform, s])).values()) noteUnmatchedStatuses(ctx, s.adapter, o.filters);
  const out = listWriter(ctx, storesView(ctx, new Map(sessions.map((s) => [s.profileName, s.adapter]))));
  const failures = new StoreFailures(ctx, sessions.length);
  const dropRaw = o.paging.dropRaw;
  // The hint reads the flags as given: a default page cut short says "more may exist", as one store's does.
  const hint = new PagingHint(ctx, o.paging, true);
  const limit = o.paging.all ? undefined : (o.paging.limit ?? o.paging.pageSize ?? MERGED_PAGE);
  // Each store reads at most that many (one page of that size); one put in the merge's order reads on past it: the merge stops it there.
  const paging = (s: Session) => (limit !== undefined && reordered(s.adapter, o.filters.sort) ? { ...o.paging, limit: undefined, all: true } : { ...o.paging, limit });
  const held = { count: 0 };
  const merged = mergeStores(sessions, (s) => listMatching(ctx, s.adapter, o.filters, hint.watch(paging(s))), o.filters.sort, failures, { dropRaw, held });
  for await (const fetched of merged) {
    out.write(fetched);
    if (limit !== undefined && out.count >= limit) {
      // The merged list stops here. Another store's next order, already read, is the next
      // one: more surely exist. Without one, the rest is unknown without reading on.
      hint.report({ sure: held.count > 0 });
      break;
    }
  }
  out.end();
  hint.write(out.count);
  failures.finish();
}
