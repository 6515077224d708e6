// `orders export`: what cron runs every night. Pages are written as they
// arrive (flat memory), to a temp file renamed into place only when complete;
// a checkpoint records how far the last successful run got, and advances only
// after the file is in place. Each order appears once per run (keyset pages
// where the platform has them, de-duplication by id everywhere), and with a
// checkpoint each change is exported once across runs.

import { createHash } from 'node:crypto';
import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import type { Order } from '../../core/order.js';
import { parseDuration, toIsoUtc } from '../../core/time.js';
import { readCheckpoint, removeCheckpoint, writeCheckpoint, type Checkpoint } from '../../core/checkpoints.js';
import { csvRow } from '../../output/csv.js';
import { flattenForColumns, ORDER_FIELDS, parseFieldList, validateFields } from '../../output/fields.js';
import { openSession } from '../../platforms/index.js';
import { Progress } from '../../output/progress.js';
import type { Adapter, Fetched, OrderFilters } from '../../platforms/types.js';
import { parseFilters } from './shared.js';

export type ExportFormat = 'csv' | 'ndjson' | 'json';

export interface ExportOptions {
  filters: OrderFilters;
  format?: ExportFormat;
  out?: string;
  checkpoint?: string;
  overlapMs: number;
  columns?: string[];
  lines: boolean;
  show: boolean;
  reset: boolean;
}

/** One row per order: a stable order, documented in README. */
export const ORDER_COLUMNS = [
  'id', 'number', 'platform', 'status', 'nativeStatus', 'fulfillmentStatus', 'createdAt', 'updatedAt',
  'customer.id', 'customer.name', 'customer.email', 'customer.phone',
  'shippingAddress.name', 'shippingAddress.line1', 'shippingAddress.line2', 'shippingAddress.city', 'shippingAddress.state',
  'shippingAddress.zip', 'shippingAddress.country',
  'currency', 'totals.subtotal.amount', 'totals.shipping.amount', 'totals.tax.amount', 'totals.discount.amount', 'totals.total.amount',
  'channel', 'externalRef',
];

/** One row per line item (--lines): the order's key fields, then the item's. */
export const LINE_COLUMNS = [
  'id', 'number', 'status', 'createdAt', 'updatedAt', 'customer.email', 'currency',
  'item.id', 'item.productId', 'item.variantId', 'item.sku', 'item.title', 'item.variant', 'item.quantity', 'item.unitPrice.amount', 'item.total.amount',
];

const FORMATS: ExportFormat[] = ['csv', 'ndjson', 'json'];

export function parseOptions(flags: Record<string, unknown>, now: Date): ExportOptions {
  const out = flags.out as string | undefined;
  let format = flags.format as ExportFormat | undefined;
  if (format !== undefined && !FORMATS.includes(format)) throw new UsageError(`unknown export format "${String(format)}": use csv, ndjson or json`);
  if (!format && out && out !== '-') format = /\.csv$/i.test(out) ? 'csv' : /\.(ndjson|jsonl)$/i.test(out) ? 'ndjson' : /\.json$/i.test(out) ? 'json' : undefined;
  const show = Boolean(flags.show);
  const reset = Boolean(flags.reset);
  if ((show || reset) && !flags.checkpoint) throw new UsageError('--show and --reset need --checkpoint NAME');
  if (!show && !reset) {
    if (!out) throw new UsageError('--out FILE is required (or - for standard output)');
    if (!format) throw new UsageError('--format is required: csv, ndjson or json');
  }
  const columns = flags.columns === undefined ? undefined : parseFieldList(String(flags.columns));
  if (columns && format !== 'csv') throw new UsageError('--columns applies to --format csv');
  if (flags.lines && format !== 'csv') throw new UsageError('--lines applies to --format csv');
  return {
    filters: parseFilters(flags, now),
    format,
    out,
    checkpoint: flags.checkpoint as string | undefined,
    // 0 is a valid overlap (trust the clocks); durations elsewhere must be positive.
    overlapMs: flags.overlap === undefined ? 5 * 60_000 : /^0+(ms|s|m|h|d)?$/.test(String(flags.overlap)) ? 0 : parseDuration(String(flags.overlap)),
    columns,
    lines: Boolean(flags.lines),
    show,
    reset,
  };
}

