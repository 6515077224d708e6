// What completion needs to know, read from the commander tree itself so the
// scripts never drift from the commands: each command path's subcommands and
// options, which options take a value, and the fixed values some take.

import type { Command } from 'commander';
import { OUTPUT_FORMATS } from '../core/context.js';
import { STATUSES } from '../core/order.js';
import { SUPPORTED_PLATFORMS } from '../platforms/index.js';

import { SHELLS } from './shells.js';

export { SHELLS, type Shell } from './shells.js';

export interface CompletionSpec {
  /** Command path ("" for the top, "orders list") → its subcommands (names and aliases). */
  subcommands: Map<string, string[]>;
  /** Command path → its own options (global ones are under ""). */
  options: Map<string, string[]>;
  /** Every option that takes a value, anywhere. */
  valueOptions: string[];
  /** Option → fixed values ('@profiles' and '@files' are looked up when completing). */
  values: Map<string, string[]>;
  /** Command path → what its positional arguments complete to. */
  args: Map<string, string[]>;
}

const PROFILES = '@profiles';
const FILES = '@files';

// Values by option name, the same in every command.
function valuesFor(long: string, choices: readonly string[] | undefined): string[] | undefined {
  if (choices?.length) return [...choices];
  switch (long) {
    case '--output':
      return [...OUTPUT_FORMATS];
    case '--platform':
      return [...SUPPORTED_PLATFORMS];
    case '--status':
    case '--set':
      return [...STATUSES];
    case '--profile':
      return [PROFILES];
    case '--file':
    case '--state':
      return [FILES];
    default:
      return undefined;
  }
}

// Positional arguments that complete to something known.
function argsFor(path: string): string[] | undefined {
  if (/^profile (show|use|remove|rm|test)$/.test(path)) return [PROFILES];
  if (path === 'completion') return [...SHELLS];
  return undefined;
}

export function buildSpec(program: Command): CompletionSpec {
  const spec: CompletionSpec = { subcommands: new Map(), options: new Map(), valueOptions: [], values: new Map(), args: new Map() };
  const valueOptions = new Set<string>();
  const walk = (cmd: Command, path: string) => {
    const visible = cmd.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);
    if (visible.length) spec.subcommands.set(path, visible.flatMap((c) => [c.name(), ...c.aliases()]));
    const flags: string[] = [];
    for (const opt of cmd.options) {
      if (opt.hidden) continue;
      const names = [opt.long, opt.short].filter((n): n is string => Boolean(n));
      flags.push(...names);
      if (opt.required || opt.optional) {
        names.forEach((n) => valueOptions.add(n));
        const values = valuesFor(opt.long ?? '', opt.argChoices);
        if (values) names.forEach((n) => spec.values.set(n, values));
      }
    }
    if (path === '') flags.push('--help', '--version');
    else flags.push('--help');
    spec.options.set(path, [...new Set(flags)]);
    const args = argsFor(path);
    if (args) spec.args.set(path, args);
    for (const c of visible) for (const name of [c.name(), ...c.aliases()]) walk(c, path ? `${path} ${name}` : name);
  };
  walk(program, '');
  spec.valueOptions = [...valueOptions].sort();
  return spec;
}
