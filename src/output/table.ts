// Tables for people: cli-table3, colour by meaning, cells made safe and
// truncated to fit the terminal.

import { createRequire } from 'node:module';
import type { Context } from '../core/context.js';
import type { Column, Tone } from './view.js';
import { safeCell, truncate } from './text.js';
import { paint } from './color.js';

export function renderTable<T>(ctx: Context, columns: Column<T>[], rows: T[]): string {
  // cli-table3 is CommonJS; required here so only commands that print a table load it.
  const Table = createRequire(import.meta.url)('cli-table3') as TableCtor;
  const cells = rows.map((r) => columns.map((c) => safeCell(c.value(r))));
  const widths = fitWidths(columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]!.length))), ctx.io.columns);
  const table = new Table({
    head: columns.map((c) => paint(ctx, 'head', c.header)),
    chars: BORDERLESS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 2 },
    colAligns: columns.map((c) => c.align ?? 'left'),
  });
  rows.forEach((r, i) => {
    table.push(
      columns.map((c, j) => {
        const text = ctx.io.stdoutIsTTY ? truncate(cells[i]![j]!, widths[j]!) : cells[i]![j]!;
        const tone: Tone | undefined = c.tone?.(r);
        return tone ? paint(ctx, tone, text) : text;
      }),
    );
  });
  return `${table.toString().replace(/[ \t]+$/gm, '')}\n`;
}

/** Shrinks the widest columns until the row fits the terminal. */
export function fitWidths(natural: number[], terminal: number): number[] {
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b + 2, 0);
  while (total() > terminal) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= 8) break;
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
