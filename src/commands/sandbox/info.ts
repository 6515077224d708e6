import type { Context } from '../../core/context.js';
import { refuseFormats } from '../../output/formats.js';
import { SANDBOX_INFO_FIELDS } from '../../output/record-fields.js';
import { writeOne } from '../../output/writer.js';
import { jsonPaths } from '../../output/fields.js';
import { statePathFor } from './shared.js';

export async function run(ctx: Context, o: { state?: string }): Promise<void> {
  refuseFormats(ctx, 'sandbox info', { ids: 'it describes the sandbox, which has no id' });
  const { describeSandbox } = await import('../../sandbox/server.js');
  const info = await describeSandbox(await statePathFor(ctx, o.state));
  // CSV: one row, a column per leaf (platforms.bigcommerce.orders, …): the platforms' keys are each dialect's own.
  const view = { columns: [], json: (r: typeof info) => r, id: () => '', fields: SANDBOX_INFO_FIELDS, csvColumns: jsonPaths(info) };
  writeOne(ctx, view, info, (r) => `${JSON.stringify(r, null, 2)}\n`);
}
