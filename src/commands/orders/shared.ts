// What the orders verbs share: parsing the filter flags, how an order looks in
// each format, reading JSON files, and confirmation.

import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { STATUSES, type Order, type Status } from '../../core/order.js';
import { compareDecimal } from '../../core/money.js';
import { parseTimeInput } from '../../core/time.js';
import { parseSort as parseSortSpec } from '../../core/sort.js';
import { ORDER_COLUMNS, ORDER_FIELDS } from '../../output/order-columns.js';
import { safeCell, tableTime } from '../../output/text.js';
import type { Tone, View } from '../../output/view.js';
import type { Adapter, Fetched, OrderFilters, Paging, SortSpec } from '../../platforms/types.js';
import { unmatchedStatuses } from '../../platforms/status-filter.js';

export function positiveInt(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  if (!/^\d+$/.test(s) || Number(s) < 1) throw new UsageError(`${flag} must be a whole number of at least 1, not "${s}"`);
  return Number(s);
}

export function parseSort(value: unknown): SortSpec | undefined {
  return value === undefined ? undefined : parseSortSpec(String(value));
}

function nonEmpty(value: unknown, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const s = String(value).trim();
  if (!s) throw new UsageError(`${flag} needs a value`);
  return s;
}

/** A plain decimal amount ("25", "99.90"), kept as typed. */
function amount(value: unknown, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const s = String(value).trim();
  if (!/^\d{1,15}(\.\d{1,4})?$/.test(s)) throw new UsageError(`invalid ${flag} "${String(value)}": use an amount such as 25 or 99.90`);
  return s;
}

export function parseFilters(flags: Record<string, unknown>, now: Date): OrderFilters {
  const time = (v: unknown) => (v === undefined ? undefined : parseTimeInput(String(v), now));
  const f: OrderFilters = {
    statuses: (flags.status as string[] | undefined) ?? [],
    since: time(flags.since),
    until: time(flags.until),
    createdSince: time(flags.createdSince),
    createdUntil: time(flags.createdUntil),
    customer: flags.customer as string | undefined,
    email: flags.email as string | undefined,
    minId: flags.minId as string | undefined,
    maxId: flags.maxId as string | undefined,
    sort: parseSort(flags.sort),
    cursor: flags.cursor as string | undefined,
    vendorRef: flags.vendorRef as string | undefined,
    invoice: flags.invoice as string | undefined,
    search: nonEmpty(flags.search, '--search'),
    paymentStatuses: (flags.paymentStatus as string[] | undefined)?.length ? (flags.paymentStatus as string[]) : undefined,
    paymentMethod: nonEmpty(flags.paymentMethod, '--payment-method'),
    channel: nonEmpty(flags.channel, '--channel'),
    minTotal: amount(flags.minTotal, '--min-total'),
    maxTotal: amount(flags.maxTotal, '--max-total'),
    externalRef: nonEmpty(flags.externalRef, '--external-ref'),
    cart: nonEmpty(flags.cart, '--cart'),
    vendor: nonEmpty(flags.vendor, '--vendor'),
    // Only beside a time filter (to complete its window): other adapters refuse unknown filters.
    now: flags.since !== undefined || flags.until !== undefined ? now : undefined,
  };
  if (f.since && f.until && f.since > f.until) throw new UsageError('--since is later than --until');
  if (f.createdSince && f.createdUntil && f.createdSince > f.createdUntil) throw new UsageError('--created-since is later than --created-until');
  if (f.minTotal !== undefined && f.maxTotal !== undefined && compareDecimal(f.minTotal, f.maxTotal) > 0) throw new UsageError('--min-total is more than --max-total');
  return f;
}

/** A --status that no native status of this platform is labelled with lists nothing: say so, so an empty answer is not a mystery. */
export function noteUnmatchedStatuses(ctx: Context, adapter: Pick<Adapter, 'platform' | 'statusReading'>, filters: OrderFilters): void {
  if (ctx.globals.quiet) return;
  for (const s of unmatchedStatuses(adapter.platform, filters.statuses, adapter.statusReading)) {
    const known = adapter.statusReading.table.map((n) => `${n.code} ${n.status ?? '?'}`).join(', ');
    ctx.io.stderr.write(`note: no ${adapter.platform} status is labelled ${s}, so none of its orders has it (its statuses: ${known})\n`);
  }
}

export function parsePaging(flags: Record<string, unknown>): Paging {
  const paging: Paging = {
    all: Boolean(flags.all),
    limit: positiveInt(flags.limit, '--limit'),
    page: positiveInt(flags.page, '--page'),
    pageSize: positiveInt(flags.pageSize, '--page-size'),
  };
  if (paging.all && paging.limit !== undefined) throw new UsageError('--all and --limit cannot be used together');
  return paging;
}

