// Mutating commands as bulk tools: concurrency under a rate limit and faults
// with every order changed exactly once (the sandbox counts), --dry-run,
// stdin parsing, --fail-fast and a gentle Ctrl-C.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryConfig, type ConfigStore } from '../../src/core/config.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { runCommand } from '../support/context.js';

let sandbox: Sandbox;
let config: ConfigStore;
/** Requests the sandbox answered. */
let exchanges = 0;

async function start(opts: Parameters<typeof startSandbox>[0] = {}) {
  sandbox = await startSandbox({ seed: 8, orders: 80, onExchange: () => exchanges++, ...opts });
  config = memoryConfig({ currentProfile: 's', profiles: { s: { platform: 'bigcommerce', baseUrl: sandbox.baseUrls.bigcommerce!, token: sandbox.token } } });
}
afterEach(() => sandbox?.close());

const changes = (id: string) => sandbox.store.changeCount('bigcommerce', id);
async function idsWithStatus(status: string): Promise<string[]> {
  const r = await runCommand(['orders', 'list', '--status', status, '--all', '--sort', 'id:asc', '-o', 'ids'], { config });
  return r.out.trim().split('\n').filter(Boolean);
}

describe('bulk status changes', () => {
  beforeEach(() => start({ rateLimit: { requests: 10, windowMs: 200 }, failRate: 0.2, faults: ['503', '502', '504', '429', '429-no-retry-after', 'reset-before', 'reset-after', 'truncated', 'html'] }));

  it('changes every order exactly once under a rate limit and faults', async () => {
    const listed = (await runCommand(['orders', 'list', '--all', '-o', 'ndjson', '--max-id', '139'], { config, realClock: true })).out.trim().split('\n').map((l) => JSON.parse(l));
    // Orders already Disputed (13) do not change; every other one must change exactly once.
    const ids: string[] = listed.filter((o) => o.nativeStatus !== '13').map((o) => o.id);
    expect(ids.length).toBeGreaterThan(30);
    const before = new Map(ids.map((id) => [id, changes(id)]));
    // A status none of them has, so every order really changes.
    const r = await runCommand(['orders', 'status', '--stdin', '--set', '13', '--yes', '--concurrency', '8', '-o', 'ndjson'], { config, io: { stdin: ids.join('\n') }, realClock: true });
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(ids.length);
    // An order whose every attempt met a fault is reported, never applied twice;
    // running just those again (as a user would) finishes the job.
    const failed = lines.filter((l) => !l.ok).map((l) => l.id);
    expect(r.code).toBe(failed.length ? 1 : 0);
    if (failed.length) {
      const again = await runCommand(['orders', 'status', ...failed, '--set', '13', '--yes', '-o', 'ndjson'], { config, realClock: true });
      expect(again.code, again.err).toBe(0);
    }
    for (const id of ids) expect(changes(id) - before.get(id)!, `order ${id}`).toBe(1);
    expect(lines.filter((l) => l.ok).every((l) => l.status === 'on_hold')).toBe(true);
  });
});

