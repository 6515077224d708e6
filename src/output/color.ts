// Colour only when IO says so (TTY, NO_COLOR, --no-color, FORCE_COLOR).

import { Chalk } from 'chalk';
import type { Context } from '../core/context.js';
import type { Tone } from './view.js';

const cache = new WeakMap<Context, InstanceType<typeof Chalk>>();

export function paint(ctx: Context, tone: Tone | 'head', text: string): string {
  if (!ctx.io.colorEnabled) return text;
  let chalk = cache.get(ctx);
  if (!chalk) cache.set(ctx, (chalk = new Chalk({ level: 1 })));
  switch (tone) {
    case 'head':
      return chalk.bold(text);
    case 'good':
      return chalk.green(text);
    case 'bad':
      return chalk.red(text);
    case 'wait':
      return chalk.yellow(text);
    case 'muted':
      return chalk.dim(text);
  }
}
