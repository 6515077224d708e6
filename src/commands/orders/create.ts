import type { Context } from '../../core/context.js';
import { openSession, requireCapability } from '../../platforms/index.js';
import { writeOne } from '../../output/writer.js';
import { orderSheet, orderView, readJsonFile } from './shared.js';

export interface CreateOptions {
  file: string;
  idempotencyKey?: string;
}

export async function run(ctx: Context, o: CreateOptions): Promise<void> {
  const { adapter } = await openSession(ctx);
  requireCapability(adapter.platform, 'create', 'orders create');
  // Validated before any request: a bad file never reaches the platform.
  const body = adapter.validateOrderBody ? adapter.validateOrderBody(await readJsonFile(ctx, o.file), 'create') : await readJsonFile(ctx, o.file);
  const created = await adapter.createOrder!(body, { idempotencyKey: o.idempotencyKey });
  if (!ctx.globals.quiet) ctx.io.stderr.write(`created order ${created.order.id}\n`);
  writeOne(ctx, orderView(ctx), created, (r) => orderSheet(r.order));
}
