// Generated bad input on every platform (seeded: the same cases every run;
// DRILL_FULL=1 tries ten times as many): dates, ids, status names, order
// files, NDJSON stdin, environment values, config files. Each gets its
// documented exit code and one line naming the problem, never a stack trace,
// never a request that changes anything, never a changed config file.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryConfig, openConfig } from '../../src/core/config.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { runCommand } from '../support/context.js';
import { DRILL_PLATFORMS, drillProfile } from '../support/drill-platforms.js';
import { drillRandom, expectCleanFailure, figures, FULL } from '../support/drill.js';
import { tempConfigDir } from '../support/tmp.js';

const PER_PLATFORM = FULL ? 400 : 40;
const tally = figures('bad-input');
afterAll(() => tally.save());

const JUNK = ['', ' ', 'x', '-1', '1.5', '2026-13-01', '2026-02-30', '2026-11-01T25:00:00Z', 'tomorrowish', '7y', '-7d', '%00', '../x', '..', '💥', 'a,,b', '{"', 'NaN', '1e999', '9'.repeat(40), '\u001b[2J', 'null'];

let sandbox: Sandbox;
let changes = 0;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3, orders: 10, onExchange: (e) => void (e.method !== 'GET' && changes++) });
});
afterAll(() => sandbox.close());

describe.each(DRILL_PLATFORMS.map((p) => [p.platform, p] as const))('%s', (_name, p) => {
  const random = drillRandom(`bad-input ${p.platform}`);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  // Mostly junk, sometimes a valid value with junk glued on.
  const junk = () => (random() < 0.8 ? pick(JUNK) : `${pick(['2026-11-01', '7d', '101', 'pending'])}${pick(JUNK)}`);
  const badId = () => pick(['', 'abc', '../x', '..', '1.5', '-1', ' 1', '%2F', '💥', 'x'.repeat(300)]);
  const body = () => pick(['', '{', '[]', 'null', '42', '"text"', '{"a":', JSON.stringify({ lineItems: 5 }), '{}']);

  /** One generated bad command: argv, stdin, and the code it must get. */
  function generate(): { argv: string[]; stdin?: string; code: number } {
    const kind = Math.floor(random() * 8);
    switch (kind) {
      case 0:
        return { argv: ['orders', 'list', pick(['--since', '--until', '--created-since', '--created-until']), junk()], code: 2 };
      case 1:
        return { argv: ['orders', 'get', badId()], code: 2 };
      case 2:
        // Not a single letter: CS-Cart shops may define letters of their own.
        return { argv: ['orders', 'list', '--status', pick(['shipped-ish', '99', 'P1', 'FULFILLED!', 'xx', ...JUNK.filter((j) => j.trim().length > 1)])], code: 2 };
      case 3:
        return p.mutations.length ? { argv: [...p.mutations[0]!.args('1').slice(0, 2), badId(), '--yes'], code: 2 } : { argv: ['orders', 'get', badId()], code: 2 };
      case 4:
        // orders create with a bad file: refused before any request (or the platform has no create).
        return { argv: ['orders', 'create', '--file', '-'], stdin: body(), code: 2 };
      case 5:
        return { argv: [pick(['--timeout', '-o', '--fields']), pick(['0s', 'soon', '-1', '', 'xml', 'a,,b', 'custmer.email']), 'orders', 'list'], code: 2 };
      case 6:
        // NDJSON stdin where every line is malformed: each is reported by number and skipped (exit 1).
        return { argv: ['orders', p.mutations[0] ? p.mutations[0].args('1')[1]! : 'fulfill', '--stdin', '--yes', ...(p.mutations[0]?.name === 'status --set' ? ['--set', 'cancelled'] : [])], stdin: `{"id": broken\n{"id": 1, "colour": "red"}\ntwo words\n`, code: 1 };
      default:
        return { argv: ['orders', 'list', '--since', '2026-11-02', '--until', pick(['2026-11-01', junk()])], code: 2 };
    }
  }

  it(`refuses ${PER_PLATFORM} generated bad inputs with one line and no change`, async () => {
    const config = memoryConfig({ currentProfile: 'd', profiles: { d: drillProfile(p, sandbox) } });
    const before = JSON.stringify(config.data());
    for (let i = 0; i < PER_PLATFORM; i++) {
      const c = generate();
      const changesBefore = changes;
      const r = await runCommand(c.argv, { config, io: { stdin: c.stdin ?? '' } });
      const where = `${c.argv.join(' ')}${c.stdin !== undefined ? ` <<< ${JSON.stringify(c.stdin)}` : ''}`;
      if (c.code === 1) {
        expect(r.code, `${where}\n${r.err}`).toBe(1);
        expect(r.err, where).toMatch(/line 1\b/);
        expect(r.err, where).not.toMatch(/\n\s+at /);
      } else expectCleanFailure(r, c.code, where);
      expect(changes - changesBefore, `${where}: nothing changed`).toBe(0);
      tally.add('inputs tried');
    }
    expect(JSON.stringify(config.data())).toBe(before);
  });

  it('refuses bad environment values: an unknown ORDERCTL_PROFILE, a refused ORDERCTL_TOKEN', async () => {
    const config = memoryConfig({ currentProfile: 'd', profiles: { d: drillProfile(p, sandbox) } });
    for (const name of ['nope', 'D', ' d', '../d']) {
      expectCleanFailure(await runCommand(['orders', 'list'], { config, env: { ORDERCTL_PROFILE: name } }), 2, `ORDERCTL_PROFILE=${name}`);
      tally.add('inputs tried');
    }
    expectCleanFailure(await runCommand(['orders', 'list'], { config, env: { ORDERCTL_TOKEN: 'not-the-token' } }), 3, 'ORDERCTL_TOKEN');
    tally.add('inputs tried');
  });

  it('damaged config files give exit 2 naming the file, and stay byte for byte', async () => {
    const good = JSON.stringify({ currentProfile: 'd', profiles: { d: drillProfile(p, sandbox) } });
    // Truncations at seeded places, wrong types, and an unknown platform.
    const cuts = Array.from({ length: FULL ? 40 : 6 }, () => good.slice(0, 1 + Math.floor(random() * (good.length - 2))));
    const texts = [
      ...cuts,
      good.replace(`"${p.platform}"`, '"shopify"'),
      good.replace('"profiles":{', '"profiles":{"x":5,'),
      good.replace(/"token":"[^"]*"/, '"token":[]'),
      good.replace('"currentProfile":"d"', '"currentProfile":7'),
    ];
    for (const text of texts) {
      const tmp = tempConfigDir();
      const file = path.join(tmp.dir, 'config.json');
      fs.writeFileSync(file, text, { mode: 0o600 });
      let r: { code: number; err: string };
      try {
        r = await runCommand(['orders', 'list'], { config: await openConfig({ ORDERCTL_CONFIG_DIR: tmp.dir }) });
      } catch (err) {
        r = { code: (err as { exitCode: number }).exitCode, err: `error: ${(err as Error).message}\n` };
      }
      expectCleanFailure(r, 2, text);
      expect(r.err, text).toContain(file);
      expect(fs.readFileSync(file, 'utf8')).toBe(text);
      tmp.remove();
      tally.add('inputs tried');
    }
  });
});
