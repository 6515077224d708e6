import type { Context } from '../../core/context.js';
import { openSession, requireCapability } from '../../platforms/index.js';
import { writeOne } from '../../output/writer.js';
import { orderSheet, orderView, readJsonFile, sheetOptions } from './shared.js';

/** 32 hex digits from the Context's randomness (seeded in tests). */
export function newIdempotencyKey(random: () => number): string {
  let key = '';
  for (let i = 0; i < 32; i++) key += Math.floor(random() * 16).toString(16);
  return key;
}

export interface CreateOptions {
  file: string;
  idempotencyKey?: string;
}

export async function run(ctx: Context, o: CreateOptions): Promise<void> {
  const { adapter } = await openSession(ctx);
  requireCapability(adapter.platform, 'create', 'orders create');
  // Validated before any request: a bad file never reaches the platform.
  const body = adapter.validateOrderBody ? adapter.validateOrderBody(await readJsonFile(ctx, o.file), 'create') : await readJsonFile(ctx, o.file);
  let idempotencyKey = o.idempotencyKey;
  if (adapter.idempotentCreate && !idempotencyKey) {
    idempotencyKey = newIdempotencyKey(ctx.random);
    // Printed before the request, so a failed run can be repeated safely with the same key
    // (a dry run sends nothing: there is nothing to repeat).
    if (!ctx.globals.quiet && !ctx.globals.dryRun) ctx.io.stderr.write(`idempotency key: ${idempotencyKey} (repeat with --idempotency-key ${idempotencyKey} to retry safely)\n`);
  }
  const created = await adapter.createOrder!(body, { idempotencyKey });
  if (!ctx.globals.quiet) ctx.io.stderr.write(`created order ${created.order.id}\n`);
  writeOne(ctx, orderView(ctx, adapter), created, (r) => orderSheet(r.order, sheetOptions(ctx, adapter)(r.order)));
}
