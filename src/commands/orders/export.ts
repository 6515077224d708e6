// `orders export`: what cron runs every night. Pages are written as they
// arrive (flat memory), to a temp file renamed into place only when complete;
// a checkpoint records how far the last successful run got, and advances only
// after the file is in place. Each order appears once per run (keyset pages
// where the platform has them, de-duplication by id everywhere), and with a
// checkpoint each change is exported once across runs.

import { createHash } from 'node:crypto';
import type { Context } from '../../core/context.js';
import { ApiError, UsageError } from '../../core/errors.js';
import { parseDuration, toIsoUtc } from '../../core/time.js';
import {
  describeStore,
  lockCheckpoint,
  positionFor,
  readCheckpoint,
  removeCheckpoint,
  requireStores,
  withPositions,
  writeCheckpoint,
  type StorePosition,
} from '../../core/checkpoints.js';
import { csvRow, UTF8_BOM } from '../../output/csv.js';
import { chooseFormat, csvFor, listWriter } from '../../output/writer.js';
import { flattenForColumns, parseFieldList, pickFields, validateFields } from '../../output/fields.js';
import { LINE_COLUMNS, LINE_FIELDS, ORDER_COLUMNS, ORDER_FIELDS } from '../../output/order-columns.js';
import { openSessions, type Session } from '../../platforms/index.js';
import { mergeStores, refuseOneStoreFlags, StoreFailures, withStore } from './stores.js';
import { Progress } from '../../output/progress.js';
import type { Adapter, Fetched, OrderFilters } from '../../platforms/types.js';
import type { Order, OrderItem } from '../../core/order.js';
import { noteUnmatchedStatuses, parseFilters } from './shared.js';
import { listMatching } from './matching.js';
import { prepareWindowCheck } from './window-check.js';

export type ExportFormat = 'csv' | 'ndjson' | 'json';

export interface ExportOptions {
  filters: OrderFilters;
  format?: ExportFormat;
  out?: string;
  checkpoint?: string;
  overlapMs: number;
  columns?: readonly string[];
  /** --fields: the paths each JSON order keeps; for CSV, its columns. */
  fields?: readonly string[];
  /** --raw: each JSON order is the platform's own JSON, as `orders list --raw` prints it. */
  raw?: boolean;
  lines: boolean;
  show: boolean;
  reset: boolean;
}

const FORMATS: ExportFormat[] = ['csv', 'ndjson', 'json'];

export function parseOptions(flags: Record<string, unknown>, now: Date): ExportOptions {
  const out = flags.out as string | undefined;
  let format = flags.format as ExportFormat | undefined;
  if (format !== undefined && !FORMATS.includes(format)) throw new UsageError(`unknown export format "${String(format)}": use csv, ndjson or json`);
  if (!format && out && out !== '-') format = /\.csv$/i.test(out) ? 'csv' : /\.(ndjson|jsonl)$/i.test(out) ? 'ndjson' : /\.json$/i.test(out) ? 'json' : undefined;
  const show = Boolean(flags.show);
  const reset = Boolean(flags.reset);
  if ((show || reset) && !flags.checkpoint) throw new UsageError('--show and --reset need --checkpoint NAME');
  if (show && reset) throw new UsageError('--show and --reset cannot be used together', { hint: 'run --show first, then --reset' });
  if (show || reset) refuseExportFlags(flags, show ? '--show' : '--reset');
  if (!show && !reset) {
    if (!out) throw new UsageError('--out FILE is required (or - for standard output)');
    if (!format) throw new UsageError('--format is required: csv, ndjson or json');
  }
  const columns = flags.columns === undefined ? undefined : parseFieldList(String(flags.columns), '--columns');
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

/**
 * --show and --reset export nothing: a flag of the export itself (--out, a
 * filter, --format) would be silently ignored, so it is refused. (--overlap
 * has a default, so it cannot be told apart from one not given.)
 */
function refuseExportFlags(flags: Record<string, unknown>, action: string): void {
  const given = Object.keys(flags).filter((k) => {
    const v = flags[k];
    return !['checkpoint', 'show', 'reset', 'overlap'].includes(k) && v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0);
  });
  if (!given.length) return;
  const names = given.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  throw new UsageError(`${action} exports nothing, so ${names.join(', ')} would be ignored`, { hint: `run ${action} with --checkpoint NAME only` });
}

