import type { Context } from '../../core/context.js';
import { countryProblem } from '../../core/contact.js';
import { UsageError } from '../../core/errors.js';
import type { Got, Quote } from '../../platforms/commerce.js';
import { QUOTE_FIELDS } from '../../output/record-fields.js';
import type { View } from '../../output/view.js';
import { writeOne } from '../../output/writer.js';
import { moneyText, openCommerce, parseQuoteItem } from '../cart/shared.js';

export interface QuoteOptions {
  items: Array<{ productId: string; quantity: number }>;
  country: string;
  currency: string;
}

export function parseOptions(flags: Record<string, unknown>): QuoteOptions {
  const specs = (flags.item as string[] | undefined) ?? [];
  if (!specs.length) throw new UsageError('no items given', { hint: 'name the products with --item PRODUCT[:QTY] (repeatable)' });
  const country = String(flags.country).toUpperCase();
  if (countryProblem(country)) throw new UsageError(`--country: ${countryProblem(String(flags.country))}`);
  const currency = String(flags.currency).toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new UsageError(`invalid --currency "${String(flags.currency)}": an ISO 4217 code such as NOK`);
  return { items: specs.map(parseQuoteItem), country, currency };
}

export async function run(ctx: Context, o: QuoteOptions): Promise<void> {
  const got = await (await openCommerce(ctx, 'shipping', 'shipping quote')).shippingQuote(o);
  const view: View<Got<Quote>> = {
    columns: [
      { header: 'SERVICE', value: (r) => r.value.serviceName },
      { header: 'DESCRIPTION', value: (r) => r.value.description ?? '', flex: true, optional: true },
      { header: 'CODE', value: (r) => r.value.serviceCode },
      { header: 'TOTAL', value: (r) => moneyText(r.value.total), align: 'right' },
    ],
    json: (r) => (ctx.globals.raw ? r.raw : r.value),
    id: (r) => r.value.serviceCode,
    fields: QUOTE_FIELDS,
  };
  writeOne(ctx, view, got);
}
