// Every command's help ends with examples (a test walks the tree to check).

import type { Command } from 'commander';

export function examples(cmd: Command, lines: string[]): Command {
  return cmd.addHelpText('after', `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}`);
}
