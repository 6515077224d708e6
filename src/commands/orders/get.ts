// `orders get ID...|--stdin`: one order as a sheet (or a JSON object), or many
// read concurrently in one process and printed in the order asked. An id of
// the form #1060 is the order number customers see. With several stores
// (-p a,b, --all-profiles) an id without a store is looked up in each of them.

import type { Context } from '../../core/context.js';
import { ApiError, errorBody, inStore, InterruptedError } from '../../core/errors.js';
import type { View } from '../../output/view.js';
import { chooseFormat, listWriter, writeOne } from '../../output/writer.js';
import { concurrencyFor, inNoStore, lacksOrder, readBulkItems, readInOrder, readRoute, reportOrderError, routeItems, runFailure, type BulkOptions, type Route } from './bulk.js';
import { orderSheet, orderView, sheetOptions, storesView } from './shared.js';
import { storeId, withStore, type StoreFetched } from './stores.js';

export interface GetOptions extends BulkOptions {
  ids: string[];
  stdin: boolean;
}

/** One id asked: the stores it was asked of, and what each answered. */
interface Asked {
  ref: string;
  routes: Route[];
}
interface Answer {
  found: StoreFetched[];
  errors: Array<{ store: string; error: unknown }>;
}

export async function run(ctx: Context, o: GetOptions): Promise<void> {
  const { items, rejected } = await readBulkItems(ctx, o.ids, o.stdin, 'any');
  const { routes, named } = await routeItems(ctx, items, 'every');
  const sessions = [...new Map(routes.map((r) => [r.session.profileName, r.session])).values()];
  // Several stores named (or STORE:ID of several): every order is shown with its store, and one id may be several orders.
  const several = routes.some((r) => r.label !== r.id);
  const asked: Asked[] = items.map((item) => ({ ref: item.id, routes: routes.filter((r) => r.item === item) }));
  const first = sessions[0]!.adapter;
  const adapters = new Map(sessions.map((s) => [s.profileName, s.adapter]));
  const shown: View<StoreFetched> = several ? storesView(ctx, adapters) : orderView(ctx, first);
  // An id given with its store keeps it in -o ids: piped on, a bare id would go to the current profile.
  const view: View<StoreFetched> = named && !several ? { ...shown, id: (r) => storeId(r.store, r.order.id) } : shown;
  const sheet = (r: StoreFetched) => orderSheet(r.order, { ...sheetOptions(ctx, adapters.get(r.store) ?? first)(r.order), ...(several && { store: r.store }) });
  const read = async (a: Asked): Promise<Answer> => {
    const settled = await Promise.allSettled(a.routes.map(readRoute));
    const answer: Answer = { found: [], errors: [] };
    settled.forEach((s, i) => {
      const store = a.routes[i]!.session.profileName;
      if (s.status === 'fulfilled') answer.found.push(withStore(s.value, store));
      else answer.errors.push({ store, error: s.reason });
    });
    return answer;
  };

  // One id on the command line, one store: its sheet, or one JSON object, and its own exit code.
  if (asked.length === 1 && !o.stdin && !several) {
    const answer = await read(asked[0]!);
    if (answer.errors.length) throw inStore(answer.errors[0]!.error, named ? answer.errors[0]!.store : undefined);
    writeOne(ctx, view, answer.found[0]!, sheet);
    return;
  }

  const format = chooseFormat(ctx);
  const sheets = format === 'table' && !ctx.globals.fields;
  const out = sheets ? undefined : listWriter(ctx, view);
  /** Ids nothing was read for, and stores that failed while another store answered. */
  const unread: unknown[] = [];
  const storesFailed = new Set<string>();
  // One id over several stores that none could give: that id's own error and exit code (4 when none has it).
  const lone = asked.length === 1 && !o.stdin;
  let loneError: unknown;
  let stopping = false;
  let interrupted = false;
  ctx.onInterrupt(() => (stopping = interrupted = true));
  let printed = 0;
  const emitted = await readInOrder(asked, concurrencyFor(first.platform, o, asked.length), read, (a, outcome) => {
    // read settles every store's answer itself: a throw is not one store's.
    const answer: Answer = 'value' in outcome ? outcome.value : { found: [], errors: [{ store: a.routes[0]!.session.profileName, error: outcome.error }] };
    for (const f of answer.found) {
      if (out) out.write(f);
      else ctx.io.stdout.write(`${printed ? '\n' : ''}${sheet(f)}`);
      printed++;
    }
    if (answer.errors.some((e) => e.error instanceof InterruptedError)) return void (interrupted = stopping = true);
    const failure = failureOf(a, answer);
    if (!failure.length) return;
    if (o.failFast) stopping = true;
    if (answer.found.length) failure.forEach((f) => storesFailed.add(f.store!));
    else unread.push(failure.length === 1 ? failure[0]!.error : new ApiError(`order ${a.ref} could not be read`));
    // Thrown at the end instead, with its own exit code: one store's error, or "not found" in every store.
    if (lone && failure.length === 1 && (!several || failure[0]!.store === null)) return void (loneError = failure[0]!.error);
    for (const f of failure) reportFailure(ctx, a.ref, f.error, several ? f.store : null);
  }, () => stopping);
  // One id that no store gave: its error alone, nothing on stdout, as for one store (not an empty list).
  if (loneError === undefined || printed) out?.end();
  if (interrupted) {
    ctx.io.stderr.write(`interrupted: ${printed} of ${asked.length} orders read\n`);
    throw new InterruptedError();
  }
  if (loneError !== undefined) throw loneError;
  if (!unread.length && !rejected && storesFailed.size) {
    throw new ApiError(`${storesFailed.size} of ${sessions.length} stores failed: ${[...storesFailed].join(', ')}`, { code: 'stores_failed' });
  }
  const problems = unread.length + rejected + storesFailed.size;
  if (!problems) return;
  const skipped = asked.length - emitted;
  const message = `${unread.length} of ${asked.length} orders could not be read${rejected ? `, ${rejected} input line${rejected === 1 ? '' : 's'} rejected` : ''}${storesFailed.size ? `; stores failed: ${[...storesFailed].join(', ')}` : ''}${skipped ? `; stopped by --fail-fast, ${skipped} not read` : ''}`;
  throw runFailure(message, asked.length, unread, rejected + storesFailed.size);
}

/**
 * What went wrong for one id, store by store. Asked of one store: its error.
 * Asked of several: not found anywhere is one "not found" naming the stores
 * tried; otherwise each store that failed for another reason (a store that
 * simply lacks the order is no failure when another has it).
 */
function failureOf(a: Asked, answer: Answer): Array<{ store: string | null; error: unknown }> {
  if (!answer.errors.length) return [];
  if (a.routes.length === 1) return answer.errors;
  const broken = answer.errors.filter((e) => !lacksOrder(e.error));
  if (broken.length) return broken;
  if (answer.found.length) return [];
  return [{ store: null, error: inNoStore(a.ref, answer.errors.map((e) => e.store), answer.errors.map((e) => e.error)) }];
}

/** One order's failure, on stderr as the run's own errors are: a line, or a JSON object for JSON output. */
function reportFailure(ctx: Context, ref: string, err: unknown, store: string | null): void {
  // A store's error names it, in JSON too, as a failing store of a listing does.
  const body = { ...errorBody(err), message: `${store ? `${store}: ` : ''}${err instanceof Error ? err.message : String(err)}`, store };
  // A store's own trouble (refused credentials) says how to fix it, as a failing store of a listing does.
  reportOrderError(ctx, ref, body, store && body.hint ? `${store}: ${body.hint}` : null);
}
