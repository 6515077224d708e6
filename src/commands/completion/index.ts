// `orderctl completion bash|zsh|fish`: prints the completion script.

import { Argument, type Command } from 'commander';
import type { Runner } from '../runner.js';
import { SHELLS } from '../../completion/shells.js';

export function registerCompletion(program: Command, run: Runner): void {
  program
    .command('completion')
    .description('print the shell completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .addHelpText(
      'after',
      '\nExamples:\n  orderctl completion bash > ~/.local/share/bash-completion/completions/orderctl\n  orderctl completion zsh > ~/.zfunc/_orderctl\n  orderctl completion fish > ~/.config/fish/completions/orderctl.fish',
    )
    .action(
      run(async (ctx, cmd) => {
        const { run: print } = await import('./print.js');
        let root = cmd;
        while (root.parent) root = root.parent;
        await print(ctx, { shell: cmd.args[0] as (typeof SHELLS)[number], program: root });
      }),
    );
}
