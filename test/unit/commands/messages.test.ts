// Messages say what is actually wrong and how to go on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmDestructive } from '../../../src/commands/orders/shared.js';
import { memoryConfig } from '../../../src/core/config.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/server.js';
import { runCommand, testContext } from '../../support/context.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3, orders: 30 });
});
afterAll(async () => {
  await sandbox.close();
});

describe('a confirmation that cannot be asked', () => {
  const refusal = async (o: Parameters<typeof testContext>[0]) => {
    const err = await confirmDestructive(testContext(o), 'archive 2 orders').catch((e: Error & { hint?: string; exitCode?: number }) => e);
    return { message: err?.message, hint: err?.hint, exitCode: err?.exitCode };
  };

  it('at a terminal with ids piped in, names the pipe, not a missing terminal', async () => {
    const r = await refusal({ io: { stdinIsTTY: false, stderrIsTTY: true, stdoutIsTTY: true } });
    expect(r).toEqual({
      message: 'archive 2 orders: confirmation needed, but standard input is a pipe, not a terminal to read the answer from',
      hint: 'check what the command would change (--dry-run), then run it again with --yes',
      exitCode: 2,
    });
    expect(r.hint).not.toMatch(/without a terminal/);
  });

  it('with --no-input, names the flag', async () => {
    const r = await refusal({ io: { stdinIsTTY: true, stderrIsTTY: true }, globals: { input: false } });
    expect(r.message).toBe('archive 2 orders: confirmation needed, and --no-input forbids asking');
    expect(r.hint).toBe('pass --yes to confirm');
  });

  it('with standard error redirected, says where the question cannot go', async () => {
    const r = await refusal({ io: { stdinIsTTY: true, stderrIsTTY: false } });
    expect(r.message).toBe('archive 2 orders: confirmation needed, but standard error is not a terminal to ask on');
  });

  it('in a script, asks for --yes', async () => {
    const r = await refusal({});
    expect(r).toEqual({ message: 'archive 2 orders: confirmation needed', hint: 'pass --yes to confirm without a terminal', exitCode: 2 });
  });

  it('asks on a terminal, and --yes or --dry-run need no answer', async () => {
    const ctx = testContext({ io: { canPrompt: true, stdinIsTTY: true, stderrIsTTY: true }, answers: [true] });
    await confirmDestructive(ctx, 'archive 2 orders');
    await confirmDestructive(testContext({ globals: { yes: true } }), 'archive 2 orders');
    await confirmDestructive(testContext({ globals: { dryRun: true } }), 'archive 2 orders');
  });
});

describe('a refused secret', () => {
  const shop = (token: string) => memoryConfig({ currentProfile: 'shop', profiles: { shop: { platform: 'bigcommerce', baseUrl: sandbox.baseUrls.bigcommerce!, token } } });

  it('from ORDERCTL_TOKEN, says the token came from the environment', async () => {
    const r = await runCommand(['orders', 'list', '--limit', '1'], { config: shop(sandbox.token), env: { ORDERCTL_TOKEN: 'wrong-env-token-1' } });
    expect(r.code).toBe(3);
    expect(r.err).toContain('hint: the token came from ORDERCTL_TOKEN, which replaces profile "shop"\'s stored one: check it, or unset ORDERCTL_TOKEN\n');
    expect(r.err).not.toContain('wrong-env-token-1');
  });

  it("from the profile, names the profile", async () => {
    const r = await runCommand(['orders', 'list', '--limit', '1'], { config: shop('wrong-stored-token-1') });
    expect(r.code).toBe(3);
    expect(r.err).toContain('hint: the token is the one stored in profile "shop": check it with "orderctl profile test shop"');
  });

  it('profile test names ORDERCTL_TOKEN too, since it tests that token and not the stored one', async () => {
    const r = await runCommand(['profile', 'test'], { config: shop(sandbox.token), env: { ORDERCTL_TOKEN: 'wrong-env-token-1' } });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^error: profile shop: the credentials were refused .*\nhint: the token came from ORDERCTL_TOKEN/);
  });
});

describe('fulfilling what is shipped already', () => {
  it('is refused by the order\'s state: exit 5, for the whole order and for one item', async () => {
    const config = memoryConfig({ currentProfile: 'shop', profiles: { shop: { platform: 'bigcommerce', baseUrl: sandbox.baseUrls.bigcommerce!, token: sandbox.token } } });
    const ids = (await runCommand(['orders', 'list', '--status', 'awaiting_fulfillment', '-o', 'ids'], { config })).out.trim().split('\n');
    const id = ids[0]!;
    const first = await runCommand(['orders', 'fulfill', id, '--tracking', '1Z1', '--carrier', 'ups'], { config });
    expect(first.code, first.err).toBe(0);
    const again = await runCommand(['orders', 'fulfill', id, '--tracking', '1Z1', '--carrier', 'ups'], { config });
    expect(again.code).toBe(5);
    expect(again.err).toContain(`order ${id} has nothing left to ship`);
    const item = JSON.parse((await runCommand(['orders', 'get', id, '-o', 'json'], { config })).out).items[0].id;
    const oneItem = await runCommand(['orders', 'fulfill', id, '--item', `${item}:1`], { config });
    expect(oneItem.code).toBe(5);
    expect(oneItem.err).toMatch(new RegExp(`item ${item} of order ${id} has 0 left to ship, not 1`));
  });
});
