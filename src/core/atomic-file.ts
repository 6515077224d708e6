// A file that appears under its name only when complete: written to a temp
// file in the same folder, fsynced, then renamed over the target. Until
// commit() the old file is untouched; abort() (or a crash) leaves it as it was.

import fs from 'node:fs';
import path from 'node:path';

export interface AtomicFile {
  readonly path: string;
  write(chunk: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function createAtomicFile(target: string, mode = 0o644): Promise<AtomicFile> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fs.promises.open(temp, 'wx', mode);
  let done = false;
  return {
    path: target,
    async write(chunk) {
      await handle.write(chunk);
    },
    async commit() {
      if (done) return;
      done = true;
      await handle.sync();
      await handle.close();
      await fs.promises.rename(temp, target);
      // The rename itself must survive a crash: sync the folder too.
      const d = await fs.promises.open(dir, 'r').catch(() => undefined);
      await d?.sync().catch(() => undefined);
      await d?.close();
    },
    async abort() {
      if (done) return;
      done = true;
      await handle.close().catch(() => undefined);
      await fs.promises.rm(temp, { force: true });
    },
  };
}

/** Small JSON documents (checkpoints) written whole or not at all. */
export async function writeJsonAtomically(target: string, value: unknown): Promise<void> {
  await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const f = await createAtomicFile(target, 0o600);
  try {
    await f.write(`${JSON.stringify(value, null, 2)}\n`);
    await f.commit();
  } catch (err) {
    await f.abort();
    throw err;
  }
}
