// Which stores a command means: -p lists, --all-profiles, ORDERCTL_PROFILE,
// and --sandbox's optional platform.

import { describe, expect, it } from 'vitest';
import { parseGlobals, SANDBOX_PLATFORMS, separateSandboxValue } from '../../src/cli.js';
import { chosenProfileName, chosenProfileNames } from '../../src/platforms/index.js';
import { testContext } from '../support/context.js';

const data = { currentProfile: 'eu', profiles: { eu: { platform: 'bigcommerce' }, us: { platform: 'squarespace' }, cs: { platform: 'cscart' } } } as never;

describe('store selection', () => {
  it('--sandbox takes the next word only when it is a platform', () => {
    expect(separateSandboxValue(['--sandbox', 'orders', 'list'], SANDBOX_PLATFORMS)).toEqual(['--sandbox=', 'orders', 'list']);
    expect(separateSandboxValue(['orders', 'list', '--sandbox', 'cscart'], SANDBOX_PLATFORMS)).toEqual(['orders', 'list', '--sandbox=cscart']);
    expect(separateSandboxValue(['orders', 'get', '--sandbox', '101'], SANDBOX_PLATFORMS)).toEqual(['orders', 'get', '--sandbox=', '101']);
    expect(separateSandboxValue(['api', '--', '--sandbox'], SANDBOX_PLATFORMS)).toEqual(['api', '--', '--sandbox']);
  });

  it('--sandbox with -p or --all-profiles is refused; so is an unknown platform', () => {
    expect(() => parseGlobals({ sandbox: '', profile: ['eu'] })).toThrow(/--sandbox and -p cannot be used together/);
    expect(() => parseGlobals({ sandbox: '', allProfiles: true })).toThrow(/--sandbox and --all-profiles/);
    expect(() => parseGlobals({ sandbox: 'shopify' })).toThrow(/unknown sandbox platform "shopify"/);
    expect(parseGlobals({ sandbox: 'cscart' })).toMatchObject({ sandbox: true, sandboxPlatform: 'cscart' });
    expect(parseGlobals({ sandbox: '' })).toMatchObject({ sandbox: true, sandboxPlatform: undefined });
  });

  it('-p names, ORDERCTL_PROFILE lists and --all-profiles, in the order given', () => {
    const names = (globals: object, env: Record<string, string> = {}) => chosenProfileNames(testContext({ globals, env }), data);
    expect(names({ profiles: ['us', 'eu'] })).toEqual(['us', 'eu']);
    expect(names({}, { ORDERCTL_PROFILE: 'cs,us' })).toEqual(['cs', 'us']);
    expect(names({}, { ORDERCTL_PROFILE: 'cs, us' })).toEqual(['cs', ' us']);
    expect(names({ allProfiles: true })).toEqual(['eu', 'us', 'cs']);
    expect(names({})).toEqual(['eu']);
  });

  it('ORDERCTL_PROFILE: an empty name in its list is refused, as in -p; set to nothing it is unset', () => {
    const names = (value: string) => chosenProfileNames(testContext({ env: { ORDERCTL_PROFILE: value } }), data);
    for (const value of ['cs,,us', 'cs,', ',cs', ',']) expect(() => names(value), value).toThrow(`invalid ORDERCTL_PROFILE "${value}": give profile names separated by commas`);
    expect(names('')).toEqual(['eu']);
  });

  it('a command that works on one store refuses several', () => {
    const ctx = testContext({ globals: { profiles: ['eu', 'us'] } });
    expect(() => chosenProfileName(ctx, data)).toThrow(/this command works on one store, and 2 were named \(eu, us\)/);
  });
});
