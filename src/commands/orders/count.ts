import type { Context } from '../../core/context.js';
import { openSession, requireCapability } from '../../platforms/index.js';
import type { Adapter, OrderCount, OrderFilters, StatusCount } from '../../platforms/types.js';
import { chooseFormat, listWriter } from '../../output/writer.js';
import { refuseFormats } from '../../output/formats.js';
import type { View } from '../../output/view.js';
import { checkFilters, listMatching, splitFilters } from './matching.js';
import { parseFilters } from './shared.js';

/** For platforms without a count endpoint: list every page and count, saying so. */
async function countByListing(ctx: Context, adapter: Adapter, filters: OrderFilters): Promise<OrderCount> {
  if (!ctx.globals.quiet && !adapter.countOrders) ctx.io.stderr.write(`note: ${adapter.platform} has no count endpoint; counting by listing every order\n`);
  const byStatus = new Map<string, StatusCount>();
  let count = 0;
  for await (const { order } of listMatching(ctx, adapter, filters, { all: true })) {
    count++;
    const key = order.nativeStatus;
    const entry = byStatus.get(key) ?? { status: order.status, nativeStatus: key, name: adapter.statusName?.(key) ?? key, count: 0 };
    entry.count++;
    byStatus.set(key, entry);
  }
  return { count, statuses: [...byStatus.values()] };
}

export function parseOptions(flags: Record<string, unknown>, now: Date): { filters: OrderFilters } {
  return { filters: parseFilters(flags, now) };
}

const view: View<StatusCount> = {
  columns: [
    { header: 'STATUS', value: (r) => r.status ?? '' },
    { header: 'NATIVE', value: (r) => `${r.nativeStatus} ${r.name}` },
    { header: 'COUNT', value: (r) => String(r.count), align: 'right' },
  ],
  json: (r) => r,
  id: (r) => r.nativeStatus,
};

export async function run(ctx: Context, o: { filters: OrderFilters }): Promise<void> {
  refuseFormats(ctx, 'orders count', { ids: 'it prints counts, not order ids' });
  const { adapter } = await openSession(ctx);
  requireCapability(adapter.platform, 'list', 'orders count');
  checkFilters(adapter, o.filters);
  // An API count cannot apply what is filtered here (--search, --email on some platforms).
  const local = splitFilters(adapter.platform, o.filters).local.length > 0;
  const counted = adapter.countOrders && !local ? await adapter.countOrders(o.filters) : await countByListing(ctx, adapter, o.filters);
  const format = chooseFormat(ctx);
  if (format === 'json') {
    ctx.io.stdout.write(`${JSON.stringify(counted, null, 2)}\n`);
    return;
  }
  const out = listWriter(ctx, view);
  for (const s of counted.statuses) out.write(s);
  out.end();
  if (format === 'table') ctx.io.stdout.write(`total ${counted.count}\n`);
}
