// Spawns the built binary (bin/orderctl.js → dist/), as users and scripts do.

import { spawn } from 'node:child_process';
import { expect } from 'vitest';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/orderctl.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function orderctl(args: string[], opts: { env?: Record<string, string | undefined>; input?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = {};
    // A clean environment: no proxies, no colour forcing, no real profile.
    for (const [k, v] of Object.entries({ PATH: process.env.PATH, HOME: process.env.HOME, ...opts.env })) if (v !== undefined) env[k] = v;
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/**
 * run, json and ids over one environment, read as each command starts (tests
 * set it in beforeAll). json and ids expect exit 0, showing stderr otherwise.
 */
export function cliWith(env: () => Record<string, string | undefined>) {
  const run = (args: string[], input?: string) => orderctl(args, { env: env(), input });
  const json = async (args: string[], input?: string) => {
    const r = await run(args, input);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
  };
  const ids = async (args: string[]) => {
    const r = await run([...args, '-o', 'ids']);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout.split('\n').filter(Boolean);
  };
  return { run, json, ids };
}