describe('bulk runs', () => {
  beforeEach(() => start());

  it('--dry-run prints the exact requests, redacted, and sends none', async () => {
    const ids = (await idsWithStatus('awaiting_fulfillment')).slice(0, 3);
    const r = await runCommand(['orders', 'fulfill', ...ids, '--tracking', 'T1', '--carrier', 'ups', '--dry-run'], { config });
    expect(r.code, r.err).toBe(0);
    const posts = r.out.split('\n').filter((l) => l.startsWith('POST '));
    expect(posts).toEqual(ids.map((id) => `POST ${sandbox.baseUrls.bigcommerce}/orders/${id}/shipments`));
    expect(r.out).toContain('"tracking_number":"T1"');
    expect(r.out).not.toContain(sandbox.token);
    expect(r.err).toMatch(/dry run: nothing was sent/);
    for (const id of ids) expect(changes(id)).toBe(0);
    const cancel = await runCommand(['orders', 'cancel', ids[0]!, '--dry-run'], { config });
    expect(cancel.code).toBe(0);
    expect(cancel.out).toBe(`PUT ${sandbox.baseUrls.bigcommerce}/orders/${ids[0]}\n{"status_id":5}\n`);
    // One order says it as several do; --quiet leaves it out for both.
    expect(cancel.err).toBe('dry run: nothing was sent (1 order)\n');
    const one = await runCommand(['orders', 'fulfill', ids[0]!, '--tracking', 'T1', '--dry-run'], { config });
    expect([one.code, one.err]).toEqual([0, 'dry run: nothing was sent (1 order)\n']);
    expect(one.out).toMatch(/^POST .*\/shipments\n/);
    for (const args of [[ids[0]!], ids]) {
      const quiet = await runCommand(['orders', 'fulfill', ...args, '--tracking', 'T1', '--dry-run', '-q'], { config });
      expect([quiet.code, quiet.err]).toEqual([0, '']);
    }
    expect(changes(ids[0]!)).toBe(0);
  });

  it('--dry-run of several orders says which would fail and exits 1, as the run itself would', async () => {
    const [a] = await idsWithStatus('awaiting_fulfillment');
    const r = await runCommand(['orders', 'cancel', a!, 'abc', '--dry-run', '-o', 'table'], { config });
    expect(r.code, r.err).toBe(1);
    expect(r.out).toBe(`PUT ${sandbox.baseUrls.bigcommerce}/orders/${a}\n{"status_id":5}\n`);
    expect(r.err).toContain('error: invalid BigCommerce order id "abc": ids are whole numbers\n');
    expect(r.err).toMatch(/dry run: nothing was sent \(2 orders\)\nerror: 1 of 2 orders failed/);
    // A shipment reads the order first: a missing one is said, with JSON output as a JSON error line naming it.
    const json = await runCommand(['orders', 'fulfill', '999999', 'abc', '--dry-run', '-o', 'json'], { config });
    expect(json.code).toBe(1);
    expect(json.out).toBe('');
    const errors = json.err.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l).error);
    expect(errors.find((e) => e.id === '999999')).toMatchObject({ code: 'not_found', status: 404 });
    expect(errors.find((e) => e.id === 'abc')).toMatchObject({ code: 'usage_error' });
    expect(errors.at(-1)).toMatchObject({ message: '2 of 2 orders failed' });
    expect(changes(a!)).toBe(0);
  });

  it('reads ids and NDJSON from stdin: comments, blanks, overrides, and rejected lines by number', async () => {
    const [a, b, c] = await idsWithStatus('awaiting_fulfillment');
    const stdin = [
      '# shipments for today',
      '',
      JSON.stringify({ id: a, tracking: 'NDJSON-1' }),
      `  ${b}  `,
      '{"id": broken',
      JSON.stringify({ id: c, colour: 'red' }),
      'two words',
    ].join('\n');
    const r = await runCommand(['orders', 'fulfill', '--stdin', '--tracking', 'FLAG', '-o', 'ndjson'], { config, io: { stdin } });
    // NDJSON output, stderr no terminal: every line of stderr is a JSON error line, rejected lines too.
    const errors = r.err.trim().split('\n').map((l) => JSON.parse(l).error);
    expect(errors.slice(0, 3)).toEqual([
      { code: 'usage_error', message: 'stdin line 5: not valid JSON; skipped', hint: null, status: null, store: null },
      expect.objectContaining({ code: 'usage_error', message: expect.stringMatching(/^stdin line 6: unknown field "colour"/) }),
      expect.objectContaining({ code: 'usage_error', message: 'stdin line 7: "two words" is not one id; skipped' }),
    ]);
    // On a terminal, they are lines for people.
    const tty = await runCommand(['orders', 'fulfill', '--stdin', '--tracking', 'FLAG', '-o', 'ndjson', '--dry-run'], { config, io: { stdin, stderrIsTTY: true } });
    expect(tty.err).toContain('error: stdin line 5: not valid JSON; skipped\n');
    const results = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(results.map((x) => x.id).sort()).toEqual([a, b].sort());
    expect(results.every((x) => x.ok)).toBe(true);
    expect(r.code).toBe(1); // rejected lines make the run fail, after the good ones ran
    expect(r.err).toMatch(/0 of 2 orders failed, 3 input lines rejected/);
    expect(changes(c!)).toBe(0);
  });

  it('stdin whose every line is rejected fails as a rejected line does (exit 1), with no request and no internal error', async () => {
    const stdin = ['{"id": broken', 'two words'].join('\n');
    for (const args of [['get'], ['status'], ['status', '--set', 'on_hold'], ['fulfill'], ['cancel'], ['archive']]) {
      const before = exchanges;
      const r = await runCommand(['orders', ...args, '--stdin', '--yes', '-o', 'ids'], { config, io: { stdin } });
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(1);
      expect(r.err).not.toMatch(/bug in orderctl|Cannot read/);
      expect(r.err).toMatch(/--stdin read no order ids: all 2 lines were rejected/);
      expect(r.out).toBe('');
      expect(exchanges).toBe(before);
    }
  });

  it('orders status without --set shows the orders of a listing\'s NDJSON, as get reads them; a line that sets stays strict', async () => {
    const listed = await runCommand(['orders', 'list', '--limit', '3', '-o', 'ndjson'], { config });
    const orders = listed.out.trim().split('\n').map((l) => JSON.parse(l));
    const r = await runCommand(['orders', 'status', '--stdin', '-o', 'ndjson'], { config, io: { stdin: listed.out } });
    expect(r.code, r.err).toBe(0);
    const shown = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(shown.map((x) => [x.id, x.status]).sort()).toEqual(orders.map((o) => [o.id, o.status]).sort());
    const before = changes(orders[0].id);
    const strict = await runCommand(['orders', 'status', '--stdin', '--yes', '-o', 'ndjson'], { config, io: { stdin: JSON.stringify({ id: orders[0].id, set: 'on_hold', ntoify: true }) } });
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/stdin line 1: unknown field \\"ntoify\\" \(allowed: id, store, set, notify\)/);
    expect(changes(orders[0].id)).toBe(before);
  });

  it('orders status of several ids, every one missing: not found (exit 4), as orders get says; anything more stays exit 1', async () => {
    const [a] = await idsWithStatus('pending');
    for (const command of ['status', 'get']) {
      const missing = await runCommand(['orders', command, '999998', '999999', '-o', 'json'], { config });
      expect(missing.code, `${command}: ${missing.err}`).toBe(4);
      expect(JSON.parse(missing.err.trim().split('\n').at(-1)!).error).toMatchObject({ code: 'not_found', message: '2 of 2 orders could not be read' });
      // A mix of found and missing, a rejected line, an id that cannot be one, --fail-fast leaving one unread: a failed run.
      for (const [args, stdin] of [
        [[a!, '999999'], undefined],
        [['--stdin'], '999998\n999999\ntwo words\n'],
        [['999999', 'abc'], undefined],
        [['999998', '999999', '--fail-fast', '--concurrency', '1'], undefined],
      ] as const) {
        const r = await runCommand(['orders', command, ...args, '-o', 'json'], { config, io: { stdin } });
        expect(r.code, `${command} ${args.join(' ')}: ${r.err}`).toBe(1);
      }
    }
    const table = await runCommand(['orders', 'status', '999998', '999999', '-o', 'table'], { config });
    expect([table.code, table.err.trim().split('\n').at(-1)]).toEqual([4, 'error: 2 of 2 orders could not be read']);
    // One id keeps its own error.
    const one = await runCommand(['orders', 'status', '999999', '-o', 'table'], { config });
    expect([one.code, one.err]).toEqual([4, expect.stringMatching(/^error: order 999999 not found/)]);
  });

  it('orders status without --set sends nothing, so --dry-run shows the statuses as without it, and no dry-run line', async () => {
    const [a, b] = await idsWithStatus('pending');
    for (const ids of [[a!], [a!, b!]]) {
      const dry = await runCommand(['orders', 'status', ...ids, '--dry-run', '-o', 'ndjson'], { config });
      expect([dry.code, dry.err], dry.err).toEqual([0, '']);
      expect(dry.out.trim().split('\n').map((l) => JSON.parse(l))).toEqual(ids.map((id) => expect.objectContaining({ id, ok: true, status: 'pending' })));
    }
  });

  it('goes on past a failed order, or stops with --fail-fast', async () => {
    const [a, b] = await idsWithStatus('pending');
    const r = await runCommand(['orders', 'cancel', a!, '999999', b!, '--yes', '-o', 'ndjson', '--concurrency', '1'], { config });
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n').map((l) => JSON.parse(l).ok)).toEqual([true, false, true]);
    // On a terminal, the failures are summed up in a table on stderr.
    const tty = await runCommand(['orders', 'status', a!, '999997', '-o', 'ndjson'], { config, io: { stderrIsTTY: true } });
    expect(tty.err).toMatch(/1 of 2 failed:\nID\s+ERROR\n999997\s+order 999997 not found/);
    const [c, d] = await idsWithStatus('pending');
    const ff = await runCommand(['orders', 'cancel', '999998', c!, d!, '--yes', '-o', 'ndjson', '--concurrency', '1', '--fail-fast'], { config });
    expect(ff.code).toBe(1);
    expect(ff.out.trim().split('\n')).toHaveLength(1);
    expect(ff.err).toMatch(new RegExp(`stopped by --fail-fast, not started: ${c} ${d}`));
    expect(changes(c!)).toBe(0);
  });

  it('destructive changes need --yes without a terminal, and say how many', async () => {
    const ids = (await idsWithStatus('pending')).slice(0, 2);
    const r = await runCommand(['orders', 'archive', ...ids], { config });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/archive 2 orders: confirmation needed/);
    const asked = await runCommand(['orders', 'archive', ...ids], { config, io: { canPrompt: true }, answers: [false] });
    expect(asked.code).toBe(2);
    expect(ids.map(changes)).toEqual([0, 0]);
  });

  it('Ctrl-C stops starting new orders, lets those in flight finish, and says what was not done', async () => {
    await sandbox.close();
    await start({ latencyMs: 40 });
    const ids = (await idsWithStatus('awaiting_fulfillment')).concat(await idsWithStatus('completed')).slice(0, 12);
    const r = await runCommand(['orders', 'status', ...ids, '--set', '13', '--yes', '--concurrency', '2', '-o', 'ndjson'], {
      config,
      onContext: (ctx) => setTimeout(() => ctx.interrupt(), 150),
    });
    expect(r.code).toBe(130);
    const done = r.out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(12);
    expect(done.every((d) => d.ok)).toBe(true); // in-flight requests finished, none was cut off
    const notStarted = /not started: (.*)\n/.exec(r.err)![1]!.split(' ');
    expect(notStarted.length + done.length).toBe(12);
    for (const id of notStarted) expect(changes(id)).toBe(0);
    for (const d of done) expect(changes(d.id)).toBe(1);
  });
});
