// Each -o format means the same on every command, or the command refuses it
// (exit 2) before any request, naming the formats it has.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../../src/cli.js';
import { memoryConfig } from '../../../src/core/config.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/server.js';
import { runCommand } from '../../support/context.js';

let sandbox: Sandbox;
let requests = 0;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, orders: 12, onExchange: () => requests++ });
});
afterAll(async () => {
  await sandbox.close();
});
const shop = () => memoryConfig({ currentProfile: 'shop', profiles: { shop: { platform: 'bigcommerce', baseUrl: sandbox.baseUrls.bigcommerce!, token: sandbox.token } } });

describe('formats', () => {
  it('orders count -o ids is refused before any request: counts are not ids', async () => {
    requests = 0;
    const r = await runCommand(['orders', 'count', '-o', 'ids'], { config: shop() });
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: -o ids is not available for orders count: it prints counts, not order ids\nhint: use -o table, json, ndjson or csv\n');
    expect(r.out).toBe('');
    expect(requests).toBe(0);
    // The formats it has still work.
    expect((await runCommand(['orders', 'count', '-o', 'csv'], { config: shop() })).out).toMatch(/^status,count,native\.code,native\.name,native\.count\n/);
  });

  it('sandbox info refuses ids; its CSV is one row', async () => {
    const r = await runCommand(['sandbox', 'info', '-o', 'ids']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: -o ids is not available for sandbox info: .*\nhint: use -o table, json, ndjson or csv\n$/);
    const csv = await runCommand(['sandbox', 'info', '--state', '/nonexistent/orderctl-state.json', '-o', 'csv']);
    expect(csv.out).toBe('file,exists,platforms\n/nonexistent/orderctl-state.json,false,{}\n');
  });

  it('profile list -o csv names every column', async () => {
    const r = await runCommand(['profile', 'list', '-o', 'csv'], { config: shop() });
    expect(r.out.split('\n')[0]).toBe('name,current,platform,baseUrl,storeHash,token');
    expect(r.out.split('\n')[1]).toMatch(/^shop,true,bigcommerce,http:/);
  });

  it('orders status ID (show only) has no bulk RESULT column, and names the native status', async () => {
    const id = (await runCommand(['orders', 'list', '--limit', '1', '-o', 'ids'], { config: shop() })).out.trim();
    for (const args of [[id], [id, id]]) {
      const table = await runCommand(['orders', 'status', ...args, '-o', 'table'], { config: shop() });
      expect(table.code, table.err).toBe(0);
      expect(table.out.split('\n')[0]!.trim().split(/\s+/)).toEqual(['ID', 'STATUS', 'NATIVE', 'ERROR']);
      expect(table.out).not.toMatch(/\bok\b/);
      const csv = await runCommand(['orders', 'status', ...args, '-o', 'csv'], { config: shop() });
      // As its JSON: the native code, not the table's "2 Shipped".
      expect(csv.out.split('\n')[0]).toBe('id,store,ok,status,nativeStatus,error.code,error.message,error.hint,error.status,error.store,error.id');
      expect(csv.out.split('\n')[1]).toMatch(new RegExp(`^${id},,true,[a-z_]+,\\d+,,,,,,$`));
    }
    // JSON keeps the documented result shape.
    const json = JSON.parse((await runCommand(['orders', 'status', id, '-o', 'json'], { config: shop() })).out);
    expect(json).toEqual([expect.objectContaining({ id, ok: true, error: null })]);
  });

  it('--excel (or --bom) starts CSV with a UTF-8 byte-order mark, for Excel; nothing else changes', async () => {
    const plain = await runCommand(['orders', 'list', '--limit', '3', '-o', 'csv'], { config: shop() });
    for (const flag of ['--excel', '--bom']) {
      const marked = await runCommand(['orders', 'list', '--limit', '3', '-o', 'csv', flag], { config: shop() });
      expect(marked.out, flag).toBe(`\uFEFF${plain.out}`);
    }
    expect(plain.out.charCodeAt(0)).not.toBe(0xfeff);
    // An empty list is still a header row, marked.
    expect((await runCommand(['orders', 'list', '--email', 'nobody@example.invalid', '-o', 'csv', '--excel'], { config: shop() })).out).toMatch(/^\uFEFFid,number,store,/);
    // A CSV export too (its file, from the first byte).
    const dir = mkdtempSync(join(tmpdir(), 'orderctl-bom-'));
    try {
      const file = join(dir, 'orders.csv');
      const r = await runCommand(['orders', 'export', '--out', file, '--excel', '--quiet'], { config: shop() });
      expect(r.code, r.err).toBe(0);
      expect(readFileSync(file, 'utf8')).toMatch(/^\uFEFFid,number,/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // JSON never gets one.
    expect((await runCommand(['orders', 'list', '--limit', '1', '-o', 'json', '--excel'], { config: shop() })).out.charCodeAt(0)).toBe('['.charCodeAt(0));
  });
});

describe('examples', () => {
  it('every `orders list --email` example in help and README finds an order in the sandbox', async () => {
    const help = buildProgram(() => {
      throw new Error('not run');
    })
      .commands.find((c) => c.name() === 'orders')!
      .commands.find((c) => c.name() === 'list')!;
    let text = '';
    help.configureOutput({ writeOut: (s) => (text += s) });
    help.outputHelp();
    text += readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const emails = [...text.matchAll(/orders list [^\n]*--email ([^\s`'"]+)/g)].map((m) => m[1]!);
    expect(emails.length).toBeGreaterThanOrEqual(2);
    // The sandbox as --sandbox starts it: its default seed.
    const seeded = await startSandbox({});
    try {
      const config = memoryConfig({ currentProfile: 's', profiles: { s: { platform: 'bigcommerce', baseUrl: seeded.baseUrls.bigcommerce!, token: seeded.token } } });
      for (const email of emails) {
        const r = await runCommand(['orders', 'list', '--email', email, '-o', 'ids'], { config });
        expect(r.out.trim(), email).not.toBe('');
      }
    } finally {
      await seeded.close();
    }
  });
});

describe('order tables on a terminal', () => {
  it('show the same columns whatever statuses a page holds: only the width decides', async () => {
    const term = { stdoutIsTTY: true, columns: 80 };
    const headers = (out: string) => out.split('\n')[0]!.trim().split(/\s+/);
    const all = await runCommand(['orders', 'list', '-o', 'json'], { config: shop() });
    const statuses = new Set((JSON.parse(all.out) as Array<{ status: string }>).map((o) => o.status));
    // A page of short status names and one with long ones (and long native names).
    const short = [...statuses].sort((a, b) => a.length - b.length)[0]!;
    const long = [...statuses].sort((a, b) => b.length - a.length)[0]!;
    expect(long.length - short.length).toBeGreaterThan(8);
    const a = await runCommand(['orders', 'list', '--status', short], { config: shop(), io: term });
    const b = await runCommand(['orders', 'list', '--status', long], { config: shop(), io: term });
    expect(headers(a.out), a.out).toEqual(headers(b.out));
    expect(headers(a.out)).toEqual(['ID', 'STATUS', 'NATIVE', 'CUSTOMER', 'TOTAL', 'CREATED']);
    for (const out of [a.out, b.out]) expect(out.split('\n').every((l) => l.length <= 80), out).toBe(true);
  });
});
