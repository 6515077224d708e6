// The built binary with --jq under a reader that stops early (`| head -1`):
// the requests stop too. The closed pipe is noticed at the next write (EPIPE),
// as without --jq: that write comes with the next page, and the page after it
// may be asked for before it is printed. Run `npm run build` first.

import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { BIN, orderctl } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

// Ten full pages of 250, then the empty one that ends the listing.
const ORDERS = 2500;

let sandbox: Sandbox;
let cfg: ReturnType<typeof tempConfigDir>;
let listed = 0;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, orders: ORDERS, onExchange: (ex) => void (ex.method === 'GET' && ex.path === '/orders' && listed++) });
  cfg = tempConfigDir();
  const r = await orderctl(['profile', 'add', 'bc', '--platform', 'bigcommerce', '--base-url', sandbox.baseUrls.bigcommerce!, '--use', '--token-stdin'], {
    env: { ORDERCTL_CONFIG_DIR: cfg.dir },
    input: `${sandbox.token}\n`,
  });
  expect(r.code, r.stderr).toBe(0);
});
afterAll(async () => {
  await sandbox.close();
  cfg.remove();
});

/** `orderctl ARGS | head -1` in a shell: what head printed, and the pipeline's exit code (head's). */
function headOne(args: string[]): Promise<{ code: number | null; stdout: string }> {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', `${quoted} | head -1`], { env: { PATH: process.env.PATH, ORDERCTL_CONFIG_DIR: cfg.dir }, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

describe('--jq and a reader that stops early', { timeout: 60_000 }, () => {
  it('orders list --all -o ndjson --jq .id | head -1: the listing stops within a page or two of the close', async () => {
    listed = 0;
    const r = await headOne(['orders', 'list', '--all', '--sort', 'id:asc', '-o', 'ndjson', '--jq', '.id']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('100\n');
    // Page 1's ids fit in the pipe; page 2's meet it closed. Eleven without the stop.
    expect(listed).toBeGreaterThanOrEqual(1);
    expect(listed).toBeLessThanOrEqual(3);
  });
});
