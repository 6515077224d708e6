// Several stores on different platforms in one command, through the built
// binary: one profile on each of the sandbox's four dialects, a profile whose
// key is refused and one whose server is not there. Run `npm run build` first.

import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaFor } from '../../src/core/schema.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { cliWith, orderctl } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

let sandbox: Sandbox;
let cfg: ReturnType<typeof tempConfigDir>;
let env: Record<string, string>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, orders: 30 });
  cfg = tempConfigDir();
  env = { ORDERCTL_CONFIG_DIR: cfg.dir };
  const u = sandbox.baseUrls;
  const profiles: Array<[string, string[], string]> = [
    ['bc', ['--platform', 'bigcommerce', '--base-url', u.bigcommerce!, '--use'], sandbox.token],
    ['cs', ['--platform', 'cscart', '--base-url', u.cscart!, '--username', 'admin@example.com', '--currency', 'EUR'], sandbox.token],
    ['sq', ['--platform', 'squarespace', '--base-url', u.squarespace!], sandbox.token],
    ['os', ['--platform', 'outshifter', '--base-url', u.outshifter!, '--storefront', 'sandbox'], sandbox.token],
    ['locked', ['--platform', 'bigcommerce', '--base-url', u.bigcommerce!], 'not-the-key-1234'],
    // Nothing listens on port 1.
    ['down', ['--platform', 'cscart', '--base-url', 'http://127.0.0.1:1/cscart/api', '--username', 'admin@example.com'], sandbox.token],
  ];
  for (const [name, args, token] of profiles) {
    const r = await orderctl(['profile', 'add', name, ...args, '--token-stdin'], { env, input: `${token}\n` });
    expect(r.code, r.stderr).toBe(0);
  }
});
afterAll(async () => {
  await sandbox.close();
  cfg.remove();
});

const { run, json } = cliWith(() => env);

describe('several stores on different platforms', { timeout: 60_000 }, () => {
  it('orders count: each store its row, its statuses shaped as one store count is (orderctl schema count)', async () => {
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(schemaFor('count')!);
    const merged = await json(['orders', 'count', '-p', 'bc,cs,sq,os', '-q']);
    expect(merged.stores.map((s: { store: string }) => s.store)).toEqual(['bc', 'cs', 'sq', 'os']);
    for (const row of merged.stores) {
      const { platform, ...counted } = row;
      expect(validate(counted), `${row.store}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(await json(['orders', 'count', '-p', row.store, '-q'])).toEqual(counted);
      expect(typeof platform).toBe('string');
    }
    const ndjson = (await run(['orders', 'count', '-p', 'bc,sq', '-q', '-o', 'ndjson'])).stdout.split('\n').filter(Boolean);
    expect(ndjson.map((l) => JSON.parse(l))).toEqual(merged.stores.filter((s: { store: string }) => s.store === 'bc' || s.store === 'sq'));
  });
});
