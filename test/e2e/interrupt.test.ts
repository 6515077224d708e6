// Ctrl-C: a command stops, says so, exits 130.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { BIN, orderctl } from '../support/cli.js';
import { tempConfigDir } from '../support/tmp.js';

let sandbox: Sandbox;
let cfg: ReturnType<typeof tempConfigDir>;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3, orders: 40, latencyMs: 150 });
  cfg = tempConfigDir();
  await orderctl(['profile', 'add', 'slow', '--platform', 'bigcommerce', '--base-url', sandbox.baseUrls.bigcommerce!, '--token-stdin', '--use'], { env: { ORDERCTL_CONFIG_DIR: cfg.dir }, input: sandbox.token });
});
afterAll(async () => {
  await sandbox.close();
  cfg.remove();
});

it('Ctrl-C during a long listing exits 130 and says so on stderr', async () => {
  const child = spawn(process.execPath, [BIN, 'orders', 'list', '--all', '--page-size', '2', '-o', 'ndjson'], { env: { PATH: process.env.PATH, ORDERCTL_CONFIG_DIR: cfg.dir } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  // Interrupt once the first page has arrived.
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.kill('SIGINT');
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code).toBe(130);
  // With -o ndjson and stderr not a terminal, the error is exactly one JSON line (DESIGN.md, Output).
  expect(stderr).toBe('{"error":{"code":"interrupted","message":"interrupted","hint":null,"status":null,"store":null}}\n');
  const lines = stdout.trim().split('\n');
  expect(lines.length).toBeLessThan(40);
  for (const l of lines) JSON.parse(l); // every line written is whole
});
