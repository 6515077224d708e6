import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { parseTimeInput } from '../../core/time.js';
import { requireCapability } from '../../platforms/index.js';
import type { FulfillOptions as ShipmentOptions } from '../../platforms/types.js';
import { RESULT_FIELDS } from '../../output/record-fields.js';
import { parseBulkOptions, readBulkItems, routeBulk, runBulk, type BulkItem, type BulkOptions, type RoutedItem } from './bulk.js';

export interface FulfillOptions extends BulkOptions {
  ids: string[];
  stdin: boolean;
  shipment: ShipmentOptions;
}

function parseItem(spec: string) {
  const m = /^([^:\s]+)(?::(\d+))?$/.exec(spec);
  if (!m || (m[2] !== undefined && Number(m[2]) < 1)) throw new UsageError(`invalid --item "${spec}": use ITEM or ITEM:QTY`);
  return { id: m[1]!, quantity: m[2] === undefined ? undefined : Number(m[2]) };
}

function checkTrackingUrl(url: string | undefined): string | undefined {
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) throw new UsageError(`invalid --tracking-url "${url}": use an http(s) URL`);
  return url;
}

/** Fields an NDJSON stdin line may set for its order. */
const LINE_FIELDS = ['tracking', 'carrier', 'service', 'trackingUrl', 'shipDate', 'notify', 'address', 'comment', 'items'] as const;

export function parseOptions(args: string[], flags: Record<string, unknown>, now: Date): FulfillOptions {
  const items = ((flags.item as string[] | undefined) ?? []).map(parseItem);
  const trackingUrl = checkTrackingUrl(flags.trackingUrl as string | undefined);
  return {
    ...parseBulkOptions(flags),
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

/** The flags, with an NDJSON line's own fields on top. */
function shipmentFor(item: BulkItem, base: ShipmentOptions, now: Date): ShipmentOptions {
  const v = item.overrides;
  const str = (k: string) => (v[k] === undefined ? undefined : String(v[k]));
  return {
    ...base,
    ...(v.tracking !== undefined && { tracking: str('tracking') }),
    ...(v.carrier !== undefined && { carrier: str('carrier') }),
    ...(v.service !== undefined && { service: str('service') }),
    ...(v.trackingUrl !== undefined && { trackingUrl: checkTrackingUrl(str('trackingUrl')) }),
    ...(v.shipDate !== undefined && { shipDate: parseTimeInput(String(v.shipDate), now) }),
    ...(typeof v.notify === 'boolean' && { notify: v.notify }),
    ...(v.address !== undefined && { address: str('address') }),
    ...(v.comment !== undefined && { comments: str('comment') }),
    ...(Array.isArray(v.items) && { items: v.items.map((i) => parseItem(String(i))) }),
  };
}

export async function run(ctx: Context, o: FulfillOptions): Promise<void> {
  const { items, rejected } = await readBulkItems(ctx, o.ids, o.stdin, LINE_FIELDS);
  if (o.shipment.items.length && items.length > 1) throw new UsageError('--item applies to one order; give a single id (or "items" per NDJSON line)');
  const routed = await routeBulk(ctx, items, (adapters) => adapters.forEach((a) => requireCapability(a.platform, 'fulfill', 'orders fulfill')));
  if (routed.adapters.some((a) => a.platform === 'bigcommerce') && o.shipment.notify === false && !ctx.globals.quiet) {
    ctx.io.stderr.write('note: BigCommerce e-mails the customer for every shipment; --no-notify cannot stop it\n');
  }
  const now = ctx.clock.now();
  refuseIfNoneCanShip(routed.items, o.shipment, now);
  await runBulk(ctx, routed.adapters[0]!.platform, routed.items, { ...o, rejected, fields: RESULT_FIELDS.fulfill }, async (item) => {
    const r = await item.target.adapter.fulfillOrder!(item.target.id, shipmentFor(item, o.shipment, now));
    // The shipment is made; the order's status after it is not re-read.
    return { status: null, detail: { shipmentId: r.shipmentId } };
  });
}

/**
 * What a platform refuses in the shipment options alone (Squarespace wants
 * tracking, carrier and service together) is said once, before any request,
 * when it holds for every order: the flags are wrong, not the orders. Where
 * NDJSON lines give some orders what the flags lack, each of the others fails
 * on its own, as any order of a bulk run.
 */
function refuseIfNoneCanShip(items: RoutedItem[], base: ShipmentOptions, now: Date): void {
  let first: unknown;
  for (const item of items) {
    try {
      item.target.adapter.checkFulfill?.(shipmentFor(item, base, now));
      return;
    } catch (err) {
      if (!(err instanceof UsageError)) return;
      first ??= err;
    }
  }
  if (first) throw first;
}
