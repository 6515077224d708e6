// Spawns the built binary (bin/orderctl.js → dist/), as users and scripts do.

import { spawn } from 'node:child_process';
import { expect } from 'vitest';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/orderctl.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /**
   * stderr as a person reads it: with the JSON error line that scripts get
   * (output JSON, stderr not a terminal) shown as its `error:` and `hint:` lines.
   */
  err: string;
}

export function humanStderr(stderr: string): string {
  return stderr
    .split('\n')
    .map((l) => {
      if (!l.startsWith('{"error":')) return l;
      const e = JSON.parse(l).error;
      return `error: ${e.message}${e.hint ? `\nhint: ${e.hint}` : ''}`;
    })
    .join('\n');
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
      resolve({ code, stdout, stderr, err: humanStderr(stderr) });
    });
    // A command may exit before reading all it was given (a refused 70 MB input).
    child.stdin.on('error', () => undefined);
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

/**
 * Adds each profile through the binary (`profile add NAME ARGS --token-stdin`),
 * with its own token or `token`; any failure fails the test, showing stderr.
 */
export async function addProfiles(env: Record<string, string | undefined>, token: string, profiles: Array<[name: string, args: string[], token?: string]>): Promise<void> {
  for (const [name, args, own] of profiles) {
    const r = await orderctl(['profile', 'add', name, ...args, '--token-stdin'], { env, input: `${own ?? token}\n` });
    expect(r.code, r.stderr).toBe(0);
  }
}

/** What a running `orderctl sandbox serve` printed: its root URL, each platform's base URL, the token. */
export interface Served {
  url: string;
  baseUrls: Record<string, string>;
  token: string;
}

/** `orderctl sandbox serve ARGS` as a child process (in `configDir`), until it is killed. */
export function serveSandbox(args: string[], configDir: string) {
  const child = spawn(process.execPath, [BIN, 'sandbox', 'serve', ...args], { env: { PATH: process.env.PATH, ORDERCTL_CONFIG_DIR: configDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const ready = new Promise<Served>((resolve, reject) => {
    child.stdout.on('data', () => {
      const url = /sandbox listening on (\S+)/.exec(stdout)?.[1];
      // The token line comes after every platform's.
      const token = /^\s+token\s+(\S+)/m.exec(stdout)?.[1];
      if (!url || !token) return;
      const baseUrls = Object.fromEntries([...stdout.matchAll(/^\s+(bigcommerce|cscart|squarespace|outshifter)\s+(\S+)/gm)].map((m) => [m[1]!, m[2]!]));
      resolve({ url, baseUrls, token });
    });
    child.on('close', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  /** Ctrl-C, and its exit code. */
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    return exited;
  };
  return { child, ready, exited, stop, output: () => ({ stdout, stderr }) };
}