export async function run(ctx: Context, o: ExportOptions): Promise<void> {
  const config = await ctx.config();
  if (o.show || o.reset) return manageCheckpoint(ctx, config.dir, o);
  if (ctx.globals.jq !== undefined) refuseJq(o);
  // With --jq, -o json is implied (and -o is json or ndjson): jq reads what is printed.
  if (ctx.globals.jq === undefined) refuseOutput(o, ctx.globals.output);
  o = withRaw(o, ctx.globals.raw);
  o = withFields(o, ctx.globals.fields);
  const sessions = await openSessions(ctx);
  if (sessions.length > 1) refuseOneStoreFlags(o.filters);
  // One run per checkpoint at a time: a second would export the same orders again.
  // A dry run writes nothing, so it neither holds nor waits for the checkpoint.
  const lock = o.checkpoint && !ctx.globals.dryRun ? await lockCheckpoint(config.dir, o.checkpoint) : undefined;
  try {
    await exportOrders(ctx, config.dir, sessions, o);
  } finally {
    await lock?.release();
  }
}

/**
 * --fields picks paths in every format, as elsewhere: each JSON order keeps
 * those paths; a CSV has them as its columns, as --columns gives them.
 */
function withFields(o: ExportOptions, fields: readonly string[] | undefined): ExportOptions {
  if (!fields) return o;
  if (o.columns) throw new UsageError('--fields and --columns both choose the CSV columns: give one');
  if (o.format === 'csv') return { ...o, columns: fields };
  // The platform's own JSON has its own paths, as with `orders list --raw`.
  if (!o.raw) validateFields(fields, ORDER_FIELDS);
  return { ...o, fields };
}

/** --raw means the platform's own JSON, as everywhere: JSON and NDJSON exports hold it; a CSV's columns are normalized paths. */
function withRaw(o: ExportOptions, raw: boolean): ExportOptions {
  if (!raw) return o;
  if (o.format === 'csv') throw new UsageError("--raw prints the platform's own JSON: it cannot be used with --format csv", { hint: 'use --format json or ndjson' });
  return { ...o, raw: true };
}

/**
 * -o does not choose what an export writes (--format does): `-o csv --out
 * orders.ndjson` wrote NDJSON. An -o naming another export format is refused.
 * (-o table or ids still say how errors are printed: plain lines, not JSON.)
 */
function refuseOutput(o: ExportOptions, output: string | undefined): void {
  if (output === undefined || output === o.format || !(FORMATS as string[]).includes(output)) return;
  throw new UsageError(`-o ${output} does not choose what orders export writes: its format is --format (here ${o.format})`, { hint: `use --format ${output}` });
}

/**
 * --jq filters what is printed: an export to standard output, in JSON. Not
 * with a checkpoint, which advances once the orders are written: an order
 * that jq then failed on would never be exported again.
 */
function refuseJq(o: ExportOptions): void {
  if (o.out !== '-') throw new UsageError(`--jq filters standard output, and this export goes to ${o.out}`, { hint: 'use --out - to filter it, or run jq on the file' });
  if (o.format === 'csv') throw new UsageError('--jq filters JSON: it cannot be used with --format csv', { hint: 'use --format json or ndjson' });
  if (o.checkpoint) throw new UsageError('--jq cannot be used with --checkpoint: the checkpoint would advance past orders jq failed on', { hint: 'export with --checkpoint to a file, then run jq on it' });
}

/** One store's part of a run: where it starts, and what it wrote. */
interface StoreRun {
  session: Session;
  previous: StorePosition | undefined;
  filters: OrderFilters;
  written: Set<string>;
  /** Every version this run fetched: the next run's overlap fetches the recent ones again. */
  fetchedVersions: Map<string, string>;
  highWater: number | undefined;
}

