// Per-order results of a mutating command: one line each, and exit 1 when
// any failed (DESIGN.md exit codes). The run goes on past a failed order.

import type { Context } from '../../core/context.js';
import { ApiError, isOrderctlError } from '../../core/errors.js';
import { listWriter } from '../../output/writer.js';
import type { View } from '../../output/view.js';

export interface ItemResult {
  id: string;
  ok: boolean;
  status: string | null;
  error: string | null;
  detail?: Record<string, unknown>;
}

const view: View<ItemResult> = {
  columns: [
    { header: 'ID', value: (r) => r.id },
    { header: 'RESULT', value: (r) => (r.ok ? 'ok' : 'failed'), tone: (r) => (r.ok ? 'good' : 'bad') },
    { header: 'STATUS', value: (r) => r.status ?? '' },
    { header: 'ERROR', value: (r) => r.error ?? '' },
  ],
  json: (r) => ({ id: r.id, ok: r.ok, status: r.status, error: r.error, ...r.detail }),
  id: (r) => r.id,
};

/** Runs `change` for each id in turn and prints each result; throws when any failed. */
export async function runForEach(
  ctx: Context,
  ids: string[],
  change: (id: string) => Promise<{ status: string | null; detail?: Record<string, unknown> }>,
): Promise<void> {
  const out = listWriter(ctx, view);
  let failed = 0;
  for (const id of ids) {
    if (ctx.signal.aborted) break;
    try {
      const r = await change(id);
      out.write({ id, ok: true, status: r.status, error: null, detail: r.detail });
    } catch (err) {
      // Usage errors and interrupts stop the run; an order the platform refused does not.
      // One order: its own error and exit code (404 → 4) say it best.
      if (ids.length === 1 || (isOrderctlError(err) && (err.exitCode === 2 || err.exitCode === 130))) {
        out.end();
        throw err;
      }
      failed++;
      out.write({ id, ok: false, status: null, error: (err as Error).message });
    }
  }
  out.end();
  if (failed) throw new ApiError(`${failed} of ${ids.length} orders failed`);
}
