import type { Context } from '../../core/context.js';
import { openSession } from '../../platforms/index.js';
import type { OrderFilters, Paging } from '../../platforms/types.js';
import { listWriter } from '../../output/writer.js';
import { listMatching } from './matching.js';
import { orderView, parseFilters, parsePaging } from './shared.js';

export interface ListOptions {
  filters: OrderFilters;
  paging: Paging;
}

export function parseOptions(flags: Record<string, unknown>, now: Date): ListOptions {
  return { filters: parseFilters(flags, now), paging: parsePaging(flags) };
}

export async function run(ctx: Context, o: ListOptions): Promise<void> {
  const { adapter } = await openSession(ctx);
  const out = listWriter(ctx, orderView(ctx, adapter));
  let next: string | null = null;
  const paging = { ...o.paging, onCursor: (c: string | null) => (next = c) };
  // Pages are written as they arrive: memory stays flat with --all. On a failure the
  // output is left unfinished (a JSON array unclosed), so nothing reads it as complete.
  for await (const fetched of listMatching(ctx, adapter, o.filters, paging)) out.write(fetched);
  out.end();
  // On stderr, so stdout stays pure data: how to resume from here.
  if (next && !o.paging.all && !ctx.globals.quiet) ctx.io.stderr.write(`more orders: continue with --cursor ${next}\n`);
}
