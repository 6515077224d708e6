import type { Context } from '../../core/context.js';
import { refuseFormats } from '../../output/formats.js';
import { SANDBOX_INFO_FIELDS } from '../../output/record-fields.js';
import { writeOne } from '../../output/writer.js';
import { statePathFor } from './shared.js';

export async function run(ctx: Context, o: { state?: string }): Promise<void> {
  refuseFormats(ctx, 'sandbox info', { csv: 'it is one nested record, not rows', ids: 'it describes the sandbox, which has no id' });
  const { describeSandbox } = await import('../../sandbox/server.js');
  const info = await describeSandbox(await statePathFor(ctx, o.state));
  writeOne(ctx, { columns: [], json: (r) => r, id: () => '', fields: SANDBOX_INFO_FIELDS }, info, (r) => `${JSON.stringify(r, null, 2)}\n`);
}