async function exportOrders(ctx: Context, configDir: string, sessions: Session[], o: ExportOptions): Promise<void> {
  for (const s of sessions) noteUnmatchedStatuses(ctx, s.adapter, o.filters);
  const saved = o.checkpoint ? await readCheckpoint(configDir, o.checkpoint) : undefined;
  if (o.checkpoint) requireStores(saved, o.checkpoint, sessions.map((s) => s.store));
  const startedAt = ctx.clock.now();
  const runs = new Map<string, StoreRun>(
    sessions.map((session) => {
      const previous = positionFor(saved, session.store);
      const filters = { ...o.filters };
      if (previous?.resumeFrom) {
        // Start a little before the mark: clocks differ and writes land late.
        const from = new Date(Date.parse(previous.resumeFrom) - o.overlapMs);
        if (!filters.since || filters.since < from) filters.since = from;
      }
      const highWater = previous?.highWater ? Date.parse(previous.highWater) : undefined;
      return [session.profileName, { session, previous, filters, written: new Set<string>(), fetchedVersions: new Map<string, string>(), highWater }];
    }),
  );

  const columns = o.columns ?? (o.lines ? LINE_COLUMNS : ORDER_COLUMNS);
  if (o.format === 'csv') validateFields(columns, o.lines ? LINE_FIELDS : ORDER_FIELDS);
  const toStdout = o.out === '-';
  // --dry-run: the orders are read (reads are never held back) and counted; no file,
  // no standard output, no checkpoint is written.
  const dry = ctx.globals.dryRun;
  if (toStdout && !dry) ctx.stdoutMustComplete();
  const file = toStdout || dry
    ? undefined
    : await ctx.createAtomicFile(o.out!).catch((err: NodeJS.ErrnoException) => {
        if (err instanceof UsageError) throw err;
        throw new UsageError(`cannot write ${o.out}: ${err.code === 'ENOENT' ? 'its folder does not exist' : (err.code ?? err.message)}`);
      });
  const cannotWrite = (err: unknown) => writeFailure(o.out!, err, o.checkpoint !== undefined);
  const write = dry ? async () => undefined : file ? (s: string) => file.write(s).catch((err: unknown) => Promise.reject(cannotWrite(err))) : async (s: string) => void ctx.io.stdout.write(s);
  // A file keeps the data as it is; a terminal shows escape sequences instead of obeying them.
  const row = file ? csvRow : (cells: readonly string[]) => csvFor(ctx, cells);
  // Orders printed on a terminal are their own progress: a line drawn between them would land in the data.
  const progress = new Progress(ctx, 'exporting…', !(toStdout && ctx.io.stdoutIsTTY));
  const resumeAt = (r: StoreRun) => Math.min(r.highWater ?? startedAt.getTime(), startedAt.getTime(), r.filters.until?.getTime() ?? Infinity);
  const failures = new StoreFailures(ctx, sessions.length);
  let total = 0;
  // --lines: a row per item, and one for an order without items.
  let rows = 0;

  try {
    // Where orders carry no modification time, the window the run asks for is checked (window-check.ts).
    const checks = await Promise.all(sessions.map(async (s) => ({ s, check: runs.get(s.profileName)!.previous ? await prepareWindowCheck(ctx, s.adapter, runs.get(s.profileName)!.filters) : undefined })));
    if (o.format === 'csv') await write(`${ctx.globals.excel ? UTF8_BOM : ''}${csvRow(columns)}`);
    if (o.format === 'json') await write('[');
    // Several stores: read concurrently and merged newest created first, as `orders list -p a,b --all`
    // lists them, so the same orders make the same file. Each store is still read by id (keyset pages,
    // newest first: ids follow creation). The file is kept only if every store succeeded.
    const several = sessions.length > 1;
    const read = (s: Session) => listMatching(ctx, s.adapter, runs.get(s.profileName)!.filters, { all: true, keyset: true, newestFirst: several });
    const orders: AsyncIterable<Fetched & { store?: string }> = several ? mergeStores(sessions, read, undefined, failures) : read(sessions[0]!);
    // A store's position moves here, as each order is written, never as its pages arrive: the merge
    // holds orders read and not yet written (each store's read-ahead, a Squarespace store's reordering).
    for await (const listed of orders) {
      const r = runs.get(listed.store ?? sessions[0]!.profileName)!;
      const whole = listed.partial ? await wholeOrder(ctx, r.session.adapter, listed) : listed;
      const fetched = listed.store === undefined ? whole : withStore(whole, listed.store);
      const { order } = fetched;
      // Pages can shift while we read them: an id is written once per run.
      if (r.written.has(order.id)) continue;
      const root = r.session.client.platform.baseUrl;
      const version = versionOf(fetched, root);
      r.fetchedVersions.set(order.id, version);
      // This very version went out last time (the overlap fetches it again); a checkpoint of
      // an earlier build has it digested with its URLs whole.
      const before = r.previous?.seen[order.id];
      if (before !== undefined && (before === version || before === versionOf(fetched))) continue;
      r.written.add(order.id);
      if (order.updatedAt) {
        const t = Date.parse(order.updatedAt);
        if (r.highWater === undefined || t > r.highWater) r.highWater = t;
      }
      await write(render(fetched, o, columns, ++total === 1, row));
      rows += o.lines ? itemsOf(order).length : 1;
      progress.tick(total);
      // Only versions the next run can fetch again are kept: memory stays flat.
      if (r.fetchedVersions.size % 5000 === 0) keepRecent(r.fetchedVersions, resumeAt(r) - o.overlapMs);
    }
    if (failures.failed.length) {
      const failed = `${failures.failed.length} of ${sessions.length} stores failed (${failures.failed.join(', ')})`;
      // Standard output cannot be taken back: the other stores' orders are printed already.
      throw new ApiError(toStdout ? `the export is incomplete: ${failed}; the other stores' orders were printed` : `nothing was written: ${failed}`);
    }
    for (const { s, check } of checks) {
      const r = runs.get(s.profileName)!;
      check?.verify((id) => r.fetchedVersions.has(id) || r.written.has(id));
    }
    if (o.format === 'json') await write(total ? '\n]\n' : ']\n');
    await file?.commit().catch((err: unknown) => Promise.reject(cannotWrite(err)));
  } catch (err) {
    await file?.abort();
    progress.clear();
    throw err;
  }
  progress.clear();

  if (dry) {
    const unchanged = o.checkpoint ? `; checkpoint ${o.checkpoint} unchanged` : '';
    ctx.io.stderr.write(`dry run: would export ${counted(total, rows, o.lines)} to ${toStdout ? 'standard output' : o.out}; nothing was written${unchanged}\n`);
    return;
  }
  if (o.checkpoint) {
    const positions = [...runs.values()].map((r): StorePosition => {
      // A run that ends before the last one's position (--until earlier) leaves it there: moved
      // back, the next run would export again what the last one wrote. Its versions stay known.
      const before = r.previous?.resumeFrom ? Date.parse(r.previous.resumeFrom) : -Infinity;
      const resume = Math.max(resumeAt(r), before);
      const versions = resume > resumeAt(r) ? new Map([...Object.entries(r.previous!.seen), ...r.fetchedVersions]) : r.fetchedVersions;
      keepRecent(versions, resume - o.overlapMs);
      return {
        ...r.session.store,
        profile: r.session.profileName,
        resumeFrom: toIsoUtc(new Date(resume)),
        highWater: r.highWater === undefined ? null : toIsoUtc(new Date(r.highWater)),
        seen: Object.fromEntries(versions),
        startedAt: toIsoUtc(startedAt),
        completedAt: toIsoUtc(ctx.clock.now()),
        exported: r.written.size,
        file: o.out!,
      };
    });
    // Only now, with the file in place, does the checkpoint move: every store's position at once.
    await writeCheckpoint(configDir, withPositions(saved, o.checkpoint, positions));
  }
  if (!ctx.globals.quiet) {
    const seconds = Math.round((ctx.clock.now().getTime() - startedAt.getTime()) / 1000);
    // In a log (cron), each run's line says when it ran; a terminal user knows.
    const when = ctx.io.stderrIsTTY ? '' : `${toIsoUtc(ctx.clock.now())} `;
    const from = sessions.length > 1 ? ` from ${sessions.length} stores` : '';
    ctx.io.stderr.write(`${when}exported ${counted(total, rows, o.lines)}${from} to ${toStdout ? 'standard output' : o.out} in ${seconds}s\n`);
  }
}

