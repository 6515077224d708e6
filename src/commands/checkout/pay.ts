import type { Context } from '../../core/context.js';
import { RefusedError, UsageError } from '../../core/errors.js';
import type { Commerce, Got, PaymentStarted } from '../../platforms/commerce.js';
import { missingForPayment } from '../../platforms/outshifter/rules.js';
import { STARTED_PAYMENT_FIELDS } from '../../output/record-fields.js';
import type { View } from '../../output/view.js';
import { writeOne } from '../../output/writer.js';
import { note, openCommerce } from '../cart/shared.js';
import { describeMissing, gatherInput, merged, promptMissing } from './contact.js';
import { patchFor, withShippingRate } from './shared.js';
import type { UpdateOptions } from './update.js';

// pay takes the flags of update (and --method): one parser serves both.
export { parseOptions } from './update.js';

async function chooseMethod(ctx: Context, commerce: Commerce, given: string | undefined, current: string | null): Promise<string | undefined> {
  if (given) return given;
  if (current) return current;
  if (!ctx.io.canPrompt) return undefined;
  const methods = (await commerce.paymentMethods()).value.map((m) => m.name);
  return methods.length ? (await ctx.prompter()).select('Payment method', methods, methods[0]) : undefined;
}

/**
 * Checks what the API requires before a payment (seed: name, e-mail, shipping,
 * billing, payment method, shipping rate), saves what was given, then starts
 * the payment: the shopper's checkout URL and the pending order.
 */
export async function run(ctx: Context, o: UpdateOptions): Promise<void> {
  const commerce = await openCommerce(ctx, 'checkout', 'checkout');
  const current = (await commerce.getCheckout(o.id)).value;
  if (current.status === 'COMPLETED') throw new RefusedError(`checkout ${o.id} is already paid${current.orderId ? ` (order ${current.orderId})` : ''}`);
  const input = await promptMissing(ctx, current, await gatherInput(ctx, o.contact));
  const method = await chooseMethod(ctx, commerce, o.extras.method, current.paymentMethod);
  const extras = await withShippingRate(ctx, commerce, current, input, { ...o.extras, method });
  const state = { ...merged(current, input), paymentMethod: method ?? null };
  if (extras.shippingRate && !state.shippingRate) state.shippingRate = { code: extras.shippingRate, name: null, price: null };
  const missing = missingForPayment(state);
  if (missing.length) {
    throw new UsageError(`checkout ${o.id} cannot be paid yet: missing ${describeMissing(missing)}`, {
      hint: ctx.io.canPrompt ? undefined : 'give them as flags, or run on a terminal (without --no-input) to be asked',
    });
  }
  const patch = patchFor(input, extras, current);
  if (patch) await commerce.updateCheckout(o.id, patch);
  const contact = { ...state.shippingAddress!, email: state.email };
  const got = await commerce.startPayment(o.id, { method: method!, successUrl: extras.successUrl, cancelUrl: extras.cancelUrl, contact });
  note(ctx, `payment started: order ${got.value.orderId} is pending until the shopper pays`);
  if (/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(got.value.checkoutUrl)) note(ctx, `in the sandbox, pay as the shopper would: orderctl sandbox pay ${o.id}`);
  writeOne(ctx, startedView(ctx), got, (r) => `Pay at     ${r.value.checkoutUrl}\nOrder      ${r.value.orderId} (pending until paid)\n`);
}

function startedView(ctx: Context): View<Got<PaymentStarted>> {
  return {
    columns: [
      { header: 'CHECKOUT', value: (r) => r.value.checkoutId },
      { header: 'ORDER', value: (r) => r.value.orderId },
      { header: 'PAY AT', value: (r) => r.value.checkoutUrl, flex: true },
    ],
    json: (r) => (ctx.globals.raw ? r.raw : { ...r.value, status: 'pending' }),
    id: (r) => r.value.orderId,
    fields: STARTED_PAYMENT_FIELDS,
  };
}
