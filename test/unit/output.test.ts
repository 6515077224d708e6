import { describe, expect, it } from 'vitest';
import { guardFormula, csvRow } from '../../src/output/csv.js';
import { jsonLine, safeCell, safeLines, tableTime, truncate } from '../../src/output/text.js';
import { renderTable } from '../../src/output/table.js';
import { fitWidths } from '../../src/output/table.js';
import { listWriter, writeOne } from '../../src/output/writer.js';
import type { View } from '../../src/output/view.js';
import { testContext } from '../support/context.js';

interface Row {
  id: string;
  name: string;
  total: { amount: string; currency: string };
}
const view: View<Row> = {
  columns: [
    { header: 'ID', value: (r) => r.id },
    { header: 'NAME', value: (r) => r.name, tone: () => 'good' },
    { header: 'TOTAL', value: (r) => `${r.total.amount} ${r.total.currency}`, align: 'right' },
  ],
  json: (r) => r,
  id: (r) => r.id,
  fields: ['id', 'name', 'total', 'total.amount', 'total.currency'],
};
const rows: Row[] = [
  { id: '1', name: 'Ada', total: { amount: '9.50', currency: 'EUR' } },
  { id: '2', name: '=HYPERLINK("x")', total: { amount: '120.00', currency: 'EUR' } },
];

function render(output: 'table' | 'json' | 'ndjson' | 'csv' | 'ids', extra: Parameters<typeof testContext>[0] = {}) {
  const ctx = testContext({ ...extra, globals: { output, ...extra.globals } });
  const w = listWriter(ctx, view);
  rows.forEach((r) => w.write(r));
  w.end();
  return ctx.io.out();
}

