// A file that appears under its name only when complete: written to a temp
// file in the same folder (mode 0600: it holds customer data), fsynced, then
// renamed over the target. Until commit() the old file is untouched; abort(),
// a failed commit, a signal or an exit removes the temp file. A temp file left
// by a killed run (SIGKILL) carries its pid in its name, and the next write in
// that folder removes it once that process is gone.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from './errors.js';

export interface AtomicFile {
  readonly path: string;
  write(chunk: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

const TEMP_SUFFIX = '.orderctl.tmp';
const TEMP_TAIL = /^(\d+)-[0-9a-z]+\.orderctl\.tmp$/;
/** Temp files of this process, removed on exit whatever the path out (a second Ctrl-C exits at once). */
const live = new Set<string>();
let exitHook = false;

function track(temp: string): void {
  live.add(temp);
  if (exitHook) return;
  exitHook = true;
  process.on('exit', () => {
    for (const t of live) {
      try {
        fs.rmSync(t, { force: true });
      } catch {
        // nothing more can be done while exiting
      }
    }
  });
}

/** `.NAME.PID-RANDOM.orderctl-tmp`: the pid tells a later run whether its writer is still alive. */
function tempName(target: string): string {
  const rand = Math.floor(Math.random() * 0x100000000).toString(36);
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${rand}${TEMP_SUFFIX}`);
}

export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is someone else's.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temp files for `target` left by processes that no longer run. */
export async function removeStaleTemps(target: string): Promise<number> {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    // Exactly PID-RANDOM after the name: `.config.json.lock.PID-…` is the lock's temp, not the config's.
    const pid = TEMP_TAIL.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined || processAlive(Number(pid))) continue;
    await fs.promises.rm(path.join(dir, name), { force: true }).catch(() => undefined);
    removed++;
  }
  return removed;
}

/**
 * The mode the finished file gets: an existing file keeps its own (an export
 * onto a 0600 file stays 0600); a new one gets `mode` less the umask.
 */
async function finalMode(target: string, mode: number): Promise<number> {
  try {
    const st = await fs.promises.stat(target);
    if (st.isDirectory()) throw new UsageError(`cannot write ${target}: it is a folder`);
    return st.mode & 0o7777;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return mode & ~process.umask();
    throw err;
  }
}

export async function createAtomicFile(target: string, mode = 0o666): Promise<AtomicFile> {
  const resolved = path.resolve(target);
  const dir = path.dirname(resolved);
  // Checked before anything is downloaded: a folder in the way, or a folder we cannot write to.
  const keepMode = await finalMode(resolved, mode);
  await removeStaleTemps(resolved);
  const temp = tempName(resolved);
  const handle = await fs.promises.open(temp, 'wx', 0o600);
  track(temp);
  let done = false;
  const discard = async () => {
    await handle.close().catch(() => undefined);
    await fs.promises.rm(temp, { force: true }).catch(() => undefined);
    live.delete(temp);
  };
  return {
    path: target,
    async write(chunk) {
      await handle.write(chunk);
    },
    async commit() {
      if (done) return;
      done = true;
      try {
        await handle.chmod(keepMode);
        await handle.sync();
        await handle.close();
        await fs.promises.rename(temp, resolved);
      } catch (err) {
        await discard();
        throw err;
      }
      live.delete(temp);
      // The rename itself must survive a crash: sync the folder too.
      const d = await fs.promises.open(dir, 'r').catch(() => undefined);
      await d?.sync().catch(() => undefined);
      await d?.close();
    },
    async abort() {
      if (done) return;
      done = true;
      await discard();
    },
  };
}

/**
 * Creates a folder and its parents one level at a time. (Node's recursive
 * mkdir loops forever under /proc.) Errors name the folder and exit 2.
 */
export async function ensureDir(dir: string, mode = 0o700): Promise<void> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    try {
      const st = await fs.promises.stat(at);
      if (!st.isDirectory()) throw new UsageError(`cannot use ${dir}: ${at} is not a folder`);
      break;
    } catch (err) {
      if (err instanceof UsageError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw dirError(dir, err);
      const parent = path.dirname(at);
      if (parent === at) throw dirError(dir, err);
      missing.push(at);
      at = parent;
    }
  }
  for (const d of missing.reverse()) {
    try {
      await fs.promises.mkdir(d, { mode });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw dirError(dir, err);
    }
  }
}

function dirError(dir: string, err: unknown): UsageError {
  const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  const why =
    code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EROFS' ? 'read-only file system'
    : code === 'ENOTDIR' ? 'part of the path is not a folder'
    : code === 'ENOENT' ? 'it cannot be created there'
    : code;
  return new UsageError(`cannot create folder ${dir}: ${why}`, { hint: 'set ORDERCTL_CONFIG_DIR to a folder you can write to' });
}

/** Small JSON documents (checkpoints, the config) written whole or not at all, mode 0600. */
export async function writeJsonAtomically(target: string, value: unknown): Promise<void> {
  await ensureDir(path.dirname(target));
  const f = await createAtomicFile(target, 0o600).catch((err: unknown) => {
    throw err instanceof UsageError ? err : new UsageError(`cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  });
  try {
    await f.write(`${JSON.stringify(value, null, 2)}\n`);
    await f.commit();
  } catch (err) {
    await f.abort();
    throw err;
  }
}

