// The sandbox's JSON encoder: the bytes are always those of
// Buffer.from(JSON.stringify(body)), and a list page is stringified element by
// element, so one order with a CJK name does not make the whole page a
// two-byte string.

import { describe, expect, it } from 'vitest';
import { jsonBytes, jsonPieces } from '../../../src/sandbox/json-bytes.js';
import { createRng } from '../../../src/sandbox/rng.js';

const reference = (body: unknown) => Buffer.from(JSON.stringify(body), 'utf8');

const order = (id: number, name: string) => ({ id, name, total: '12.5000', lines: [{ sku: `S-${id}`, qty: 1 }], tags: [], note: null });
const strings = {
  ascii: 'Plain ASCII "quoted" \\ back\\slash\n\ttab',
  latin1: 'Zoë Ångström, Müller & Søn — ÿ ¿ ¡ ©',
  cjk: '山田太郎 東京都渋谷区',
  emoji: 'gift 🎁 ok 👍🏽 family 👨‍👩‍👧',
  lone: 'half \ud83d of a pair',
  control: '\u0000\u001f\u007f\u2028\u2029',
};

describe('jsonBytes', () => {
  const bodies: Array<[string, unknown]> = [
    ['an array of orders with ASCII, Latin-1, CJK and emoji', Object.values(strings).map((s, i) => order(i + 1, s))],
    ['nested arrays', [[1, [2, [3, []]]], [], [strings.cjk, [strings.emoji]], [[]]]],
    ['an empty array', []],
    ['an array of empty arrays', [[], [], []]],
    ['an array of one element', [order(1, strings.cjk)]],
    ['primitives in an array', [1, -0, 1.5e300, 'x', true, null, strings.latin1]],
    ['values JSON cannot hold in an array', [undefined, () => 1, Symbol('s'), NaN, Infinity, 2]],
    ['a sparse array', [1, , 3]], // eslint-disable-line no-sparse-arrays
    ['Squarespace’s list envelope', { result: [order(1, strings.ascii), order(2, strings.cjk)], pagination: { hasNextPage: true, nextPageCursor: 'abc', nextPageUrl: null } }],
    ['CS-Cart’s list envelope', { orders: [order(1, strings.latin1)], params: { page: 1, items_per_page: '10', total_items: '1' } }],
    ['an envelope with an empty array', { result: [], pagination: { hasNextPage: false, nextPageCursor: null } }],
    ['an envelope with left-out values first and last', { skipped: undefined, data: [order(1, strings.emoji)], fn: () => 1, total: 1, last: undefined }],
    ['an envelope of nothing but left-out values and an array', { a: undefined, b: [] }],
    ['an object without arrays', { id: 7, name: strings.cjk, nested: { x: [1, 2] } }],
    ['an object with a CJK key', { 名前: [strings.cjk], 'quote"key': [1] }],
    ['a bare string', strings.emoji],
    ['a number', 42],
    ['null', null],
    ['Dates (toJSON) in an array', [new Date(Date.UTC(2026, 0, 2)), order(1, strings.ascii)]],
    ['an element with a toJSON that reads its key', [{ toJSON: (key: string) => `key ${key}` }, { toJSON: (key: string) => `key ${key}` }]],
    ['an envelope value with a toJSON that reads its key', { data: [1], meta: { toJSON: (key: string) => key } }],
    ['an envelope array whose elements have a toJSON that reads its key', { data: [{ toJSON: (key: string) => key }], total: 1 }],
    ['an object made by a class', [new (class Row { a = [1]; b = strings.cjk })()]],
  ];

  for (const [what, body] of bodies) {
    it(`gives JSON.stringify's UTF-8 bytes for ${what}`, () => {
      expect(jsonBytes(body)!.equals(reference(body))).toBe(true);
    });
  }

  it('gives JSON.stringify’s bytes for seeded random pages', () => {
    const rng = createRng(11);
    const pool = [...Object.values(strings), 'é', '中', '😀', 'a'];
    const text = () => Array.from({ length: rng.int(0, 12) }, () => pool[rng.int(0, pool.length - 1)]).join('');
    for (let n = 0; n < 50; n++) {
      const page = Array.from({ length: rng.int(0, 30) }, (_, i) => ({ ...order(i, text()), items: Array.from({ length: rng.int(0, 3) }, () => [text(), rng.int(0, 9)]) }));
      const body = n % 2 ? page : { result: page, pagination: { hasNextPage: rng.int(0, 1) === 1, cursor: text() } };
      expect(jsonBytes(body)!.equals(reference(body))).toBe(true);
    }
  });

  it('gives undefined where JSON.stringify does', () => {
    expect(jsonBytes(undefined)).toBeUndefined();
    expect(jsonBytes(() => 1)).toBeUndefined();
  });
});

describe('jsonPieces', () => {
  it('splits a top-level array element by element', () => {
    const page = [order(1, strings.ascii), order(2, strings.cjk), order(3, strings.latin1)];
    expect(jsonPieces(page)).toEqual(['[', JSON.stringify(page[0]), ',', JSON.stringify(page[1]), ',', JSON.stringify(page[2]), ']']);
  });

  it('splits an envelope’s arrays element by element and keeps its other values whole', () => {
    const body = { result: [order(1, strings.ascii), order(2, strings.cjk)], pagination: { hasNextPage: false } };
    const pieces = jsonPieces(body)!;
    expect(pieces).toContain(JSON.stringify(body.result[0]));
    expect(pieces).toContain(JSON.stringify(body.result[1]));
    expect(pieces).toContain(`,"pagination":${JSON.stringify(body.pagination)}`);
    expect(pieces.join('')).toBe(JSON.stringify(body));
  });

  it('leaves whole what it would gain nothing or lose exactness by splitting', () => {
    expect(jsonPieces({ id: 1, name: strings.cjk })).toBeUndefined(); // no array: one order
    expect(jsonPieces('text')).toBeUndefined();
    expect(jsonPieces([new Date(0)])).toBeUndefined(); // toJSON is passed the element's index
    expect(jsonPieces({ data: [1], at: new Date(0) })).toBeUndefined();
    expect(jsonPieces({ data: [new Date(0)], total: 1 })).toBeUndefined();
  });
});