/** "12 orders", and with --lines the rows they made: "12 orders (30 rows)". */
function counted(orders: number, rows: number, lines: boolean): string {
  const n = (count: number, what: string) => `${count.toLocaleString('en-US')} ${what}${count === 1 ? '' : 's'}`;
  return lines ? `${n(orders, 'order')} (${n(rows, 'row')})` : n(orders, 'order');
}

/**
 * A full disk (or a quota, an I/O error) while the file is written: one line
 * naming the file and what the system said, exit 1. Nothing is left behind:
 * the temp file is removed and the previous file stays.
 */
function writeFailure(file: string, err: unknown, checkpoint: boolean): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return err;
  const why = code === 'ENOSPC' ? 'no space left on the device' : code === 'EDQUOT' ? 'disk quota exceeded' : code === 'EIO' ? 'input/output error' : code === 'EFBIG' ? 'file too large' : code;
  const kept = checkpoint ? 'the previous file and the checkpoint are as they were' : 'the previous file is as it was';
  return new ApiError(`cannot write ${file}: ${why} (${code}); ${kept}`, { code: 'write_failed', cause: err });
}

/**
 * A version is the modification time and a digest of the content: timestamps
 * have one-second resolution on some platforms (BigCommerce's RFC 2822), so
 * two changes in one second differ only in content.
 */
