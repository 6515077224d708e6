// The sandbox state: persisted in one file, written atomically, never
// overwritten when it is corrupt, and reproducible from the seed.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BcOrder } from '../../../src/platforms/bigcommerce/types.js';
import { describeSandbox, resetSandboxState, seedState, startSandbox } from '../../../src/sandbox/server.js';
import { readStateFile, SandboxStore, writeStateFile } from '../../../src/sandbox/store.js';
import { apiFor, NOW } from './support.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderctl-sandbox-'));
  file = path.join(dir, 'nested', 'state.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function serve(o: { seed?: number; orders?: number } = {}) {
  const sandbox = await startSandbox({ statePath: file, seed: o.seed ?? 3, orders: o.orders ?? 20, now: () => NOW });
  const api = apiFor(sandbox.baseUrls.bigcommerce!, sandbox.token);
  return { sandbox, api, close: async () => (await api.close(), await sandbox.close()) };
}

const leftovers = () => fs.readdirSync(path.dirname(file)).filter((f) => f !== 'state.json');

describe('the state file', () => {
  it('is created on first start (mode 0600, whole JSON) and holds the seeded orders', async () => {
    const s = await serve();
    await s.close();
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({ version: 1, seed: 3 });
    expect(saved.platforms.bigcommerce.orders).toHaveLength(20);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(leftovers()).toEqual([]);
  });

  it('keeps changes across restarts, and a later start with another seed loads it as it is', async () => {
    let s = await serve();
    expect((await s.api('PUT', '/orders/103', { staff_notes: 'persist me' })).status).toBe(200);
    expect((await s.api('DELETE', '/orders/104')).status).toBe(204);
    await s.close();
    s = await serve({ seed: 99, orders: 5 });
    expect((await s.api<BcOrder>('GET', '/orders/103')).body.staff_notes).toBe('persist me');
    expect((await s.api<BcOrder>('GET', '/orders/104')).body.is_deleted).toBe(true); // archived, still read
    expect(s.sandbox.store.seed).toBe(3);
    expect(s.sandbox.store.changeCount('bigcommerce', 103)).toBe(1);
    await s.close();
  });

  it('is replaced by rename, never rewritten in place, even under many concurrent changes', async () => {
    const s = await serve();
    // A hard link keeps the old inode: if the file were rewritten in place, the link would change too.
    const link = path.join(dir, 'before.json');
    fs.linkSync(file, link);
    const before = fs.readFileSync(link, 'utf8');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => s.api('PUT', `/orders/${100 + i}`, { staff_notes: `note ${i}` })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(fs.readFileSync(link, 'utf8')).toBe(before);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    const notes = saved.platforms.bigcommerce.orders.map((r: { order: BcOrder }) => r.order.staff_notes);
    expect(notes).toEqual(Array.from({ length: 20 }, (_, i) => `note ${i}`));
    expect(Object.values(saved.platforms.bigcommerce.changes)).toEqual(Array(20).fill(1));
    expect(leftovers()).toEqual([]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    await s.close();
  });

  it('when corrupt, fails the start with an error naming the file, and is left untouched', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    for (const text of ['{"version":1,"seed":', '[]', '{"version":2,"seed":1,"platforms":{}}', '{"version":1,"seed":1,"platforms":{"bigcommerce":{}}}']) {
      fs.writeFileSync(file, text);
      await expect(startSandbox({ statePath: file })).rejects.toThrow(file);
      await expect(describeSandbox(file)).rejects.toThrow(/corrupt/);
      expect(fs.readFileSync(file, 'utf8')).toBe(text);
    }
  });

  it('is not written at all by a memory-only sandbox', async () => {
    const sandbox = await startSandbox({ orders: 3, now: () => NOW });
    const api = apiFor(sandbox.baseUrls.bigcommerce!, sandbox.token);
    expect((await api('PUT', '/orders/100', { staff_notes: 'x' })).status).toBe(200);
    await api.close();
    await sandbox.close();
    expect(sandbox.store.statePath).toBeUndefined();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('reset and describe', () => {
  it('reset writes the same bytes for the same seed, and replaces changed state', async () => {
    await resetSandboxState(file, 9, 12);
    const first = fs.readFileSync(file, 'utf8');
    const s = await serve();
    await s.api('PUT', '/orders/100', { staff_notes: 'changed' });
    await s.close();
    expect(fs.readFileSync(file, 'utf8')).not.toBe(first);
    await resetSandboxState(file, 9, 12);
    expect(fs.readFileSync(file, 'utf8')).toBe(first);
    expect(JSON.parse(first)).toEqual(JSON.parse(JSON.stringify(seedState(9, 12))));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('describes the file: seed and counts per platform', async () => {
    expect(await describeSandbox(file)).toEqual({ file, exists: false, platforms: {} });
    await resetSandboxState(file, 9, 12);
    const s = await serve();
    await s.api('DELETE', '/orders/101');
    await s.close();
    const info = await describeSandbox(file);
    expect(info).toMatchObject({ file, exists: true, seed: 9, version: 1 });
    expect(info.platforms.bigcommerce).toMatchObject({ orders: 11, archived: 1 });
  });
});

describe('SandboxStore', () => {
  it('counts changes per platform and order, and coalesces saves', async () => {
    const store = new SandboxStore({ version: 1, seed: 1, platforms: { demo: { changes: {} } } }, file);
    expect(store.recordChange('demo', 7)).toBe(1);
    expect(store.recordChange('demo', '7')).toBe(2);
    expect(store.changeCount('demo', 7)).toBe(2);
    expect(store.changeCount('other', 7)).toBe(0);
    await Promise.all([store.save(), store.save(), store.save()]);
    expect(await readStateFile(file)).toEqual(store.state);
    expect(() => store.section('missing')).toThrow(/missing/);
  });

  it('writes atomically even when the directory does not exist yet', async () => {
    const deep = path.join(dir, 'a', 'b', 'state.json');
    await writeStateFile(deep, { version: 1, seed: 2, platforms: {} });
    expect(await readStateFile(deep)).toEqual({ version: 1, seed: 2, platforms: {} });
    expect(await readStateFile(path.join(dir, 'absent.json'))).toBeUndefined();
  });
});
