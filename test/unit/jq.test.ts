// --jq: jq's own code (jq-web, WebAssembly) compared with the jq binary on a
// corpus of expressions, when the binary is installed; and how output is fed
// to it (whole documents, NDJSON in batches of whole lines).

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compileJq, filterStdout } from '../../src/output/jq.js';
import { testIO } from '../../src/core/io.js';

const hasJq = (() => {
  try {
    execFileSync('jq', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const ORDERS = [
  { id: '100', store: 'eu', status: 'awaiting_fulfillment', totals: { total: { amount: '12.30', currency: 'EUR' } }, customer: { name: 'Åse Ødegård', email: null }, items: [{ sku: 'MUG', quantity: 2 }, { sku: null, quantity: 1 }], createdAt: '2026-11-01T10:00:00Z', notes: 'tab\there, "quoted"' },
  { id: '101', store: 'us', status: 'fulfilled', totals: { total: { amount: '5.00', currency: 'USD' } }, customer: { name: 'Bo', email: 'bo@example.com' }, items: [], createdAt: '2026-11-02T09:30:00Z', notes: '' },
  { id: '102', store: 'eu', status: 'cancelled', totals: { total: { amount: '1050.99', currency: 'EUR' } }, customer: { name: 'Cy 😀', email: 'cy@example.com' }, items: [{ sku: 'TEE', quantity: 3 }], createdAt: '2026-10-30T23:59:59Z', notes: null },
];

// Expressions whose output jq 1.6 (Debian 12), 1.7 and jq-web agree on: number
// literals are left out, as 1.7 keeps them as written (1.0 stays 1.0, and
// "5.00" | tonumber is 5.00).
const CORPUS = [
  '.',
  '.[0].id',
  '.[] | .id',
  'map(.totals.total.amount | tonumber) | add',
  '.[] | select(.store == "eu") | .items[].sku',
  'map({id, store})',
  '.[] | [.id, .store, .totals.total.amount] | @csv',
  '.[] | [.id, .notes] | @tsv',
  'group_by(.store) | map({store: .[0].store, n: length, ids: map(.id)})',
  'sort_by(.createdAt) | reverse | map(.id)',
  '.[0].createdAt | fromdate',
  '.[0].createdAt | fromdate | todate',
  '.[0] | keys',
  '.[0] | to_entries | map(.key) | join(",")',
  '.[] | .customer.name',
  '.[] | .customer.name | @json',
  '.[0].notes | @sh',
  '.[0].notes | @uri',
  '.[0].notes | @html',
  '.[0].notes | @base64 | @base64d',
  '[paths] | length',
  'first(.[] | select(.status == "fulfilled")).id',
  '[.[] | .items | length] | max',
  '"\\(.[0].id)-\\(.[1].id)"',
  '.[] | .customer.email // "none"',
  '.[] | select(.customer.name | test("^b"; "i")) | .id',
  '.[0].notes | sub("(?<w>[a-z]+)"; "<\\(.w)>"; "g")',
  '.[0].notes | split(",")',
  'reduce .[] as $o (0; . + ($o.items | length))',
  'def money: .totals.total | "\\(.amount) \\(.currency)"; .[] | money',
  'map(select(.items | any(.quantity > 2))) | length',
  '.[0] | with_entries(.value |= type)',
  '[.[] | .items[]?.quantity] | add',
  'try (.[0].id | tonumber) catch "not a number"',
  '[limit(2; .[])] | length',
  'map(.id) | index("101")',
  'unique_by(.store) | map(.store)',
  'min_by(.createdAt).id',
  '[.. | numbers]',
  'walk(if type == "string" then ascii_downcase else . end) | .[2].customer.name',
  '.[] | {(.id): .status}',
  '[.[] | .createdAt | strptime("%Y-%m-%dT%H:%M:%SZ") | mktime]',
  'tostream | select(length == 2) | .[0] | map(tostring) | join(".")',
  '.[1].notes | length',
  '.[] | .notes | type',
];

describe.skipIf(!hasJq)('--jq agrees with the jq binary (skipped: jq is not installed)', () => {
  const input = JSON.stringify(ORDERS);
  it.each(CORPUS)('%s', async (expr) => {
    const expected = execFileSync('jq', ['-rc', expr], { input }).toString();
    const program = await compileJq(expr, testIO().stderr);
    expect(program.run(input)).toBe(expected);
  });

  it('over NDJSON, each line is one input, as jq reads a stream', async () => {
    const ndjson = ORDERS.map((o) => JSON.stringify(o)).join('\n') + '\n';
    const expr = '[.id, (.items | length)] | @tsv';
    const program = await compileJq(expr, testIO().stderr);
    expect(program.run(ndjson)).toBe(execFileSync('jq', ['-rc', expr], { input: ndjson }).toString());
  });
});

describe('--jq', () => {
  it('a bad expression is a usage error (exit 2) before anything runs', async () => {
    await expect(compileJq('.[', testIO().stderr)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^invalid --jq expression: syntax error/) });
    await expect(compileJq('nosuchfn', testIO().stderr)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/nosuchfn\/0 is not defined/) });
  });

  it('an error while running is exit 1, with jq\'s message', async () => {
    const program = await compileJq('.[] | .id', testIO().stderr);
    expect(() => program.run('[1]')).toThrow(expect.objectContaining({ exitCode: 1, message: expect.stringMatching(/^--jq: Cannot index number with (string )?"id"$/) }));
  });

  it('prints strings raw and other values compact, one a line (jq -rc)', async () => {
    const program = await compileJq('.[] | (.id, .totals, .items[0].quantity // null)', testIO().stderr);
    expect(program.run(JSON.stringify(ORDERS.slice(0, 1)))).toBe('100\n{"total":{"amount":"12.30","currency":"EUR"}}\n2\n');
  });

  it('debug output goes to stderr, not stdout', async () => {
    const io = testIO();
    const program = await compileJq('debug | .id', io.stderr);
    expect(program.run('{"id":"1"}')).toBe('1\n');
    expect(io.err()).toContain('["DEBUG:",{"id":"1"}]');
  });

  it('keeps a JSON document until the end, then filters it whole', async () => {
    const io = testIO();
    const f = await filterStdout('length', io, false);
    f.io.stdout.write('[\n  {"id":1},\n');
    f.io.stdout.write('  {"id":2}\n]\n');
    expect(io.out()).toBe('');
    f.end();
    expect(io.out()).toBe('2\n');
  });

  it('filters NDJSON as it streams: whole lines, on the next turn of the event loop', async () => {
    const io = testIO();
    const f = await filterStdout('.id', io, true);
    f.io.stdout.write('{"id":"a"}\n{"id":');
    expect(io.out()).toBe('');
    await new Promise((r) => setImmediate(r));
    expect(io.out()).toBe('a\n');
    f.io.stdout.write('"b"}\n');
    f.end();
    expect(io.out()).toBe('a\nb\n');
  });

  it('filters full batches at once, without waiting for the event loop', async () => {
    const io = testIO();
    const f = await filterStdout('.n', io, true);
    for (let n = 0; n < 500; n++) f.io.stdout.write(`{"n":${n}}\n`);
    expect(io.out().split('\n').length - 1).toBe(500);
    f.end();
  });

  it('after a failure: whole NDJSON lines still go through, an unfinished JSON array does not', async () => {
    const lines = testIO();
    const a = await filterStdout('.id', lines, true);
    a.io.stdout.write('{"id":"a"}\n{"id"');
    a.abandon();
    expect(lines.out()).toBe('a\n');
    const doc = testIO();
    const b = await filterStdout('length', doc, false);
    b.io.stdout.write('[\n  {"id":1}');
    b.abandon();
    expect(doc.out()).toBe('');
    const whole = testIO();
    const c = await filterStdout('length', whole, false);
    c.io.stdout.write('[{"id":1}]\n');
    c.abandon();
    expect(whole.out()).toBe('1\n');
  });
});
