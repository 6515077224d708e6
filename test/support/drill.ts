// What the drills share: how many cases to run (a seeded sample in npm test,
// everything with DRILL_FULL=1), the figures they count, and the checks every
// failed command must pass.

import { humanStderr } from './cli.js';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { seededRandom } from '../../src/core/clock.js';

/** `npm run drill` sets DRILL_FULL=1: every case, more generated inputs. */
export const FULL = process.env.DRILL_FULL === '1';
/** DRILL_SEED=N replays another sample; the default keeps npm test deterministic. */
export const SEED = Number(process.env.DRILL_SEED ?? 2026);

export function drillRandom(salt: string): () => number {
  let h = SEED;
  for (const c of salt) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return seededRandom(h);
}

/** Every case in full; otherwise a seeded sample that still covers each of the `strata` keys at least once. */
export function sample<T>(all: readonly T[], share: number, salt: string, strata: (t: T) => string[]): T[] {
  if (FULL) return [...all];
  const random = drillRandom(salt);
  const picked = new Set<T>(all.filter(() => random() < share));
  const covered = new Set([...picked].flatMap(strata));
  // Shuffled, so the case that covers a key is not always the first one listed.
  const rest = all.filter((t) => !picked.has(t)).map((t) => ({ t, k: random() })).sort((a, b) => a.k - b.k).map((x) => x.t);
  for (const t of rest) {
    const keys = strata(t).filter((k) => !covered.has(k));
    if (!keys.length) continue;
    keys.forEach((k) => covered.add(k));
    picked.add(t);
  }
  return all.filter((t) => picked.has(t));
}

export type Figures = Record<string, number>;

/** Counts what a drill tried; written to $DRILL_FIGURES/<name>.json for `npm run drill` to print. */
export function figures(name: string): { add(key: string, n?: number): void; save(): void; values: Figures } {
  const values: Figures = {};
  return {
    values,
    add: (key, n = 1) => {
      values[key] = (values[key] ?? 0) + n;
    },
    save: () => {
      const dir = process.env.DRILL_FIGURES;
      if (!dir) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(values)}\n`);
    },
  };
}

// A C0/C1 control character, or a bidi override/isolate (U+202A–202E, U+2066–2069).
// eslint-disable-next-line no-control-regex
export const UNSAFE_TEXT = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A failed command: the exit code, one "error:" line naming the problem (a "hint:" may follow), no stack trace, nothing unsafe. */
export function expectCleanFailure(r: { code: number; err: string }, code: number, where: string): void {
  expect(r.code, `${where}\n${r.err}`).toBe(code);
  // Scripts get the error as one JSON line; read as a person would, it is the same one error line.
  const lines = humanStderr(r.err).split('\n').filter((l) => l !== '');
  const errors = lines.filter((l) => l.startsWith('error: '));
  expect(errors, `${where}: one error line\n${r.err}`).toHaveLength(1);
  expect(errors[0]!.length, where).toBeGreaterThan('error: '.length + 10);
  expect(r.err, where).not.toMatch(/\n\s+at /);
  expect(r.err, where).not.toMatch(UNSAFE_TEXT);
}