function versionOf({ order, raw }: Fetched, apiRoot?: string): string {
  // The platform's own JSON: it shows changes the normalized order leaves out (staff notes).
  // Its links name the API root, which is no part of the order: a `--sandbox` run's root has
  // a port of its own each time, and every run took the newest order for a changed one.
  const text = JSON.stringify(raw ?? order);
  const digest = createHash('sha256').update(apiRoot ? text.split(apiRoot).join('') : text).digest('hex').slice(0, 16);
  return `${order.updatedAt ?? ''}#${digest}`;
}

/**
 * Drops versions older than `floor`, which the next run will not fetch again.
 * A version without a modification time (a CS-Cart list row) is kept: the
 * next run may fetch it again, and only its digest tells it was written.
 */
function keepRecent(versions: Map<string, string>, floor: number): void {
  for (const [id, v] of versions) {
    const at = v.slice(0, v.lastIndexOf('#'));
    if (at !== '' && Date.parse(at) < floor) versions.delete(id);
  }
}

/**
 * The order as `orders get` reads it, for a list answer that lacks part of it:
 * a request per order, only where the platform's list gave no other way.
 */
async function wholeOrder(ctx: Context, adapter: Adapter, listed: Fetched): Promise<Fetched> {
  ctx.debug(`order ${listed.order.id}: the list answer lacks its items or addresses, so it is read on its own (one request per order)`);
  return adapter.getOrder(listed.order.id);
}

/**
 * A row per line item (--lines): an order without items still has its row,
 * its item columns empty (as a left join gives), so no order is left out.
 */
function itemsOf(order: Order): ReadonlyArray<OrderItem | null> {
  return order.items.length ? order.items : [null];
}

function render(fetched: Fetched, o: ExportOptions, columns: readonly string[], first: boolean, row: (cells: readonly string[]) => string): string {
  const order = fetched.order;
  const value = o.raw ? fetched.raw : order;
  const json = () => JSON.stringify(o.fields ? pickFields(value, o.fields) : value);
  switch (o.format) {
    case 'ndjson':
      return `${json()}\n`;
    case 'json':
      return `${first ? '\n' : ',\n'}${json()}`;
    default: {
      if (!o.lines) return row(flattenForColumns(order, columns));
      return itemsOf(order).map((item) => row(flattenForColumns({ ...order, item }, columns))).join('');
    }
  }
}

async function manageCheckpoint(ctx: Context, dir: string, o: ExportOptions): Promise<void> {
  const name = o.checkpoint!;
  if (o.reset && ctx.globals.dryRun) {
    const exists = (await readCheckpoint(dir, name)) !== undefined;
    ctx.io.stderr.write(exists ? `dry run: would remove checkpoint ${name}; nothing was changed\n` : `no checkpoint named ${name}\n`);
    return;
  }
  if (o.reset) {
    // Not while a run is using it: the run would write it back as it ends.
    const lock = await lockCheckpoint(dir, name);
    try {
      const removed = await removeCheckpoint(dir, name);
      if (!ctx.globals.quiet) ctx.io.stderr.write(removed ? `checkpoint ${name} removed; the next run exports everything that matches\n` : `no checkpoint named ${name}\n`);
    } finally {
      await lock.release();
    }
    return;
  }
  // Reading takes no lock: the file is only ever replaced whole (renamed into
  // place), so --show while a run holds the checkpoint prints the last successful run's.
  const cp = await readCheckpoint(dir, name);
  if (!cp) throw new UsageError(`no checkpoint named ${name}`, { hint: 'it is written by the first successful "orders export --checkpoint NAME"' });
  const stores = Object.values(cp.stores).map(({ seen, ...position }) => ({ store: describeStore(position), ...position, seenInOverlap: Object.keys(seen).length }));
  if (chooseFormat(ctx) === 'csv') {
    // A row per store, named as its JSON names them; the checkpoint's name is the one asked for.
    const out = listWriter(ctx, { columns: [], json: (r: (typeof stores)[number]) => r, id: (r) => r.store });
    stores.forEach((s) => out.write(s));
    return out.end();
  }
  ctx.io.stdout.write(`${JSON.stringify({ name, stores }, null, 2)}\n`);
}
