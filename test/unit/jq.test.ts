// --jq: jq's own code (jq-web, WebAssembly) compared with the jq binary on a
// corpus of expressions, when the binary is installed; and how output is fed
// to it (whole documents, NDJSON in batches of whole lines).

import { execFileSync, spawnSync } from 'node:child_process';
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
  // Paths, alternatives, optional access, reduce and foreach.
  '[paths(type == "number")] | map(map(tostring) | join("."))',
  'getpath(["0", "x"])?, getpath([0, "customer", "name"]), [getpath([5, "id"])]',
  'map(del(.items, .notes)) | .[0] | keys_unsorted',
  '.[] | .customer.email // .customer.name',
  '[.[] | .items[0]?.sku // "-"]',
  '[.[] | (.notes | ascii_downcase)?]',
  '[.[] | .customer.missing.deeper?]',
  'foreach .[] as $o (0; . + 1; [., $o.id])',
  'reduce (.[] | .items[]) as $i ({}; .[$i.sku // "none"] += $i.quantity)',
  '[limit(1; .[] | select(.store == "eu")) | .id], first(.[] | .id), [first(empty)]',
  'label $out | .[] | if .id == "101" then break $out else .id end',
  // Formats, on strings with quotes, tabs, newlines and non-ASCII.
  '.[] | [.id, .customer.name, .notes] | @csv',
  '.[] | [.id, .customer.name, .notes // ""] | @tsv',
  '.[] | [.id, .customer.name] | @sh',
  '.[] | .customer.name | @base64, @uri, @html, @json, @text',
  '@sh "echo \\(.[0].customer.name)"',
  '@uri "https://example.com/?q=\\(.[2].customer.name)"',
  '.[0].notes | @json "n=\\(.)"',
  // Strings, unicode, regular expressions (Oniguruma).
  '.[] | .customer.name | length, utf8bytelength, explode',
  '.[2].customer.name | test("😀"), [match("😀").offset], ltrimstr("Cy "), rtrimstr("😀"), ascii_downcase',
  '.[0].customer.name | [splits("\\\\s")], (split(" ") | join("_"))',
  '.[0].notes | [match("(?<word>[a-z]+)"; "g") | .captures[0].string]',
  '.[0].notes | capture("(?<first>\\\\w+)\\t(?<second>\\\\w+)")',
  '.[0].notes | gsub("(?<q>\\"[a-z]+\\")"; "<\\(.q)>"), sub("^"; ">"), sub("$"; "!")',
  '.[0].notes | [scan("[a-z]+")], test("TAB"; "i"), test("t a b"; "x")',
  '.[] | .createdAt | ltrimstr("2026-") | rtrimstr("Z")',
  '[.[] | .customer.email | select(. != null) | ascii_upcase]',
  // Numbers as text: the forms jq 1.6 and 1.7 print alike.
  '[3.5, -2, 1000, 0.001, 0.25] | map(tojson), tojson, (.[] | @text)',
  '[.[].items[].quantity] | add / length | floor, ceil, round',
  // Dates.
  '.[] | .createdAt | fromdate | todate, strftime("%A %d %B %Y %H:%M %Z, %k:%M %l %P, day %j %e"), (gmtime | mktime)',
  '.[] | .createdAt | strptime("%Y-%m-%dT%H:%M:%SZ") | todate, strftime("%a %b %d %I %p")',
  '"10:00 01/11/2026" | strptime("%H:%M %d/%m/%Y") | todate',
  // Keys and key order.
  '.[0] | keys, keys_unsorted, (to_entries | map(.key)), tojson',
  '{"b": 1, "a": 2, "C": 3, "é": 4, "10": 5, "9": 6} | keys, keys_unsorted, tojson, tostring',
  '.[0] | {z: .id, a: .store} | tojson, keys',
  // Errors a script catches.
  '.[] | try (.notes | test("[")) catch "bad regex"',
  'try error("x") catch ., try error({a: 1}) catch .a, (.[] | .id | tonumber? // "not a number")',
  '.[] | select(.items | length > 0) | .items | first.sku, last.sku',
  '$__loc__, $__loc__.line',
  'input_line_number',
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

