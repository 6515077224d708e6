// The fault matrix: every platform's sandbox dialect × every fault kind × every
// command class (read, list-all, create, mutate, export), each fault met once
// (a blip) or on every attempt (an outage). Reads succeed after retries or fail
// with exit 1 and one clear line; a change happens at most once, and once more
// after the recovery the error advises; nothing is half-written. In-process
// with a fake clock (retries never sleep) against a real sandbox over HTTP.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigStore } from '../../src/core/config.js';
import { DEFAULT_HTTP } from '../../src/core/http.js';
import { DIALECTS, FAULT_KINDS, startSandbox, type FaultKind, type FaultTarget, type Sandbox } from '../../src/sandbox/server.js';
import { runCommand } from '../support/context.js';
import { DRILL_PLATFORMS, drillProfile, type DrillMutation, type DrillPlatform } from '../support/drill-platforms.js';
import { expectCleanFailure, figures, sample } from '../support/drill.js';
import { tempConfigDir } from '../support/tmp.js';

type CommandClass = 'read' | 'list-all' | 'create' | 'mutate' | 'export';
interface Case {
  p: DrillPlatform;
  fault: FaultKind;
  cls: CommandClass;
  mutation?: DrillMutation;
  /** Met on every attempt, not just the first. */
  outage: boolean;
}

const ORDERS = 260; // more than one page on every paged platform, for list-all and export
const SPIKE_MS = 800;
const TIMEOUT = ['--timeout', '300ms']; // only where the fault is a latency spike
const CHANGES = ['PUT', 'POST', 'DELETE', 'PATCH'];

/** What the retry policy promises (README, "Guarantees"): ok, fail (exit 1), or either. */
function expected(c: Case, repeatable: boolean): 'ok' | 'fail' | 'either' {
  if (c.fault === '500') return 'fail'; // an error the server owns: not retried
  // A 200 of the wrong shape fails a read; a change whose answer is ignored may succeed.
  if (c.fault === 'bad-shape') return c.cls === 'mutate' || c.cls === 'create' ? 'either' : 'fail';
  if (c.outage) return 'fail';
  // A 429 is a refusal before any processing: always safe to repeat.
  if (c.fault === '429' || c.fault === '429-no-retry-after') return 'ok';
  return repeatable ? 'ok' : 'fail';
}

function allCases(): Case[] {
  const out: Case[] = [];
  for (const p of DRILL_PLATFORMS) {
    for (const fault of FAULT_KINDS) {
      for (const outage of [false, true]) {
        out.push({ p, fault, outage, cls: 'read' }, { p, fault, outage, cls: 'list-all' }, { p, fault, outage, cls: 'export' });
        for (const mutation of p.mutations) out.push({ p, fault, outage, cls: 'mutate', mutation });
        if (p.create) out.push({ p, fault, outage, cls: 'create' });
      }
    }
  }
  return out;
}

// npm test: a seeded sample covering every platform × fault and platform × class; DRILL_FULL=1: all.
const CASES = sample(allCases(), 0.1, 'faults', (c) => [`${c.p.platform} ${c.fault}`, `${c.p.platform} ${c.cls} ${c.mutation?.name ?? ''}`, `${c.fault} ${c.outage}`]);
const tally = figures('faults');
afterAll(() => tally.save());