export async function run(ctx: Context, o: ExportOptions): Promise<void> {
  const config = await ctx.config();
  if (o.show || o.reset) return manageCheckpoint(ctx, config.dir, o);

  const session = await openSession(ctx);
  const { adapter } = session;
  const previous = o.checkpoint ? await readCheckpoint(config.dir, o.checkpoint) : undefined;
  if (previous && previous.platform !== adapter.platform) {
    throw new UsageError(`checkpoint "${o.checkpoint}" belongs to a ${previous.platform} export, not ${adapter.platform}`, { hint: 'use another --checkpoint name, or --reset this one' });
  }
  const filters = { ...o.filters };
  if (previous?.highWater) {
    // Start a little before the mark: clocks differ and writes land late.
    const from = new Date(Date.parse(previous.highWater) - o.overlapMs);
    if (!filters.since || filters.since < from) filters.since = from;
  }

  const columns = o.columns ?? (o.lines ? LINE_COLUMNS : ORDER_COLUMNS);
  if (o.format === 'csv') validateFields(columns, o.lines ? [...ORDER_FIELDS, ...ORDER_FIELDS.filter((f) => f.startsWith('items.')).map((f) => f.replace(/^items\./, 'item.')), 'item'] : ORDER_FIELDS);
  const toStdout = o.out === '-';
  const file = toStdout
    ? undefined
    : await ctx.createAtomicFile(o.out!).catch((err: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot write ${o.out}: ${err.code === 'ENOENT' ? 'its folder does not exist' : (err.code ?? err.message)}`);
      });
  const write = file ? (s: string) => file.write(s) : async (s: string) => void ctx.io.stdout.write(s);
  const started = ctx.clock.now().getTime();
  const progress = new Progress(ctx, 'exporting…');
  const written = new Set<string>();
  const versions = new Map<string, string>();
  let highWater = previous?.highWater ? Date.parse(previous.highWater) : undefined;

  try {
    if (o.format === 'csv') await write(csvRow(columns));
    if (o.format === 'json') await write('[');
    for await (const fetched of adapter.listOrders(filters, { all: true, keyset: true })) {
      const { order } = fetched;
      // Pages can shift while we read them: an id is written once per run.
      if (written.has(order.id)) continue;
      // This very version went out last time (the overlap fetches it again).
      const version = versionOf(fetched);
      if (previous?.seen[order.id] === version) continue;
      written.add(order.id);
      if (order.updatedAt) {
        versions.set(order.id, version);
        const t = Date.parse(order.updatedAt);
        if (highWater === undefined || t > highWater) highWater = t;
      }
      await write(await render(adapter, fetched, o, columns, written.size === 1));
      progress.tick(written.size);
      // Only versions near the high-water mark go into the checkpoint: keep memory flat.
      if (written.size % 5000 === 0 && highWater !== undefined) pruneVersions(versions, highWater - o.overlapMs);
    }
    if (o.format === 'json') await write(written.size ? '\n]\n' : ']\n');
    await file?.commit();
  } catch (err) {
    await file?.abort();
    progress.clear();
    throw err;
  }
  progress.clear();

  if (o.checkpoint) {
    const cp: Checkpoint = {
      name: o.checkpoint,
      platform: adapter.platform,
      profile: session.profileName,
      highWater: highWater === undefined ? null : toIsoUtc(new Date(highWater)),
      seen: recentVersions(previous, versions, highWater, o.overlapMs),
      completedAt: toIsoUtc(ctx.clock.now()),
      exported: written.size,
      file: o.out!,
    };
    // Only now, with the file in place, does the checkpoint move.
    await writeCheckpoint(config.dir, cp);
  }
  if (!ctx.globals.quiet) {
    const seconds = Math.round((ctx.clock.now().getTime() - started) / 1000);
    ctx.io.stderr.write(`exported ${written.size.toLocaleString('en-US')} orders to ${toStdout ? 'standard output' : o.out} in ${seconds}s\n`);
  }
}

/**
 * A version is the modification time and a digest of the content: timestamps
 * have one-second resolution on some platforms (BigCommerce's RFC 2822), so
 * two changes in one second differ only in content.
 */
function versionOf({ order, raw }: Fetched): string {
  // The platform's own JSON: it shows changes the normalized order leaves out (staff notes).
  const digest = createHash('sha256').update(JSON.stringify(raw ?? order)).digest('hex').slice(0, 16);
  return `${order.updatedAt ?? ''}#${digest}`;
}

function pruneVersions(versions: Map<string, string>, floor: number): void {
  for (const [id, v] of versions) if (Date.parse(v.split('#')[0]!) < floor) versions.delete(id);
}

/** The versions near the high-water mark, which the next run's overlap will fetch again. */
function recentVersions(previous: Checkpoint | undefined, now: Map<string, string>, highWater: number | undefined, overlapMs: number): Record<string, string> {
  if (highWater === undefined) return {};
  const floor = highWater - overlapMs;
  const recent = (version: string) => Date.parse(version.split('#')[0]!) >= floor;
  const seen: Record<string, string> = {};
  for (const [id, v] of Object.entries(previous?.seen ?? {})) if (recent(v)) seen[id] = v;
  for (const [id, v] of now) if (recent(v)) seen[id] = v;
  return seen;
}

async function render(adapter: Adapter, fetched: Fetched, o: ExportOptions, columns: string[], first: boolean): Promise<string> {
  const order = fetched.order;
  switch (o.format) {
    case 'ndjson':
      return `${JSON.stringify(order)}\n`;
    case 'json':
      return `${first ? '\n' : ',\n'}${JSON.stringify(order)}`;
    default: {
      if (!o.lines) return csvRow(flattenForColumns(order, columns));
      // List answers may carry no items (BigCommerce): fetch the order for its lines.
      const full: Order = order.items.length ? order : (await adapter.getOrder(order.id)).order;
      return full.items.map((item) => csvRow(flattenForColumns({ ...full, item }, columns))).join('');
    }
  }
}

async function manageCheckpoint(ctx: Context, dir: string, o: ExportOptions): Promise<void> {
  const name = o.checkpoint!;
  if (o.reset) {
    const removed = await removeCheckpoint(dir, name);
    if (!ctx.globals.quiet) ctx.io.stderr.write(removed ? `checkpoint ${name} removed; the next run exports everything that matches\n` : `no checkpoint named ${name}\n`);
    return;
  }
  const cp = await readCheckpoint(dir, name);
  if (!cp) throw new UsageError(`no checkpoint named ${name}`, { hint: 'it is written by the first successful "orders export --checkpoint NAME"' });
  const { seen, ...summary } = cp;
  ctx.io.stdout.write(`${JSON.stringify({ ...summary, seenNearHighWater: Object.keys(seen).length }, null, 2)}\n`);
}
