// Mutating commands as bulk tools: ids from arguments or stdin (plain ids or
// NDJSON objects whose fields override the flags), a pool of concurrent
// workers paced by the client's rate limiter, one result per order, --fail-fast,
// and a gentle Ctrl-C: nothing new starts, what is in flight finishes, and the
// run says what was and was not done (exit 130).

import type { Context } from '../../core/context.js';
import { ApiError, DryRunStop, dryRunNote, errorBody, inStore, InterruptedError, isOrderctlError, NotFoundError, UsageError, type ErrorBody } from '../../core/errors.js';
import type { Platform } from '../../core/order.js';
import type { Adapter, Fetched } from '../../platforms/types.js';
import { listWriter } from '../../output/writer.js';
import type { View } from '../../output/view.js';
import { Progress } from '../../output/progress.js';
import { renderTable } from '../../output/table.js';
import { jsonLine, safeCell } from '../../output/text.js';
import { jsonErrors } from '../../output/formats.js';
import { MAX_ID_LENGTH } from '../../core/http.js';

export interface BulkItem {
  id: string;
  /** Fields of an NDJSON line, overriding the flags for this order. */
  overrides: Record<string, unknown>;
  /** The store an NDJSON line names ("store"); STORE:ID in the id does the same. */
  store?: string;
  /** Known to fail before any change (a #number its store does not have): the order's result is this error. */
  failure?: unknown;
}

export interface BulkOptions {
  concurrency?: number;
  failFast: boolean;
}

/** One order's outcome (`orderctl schema result`): its status after the change where known, or the error. */
export interface ItemResult {
  id: string;
  /** The store the order is in, where the run names one (several stores, STORE:ID, an NDJSON "store"). */
  store: string | null;
  ok: boolean;
  /** The order's normalized status after the change, where known. */
  status: string | null;
  error: ErrorBody | null;
  detail?: Record<string, unknown>;
}


/** Requests in flight per platform; the shared limiter keeps them inside the quota. */
const DEFAULT_CONCURRENCY: Record<Platform, number> = { bigcommerce: 8, squarespace: 2, cscart: 4, outshifter: 4 };

export function parseBulkOptions(flags: Record<string, unknown>): BulkOptions {
  let concurrency: number | undefined;
  if (flags.concurrency !== undefined) {
    const s = String(flags.concurrency);
    if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 64) throw new UsageError(`--concurrency must be a whole number from 1 to 64, not "${s}"`);
    concurrency = Number(s);
  }
  return { concurrency, failFast: Boolean(flags.failFast) };
}

/**
 * Orders from arguments, or from stdin with --stdin: blank lines and # comments
 * are skipped; a line is an id or a JSON object with "id" and any of `allowed`
 * (or any fields at all, for reads; with `readUnless`, a line is a read unless
 * it has that field, as `orders status` shows unless a line says what to set).
 * A line "#1060" (no space) is an order number.
 * A malformed line is reported with its number and skipped, never guessed at.
 */
/** A JSON line carries an id and a few fields: far less than this. */
const MAX_LINE = 10_000;
/** Reads take whole orders as `orders list -o ndjson` prints them: bounded too, but larger. */
const MAX_ORDER_LINE = 1_000_000;

