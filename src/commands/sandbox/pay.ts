import type { Context } from '../../core/context.js';
import { NetworkError, UsageError } from '../../core/errors.js';
import { pathOf } from '../../core/http.js';
import { SANDBOX_PAID_FIELDS } from '../../output/record-fields.js';
import type { View } from '../../output/view.js';
import { writeOne } from '../../output/writer.js';
import { announcePathFor, statePathFor } from './shared.js';

export interface PayOptions {
  /** A checkout id, or the checkout URL `checkout pay` printed. */
  target: string;
  state?: string;
}

interface Paid {
  checkout_id: string;
  status: string;
  order_id: number | string;
  order_status: string;
}

/** A checkout URL names its sandbox; an id is paid on the running `sandbox serve`, else on the state file. */
function parseTarget(target: string): { root?: string; id: string } {
  if (!/^https?:/.test(target)) return { id: target };
  const m = /^(https?:\/\/[^/]+)\/outshifter\/pay\/([^/?#]+)$/.exec(target);
  if (!m) throw new UsageError(`"${target}" is not a sandbox checkout URL (…/outshifter/pay/CHECKOUT_ID)`);
  return { root: m[1], id: decodeURIComponent(m[2]!) };
}

async function post(ctx: Context, root: string, id: string): Promise<Paid> {
  // The payment page answers in the Outshifter dialect's error shape.
  const { describeError } = await import('../../platforms/outshifter/adapter.js');
  const http = ctx.http({ name: 'sandbox', baseUrl: `${root}/outshifter`, authHeaders: {}, secrets: [], describeError });
  // Paying twice pays once (the sandbox says it is already paid), so a retry is safe.
  return (await http.request<Paid>({ method: 'POST', path: pathOf`/pay/${id}`, idempotent: true })).body!;
}

/** Where a running sandbox listens, from the file `sandbox serve` writes; undefined when none runs. */
async function runningSandbox(ctx: Context, state?: string): Promise<string | undefined> {
  try {
    const a = JSON.parse(await ctx.readFile(await announcePathFor(ctx, state))) as { url?: unknown };
    return typeof a.url === 'string' ? a.url : undefined;
  } catch {
    return undefined;
  }
}

/** Completes a sandbox payment as the shopper would on the payment page. */
export async function run(ctx: Context, o: PayOptions): Promise<void> {
  const { root, id } = parseTarget(o.target);
  let paid: Paid | undefined;
  const serving = root ?? (await runningSandbox(ctx, o.state));
  if (serving) {
    try {
      paid = await post(ctx, serving, id);
    } catch (err) {
      // A server that is gone left its file behind: pay on the state file instead.
      if (root || !(err instanceof NetworkError)) throw err;
    }
  }
  if (!paid) {
    const { startSandbox } = await import('../../sandbox/server.js');
    const sandbox = await startSandbox({ port: 0, statePath: await statePathFor(ctx, o.state) });
    ctx.defer(() => sandbox.close());
    paid = await post(ctx, sandbox.url, id);
  }
  if (!ctx.globals.quiet) ctx.io.stderr.write(`paid checkout ${paid.checkout_id}: order ${String(paid.order_id)} is ${paid.order_status}\n`);
  const view: View<Paid> = {
    columns: [
      { header: 'CHECKOUT', value: (r) => r.checkout_id },
      { header: 'STATUS', value: (r) => r.status },
      { header: 'ORDER', value: (r) => String(r.order_id) },
      { header: 'ORDER STATUS', value: (r) => r.order_status },
    ],
    json: (r) => ({ checkoutId: r.checkout_id, status: r.status, orderId: String(r.order_id), orderStatus: r.order_status }),
    id: (r) => String(r.order_id),
    fields: SANDBOX_PAID_FIELDS,
  };
  writeOne(ctx, view, paid);
}
