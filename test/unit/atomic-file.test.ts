import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { createAtomicFile, ensureDir, isLock, removeStaleTemps, tryLock, type FileLock } from '../../src/core/atomic-file.js';
import { openConfig } from '../../src/core/config.js';
import { UsageError } from '../../src/core/errors.js';
import { tempConfigDir } from '../support/tmp.js';

let tmp: ReturnType<typeof tempConfigDir>;
afterEach(() => tmp?.remove());
const temps = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

it('writes through a 0600 temp file, and keeps an existing file\'s mode', async () => {
  tmp = tempConfigDir();
  const target = path.join(tmp.dir, 'out.csv');
  fs.writeFileSync(target, 'old');
  fs.chmodSync(target, 0o600);
  const f = await createAtomicFile(target);
  const [temp] = temps(tmp.dir);
  expect(fs.statSync(path.join(tmp.dir, temp!)).mode & 0o777).toBe(0o600);
  await f.write('new');
  await f.commit();
  expect(fs.readFileSync(target, 'utf8')).toBe('new');
  expect(fs.statSync(target).mode & 0o777).toBe(0o600);
  expect(temps(tmp.dir)).toEqual([]);
});

it('refuses a folder as the target before writing anything', async () => {
  tmp = tempConfigDir();
  const err = await createAtomicFile(tmp.dir).catch((e) => e);
  expect(err).toBeInstanceOf(UsageError);
  expect(err.message).toMatch(/is a folder/);
});

it('a failed rename leaves no temp file', async () => {
  tmp = tempConfigDir();
  const target = path.join(tmp.dir, 'x.csv');
  const f = await createAtomicFile(target);
  await f.write('data');
  fs.mkdirSync(target); // now a folder is in the way of the rename
  fs.writeFileSync(path.join(target, 'keep'), '');
  await expect(f.commit()).rejects.toThrow();
  expect(temps(tmp.dir)).toEqual([]);
});

it("removes temp files of processes that are gone, not of live ones", async () => {
  tmp = tempConfigDir();
  const target = path.join(tmp.dir, 'x.csv');
  const dead = path.join(tmp.dir, `.x.csv.${2 ** 22 + 17}-abc.orderctl.tmp`);
  const alive = path.join(tmp.dir, `.x.csv.${process.pid}-abc.orderctl.tmp`);
  fs.writeFileSync(dead, 'customer data');
  fs.writeFileSync(alive, 'being written');
  expect(await removeStaleTemps(target)).toBe(1);
  expect(fs.existsSync(dead)).toBe(false);
  expect(fs.existsSync(alive)).toBe(true);
});

it("leaves other files' temps alone, even where one name begins with the other", async () => {
  tmp = tempConfigDir();
  const target = path.join(tmp.dir, 'config.json');
  const lockTemp = path.join(tmp.dir, `.config.json.lock.${process.pid}-abc.orderctl.tmp`);
  const backupTemp = path.join(tmp.dir, `.config.json.bak.${2 ** 22 + 17}-abc.orderctl.tmp`);
  fs.writeFileSync(lockTemp, '{}');
  fs.writeFileSync(backupTemp, '{}');
  expect(await removeStaleTemps(target)).toBe(0);
  expect(fs.existsSync(lockTemp) && fs.existsSync(backupTemp)).toBe(true);
});

it('a config dir that cannot exist is a usage error, and /proc does not spin', async () => {
  await expect(ensureDir('/proc/orderctl-x/y')).rejects.toThrow(/cannot create folder \/proc\/orderctl-x\/y/);
  tmp = tempConfigDir();
  fs.writeFileSync(path.join(tmp.dir, 'file'), '');
  await expect(ensureDir(path.join(tmp.dir, 'file', 'sub'))).rejects.toThrow(/is not a folder/);
  // Reading needs no folder at all.
  const store = await openConfig({ ORDERCTL_CONFIG_DIR: '/proc/orderctl-x' });
  expect(store.data()).toEqual({ profiles: {} });
  await expect(store.update((d) => void (d.currentProfile = 'a'))).rejects.toBeInstanceOf(UsageError);
});

it('parallel read-modify-writes of the config keep every change', async () => {
  tmp = tempConfigDir();
  const stores = await Promise.all(Array.from({ length: 20 }, () => openConfig({ ORDERCTL_CONFIG_DIR: tmp.dir })));
  await Promise.all(stores.map((s, i) => s.update((d) => void (d.profiles[`p${i}`] = { platform: 'bigcommerce', storeHash: 'h' }))));
  const after = await openConfig({ ORDERCTL_CONFIG_DIR: tmp.dir });
  expect(Object.keys(after.data().profiles)).toHaveLength(20);
  expect(fs.readdirSync(tmp.dir)).toEqual(['config.json']);
});

it('a lock file is never seen without its owner, so a run that loses the race can say who holds it', async () => {
  tmp = tempConfigDir();
  const file = path.join(tmp.dir, 'shared.lock');
  // After every file-system step of taking the lock, the lock is absent or complete.
  const seen: string[] = [];
  const check = () => {
    try {
      seen.push(fs.readFileSync(file, 'utf8'));
    } catch {
      // not there yet
    }
  };
  const fsp = fs.promises as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  const spies = ['open', 'writeFile', 'link', 'rename', 'rm'].map((name) => {
    const real = fsp[name]!.bind(fs.promises);
    return vi.spyOn(fsp, name).mockImplementation(async (...args: unknown[]) => {
      const r = await real(...args);
      if (r && typeof (r as { writeFile?: unknown }).writeFile === 'function') check();
      check();
      return r;
    });
  });
  try {
    const lock = await tryLock(file);
    expect(isLock(lock)).toBe(true);
    const other = await tryLock(file);
    expect(other).toMatchObject({ pid: process.pid });
    await (lock as FileLock).release();
  } finally {
    for (const s of spies) s.mockRestore();
  }
  expect(seen.length).toBeGreaterThan(0);
  for (const text of seen) expect(JSON.parse(text)).toMatchObject({ pid: process.pid });
  expect(fs.readdirSync(tmp.dir)).toEqual([]);
});
