// Export checkpoints: where the last successful `orders export --checkpoint
// NAME` got to, in the config dir (checkpoints/NAME.json). Written atomically,
// under the checkpoint's lock, and only after the export file is in place, so
// a failed run never moves them.
//
// One file keeps ONE POSITION PER STORE, keyed by the store's identity
// (platform and API root, `storeKey`), so a run over several stores
// (`-p a,b --checkpoint N`) resumes each where it was:
//
//   { "version": 2, "name": "nightly",
//     "stores": { "bigcommerce https://api.bigcommerce.com/stores/abc/v2": StorePosition, … } }
//
// The API, for one store or many:
//   const lock = await lockCheckpoint(dir, name);        // refuses (exit 1) while another run holds it
//   const cp = await readCheckpoint(dir, name);          // undefined: never written; old files migrated
//   requireStores(cp, name, [storeA, storeB]);           // exit 2 if it was made for other stores
//   const pos = positionFor(cp, storeA);                 // undefined: this store's first run
//   … export …
//   await writeCheckpoint(dir, withPositions(cp, name, [posA, posB]));  // every store at once, atomically
//   await lock.release();
//
// A version 1 file (one store, no API root) is read as a position that any
// store of its platform may take over; the next write records the API root.

import fs from 'node:fs';
import path from 'node:path';
import { ApiError, UsageError } from './errors.js';
import { ensureDir, isLock, tryLock, writeJsonAtomically, type FileLock } from './atomic-file.js';

/** Which store a position belongs to. A sandbox has the API root "sandbox" (its port changes every run). */
export interface StoreIdentity {
  platform: string;
  apiRoot: string;
}

export interface StorePosition extends StoreIdentity {
  /** The profile that last ran it (for --show; the identity is platform + API root). */
  profile: string;
  /**
   * Where the next run starts, before the overlap: the earlier of the moment
   * the run began and the newest change it exported. A change made while the
   * run was reading (behind its page, on a platform paged by id) is then
   * fetched by the next run; a shop whose orders carry no modification time
   * still moves forward.
   */
  resumeFrom: string | null;
  /** The latest modification time exported (ISO 8601 UTC), null when the orders carry none. */
  highWater: string | null;
  /** Versions already written that the next run will fetch again: id → "updatedAt#digest". */
  seen: Record<string, string>;
  startedAt: string;
  completedAt: string;
  exported: number;
  file: string;
}

export interface CheckpointFile {
  version: 2;
  name: string;
  stores: Record<string, StorePosition>;
}

/** The version 1 shape (one store per file, no API root). */
interface LegacyCheckpoint {
  name: string;
  platform: string;
  profile: string;
  highWater: string | null;
  seen: Record<string, string>;
  completedAt: string;
  exported: number;
  file: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** The API root of a migrated version 1 position, which any store of its platform may claim. */
const UNKNOWN_ROOT = '';

export function storeKey(s: StoreIdentity): string {
  return `${s.platform} ${s.apiRoot}`;
}

export function describeStore(s: StoreIdentity): string {
  return s.apiRoot === UNKNOWN_ROOT ? s.platform : `${s.platform} ${s.apiRoot}`;
}

export function checkpointPath(configDir: string, name: string): string {
  if (!NAME.test(name)) throw new UsageError(`invalid checkpoint name "${name}": use letters, digits, ".", "_" and "-"`);
  return path.join(configDir, 'checkpoints', `${name}.json`);
}

export async function readCheckpoint(configDir: string, name: string): Promise<CheckpointFile | undefined> {
  const file = checkpointPath(configDir, name);
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new UsageError(`cannot read checkpoint file ${file}: ${code ?? (err as Error).message}`);
  }
  const damaged = () =>
    new UsageError(`checkpoint file ${file} is damaged`, { hint: `remove it with "orderctl orders export --checkpoint ${name} --reset" (the next run exports everything)` });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw damaged();
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw damaged();
  const obj = raw as Record<string, unknown>;
  if (obj.version === 2) {
    const stores = obj.stores;
    if (typeof stores !== 'object' || stores === null || Array.isArray(stores)) throw damaged();
    for (const p of Object.values(stores)) if (!validPosition(p)) throw damaged();
    return { version: 2, name, stores: stores as Record<string, StorePosition> };
  }
  // Version 1: one store, known only by its platform.
  const old = obj as unknown as LegacyCheckpoint;
  if (typeof old.platform !== 'string' || typeof old.seen !== 'object' || old.seen === null) throw damaged();
  const position: StorePosition = {
    platform: old.platform,
    apiRoot: UNKNOWN_ROOT,
    profile: String(old.profile ?? ''),
    // Version 1 resumed from its high-water mark: the same start, now.
    resumeFrom: old.highWater ?? null,
    highWater: old.highWater ?? null,
    seen: old.seen,
    startedAt: old.completedAt,
    completedAt: old.completedAt,
    exported: old.exported,
    file: old.file,
  };
  return { version: 2, name, stores: { [storeKey(position)]: position } };
}

