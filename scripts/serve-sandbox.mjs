// `orderctl sandbox serve` in a child process, for the build's code cache and
// the benchmark: resolves, once the sandbox says where it listens, with each
// platform's base URL and a way to stop it. (Tests have their own, in test/support/cli.ts.)
import { spawn } from 'node:child_process';

const LAUNCHER = new URL('../bin/orderctl.js', import.meta.url).pathname;

/** @returns {Promise<{ baseUrls: Record<string, string>, pid: number, stop: () => void }>} */
export function serveSandbox(args, env) {
  const child = spawn(process.execPath, [LAUNCHER, 'sandbox', 'serve', ...args], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      // The token line comes after every platform's.
      if (!/^\s+token\s/m.test(out)) return;
      const baseUrls = Object.fromEntries([...out.matchAll(/^\s+(bigcommerce|cscart|squarespace|outshifter)\s+(\S+)/gm)].map((m) => [m[1], m[2]]));
      resolve({ baseUrls, pid: child.pid, stop: () => child.kill('SIGINT') });
    });
    child.on('exit', (code) => reject(new Error(`orderctl sandbox serve exited ${code}`)));
  });
}
