import { describe, expect, it } from 'vitest';
import { depthOver } from '../../src/core/http.js';
import { MapFailure, opensArray, parseJsonArray } from '../../src/core/http-json.js';

/** What parsing the whole body gives: the value, or undefined when JSON.parse refuses it. */
function whole(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** The body cut into chunks of `size` bytes (the last may be shorter), as a socket might deliver it. */
function chunked(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

/** parseJsonArray over the body in one chunk, and cut every way from 1 to 7 bytes: all must agree. */
function parse(bytes: Buffer, maxDepth = 64): unknown[] | undefined {
  const whole = parseJsonArray([bytes], maxDepth);
  for (let size = 1; size <= 7; size++) expect(parseJsonArray(chunked(bytes, size), maxDepth), `in chunks of ${size}`).toStrictEqual(whole);
  return whole;
}

describe('parseJsonArray', () => {
  it.each([
    '[]',
    ' [ ] ',
    '\r\n\t[\n]\n',
    '[1]',
    '[1,2,3]',
    '[ {"a":1} , {"b":[1,2,{"c":"d"}]} ]',
    '[[],[[]],{}]',
    '["comma, inside","bracket ] inside","brace } and { inside","[unbalanced"]',
    '["escaped \\" quote, then comma","backslash at the end \\\\","\\\\\\" both"]',
    // Long runs of backslashes: an odd run escapes the quote after it, an even one does not.
    '["\\\\\\\\\\\\\\\\\\\\\\",","\\\\\\\\",{"k\\\\\\\\":"]\\\\\\\\\\\\\\""}]',
    '["\\u005d and \\u002c escaped", "\\ud83d\\ude00 a pair", "\\ud800 a lone half"]',
    '[{"name":"Zoë Ångström","city":"東京","emoji":"😀"},{"plain":"ascii"}]',
    '[{"__proto__":{"polluted":true}},{"constructor":1}]',
    '[1e400,-0,0.1,12345678901234567890,true,false,null]',
    '[{"a":1,"a":2}]',
  ])('reads %j as JSON.parse does', (text) => {
    const got = parse(utf8(text));
    expect(got).toBeDefined();
    expect(got).toStrictEqual(JSON.parse(text));
  });

  it.each([
    ['a byte-order mark first', '\ufeff[1]'],
    ['a trailing comma', '[1,]'],
    ['an empty element', '[,1]'],
    ['two values in one element', '[1 2]'],
    ['an unclosed array', '[1,2'],
    ['an unclosed string', '[1,"abc]'],
    ['more after the array', '[1] 2'],
    ['a second array', '[1][2]'],
    ['a non-breaking space inside', '[\u00a0]'],
    ['a non-breaking space after', '[1]\u00a0'],
    ['a bare word', '[1,abc]'],
    ['a control character in a string', '["a\u0001b"]'],
  ])('leaves %s to JSON.parse, which refuses it too', (_what, text) => {
    expect(parse(utf8(text))).toBeUndefined();
    expect(whole(utf8(text))).toBeUndefined();
  });

  it('carries an escape, a string and a character split across chunks, empty chunks too', () => {
    expect(parseJsonArray([utf8('["a\\'), utf8(''), utf8('"b", "c'), utf8(''), utf8('d"]')], 64)).toStrictEqual(['a"b', 'cd']);
    const zoe = utf8('["Zoë"]');
    expect(parseJsonArray([zoe.subarray(0, 5), zoe.subarray(5)], 64)).toStrictEqual(['Zoë']);
  });

  it('leaves a body that is not an array to the whole parse', () => {
    expect(parse(utf8('{"orders":[1,2]}'))).toBeUndefined();
    expect(parse(utf8('"[1]"'))).toBeUndefined();
    expect(parse(utf8(''))).toBeUndefined();
  });

  it('reads invalid UTF-8 inside a string as decoding the whole body does', () => {
    const bytes = Buffer.concat([utf8('["a'), Buffer.from([0xc3]), utf8('", "b'), Buffer.from([0xe2, 0x82]), utf8('c", "'), Buffer.from([0xff, 0xfe, 0xf0, 0x9f]), utf8('"]')]);
    expect(parse(bytes)).toStrictEqual(whole(bytes));
  });

  it('leaves a body nesting deeper than the limit to the whole parse and its depth check', () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(parse(utf8(deep(64)))).toStrictEqual(JSON.parse(deep(64)));
    expect(depthOver(JSON.parse(deep(64)), 64)).toBe(false);
    expect(parse(utf8(deep(65)))).toBeUndefined();
    expect(depthOver(JSON.parse(deep(65)), 64)).toBe(true);
    // Brackets in strings are not levels.
    expect(parse(utf8(`["${'['.repeat(100)}"]`))).toStrictEqual([`${'['.repeat(100)}`]);
  });

  it('agrees with JSON.parse on random arrays of random values', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = ['a', ',', ']', '[', '{', '}', '"', '\\', 'é', '😀', ' ', '\n', 'ü,"'];
    const text = () => Array.from({ length: Math.floor(rnd() * 6) }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
    const value = (depth: number): unknown => {
      const r = rnd();
      if (depth > 4 || r < 0.3) return [null, true, 1.5, -7, text()][Math.floor(rnd() * 5)];
      if (r < 0.6) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 4) }, () => [text(), value(depth + 1)]));
    };
    for (let i = 0; i < 500; i++) {
      const array = Array.from({ length: Math.floor(rnd() * 6) }, () => value(1));
      const body = utf8(JSON.stringify(array, null, i % 3 === 0 ? 2 : undefined));
      expect(parse(body)).toStrictEqual(array);
    }
  });
});

describe('opensArray', () => {
  it('looks past JSON whitespace only', () => {
    expect(opensArray([utf8(' \n[1]')])).toBe(true);
    expect(opensArray([utf8(' '), utf8(''), utf8('\n['), utf8('1]')])).toBe(true);
    expect(opensArray([utf8('{"a":[1]}')])).toBe(false);
    expect(opensArray([utf8('\u00a0[1]')])).toBe(false);
    expect(opensArray([utf8('')])).toBe(false);
    expect(opensArray([])).toBe(false);
  });
});

describe('parseJsonArray with an element map', () => {
  const body = utf8('[{"id":1},{"id":2,"name":"Zoë"},{"id":3}]');
  it('gives what the map returns for each element, with its index, in chunks too', () => {
    const map = (e: unknown, i: number) => [i, (e as { id: number }).id];
    for (let size = 1; size <= 7; size++) expect(parseJsonArray(chunked(body, size), 64, map)).toStrictEqual([[0, 1], [1, 2], [2, 3]]);
  });
  it("throws the map's own error as a MapFailure, where invalid JSON gives undefined", () => {
    const boom = new Error('not an order');
    let thrown: unknown;
    try {
      parseJsonArray([body], 64, (e, i) => {
        if (i === 1) throw boom;
        return e;
      });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(MapFailure);
    expect((thrown as MapFailure).thrown).toBe(boom);
    expect(parseJsonArray([utf8('[{"id":1},{"id":')], 64, (e) => e)).toBeUndefined();
  });
});
