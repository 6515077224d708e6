// Makes dist/orderctl.cjs.cache (see bin/load.js): runs a few commands in this
// process, so that V8 compiles what they use (commander, the command tree, the
// HTTP core and undici, an adapter, the output), then saves that bytecode.
// They talk to a sandbox in a process of its own, so that the server's code,
// which no command against a real store runs, stays out of the cache.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CACHE, loadCli } from '../bin/load.js';
import { serveSandbox } from './serve-sandbox.mjs';

const COMMANDS = [['--help'], ['orders', 'list', '--limit', '5', '-o', 'json'], ['orders', 'get', '100', '-o', 'json']];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderctl-code-cache-'));
const env = { ...process.env, ORDERCTL_CONFIG_DIR: dir, NO_COLOR: '1' };
const sandbox = serveSandbox(['--memory', '--orders', '20'], env);
try {
  const baseUrl = (await sandbox).baseUrls.bigcommerce;
  const config = { currentProfile: 'cache', profiles: { cache: { platform: 'bigcommerce', baseUrl, token: 'sandbox-token' } } };
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config), { mode: 0o600 });
  Object.assign(process.env, env);
  const { cli, createCachedData } = loadCli({ useCache: false });
  for (const argv of COMMANDS) {
    const code = await cli.main(argv);
    if (code !== 0) throw new Error(`code cache: orderctl ${argv.join(' ')} exited ${code}`);
  }
  // Written whole or not at all: a torn cache would be refused, and cost a compile.
  const tmp = `${CACHE}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, createCachedData());
  fs.renameSync(tmp, CACHE);
} finally {
  await sandbox.then((s) => s.stop(), () => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
