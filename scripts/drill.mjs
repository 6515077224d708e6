// npm run drill: every drill in full (DRILL_FULL=1: every fault case, ten times
// the generated inputs), then the figures they counted.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderctl-drill-'));
const started = Date.now();
const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/drill/', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, DRILL_FULL: '1', DRILL_FIGURES: dir },
});
const totals = {};
for (const f of fs.readdirSync(dir)) {
  for (const [k, v] of Object.entries(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')))) totals[k] = (totals[k] ?? 0) + v;
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`\ndrill figures (${Math.round((Date.now() - started) / 1000)} s, seed ${process.env.DRILL_SEED ?? 2026}):`);
for (const k of Object.keys(totals).sort()) console.log(`  ${k.padEnd(34)} ${totals[k]}`);
process.exit(run.status ?? 1);
