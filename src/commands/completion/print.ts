import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { completionScript } from '../../completion/scripts.js';
import { buildSpec, type Shell } from '../../completion/spec.js';

export async function run(ctx: Context, o: { shell: Shell; program: Command }): Promise<void> {
  ctx.io.stdout.write(completionScript(o.shell, buildSpec(o.program)));
}