const TONES: Partial<Record<Status, Tone>> = {
  fulfilled: 'good',
  completed: 'good',
  cancelled: 'bad',
  declined: 'bad',
  failed: 'bad',
  refunded: 'muted',
  partially_refunded: 'muted',
  pending: 'wait',
  awaiting_payment: 'wait',
  awaiting_fulfillment: 'wait',
  partially_fulfilled: 'wait',
  on_hold: 'bad',
};

/** The longest name of the shared status vocabulary. */
const LONGEST_STATUS = Math.max(...STATUSES.map((s) => s.length));

export const moneyText = (m: { amount: string; currency: string } | null) => (m ? `${m.amount} ${m.currency}`.trim() : '');

/** How orders look; with the adapter, tables also show the platform's own status name. */
export function orderView(ctx: Context, adapter?: Pick<Adapter, 'statusName' | 'isTestOrder'>): View<Fetched> {
  return ordersView(ctx, () => adapter);
}

/**
 * Orders from several stores: a STORE column first, ids as STORE:ID, each
 * order's native status named by its own store's adapter.
 */
export function storesView(ctx: Context, adapters: Map<string, Pick<Adapter, 'statusName' | 'isTestOrder'>>): View<Fetched & { store: string }> {
  const base = ordersView<Fetched & { store: string }>(ctx, (r) => adapters.get(r.store));
  return {
    ...base,
    columns: [{ header: 'STORE', value: (r) => r.store }, ...base.columns],
    id: (r) => `${r.store}:${r.order.id}`,
  };
}

function ordersView<R extends Fetched>(ctx: Context, adapterOf: (r: R) => Pick<Adapter, 'statusName' | 'isTestOrder'> | undefined): View<R> {
  const local = ctx.io.stdoutIsTTY && !ctx.globals.utc;
  const native = (r: R) => [r.order.nativeStatus, adapterOf(r)?.statusName?.(r.order.nativeStatus)].filter(Boolean).join(' ');
  return {
    columns: [
      { header: 'ID', value: (r) => (adapterOf(r)?.isTestOrder?.(r.raw) ? `${r.order.id} (test)` : r.order.id) },
      // Counted at the longest status name, and the platform's name cut to fit: the columns shown
      // depend on the terminal, not on which statuses a page happens to hold.
      { header: 'STATUS', value: (r) => r.order.status ?? r.order.nativeStatus, tone: (r) => (r.order.status ? TONES[r.order.status] : undefined), least: LONGEST_STATUS },
      { header: 'NATIVE', value: (r) => native(r), flex: true, optional: true },
      { header: 'CUSTOMER', value: (r) => r.order.customer.name ?? '', flex: true },
      { header: 'EMAIL', value: (r) => r.order.customer.email ?? '', flex: true, optional: true },
      { header: 'TOTAL', value: (r) => moneyText(r.order.totals.total), align: 'right' },
      { header: 'CREATED', value: (r) => tableTime(r.order.createdAt, local) },
      { header: 'UPDATED', value: (r) => tableTime(r.order.updatedAt, local), optional: true },
    ],
    json: (r) => (ctx.globals.raw ? r.raw : r.order),
    id: (r) => r.order.id,
    fields: ORDER_FIELDS,
    csvColumns: ORDER_COLUMNS,
  };
}

export interface SheetOptions {
  /** The platform's own name of the native status ("11" → "Awaiting Fulfillment"). */
  nativeName?: string;
  /** Times in local time, as list tables show them (a terminal, without --utc). */
  local: boolean;
  /** The store the order is in, shown when a command reads several. */
  store?: string;
}

/** How sheets show times and native status names, for this run and platform. */
export function sheetOptions(ctx: Context, adapter?: Pick<Adapter, 'statusName'>): (o: Order) => SheetOptions {
  const local = ctx.io.stdoutIsTTY && !ctx.globals.utc;
  return (o) => ({ nativeName: adapter?.statusName?.(o.nativeStatus), local });
}

/** Rows of cells padded into columns; the last column is not padded. */
export function textColumns(rows: string[][], indent = '  '): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => `${indent}${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')}`.trimEnd());
}

const LABEL_WIDTH = 14;

