// A checkpointed export on a platform whose listed orders carry no
// modification time (CS-Cart's documented row, API-NOTES.md §3) cannot see
// what changed: it asks the shop for the orders modified since the last run
// (CS-Cart's updated_at_from) and trusts the answer. How the shop reads that
// filter is a guess (Unix seconds: API-NOTES.md, Decisions). A wrong guess
// would lose orders silently, so each such run checks it against what the
// rows do carry: an order placed inside the window was modified inside it, so
// the newest orders placed since the window began, as the shop lists them
// without the window, must all be among those the windowed listing returned.
// One that is not fails the run (exit 1) before the file or the checkpoint
// move.

import type { Context } from '../../core/context.js';
import { ApiError } from '../../core/errors.js';
import type { Order } from '../../core/order.js';
import { toIsoUtc } from '../../core/time.js';
import type { Adapter, OrderFilters } from '../../platforms/types.js';
import { listMatching } from './matching.js';

/** How many of the newest orders are checked: one page. */
export const WINDOW_CHECK_SIZE = 50;

export interface WindowCheck {
  /** Fails the run if an order placed inside the window was not listed by it. */
  verify(listed: (id: string) => boolean): void;
}

/**
 * Reads, before the export's own listing, the newest orders placed since
 * `filters.since`, ignoring the window. Undefined when there is nothing to
 * check: the platform's orders carry their modification time, or the run has
 * no open-ended window (a first run, or --until).
 */
export async function prepareWindowCheck(ctx: Context, adapter: Adapter, filters: OrderFilters): Promise<WindowCheck | undefined> {
  const since = filters.since;
  const untimed = adapter.untimedRows;
  if (!untimed || since === undefined || filters.until !== undefined) return undefined;
  // The same filters (so the same orders qualify), without the window, newest placed first.
  const probe: OrderFilters = { ...filters, since: undefined, sort: { field: 'created', direction: 'desc' } };
  const placed: Order[] = [];
  for await (const { order } of listMatching(ctx, adapter, probe, { all: false, limit: WINDOW_CHECK_SIZE, pageSize: WINDOW_CHECK_SIZE })) {
    if (order.createdAt === null || Date.parse(order.createdAt) < since.getTime()) break;
    placed.push(order);
  }
  return {
    verify(listed) {
      // An order placed after the probe read is not in it; one placed before must be listed.
      const missed = placed.find((o) => !listed(o.id));
      if (!missed) return;
      throw new ApiError(
        `${adapter.platform} left out order ${missed.id}, placed ${missed.createdAt}, when asked for the orders modified since ${toIsoUtc(since)}: ` +
          `it reads the modification window differently from orderctl (${untimed.window}), ` +
          'so changes could be missed; nothing was written and the checkpoint did not move',
        { hint: 'please report this with "orderctl orders list --since 1d --debug"; until then, export without --checkpoint' },
      );
    },
  };
}
