// What a person at a terminal sees of bulk changes, on a real pseudo-terminal
// (the built binary on `script` or tmux): confirmations before destructive
// changes, answered as they would, and the progress line.
// Run `npm run build` first so dist/ is current.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { addProfiles, orderctl } from '../support/cli.js';
import { PTY_TOOL, PTY_UNAVAILABLE, spawnPty } from '../support/pty.js';
import { tempConfigDir } from '../support/tmp.js';

let sandbox: Sandbox;
let cfg: ReturnType<typeof tempConfigDir>;
let env: Record<string, string>;
let ids: string[];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, orders: 12 });
  cfg = tempConfigDir();
  env = { ORDERCTL_CONFIG_DIR: cfg.dir };
  await addProfiles(env, sandbox.token, [['shop', ['--platform', 'bigcommerce', '--base-url', sandbox.baseUrls.bigcommerce!, '--use']]]);
  const r = await orderctl(['orders', 'list', '-o', 'json'], { env });
  ids = (JSON.parse(r.stdout) as Array<{ id: string; status: string }>).filter((o) => o.status !== 'cancelled').map((o) => o.id);
  expect(ids.length, r.stderr).toBeGreaterThanOrEqual(2);
});
afterAll(async () => {
  await sandbox?.close();
  cfg?.remove();
});

/** A colour or style (SGR) sequence: cursor moves and screen clearing are not colour. */
// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[[0-9;]*m/;

describe.skipIf(PTY_UNAVAILABLE !== undefined)(`confirmations on a terminal (${PTY_TOOL ?? PTY_UNAVAILABLE})`, () => {
  it('asks before cancelling, and "no" changes nothing (exit 2); the question is in colour', async () => {
    const t = spawnPty(['orders', 'cancel', ids[0]!], { env });
    await t.expect('cancel 1 order?');
    t.answer('n');
    expect(await t.exited).toBe(2);
    expect(t.output()).toContain('error: cancelled; nothing was changed');
    expect(sandbox.store.changeCount('bigcommerce', ids[0]!)).toBe(0);
    expect(t.raw()).toMatch(SGR);
  });

  it('--no-color asks without colour, as NO_COLOR does; "yes" cancels', async () => {
    for (const [args, extra] of [[['--no-color'], {}], [[], { NO_COLOR: '1' }]] as const) {
      const t = spawnPty(['orders', 'cancel', ids[1]!, ...args], { env: { ...env, ...extra } });
      await t.expect('cancel 1 order?');
      t.answer('n');
      expect(await t.exited).toBe(2);
      expect(t.raw(), `${args.join(' ')} ${JSON.stringify(extra)}`).not.toMatch(SGR);
    }
    const t = spawnPty(['orders', 'cancel', ids[1]!, '--no-color'], { env });
    await t.expect('cancel 1 order?');
    t.answer('y');
    expect(await t.exited).toBe(0);
    expect(t.raw()).not.toMatch(SGR);
    expect(sandbox.store.changeCount('bigcommerce', ids[1]!)).toBe(1);
  });
});

describe.skipIf(PTY_UNAVAILABLE !== undefined)(`progress on a terminal (${PTY_TOOL ?? PTY_UNAVAILABLE})`, () => {
  it('orders status without --set says it is reading, not changing; with --set, changing', async () => {
    const shown = spawnPty(['orders', 'status', ...ids.slice(0, 3)], { env });
    expect(await shown.exited).toBe(0);
    expect(shown.output()).toMatch(/reading \[#+\] 3 of 3 orders/);
    expect(shown.output()).not.toContain('changing');
    const set = spawnPty(['orders', 'status', ...ids.slice(2, 4), '--set', 'on_hold', '--yes'], { env });
    expect(await set.exited).toBe(0);
    expect(set.output()).toMatch(/changing \[#+\] 2 of 2 orders/);
  });
});
