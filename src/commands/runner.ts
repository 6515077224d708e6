// The one type cli.ts and every command group share: how a verb's action is
// wrapped so it gets its Context. It lives below both, so neither imports the other.

import type { Command } from 'commander';
import type { Context } from '../core/context.js';

/** A verb's behaviour, given its Context and its parsed command. */
export type Action = (ctx: Context, cmd: Command) => Promise<void>;

/** Turns an Action into a commander action handler that builds the Context first. */
export type Runner = (action: Action) => (this: Command) => Promise<void>;
