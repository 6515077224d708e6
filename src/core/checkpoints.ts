// Export checkpoints: where the last successful `orders export --checkpoint
// NAME` got to, kept in the config dir. Written atomically and only after the
// export file is in place, so a failed run never moves them.

import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';
import { writeJsonAtomically } from './atomic-file.js';

export interface Checkpoint {
  name: string;
  platform: string;
  profile: string;
  /** The latest modification time exported (ISO 8601 UTC). */
  highWater: string | null;
  /** Orders seen near the high-water mark, with the version written: id → "updatedAt#digest". */
  seen: Record<string, string>;
  /** When the run that wrote this finished. */
  completedAt: string;
  exported: number;
  file: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export function checkpointPath(configDir: string, name: string): string {
  if (!NAME.test(name)) throw new UsageError(`invalid checkpoint name "${name}": use letters, digits, ".", "_" and "-"`);
  return path.join(configDir, 'checkpoints', `${name}.json`);
}

export async function readCheckpoint(configDir: string, name: string): Promise<Checkpoint | undefined> {
  const file = checkpointPath(configDir, name);
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const cp = JSON.parse(text) as Checkpoint;
    if (typeof cp !== 'object' || cp === null || typeof cp.seen !== 'object') throw new Error('bad shape');
    return cp;
  } catch {
    throw new UsageError(`checkpoint file ${file} is damaged`, { hint: `remove it with "orderctl orders export --checkpoint ${name} --reset" (the next run exports everything)` });
  }
}

export async function writeCheckpoint(configDir: string, cp: Checkpoint): Promise<void> {
  await writeJsonAtomically(checkpointPath(configDir, cp.name), cp);
}

export async function removeCheckpoint(configDir: string, name: string): Promise<boolean> {
  const file = checkpointPath(configDir, name);
  try {
    await fs.promises.rm(file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}
