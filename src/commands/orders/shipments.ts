// `orders shipments ID`: where an order went — carrier, service, tracking and
// which items. On BigCommerce also correcting one (--update SHIPMENT with the
// fulfil flags) and removing one (--delete SHIPMENT, confirmed like cancel).

import type { Context } from '../../core/context.js';
import { inStore, UsageError } from '../../core/errors.js';
import type { Shipment } from '../../core/order.js';
import { parseTimeInput } from '../../core/time.js';
import { requireCapability } from '../../platforms/index.js';
import type { Adapter, FulfillOptions } from '../../platforms/types.js';
import { tableTime } from '../../output/text.js';
import { SHIPMENT_FIELDS } from '../../output/record-fields.js';
import type { View } from '../../output/view.js';
import { listWriter, writeOne } from '../../output/writer.js';
import { routeOne } from './bulk.js';
import { confirmDestructive } from './shared.js';

export interface ShipmentsOptions {
  id: string;
  update?: string;
  delete?: string;
  change: FulfillOptions;
}

export function parseOptions(id: string, flags: Record<string, unknown>, now: Date): ShipmentsOptions {
  const str = (k: string) => (flags[k] === undefined ? undefined : String(flags[k]));
  const url = str('trackingUrl');
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) throw new UsageError(`invalid --tracking-url "${url}": use an http(s) URL`);
  const change: FulfillOptions = {
    tracking: str('tracking'),
    carrier: str('carrier'),
    service: str('service'),
    trackingUrl: url,
    shipDate: flags.shipDate === undefined ? undefined : parseTimeInput(String(flags.shipDate), now),
    address: str('address'),
    comments: str('comment'),
    items: [],
  };
  const o: ShipmentsOptions = { id, update: str('update'), delete: str('delete'), change };
  if (o.update !== undefined && o.delete !== undefined) throw new UsageError('--update and --delete cannot be used together');
  const changing = Object.entries(change).some(([k, v]) => k !== 'items' && v !== undefined);
  if (changing && o.update === undefined) throw new UsageError('the shipment flags (--tracking, --carrier, …) need --update SHIPMENT', { hint: `to add a shipment: orderctl orders fulfill ${id} --tracking …` });
  return o;
}

const itemsText = (s: Shipment) => (s.items.length ? s.items.map((i) => `${i.itemId}×${i.quantity}`).join(', ') : 'whole order');

function shipmentView(ctx: Context): View<Shipment> {
  const local = ctx.io.stdoutIsTTY && !ctx.globals.utc;
  return {
    columns: [
      { header: 'ID', value: (s) => s.id ?? '' },
      { header: 'SHIPPED', value: (s) => tableTime(s.shippedAt, local) },
      { header: 'CARRIER', value: (s) => s.carrier ?? '' },
      { header: 'SERVICE', value: (s) => s.service ?? '', optional: true },
      { header: 'TRACKING', value: (s) => s.tracking ?? '' },
      { header: 'ITEMS', value: itemsText },
      { header: 'TRACKING URL', value: (s) => s.trackingUrl ?? '', flex: true, optional: true },
    ],
    json: (s) => s,
    id: (s) => s.id ?? '',
    fields: SHIPMENT_FIELDS,
  };
}

export async function run(ctx: Context, o: ShipmentsOptions): Promise<void> {
  const editing = o.update !== undefined || o.delete !== undefined;
  const edit = o.update !== undefined ? 'orders shipments --update' : 'orders shipments --delete';
  // STORE:ID and #1060 as every command taking ids accepts them; one store only.
  const { adapter, id, store } = await routeOne(ctx, o.id, (a) => editing && requireCapability(a.platform, 'shipment_edit', edit));
  await show(ctx, o, adapter, id, store).catch((err: unknown) => {
    throw inStore(err, store);
  });
}

async function show(ctx: Context, o: ShipmentsOptions, adapter: Adapter, id: string, store: string | undefined): Promise<void> {
  const editing = o.update !== undefined || o.delete !== undefined;
  const view = shipmentView(ctx);
  if (editing) {
    if (o.delete !== undefined) {
      const where = store ? ` in ${store}` : '';
      await confirmDestructive(ctx, `delete shipment ${o.delete} of order ${id}${where} (the order's status stays as it is)`);
      await adapter.deleteShipment!(id, o.delete);
      if (!ctx.globals.quiet) ctx.io.stderr.write(`deleted shipment ${o.delete} of order ${id}${where}; its items can be shipped again\n`);
      return;
    }
    const { shipment, raw } = await adapter.updateShipment!(id, o.update!, o.change);
    writeOne(ctx, { ...view, json: (s) => (ctx.globals.raw ? raw : s) }, shipment);
    return;
  }
  // Where shipments have no endpoint of their own they come with the order (--raw: the whole order).
  const { shipments, raw } = adapter.listShipments ? await adapter.listShipments(id) : await adapter.getOrder(id).then((f) => ({ shipments: f.order.shipments, raw: f.raw }));
  if (ctx.globals.raw) {
    ctx.io.stdout.write(`${JSON.stringify(raw, null, 2)}\n`);
    return;
  }
  const out = listWriter(ctx, view);
  for (const s of shipments) out.write(s);
  out.end();
}
