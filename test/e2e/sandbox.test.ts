// `orderctl sandbox serve|reset|info` from the built binary, and a profile pointed at it.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderctl, serveSandbox } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

let cfg: ReturnType<typeof tempConfigDir>;
beforeAll(() => {
  cfg = tempConfigDir();
});
afterAll(() => cfg.remove());

const serve = (args: string[]) => serveSandbox(args, cfg.dir);

describe('orderctl sandbox', () => {
  it('serves until Ctrl-C, and a profile pointed at it works end to end', async () => {
    const state = path.join(cfg.dir, 'served.json');
    const s = serve(['--port', '0', '--state', state, '--seed', '5', '--orders', '25']);
    const { baseUrls, token } = await s.ready;
    const bigcommerce = baseUrls.bigcommerce!;
    expect(bigcommerce).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/bigcommerce\/stores\/sandbox\/v2$/);
    const env = { ORDERCTL_CONFIG_DIR: cfg.dir };
    const add = await orderctl(['profile', 'add', 'served', '--platform', 'bigcommerce', '--base-url', bigcommerce, '--token-stdin', '--use'], { env, input: token });
    expect(add.code, add.stderr).toBe(0);
    const list = await orderctl(['orders', 'list', '--all', '-o', 'ids'], { env });
    expect(list.stdout.trim().split('\n')).toHaveLength(25);
    const first = list.stdout.split('\n')[0]!;
    const cancel = await orderctl(['orders', 'cancel', first, '--yes'], { env });
    expect(cancel.code, cancel.stderr).toBe(0);

    s.child.kill('SIGINT');
    expect(await s.exited).toBe(130);
    // The change is in the state file, which is whole JSON.
    const saved = JSON.parse(fs.readFileSync(state, 'utf8'));
    expect(JSON.stringify(saved)).toContain('"status_id":5');
    expect(fs.statSync(state).mode & 0o777).toBe(0o600);
  });

  it('resets and describes its state', async () => {
    const env = { ORDERCTL_CONFIG_DIR: cfg.dir };
    const state = path.join(cfg.dir, 'reset.json');
    const reset = await orderctl(['sandbox', 'reset', '--state', state, '--seed', '9', '--orders', '12'], { env });
    expect(reset.code, reset.stderr).toBe(0);
    const info = await orderctl(['sandbox', 'info', '--state', state, '-o', 'json'], { env });
    expect(info.code, info.stderr).toBe(0);
    expect(info.stdout).toContain('12');
    const again = await orderctl(['sandbox', 'reset', '--state', state, '--seed', '9', '--orders', '12'], { env });
    expect(again.code).toBe(0);
    const a = fs.readFileSync(state, 'utf8');
    await orderctl(['sandbox', 'reset', '--state', state, '--seed', '9', '--orders', '12'], { env });
    expect(fs.readFileSync(state, 'utf8')).toBe(a); // deterministic from the seed
    const dry = await orderctl(['sandbox', 'reset', '--state', state, '--seed', '3', '--orders', '5', '--dry-run'], { env });
    expect([dry.code, dry.stderr]).toEqual([0, `dry run: would reset the sandbox state ${state} (seed 3, 5 orders); nothing was changed\n`]);
    expect(fs.readFileSync(state, 'utf8')).toBe(a);
  });

  it('refuses bad serve flags with exit 2', async () => {
    for (const args of [['--port', '99999'], ['--fail-rate', '2'], ['--rate-limit', 'fast'], ['--latency', '-5']]) {
      const r = await orderctl(['sandbox', 'serve', ...args], { env: { ORDERCTL_CONFIG_DIR: cfg.dir } });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^error: /);
    }
  });
});