// What jq 1.7.1 prints where jq 1.6 (the binary installed here) differs or
// lacks the builtin: kept as written, from a run of jq 1.7.1.
const JQ17: Array<[input: string, expr: string, output: string]> = [
  ['null', '1.0, 1e1000, -1e1000, 100000000000000000000, -0, 0.10, 1E2', "1.0\n1E+1000\n-1.7976931348623157e+308\n100000000000000000000\n-0\n0.10\n1E+2\n"],
  ['null', '[1.0, 1e1000, 100000000000000000000, -0] | map(tostring), tojson, (.[] | @text)', "[\"1.0\",\"1E+1000\",\"100000000000000000000\",\"-0\"]\n[1.0,1E+1000,100000000000000000000,-0]\n1.0\n1E+1000\n100000000000000000000\n-0\n"],
  ['[1.0, 1e1000, 100000000000000000000, -0, 13911860366432393]', '., .[4], (.[4] + 0), map(. + 0)', "[1.0,1E+1000,100000000000000000000,-0,13911860366432393]\n13911860366432393\n13911860366432392\n[1,1.7976931348623157e+308,1e+20,0,13911860366432392]\n"],
  ['"5.00"', 'tonumber, (tonumber | tostring), (tonumber + 0)', "5.00\n5.00\n5\n"],
  ['{"amount": "12.30"}', '.amount | tonumber | ., tojson, . * 2', "12.30\n12.30\n24.6\n"],
  ['[3.5, -2, 1e3, 0.001, 1e-5]', 'map(tojson), tojson', "[\"3.5\",\"-2\",\"1E+3\",\"0.001\",\"0.00001\"]\n[3.5,-2,1E+3,0.001,0.00001]\n"],
  ['"aaa"', 'gsub(""; "-"), gsub("a*"; "-"), [match(""; "g").offset]', "-a-a-a-\n--\n[0,1,2,3]\n"],
  ['"a,b, c"', '[splits(", *"; null)], [scan("[a-z]"; "g")]', "[\"a\",\"b\",\"c\"]\n[\"a\",\"b\",\"c\"]\n"],
  ['{"a": {"b": 1, "c": 2}, "d": 3}', 'pick(.a.b), [paths]', "{\"a\":{\"b\":1}}\n[[\"a\"],[\"a\",\"b\"],[\"a\",\"c\"],[\"d\"]]\n"],
  ['[-1.5, 2, null]', 'map(abs?), (.[0] | abs)', "[1.5,2]\n1.5\n"],
  ['"abc"', 'try (.[1:2] = "X") catch ., ltrimstr("a")', "Cannot update string slices\nbc\n"],
  ['null', 'try error(null) catch ., (try error catch .), [limit(0; 1, 2)]', "null\nnull\n[]\n"],
  ['null', '$__loc__, ([debug("msg")] | length), (8 | significand)', "{\"file\":\"<top-level>\",\"line\":1}\n1\n1\n"],
  ['null', '{} | .a += 1, (.b //= 3), ([1, 2] | getpath([5]))', "{\"a\":1}\n{\"b\":3}\nnull\n"],
  ['"2026-11-01T10:00:00Z"', 'fromdate | todate, strftime("%k|%l|%P|%Z|%^a|%#b|%+|%N|%-k")', "2026-11-01T10:00:00Z\n10|10|am|UTC|SUN|NOV|%+|%N|10\n"],
  ['null', 'tojson, ([1, [2]] | tostream | tojson)', "null\n[[0],1]\n[[1,0],2]\n[[1,0]]\n[[1]]\n"],
  ['"x"', 'input_filename', '<stdin>\n'],
];

