// What the cart, checkout and shipping verbs share: the platform's buying-flow
// API (Commerce), item specs, and how a cart looks.

import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import type { Cart, CartItemInput, Commerce, Got } from '../../platforms/commerce.js';
import { openSession, requireCapability } from '../../platforms/index.js';
import type { Capability } from '../../platforms/types.js';
import { safeCell, tableTime } from '../../output/text.js';
import { CART_FIELDS } from '../../output/record-fields.js';
import type { View } from '../../output/view.js';
import { chooseFormat, writeOne } from '../../output/writer.js';
import { moneyText } from '../orders/shared.js';

export { moneyText };

/** The active profile's Commerce API; exit 2 naming the platforms that have `cap` when it has not. */
export async function openCommerce(ctx: Context, cap: Capability, what: string): Promise<Commerce> {
  const { adapter } = await openSession(ctx, cap);
  requireCapability(adapter.platform, cap, what);
  return adapter.commerce!;
}

const ID = /^\d+$/;
const PRICE = /^\d+(\.\d{1,2})?$/;

function quantityOf(s: string, spec: string): number {
  if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 1_000_000) throw new UsageError(`invalid quantity "${s}" in "${spec}": a whole number of at least 1`);
  return Number(s);
}

/** PRODUCT[:VARIANT]:QTY[@PRICE] (a bare PRODUCT means one of it). */
export function parseItemSpec(spec: string): CartItemInput {
  const usage = `use PRODUCT[:VARIANT]:QTY[@PRICE], e.g. 4018:40181:2 or 112000:1@199.00`;
  const at = spec.split('@');
  if (at.length > 2) throw new UsageError(`invalid --item "${spec}": ${usage}`);
  const [head, price] = at as [string, string | undefined];
  const parts = head.split(':');
  if (parts.length > 3 || parts.some((p) => p === '')) throw new UsageError(`invalid --item "${spec}": ${usage}`);
  const [productId, a, b] = parts as [string, string | undefined, string | undefined];
  const variantId = b === undefined ? undefined : a;
  const qty = b ?? a ?? '1';
  if (!ID.test(productId)) throw new UsageError(`invalid product id "${productId}" in "${spec}": product ids are whole numbers`);
  if (variantId !== undefined && !ID.test(variantId)) throw new UsageError(`invalid variant id "${variantId}" in "${spec}": variant ids are whole numbers`);
  if (price !== undefined && !PRICE.test(price)) throw new UsageError(`invalid price "${price}" in "${spec}": a decimal amount such as 199.00`);
  return { productId, ...(variantId ? { variantId } : {}), quantity: quantityOf(qty, spec), ...(price !== undefined ? { unitPrice: price } : {}) };
}

/** PRODUCT[:QTY], for shipping quotes. */
export function parseQuoteItem(spec: string): { productId: string; quantity: number } {
  const [productId, qty = '1', extra] = spec.split(':');
  if (extra !== undefined || !productId || !ID.test(productId)) throw new UsageError(`invalid --item "${spec}": use PRODUCT[:QTY], e.g. 920:1`);
  return { productId, quantity: quantityOf(qty, spec) };
}

export function cartView(ctx: Context): View<Got<Cart>> {
  const local = ctx.io.stdoutIsTTY && !ctx.globals.utc;
  return {
    columns: [
      { header: 'CART', value: (r) => r.value.id },
      { header: 'ITEMS', value: (r) => String(r.value.items.reduce((n, i) => n + i.quantity, 0)), align: 'right' },
      { header: 'TOTAL', value: (r) => moneyText(r.value.total), align: 'right' },
      { header: 'SESSION', value: (r) => r.value.sessionId ?? '', optional: true },
      { header: 'UPDATED', value: (r) => tableTime(r.value.updatedAt, local), optional: true },
    ],
    json: (r) => (ctx.globals.raw ? r.raw : r.value),
    id: (r) => r.value.id,
    fields: CART_FIELDS,
  };
}

/** The lines of a cart's items, for sheets. */
export function itemLines(items: Cart['items']): string[] {
  if (!items.length) return ['  (no items)'];
  return items.map((i) =>
    safeCell(`  ${String(i.quantity).padStart(3)} × ${i.title ?? `product ${i.productId}`}${i.variantId ? ` (variant ${i.variantId})` : ''}  ${moneyText(i.total)}${i.id ? `  [item ${i.id}]` : ''}`),
  );
}

export function cartSheet(ctx: Context, c: Cart): string {
  const local = ctx.io.stdoutIsTTY && !ctx.globals.utc;
  const lines = [`Cart       ${safeCell(c.id)} on ${c.platform}`];
  if (c.sessionId) lines.push(`Session    ${safeCell(c.sessionId)}`);
  if (c.updatedAt) lines.push(`Updated    ${tableTime(c.updatedAt, local)}`);
  lines.push('Items', ...itemLines(c.items), `Total      ${moneyText(c.total)}`);
  return `${lines.join('\n')}\n`;
}

export function showCart(ctx: Context, got: Got<Cart>): void {
  writeOne(ctx, cartView(ctx), got, (r) => cartSheet(ctx, r.value));
}

/** A line on stderr for people; --quiet leaves only data. */
export function note(ctx: Context, line: string): void {
  if (!ctx.globals.quiet) ctx.io.stderr.write(`${line}\n`);
}

/** What a delete prints: nothing for people (the note says it), an object for scripts. */
export function writeDeleted(ctx: Context, id: string): void {
  const format = chooseFormat(ctx);
  if (format === 'json' || format === 'ndjson') ctx.io.stdout.write(`${JSON.stringify({ id, deleted: true })}\n`);
  else if (format === 'ids') ctx.io.stdout.write(`${id}\n`);
}
