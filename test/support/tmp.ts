import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openConfig, type ConfigStore } from '../../src/core/config.js';

/** A fresh config dir for a test; removed by remove(). */
export function tempConfigDir(): { dir: string; remove(): void; open(): Promise<ConfigStore> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderctl-test-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }), open: () => openConfig({ ORDERCTL_CONFIG_DIR: dir }) };
}