function validPosition(p: unknown): p is StorePosition {
  if (typeof p !== 'object' || p === null) return false;
  const o = p as Record<string, unknown>;
  return typeof o.platform === 'string' && typeof o.apiRoot === 'string' && typeof o.seen === 'object' && o.seen !== null;
}

/** This store's position: its own, or a migrated version 1 one of the same platform. */
export function positionFor(cp: CheckpointFile | undefined, store: StoreIdentity): StorePosition | undefined {
  if (!cp) return undefined;
  return cp.stores[storeKey(store)] ?? cp.stores[storeKey({ platform: store.platform, apiRoot: UNKNOWN_ROOT })];
}

/**
 * A checkpoint belongs to the stores it was made for: a run over a store it
 * has no position for is refused (exit 2) before anything is fetched.
 */
export function requireStores(cp: CheckpointFile | undefined, name: string, stores: StoreIdentity[]): void {
  if (!cp || Object.keys(cp.stores).length === 0) return;
  const stranger = stores.find((s) => !positionFor(cp, s));
  if (!stranger) return;
  const known = Object.values(cp.stores).map(describeStore).join(', ');
  throw new UsageError(`checkpoint "${name}" belongs to ${known}, not ${describeStore(stranger)}`, {
    hint: 'use another --checkpoint name for this store, or --reset this one',
  });
}

/** The file with these stores' positions replaced (a migrated version 1 position gives way to its store's). */
export function withPositions(cp: CheckpointFile | undefined, name: string, positions: StorePosition[]): CheckpointFile {
  const stores: Record<string, StorePosition> = { ...cp?.stores };
  for (const p of positions) {
    delete stores[storeKey({ platform: p.platform, apiRoot: UNKNOWN_ROOT })];
    stores[storeKey(p)] = p;
  }
  return { version: 2, name, stores };
}

export async function writeCheckpoint(configDir: string, cp: CheckpointFile): Promise<void> {
  await writeJsonAtomically(checkpointPath(configDir, cp.name), cp);
}

/**
 * Holds the checkpoint for one run. A second run with the same checkpoint is
 * refused at once (exit 1) rather than exporting the same orders again; a lock
 * left by a run that was killed is taken over.
 */
export async function lockCheckpoint(configDir: string, name: string): Promise<FileLock> {
  const file = `${checkpointPath(configDir, name)}.lock`;
  await ensureDir(path.dirname(file));
  const got = await tryLock(file);
  if (isLock(got)) return got;
  throw new ApiError(`checkpoint "${name}" is in use by another export${got.pid ? ` (pid ${got.pid} on ${got.host}, since ${got.since})` : ''}`, {
    code: 'checkpoint_busy',
    hint: 'wait for that run to finish; a lock left by a killed run is taken over automatically',
  });
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
