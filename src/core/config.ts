// Profiles live in one JSON file (config.json) in the config dir, written
// atomically with mode 0600 in a 0700 folder, under a lock. A file we cannot
// read is reported with its path and never overwritten.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PLATFORMS, type Platform } from './order.js';
import { ApiError, UsageError } from './errors.js';
import { ensureDir, isLock, tryLock, writeJsonAtomically } from './atomic-file.js';

export interface Profile {
  platform: Platform;
  baseUrl?: string;
  storeHash?: string;
  username?: string;
  storefront?: string;
  /** ISO 4217 code of the shop's amounts, for APIs that do not send one (CS-Cart's primary currency). */
  currency?: string;
  /** Outshifter: settings that override a guess about its API (src/platforms/outshifter/guesses.ts). */
  cancelItemUrl?: string;
  listRequest?: string;
  statusMap?: string;
  shippingRateField?: string;
  klarnaOrderField?: string;
  token?: string;
}

export interface ConfigData {
  currentProfile?: string;
  profiles: Record<string, Profile>;
}

export interface ConfigStore {
  readonly dir: string;
  readonly path: string;
  data(): ConfigData;
  /** Replaces the whole file (atomically, 0600, under the config lock). */
  save(data: ConfigData): Promise<void>;
  /** Read-modify-write under the config lock, from the file as it is now: what every command that changes profiles uses. */
  update(change: (data: ConfigData) => ConfigData | void): Promise<ConfigData>;
}

export function configDir(env: Record<string, string | undefined>): string {
  if (env.ORDERCTL_CONFIG_DIR) return path.resolve(env.ORDERCTL_CONFIG_DIR);
  const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'orderctl');
}

const PROFILE_KEYS = new Set(['platform', 'baseUrl', 'storeHash', 'username', 'storefront', 'currency', 'cancelItemUrl', 'listRequest', 'statusMap', 'shippingRateField', 'klarnaOrderField', 'token']);

/** Checks the shape of what was read, so a hand-edited file gives a clear message. */
export function validateConfig(raw: unknown, file: string): ConfigData {
  const bad = (why: string) =>
    new UsageError(`config file ${file} is invalid: ${why}`, { hint: 'fix or remove the file; orderctl will not overwrite it' });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw bad('it is not a JSON object');
  const obj = raw as Record<string, unknown>;
  const profiles = obj.profiles ?? {};
  if (typeof profiles !== 'object' || profiles === null || Array.isArray(profiles)) throw bad('"profiles" is not an object');
  for (const [name, p] of Object.entries(profiles as Record<string, unknown>)) {
    if (typeof p !== 'object' || p === null || Array.isArray(p)) throw bad(`profile "${name}" is not an object`);
    const prof = p as Record<string, unknown>;
    if (!PLATFORMS.includes(prof.platform as Platform)) {
      throw bad(`profile "${name}" has unknown platform ${JSON.stringify(prof.platform)} (known: ${PLATFORMS.join(', ')})`);
    }
    for (const [k, v] of Object.entries(prof)) {
      if (!PROFILE_KEYS.has(k)) throw bad(`profile "${name}" has unknown key "${k}"`);
      if (typeof v !== 'string') throw bad(`profile "${name}".${k} is not a string`);
    }
  }
  if (obj.currentProfile !== undefined && typeof obj.currentProfile !== 'string') throw bad('"currentProfile" is not a string');
  return { currentProfile: obj.currentProfile as string | undefined, profiles: profiles as Record<string, Profile> };
}

/** The file-backed store. Reading needs nothing but the file: the folder is created on the first write. */
export async function openConfig(env: Record<string, string | undefined>): Promise<ConfigStore> {
  const dir = configDir(env);
  const file = path.join(dir, 'config.json');
  let data = readConfigFile(file);
  return {
    dir,
    path: file,
    data: () => structuredClone(data),
    async save(next) {
      await withConfigLock(dir, () => writeJsonAtomically(file, fileShape(next)));
      data = structuredClone(next);
    },
    async update(change) {
      return withConfigLock(dir, async () => {
        // Read again under the lock: another run may have written since this one started.
        const fresh = readConfigFile(file);
        const next = change(fresh) ?? fresh;
        await writeJsonAtomically(file, fileShape(next));
        data = structuredClone(next);
        return structuredClone(next);
      });
    },
  };
}

function fileShape(next: ConfigData): ConfigData {
  return { ...(next.currentProfile ? { currentProfile: next.currentProfile } : {}), profiles: next.profiles };
}

/** Parses the file ourselves, so a corrupt file is reported, never replaced. */
function readConfigFile(file: string): ConfigData {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { profiles: {} };
    throw new UsageError(`cannot read config file ${file}: ${code ?? (err as Error).message}`, { hint: 'check ORDERCTL_CONFIG_DIR and the file\'s permissions' });
  }
  if (text.trim() === '') return { profiles: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`config file ${file} is not valid JSON (${(err as Error).message})`, {
      hint: 'fix or remove the file; orderctl will not overwrite it',
    });
  }
  return validateConfig(raw, file);
}

const LOCK_WAIT_MS = 10_000;

/**
 * Every read-modify-write of the config runs under config.json.lock: twenty
 * `profile add` at once keep twenty profiles. A writer waits its turn (a
 * write takes milliseconds); a lock left by a killed run is taken over.
 */
async function withConfigLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  await ensureDir(dir);
  const file = path.join(dir, 'config.json.lock');
  const started = Date.now();
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    const got = await tryLock(file);
    if (isLock(got)) {
      try {
        return await fn();
      } finally {
        await got.release();
      }
    }
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw new ApiError(`the config file is locked by another orderctl${got.pid ? ` (pid ${got.pid})` : ''}`, { hint: `if no orderctl is running, remove ${file}` });
    }
    await new Promise((r) => setTimeout(r, delay + Math.floor(Math.random() * delay)));
  }
}

/** An in-memory store for tests of commands that change config. */
export function memoryConfig(initial: ConfigData = { profiles: {} }, dir = '/nonexistent/orderctl'): ConfigStore {
  let data = structuredClone(initial);
  return {
    dir,
    path: path.join(dir, 'config.json'),
    data: () => structuredClone(data),
    save: async (next) => {
      data = structuredClone(next);
    },
    update: async (change) => {
      const d = structuredClone(data);
      data = change(d) ?? d;
      return structuredClone(data);
    },
  };
}
