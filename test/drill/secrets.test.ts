// Every platform's secret (X-Auth-Token, Bearer, Basic with its base64 form)
// never appears in anything orderctl writes: stdout, stderr, --debug traces,
// --dry-run output, error messages, exported files. And what servers send is
// untrusted: escape sequences and control characters are shown, not obeyed,
// in tables, sheets and error lines; CSV cells cannot start a formula.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigStore } from '../../src/core/config.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { runCommand } from '../support/context.js';
import { DRILL_PLATFORMS, drillProfile, type DrillPlatform } from '../support/drill-platforms.js';
import { figures, UNSAFE_TEXT } from '../support/drill.js';
import { tempConfigDir } from '../support/tmp.js';

const TOKEN = 'Drill-Secret-0123456789abcdef';
const tally = figures('secrets');
afterAll(() => tally.save());

/** Every command of the platform, with --debug and --dry-run among them. */
function commands(p: DrillPlatform, id: string, changeId: string, dir: string, orderFile: string | undefined): string[][] {
  const runs: string[][] = [
    ['profile', 'list'],
    ['profile', 'show', '-o', 'json'],
    ['profile', 'test', '--debug'],
    ['orders', 'list', '--debug'],
    ['orders', 'list', '--all', '-o', 'csv', '--debug'],
    ['orders', 'get', id, '--debug', '-o', 'table'],
    ['orders', 'get', p.missingId, '--debug', '-o', 'json'],
    ['orders', 'count', '--debug'],
    ['orders', 'status', id, '--debug'],
    ['orders', 'export', '--out', path.join(dir, `${p.platform}.csv`), '--debug'],
    ['orders', 'export', '--out', path.join(dir, `${p.platform}.ndjson`), '--checkpoint', p.platform],
  ];
  for (const m of p.mutations) runs.push([...m.args(changeId), '--dry-run', '--debug'], [...m.args(changeId), '--debug']);
  if (orderFile) runs.push(['orders', 'create', '--file', orderFile, '--dry-run'], ['orders', 'create', '--file', orderFile, '--debug']);
  return runs;
}

