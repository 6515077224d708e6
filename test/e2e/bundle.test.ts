// The built bundle and how bin/load.js loads it: with V8's code cache when it
// matches, compiled as usual when it does not, and without the Node modules
// that the build leaves to first use. Run `npm run build` first.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, serveSandbox } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLE = path.join(ROOT, 'dist', 'orderctl.cjs');
const cfg = tempConfigDir();
const copies: string[] = [];
afterAll(() => {
  cfg.remove();
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
});

/** What loadCli() says of the cache, in a fresh process (V8 flags and all), for the launcher in `root`. */
function cacheState(root: string): string {
  const load = pathToFileURL(path.join(root, 'bin', 'load.js')).href;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `const { loadCli } = await import(${JSON.stringify(load)}); console.log(loadCli().cache);`], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

/** A copy of bin/ and dist/ whose cache can be spoilt without touching the build. */
function copyOfBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderctl-build-'));
  copies.push(dir);
  fs.cpSync(path.join(ROOT, 'bin'), path.join(dir, 'bin'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  return dir;
}

describe('the bundle', () => {
  it('is loaded with the code cache the build made', () => {
    expect(fs.existsSync(`${BUNDLE}.cache`)).toBe(true);
    expect(cacheState(ROOT)).toBe('used');
  });

  it('runs as usual when the cache does not match, or is missing', () => {
    const dir = copyOfBuild();
    const cache = path.join(dir, 'dist', 'orderctl.cjs.cache');
    fs.writeFileSync(cache, Buffer.alloc(4096, 7));
    expect(cacheState(dir)).toBe('rejected');
    const help = spawnSync(process.execPath, [path.join(dir, 'bin', 'orderctl.js'), '--help'], { encoding: 'utf8', env: { PATH: process.env.PATH, ORDERCTL_CONFIG_DIR: cfg.dir } });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('Usage: orderctl');
    fs.rmSync(cache);
    expect(cacheState(dir)).toBe('none');
  });

  it('is all ASCII, which V8 reads faster', () => {
    const text = fs.readFileSync(BUNDLE, 'latin1');
    expect(/[^\0-\x7f]/.exec(text)).toBeNull();
  });

  it('leaves out the prompts orderctl never asks', () => {
    const text = fs.readFileSync(BUNDLE, 'utf8');
    expect(text).toContain('node_modules/@inquirer/select/');
    expect(text).not.toContain('node_modules/@inquirer/editor/');
    expect(text).not.toContain('node_modules/iconv-lite/');
  });

  it('does not load HTTP/2, TLS or child processes for a request over plain HTTP', async () => {
    const env = { PATH: process.env.PATH, ORDERCTL_CONFIG_DIR: cfg.dir };
    const server = serveSandbox(['--memory', '--orders', '5'], cfg.dir);
    try {
      const baseUrl = (await server.ready).baseUrls.bigcommerce!;
      const config = { currentProfile: 'shop', profiles: { shop: { platform: 'bigcommerce', baseUrl, token: 'sandbox-token' } } };
      fs.writeFileSync(path.join(cfg.dir, 'config.json'), JSON.stringify(config), { mode: 0o600 });
      const preload = path.join(cfg.dir, 'modules.mjs');
      fs.writeFileSync(preload, "process.on('exit', () => process._rawDebug('@@modules ' + process.moduleLoadList.join(',')));\n");
      const r = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, BIN, 'orders', 'get', '100', '-o', 'json'], { encoding: 'utf8', env });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).id).toBe('100');
      const loaded = /@@modules (.*)/.exec(r.stderr)![1]!.split(',');
      expect(loaded).toContain('NativeModule http');
      for (const name of ['http2', 'tls', 'child_process']) expect(loaded).not.toContain(`NativeModule ${name}`);
    } finally {
      await server.stop();
      fs.rmSync(path.join(cfg.dir, 'config.json'), { force: true });
    }
  });
});
