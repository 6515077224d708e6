import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configDir, openConfig } from '../../src/core/config.js';
import { UsageError } from '../../src/core/errors.js';
import { tempConfigDir } from '../support/tmp.js';

let tmp: ReturnType<typeof tempConfigDir>;
afterEach(() => tmp?.remove());

describe('config', () => {
  it('lives in ORDERCTL_CONFIG_DIR, else XDG_CONFIG_HOME/orderctl', () => {
    expect(configDir({ ORDERCTL_CONFIG_DIR: '/tmp/x' })).toBe('/tmp/x');
    expect(configDir({ XDG_CONFIG_HOME: '/home/u/.cfg' })).toBe('/home/u/.cfg/orderctl');
  });

  it('writes the file 0600 in a 0700 folder', async () => {
    tmp = tempConfigDir();
    const dir = path.join(tmp.dir, 'nested');
    const store = await openConfig({ ORDERCTL_CONFIG_DIR: dir });
    await store.save({ currentProfile: 'a', profiles: { a: { platform: 'bigcommerce', storeHash: 'h', token: 't0ken' } } });
    expect(fs.statSync(store.path).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const again = await openConfig({ ORDERCTL_CONFIG_DIR: dir });
    expect(again.data().profiles.a!.token).toBe('t0ken');
  });

  it('reports a corrupt file by name and leaves it untouched', async () => {
    tmp = tempConfigDir();
    const file = path.join(tmp.dir, 'config.json');
    fs.writeFileSync(file, '{"profiles": {"a": ');
    const err = await openConfig({ ORDERCTL_CONFIG_DIR: tmp.dir }).catch((e) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/not valid JSON/);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"profiles": {"a": ');
  });

  it.each([
    ['[]', /not a JSON object/],
    ['{"profiles": []}', /"profiles" is not an object/],
    ['{"profiles": {"a": {"platform": "shopify"}}}', /unknown platform "shopify"/],
    ['{"profiles": {"a": {"platform": "bigcommerce", "token": 5}}}', /token is not a string/],
    ['{"profiles": {"a": {"platform": "bigcommerce", "colour": "x"}}}', /unknown key "colour"/],
  ])('refuses %s with a clear message', async (text, why) => {
    tmp = tempConfigDir();
    fs.writeFileSync(path.join(tmp.dir, 'config.json'), text);
    await expect(openConfig({ ORDERCTL_CONFIG_DIR: tmp.dir })).rejects.toThrow(why);
  });
});