/** A readable sheet for one order on a terminal. */
export function orderSheet(o: Order, opts: SheetOptions = { local: false }): string {
  const lines: string[] = [];
  const row = (k: string, v: string | null | undefined) => {
    // Server text: made safe for the terminal, as table cells are.
    if (v) lines.push(`${k.padEnd(LABEL_WIDTH)} ${safeCell(v)}`);
  };
  const time = (iso: string | null) => tableTime(iso, opts.local);
  const addr = (a: Order['billingAddress']) =>
    a ? [a.name, a.company, a.line1, a.line2, [a.zip, a.city].filter(Boolean).join(' '), a.state, a.country].filter(Boolean).join(', ') : null;
  row('Order', `${o.id}${o.number !== o.id ? ` (#${o.number})` : ''} on ${o.platform}`);
  row('Store', opts.store);
  row('Status', `${o.status ?? '?'} (${opts.nativeName ? `${o.nativeStatus} ${opts.nativeName}` : `native ${o.nativeStatus}`})${o.fulfillmentStatus ? `, ${o.fulfillmentStatus}` : ''}`);
  row('Created', time(o.createdAt));
  row('Updated', time(o.updatedAt));
  row('Customer', [o.customer.name, o.customer.email, o.customer.phone].filter(Boolean).join(', '));
  row('Bill to', addr(o.billingAddress));
  row('Ship to', addr(o.shippingAddress));
  if (o.items.length) {
    lines.push('Items');
    const cells = o.items.map((i) => [i.id, String(i.quantity), `${i.title}${i.variant ? ` (${i.variant})` : ''}`, i.sku ?? '', moneyText(i.total), i.status ?? '']);
    lines.push(...textColumns([['ID', 'QTY', 'ITEM', 'SKU', 'TOTAL', 'STATUS'], ...cells].map((r) => r.map(safeCell))));
  }
  if (o.shipments.length) {
    lines.push('Shipments');
    const cells = o.shipments.map((s) => [s.id ?? '', time(s.shippedAt), [s.carrier, s.service].filter(Boolean).join(' · '), s.tracking ?? '', s.items.map((i) => `${i.itemId}×${i.quantity}`).join(', ') || 'whole order', s.trackingUrl ?? '']);
    lines.push(...textColumns([['ID', 'SHIPPED', 'CARRIER', 'TRACKING', 'ITEMS', 'TRACKING URL'], ...cells].map((r) => r.map(safeCell))));
  }
  row('Payment', [o.payment.status, o.payment.method].filter(Boolean).join(', '));
  const t = o.totals;
  row('Subtotal', moneyText(t.subtotal));
  row('Shipping cost', moneyText(t.shipping));
  row('Tax', moneyText(t.tax));
  if (t.discount && Number(t.discount.amount) !== 0) row('Discount', moneyText(t.discount));
  row('Total', moneyText(t.total));
  if (t.refunded && Number(t.refunded.amount) !== 0) row('Refunded', moneyText(t.refunded));
  row('Customer note', o.notes);
  row('Staff notes', o.staffNotes);
  return `${lines.join('\n')}\n`;
}

/** Destructive changes: ask on a terminal; without one, require --yes. */
export async function confirmDestructive(ctx: Context, what: string): Promise<void> {
  // A dry run changes nothing, so there is nothing to confirm.
  if (ctx.globals.yes || ctx.globals.dryRun) return;
  if (!ctx.io.canPrompt) throw cannotAsk(ctx, what);
  const ok = await (await ctx.prompter()).confirm(`${what}?`, false);
  if (!ok) throw new UsageError('cancelled; nothing was changed');
}

/** Why a confirmation cannot be asked for, and how to go on. */
function cannotAsk(ctx: Context, what: string): UsageError {
  const { stdinIsTTY, stderrIsTTY } = ctx.io;
  if (!ctx.globals.input) return new UsageError(`${what}: confirmation needed, and --no-input forbids asking`, { hint: 'pass --yes to confirm' });
  // At a terminal with ids piped in: the answer would have to come from the pipe.
  if (stderrIsTTY && !stdinIsTTY) {
    return new UsageError(`${what}: confirmation needed, but standard input is a pipe, not a terminal to read the answer from`, {
      hint: 'check what the command would change (--dry-run), then run it again with --yes',
    });
  }
  if (stdinIsTTY && !stderrIsTTY) {
    return new UsageError(`${what}: confirmation needed, but standard error is not a terminal to ask on`, { hint: 'pass --yes to confirm, or leave standard error on the terminal' });
  }
  return new UsageError(`${what}: confirmation needed`, { hint: 'pass --yes to confirm without a terminal' });
}

/** Reads a JSON file, or stdin for "-"; a bad file is refused before any request. */
export async function readJsonFile(ctx: Context, file: string): Promise<unknown> {
  return (await readJsonText(ctx, file)).body;
}

/** readJsonFile, with the text as it was written (`api --input` sends it so, numbers untouched). */
export async function readJsonText(ctx: Context, file: string): Promise<{ body: unknown; text: string }> {
  let text: string;
  try {
    text = file === '-' ? await ctx.io.readStdin() : await ctx.readFile(file);
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return { body: JSON.parse(text), text };
  } catch (err) {
    throw new UsageError(`${file === '-' ? 'standard input' : file} is not valid JSON: ${(err as Error).message}`);
  }
}
