// Completion scripts, generated from the command tree, loaded in the real
// shells (bash, zsh and fish from Debian) and asked what they complete.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { completionScript } from '../../src/completion/scripts.js';
import { buildSpec, SHELLS } from '../../src/completion/spec.js';
import { BIN, orderctl } from '../support/cli.js';
import { SUPPORTED_PLATFORMS } from '../../src/platforms/index.js';
import { tempConfigDir } from '../support/tmp.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const script = (shell: string) => path.join(ROOT, 'completions', `orderctl.${shell}`);
const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

let cfg: ReturnType<typeof tempConfigDir>;
let env: Record<string, string>;
beforeAll(async () => {
  cfg = tempConfigDir();
  // An `orderctl` on PATH, as an installed one would be, for profile names.
  const bin = path.join(cfg.dir, 'bin');
  fs.mkdirSync(bin);
  fs.symlinkSync(BIN, path.join(bin, 'orderctl'));
  env = { PATH: `${bin}:${process.env.PATH}`, HOME: cfg.dir, ORDERCTL_CONFIG_DIR: cfg.dir };
  for (const name of ['shop-eu', 'shop-us']) {
    await orderctl(['profile', 'add', name, '--platform', 'bigcommerce', '--store-hash', 'h', '--token-stdin'], { env, input: 'token-1234' });
  }
});
afterAll(() => cfg.remove());

function lines(out: string): string[] {
  return out.split('\n').map((l) => l.trim()).filter(Boolean).sort();
}

describe('the committed completion scripts', () => {
  it.each(SHELLS)('%s matches what the command tree generates', (shell) => {
    const generated = completionScript(shell, buildSpec(buildProgram(() => { throw new Error('not run'); })));
    expect(fs.readFileSync(script(shell), 'utf8'), 'run "npm run completions" to regenerate').toBe(generated);
  });

  it('are what `orderctl completion SHELL` prints', async () => {
    for (const shell of SHELLS) expect((await orderctl(['completion', shell], { env })).stdout).toBe(fs.readFileSync(script(shell), 'utf8'));
    const bad = await orderctl(['completion', 'powershell'], { env });
    expect(bad.code).toBe(2);
  });

  it('profile names come from the config without loading the CLI', () => {
    expect(execFileSync(process.execPath, [BIN, '__profiles'], { env }).toString()).toBe('shop-eu\nshop-us\n');
  });
});

describe.skipIf(!has('bash'))('bash', () => {
  const complete = (...words: string[]) => {
    const quoted = words.map((w) => `'${w}'`).join(' ');
    const out = execFileSync('bash', ['-c', `source '${script('bash')}'; COMP_WORDS=(orderctl ${quoted}); COMP_CWORD=${words.length}; _orderctl; printf '%s\\n' "\${COMPREPLY[@]}"`], { env });
    return lines(out.toString());
  };
  it('completes commands, options, fixed values and profile names', () => {
    expect(complete('')).toEqual(['api', 'cart', 'checkout', 'completion', 'orders', 'profile', 'sandbox', 'schema', 'shipping']);
    expect(complete('orders', 'l')).toEqual(['list', 'ls']);
    expect(complete('orders', 'list', '--sta')).toEqual(['--status']);
    expect(complete('-o', 'json', 'orders', 'list', '--status', 'awaiting_')).toEqual(['awaiting_fulfillment', 'awaiting_payment']);
    expect(complete('-o', 'n')).toEqual(['ndjson']);
    expect(complete('profile', 'add', 'x', '--platform', '')).toEqual([...SUPPORTED_PLATFORMS].sort());
    expect(complete('-p', '')).toEqual(['shop-eu', 'shop-us']);
    expect(complete('profile', 'use', 'shop-')).toEqual(['shop-eu', 'shop-us']);
    expect(complete('completion', '')).toEqual(['bash', 'fish', 'zsh']);
  });
});

describe.skipIf(!has('zsh'))('zsh', () => {
  const candidates = (...words: string[]) => {
    const quoted = words.map((w) => `'${w}'`).join(' ');
    const out = execFileSync('zsh', ['-c', `autoload -U compinit; compinit -u; source '${script('zsh')}'; _orderctl_candidates ${quoted}`], { env });
    return lines(out.toString());
  };
  it('loads under compinit and offers the same candidates', () => {
    expect(candidates()).toEqual(['api', 'cart', 'checkout', 'completion', 'orders', 'profile', 'sandbox', 'schema', 'shipping']);
    expect(candidates('orders')).toContain('fulfill');
    expect(candidates('--output')).toEqual(['csv', 'ids', 'json', 'ndjson', 'table']);
    expect(candidates('orders', 'status', '1', '--set')).toContain('on_hold');
    expect(candidates('profile', 'show')).toEqual(['shop-eu', 'shop-us']);
    expect(candidates('-p')).toEqual(['shop-eu', 'shop-us']);
  });
  it('offers options after a dash', () => {
    const out = execFileSync('zsh', ['-c', `autoload -U compinit; compinit -u; source '${script('zsh')}'; ORDERCTL_COMPLETE_OPTIONS=1 _orderctl_candidates orders fulfill`], { env });
    expect(lines(out.toString())).toEqual(expect.arrayContaining(['--tracking', '--carrier', '--profile']));
  });
});

describe.skipIf(!has('fish'))('fish', () => {
  const complete = (line: string) => lines(execFileSync('fish', ['-c', `source '${script('fish')}'; complete -C '${line}'`], { env }).toString());
  it('completes commands, options, fixed values and profile names', () => {
    expect(complete('orderctl ')).toEqual(['api', 'cart', 'checkout', 'completion', 'orders', 'profile', 'sandbox', 'schema', 'shipping']);
    expect(complete('orderctl orders li')).toEqual(['list']);
    expect(complete('orderctl orders list --sta')).toEqual(['--status']);
    expect(complete('orderctl orders list --status awaiting')).toEqual(['awaiting_fulfillment', 'awaiting_payment']);
    expect(complete('orderctl -p ')).toEqual(['shop-eu', 'shop-us']);
    expect(complete('orderctl --output c')).toEqual(['csv']);
  });
});