describe('--jq prints what jq 1.7.1 prints', () => {
  it.each(JQ17)('%s | %s', async (input, expr, output) => {
    const program = await compileJq(expr, testIO().stderr);
    expect(program.run(input)).toBe(output);
  });

  it('has the builtins jq 1.7.1 has: no leaf_paths, trim or ltrimstr/0', async () => {
    for (const expr of ['leaf_paths', 'trim', 'ascii', 'have_decnum']) {
      await expect(compileJq(expr, testIO().stderr)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/is not defined/) });
    }
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

  it('prints NUL and other control characters in raw strings, as jq -r does', async () => {
    const input = JSON.stringify(['a\u0000b', 'tab\there\nnext', '\u001b[31m\u007f\u0085', '😀']);
    const program = await compileJq('.[]', testIO().stderr);
    const out = program.run(input);
    expect(out).toBe('a\u0000b\ntab\there\nnext\n\u001b[31m\u007f\u0085\n😀\n');
    if (hasJq) expect(out).toBe(execFileSync('jq', ['-rc', '.[]'], { input }).toString());
  });

  it('keeps what was printed before an error, and goes on with the next input, as jq does', async () => {
    const input = '{"id":"1"}\n2\n{"id":"3"}\n';
    const program = await compileJq('.id, "after"', testIO().stderr);
    const r = program.exec(input);
    expect(r.out).toBe('1\nafter\n3\nafter\n');
    expect(r.error).toBe('Cannot index number with string "id"');
    // jq 1.7 then exits 5, jq 1.6 with the last input's status.
    if (hasJq) expect(r.out).toBe(spawnSync('jq', ['-rc', '.id, "after"'], { input }).stdout.toString());
    const doc = await compileJq('.[] | .x', testIO().stderr);
    expect(doc.exec('[{"x":1},{"x":2},3,{"x":4}]')).toEqual({ out: '1\n2\n', error: 'Cannot index number with string "x"' });
    expect(doc.exec('[1]').error).toBe('Cannot index number with string "x"');
    const notString = await compileJq('error({a: 1})', testIO().stderr);
    expect(notString.exec('null').error).toBe('(not a string): {"a":1}');
  });

  it('halt and halt_error stop with what was printed kept; halt_error gives its text and exit code', async () => {
    const io = testIO();
    const halt = await compileJq('.id, (if .id == "2" then halt else empty end)', io.stderr);
    expect(halt.exec('{"id":"1"}\n{"id":"2"}\n{"id":"3"}\n')).toEqual({ out: '1\n2\n', halt: { text: '', code: 0 } });
    const bye = await compileJq('.id, ("bye\\n" | halt_error(3))', io.stderr);
    expect(bye.exec('{"id":"1"}\n{"id":"2"}\n')).toEqual({ out: '1\n', halt: { text: 'bye\n', code: 3 } });
    expect(() => bye.run('{"id":"1"}')).toThrow(expect.objectContaining({ exitCode: 3, message: 'bye\n' }));
    const obj = await compileJq('{a: 1} | halt_error', io.stderr);
    expect(obj.exec('null').halt).toEqual({ text: '{"a":1}\n', code: 5 });
  });

  it('env and $ENV are empty: nothing of orderctl\'s environment, and no made-up one', async () => {
    const program = await compileJq('env, $ENV, env.HOME, $ENV.ORDERCTL_TOKEN', testIO().stderr);
    expect(program.run('null')).toBe('{}\n{}\nnull\nnull\n');
  });

  it('pins where jq-web still differs from jq (README, "Differences from jq")', async () => {
    // jq prints the local zone's name (CET, UTC); jq-web's C library cannot name it.
    const zone = await compileJq('strflocaltime("%H %Z")', testIO().stderr);
    expect(zone.exec('1793527200').error).toBe('strflocaltime/1: unknown system failure');
    // jq prints years past 9999 without a sign.
    const far = await compileJq('todate', testIO().stderr);
    expect(far.run('1e12')).toBe('+33658-09-27T01:46:40Z\n');
  });

  it('a syntax error is one line, without a dangling colon', async () => {
    await expect(compileJq('.[', testIO().stderr)).rejects.toMatchObject({ message: 'invalid --jq expression: syntax error, unexpected end of file (Unix shell quoting issues?) at <top-level>, line 1' });
  });

  it('an expression with definitions, comments and $__loc__ runs as written', async () => {
    const program = await compileJq('def twice: . * 2; # a comment\n.n | twice, $__loc__.line', testIO().stderr);
    expect(program.run('{"n":2}')).toBe('4\n2\n');
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

  it('over NDJSON, input_line_number counts from the start of the stream, batch after batch', async () => {
    const io = testIO();
    const f = await filterStdout('input_line_number', io, true);
    for (let n = 0; n < 501; n++) f.io.stdout.write(`{"n":${n}}\n`);
    f.io.stdout.write('{"n":501}\n');
    f.end();
    const lines = io.out().split('\n').filter(Boolean);
    expect(lines).toHaveLength(502);
    expect(lines.at(-1)).toBe('502');
    expect(lines).toEqual(lines.map((_, i) => String(i + 1)));
  });

  it('over NDJSON, input and inputs fail clearly rather than read whatever the batch holds', async () => {
    const io = testIO();
    const f = await filterStdout('[., input]', io, true);
    f.io.stdout.write('{"n":1}\n{"n":2}\n');
    expect(() => f.end()).toThrow(expect.objectContaining({ exitCode: 1, message: expect.stringMatching(/^--jq: input and inputs read the next input, and NDJSON output is filtered line by line/) }));
    expect(io.out()).toBe('');
  });

  it('over NDJSON, an error ends its line only: the others print, and the run then fails', async () => {
    const io = testIO();
    const f = await filterStdout('if .n == 1 then error("boom") else .n end', io, true);
    f.io.stdout.write('{"n":0}\n{"n":1}\n');
    await new Promise((r) => setImmediate(r));
    f.io.stdout.write('{"n":2}\n');
    expect(() => f.end()).toThrow(expect.objectContaining({ exitCode: 1, message: '--jq: boom' }));
    expect(io.out()).toBe('0\n2\n');
  });

  it('over NDJSON, a halt stops the filtering; halt_error\'s text goes to stderr at once', async () => {
    const io = testIO();
    const f = await filterStdout('if .n == 1 then "stop\\n" | halt_error(4) else .n end', io, true);
    f.io.stdout.write('{"n":0}\n{"n":1}\n{"n":2}\n');
    await new Promise((r) => setImmediate(r));
    f.io.stdout.write('{"n":3}\n');
    expect(() => f.end()).toThrow(expect.objectContaining({ exitCode: 4 }));
    expect(io.out()).toBe('0\n');
    expect(io.err()).toBe('stop\n');
  });

  it('on a terminal, control characters from the server are shown, not obeyed; tabs and newlines stay', async () => {
    const doc = '[{"name":"\\u001b]0;owned\\u0007Ann\\tB\\nC \\u202eevil \\u0085"}]\n';
    const tty = testIO({ stdoutIsTTY: true });
    const f = await filterStdout('.[0].name, .[0]', tty, false);
    f.io.stdout.write(doc);
    f.end();
    expect(tty.out()).toBe('\\x1b]0;owned\\x07Ann\tB\nC \\u202eevil \\x85\n{"name":"\\u001b]0;owned\\u0007Ann\\tB\\nC \\u202eevil \\x85"}\n');
    const pipe = testIO();
    const g = await filterStdout('.[0].name', pipe, false);
    g.io.stdout.write(doc);
    g.end();
    expect(pipe.out()).toBe('\u001b]0;owned\u0007Ann\tB\nC \u202eevil \u0085\n');
  });

  it('a JSON document that fails part-way keeps the output before the error', async () => {
    const io = testIO();
    const f = await filterStdout('.[] | .id', io, false);
    f.io.stdout.write('[{"id":"a"},2]\n');
    expect(() => f.end()).toThrow(expect.objectContaining({ exitCode: 1, message: '--jq: Cannot index number with string "id"' }));
    expect(io.out()).toBe('a\n');
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
    expect(c.abandon()).toBeUndefined();
    expect(whole.out()).toBe('1\n');
    // jq's own error is handed back, for the caller to tell beside the command's.
    const failing = await filterStdout('.id', testIO(), false);
    failing.io.stdout.write('[1]\n');
    expect(failing.abandon()?.message).toBe('--jq: Cannot index array with string "id"');
  });
});
