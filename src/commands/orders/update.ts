import type { Context } from '../../core/context.js';
import { inStore, UsageError } from '../../core/errors.js';
import { requireCapability } from '../../platforms/index.js';
import type { Adapter } from '../../platforms/types.js';
import { writeOne } from '../../output/writer.js';
import { routeOne } from './bulk.js';
import { orderSheet, orderView, readJsonFile, sheetOptions } from './shared.js';

export interface UpdateOptions {
  id: string;
  file?: string;
  vendorRef?: string;
}

export async function run(ctx: Context, o: UpdateOptions): Promise<void> {
  if (!o.file && o.vendorRef === undefined) throw new UsageError('nothing to update: pass --file FILE or --vendor-ref REF');
  if (o.file && o.vendorRef !== undefined) throw new UsageError('--file and --vendor-ref cannot be used together');
  // STORE:ID and #1060 as every command taking ids accepts them; one store only.
  const [capability, what] = o.vendorRef !== undefined ? (['vendor_ref', 'orders update --vendor-ref'] as const) : (['update', 'orders update'] as const);
  const { adapter, id, store } = await routeOne(ctx, o.id, (a) => requireCapability(a.platform, capability, what));
  await change(ctx, o, adapter, id).catch((err: unknown) => {
    throw inStore(err, store);
  });
}

async function change(ctx: Context, o: UpdateOptions, adapter: Adapter, id: string): Promise<void> {
  if (o.vendorRef !== undefined) {
    const updated = await adapter.setVendorRef!(id, o.vendorRef);
    if (!ctx.globals.quiet) ctx.io.stderr.write(`updated order ${updated.order.id}\n`);
    writeOne(ctx, orderView(ctx, adapter), updated, (r) => orderSheet(r.order, sheetOptions(ctx, adapter)(r.order)));
    return;
  }
  const body = adapter.validateOrderBody ? adapter.validateOrderBody(await readJsonFile(ctx, o.file!), 'update') : await readJsonFile(ctx, o.file!);
  const updated = await adapter.updateOrder!(id, body);
  if (!ctx.globals.quiet) ctx.io.stderr.write(`updated order ${updated.order.id}\n`);
  writeOne(ctx, orderView(ctx, adapter), updated, (r) => orderSheet(r.order, sheetOptions(ctx, adapter)(r.order)));
}
