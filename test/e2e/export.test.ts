// orders export: atomic files, checkpoints that move only on success, each
// order once per run and each change once across runs, faults and Ctrl-C.
// In-process (the real command tree, a fake clock so retries never sleep)
// against the sandbox over real HTTP.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigStore } from '../../src/core/config.js';
import { fakeClock, seededRandom } from '../../src/core/clock.js';
import { DEFAULT_HTTP, HttpClient } from '../../src/core/http.js';
import { BigCommerceAdapter, bigcommerceHttp } from '../../src/platforms/bigcommerce/adapter.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { runCommand } from '../support/context.js';
import { tempConfigDir } from '../support/tmp.js';
import { parseCsv } from '../support/csv.js';
import type { BcSection } from '../../src/sandbox/dialects/bigcommerce/common.js';
import { humanStderr, orderctl } from '../support/cli.js';

let sandbox: Sandbox;
let tmp: ReturnType<typeof tempConfigDir>;
let config: ConfigStore;
const ORDERS = 120;

beforeAll(async () => {
  // A generous quota: these tests are about faults and concurrency, not pacing.
  sandbox = await startSandbox({ seed: 21, orders: ORDERS, rateLimit: { requests: 100_000, windowMs: 1000 } });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  tmp = tempConfigDir();
  config = await tmp.open();
  await config.save({ currentProfile: 's', profiles: { s: { platform: 'bigcommerce', baseUrl: sandbox.baseUrls.bigcommerce!, token: sandbox.token } } });
});
afterEach(() => tmp.remove());

const out = (name: string) => path.join(tmp.dir, name);
const exportTo = (file: string, ...args: string[]) => runCommand(['orders', 'export', '--out', file, ...args], { config });
/** What a failed run must leave as it was (the file and the checkpoint), checked later: no temp file either. */
function keptAsIs(file: string, checkpoint: string): () => void {
  const cpFile = path.join(tmp.dir, 'checkpoints', `${checkpoint}.json`);
  const before = [fs.readFileSync(file, 'utf8'), fs.readFileSync(cpFile, 'utf8')];
  return () => {
    expect(fs.readFileSync(file, 'utf8')).toBe(before[0]);
    expect(fs.readFileSync(cpFile, 'utf8')).toBe(before[1]);
    expect(fs.readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  };
}
const ndjsonIds = (file: string) => fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).id as string);

function client() {
  const http = new HttpClient(bigcommerceHttp({ platform: 'bigcommerce', baseUrl: sandbox.baseUrls.bigcommerce! }, sandbox.token), { ...DEFAULT_HTTP, clock: fakeClock(), random: seededRandom(9), env: {} });
  return new BigCommerceAdapter(http);
}