/** Where this run holds a lock: pid, host and start time, for the message a waiting run prints. */
export interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export interface FileLock {
  release(): Promise<void>;
}

/**
 * Takes `file` as a lock (created exclusively, holding its owner). A lock whose
 * owner ran on this host and is gone (killed) is taken over. Returns the
 * current owner instead when another live process holds it.
 */
export async function tryLock(file: string): Promise<FileLock | LockOwner> {
  const me: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let tries = 0; tries < 5; tries++) {
    try {
      await linkComplete(file, JSON.stringify(me));
      live.add(file); // removed on exit, like a temp file
      track(file);
      return {
        release: async () => {
          live.delete(file);
          await fs.promises.rm(file, { force: true });
        },
      };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A folder we may not write in (read-only, not ours) is the user's to fix: exit 2, naming it.
      if (code !== 'EEXIST') throw new UsageError(`cannot write in ${path.dirname(file)}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? (err as Error).message)}`);
    }
    const owner = await readOwner(file);
    if (owner && (owner.host !== me.host || processAlive(owner.pid))) return owner;
    if (!owner) {
      // Damaged (a lock is linked in complete): one older than a few seconds is stale.
      const age = await fs.promises.stat(file).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age < 5000) return { pid: 0, host: me.host, since: me.since };
    }
    // The owner is gone: take the lock over. It is renamed away first; if what
    // was renamed is not the dead owner's (another run took it over meanwhile), it goes back.
    const aside = `${file}.${process.pid}.stale`;
    if (await fs.promises.rename(file, aside).then(() => true, () => false)) {
      const moved = await readOwner(aside);
      if (moved && owner && moved.pid !== owner.pid) await fs.promises.link(aside, file).catch(() => undefined);
      await fs.promises.rm(aside, { force: true });
    }
  }
  return (await readOwner(file)) ?? { pid: 0, host: me.host, since: me.since };
}

/**
 * Creates `file` holding `text`, failing with EEXIST if it exists. The text is
 * written to a temp file first and hard-linked in, so no reader ever sees the
 * lock empty: a run that loses the race can always name the one holding it.
 */
async function linkComplete(file: string, text: string): Promise<void> {
  await removeStaleTemps(file);
  const temp = tempName(file);
  track(temp);
  try {
    await fs.promises.writeFile(temp, text, { flag: 'wx', mode: 0o600 });
    try {
      await fs.promises.link(temp, file);
    } catch (err) {
      // A file system without hard links: created exclusively, then written.
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw err;
      const h = await fs.promises.open(file, 'wx', 0o600);
      await h.writeFile(text);
      await h.close();
    }
  } finally {
    live.delete(temp);
    await fs.promises.rm(temp, { force: true }).catch(() => undefined);
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const o = JSON.parse(await fs.promises.readFile(file, 'utf8')) as LockOwner;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? o : undefined;
  } catch {
    return undefined;
  }
}

export function isLock(x: FileLock | LockOwner): x is FileLock {
  return typeof (x as FileLock).release === 'function';
}
