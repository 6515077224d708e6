// profile commands in-process, with a memory config and scripted prompts.
import { describe, expect, it } from 'vitest';
import { memoryConfig } from '../../../src/core/config.js';
import { runCommand } from '../../support/context.js';
import { tempConfigDir } from '../../support/tmp.js';

describe('profile add', () => {
  it('stores a profile from --token-stdin and makes the first one current', async () => {
    const config = memoryConfig();
    const r = await runCommand(['profile', 'add', 'shop', '--platform', 'bigcommerce', '--store-hash', 'abc', '--token-stdin'], { config, io: { stdin: 'tok-12345678\n' } });
    expect(r.code).toBe(0);
    expect(r.err).toBe('added profile shop (current)\n');
    expect(config.data()).toEqual({ currentProfile: 'shop', profiles: { shop: { platform: 'bigcommerce', storeHash: 'abc', token: 'tok-12345678' } } });
  });

  it('stores --currency as an ISO code, read back from the file; refuses anything else', async () => {
    const tmp = tempConfigDir();
    try {
      const r = await runCommand(['profile', 'add', 'shop', '--platform', 'cscart', '--base-url', 'https://shop.example.com/api', '--username', 'a@example.com', '--currency', 'eur'], { config: await tmp.open(), env: { ORDERCTL_TOKEN: 'k' } });
      expect(r.code, r.err).toBe(0);
      expect((await tmp.open()).data().profiles.shop!.currency).toBe('EUR');
      const shown = await runCommand(['profile', 'show', 'shop', '-o', 'json'], { config: await tmp.open() });
      expect(JSON.parse(shown.out).currency).toBe('EUR');
      const bad = await runCommand(['profile', 'add', 'other', '--platform', 'cscart', '--base-url', 'https://shop.example.com/api', '--username', 'a@example.com', '--currency', 'euro'], { config: await tmp.open() });
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/invalid --currency "EURO": use an ISO 4217 code/);
    } finally {
      tmp.remove();
    }
  });

  it('takes the secret from ORDERCTL_TOKEN', async () => {
    const config = memoryConfig();
    await runCommand(['profile', 'add', 'shop', '--platform', 'bigcommerce', '--store-hash', 'abc'], { config, env: { ORDERCTL_TOKEN: 'env-token-1' } });
    expect(config.data().profiles.shop!.token).toBe('env-token-1');
  });

  it('asks for the secret with a hidden prompt on a terminal', async () => {
    const config = memoryConfig();
    const r = await runCommand(['profile', 'add', 'shop', '--platform', 'bigcommerce', '--store-hash', 'abc'], {
      config,
      io: { canPrompt: true, stdinIsTTY: true, stderrIsTTY: true },
      answers: ['typed-secret'],
    });
    expect(r.code).toBe(0);
    expect(config.data().profiles.shop!.token).toBe('typed-secret');
  });

  it('never prompts without a terminal; the profile is stored without a secret', async () => {
    const config = memoryConfig();
    const r = await runCommand(['profile', 'add', 'shop', '--platform', 'bigcommerce', '--store-hash', 'abc'], { config });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/no token stored/);
    expect(config.data().profiles.shop!.token).toBeUndefined();
  });

  it.each([
    [['--platform', 'bigcommerce'], /needs --store-hash/],
    [['--platform', 'magento', '--store-hash', 'x'], /unknown or unsupported platform "magento"/],
    [['--platform', 'bigcommerce', '--store-hash', 'x', '--base-url', 'http://shop.example.com/api'], /refusing plain http/],
    [['--platform', 'bigcommerce', '--store-hash', 'x', '--base-url', 'not a url'], /invalid base URL/],
  ])('refuses %j', async (flags, why) => {
    const config = memoryConfig();
    const r = await runCommand(['profile', 'add', 'shop', ...flags, '--token-stdin'], { config, io: { stdin: 'tok' } });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(why);
    expect(config.data().profiles).toEqual({});
  });

  it('refuses an empty --token-stdin', async () => {
    const r = await runCommand(['profile', 'add', 'shop', '--platform', 'bigcommerce', '--store-hash', 'x', '--token-stdin'], { io: { stdin: '\n' } });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/read nothing/);
  });
});

describe('profile list, show, use, remove', () => {
  const data = () =>
    memoryConfig({
      currentProfile: 'a',
      profiles: { a: { platform: 'bigcommerce', storeHash: 'h1', token: 'secret-aaaa-1111' }, b: { platform: 'bigcommerce', storeHash: 'h2', token: 'secret-bbbb-2222' } },
    });

  it('lists profiles with the current one marked and secrets masked', async () => {
    const r = await runCommand(['profile', 'list', '-o', 'json'], { config: data() });
    expect(JSON.parse(r.out)).toEqual([
      { name: 'a', current: true, platform: 'bigcommerce', baseUrl: null, storeHash: 'h1', token: '****1111' },
      { name: 'b', current: false, platform: 'bigcommerce', baseUrl: null, storeHash: 'h2', token: '****2222' },
    ]);
    const table = await runCommand(['profile', 'list', '-o', 'table'], { config: data() });
    expect(table.out).toMatch(/\*\s+a\s+bigcommerce\s+h1\s+\*\*\*\*1111/);
    expect(table.out).not.toContain('secret-');
  });

  it('shows one profile, masked', async () => {
    const r = await runCommand(['profile', 'show', 'b', '-o', 'json'], { config: data() });
    expect(JSON.parse(r.out)).toMatchObject({ name: 'b', current: false, token: '****2222' });
    expect(r.out).not.toContain('secret-bbbb');
  });

  it('shows one profile as a sheet whose values line up, Outshifter settings included', async () => {
    const config = memoryConfig({
      currentProfile: 'os',
      profiles: { os: { platform: 'outshifter', storefront: 's1', shippingRateField: 'rate', cancelItemUrl: '/o/{order}/i/{item}', token: 'secret-os-9876' } },
    });
    const r = await runCommand(['profile', 'show', '-o', 'table'], { config });
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toContain('shippingRateField  rate');
    expect(lines).toContain('storefront         s1');
    expect(lines).toContain('storeHash');
    // Every value starts in one column, after the longest label and two spaces; no line ends in spaces.
    const valued = lines.filter((l) => l.length > 'shippingRateField'.length);
    expect(valued.length).toBeGreaterThan(5);
    expect(valued.filter((l) => !/^\S+ +\S/.test(l) || l.search(/ \S/) !== 18)).toEqual([]);
    expect(lines.filter((l) => / $/.test(l))).toEqual([]);
  });

  it('switches and removes', async () => {
    const config = data();
    expect((await runCommand(['profile', 'use', 'b'], { config })).code).toBe(0);
    expect(config.data().currentProfile).toBe('b');
    expect((await runCommand(['profile', 'remove', 'b'], { config })).code).toBe(0);
    expect(config.data().currentProfile).toBeUndefined();
    expect(Object.keys(config.data().profiles)).toEqual(['a']);
    const missing = await runCommand(['profile', 'use', 'zzz'], { config });
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/profile "zzz" not found/);
  });
});
