// Tables for people: cli-table3, colour by meaning, cells made safe and
// truncated to fit the terminal.

import { createRequire } from 'node:module';
import type { Context } from '../core/context.js';
import type { Column, Tone } from './view.js';
import { safeCell, truncate } from './text.js';
import { paint } from './color.js';

export function renderTable<T>(ctx: Context, allColumns: Column<T>[], rows: T[]): string {
  // cli-table3 is CommonJS; required here so only commands that print a table load it.
  const Table = createRequire(import.meta.url)('cli-table3') as TableCtor;
  const tty = ctx.io.stdoutIsTTY;
  const natural = (c: Column<T>) => Math.max(c.header.length, ...rows.map((r) => safeCell(c.value(r)).length));
  // What a column needs at least: a flexible one can be cut to FLEX_MIN (or its header), so
  // long names truncate instead of pushing other columns out; the set of columns depends on
  // the terminal's width, not on the data.
  const least = (c: Column<T>) => c.least ?? (c.flex ? Math.max(c.header.length, FLEX_MIN) : natural(c));
  let columns = allColumns;
  // On a narrow terminal, optional columns go first (never when piped: nothing is cut then).
  while (tty && columns.some((c) => c.optional) && total(columns.map(least)) > ctx.io.columns) {
    const drop = columns.map((c) => c.optional).lastIndexOf(true);
    columns = columns.filter((_, i) => i !== drop);
  }
  const cells = rows.map((r) => columns.map((c) => safeCell(c.value(r))));
  const widths = fitWidths(columns.map(natural), ctx.io.columns, columns.map((c) => Boolean(c.flex)));
  const table = new Table({
    head: columns.map((c) => paint(ctx, 'head', c.header)),
    chars: BORDERLESS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 2 },
    colAligns: columns.map((c) => c.align ?? 'left'),
  });
  rows.forEach((r, i) => {
    table.push(
      columns.map((c, j) => {
        const text = tty ? truncate(cells[i]![j]!, widths[j]!) : cells[i]![j]!;
        const tone: Tone | undefined = c.tone?.(r);
        return tone ? paint(ctx, tone, text) : text;
      }),
    );
  });
  return `${table.toString().replace(/[ \t]+$/gm, '')}\n`;
}

const total = (widths: number[]) => widths.reduce((a, b) => a + b + 2, 0);

/** The narrowest a flexible column is cut to. */
const FLEX_MIN = 8;

/** Shrinks the widest flexible columns (all, when none is marked) until the row fits. */
export function fitWidths(natural: number[], terminal: number, flex: boolean[] = natural.map(() => true)): number[] {
  const widths = [...natural];
  const shrinkable = flex.some(Boolean) ? flex : natural.map(() => true);
  while (total(widths) > terminal) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (shrinkable[i] && w > FLEX_MIN && (widest < 0 || w > widths[widest]!)) widest = i;
    });
    if (widest < 0) break;
    widths[widest]! -= 1;
  }
  return widths;
}

const BORDERLESS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '',
  right: '', 'right-mid': '', middle: '',
};

type TableCtor = new (opts: object) => { push(row: string[]): void; toString(): string };
