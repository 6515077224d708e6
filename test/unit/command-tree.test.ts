// The command tree is built noun by noun: a run adds the verbs of the nouns its
// command line names, and help reads the same either way.

import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, nounsNamed } from '../../src/cli.js';

const build = (only?: string[]) =>
  buildProgram(() => {
    throw new Error('not run');
  }, only);
const find = (program: Command, name: string) => program.commands.find((c) => c.name() === name)!;

describe('the command tree', () => {
  it('adds the verbs of the nouns a command line names', () => {
    expect(nounsNamed(['orders', 'get', '101'])).toEqual(['orders']);
    expect(nounsNamed(['-o', 'json', 'profile', 'list'])).toEqual(['profile']);
    // An option's value that is a noun's name only adds that noun.
    expect(nounsNamed(['-p', 'cart', 'orders', 'list'])).toEqual(['orders', 'cart']);
    expect(nounsNamed(['--help'])).toEqual([]);
    // Completion scripts describe the whole tree.
    expect(nounsNamed(['completion', 'bash'])).toBeUndefined();
  });

  it('lists every noun, with or without its verbs', () => {
    const lean = build([]);
    const full = build();
    expect(lean.commands.map((c) => c.name())).toEqual(full.commands.map((c) => c.name()));
    expect(lean.helpInformation()).toBe(full.helpInformation());
    expect(find(lean, 'orders').commands).toHaveLength(0);
  });

  it('gives a noun the same verbs and help as the whole tree does', () => {
    const full = build();
    for (const noun of full.commands) {
      const alone = find(build([noun.name()]), noun.name());
      expect(alone.helpInformation(), noun.name()).toBe(noun.helpInformation());
      expect(alone.commands.map((c) => c.helpInformation())).toEqual(noun.commands.map((c) => c.helpInformation()));
    }
  });

  it('shows a subcommand the global flags it inherits, before its examples', () => {
    const leaves: Command[] = [];
    const walk = (cmd: Command) => (cmd.commands.length ? cmd.commands.forEach(walk) : leaves.push(cmd));
    walk(build());
    for (const leaf of leaves) {
      const help = leaf.helpInformation();
      const inherited = help.slice(help.indexOf('Inherited Flags:'));
      expect(help, leaf.name()).toContain('Inherited Flags:');
      for (const flag of ['-y, --yes', '-o, --output <format>', '--dry-run', '--fields <list>', '--no-input']) expect(inherited, `${leaf.name()} ${flag}`).toContain(flag);
      // --version is orderctl's, not the subcommand's.
      expect(help).not.toContain('--version');
    }
    // The root's own flags are its options, not inherited ones.
    expect(build().helpInformation()).not.toContain('Inherited Flags:');
  });
});
