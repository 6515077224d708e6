// orders export from every platform's sandbox dialect: the file holds each
// order the platform lists, once, and a checkpointed second run finds nothing new.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/core/config.js';
import { SUPPORTED_PLATFORMS } from '../../src/platforms/index.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { runCommand } from '../support/context.js';
import { tempConfigDir } from '../support/tmp.js';

let sandbox: Sandbox;
let tmp: ReturnType<typeof tempConfigDir>;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 31, orders: 70 });
  tmp = tempConfigDir();
});
afterAll(async () => {
  await sandbox.close();
  tmp.remove();
});

/** What each platform's profile needs beyond its sandbox URL. */
const EXTRA: Partial<Record<string, Partial<Profile>>> = { cscart: { username: 'admin@example.com' }, outshifter: { storefront: 'sandbox' } };

describe.each(SUPPORTED_PLATFORMS)('export from the %s dialect', (platform) => {
  it('writes every listed order once, and a checkpointed rerun finds nothing new', async () => {
    const config = await tmp.open();
    await config.save({ currentProfile: platform, profiles: { [platform]: { platform, baseUrl: sandbox.baseUrls[platform]!, token: sandbox.token, ...EXTRA[platform] } } });
    const listed = await runCommand(['orders', 'list', '--all', '-o', 'ids'], { config });
    expect(listed.code, listed.err).toBe(0);
    const ids = listed.out.trim().split('\n');
    expect(ids.length).toBeGreaterThan(50);

    const file = path.join(tmp.dir, `${platform}.ndjson`);
    const r = await runCommand(['orders', 'export', '--out', file, '--checkpoint', platform], { config });
    expect(r.code, r.err).toBe(0);
    const exported = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(exported.every((o) => o.platform === platform)).toBe(true);
    expect(exported.map((o) => o.id).sort()).toEqual([...ids].sort());

    const again = path.join(tmp.dir, `${platform}-2.ndjson`);
    expect((await runCommand(['orders', 'export', '--out', again, '--checkpoint', platform], { config })).code).toBe(0);
    expect(fs.readFileSync(again, 'utf8')).toBe('');
  });
});
