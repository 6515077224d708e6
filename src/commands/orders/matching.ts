// Listing orders with every filter honoured: flags an API has no parameter for
// either exit 2 (naming the platforms that have one) or, for --email, --search
// and --payment-status, are applied here over the listing, with a note on stderr.

import type { Context } from '../../core/context.js';
import { UnsupportedError, UsageError } from '../../core/errors.js';
import { PAYMENT_STATUSES, paymentStatusName, type Order, type PaymentStatus } from '../../core/order.js';
import { EMAIL_FILTER_PLATFORMS, FILTER_PLATFORMS, PAYMENT_FILTER_PLATFORMS } from '../../platforms/index.js';
import type { Adapter, Fetched, OrderFilters, Paging } from '../../platforms/types.js';

/** What a list shows without --all, --limit or --page-size when it filters locally: as one page elsewhere. */
export const LOCAL_DEFAULT_LIMIT = 50;

/** Refuses, before any request, a filter flag the platform's API cannot apply. */
export function checkFilters(adapter: Pick<Adapter, 'platform'>, f: OrderFilters): void {
  for (const [key, { flag, platforms }] of Object.entries(FILTER_PLATFORMS)) {
    const v = f[key as keyof OrderFilters];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    if (!platforms.includes(adapter.platform)) throw new UnsupportedError(flag, adapter.platform, [...platforms]);
  }
}

/** Lower case, accents and other marks removed: "Zoë Ångström" finds "zoe angstrom". */
export function foldText(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The order's number (with or without #), id, customer name, e-mail, and addressee names. */
function haystack(o: Order): string {
  return foldText(
    [o.number, `#${o.number}`, o.id, o.customer.name, o.customer.email, o.billingAddress?.name, o.shippingAddress?.name, o.billingAddress?.company]
      .filter(Boolean)
      .join('\n'),
  );
}

/** True when every word of `text` is found in the order's number, id, names or e-mail. */
export function matchesSearch(o: Order, text: string): boolean {
  const hay = haystack(o);
  return foldText(text)
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

export function matchesEmail(o: Order, email: string): boolean {
  return (o.customer.email ?? '').trim().toLowerCase() === email.trim().toLowerCase();
}

/**
 * --payment-status where orderctl filters: the shared names only, matched against the
 * payment.status a listing prints; a platform's own payment codes are refused, since the
 * printed name is all that is compared.
 */
export function paymentNames(platform: Adapter['platform'], values: string[]): Set<PaymentStatus> {
  return new Set(
    values.map((v) => {
      const name = paymentStatusName(v);
      if (name) return name;
      throw new UsageError(`unknown payment status "${v}": ${platform} orders are filtered by the payment status orderctl prints, one of ${PAYMENT_STATUSES.join(', ')}`);
    }),
  );
}

/** The filters the API is given, and the tests applied here to what it returns. */
export function splitFilters(platform: Adapter['platform'], f: OrderFilters): { server: OrderFilters; local: Array<(o: Order) => boolean>; named: string[] } {
  const server: OrderFilters = { ...f, search: undefined };
  const local: Array<(o: Order) => boolean> = [];
  const named: string[] = [];
  if (f.email !== undefined && !EMAIL_FILTER_PLATFORMS.includes(platform)) {
    server.email = undefined;
    local.push((o) => matchesEmail(o, f.email!));
    named.push('e-mail');
  }
  if (f.paymentStatuses?.length && !PAYMENT_FILTER_PLATFORMS.includes(platform)) {
    const wanted = paymentNames(platform, f.paymentStatuses);
    server.paymentStatuses = undefined;
    local.push((o) => o.payment.status !== null && wanted.has(o.payment.status));
    named.push('payment status');
  }
  if (f.search !== undefined && f.search.trim() !== '') {
    local.push((o) => matchesSearch(o, f.search!));
    named.push('name, e-mail or number');
  }
  return { server, local, named };
}

/** A payment status the platform's orders never show matches nothing: say so rather than list nothing silently. */
function notePaymentStatusesNeverShown(ctx: Context, adapter: Adapter, f: OrderFilters): void {
  const shown = adapter.paymentStatusesShown;
  if (!shown || !f.paymentStatuses?.length) return;
  for (const s of paymentNames(adapter.platform, f.paymentStatuses)) {
    if (!shown.includes(s)) ctx.io.stderr.write(`note: no ${adapter.platform} payment status is labelled ${s}, so none of its orders has it (it shows: ${shown.join(', ')})\n`);
  }
}

/**
 * The adapter's listing with the local filters applied. Filtering locally
 * reads page after page until --limit (or one page's worth) orders match;
 * a cursor cannot resume such a listing, so none is reported.
 */
export async function* listMatching(ctx: Context, adapter: Adapter, f: OrderFilters, paging: Paging): AsyncIterable<Fetched> {
  checkFilters(adapter, f);
  const { server, local, named } = splitFilters(adapter.platform, f);
  if (!local.length) {
    yield* adapter.listOrders(server, paging);
    return;
  }
  if (!ctx.globals.quiet) {
    const api = named[0] === 'name, e-mail or number' ? `no ${adapter.platform} filter searches names` : `${adapter.platform} cannot filter by ${named[0]}`;
    ctx.io.stderr.write(`note: ${api}: searching the order list by ${named.join(' and ')} here (every page is read)\n`);
    notePaymentStatusesNeverShown(ctx, adapter, f);
  }
  const limit = paging.all ? Infinity : (paging.limit ?? paging.pageSize ?? LOCAL_DEFAULT_LIMIT);
  let yielded = 0;
  for await (const fetched of adapter.listOrders(server, { ...paging, all: true, limit: undefined, onCursor: undefined, onMore: undefined })) {
    if (!local.every((test) => test(fetched.order))) continue;
    yield fetched;
    if (++yielded >= limit) {
      // Whether later pages hold more matches is not known without reading them.
      paging.onMore?.({ sure: false });
      return;
    }
  }
}
