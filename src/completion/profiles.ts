// `orderctl __profiles`: profile names for shell completion, one a line.
// bin/orderctl.js runs this without loading the CLI, so a Tab stays fast.

import fs from 'node:fs';
import path from 'node:path';
import { configDir } from '../core/config.js';

export function profileNames(env: Record<string, string | undefined>): string[] {
  try {
    const data = JSON.parse(fs.readFileSync(path.join(configDir(env), 'config.json'), 'utf8')) as { profiles?: Record<string, unknown> };
    return Object.keys(data.profiles ?? {}).sort();
  } catch {
    return []; // no config, or one we cannot read: nothing to offer
  }
}

export function printProfileNames(): void {
  for (const name of profileNames(process.env)) process.stdout.write(`${name}\n`);
}
