// `orders get ID...|--stdin`: one order as a sheet (or a JSON object), or many
// read concurrently in one process and printed in the order asked. An id of
// the form #1060 is the order number customers see.

import type { Context } from '../../core/context.js';
import { ApiError, InterruptedError, isOrderctlError, NotFoundError } from '../../core/errors.js';
import { openSession } from '../../platforms/index.js';
import type { Fetched } from '../../platforms/types.js';
import { chooseFormat, listWriter, writeOne } from '../../output/writer.js';
import { safeCell } from '../../output/text.js';
import { concurrencyFor, readBulkItems, readInOrder, type BulkOptions } from './bulk.js';
import { orderResolver } from './resolve.js';
import { orderSheet, orderView, sheetOptions } from './shared.js';

export interface GetOptions extends BulkOptions {
  ids: string[];
  stdin: boolean;
}

export async function run(ctx: Context, o: GetOptions): Promise<void> {
  const { items, rejected } = await readBulkItems(ctx, o.ids, o.stdin, 'any', { numbers: true });
  const { adapter } = await openSession(ctx);
  const refs = items.map((i) => i.id);
  const resolver = await orderResolver(ctx, adapter, refs);
  const view = orderView(ctx, adapter);
  const sheet = (r: Fetched) => orderSheet(r.order, sheetOptions(ctx, adapter)(r.order));
  // One id on the command line: its sheet, or one JSON object, and its own exit code.
  if (refs.length === 1 && !o.stdin) {
    writeOne(ctx, view, await resolver.get(refs[0]!), sheet);
    return;
  }
  const format = chooseFormat(ctx);
  const sheets = format === 'table' && !ctx.globals.fields;
  const out = sheets ? undefined : listWriter(ctx, view);
  const failures: unknown[] = [];
  let stopping = false;
  let interrupted = false;
  ctx.onInterrupt(() => (stopping = interrupted = true));
  let printed = 0;
  const emitted = await readInOrder(refs, concurrencyFor(adapter.platform, o, refs.length), (ref) => resolver.get(ref), (ref, outcome) => {
    if ('value' in outcome) {
      if (out) out.write(outcome.value);
      else ctx.io.stdout.write(`${printed ? '\n' : ''}${sheet(outcome.value)}`);
      printed++;
      return;
    }
    if (outcome.error instanceof InterruptedError) return void (interrupted = stopping = true);
    failures.push(outcome.error);
    reportFailure(ctx, ref, outcome.error, format);
    if (o.failFast) stopping = true;
  }, () => stopping);
  out?.end();
  if (interrupted) {
    ctx.io.stderr.write(`interrupted: ${printed} of ${refs.length} orders read\n`);
    throw new InterruptedError();
  }
  const problems = failures.length + rejected;
  if (!problems) return;
  const skipped = refs.length - emitted;
  const message = `${failures.length} of ${refs.length} orders could not be read${rejected ? `, ${rejected} input line${rejected === 1 ? '' : 's'} rejected` : ''}${skipped ? `; stopped by --fail-fast, ${skipped} not read` : ''}`;
  // Every one missing: "not found" (exit 4), as for one id; anything else is a failed run.
  if (!rejected && failures.length === refs.length && failures.every((e) => e instanceof NotFoundError)) throw new NotFoundError(message);
  throw new ApiError(message);
}

/** One order's failure, on stderr as the run's own errors are: a line, or a JSON object for JSON output. */
function reportFailure(ctx: Context, ref: string, err: unknown, format: string): void {
  const message = err instanceof Error ? err.message : String(err);
  if ((format === 'json' || format === 'ndjson') && !ctx.io.stderrIsTTY) {
    const e = isOrderctlError(err) ? err : undefined;
    ctx.io.stderr.write(`${JSON.stringify({ error: { code: e?.code ?? 'internal', message, hint: e?.hint ?? null, status: e?.status ?? null, store: null, id: ref } })}\n`);
    return;
  }
  ctx.io.stderr.write(`error: ${safeCell(message.includes(ref.replace(/^#/, '')) ? message : `order ${ref}: ${message}`)}\n`);
}