describe('orders export', () => {
  it('writes every order once, in each format, and says so in one line', async () => {
    const r = await exportTo(out('all.ndjson'));
    expect(r.code, r.err).toBe(0);
    // Not a terminal: the line starts with the time (the test clock's), as a log line.
    expect(r.err).toMatch(new RegExp(`^2026-11-23T12:00:00Z exported ${ORDERS} orders to .*all\\.ndjson in \\d+s\\n$`));
    const atTerminal = await runCommand(['orders', 'export', '--out', out('one.ndjson'), '--min-id', '100', '--max-id', '100'], { config, io: { stderrIsTTY: true } });
    // (after the progress line is cleared)
    expect(atTerminal.err).toMatch(/\[2Kexported 1 order to .*one\.ndjson in \d+s\n$/);
    const ids = ndjsonIds(out('all.ndjson'));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(ORDERS);

    await exportTo(out('all.json'));
    expect(JSON.parse(fs.readFileSync(out('all.json'), 'utf8')).map((o: { id: string }) => o.id)).toEqual(ids);

    await exportTo(out('all.csv'));
    const csv = fs.readFileSync(out('all.csv'), 'utf8').trim().split('\n');
    expect(csv[0]!.startsWith('id,number,store,platform,status,nativeStatus,fulfillmentStatus,createdAt,updatedAt,customer.id')).toBe(true);
    expect(csv).toHaveLength(ids.length + 1);
  });

  it('writes one CSV row per line item with --lines, and chosen --columns', async () => {
    await exportTo(out('lines.csv'), '--lines', '--max-id', '104');
    const rows = fs.readFileSync(out('lines.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('id,number,store,status,createdAt,updatedAt,customer.email,currency,item.id,item.productId,item.variantId,item.sku,item.title,item.variant,item.quantity,item.unitPrice.amount,item.total.amount,item.status');
    expect(rows.length - 1).toBeGreaterThan(5); // several items per order
    await exportTo(out('cols.csv'), '--columns', 'id,customer.email,totals.total.amount', '--max-id', '101');
    expect(fs.readFileSync(out('cols.csv'), 'utf8').split('\n')[0]).toBe('id,customer.email,totals.total.amount');
    const bad = await exportTo(out('bad.csv'), '--columns', 'id,custmer.email');
    expect(bad.code).toBe(2);
    expect(fs.existsSync(out('bad.csv'))).toBe(false);
    // The error names the flag given.
    const empty = await exportTo(out('bad.csv'), '--columns', 'id,,number');
    expect(empty.code).toBe(2);
    expect(empty.err.split('\n')[0]).toBe('error: invalid --columns "id,,number": an empty field name; use comma-separated names or dotted paths, e.g. id,customer.email');
  });

  it('--lines gives an order without items one row, its item columns empty, and counts orders and rows', async () => {
    const record = sandbox.store.section<BcSection>('bigcommerce').orders.find((r) => r.order.id === 102)!;
    const products = record.products;
    record.products = [];
    try {
      const r = await exportTo(out('itemless.csv'), '--lines', '--min-id', '101', '--max-id', '103');
      expect(r.code, r.err).toBe(0);
      const [header, ...rows] = parseCsv(fs.readFileSync(out('itemless.csv'), 'utf8'));
      const column = (name: string) => header!.indexOf(name);
      const itemless = rows.filter((row) => row[column('id')] === '102');
      expect(itemless).toHaveLength(1);
      expect(itemless[0]![column('number')]).toBe('102');
      expect(header!.map((h, i) => [h, itemless[0]![i]]).filter(([h]) => h!.startsWith('item.')).every(([, cell]) => cell === '')).toBe(true);
      expect(new Set(rows.map((row) => row[column('id')]))).toEqual(new Set(['101', '102', '103']));
      expect(r.err).toMatch(new RegExp(`exported 3 orders \\(${rows.length} rows\\) to `));
    } finally {
      record.products = products;
    }
  });

  it('--fields picks paths in every format: each JSON order keeps them, a CSV has them as columns', async () => {
    const json = await runCommand(['orders', 'export', '--out', '-', '--format', 'ndjson', '--max-id', '101', '--fields', 'id,customer.email,totals.total'], { config });
    expect(json.code, json.err).toBe(0);
    const orders = json.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(orders.map((o) => Object.keys(o))).toEqual([['id', 'customer', 'totals'], ['id', 'customer', 'totals']]);
    expect(Object.keys(orders[0].customer)).toEqual(['email']);
    expect(orders[0].totals.total).toEqual({ amount: expect.stringMatching(/^\d+\.\d+$/), currency: expect.any(String) });
    await runCommand(['orders', 'export', '--out', out('f.csv'), '--lines', '--max-id', '101', '--fields', 'id,item.sku'], { config });
    expect(fs.readFileSync(out('f.csv'), 'utf8').split('\n')[0]).toBe('id,item.sku');
    for (const [args, message] of [
      [['--format', 'csv', '--fields', 'id', '--columns', 'id'], '--fields and --columns both choose the CSV columns: give one'],
      [['--format', 'ndjson', '--fields', 'id,item.sku'], 'unknown field "item.sku"'],
      [['--format', 'csv', '--fields', 'id,custmer.email'], 'unknown field "custmer.email"'],
    ] as const) {
      const r = await runCommand(['orders', 'export', '--out', '-', ...args], { config });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.split('\n')[0]).toContain(message);
      expect(r.out).toBe('');
    }
  });

  it("--raw exports the platform's own JSON, as orders list --raw prints it; refused with CSV", async () => {
    const r = await runCommand(['orders', 'export', '--raw', '--out', '-', '--format', 'ndjson', '--max-id', '101'], { config });
    expect(r.code, r.err).toBe(0);
    const orders = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(orders.map((o) => o.id)).toEqual([100, 101]);
    expect(orders[0]).toHaveProperty('status_id');
    expect(orders[0]).not.toHaveProperty('nativeStatus');
    const listed = await runCommand(['orders', 'list', '--raw', '--all', '-o', 'ndjson', '--max-id', '101', '--sort', 'id:asc'], { config });
    expect(listed.out.trim().split('\n').map((l) => JSON.parse(l))).toEqual(orders);
    const picked = await runCommand(['orders', 'export', '--raw', '--out', '-', '--format', 'json', '--max-id', '100', '--fields', 'id,status_id'], { config });
    expect(JSON.parse(picked.out)).toEqual([{ id: 100, status_id: orders[0].status_id }]);
    const csv = await runCommand(['orders', 'export', '--raw', '--out', out('raw.csv')], { config });
    expect(csv.code).toBe(2);
    expect(csv.err.split('\n')[0]).toBe("error: --raw prints the platform's own JSON: it cannot be used with --format csv");
    expect(fs.existsSync(out('raw.csv'))).toBe(false);
  });

  it('under faults, the file equals the fault-free export', async () => {
    // Two sandboxes with the same seed: one clean, one failing a third of its requests
    // with every fault a read may meet and survive (a 500 or a body of the wrong shape is not
    // retried: it fails the run with exit 1).
    const clean = await startSandbox({ seed: 77, orders: 300, rateLimit: { requests: 100_000, windowMs: 1000 } });
    const faulty = await startSandbox({
      seed: 77,
      orders: 300,
      rateLimit: { requests: 100_000, windowMs: 1000 },
      failRate: 0.35,
      faults: ['503', '429', '429-no-retry-after', 'reset-before', 'reset-after', 'truncated', '502', 'html', '504'],
    });
    try {
      for (const [name, sb] of [['clean', clean], ['faulty', faulty]] as const) {
        // One store name for both: the files must match to the byte, store column included.
        await config.save({ currentProfile: 'shop', profiles: { shop: { platform: 'bigcommerce', baseUrl: sb.baseUrls.bigcommerce!, token: sb.token } } });
        const r = await exportTo(out(`${name}.csv`));
        expect(r.code, r.err).toBe(0);
      }
      expect(fs.readFileSync(out('faulty.csv'), 'utf8')).toBe(fs.readFileSync(out('clean.csv'), 'utf8'));
      expect(fs.readFileSync(out('clean.csv'), 'utf8').trim().split('\n')).toHaveLength(301);
    } finally {
      await clean.close();
      await faulty.close();
    }
  });

  it('a failed run leaves the previous file and checkpoint untouched, and no temp file', async () => {
    const file = out('nightly.ndjson');
    expect((await exportTo(file, '--checkpoint', 'n')).code).toBe(0);
    const unchanged = keptAsIs(file, 'n');
    // Every attempt fails: more faults than the client has attempts.
    sandbox.injectFaults(['503', '503', '503', '503']);
    const r = await exportTo(file, '--checkpoint', 'n', '--overlap', '1000d');
    expect(r.code).toBe(1);
    unchanged();
  });

  it('a full disk fails with one line naming the file, exit 1, and leaves the old file and checkpoint', async () => {
    const file = out('full.csv');
    expect((await exportTo(file, '--checkpoint', 'full')).code).toBe(0);
    const unchanged = keptAsIs(file, 'full');
    // The real atomic file, whose disk fills up after the header and a few rows.
    const r = await runCommand(['orders', 'export', '--out', file, '--checkpoint', 'full', '--overlap', '1000d'], {
      config,
      onContext: (ctx) => {
        const real = ctx.createAtomicFile;
        ctx.createAtomicFile = async (target) => {
          const f = await real(target);
          let writes = 0;
          const write = async (chunk: string) => {
            if (++writes > 4) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });
            return f.write(chunk);
          };
          return { path: f.path, write, commit: () => f.commit(), abort: () => f.abort() };
        };
      },
    });
    expect(r.code).toBe(1);
    expect(r.err).toBe(`error: cannot write ${file}: no space left on the device (ENOSPC); the previous file and the checkpoint are as they were\n`);
    unchanged();
  });

  it('Ctrl-C mid-export exits 130 and leaves the old file and checkpoint', async () => {
    const file = out('n.ndjson');
    // Every answer takes 200 ms: Ctrl-C at 50 ms lands during the first request.
    const slow = await startSandbox({ seed: 21, orders: ORDERS, latencyMs: 200 });
    await config.save({ currentProfile: 's', profiles: { s: { platform: 'bigcommerce', baseUrl: slow.baseUrls.bigcommerce!, token: slow.token } } });
    await exportTo(file, '--checkpoint', 'n');
    const unchanged = keptAsIs(file, 'n');
    const r = await runCommand(['orders', 'export', '--out', file, '--checkpoint', 'n', '--overlap', '1000d'], {
      config,
      onContext: (ctx) => {
        setTimeout(() => ctx.interrupt(), 50);
      },
    });
    await slow.close();
    expect(r.code).toBe(130);
    unchanged();
  });

  it('with orders changing during the run, every order present at the start appears exactly once', async () => {
    const a = client();
    const present: string[] = [];
    for await (const f of a.listOrders({ statuses: [] }, { all: true })) present.push(f.order.id);
    // A writer changes and creates orders while the export pages through.
    let writing = true;
    const writer = (async () => {
      let n = 0;
      while (writing) {
        const id = present[(n * 7) % present.length]!;
        await a.updateOrder(id, { staff_notes: `touched ${n}` });
        if (n % 3 === 0) await a.createOrder({ billing_address: { first_name: 'New', email: `new${n}@example.com`, zip: '1' }, products: [{ name: 'x', quantity: 1, price_inc_tax: 1, price_ex_tax: 1 }] });
        n++;
      }
    })();
    const r = await runCommand(['orders', 'export', '--out', out('moving.ndjson')], { config });
    writing = false;
    await writer;
    expect(r.code, r.err).toBe(0);
    const ids = ndjsonIds(out('moving.ndjson'));
    expect(ids.length).toBe(new Set(ids).size); // nothing doubled
    for (const id of present) expect(ids).toContain(id); // nothing lost
  });

  it('two runs with a checkpoint cover every change exactly once', async () => {
    const first = out('run1.ndjson');
    const second = out('run2.ndjson');
    expect((await exportTo(first, '--checkpoint', 'cron')).code).toBe(0);
    const firstIds = ndjsonIds(first);
    // Between runs: change two orders, create one.
    const a = client();
    await a.updateOrder(firstIds[0]!, { staff_notes: 'changed after run 1' });
    await a.setStatus(firstIds[5]!, 'completed');
    const created = await a.createOrder({ billing_address: { first_name: 'Late', email: 'late@example.com', zip: '1' }, products: [{ name: 'y', quantity: 1, price_inc_tax: 2, price_ex_tax: 2 }] });
    // The sandbox clock is real: make sure the changes are later than everything before.
    const r = await exportTo(second, '--checkpoint', 'cron', '--overlap', '10m');
    expect(r.code, r.err).toBe(0);
    expect(ndjsonIds(second).sort()).toEqual([firstIds[0]!, firstIds[5]!, created.order.id].sort());
    const third = out('run3.ndjson');
    await exportTo(third, '--checkpoint', 'cron', '--overlap', '10m');
    expect(ndjsonIds(third)).toEqual([]); // nothing changed since
  });

  it('--dry-run reads and counts the orders, and writes no file, no output and no checkpoint', async () => {
    const dry = await runCommand(['orders', 'export', '--out', out('dry.csv'), '--checkpoint', 'dry', '--max-id', '104', '--dry-run'], { config });
    expect(dry.code, dry.err).toBe(0);
    expect(dry.err).toBe('dry run: would export 5 orders to ' + out('dry.csv') + '; nothing was written; checkpoint dry unchanged\n');
    expect(dry.out).toBe('');
    expect(fs.readdirSync(tmp.dir).sort()).toEqual(['config.json']);
    const toStdout = await runCommand(['orders', 'export', '--out', '-', '--format', 'ndjson', '--max-id', '101', '--dry-run'], { config });
    expect([toStdout.code, toStdout.out, toStdout.err]).toEqual([0, '', 'dry run: would export 2 orders to standard output; nothing was written\n']);
    // A real run, then a dry reset: the checkpoint stays.
    await exportTo(out('real.csv'), '--checkpoint', 'kept', '--max-id', '101');
    const reset = await runCommand(['orders', 'export', '--checkpoint', 'kept', '--reset', '--dry-run'], { config });
    expect([reset.code, reset.err]).toEqual([0, 'dry run: would remove checkpoint kept; nothing was changed\n']);
    expect((await runCommand(['orders', 'export', '--checkpoint', 'kept', '--show'], { config })).code).toBe(0);
  });

  it('a checkpointed run with --until before the last position leaves the position, so nothing is exported twice', async () => {
    expect((await exportTo(out('u1.ndjson'), '--checkpoint', 'u')).code).toBe(0);
    const show = async () => JSON.parse((await runCommand(['orders', 'export', '--checkpoint', 'u', '--show'], { config })).out).stores[0];
    const position = await show();
    const early = await exportTo(out('u2.ndjson'), '--checkpoint', 'u', '--until', '2020-01-01');
    expect(early.code, early.err).toBe(0);
    expect(ndjsonIds(out('u2.ndjson'))).toEqual([]);
    expect(await show()).toMatchObject({ resumeFrom: position.resumeFrom, highWater: position.highWater, seenInOverlap: position.seenInOverlap });
    await exportTo(out('u3.ndjson'), '--checkpoint', 'u');
    expect(ndjsonIds(out('u3.ndjson'))).toEqual([]);
  });

  it('--sandbox runs with a checkpoint find nothing new the second time (the sandbox URL changes each run)', async () => {
    const env = { ORDERCTL_CONFIG_DIR: tmp.dir };
    const runs = [];
    for (const name of ['s1.ndjson', 's2.ndjson']) {
      const r = await orderctl(['--sandbox', 'orders', 'export', '--out', out(name), '--checkpoint', 'sb'], { env });
      expect(r.code, r.stderr).toBe(0);
      runs.push(ndjsonIds(out(name)).length);
    }
    expect(runs[0]).toBeGreaterThan(0);
    expect(runs[1]).toBe(0);
  });

  it('shows and resets a checkpoint', async () => {
    await exportTo(out('x.ndjson'), '--checkpoint', 'daily');
    const show = await runCommand(['orders', 'export', '--checkpoint', 'daily', '--show'], { config });
    expect(JSON.parse(show.out)).toMatchObject({ name: 'daily', stores: [{ platform: 'bigcommerce', apiRoot: sandbox.baseUrls.bigcommerce!, exported: expect.any(Number) }] });
    const reset = await runCommand(['orders', 'export', '--checkpoint', 'daily', '--reset'], { config });
    expect(reset.err).toMatch(/checkpoint daily removed/);
    expect((await runCommand(['orders', 'export', '--checkpoint', 'daily', '--show'], { config })).code).toBe(2);
  });

  it('--show and --reset are refused together or with export flags, and leave the checkpoint as it was', async () => {
    await exportTo(out('k.ndjson'), '--checkpoint', 'keep');
    const file = path.join(tmp.dir, 'checkpoints', 'keep.json');
    const before = fs.readFileSync(file, 'utf8');
    for (const [args, message] of [
      [['--show', '--reset'], '--show and --reset cannot be used together'],
      [['--reset', '--out', out('r.csv')], '--reset exports nothing, so --out would be ignored'],
      [['--show', '--since', '2d', '--status', 'pending'], '--show exports nothing, so --status, --since would be ignored'],
      [['--reset', '--format', 'csv', '--lines'], '--reset exports nothing, so --format, --lines would be ignored'],
    ] as const) {
      const r = await runCommand(['orders', 'export', '--checkpoint', 'keep', ...args], { config });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.split('\n')[0]).toBe(`error: ${message}`);
      expect(r.out).toBe('');
      expect(fs.readFileSync(file, 'utf8')).toBe(before);
    }
    expect(fs.existsSync(out('r.csv'))).toBe(false);
  });

  it('streams to stdout with --out -', async () => {
    const r = await runCommand(['orders', 'export', '--out', '-', '--format', 'ndjson', '--max-id', '102'], { config });
    expect(r.out.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['100', '101', '102']);
    // On a terminal the orders are shown as they come: no progress line drawn between them.
    const shown = await runCommand(['orders', 'export', '--out', '-', '--format', 'ndjson', '--max-id', '102'], { config, io: { stdoutIsTTY: true, stderrIsTTY: true } });
    expect(shown.code, shown.err).toBe(0);
    expect(shown.err).not.toMatch(/exporting/);
    expect(shown.err).toMatch(/^exported 3 orders to standard output in \d+s\n$/);
    // A file's export on a terminal does show it.
    const toFile = await runCommand(['orders', 'export', '--out', out('p.ndjson'), '--max-id', '102'], { config, io: { stdoutIsTTY: true, stderrIsTTY: true } });
    expect(toFile.err).toMatch(/exporting… /);
  });

  it("refuses an -o that is not the export's format, instead of writing another", async () => {
    for (const [args, message] of [
      [['-o', 'csv', '--out', out('o.ndjson')], '-o csv does not choose what orders export writes: its format is --format (here ndjson)'],
      [['-o', 'ndjson', '--out', out('o.csv')], '-o ndjson does not choose what orders export writes: its format is --format (here csv)'],
      [['-o', 'json', '--format', 'ndjson', '--out', '-'], '-o json does not choose what orders export writes: its format is --format (here ndjson)'],
    ] as const) {
      const r = await runCommand(['orders', 'export', ...args], { config });
      expect(r.code, args.join(' ')).toBe(2);
      // (-o json: the error is a JSON line, read here as a person would)
      expect(humanStderr(r.err).split('\n')[0]).toBe(`error: ${message}`);
      expect(r.out).toBe('');
    }
    expect(fs.existsSync(out('o.ndjson')) || fs.existsSync(out('o.csv'))).toBe(false);
    // The same format said twice is no contradiction; -o table only makes errors plain lines.
    const same = await runCommand(['orders', 'export', '-o', 'ndjson', '--out', '-', '--format', 'ndjson', '--max-id', '100'], { config });
    expect(same.code, same.err).toBe(0);
    expect(JSON.parse(same.out).id).toBe('100');
    expect((await runCommand(['orders', 'export', '-o', 'table', '--out', out('t.csv'), '--max-id', '100'], { config })).code).toBe(0);
  });

  it('refuses bad flags before writing anything', async () => {
    for (const args of [['--out', out('no/such/folder/a.csv')], ['--out', out('a.txt')], ['--format', 'xml', '--out', out('a.xml')], ['--show'], ['--out', out('a.ndjson'), '--lines']]) {
      const r = await runCommand(['orders', 'export', ...args], { config });
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect(fs.readdirSync(tmp.dir).filter((f) => !['config.json'].includes(f))).toEqual([]);
  });

  it('prints only the summary line when run by cron (the built binary, no terminal)', async () => {
    const r = await orderctl(['orders', 'export', '--out', out('cron.csv')], { env: { ORDERCTL_CONFIG_DIR: tmp.dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    // A log of nightly runs can be read back: each line starts with its time.
    expect(r.err).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z exported \d+ orders? to .*cron\.csv in \d+s\n$/);
    const quiet = await orderctl(['orders', 'export', '--out', out('cron.csv'), '--quiet'], { env: { ORDERCTL_CONFIG_DIR: tmp.dir } });
    expect(quiet.err).toBe('');
    // A failed run (README): one JSON error line, or with -o table an error: and a hint: line.
    const refusedEnv = { ORDERCTL_CONFIG_DIR: tmp.dir, ORDERCTL_TOKEN: 'not-the-token' };
    const failed = await orderctl(['orders', 'export', '--out', out('cron.csv'), '--checkpoint', 'cron'], { env: refusedEnv });
    expect(failed.code).toBe(3);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(failed.stderr).error).toMatchObject({ code: 'auth_error', message: expect.any(String), hint: expect.any(String) });
    const plain = await orderctl(['orders', 'export', '-o', 'table', '--out', out('cron.csv'), '--checkpoint', 'cron'], { env: refusedEnv });
    expect(plain.code).toBe(3);
    expect(plain.stderr).toMatch(/^error: .*401.*\nhint: .*\n$/);
  });
});
