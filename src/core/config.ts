// Profiles live in one JSON file (config.json) in the config dir, written by
// `conf` (atomic writes) with mode 0600 in a 0700 folder. A file we cannot
// read is reported with its path and never overwritten.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PLATFORMS, type Platform } from './order.js';
import { UsageError } from './errors.js';

export interface Profile {
  platform: Platform;
  baseUrl?: string;
  storeHash?: string;
  username?: string;
  storefront?: string;
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
  /** Writes the file (atomically, 0600); conf loads here, so reading config stays cheap. */
  save(data: ConfigData): Promise<void>;
}

export function configDir(env: Record<string, string | undefined>): string {
  if (env.ORDERCTL_CONFIG_DIR) return path.resolve(env.ORDERCTL_CONFIG_DIR);
  const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'orderctl');
}

const PROFILE_KEYS = new Set(['platform', 'baseUrl', 'storeHash', 'username', 'storefront', 'token']);

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

/** The file-backed store. `conf` is imported here only, when a command first needs config. */
export async function openConfig(env: Record<string, string | undefined>): Promise<ConfigStore> {
  const dir = configDir(env);
  const file = path.join(dir, 'config.json');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  let text: string | undefined;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new UsageError(`cannot read config file ${file}: ${(err as Error).message}`);
    }
  }
  // Parse ourselves first so a corrupt file is reported, not replaced.
  let data: ConfigData = { profiles: {} };
  if (text !== undefined && text.trim() !== '') {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new UsageError(`config file ${file} is not valid JSON (${(err as Error).message})`, {
        hint: 'fix or remove the file; orderctl will not overwrite it',
      });
    }
    data = validateConfig(raw, file);
  }
  let conf: { store: Record<string, unknown> } | undefined;
  return {
    dir,
    path: file,
    data: () => structuredClone(data),
    async save(next) {
      const { default: Conf } = await import('conf');
      conf ??= new Conf<Record<string, unknown>>({
        cwd: dir,
        configName: 'config',
        configFileMode: 0o600,
        clearInvalidConfig: false,
        accessPropertiesByDotNotation: false,
      });
      conf.store = { ...(next.currentProfile ? { currentProfile: next.currentProfile } : {}), profiles: next.profiles };
      // conf only applies the mode when it creates the file.
      fs.chmodSync(file, 0o600);
      data = structuredClone(next);
    },
  };
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
  };
}