describe.each(DRILL_PLATFORMS.map((p) => [p.platform, p] as const))('fault matrix: %s', (_name, p) => {
  let sandbox: Sandbox;
  let config: ConfigStore;
  let tmp: ReturnType<typeof tempConfigDir>;
  /** Orders each mutation can still really change, by mutation name. */
  const pools = new Map<string, string[]>();
  let created = 0;

  beforeAll(async () => {
    // A generous quota: the 429s here are the injected ones.
    sandbox = await startSandbox({ seed: 5, orders: ORDERS, spikeMs: SPIKE_MS, rateLimit: { requests: 1_000_000, windowMs: 1000 } });
    tmp = tempConfigDir();
    config = await tmp.open(); // checkpoints live beside it
    await config.save({ currentProfile: 'd', profiles: { d: drillProfile(p, sandbox) } });
    const listed = await run(['orders', 'list', '--all', '-o', 'ndjson', '--raw']);
    expect(listed.code, listed.err).toBe(0);
    const raws = listed.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const idOf = (raw: Record<string, unknown>) => String(raw.id ?? raw.order_id);
    // Each order is changed by one case only, so its change count is that case's alone.
    const used = new Set<string>();
    // The choosiest mutation first, so the others do not take its few orders.
    const choosy = [...p.mutations].sort((a, b) => raws.filter(a.eligible).length - raws.filter(b.eligible).length);
    for (const m of choosy) {
      const ids = raws.filter((r) => m.eligible(r) && !used.has(idOf(r))).map(idOf);
      const needed = CASES.filter((c) => c.p === p && c.mutation === m).length;
      expect(ids.length, `${p.platform} orders eligible for ${m.name}`).toBeGreaterThanOrEqual(needed);
      ids.slice(0, needed).forEach((id) => used.add(id));
      pools.set(m.name, ids.slice(0, needed));
    }
  });
  afterAll(async () => {
    await sandbox?.close();
    tmp?.remove();
  });

  let runs = 0;
  // Each run its own seed: idempotency keys made by orders create differ, as they do with Math.random.
  const run = (argv: string[]) => runCommand(argv, { config, seed: ++runs });
  const orderCount = () => DIALECTS.find((d) => d.platform === p.platform)!.summarize(sandbox.store.section(p.platform)).orders!;
  const listIds = async () => {
    const r = await run(['orders', 'list', '--all', '-o', 'ids']);
    expect(r.code, r.err).toBe(0);
    return r.out.trim().split('\n').sort();
  };
  const inject = (c: Case, target: FaultTarget) => sandbox.injectFaults(Array(c.outage ? DEFAULT_HTTP.maxAttempts : 1).fill(c.fault), target);
  const extra = (c: Case) => (c.fault === 'latency' ? TIMEOUT : []);

  /** A command that failed after a change may have arrived says so, and how to go on safely. */
  const expectChangeFailure = (r: { code: number; err: string }, where: string, changed: number, repeatable: boolean) => {
    expectCleanFailure(r, 1, where);
    if (changed && !repeatable) expect(r.err, `${where}: says the change may be made`).toMatch(/may have reached|accepted the request/);
  };

  async function readCase(c: Case, ids: string[], where: string) {
    const id = ids[(ids.length * 7 + FAULT_KINDS.indexOf(c.fault)) % ids.length]!;
    inject(c, { method: 'GET', path: new RegExp(`/orders/${id}(/|$)`) });
    const r = await run(['orders', 'get', id, '-o', 'json', ...extra(c)]);
    const want = expected(c, true);
    if (want === 'ok' || (want === 'either' && r.code === 0)) {
      expect(r.code, `${where}\n${r.err}`).toBe(0);
      expect(JSON.parse(r.out).id).toBe(id);
    } else {
      expectCleanFailure(r, 1, where);
      expect(r.out, where).toBe('');
    }
  }

  async function listCase(c: Case, ids: string[], where: string) {
    // The second page: a failure part-way, after output has started (an unpaged list: its one answer).
    inject(c, { method: 'GET', path: /\/orders\/?$/, skip: p.unpaged ? 0 : 1 });
    const r = await run(['orders', 'list', '--all', '-o', 'json', ...extra(c)]);
    if (expected(c, true) === 'ok') {
      expect(r.code, `${where}\n${r.err}`).toBe(0);
      expect(JSON.parse(r.out).map((o: { id: string }) => o.id).sort()).toEqual(ids);
    } else {
      expectCleanFailure(r, 1, where);
      // What was printed stays, but no parser takes it for the whole answer.
      expect(() => JSON.parse(r.out), where).toThrow();
    }
  }

  async function exportCase(c: Case, ids: string[], where: string, n: number) {
    const dir = path.join(tmp.dir, `export-${n}`);
    fs.mkdirSync(dir);
    const file = path.join(dir, 'orders.ndjson');
    fs.writeFileSync(file, 'yesterday\n');
    const cpName = `drill-${n}`;
    const checkpoint = path.join(tmp.dir, 'checkpoints', `${cpName}.json`);
    inject(c, { method: 'GET', path: /\/orders\/?$/, skip: p.unpaged ? 0 : 1 });
    const r = await run(['orders', 'export', '--out', file, '--checkpoint', cpName, ...extra(c)]);
    if (expected(c, true) === 'ok') {
      expect(r.code, `${where}\n${r.err}`).toBe(0);
      const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
      expect(lines.map((l) => JSON.parse(l).id).sort(), where).toEqual(ids);
    } else {
      expectCleanFailure(r, 1, where);
      expect(fs.readFileSync(file, 'utf8'), `${where}: the previous file stays`).toBe('yesterday\n');
      expect(fs.existsSync(checkpoint), `${where}: the checkpoint does not move`).toBe(false);
    }
    expect(fs.readdirSync(dir), `${where}: no temp file`).toEqual(['orders.ndjson']);
  }

  /**
   * A change: at most once under the fault; then the recovery the error advises
   * (repeat what is safe to repeat, check the order before repeating what is
   * not) leaves it changed exactly once.
   */
  async function changeCase(c: Case, where: string, argv: string[], count: () => number, repeatable: boolean, retry: (err: string) => string[], goneWhenDone?: RegExp) {
    const before = count();
    inject(c, { method: CHANGES });
    const r = await run([...argv, '-o', 'json', ...extra(c)]);
    await sandbox.settled(); // a request the client gave up on may still land
    const changed = count() - before;
    expect(changed, `${where}: changed at most once\n${r.err}`).toBeLessThanOrEqual(1);
    const want = expected(c, repeatable);
    if (want === 'ok' || (want === 'either' && r.code === 0)) {
      expect(r.code, `${where}\n${r.err}`).toBe(0);
      expect(changed, `${where}: a success changed it`).toBe(1);
    } else expectChangeFailure(r, where, changed, repeatable);
    sandbox.clearFaults();
    if (r.code !== 0 && (repeatable || changed === 0)) {
      const again = await run([...retry(r.err), '-o', 'json']);
      if (goneWhenDone && changed && again.code !== 0) {
        // The change was made: the repeat finds its target gone, and says it may be why.
        expect(again.code, `${where}: the advised retry\n${again.err}`).toBe(4);
        expect(again.err, where).toMatch(goneWhenDone);
      } else expect(again.code, `${where}: the advised retry\n${again.err}`).toBe(0);
    }
    expect(count() - before, `${where}: changed exactly once in the end`).toBe(1);
    tally.add('items changed exactly once');
  }

  async function createCase(c: Case, where: string) {
    const file = path.join(tmp.dir, `create-${++created}.json`);
    fs.writeFileSync(file, JSON.stringify(p.create!.body(created)));
    const argv = ['orders', 'create', '--file', file];
    // The key printed before the request is what makes the repeat safe.
    const withKey = (err: string) => {
      const key = /idempotency key: (\S+)/.exec(err)?.[1];
      return key ? [...argv, '--idempotency-key', key] : argv;
    };
    await changeCase(c, where, argv, orderCount, p.create!.repeatable, withKey);
  }

  async function mutateCase(c: Case, where: string) {
    const m = c.mutation!;
    const id = pools.get(m.name)!.pop()!;
    await changeCase(c, `${where} (order ${id})`, m.args(id), () => sandbox.store.changeCount(p.platform, id), m.repeatable, () => m.args(id), m.goneWhenDone);
  }

  const byFault = FAULT_KINDS.map((f) => [f, CASES.filter((c) => c.p === p && c.fault === f)] as const).filter(([, cs]) => cs.length);
  let exports = 0;
  it.each(byFault)('%s', async (fault, cases) => {
    // Reads first, so the orders they expect are not yet changed by this fault's writes.
    const order: CommandClass[] = ['read', 'list-all', 'export', 'mutate', 'create'];
    const sorted = [...cases].sort((a, b) => order.indexOf(a.cls) - order.indexOf(b.cls));
    const ids = await listIds();
    for (const c of sorted) {
      const where = `${p.platform} ${c.cls}${c.mutation ? ` ${c.mutation.name}` : ''} under ${c.outage ? 'an outage of' : 'one'} ${fault}`;
      try {
        if (c.cls === 'read') await readCase(c, ids, where);
        else if (c.cls === 'list-all') await listCase(c, ids, where);
        else if (c.cls === 'export') await exportCase(c, ids, where, ++exports);
        else if (c.cls === 'create') await createCase(c, where);
        else await mutateCase(c, where);
      } finally {
        // A fault no attempt met (the command gave up first) must not reach the next case.
        await sandbox.settled();
        sandbox.clearFaults();
      }
      tally.add('faults tried');
      tally.add(`faults tried: ${c.cls}`);
    }
  }, 120_000);
});
