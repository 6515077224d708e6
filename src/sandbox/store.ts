// The sandbox's state: one JSON object, one file, written atomically (temp
// file in the same directory, fsync, rename) so a crash or Ctrl-C never leaves
// half a file behind. Each platform dialect owns one section of it; the store
// only knows that every section counts changes per order.

import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';

export const STATE_VERSION = 1;

/** What every platform section has; the rest of it belongs to the platform's dialect. */
export interface PlatformSection {
  /** Mutations per order id (PUT, DELETE, shipments…), for bulk-operation tests. */
  changes: Record<string, number>;
}

export interface SandboxState {
  version: typeof STATE_VERSION;
  seed: number;
  platforms: Record<string, PlatformSection>;
}

export function emptyState(seed: number): SandboxState {
  return { version: STATE_VERSION, seed, platforms: {} };
}

export class SandboxStore {
  private chain: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;

  /** statePath absent: memory only. */
  constructor(
    readonly state: SandboxState,
    readonly statePath?: string,
  ) {}

  get seed(): number {
    return this.state.seed;
  }

  has(platform: string): boolean {
    return platform in this.state.platforms;
  }

  section<T extends PlatformSection>(platform: string): T {
    const s = this.state.platforms[platform];
    if (!s) throw new Error(`the sandbox state has no "${platform}" section`);
    return s as T;
  }

  setSection(platform: string, section: PlatformSection): void {
    this.state.platforms[platform] = section;
  }

  /** Counts one mutation of an order; returns the new count. */
  recordChange(platform: string, orderId: string | number): number {
    const changes = this.section(platform).changes;
    const key = String(orderId);
    changes[key] = (changes[key] ?? 0) + 1;
    return changes[key];
  }

  changeCount(platform: string, orderId: string | number): number {
    return this.state.platforms[platform]?.changes[String(orderId)] ?? 0;
  }

  /**
   * Persists the state. Saves run one at a time; a save requested while one is
   * waiting to start joins it (that one will serialize the newest state), so a
   * burst of mutations costs one write, and the promise only resolves once the
   * caller's change is on disk.
   */
  save(): Promise<void> {
    const file = this.statePath;
    if (!file) return Promise.resolve();
    if (this.queued) return this.queued;
    const run = this.chain.then(() => {
      this.queued = undefined;
      return writeStateFile(file, this.state);
    });
    this.queued = run;
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Waits for every save requested so far. */
  flush(): Promise<void> {
    return this.chain;
  }
}

/** The state in a file: undefined when there is no file; an Error naming the file when it is not a sandbox state. */
export async function readStateFile(file: string): Promise<SandboxState | undefined> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read the sandbox state file ${file}: ${(err as Error).message}`, { cause: err });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw corrupt(file, `not valid JSON: ${(err as Error).message}`);
  }
  const problem = checkState(parsed);
  if (problem) throw corrupt(file, problem);
  return parsed as SandboxState;
}

function corrupt(file: string, why: string): Error {
  return new Error(`the sandbox state file ${file} is corrupt (${why}); it was left untouched: move it away, or run "orderctl sandbox reset --state ${file}" to replace it`);
}

function checkState(v: unknown): string | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'not a JSON object';
  const s = v as Partial<SandboxState>;
  if (s.version !== STATE_VERSION) return `version ${JSON.stringify(s.version)}, expected ${STATE_VERSION}`;
  if (typeof s.seed !== 'number' || !Number.isInteger(s.seed)) return 'no integer "seed"';
  if (!s.platforms || typeof s.platforms !== 'object' || Array.isArray(s.platforms)) return 'no "platforms" object';
  for (const [name, section] of Object.entries(s.platforms)) {
    if (!section || typeof section !== 'object' || !section.changes || typeof section.changes !== 'object') return `platform "${name}" has no "changes" object`;
  }
  return undefined;
}

/** Writes the whole state atomically with file mode 0600 (it holds customer data, even if fake). */
export async function writeStateFile(file: string, state: SandboxState): Promise<void> {
  const data = `${JSON.stringify(state)}\n`;
  const dir = path.dirname(file);
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fh = await fsp.open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(data, 'utf8');
      await fh.chmod(0o600); // the umask can only remove bits, but make it explicit
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fsp.rename(tmp, file);
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw err;
  }
  await syncDir(dir);
}

/** Makes the rename itself durable; not every platform lets a directory be fsync'ed. */
async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await fsp.open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // best effort (e.g. Windows)
  }
}
