import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { completionScript } from '../../completion/scripts.js';
import { buildSpec, type Shell } from '../../completion/spec.js';
import { UsageError } from '../../core/errors.js';

export async function run(ctx: Context, o: { shell: Shell; program: Command }): Promise<void> {
  if (ctx.globals.jq !== undefined) throw new UsageError('--jq filters JSON, and completion prints a shell script');
  ctx.io.stdout.write(completionScript(o.shell, buildSpec(o.program)));
}