describe('list output', () => {
  it('ids stay one a line even when a server put a line break or escape in one', () => {
    const ctx = testContext({ globals: { output: 'ids' } });
    const w = listWriter(ctx, view);
    w.write({ ...rows[0]!, id: '7\n8' });
    w.write({ ...rows[0]!, id: '9\u001b[2J' });
    w.end();
    expect(ctx.io.out()).toBe('7↵8\n9\\x1b[2J\n');
  });

  it('json is one array, ndjson one object a line, ids one id a line', () => {
    expect(JSON.parse(render('json'))).toEqual(rows);
    expect(render('ndjson').trim().split('\n').map((l) => JSON.parse(l))).toEqual(rows);
    expect(render('ids')).toBe('1\n2\n');
  });

  it('an empty list is [] in json and a header in csv', () => {
    const ctx = testContext({ globals: { output: 'json' } });
    listWriter(ctx, view).end();
    expect(ctx.io.out()).toBe('[]\n');
    const csv = testContext({ globals: { output: 'csv' } });
    listWriter(csv, view).end();
    expect(csv.io.out()).toBe('id,name,total.amount,total.currency\n');
  });

  it('csv quotes and guards formulas', () => {
    expect(render('csv')).toBe('id,name,total.amount,total.currency\n1,Ada,9.50,EUR\n2,"\'=HYPERLINK(""x"")",120.00,EUR\n');
    expect(guardFormula('+1')).toBe("'+1");
    expect(guardFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(guardFormula('-3.50')).toBe('-3.50');
    expect(csvRow(['a\nb', 'c,d'])).toBe('"a\nb","c,d"\n');
  });

  it('tables align money right and colour only when IO allows', () => {
    const plain = render('table');
    expect(plain).toMatch(/^ID\s+NAME\s+TOTAL\n/);
    expect(plain).toMatch(/\s9\.50 EUR\n/);
    expect(plain).toContain(' 9.50 EUR'); // right-aligned under the wider 120.00
    expect(plain).not.toContain('\u001b[');
    const coloured = render('table', { io: { colorEnabled: true } });
    expect(coloured).toContain('\u001b[32mAda');
  });

  it("csv is the JSON's paths and values, never the table's: money as an amount and a currency column", () => {
    // The leaves of the view's fields.
    expect(render('csv').split('\n')[0]).toBe('id,name,total.amount,total.currency');
    // Without a list of fields, the leaves of the first record's JSON; an array of objects gives a list per leaf.
    const ctx = testContext({ globals: { output: 'csv' } });
    const w = listWriter(ctx, { ...view, fields: undefined, json: (r) => ({ ...r, items: [{ sku: 'A', qty: 2 }, { sku: 'B', qty: 1 }] }) });
    w.write(rows[0]!);
    w.end();
    expect(ctx.io.out()).toBe('id,name,total.amount,total.currency,items.sku,items.qty\n1,Ada,9.50,EUR,A; B,2; 1\n');
  });

  it('--fields picks paths in json and becomes the columns in csv', () => {
    expect(JSON.parse(render('json', { globals: { fields: ['id', 'total.amount'] } }))).toEqual([
      { id: '1', total: { amount: '9.50' } },
      { id: '2', total: { amount: '120.00' } },
    ]);
    expect(render('csv', { globals: { fields: ['id', 'total.amount'] } })).toBe('id,total.amount\n1,9.50\n2,120.00\n');
    expect(() => render('json', { globals: { fields: ['nme'] } })).toThrow(/unknown field "nme"; did you mean "name"\?/);
  });

  it('writeOne prints a single object, not an array', () => {
    const ctx = testContext({ globals: { output: 'json' } });
    writeOne(ctx, view, rows[0]!);
    expect(JSON.parse(ctx.io.out())).toEqual(rows[0]);
  });
});

describe('untrusted text in tables', () => {
  it('neutralizes escape sequences and control characters', () => {
    expect(safeCell('red\u001b[31mtext\u0007')).toBe('red\\x1b[31mtext\\x07');
    expect(safeCell('two\nlines\r\n')).toBe('two↵lines↵');
  });
  it('truncates with an ellipsis and fits widths to the terminal', () => {
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    expect(truncate('abc', 5)).toBe('abc');
    expect(fitWidths([10, 60, 10], 60).reduce((a, b) => a + b + 2, 0)).toBeLessThanOrEqual(60);
  });
});

describe('tables on a terminal', () => {
  it('show local time unless asked for UTC', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      expect(tableTime('2026-01-13T07:42:38Z', true)).toBe('2026-01-13 16:42');
    } finally {
      process.env.TZ = tz;
    }
    expect(tableTime('2026-01-13T07:42:38Z', false)).toBe('2026-01-13T07:42:38Z');
    expect(tableTime(null, true)).toBe('');
  });

  it('leave out optional columns and cut flexible ones to fit, never when piped', () => {
    const cols = [
      { header: 'ID', value: (r: Row) => r.id },
      { header: 'NAME', value: (r: Row) => r.name.repeat(10), flex: true },
      { header: 'TOTAL', value: (r: Row) => r.total.amount, optional: true },
    ];
    const narrow = renderTable(testContext({ io: { stdoutIsTTY: true, columns: 18 } }), cols, rows);
    expect(narrow).not.toContain('TOTAL');
    expect(narrow.split('\n').every((l) => l.length <= 18)).toBe(true);
    expect(narrow).toContain('…');
    const piped = renderTable(testContext({ io: { stdoutIsTTY: false, columns: 30 } }), cols, rows);
    expect(piped).toContain('TOTAL');
    expect(piped).not.toContain('…');
  });

  it('keep the same columns whatever the data: long names are cut, not pushed out of the table', () => {
    interface Sale {
      id: string;
      name: string;
      email: string;
    }
    const cols = [
      { header: 'ID', value: (r: Sale) => r.id },
      { header: 'STATUS', value: () => 'awaiting_fulfillment' },
      { header: 'CUSTOMER', value: (r: Sale) => r.name, flex: true },
      { header: 'EMAIL', value: (r: Sale) => r.email, flex: true, optional: true },
      { header: 'TOTAL', value: () => '1,234.50 EUR', align: 'right' as const },
      { header: 'CREATED', value: () => '2026-11-20 10:00' },
      { header: 'UPDATED', value: () => '2026-11-21 09:30', optional: true },
    ];
    const short: Sale[] = [{ id: '101', name: 'Jo Li', email: 'jo@ex.io' }];
    const long: Sale[] = [{ id: '101', name: 'Maximiliane Alexandra von Hohenzollern-Sigmaringen', email: 'maximiliane.alexandra@hohenzollern-sigmaringen.example.com' }];
    const headers = (out: string) => out.split('\n')[0]!.trim().split(/\s+/);
    for (const width of [100, 120]) {
      const ctx = () => testContext({ io: { stdoutIsTTY: true, columns: width } });
      const a = renderTable(ctx(), cols, short);
      const b = renderTable(ctx(), cols, long);
      expect(headers(b), String(width)).toEqual(headers(a));
      expect(headers(b)).toEqual(['ID', 'STATUS', 'CUSTOMER', 'EMAIL', 'TOTAL', 'CREATED', 'UPDATED']);
      expect(b).toContain('…');
      expect(b.split('\n').every((l) => l.length <= width)).toBe(true);
    }
    // Only the terminal's width drops optional columns, last first.
    const narrow = renderTable(testContext({ io: { stdoutIsTTY: true, columns: 80 } }), cols, long);
    expect(headers(narrow)).toEqual(['ID', 'STATUS', 'CUSTOMER', 'EMAIL', 'TOTAL', 'CREATED']);
    expect(headers(renderTable(testContext({ io: { stdoutIsTTY: true, columns: 80 } }), cols, short))).toEqual(headers(narrow));
  });
});

describe('text for a terminal', () => {
  it('safeLines escapes control characters and keeps newlines and tabs; safeCell also folds them', () => {
    const hostile = 'a\u001b[31m\tb\r\nc\u202ed\u009b';
    expect(safeLines(hostile)).toBe('a\\x1b[31m\tb\\x0d\nc\\u202ed\\x9b');
    expect(safeCell(hostile)).toBe('a\\x1b[31m b↵c\\u202ed\\x9b');
  });

  it('jsonLine escapes C1 controls and bidi overrides, and stays the same JSON', () => {
    const value = { error: { message: 'x\u009b31m\u202ey\u2028' } };
    const line = jsonLine(value);
    expect(line).toBe('{"error":{"message":"x\\u009b31m\\u202ey\\u2028"}}');
    expect(JSON.parse(line)).toEqual(value);
  });
});

describe('the progress line', () => {
  it('says order for one and orders for more', async () => {
    const { Progress } = await import('../../src/output/progress.js');
    const lines = (count: number, total?: number) => {
      const ctx = testContext({ io: { stderrIsTTY: true } });
      new Progress(ctx, 'exporting…').tick(count, total);
      return ctx.io.err().split('\r\u001b[2K').join('');
    };
    expect(lines(1)).toMatch(/^exporting… 1 order \(/);
    expect(lines(2)).toMatch(/^exporting… 2 orders \(/);
    expect(lines(1, 1)).toMatch(/ 1 of 1 order \(/);
    expect(lines(1, 3)).toMatch(/ 1 of 3 orders \(/);
  });
});