describe.each(DRILL_PLATFORMS.map((p) => [p.platform, p] as const))('%s', (_name, p) => {
  let sandbox: Sandbox;
  let tmp: ReturnType<typeof tempConfigDir>;
  let config: ConfigStore;
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 17, orders: 30, token: TOKEN });
    tmp = tempConfigDir();
    config = await tmp.open();
  });
  afterAll(async () => {
    await sandbox.close();
    tmp.remove();
  });
  const run = (argv: string[], o: Parameters<typeof runCommand>[1] = {}) => runCommand(argv, { config, env: { ORDERCTL_CONFIG_DIR: tmp.dir }, ...o });
  const firstId = async () => (await run(['orders', 'list', '--limit', '1', '-o', 'ids'])).out.trim();
  // Changes go to the newest order (listed first): the oldest ones are where hostile text is planted (archive hides an order).
  const lastId = firstId;

  it('never writes the token, in any form, whatever the command', async () => {
    const profile = drillProfile(p, sandbox, TOKEN);
    const add = ['profile', 'add', 'shop', '--platform', p.platform, '--base-url', profile.baseUrl!, '--token-stdin', '--use', ...(profile.username ? ['--username', profile.username] : []), ...(profile.storefront ? ['--storefront', profile.storefront] : []), ...(profile.currency ? ['--currency', profile.currency] : [])];
    expect((await run(add, { io: { stdin: `${TOKEN}\n` } })).code).toBe(0);
    const secrets = [TOKEN, ...p.secretForms(TOKEN, profile)];
    const id = await firstId();
    expect(id).not.toBe('');
    let orderFile: string | undefined;
    if (p.create) fs.writeFileSync((orderFile = path.join(tmp.dir, 'order.json')), JSON.stringify(p.create.body(1)));

    let written = 0;
    for (const argv of commands(p, id, await lastId(), tmp.dir, orderFile)) {
      const r = await run(argv);
      const all = r.out + r.err;
      written += all.length;
      for (const s of secrets) expect(all, `${argv.join(' ')} wrote ${s}`).not.toContain(s);
      expect(r.err, argv.join(' ')).not.toMatch(/\n\s+at /);
      tally.add('commands searched');
    }
    for (const f of fs.readdirSync(tmp.dir).filter((f) => /\.(csv|ndjson)$/.test(f))) {
      for (const s of secrets) expect(fs.readFileSync(path.join(tmp.dir, f), 'utf8'), f).not.toContain(s);
      tally.add('files searched');
    }
    expect(written).toBeGreaterThan(5000); // the traces were really written

    // A refused token (from the environment) is not echoed either.
    const wrong = 'Wrong-Secret-9876543210';
    const refused = await run(['orders', 'list', '--debug'], { env: { ORDERCTL_CONFIG_DIR: tmp.dir, ORDERCTL_TOKEN: wrong } });
    expect(refused.code).toBe(3);
    for (const s of [wrong, ...p.secretForms(wrong, profile)]) expect(refused.out + refused.err).not.toContain(s);

    // Only the config file holds it, and only its owner may read it.
    expect(fs.statSync(path.join(tmp.dir, 'config.json')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(tmp.dir).mode & 0o777).toBe(0o700);
  });

  it('refuses plain http:// to a host that is not loopback, sending nothing', async () => {
    const base = `http://shop.example.com${new URL(sandbox.baseUrls[p.platform]!).pathname}`;
    const add = await run(['profile', 'add', 'plain', '--platform', p.platform, '--base-url', base, '--token-stdin', ...(p.profile?.username ? ['--username', p.profile.username] : [])], { io: { stdin: TOKEN } });
    expect(add.code).toBe(2);
    expect(add.err).toMatch(/^error: refusing plain http:\/\/ to shop\.example\.com/);
    // A config edited by hand is refused too, before any request.
    await config.save({ currentProfile: 'plain', profiles: { plain: { ...drillProfile(p, sandbox, TOKEN), baseUrl: base } } });
    const list = await run(['orders', 'list']);
    expect(list.code).toBe(2);
    expect(list.err).toMatch(/refusing plain http/);
    tally.add('commands searched', 2);
  });

  it('shows hostile text from the server, never obeys it: tables, sheets, CSV, exports', async () => {
    await config.save({ currentProfile: 'd', profiles: { d: drillProfile(p, sandbox, TOKEN) } });
    const hostile = [
      '\u001b[2J\u001b[H\u001b]0;owned\u0007', // clear screen, retitle the terminal
      '\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007', // a hidden link
      'line\rover\bwritten\u009b31m', // carriage return, backspace, 8-bit CSI
      'abc\u202edcba\u2066', // bidi override
      '=HYPERLINK("https://evil.example","x")',
    ];
    hostile.forEach((text, i) => p.plant(sandbox, i, text));
    const ids = (await run(['orders', 'list', '--all', '-o', 'ids'])).out.trim().split('\n');
    const table = await run(['orders', 'list', '--all', '-o', 'table']);
    expect(table.code, table.err).toBe(0);
    expect(table.out, 'list table').not.toMatch(UNSAFE_TEXT);
    expect(table.out).toContain('\\x1b[2J'); // shown, not dropped
    for (const id of ids.slice(0, 40)) {
      const sheet = await run(['orders', 'get', id, '-o', 'table']);
      expect(sheet.out, `orders get ${id}`).not.toMatch(UNSAFE_TEXT);
      tally.add('hostile outputs checked');
    }

    // CSV for spreadsheets: no cell may start a formula.
    const csvCells = (text: string) => text.split('\n').flatMap((l) => l.split(','));
    const csv = await run(['orders', 'list', '--all', '-o', 'csv', '--fields', 'id,customer.name,customer.email']);
    const file = path.join(tmp.dir, 'hostile.csv');
    expect((await run(['orders', 'export', '--out', file, '--format', 'csv'])).code).toBe(0);
    for (const text of [csv.out, fs.readFileSync(file, 'utf8')]) {
      expect(text).toContain("'=HYPERLINK");
      expect(csvCells(text).filter((c) => /^"?[=+@]/.test(c))).toEqual([]);
    }
    tally.add('hostile outputs checked', 3); // the table, the CSV listing, the export
  });
});

it('an error line quoting a hostile server stays one harmless line', async () => {
  // A server (or a proxy) whose error message carries escapes and a newline.
  const http = await import('node:http');
  const server = http.createServer((_req, res) => {
    res.writeHead(422, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 422, title: 'refused\u001b[2J\nerror: forged second line' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  try {
    const config = (await import('../../src/core/config.js')).memoryConfig({ currentProfile: 'h', profiles: { h: { platform: 'bigcommerce', baseUrl: `http://127.0.0.1:${port}/v2`, token: TOKEN } } });
    const r = await runCommand(['orders', 'get', '1'], { config });
    expect(r.code).toBe(5);
    expect(r.err).toContain('refused\\x1b[2J↵error: forged second line');
    expect(r.err).not.toMatch(UNSAFE_TEXT);
    expect(r.err.split('\n').filter((l) => l.startsWith('error: '))).toHaveLength(1);
  } finally {
    server.close();
  }
});
