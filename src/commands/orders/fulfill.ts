import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { parseTimeInput } from '../../core/time.js';
import { openSession, requireCapability } from '../../platforms/index.js';
import type { FulfillOptions as ShipmentOptions } from '../../platforms/types.js';
import { readIds } from './shared.js';
import { runForEach } from './results.js';

export interface FulfillOptions {
  ids: string[];
  stdin: boolean;
  shipment: ShipmentOptions;
}

export function parseOptions(args: string[], flags: Record<string, unknown>, now: Date): FulfillOptions {
  const items = ((flags.item as string[] | undefined) ?? []).map((spec) => {
    const m = /^([^:\s]+)(?::(\d+))?$/.exec(spec);
    if (!m || (m[2] !== undefined && Number(m[2]) < 1)) throw new UsageError(`invalid --item "${spec}": use ITEM or ITEM:QTY`);
    return { id: m[1]!, quantity: m[2] === undefined ? undefined : Number(m[2]) };
  });
  const trackingUrl = flags.trackingUrl as string | undefined;
  if (trackingUrl !== undefined && !/^https?:\/\/\S+$/.test(trackingUrl)) throw new UsageError(`invalid --tracking-url "${trackingUrl}": use an http(s) URL`);
  return {
    ids: args,
    stdin: Boolean(flags.stdin),
    shipment: {
      tracking: flags.tracking as string | undefined,
      carrier: flags.carrier as string | undefined,
      service: flags.service as string | undefined,
      trackingUrl,
      shipDate: flags.shipDate === undefined ? undefined : parseTimeInput(String(flags.shipDate), now),
      notify: flags.notify as boolean | undefined,
      items,
      address: flags.address as string | undefined,
      comments: flags.comment as string | undefined,
    },
  };
}

export async function run(ctx: Context, o: FulfillOptions): Promise<void> {
  const ids = await readIds(ctx, o.ids, o.stdin);
  if (o.shipment.items.length && ids.length > 1) throw new UsageError('--item applies to one order; give a single id');
  const { adapter } = await openSession(ctx);
  requireCapability(adapter.platform, 'fulfill', 'orders fulfill');
  if (adapter.platform === 'bigcommerce' && o.shipment.notify === false && !ctx.globals.quiet) {
    ctx.io.stderr.write('note: BigCommerce e-mails the customer for every shipment; --no-notify cannot stop it\n');
  }
  await runForEach(ctx, ids, async (id) => {
    const r = await adapter.fulfillOrder!(id, o.shipment);
    return { status: 'shipped', detail: { shipmentId: r.shipmentId } };
  });
}
