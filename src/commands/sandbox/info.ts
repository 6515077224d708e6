import type { Context } from '../../core/context.js';
import { writeOne } from '../../output/writer.js';
import { statePathFor } from './shared.js';

export async function run(ctx: Context, o: { state?: string }): Promise<void> {
  const { describeSandbox } = await import('../../sandbox/server.js');
  const info = await describeSandbox(await statePathFor(ctx, o.state));
  writeOne(ctx, { columns: [], json: (r) => r, id: () => '' }, info, (r) => `${JSON.stringify(r, null, 2)}\n`);
}
