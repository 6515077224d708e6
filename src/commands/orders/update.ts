import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { openSession, requireCapability } from '../../platforms/index.js';
import { writeOne } from '../../output/writer.js';
import { orderSheet, orderView, readJsonFile, sheetOptions } from './shared.js';

export interface UpdateOptions {
  id: string;
  file?: string;
  vendorRef?: string;
}

export async function run(ctx: Context, o: UpdateOptions): Promise<void> {
  if (!o.file && o.vendorRef === undefined) throw new UsageError('nothing to update: pass --file FILE or --vendor-ref REF');
  if (o.file && o.vendorRef !== undefined) throw new UsageError('--file and --vendor-ref cannot be used together');
  const { adapter } = await openSession(ctx);
  if (o.vendorRef !== undefined) {
    requireCapability(adapter.platform, 'vendor_ref', 'orders update --vendor-ref');
    const updated = await adapter.setVendorRef!(o.id, o.vendorRef);
    if (!ctx.globals.quiet) ctx.io.stderr.write(`updated order ${updated.order.id}\n`);
    writeOne(ctx, orderView(ctx), updated, (r) => orderSheet(r.order, sheetOptions(ctx)(r.order)));
    return;
  }
  requireCapability(adapter.platform, 'update', 'orders update');
  const body = adapter.validateOrderBody ? adapter.validateOrderBody(await readJsonFile(ctx, o.file!), 'update') : await readJsonFile(ctx, o.file!);
  const updated = await adapter.updateOrder!(o.id, body);
  if (!ctx.globals.quiet) ctx.io.stderr.write(`updated order ${updated.order.id}\n`);
  writeOne(ctx, orderView(ctx), updated, (r) => orderSheet(r.order, sheetOptions(ctx)(r.order)));
}