export async function readBulkItems(
  ctx: Context,
  args: string[],
  stdin: boolean,
  allowed: readonly string[] | 'any' | { readUnless: string; fields: readonly string[] },
): Promise<{ items: BulkItem[]; rejected: number }> {
  if (stdin && args.length) throw new UsageError('give order ids as arguments or with --stdin, not both');
  if (!stdin) {
    if (!args.length) throw new UsageError('no order ids given', { hint: 'pass ids as arguments, or pipe them in with --stdin' });
    return { items: args.map((id) => ({ id, overrides: {} })), rejected: 0 };
  }
  const items: BulkItem[] = [];
  let rejected = 0;
  const reject = (n: number, why: string) => {
    rejected++;
    const message = `stdin line ${n}: ${why}; skipped`;
    // Scripts read stderr as JSON lines when the output is JSON: a rejected line is one too.
    if (jsonErrors(ctx)) ctx.io.stderr.write(`${jsonLine({ error: { code: 'usage_error', message, hint: null, status: null, store: null } })}\n`);
    else ctx.io.stderr.write(`error: ${message}\n`);
  };
  const text = await ctx.io.readStdin();
  // A JSON document (what `orders list` prints off a terminal) is no list of lines: each of its
  // lines would be rejected or, as "[" and "},", taken for an id. Said once, before any request.
  if (/^\s*\[/.test(text)) {
    throw new UsageError('--stdin reads one order a line (an id, or a JSON object), not a JSON array', {
      hint: 'pipe "-o ids" or "-o ndjson" into it, e.g. orderctl orders list … -o ids | orderctl orders fulfill --stdin',
    });
  }
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const n = i + 1;
    // "#1060" (no space) is an order number, not a comment.
    if (!line || (line.startsWith('#') && !/^#[^#\s]+$/.test(line))) return;
    // A server's or a file's bytes never reach the terminal raw, and an error line stays short.
    const max = Array.isArray(allowed) ? MAX_LINE : MAX_ORDER_LINE;
    if (line.length > max) return reject(n, `longer than ${max} characters ("${safeCell(line.slice(0, 40))}…")`);
    if (!line.startsWith('{')) {
      if (/\s/.test(line)) return reject(n, `"${safeCell(line.slice(0, 40))}" is not one id`);
      if (line.length > MAX_ID_LENGTH) return reject(n, `an id of ${line.length} characters (at most ${MAX_ID_LENGTH})`);
      items.push({ id: line, overrides: {} });
      return;
    }
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      return reject(n, 'not valid JSON');
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return reject(n, 'not a JSON object');
    const { id, store, ...rest } = obj as Record<string, unknown>;
    if ((typeof id !== 'string' || !id) && typeof id !== 'number') return reject(n, 'no "id"');
    if (store !== undefined && (typeof store !== 'string' || !store)) return reject(n, '"store" must be a profile name');
    // 'any': a read, where an order's other fields (NDJSON from orders list) change nothing.
    const fields = typeof allowed === 'object' && 'readUnless' in allowed ? (allowed.readUnless in rest ? allowed.fields : 'any') : allowed;
    const unknown = fields === 'any' ? [] : Object.keys(rest).filter((k) => !fields.includes(k));
    if (unknown.length) return reject(n, `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')} (allowed: id, store${(fields as readonly string[]).map((a) => `, ${a}`).join('')})`);
    items.push({ id: String(id), overrides: rest, ...(store !== undefined ? { store: store as string } : {}) });
  });
  if (!items.length && !rejected) throw new UsageError('--stdin read no order ids');
  // Every line rejected (each named above): nothing to run, and exit 1 as for any rejected line.
  if (!items.length) throw new ApiError(`--stdin read no order ids: ${rejected === 1 ? 'its one line was' : `all ${rejected} lines were`} rejected`);
  return { items, rejected };
}

/** A bulk item sent to its store: `id` is how results name it, `target` where it goes. */
export interface RoutedItem extends BulkItem {
  target: { adapter: Adapter; id: string; store: string };
}

/**
 * Sends items to their stores (STORE:ID, an NDJSON "store", else the stores the
 * command names; see routeToStores) and finds the id behind each `#number`
 * there. `named`: the input names a store, or several are involved, so
 * results and confirmations say which.
 */
export async function routeItems<T extends BulkItem>(ctx: Context, items: T[], mode: 'one' | 'every', check?: (adapters: Adapter[]) => void) {
  const { routeToStores } = await import('./stores.js');
  const { resolveNumbers } = await import('./resolve.js');
  const stored = await routeToStores(ctx, items, mode);
  const named = stored.some((r) => r.label !== r.id || r.item.store !== undefined || r.item.id !== r.id);
  // What the command cannot do on a store is refused before a #number costs a listing there;
  // store by store, so the refusal names the store where the input named one.
  for (const session of new Set(stored.map((r) => r.session))) {
    try {
      check?.([session.adapter]);
    } catch (err) {
      throw inStore(err, named ? session.profileName : undefined);
    }
  }
  const routes = (await resolveNumbers(ctx, stored)).map((r) => ({
    ...r,
    // What the bulk run works on: named as output names it, with its store where named.
    bulk: {
      ...r.item,
      id: r.label,
      ...(named && { store: r.session.profileName }),
      ...(r.failure !== undefined && { failure: r.failure }),
    },
  }));
  return { routes, named };
}

/** One order's way to its store, as routeItems gives it. */
export type Route = Awaited<ReturnType<typeof routeItems<BulkItem>>>['routes'][number];

/** One routed order read from its store (a route that already failed, resolving a #number, fails so). */
export function readRoute(r: Route): Promise<Fetched> {
  return r.failure !== undefined ? Promise.reject(r.failure) : r.session.adapter.getOrder(r.id);
}

/**
 * An id asked of several stores (no store named): a store that simply lacks it
 * (not found, or an id that cannot be one on its platform) is no failure when
 * another has it.
 */
export function lacksOrder(err: unknown): boolean {
  return err instanceof NotFoundError || err instanceof UsageError;
}

/**
 * An id that every store asked lacks: the usage error when it can be an id on
 * none of their platforms (exit 2), else one "not found" naming the stores tried (exit 4).
 */
export function inNoStore(ref: string, stores: string[], errors: unknown[]): unknown {
  if (errors.every((e) => e instanceof UsageError)) return errors[0];
  return new NotFoundError(`order ${ref} not found in ${stores.join(', ')}`, {
    hint: 'each store named was asked; name another with -p, or find it with "orderctl orders list --search TEXT"',
  });
}

/** The one order of a single-order command (update, shipments): its store's adapter and its id there. */
export async function routeOne(ctx: Context, id: string, check?: (adapter: Adapter) => void): Promise<{ adapter: Adapter; id: string; store?: string }> {
  const { routes, named } = await routeItems(ctx, [{ id, overrides: {} }], 'one', check && (([a]) => check(a!)));
  const r = routes[0]!;
  if (r.failure !== undefined) throw inStore(r.failure, named ? r.session.profileName : undefined);
  // The store is named back (for prompts and messages) only when the input named it.
  return { adapter: r.session.adapter, id: r.id, store: named ? r.session.profileName : undefined };
}

/** Routes every item to the one store it names or the command names (see routeItems). */
export async function routeBulk(ctx: Context, items: BulkItem[], check?: (adapters: Adapter[]) => void): Promise<{ items: RoutedItem[]; adapters: Adapter[]; named: boolean }> {
  const { routes, named } = await routeItems(ctx, items, 'one', check);
  return {
    items: routes.map((r) => ({ ...r.bulk, target: { adapter: r.session.adapter, id: r.id, store: r.session.profileName } })),
    adapters: [...new Set(routes.map((r) => r.session.adapter))],
    named,
  };
}

/** " in eu" or " in eu (2), us (1)": where a change goes, for its confirmation, when the input names stores. */
export function storesText(routed: { items: RoutedItem[]; named: boolean }): string {
  if (!routed.named) return '';
  const counts = new Map<string, number>();
  for (const i of routed.items) counts.set(i.target.store, (counts.get(i.target.store) ?? 0) + 1);
  if (counts.size === 1) return ` in ${[...counts.keys()][0]}`;
  return ` in ${[...counts].map(([store, n]) => `${store} (${n})`).join(', ')}`;
}

export const resultView: View<ItemResult> = {
  columns: [
    { header: 'ID', value: (r) => r.id },
    { header: 'RESULT', value: (r) => (r.ok ? 'ok' : 'failed'), tone: (r) => (r.ok ? 'good' : 'bad') },
    { header: 'STATUS', value: (r) => r.status ?? (typeof r.detail?.nativeStatus === 'string' ? r.detail.nativeStatus : '') },
    { header: 'ERROR', value: (r) => r.error?.message ?? '', flex: true },
  ],
  json: (r) => ({ id: r.id, store: r.store, ok: r.ok, status: r.status, error: r.error, ...r.detail }),
  id: resultId,
};

/** -o ids of a result: STORE:ID where the run names the store, so piped on it goes to that store, not the current profile. */
export function resultId(r: Pick<ItemResult, 'id' | 'store'>): string {
  return r.store && !r.id.startsWith(`${r.store}:`) ? `${r.store}:${r.id}` : r.id;
}

/**
 * Runs `change` for every item, `concurrency` at a time, printing each result.
 * One order: its own error and exit code. Several: exit 1 when any failed.
 */
export async function runBulk<I extends BulkItem>(
  ctx: Context,
  platform: Platform,
  items: I[],
  opts: BulkOptions & {
    rejected?: number;
    view?: View<ItemResult>;
    fields?: readonly string[];
    /**
     * The run only reads (statuses shown): its progress line says "reading",
     * and it ends as orders get does when every order is missing (runFailure).
     */
    reading?: boolean;
  },
  change: (item: I) => Promise<{ status: string | null; detail?: Record<string, unknown> }>,
): Promise<void> {
  const run = (item: I) => (item.failure !== undefined ? Promise.reject(item.failure) : change(item));
  // A dry run prints requests instead of results; a run that only reads has none to print, so it shows its results.
  const dry = ctx.globals.dryRun && !opts.reading;
  const shown = opts.view ?? { ...resultView, fields: opts.fields };
  if (items.length === 1 && !opts.rejected) {
    const single = await attempt(() => run(items[0]!));
    if ('error' in single) throw inStore(single.error, items[0]!.store);
    if (dry && !ctx.globals.quiet) ctx.io.stderr.write(dryRunNote(1));
    if (!dry) writeResults(ctx, shown, [{ id: items[0]!.id, store: items[0]!.store ?? null, ok: true, status: single.value.status, error: null, detail: single.value.detail }]);
    return;
  }
  const out = dry ? undefined : listWriter(ctx, shown);
  const progress = new Progress(ctx, opts.reading ? 'reading' : 'changing');
  const results: ItemResult[] = [];
  /** The failed orders' errors as thrown (results carry their JSON form), for how the run ends. */
  const errors: unknown[] = [];
  const done = new Set<string>();
  let next = 0;
  let stopping: 'interrupt' | 'failure' | undefined;
  ctx.onInterrupt(() => (stopping = 'interrupt'));

  const worker = async () => {
    while (!stopping && next < items.length) {
      const item = items[next++]!;
      const r = await attempt(() => run(item));
      if ('error' in r && (r.error instanceof InterruptedError || (isOrderctlError(r.error) && r.error.exitCode === 130))) {
        stopping = 'interrupt';
        return;
      }
      const result: ItemResult =
        'error' in r
          ? { id: item.id, store: item.store ?? null, ok: false, status: null, error: errorBody(r.error, item.store) }
          : { id: item.id, store: item.store ?? null, ok: true, status: r.value.status, error: null, detail: r.value.detail };
      results.push(result);
      if ('error' in r) errors.push(r.error);
      done.add(item.id);
      out?.write(result);
      progress.tick(results.length, items.length);
      if (!result.ok && opts.failFast) stopping = 'failure';
    }
  };
  const concurrency = Math.min(opts.concurrency ?? DEFAULT_CONCURRENCY[platform], items.length);
  await Promise.all(Array.from({ length: concurrency }, worker));
  progress.clear();
  out?.end();

  const failed = results.filter((r) => !r.ok);
  const notDone = items.filter((i) => !done.has(i.id)).map((i) => i.id);
  if (failed.length && ctx.io.stderrIsTTY && !ctx.globals.quiet) {
    const columns = [resultView.columns[0]!, resultView.columns[3]!];
    ctx.io.stderr.write(`\n${failed.length} of ${items.length} failed:\n${renderTable(ctx, columns, failed)}`);
  } else if (dry) {
    // No results are printed in a dry run (stdout carries the requests): each failure is said here.
    failed.forEach((r) => reportOrderError(ctx, r.id, r.error!));
  }
  if (dry && !ctx.globals.quiet) ctx.io.stderr.write(dryRunNote(results.length));
  if (stopping === 'interrupt') {
    ctx.io.stderr.write(`interrupted: ${results.length} of ${items.length} orders done${notDone.length ? `; not started: ${notDone.join(' ')}` : ''}\n`);
    throw new InterruptedError();
  }
  const problems = failed.length + (opts.rejected ?? 0);
  if (problems) {
    const skipped = stopping === 'failure' && notDone.length ? `; stopped by --fail-fast, not started: ${notDone.join(' ')}` : '';
    const message = `${failed.length} of ${items.length} orders ${opts.reading ? 'could not be read' : 'failed'}${opts.rejected ? `, ${opts.rejected} input line${opts.rejected === 1 ? '' : 's'} rejected` : ''}${skipped}`;
    // A change keeps exit 1 for any failure: only a read has "every one missing" to say.
    throw opts.reading ? runFailure(message, items.length, errors, opts.rejected ?? 0) : new ApiError(message);
  }
}

/**
 * How a read of several orders ends when some could not be read (orders get,
 * orders status without --set). Every order asked missing, and nothing else
 * amiss (no rejected line, no failing store, none left unread by --fail-fast):
 * "not found" (exit 4), as for one id. Anything else is a failed run (exit 1).
 */
export function runFailure(message: string, asked: number, failures: unknown[], otherProblems: number): ApiError | NotFoundError {
  const everyOneMissing = !otherProblems && failures.length === asked && failures.every((e) => e instanceof NotFoundError);
  return everyOneMissing ? new NotFoundError(message) : new ApiError(message);
}

/**
 * One order's failure on stderr, as a run's own errors are: a line naming the
 * order (and `hint`), or a JSON line carrying its id for JSON output.
 */
export function reportOrderError(ctx: Context, ref: string, body: ErrorBody, hint: string | null = body.hint): void {
  if (jsonErrors(ctx)) return void ctx.io.stderr.write(`${jsonLine({ error: { ...body, id: ref } })}\n`);
  const about = body.message.includes(ref.replace(/^(?:[^:]+:)?#?/, '')) ? body.message : `order ${ref}: ${body.message}`;
  ctx.io.stderr.write(`error: ${safeCell(about)}\n`);
  if (hint) ctx.io.stderr.write(`hint: ${safeCell(hint)}\n`);
}

async function attempt<T>(fn: () => Promise<T>): Promise<{ value: T } | { error: unknown }> {
  try {
    return { value: await fn() };
  } catch (error) {
    // --dry-run: the change was printed instead of sent.
    if (error instanceof DryRunStop) return { value: { status: null } as T };
    return { error };
  }
}

function writeResults(ctx: Context, view: View<ItemResult>, results: ItemResult[]): void {
  const out = listWriter(ctx, view);
  results.forEach((r) => out.write(r));
  out.end();
}

/** The concurrency of a run over `count` orders: --concurrency, else the platform's default. */
export function concurrencyFor(platform: Platform, opts: BulkOptions, count: number): number {
  return Math.max(1, Math.min(opts.concurrency ?? DEFAULT_CONCURRENCY[platform], count));
}

/**
 * Reads for many orders: `read` runs `concurrency` at a time (the client's
 * limiter paces the requests) and each outcome is handed to `emit` in input
 * order, so output is the same whatever finishes first. Stops starting new
 * ones once `stop()` says so; returns how many were emitted.
 */
export async function readInOrder<T, R>(
  items: T[],
  concurrency: number,
  read: (item: T) => Promise<R>,
  emit: (item: T, outcome: { value: R } | { error: unknown }) => void,
  stop: () => boolean,
): Promise<number> {
  const outcomes: Array<{ value: R } | { error: unknown } | undefined> = [];
  let next = 0;
  let emitted = 0;
  const flush = () => {
    while (emitted < items.length && outcomes[emitted] !== undefined) {
      emit(items[emitted]!, outcomes[emitted]!);
      // Dropped once emitted: memory holds only what waits for an earlier one.
      outcomes[emitted++] = undefined;
    }
  };
  const worker = async () => {
    while (!stop() && next < items.length) {
      const i = next++;
      try {
        outcomes[i] = { value: await read(items[i]!) };
      } catch (error) {
        outcomes[i] = { error };
      }
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return emitted;
}
